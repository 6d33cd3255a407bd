import Foundation

/// The summary's CSV and JSON forms, and reading the JSON back for `cpd summary`.
extension TeamSummary {
    /// The requirement columns, in first-seen order across rows: (body id, requirement id).
    public var requirementColumns: [(body: String, requirement: String)] {
        var seen = Set<String>(), columns: [(String, String)] = []
        for row in rows {
            for body in row.bodies {
                for r in body.requirements where seen.insert(body.bodyID + "\u{0}" + r.id).inserted {
                    columns.append((body.bodyID, r.id))
                }
            }
        }
        return columns
    }

    /// The bodies named in the summary, in first-seen order.
    public var bodyIDs: [String] {
        var seen = Set<String>()
        return rows.flatMap { $0.bodies.map(\.bodyID) }.filter { seen.insert($0).inserted }
    }

    /// One row per member: member, member_id, file, status, shortfall, each body's total and
    /// structured time, and each requirement as `met` or `short by N`.
    public func csv() -> String {
        var out = ""
        csv { out += $0 }
        return out
    }

    /// The same text as `csv()`, handed to `append` a line at a time, so a large team's file is never held whole.
    public func csv(_ append: (String) throws -> Void) rethrows {
        let bodies = bodyIDs, columns = requirementColumns
        var header = ["member", "member_id", "file", "status", "shortfall"]
        for body in bodies { header += ["\(body) total hours", "\(body) structured hours"] }
        header += columns.map { "\($0.body)/\($0.requirement)" }
        try append(header.map(Self.csvField).joined(separator: ",") + "\n")
        for failure in failures {
            var fields = [failure.name, failure.memberID, "", "invalid", ""]
            fields += Array(repeating: "", count: bodies.count * 2 + columns.count)
            try append(fields.map(Self.csvField).joined(separator: ",") + "\n")
        }
        for row in rows {
            var fields = [row.name, row.memberID, row.file, row.compliant ? "compliant" : "short", Self.number(row.shortfall)]
            for body in bodies {
                let status = row.bodies.first { $0.bodyID == body }
                fields += [status.map { Self.number($0.total) } ?? "", status.map { Self.number($0.structured) } ?? ""]
            }
            for column in columns {
                let r = row.bodies.first { $0.bodyID == column.body }?.requirements.first { $0.id == column.requirement }
                fields.append(r.map { $0.met ? "met" : "short by \(Self.number($0.shortfall))" } ?? "")
            }
            try append(fields.map(Self.csvField).joined(separator: ",") + "\n")
        }
    }

    /// `{"compliant": …, "members": [ …each member's check JSON… ], "files": [ … ], "failures": [ … ]}`,
    /// one member per line so that shards merge without rewriting any member's object.
    public func json() -> String {
        var out = ""
        json { out += $0 }
        return out
    }

    /// The same text as `json()`, handed to `append` a member at a time, so a large team's file is never held whole.
    public func json(_ append: (String) throws -> Void) rethrows {
        try append("{\"compliant\": \(compliant), \"members\": [")
        for (i, row) in rows.enumerated() { try append((i == 0 ? "\n" : ",\n") + row.checkJSON) }
        try append("\n], \"files\": [")
        for (i, row) in rows.enumerated() { try append((i == 0 ? "" : ", ") + JSONText.string(row.file)) }
        try append("],\n\"failures\": [")
        for (i, f) in failures.enumerated() {
            try append((i == 0 ? "" : ",") + "\n{\"member\": {\"name\": \(JSONText.string(f.name)), \"id\": \(JSONText.string(f.memberID))}, \"messages\": ["
                + f.messages.map(JSONText.string).joined(separator: ", ") + "]}")
        }
        try append("\n]}\n")
    }

