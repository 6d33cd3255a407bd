/// The JSON forms of `cpd bodies --json` and `cpd bodies show --json`. Keys keep the order
/// written here (see `JSONText` for why it is hand-written); new keys go after the old ones.
extension ProfileDescription {
    /// `[{"id", "name", "unit", "period", "checked", "unconfirmed"}, …]`, one object per body;
    /// `unconfirmed` counts the unconfirmed rules and notes.
    public static func listJSON(_ profiles: [BodyProfile]) -> String {
        JSONText.array(profiles.map { ProfileDescription($0).listObject }) + "\n"
    }

    var listObject: String {
        JSONText.object([
            ("id", JSONText.string(profile.id)), ("name", JSONText.string(profile.name)),
            ("unit", JSONText.string(profile.unit.name)), ("period", JSONText.string(Self.period(profile.period))),
            ("checked", JSONText.optional(profile.provenance.checked)), ("unconfirmed", String(unconfirmedCount)),
        ])
    }

    /// The whole profile: the list keys first, then `file`, `version`, `unitDetails`,
    /// `periodDetails`, `terms`, `options`, `requirements`, `categories`, `findings`, `provenance`.
    public var json: String {
        let p = profile
        let unit = p.unit
        var minutesPerUnit = "null"
        if case .time(let per) = unit.measure { minutesPerUnit = String(per) }
        let unitObject = JSONText.object([
            ("name", JSONText.string(unit.name)), ("singular", JSONText.string(unit.singular)),
            ("minutesPerUnit", minutesPerUnit), ("roundDownMinutes", unit.roundDownMinutes.map(String.init) ?? "null"),
            ("text", JSONText.string(unitText)), ("rounding", JSONText.optional(roundingText)),
        ])
        let periodObject = JSONText.object(periodPairs + [("text", JSONText.string(periodText))])
        let terms = JSONText.object([("structured", JSONText.string(p.vocabulary.structured)),
                                     ("unstructured", JSONText.string(p.vocabulary.unstructured))])
        let options = p.options.map { o in
            JSONText.object([("name", JSONText.string(o.name)), ("values", JSONText.array(o.values.map(JSONText.string))),
                             ("default", JSONText.string(o.defaultValue)), ("description", JSONText.string(o.description))])
        }
        let categories = p.vocabulary.categories.map { c in
            JSONText.object([("id", JSONText.string(c.id)), ("name", JSONText.string(c.name)),
                             ("aliases", JSONText.array(c.aliases.map(JSONText.string)))])
        }
        let findings = JSONText.object([
            ("activityWithoutNeed", JSONText.optional(p.findings.activityWithoutNeed?.rawValue)),
            ("needWithoutActivity", JSONText.optional(p.findings.needWithoutActivity?.rawValue)),
            ("unknownCategory", JSONText.optional(p.findings.unknownCategory?.rawValue)),
        ])
        let listPairs: [(String, String)] = [
            ("id", JSONText.string(p.id)), ("name", JSONText.string(p.name)), ("unit", JSONText.string(unit.name)),
            ("period", JSONText.string(Self.period(p.period))), ("checked", JSONText.optional(p.provenance.checked)),
            ("unconfirmed", String(unconfirmedCount)),
        ]
        return JSONText.object(listPairs + [
            ("file", JSONText.string(p.file)), ("version", String(p.version)),
            ("unitDetails", unitObject), ("periodDetails", periodObject), ("terms", terms),
            ("options", JSONText.array(options)),
            ("requirements", JSONText.array(zip(p.requirements, rules).map(requirementObject))),
            ("categories", JSONText.array(categories)), ("findings", findings),
            ("provenance", CheckOutput.provenanceObject(p.provenance)),
        ]) + "\n"
    }

    var periodPairs: [(String, String)] {
        let rule = profile.period
        switch rule.anchor {
        case .calendarYear:
            return [("anchor", "\"calendar-year\""), ("years", String(rule.years)),
                    ("firstCycleStart", rule.firstCycleStart.map(String.init) ?? "null")]
        case .fixed(let m, let d):
            let start = (m < 10 ? "0" : "") + "\(m)-" + (d < 10 ? "0" : "") + "\(d)"
            return [("anchor", "\"fixed\""), ("start", JSONText.string(start)), ("years", String(rule.years)),
                    ("firstCycleStart", rule.firstCycleStart.map(String.init) ?? "null")]
        case .anniversary: return [("anchor", "\"anniversary\""), ("years", String(rule.years))]
        case .rolling(let months): return [("anchor", "\"rolling\""), ("months", String(months))]
        }
    }

    /// One requirement: its words, then the rule's own values in the profile's unit.
    func requirementObject(_ r: Requirement, _ words: Rule) -> String {
        let unit = profile.unit
        let amount = { (base: Int) in JSONText.number(unit.amount(base)) }
        var values: [(String, String)] = []
        switch r.kind {
        case .minimum(let base), .cap(let base): values = [("amount", amount(base))]
        case .count(let n), .needsIdentified(let n): values = [("count", String(n))]
        case .requiredField(let field, let severity):
            values = [("field", JSONText.string(field.rawValue)), ("severity", JSONText.string(severity.rawValue))]
        case .minimumLength(let minutes): values = [("minutes", String(minutes)), ("combine", r.combineByNeed ? "\"need\"" : "null")]
        case .carryOver(let max, let from, let into, let lastMonths):
            values = [("amount", amount(max)), ("carryFrom", JSONText.string(from)),
                      ("into", JSONText.array(into.map(JSONText.string))), ("lastMonths", lastMonths.map(String.init) ?? "null")]
        }
        let f = r.filter
        let filter = JSONText.object([
            ("type", JSONText.optional(f.type?.rawValue)), ("categories", JSONText.array(f.categories.map(JSONText.string))),
            ("notCategories", JSONText.array(f.excludedCategories.map(JSONText.string))),
            ("methods", JSONText.array(f.methods.map(JSONText.string))), ("providers", JSONText.array(f.providers.map(JSONText.string))),
            ("has", JSONText.array(f.has.map { JSONText.string($0.rawValue) })), ("label", JSONText.string(f.label)),
        ])
        let conditions = JSONText.object(r.conditions.sorted { $0.key < $1.key }.map { ($0.key, JSONText.array($0.value.map(JSONText.string))) })
        return JSONText.object([
            ("id", JSONText.string(r.id)), ("kind", JSONText.string(words.kind)), ("description", JSONText.string(words.summary)),
            ("details", JSONText.array(words.details.map(JSONText.string))), ("unconfirmed", String(r.unconfirmed)),
        ] + values + [
            ("filter", filter), ("from", JSONText.optional(r.from?.description)), ("until", JSONText.optional(r.until?.description)),
            ("citation", JSONText.optional(r.citation)), ("when", conditions),
            ("windowMonths", r.windowMonths.map(String.init) ?? "null"), ("eachYear", String(r.eachYear)), ("advisory", String(r.advisory)),
        ])
    }
}
