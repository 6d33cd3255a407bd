import Yams

/// Reads the profile format (`Bodies/README.md`) from YAML nodes, so every mistake can name
/// its line and column. Unknown keys are errors: a misspelt rule must not be silently ignored.
struct ProfileParser {
    let f: YAMLFields

    init(file: String) { f = YAMLFields(file: file) }

    static let topKeys = ["version", "id", "name", "unit", "period", "terms", "categories", "requirements", "findings", "provenance", "options"]
    static let requirementKeys = ["id", "kind", "amount", "count", "minutes", "field", "severity", "filter", "description",
                                  "label", "from", "until", "citation", "unconfirmed", "when", "window-months", "each-year",
                                  "carry-from", "into", "last-months", "advisory", "combine", "requires-met", "not-from-first-period"]
    static let kinds = ["minimum", "cap", "count", "required-field", "needs-identified", "minimum-length", "carry-over"]

    func parse(_ yaml: String) throws -> BodyProfile {
        let root = try f.root(yaml)
        guard case .mapping(let m) = root else { throw f.error(root, "a profile must be a mapping with 'version', 'id', 'name', …") }
        // The version comes first: a newer file may use keys this build has never heard of.
        guard let versionNode = m["version"] else { throw f.error(root, "the profile is missing 'version' (this cpd reads version \(BodyProfile.supportedVersion))") }
        let version = try f.int(versionNode, "'version'")
        guard version <= BodyProfile.supportedVersion else {
            throw f.error(versionNode, "profile version \(version) is newer than this cpd supports (highest supported: \(BodyProfile.supportedVersion)); update cpd")
        }
        guard version >= 1 else { throw f.error(versionNode, "'version' must be 1 or more") }

        let top = try f.mapping(root, "the profile", allowed: Self.topKeys)
        let idNode = try top.required("id")
        let id = try f.string(idNode, "'id'")
        guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
            throw f.error(idNode, "'id' must be lower-case letters, digits and '-', like 'fca-ria'")
        }
        let unit = try top["unit"].map(parseUnit) ?? .hours
        let vocabulary = try parseVocabulary(top)
        let options = try top["options"].map(parseOptions) ?? []
        var requirements: [Requirement] = []
        var nodes: [Node] = []
        for node in try top["requirements"].map({ try f.list($0, "'requirements'") }) ?? [] {
            let r = try parseRequirement(node, unit: unit, vocabulary: vocabulary, options: options)
            if requirements.contains(where: { $0.id == r.id }) { throw f.error(node, "two requirements have the id '\(r.id)'") }
            requirements.append(r)
            nodes.append(node)
        }
        // Carry-over names other requirements: they must exist.
        for (r, node) in zip(requirements, nodes) {
            if case .carryOver(_, let from, let into, _) = r.kind {
                for id in [from] + into where !requirements.contains(where: { $0.id == id }) {
                    throw f.error(node, "carry-over names the requirement '\(id)', which this profile does not have")
                }
            }
        }
        var profile = BodyProfile(id: id, name: try top.requiredString("name"), version: version, unit: unit,
                           period: try top["period"].map(parsePeriod) ?? .calendarYear, requirements: requirements,
                           findings: try top["findings"].map(parseFindings) ?? .init(), vocabulary: vocabulary,
                           provenance: try top["provenance"].map(parseProvenance) ?? .init(), file: f.file)
        profile.options = options
        return profile
    }

    func parseOptions(_ node: Node) throws -> [ProfileOption] {
        try f.list(node, "'options'").map { item in
            let o = try f.mapping(item, "an option", allowed: ["name", "values", "default", "description"])
            let values = try o.strings("values")
            guard !values.isEmpty else { throw f.error(item, "an option needs 'values'") }
            let defaultNode = try o.required("default")
            let value = try f.string(defaultNode, "'default'")
            guard values.contains(value) else { throw f.error(defaultNode, "'default' must be one of the option's values") }
            return ProfileOption(name: try o.requiredString("name"), values: values, defaultValue: value,
                                 description: try o.string("description") ?? "")
        }
    }

    func parseUnit(_ node: Node) throws -> CreditUnit {
        if case .scalar(let s) = node {
            guard let unit = CreditUnit.named[s.string.lowercased()] else {
                throw f.error(node, "unknown unit '\(s.string)' (known: hours, units, PDUs, PDH, credits, CPE credits, entries; or a mapping with 'name' and 'minutes')")
            }
            return unit
        }
        let u = try f.mapping(node, "'unit'", allowed: ["name", "singular", "minutes", "per", "round-down"])
        let name = try u.requiredString("name")
        let singular = try u.string("singular") ?? (name.hasSuffix("s") ? String(name.dropLast()) : name)
        if let per = u["per"] {
            guard try f.string(per, "'per'") == "entry" else { throw f.error(per, "'per' can only be 'entry'") }
            return CreditUnit(name: name, singular: singular, measure: .entries)
        }
        let minutesNode = try u.required("minutes")
        let minutes = try f.int(minutesNode, "'minutes'")
        guard minutes > 0 else { throw f.error(minutesNode, "'minutes' must be more than 0") }
        var step: Int?
        if let r = u["round-down"] { step = try base(of: r, perUnit: minutes, what: "'round-down'") }
        return CreditUnit(name: name, singular: singular, measure: .time(minutesPerUnit: minutes), roundDownMinutes: step)
    }

    /// An amount in the unit as whole minutes; an amount that is not a whole number of minutes is an error.
    func base(of node: Node, perUnit: Int, what: String) throws -> Int {
        let (n, scale) = try f.decimal(node, what)
        var p = 1
        for _ in 0..<scale { p *= 10 }
        guard (n * perUnit) % p == 0 else { throw f.error(node, "\(what) is not a whole number of minutes in this unit") }
        return n * perUnit / p
    }

    func parsePeriod(_ node: Node) throws -> PeriodRule {
        if case .scalar(let s) = node {
            guard s.string == "calendar-year" else { throw f.error(node, "'period' must be 'calendar-year' or a mapping with 'anchor'") }
            return .calendarYear
        }
        let p = try f.mapping(node, "'period'", allowed: ["anchor", "start", "years", "months", "first-cycle-start"])
        let anchorNode = try p.required("anchor")
        let years = try p.int("years") ?? 1
        if let y = p["years"], years < 1 { throw f.error(y, "'years' must be 1 or more") }
        let first = try p.int("first-cycle-start")
        switch try f.string(anchorNode, "'anchor'") {
        case "calendar-year": return PeriodRule(anchor: .calendarYear, years: years, firstCycleStart: first)
        case "anniversary": return PeriodRule(anchor: .anniversary, years: years)
        case "fixed":
            let startNode = try p.required("start")
            let text = try f.string(startNode, "'start'")
            let parts = text.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 2, text.count == 5, CalendarDate(year: 2000, month: parts[0], day: parts[1]) != nil else {
                throw f.error(startNode, "'start' must be a month and day MM-DD such as 11-01, not '\(text)'")
            }
            return PeriodRule(anchor: .fixed(month: parts[0], day: parts[1]), years: years, firstCycleStart: first)
        case "rolling":
            let monthsNode = try p.required("months")
            let months = try f.int(monthsNode, "'months'")
            guard months >= 1 else { throw f.error(monthsNode, "'months' must be 1 or more") }
            return PeriodRule(anchor: .rolling(months: months))
        default:
            throw f.error(anchorNode, "unknown period anchor (known: calendar-year, fixed, anniversary, rolling)")
        }
    }

    func parseVocabulary(_ top: Fields) throws -> Vocabulary {
        var categories: [Vocabulary.Category] = []
        for node in try top["categories"].map({ try f.list($0, "'categories'") }) ?? [] {
            let category: Vocabulary.Category
            if case .scalar(let s) = node {
                category = .init(id: s.string)
            } else {
                let c = try f.mapping(node, "a category", allowed: ["id", "name", "aliases"])
                category = .init(id: try c.requiredString("id"), name: try c.string("name"), aliases: try c.strings("aliases"))
            }
            if categories.contains(where: { Vocabulary.normalise($0.id) == Vocabulary.normalise(category.id) }) {
                throw f.error(node, "the category '\(category.id)' is listed twice")
            }
            categories.append(category)
        }
        var structured = "structured", unstructured = "unstructured"
        if let node = top["terms"] {
            let t = try f.mapping(node, "'terms'", allowed: ["structured", "unstructured"])
            structured = try t.string("structured") ?? structured
            unstructured = try t.string("unstructured") ?? unstructured
        }
        return Vocabulary(categories: categories, structured: structured, unstructured: unstructured)
    }

    func parseSeverity(_ node: Node, allowOff: Bool) throws -> Finding.Severity? {
        let text = try f.string(node, "a severity")
        if allowOff && text == "off" { return nil }
        guard let s = Finding.Severity(rawValue: text) else {
            throw f.error(node, "unknown severity '\(text)' (known: error, warning, info\(allowOff ? ", off" : ""))")
        }
        return s
    }

    func parseFindings(_ node: Node) throws -> FindingsPolicy {
        let m = try f.mapping(node, "'findings'", allowed: ["activity-without-need", "need-without-activity", "unknown-category"])
        var policy = FindingsPolicy()
        if let n = m["activity-without-need"] { policy.activityWithoutNeed = try parseSeverity(n, allowOff: true) }
        if let n = m["need-without-activity"] { policy.needWithoutActivity = try parseSeverity(n, allowOff: true) }
        if let n = m["unknown-category"] { policy.unknownCategory = try parseSeverity(n, allowOff: true) }
        return policy
    }

    func parseProvenance(_ node: Node) throws -> Provenance {
        let m = try f.mapping(node, "'provenance'", allowed: ["sources", "checked", "unconfirmed"])
        if let c = m["checked"] { _ = try f.date(c, "'checked'") }
        return Provenance(sources: try m.strings("sources"), checked: try m.string("checked"), unconfirmed: try m.strings("unconfirmed"))
    }
}
