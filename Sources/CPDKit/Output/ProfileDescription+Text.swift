/// The readable forms: one line per body for `cpd bodies`, the whole profile for `cpd bodies show`.
extension ProfileDescription {
    /// One line per body: id, unit, period, name, in aligned columns. The name comes last
    /// because it is the longest and varies most, so the short columns stay readable.
    public static func listText(_ profiles: [BodyProfile]) -> String {
        let rows = profiles.map { [$0.id, $0.unit.name, period($0.period), $0.name] }
        guard let first = rows.first else { return "" }
        let widths = first.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                c == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[c] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// Every rule in plain words, the categories, the findings the body asks for, and the provenance.
    public var text: String {
        let p = profile
        var out = "\(p.name) [\(p.id)]\n"
        out += "Profile: \(p.file) (format version \(p.version))\n"
        out += "Unit: \(unitText)\n"
        if let roundingText { out += "Rounding: \(roundingText)\n" }
        out += "Period: \(periodText)\n"
        let v = p.vocabulary
        if v.structured != "structured" || v.unstructured != "unstructured" {
            out += "Terms: the body's '\(v.structured)' is structured CPD and '\(v.unstructured)' is unstructured; either word is accepted\n"
        }

        if !p.options.isEmpty {
            out += "\nOptions (--option NAME=VALUE):\n"
            for o in p.options {
                out += "  \(o.name)\(o.description.isEmpty ? "" : ": \(o.description)")\n"
                out += "    values: \(o.values.joined(separator: ", ")); default: \(o.defaultValue)\n"
            }
        }

        out += "\nRequirements (checked in this order):\n"
        if rules.isEmpty { out += "  None: this body sets no requirement that can be counted.\n" }
        let width = String(rules.count).count
        for (n, r) in rules.enumerated() {
            let number = String(n + 1)
            out += "  \(String(repeating: " ", count: width - number.count))\(number). \(r.id): \(r.summary)\(r.unconfirmed ? " \(Self.unconfirmedMark)" : "")\n"
            for d in r.details { out += "  \(String(repeating: " ", count: width + 2))- \(d)\n" }
        }

        out += "\nCategories (matched ignoring case, spaces and punctuation):\n"
        if v.categories.isEmpty { out += "  None listed: any category word counts as written.\n" }
        for c in v.categories {
            var line = "  \(c.id)"
            if c.name != c.id { line += ": \(c.name)" }
            if !c.aliases.isEmpty { line += " (also: \(c.aliases.joined(separator: ", ")))" }
            out += line + "\n"
        }

        out += "\nFindings beyond the requirements:\n"
        for (what, severity) in findingLines { out += "  \(what): \(severity?.rawValue ?? "not reported")\n" }

        out += "\nProvenance:\n"
        out += "  Checked against the sources: \(p.provenance.checked ?? "no date recorded")\n"
        if p.provenance.sources.isEmpty { out += "  Sources: none recorded\n" }
        for s in p.provenance.sources { out += "  Source: \(s)\n" }
        let notes = p.provenance.unconfirmed.map { "\(Self.unconfirmedMark) \($0)" }
            + rules.filter(\.unconfirmed).map { "\(Self.unconfirmedMark) rule \($0.id): \($0.summary)" }
        if notes.isEmpty {
            out += "  No rule is marked unconfirmed.\n"
        } else {
            out += "  Unconfirmed (cpd's reading, not the body's word; check with the body before relying on it):\n"
            for note in notes { out += "    \(note)\n" }
        }
        return out
    }

    /// The findings policy as (what, severity or nil when off).
    var findingLines: [(String, Finding.Severity?)] {
        let f = profile.findings
        var lines: [(String, Finding.Severity?)] = [("An activity that names no learning need", f.activityWithoutNeed),
                                                    ("A learning need with no activity in the period", f.needWithoutActivity)]
        if !profile.vocabulary.categories.isEmpty { lines.append(("A category the body does not list", f.unknownCategory)) }
        return lines
    }
}
