/// The values layout templates may name (`{member.name}`, `{period}`, `{page}`, ...).
struct Tokens {
    var values: [String: String]

    init(record: Record, assessments: [Assessment], layout: LayoutSpec, generated: CalendarDate) {
        let period = assessments.first?.period ?? record.period ?? Tokens.span(of: record.activities)
        var bodyNames: [String] = []
        for a in assessments where !bodyNames.contains(a.bodyName) { bodyNames.append(a.bodyName) }
        values = [
            // A log without a name (a one-person CSV run without --name) still says whose record it is.
            "member.name": Tokens.whose(record),
            "member.id": record.member.id,
            "member.number": record.member.membershipNumber ?? record.member.id,
            "body.name": bodyNames.joined(separator: ", "),
            "body.id": assessments.map(\.bodyID).joined(separator: ", "),
            "period": period.map(Tokens.periodText) ?? "",
            "generated": generated.description,
            "title": layout.labels["documentTitle"],
        ]
    }

    /// The member's name, else their id, else the log file's base name.
    static func whose(_ record: Record) -> String {
        if !record.member.name.isEmpty { return record.member.name }
        if !record.member.id.isEmpty { return record.member.id }
        let file = record.source.map { String($0.split(separator: "/").last ?? "") } ?? ""
        return file.split(separator: ".").dropLast().joined(separator: ".")
    }

    static func periodText(_ p: DateRange) -> String { "\(p.start) – \(p.end)" }

    static func span(of activities: [Activity]) -> DateRange? {
        guard let lo = activities.map(\.date).min(), let hi = activities.map({ $0.endDate ?? $0.date }).max() else { return nil }
        return DateRange(start: lo, end: hi)
    }

    /// Replaces `{name}` tokens; unknown tokens stay as written so a typo shows on the page.
    func fill(_ template: String, extra: [String: String] = [:]) -> String {
        guard template.contains("{") else { return template }
        var out = "", name = "", inToken = false
        for ch in template {
            if inToken {
                if ch == "}" {
                    out += extra[name] ?? values[name] ?? "{\(name)}"
                    inToken = false; name = ""
                } else { name.append(ch) }
            } else if ch == "{" {
                inToken = true
            } else { out.append(ch) }
        }
        if inToken { out += "{" + name }
        return out
    }
}

extension Tokens {
    /// The tokens of a team overview: `{title}`, `{team}`, `{body.name}`, `{body.id}`, `{period}`, `{generated}`;
    /// `{member.name}` is the team's name (or the title), so a record layout's footer still reads sensibly.
    init(team name: String?, bodies: [(id: String, name: String)], period: String, layout: LayoutSpec, generated: CalendarDate) {
        let title = layout.labels["teamTitle"]
        values = [
            "title": title,
            "team": name ?? "",
            "member.name": name ?? title,
            "member.id": "",
            "member.number": "",
            "body.name": bodies.map(\.name).joined(separator: ", "),
            "body.id": bodies.map(\.id).joined(separator: ", "),
            "period": period,
            "generated": generated.description,
        ]
    }
}
