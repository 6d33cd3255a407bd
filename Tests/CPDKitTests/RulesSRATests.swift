import Testing
@testable import CPDKit

/// `sra`: no hours; a reflection on every activity; at least one need; practising year 1 Nov to 31 Oct.
@Suite struct RulesSRATests {
    typealias F = RulesFixture

    @Test func period2026IsThePractisingYearEndingIn2026() throws {
        let p = try Assessor.period(for: F.profile("sra"), selection: .year(2026), record: F.record([]), options: .init())
        #expect(p == DateRange(start: F.date("2025-11-01"), end: F.date("2026-10-31")))
    }

    @Test func practisingYearEdges() throws {
        let record = F.record([F.activity(1, "2025-10-31"), F.activity(2, "2025-11-01"),
                               F.activity(3, "2026-10-31"), F.activity(4, "2026-11-01")])
        let a = try F.assess(record, "sra")
        #expect(a.included == [2, 3])
        #expect(a.excluded == [1, 4])
        #expect(a.compliant)
    }

    @Test func reflectedRecordWithANeedIsCompliantWithoutHours() throws {
        let a = try F.assess(F.record([F.activity(1, "2026-01-10", minutes: 30)]), "sra")
        #expect(a.compliant)
        #expect(a.requirements.map(\.id) == ["reflection", "needs"])
        #expect(a.requirements.allSatisfy { $0.met })
    }

    /// One activity without a reflection breaks compliance: an error-level finding.
    @Test func oneMissingReflectionIsNotCompliant() throws {
        let record = F.record([F.activity(1, "2026-01-10"), F.activity(2, "2026-02-10", reflection: nil)])
        let a = try F.assess(record, "sra")
        #expect(!a.compliant)
        let r = try #require(a.requirement("reflection"))
        #expect(!r.met && r.required == 2 && r.counted == 1 && r.shortfall == 1)
        #expect(r.stillNeeded == "a reflection on 1 more activity")
        #expect(a.findings.contains { $0.severity == .error && $0.activity == 2 })
    }

    @Test func noNeedIdentifiedIsNotCompliant() throws {
        let a = try F.assess(F.record([F.activity(1, "2026-01-10", needs: [])], needs: []), "sra")
        #expect(!a.compliant)
        let needs = try #require(a.requirement("needs"))
        #expect(!needs.met && needs.counted == 0 && needs.stillNeeded == "1 more learning need identified")
        #expect(a.findings.contains { $0.activity == 1 && $0.message.contains("names no learning need") })
    }

    @Test func needWithoutActivityIsAWarning() throws {
        let record = F.record([F.activity(1, "2026-01-10")], needs: [F.need, Need(id: "N2", description: "Client care")])
        let a = try F.assess(record, "sra")
        #expect(a.compliant)
        #expect(a.findings == [Finding(severity: .warning, message: "Need N2 (Client care) has no activity in the period")])
    }
}

/// `generic`: no minimum; reflections recommended.
@Suite struct RulesGenericTests {
    typealias F = RulesFixture

    @Test func emptyRecordIsCompliant() throws {
        let a = try F.assess(F.record([], needs: []), "generic")
        #expect(a.compliant && a.requirements.isEmpty && a.findings.isEmpty)
    }

    @Test func missingReflectionIsAWarning() throws {
        let a = try F.assess(F.record([F.activity(1, "2026-05-05", needs: [], reflection: nil)]), "generic")
        #expect(a.compliant)
        #expect(a.findings.contains { $0.severity == .warning && $0.activity == 1 && $0.message.contains("recommends") })
        #expect(a.findings.contains { $0.severity == .info && $0.message.contains("names no learning need") })
    }
}