    /// Reads a `team-summary.json` that `json()` wrote.
    public static func read(json text: String, file: String) throws -> TeamSummary {
        // cpd writes one member per line: parsing line by line keeps one member's objects in memory at a
        // time, where parsing the whole file at once held about 20 times its size at 10,000 members.
        if let summary = try readLines(text, file: file) { return summary }
        func fail(_ message: String) -> Diagnostic { .error(message, file: file) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let members = object["members"] as? [[String: Any]], let files = object["files"] as? [String],
              files.count == members.count
        else { throw fail("not a cpd team summary (expected members, files and failures)") }
        // The member objects stand one per line, in order: keep their text verbatim.
        let memberLines = text.split(separator: "\n").filter { $0.hasPrefix("{\"member\"") && !$0.contains("\"messages\":") }
            .map { $0.hasSuffix(",") ? $0.dropLast() : $0 }
        guard memberLines.count == members.count else { throw fail("the members are not one per line as cpd writes them") }
        var rows: [Row] = []
        for (index, member) in members.enumerated() {
            rows.append(try row(member, index: index, file: files[index], checkJSON: String(memberLines[index]), summaryFile: file))
        }
        let failures = ((object["failures"] as? [[String: Any]]) ?? []).map(failure)
        return TeamSummary(rows: rows, failures: failures)
    }

    /// The summary from text laid out exactly as `json()` writes it, or nil when it is laid out otherwise
    /// (then `read` parses it whole).
    private static func readLines(_ text: String, file: String) throws -> TeamSummary? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.popFirst(), first.hasPrefix("{\"compliant\": "), first.hasSuffix("\"members\": [") else { return nil }
        var memberLines: [Substring] = []
        while let line = lines.first, !line.hasPrefix("], \"files\": [") {
            memberLines.append(line.hasSuffix(",") ? line.dropLast() : line)
            lines.removeFirst()
        }
        guard let filesLine = lines.popFirst(), filesLine.hasSuffix("],"),
              let files = try? JSONSerialization.jsonObject(with: Data(filesLine.dropFirst(#"], "files": "#.count).dropLast().utf8)) as? [String],
              files.count == memberLines.count,
              lines.popFirst() == #""failures": ["#
        else { return nil }
        var failureObjects: [[String: Any]] = []
        while let line = lines.first, line != "]}" {
            guard let object = try? JSONSerialization.jsonObject(with: Data((line.hasSuffix(",") ? line.dropLast() : line).utf8)) as? [String: Any]
            else { return nil }
            failureObjects.append(object)
            lines.removeFirst()
        }
        guard lines.popFirst() == "]}", lines.allSatisfy(\.isEmpty) else { return nil }
        var rows: [Row] = []
        rows.reserveCapacity(memberLines.count)
        for (index, line) in memberLines.enumerated() {
            guard let member = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            rows.append(try row(member, index: index, file: files[index], checkJSON: String(line), summaryFile: file))
        }
        return TeamSummary(rows: rows, failures: failureObjects.map(failure))
    }

    private static func row(_ member: [String: Any], index: Int, file: String, checkJSON: String, summaryFile: String) throws -> Row {
        func fail(_ message: String) -> Diagnostic { .error(message, file: summaryFile) }
        guard let who = member["member"] as? [String: Any] else { throw fail("members[\(index)] has no member") }
        let parts = (member["bodies"] as? [[String: Any]]) ?? [member]
        let bodies = try parts.enumerated().map { i, part -> BodyStatus in
            guard let body = part["body"] as? String, let totals = part["totals"] as? [String: Any],
                  let requirements = part["requirements"] as? [[String: Any]]
            else { throw fail("members[\(index)] body \(i) lacks body, totals or requirements") }
            return BodyStatus(
                bodyID: body, unit: part["unit"] as? String ?? "hours",
                total: (totals["hours"] as? NSNumber)?.doubleValue ?? 0,
                structured: (totals["structured"] as? NSNumber)?.doubleValue ?? 0,
                compliant: part["compliant"] as? Bool ?? false,
                requirements: requirements.map {
                    RequirementResult(id: $0["id"] as? String ?? "", description: $0["description"] as? String ?? "",
                                      required: ($0["required"] as? NSNumber)?.doubleValue ?? 0,
                                      counted: ($0["counted"] as? NSNumber)?.doubleValue ?? 0,
                                      met: $0["met"] as? Bool ?? false,
                                      shortfall: ($0["shortfall"] as? NSNumber)?.doubleValue ?? 0,
                                      unit: $0["unit"] as? String ?? (part["unit"] as? String ?? "hours"))
                })
        }
        return Row(name: who["name"] as? String ?? "", memberID: who["id"] as? String ?? "", file: file, bodies: bodies, checkJSON: checkJSON)
    }

    private static func failure(_ f: [String: Any]) -> Failure {
        let who = f["member"] as? [String: Any] ?? [:]
        return Failure(memberID: who["id"] as? String ?? "", name: who["name"] as? String ?? "", messages: f["messages"] as? [String] ?? [])
    }

    static func number(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        return Minutes.decimalText(numerator: Int(hundredths), denominator: 100)
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
