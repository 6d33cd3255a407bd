import Foundation
import Testing
@testable import CPDKit

/// `check` says which activities were left out or counted for less, and why: outside the
/// period, shorter than the minimum length, over a cap, rounded down. Each reason is a
/// finding naming the activity, in the text and in the JSON.
@Suite struct CheckReasonsTests {
    static func findings(_ a: Assessment, about number: Int) -> [Finding] { a.findings.filter { $0.activity == number } }

    static func jsonFindings(_ a: Assessment) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(CheckOutput.json(member: [a], diagnostics: []).utf8))
        return try #require((object as? [String: Any])?["findings"] as? [[String: Any]])
    }

    // P.record renumbers activities after P.a titled them, so every title is "Activity 0".

    // LSS: private study counts up to 5 hours; the activity that crosses the cap is named.
    @Test func capNamesTheActivitiesItCuts() throws {
        let record = P.record([P.a("2025-12-01", 4, .unstructured, ["private study"]),
                               P.a("2026-02-01", 2, .unstructured, ["private study"]),
                               P.a("2026-03-01", 1, .unstructured, ["private study"])])
        let a = try P.check("lss", record, unmet: ["total", "verifiable", "risk-management"])
        #expect(Self.findings(a, about: 1).isEmpty)
        #expect(Self.findings(a, about: 2).map(\.message) == ["Activity 2 (Activity 0) counts 1 of its 2 hours: the cap of 5 hours on CPD in private study is reached (LSS CPD requirements)"])
        #expect(Self.findings(a, about: 3).first?.message.hasPrefix("Activity 3 (Activity 0) counts 0 of its 1 hour:") == true)
        // The summary of the cap stays, without an activity.
        #expect(a.findings.contains { $0.activity == nil && $0.message.hasPrefix("2 hours in private study above the cap of 5") })
        #expect(try Self.jsonFindings(a).contains { $0["activity"] as? Int == 2 && ($0["message"] as? String)?.contains("cap") == true })
        #expect(CheckOutput.text(member: [a]).contains("info: Activity 3 (Activity 0) counts 0 of its 1 hour"))
    }

    // BSB NPP rounds each activity down to the half hour: the lost minutes are explained.
    @Test func roundingIsExplainedPerActivity() throws {
        let record = P.record([P.a("2024-02-01", 1.25), P.a("2025-02-01", 1.5), P.a("2026-02-01", 20.0 / 60)])
        let a = try P.check("bsb-npp", record, unmet: ["total", "advocacy", "ethics"])
        #expect(Self.findings(a, about: 1).map(\.message) == ["Activity 1 (Activity 0): its 75 minutes count as 1 hour (each activity is counted in steps of 0.5 hours, rounded down)"])
        #expect(Self.findings(a, about: 2).isEmpty)
        #expect(Self.findings(a, about: 3).first?.message.contains("its 20 minutes count as 0 hours") == true)
        #expect(try Self.jsonFindings(a).contains { $0["activity"] as? Int == 3 && ($0["message"] as? String)?.contains("rounded down") == true })
    }

    // A unit without rounding never adds rounding findings.
    @Test func noRoundingFindingsWhenEveryMinuteCounts() throws {
        let a = try P.check("fca-ria", P.record([P.a("2026-02-01", 21), P.a("2026-03-01", 14 + 7.0 / 60, .unstructured)]))
        #expect(!a.findings.contains { $0.message.contains("rounded down") })
    }

    // CII: a 29-minute activity does not count; an activity a day before the period is excluded.
    @Test func shortAndOutsideThePeriodAreNamed() throws {
        let record = P.record([P.a("2025-12-31", 2), P.a("2026-03-01", 21), P.a("2026-04-01", 14, .unstructured),
                               P.a("2026-05-01", 29.0 / 60, .unstructured)])
        let a = try P.check("cii", record)
        #expect(a.excluded == [1])
        #expect(Self.findings(a, about: 4).contains { $0.message.contains("shorter than 30 minutes and does not count") })
        let text = CheckOutput.text(member: [a])
        #expect(text.contains("1 activity outside the period excluded (activity 1)"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(CheckOutput.json(member: [a], diagnostics: []).utf8)) as? [String: Any])
        #expect(object["excludedActivities"] as? [Int] == [1])
        #expect(try Self.jsonFindings(a).contains { $0["activity"] as? Int == 4 && ($0["message"] as? String)?.contains("shorter") == true })
    }
}
