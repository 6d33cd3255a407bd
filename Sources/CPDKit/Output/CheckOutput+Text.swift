/// The readable form of a check, for a terminal.
extension CheckOutput {
    /// One section per body: a table (requirement, required, counted, met/short, still needed),
    /// then the findings, then how many activities fell outside the period.
    /// At most two decimals for a person to read, rounded down so a count just short of a
    /// minimum never prints as the minimum itself (the JSON keeps four).
    static func readable(_ value: Double) -> String {
        Minutes.decimalText(numerator: Int((value * 100 + 1e-9).rounded(.down)), denominator: 100)
    }

    public static func text(member assessments: [Assessment]) -> String {
        assessments.map(section).joined(separator: "\n")
    }

    static func section(_ a: Assessment) -> String {
        // A one-person log without --name/--member has neither; don't print "(): ".
        let who = [a.member.name, a.member.id.isEmpty ? "" : "(\(a.member.id))"].filter { !$0.isEmpty }.joined(separator: " ")
        var out = (who.isEmpty ? "" : who + ": ") + "\(a.bodyName) [\(a.bodyID)]\n"
        out += "Period \(a.period.start) to \(a.period.end); counted in \(a.unit)\n"
        out += "Total \(a.totals.total.hoursText) h (structured \(a.totals.structured.hoursText) h, unstructured \(a.totals.unstructured.hoursText) h)\n\n"

        if a.requirements.isEmpty {
            out += "This body sets no requirement that can be counted.\n"
        } else {
            let header = ["Requirement", "Required", "Counted", "Status", "Still needed"]
            let rows = a.requirements.map { r in
                [r.description, "\(JSONText.number(r.required)) \(r.unit)", Self.readable(r.counted),
                 r.met ? "met" : "short", r.stillNeeded ?? "-"]
            }
            out += table([header] + rows)
        }

        if !a.findings.isEmpty {
            out += "\nFindings:\n"
            for f in a.findings { out += "  \(f.severity.rawValue): \(f.message)\n" }
        }
        let n = a.excluded.count
        if n == 0 {
            out += "\nNo activities fall outside the period.\n"
        } else {
            let list = a.excluded.map(String.init).joined(separator: ", ")
            out += "\n\(n) \(n == 1 ? "activity" : "activities") outside the period excluded (\(n == 1 ? "activity" : "activities") \(list)).\n"
        }
        if let p = a.provenance, !p.unconfirmed.isEmpty {
            out += "Unconfirmed rules: \(p.unconfirmed.joined(separator: "; ")).\n"
        }
        out += "Result: \(a.compliant ? "requirements met" : "requirements NOT met")\n"
        return out
    }

    /// Left-aligned text columns, numbers right-aligned, two spaces between columns.
    static func table(_ rows: [[String]]) -> String {
        let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max() ?? 0 }
        let numeric: Set<Int> = [1, 2]
        return rows.map { row in
            row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return c == row.count - 1 ? cell : (numeric.contains(c) ? pad + cell : cell + pad)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
