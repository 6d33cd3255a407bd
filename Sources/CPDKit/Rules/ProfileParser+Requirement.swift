import Yams

/// One entry of `requirements:`: its kind decides which keys it needs.
extension ProfileParser {
    func parseRequirement(_ node: Node, unit: CreditUnit, vocabulary: Vocabulary, options: [ProfileOption]) throws -> Requirement {
        let r = try f.mapping(node, "a requirement", allowed: Self.requirementKeys)
        let id = try r.requiredString("id")
        let kindNode = try r.required("kind")
        let kindName = try f.string(kindNode, "'kind'")
        let filter = try r["filter"].map { try parseFilter($0, vocabulary: vocabulary) } ?? .all

        let kind: Requirement.Kind
        switch kindName {
        case "minimum", "cap", "carry-over":
            let amountNode = try r.required("amount")
            let base: Int
            switch unit.measure {
            case .entries: base = try f.int(amountNode, "'amount'")
            case .time(let per): base = try self.base(of: amountNode, perUnit: per, what: "'amount'")
            }
            if base < 0 { throw f.error(amountNode, "'amount' cannot be negative") }
            switch kindName {
            case "minimum": kind = .minimum(base: base)
            case "cap": kind = .cap(base: base)
            default:
                let from = try r.requiredString("carry-from")
                let into = try r["into"].map { try f.strings($0, "'into'") } ?? [from]
                kind = .carryOver(max: base, from: from, into: into, lastMonths: try r.int("last-months"))
            }
        case "count", "needs-identified":
            let countNode = try r.required("count")
            let n = try f.int(countNode, "'count'")
            guard n >= 0 else { throw f.error(countNode, "'count' cannot be negative") }
            kind = kindName == "count" ? .count(n) : .needsIdentified(n)
        case "required-field":
            let fieldNode = try r.required("field")
            let name = try f.string(fieldNode, "'field'")
            guard let field = RecordField(rawValue: name) else {
                throw f.error(fieldNode, "unknown field '\(name)' (known: \(RecordField.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let severity = try r["severity"].map { try parseSeverity($0, allowOff: false) } ?? .error
            kind = .requiredField(field, severity ?? .error)
        case "minimum-length":
            let minutesNode = try r.required("minutes")
            let m = try f.int(minutesNode, "'minutes'")
            guard m > 0 else { throw f.error(minutesNode, "'minutes' must be more than 0") }
            kind = .minimumLength(minutes: m)
        default:
            throw f.error(kindNode, "unknown requirement kind '\(kindName)' (known: \(Self.kinds.joined(separator: ", ")))")
        }
        // A key that the kind does not use is almost always a mistake in the file.
        let uses: [String: [String]] = ["minimum": ["amount", "window-months", "each-year"], "cap": ["amount"],
                                        "count": ["count", "window-months"], "needs-identified": ["count"],
                                        "required-field": ["field", "severity"], "minimum-length": ["minutes", "combine"],
                                        "carry-over": ["amount", "carry-from", "into", "last-months", "requires-met", "not-from-first-period"]]
        for key in ["amount", "count", "minutes", "combine", "field", "severity", "window-months", "each-year", "carry-from", "into", "last-months", "requires-met", "not-from-first-period"] where r[key] != nil && !(uses[kindName] ?? []).contains(key) {
            let keyNode = (node.mapping?.keys.first { $0.string == key })
            throw f.error(keyNode ?? node, "'\(key)' has no meaning for a '\(kindName)' requirement")
        }
        let from = try r.date("from"), until = try r.date("until")
        if let from, let until, until < from, let n = r["until"] { throw f.error(n, "'until' is before 'from'") }
        var requirement = Requirement(id: id, kind: kind, filter: filter, description: try r.string("description"), label: try r.string("label"),
                                      from: from, until: until, citation: try r.string("citation"),
                                      unconfirmed: try r.bool("unconfirmed") ?? false, unit: unit)
        requirement.windowMonths = try r.int("window-months")
        if let w = requirement.windowMonths, w < 1, let n = r["window-months"] { throw f.error(n, "'window-months' must be 1 or more") }
        requirement.eachYear = try r.bool("each-year") ?? false
        requirement.advisory = try r.bool("advisory") ?? false
        requirement.carryRequiresMet = try r["requires-met"].map { try f.strings($0, "'requires-met'") } ?? []
        requirement.carryNotFromFirstPeriod = try r.bool("not-from-first-period") ?? false
        if let combineNode = r["combine"] {
            guard try f.string(combineNode, "'combine'") == "need" else {
                throw f.error(combineNode, "'combine' takes 'need': short activities naming the same learning need count together")
            }
            requirement.combineByNeed = true
        }
        if let whenNode = r["when"] {
            guard case .mapping(let m) = whenNode else { throw f.error(whenNode, "'when' must map option names to values") }
            for (key, value) in m {
                let name = try f.string(key, "an option name")
                guard let option = options.first(where: { $0.name == name }) else {
                    throw f.error(key, "'when' names the option '\(name)', which this profile does not declare under 'options'")
                }
                let values = try f.strings(value, "'\(name)'")
                for v in values where !option.values.contains(v) {
                    throw f.error(value, "'\(v)' is not a value of the option '\(name)' (\(option.values.joined(separator: ", ")))")
                }
                requirement.conditions[name] = values
            }
        }
        return requirement
    }

    func parseFilter(_ node: Node, vocabulary: Vocabulary) throws -> ActivityFilter {
        let m = try f.mapping(node, "'filter'", allowed: ["type", "categories", "not-categories", "methods", "providers", "has"])
        var filter = ActivityFilter()
        if let t = m["type"] {
            let word = try f.string(t, "'type'")
            // The body's own words for the axis (verifiable, formal) mean the same as structured.
            switch Vocabulary.normalise(word) {
            case "structured", Vocabulary.normalise(vocabulary.structured): filter.type = .structured
            case "unstructured", Vocabulary.normalise(vocabulary.unstructured): filter.type = .unstructured
            default: throw f.error(t, "'type' must be structured or unstructured (or this body's words: \(vocabulary.structured), \(vocabulary.unstructured))")
            }
        }
        for key in ["categories", "not-categories"] {
            for item in try m[key].map({ try f.list($0, "'\(key)'") }) ?? [] {
                let word = try f.string(item, "a category")
                guard let id = vocabulary.categoryID(for: word) else {
                    throw f.error(item, "'\(word)' is not one of this profile's categories (\(vocabulary.categories.map(\.id).joined(separator: ", ")))")
                }
                let value = vocabulary.categories.isEmpty ? word : id
                if key == "categories" { filter.categories.append(value) } else { filter.excludedCategories.append(value) }
            }
        }
        filter.methods = try m.strings("methods")
        filter.providers = try m.strings("providers")
        for item in try m["has"].map({ try f.list($0, "'has'") }) ?? [] {
            let name = try f.string(item, "'has'")
            guard let field = RecordField(rawValue: name) else { throw f.error(item, "unknown field '\(name)' (known: reflection, evidence, need)") }
            filter.has.append(field)
        }
        return filter
    }
}
