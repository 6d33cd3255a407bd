import CPDRender

/// Records built in code for render tests: sized to stress pagination, with text that must print literally.
enum SampleRecords {
    static let period = DateRange(start: CalendarDate(year: 2026, month: 1, day: 1)!, end: CalendarDate(year: 2026, month: 12, day: 31)!)

    static let longURL = "https://evidence.example.org/" + String(repeating: "certificates/2026/", count: 15) + "attendance.pdf"

    /// Words for a long reflection; sentences vary so lines break at different places.
    static func words(_ count: Int) -> String {
        let pool = ["I", "reviewed", "the", "new", "consumer", "duty", "guidance", "and", "compared", "it", "with", "our",
                    "existing", "advice", "process,", "noting", "where", "suitability", "reports", "need", "clearer",
                    "explanations", "of", "charges.", "Next", "quarter", "I", "will", "apply", "this", "to", "every", "client", "review."]
        return (0..<count).map { pool[($0 * 7 + $0 / 5) % pool.count] }.joined(separator: " ")
    }

    /// A member with `activities` activities; the fifth has a 2,000-word reflection, the third a URL as evidence.
    static func record(activities count: Int = 60, name: String = "Zoë Ångström-Núñez") -> Record {
        let needs = [
            Need(id: "N1", description: "Keep up to date with consumer duty rules", priority: .high, status: .open),
            Need(id: "N2", description: "Pensions transfer advice: <b>defined benefit</b> & safeguarded benefits", priority: .medium, status: .met),
            Need(id: "N3", description: "Ethics and professional standards", priority: .low),
        ]
        var acts: [Activity] = []
        for i in 1...max(1, count) {
            let date = CalendarDate(year: 2026, month: 1, day: 1)!.adding(days: (i * 5) % 365)
            var reflection = "Reflection \(i): " + words(40 + (i % 7) * 12)
            if i == 5 { reflection = words(2000) }
            if i == 2 { reflection = "Literal markup: <b>bold?</b> &amp; <i>not italic</i> & done." }
            acts.append(Activity(
                number: i, date: date, title: i % 4 == 0 ? "Webinar: retirement income planning and sequencing risk in drawdown" : "Team meeting \(i)",
                type: i % 3 == 0 ? .unstructured : .structured, categories: i % 2 == 0 ? ["technical", "ethics"] : ["professional skills"],
                minutes: Minutes(30 + (i % 5) * 45), needs: i % 3 == 0 ? ["N1", "N2"] : ["N1"],
                reflection: i == 7 ? nil : reflection,
                evidence: i == 3 ? [longURL] : ["certificate-\(i).pdf", "notes"],
                provider: i % 2 == 0 ? "CII" : nil, method: "course"))
        }
        return Record(member: Member(name: name, id: "M00042", membershipNumber: "100042", role: "Financial adviser",
                                     employer: "Thrive Ltd"), period: period, needs: needs, activities: acts)
    }

    static func assessment(for record: Record, body: String = "FCA retail investment advisers", id: String = "fca-ria") -> Assessment {
        let total = record.activities.map(\.minutes).sum()
        let structured = record.activities.filter { $0.type == .structured }.map(\.minutes).sum()
        return Assessment(
            member: record.member, bodyID: id, bodyName: body, period: period, unit: "hours",
            totals: Totals(total: total, structured: structured, unstructured: total - structured),
            compliant: false,
            requirements: [
                RequirementResult(id: "total", description: "At least 35 hours of CPD in the period", required: 35,
                                  counted: total.hours, met: total.value >= 35 * 60, shortfall: max(0, 35 - total.hours), unit: "hours"),
                RequirementResult(id: "structured", description: "At least 21 hours of structured CPD", required: 21,
                                  counted: 20.75, met: false, shortfall: 0.25, unit: "hours", stillNeeded: "0.25 more hours"),
            ],
            findings: [Finding(severity: .warning, message: "Activity has no reflection", activity: 7)],
            included: record.activities.map(\.number), excluded: [])
    }

    static let options = RenderOptions(creationDate: "2026-01-01T00:00:00Z", generatedDate: CalendarDate(year: 2026, month: 1, day: 1)!,
                                       creator: "cpd test")
}
