@testable import CPDKit

/// Team summaries built in code: members who meet the requirements, members short by different
/// amounts (one clearly the furthest behind), and members whose input was invalid.
enum SampleTeams {
    static let bodyName = "FCA retail investment advisers"
    static let mostBehindID = "T007"

    static func id(_ i: Int) -> String { "T" + (i < 10 ? "00" : i < 100 ? "0" : "") + String(i) }

    static func summary(members count: Int, invalid: Int) -> TeamSummary {
        var rows: [TeamSummary.Row] = []
        for i in 0..<count {
            let memberID = id(i)
            // Every third member falls short, by an amount that varies; T007 is furthest behind.
            var total = 36 + Double(i % 11) * 2.5
            if i % 3 == 1 { total = 34 - Double(i % 17) }
            if memberID == mostBehindID { total = 3 }
            let structured = min(total, 21 + Double(i % 5) - (i % 3 == 1 ? 4 : 0))
            let requirements = [
                RequirementResult(id: "total", description: "At least 35 hours of appropriate CPD", required: 35, counted: total,
                                  met: total >= 35, shortfall: max(0, 35 - total), unit: "hours"),
                RequirementResult(id: "structured", description: "At least 21 hours of structured CPD", required: 21,
                                  counted: structured, met: structured >= 21, shortfall: max(0, 21 - structured), unit: "hours"),
            ]
            let body = TeamSummary.BodyStatus(bodyID: "fca-ria", unit: "hours", total: total, structured: structured,
                                              compliant: requirements.allSatisfy(\.met), requirements: requirements)
            let json = "{\"member\": {\"name\": \"Member \(memberID)\", \"id\": \"\(memberID)\"}, \"body\": \"fca-ria\", "
                + "\"bodyName\": \"\(bodyName)\", \"period\": {\"start\": \"2026-01-01\", \"end\": \"2026-12-31\"}}"
            rows.append(TeamSummary.Row(name: "Member \(memberID)", memberID: memberID, file: memberID + ".pdf", bodies: [body], checkJSON: json))
        }
        let failures = (0..<invalid).map { i in
            TeamSummary.Failure(memberID: "X\(i)", name: "Broken Input \(i)",
                                messages: ["team.csv:\(100 + i): error: hours 'lots' is not a number (invalid marker \(i))"])
        }
        return TeamSummary(rows: rows, failures: failures)
    }
}
