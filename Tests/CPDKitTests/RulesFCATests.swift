import Testing
@testable import CPDKit

/// `fca-ria`: 35 hours in the period (TC 2.1.15R), at least 21 structured (TC 2.1.16G).
@Suite struct RulesFCATests {
    typealias F = RulesFixture

    @Test func exactly35With21StructuredIsCompliant() throws {
        let a = try F.assess(F.year2026(structured: 21 * 60, unstructured: 14 * 60), "fca-ria")
        #expect(a.compliant)
        #expect(a.requirement("total")?.counted == 35)
        #expect(a.requirement("total")?.met == true)
        #expect(a.requirement("structured")?.met == true)
        #expect(a.period == DateRange(start: F.date("2026-01-01"), end: F.date("2026-12-31")))
    }

    /// TC 2.1.15R, the smallest step short: 34.75 hours.
    @Test func a34Point75HoursTotalIsShortByAQuarter() throws {
        let a = try F.assess(F.year2026(structured: 21 * 60, unstructured: 13 * 60 + 45), "fca-ria")
        #expect(!a.compliant)
        let total = try #require(a.requirement("total"))
        #expect(!total.met && total.counted == 34.75 && total.shortfall == 0.25)
        #expect(total.stillNeeded == "0.25 more hours")
        #expect(a.requirement("structured")?.met == true)
    }

    /// TC 2.1.16G, the smallest step short: 20.75 structured hours within 35.
    @Test func twentyPoint75StructuredIsShort() throws {
        let a = try F.assess(F.year2026(structured: 20 * 60 + 45, unstructured: 14 * 60 + 15), "fca-ria")
        #expect(!a.compliant)
        #expect(a.requirement("total")?.met == true)
        let structured = try #require(a.requirement("structured"))
        #expect(!structured.met && structured.counted == 20.75 && structured.shortfall == 0.25)
        #expect(structured.stillNeeded == "0.25 more hours of structured CPD")
    }

    @Test func stillNeededSaysHowMuchMustBeStructured() throws {
        let a = try F.assess(F.year2026(structured: 20 * 60, unstructured: 8 * 60 + 30), "fca-ria")
        #expect(a.totals.total == Minutes(hours: 28, minutes: 30))
        #expect(a.requirement("total")?.stillNeeded == "6.5 more hours, of which 1 structured")
    }

    /// Activities on the first and last day of the period count; a day either side does not.
    @Test func periodEdgesAreInclusive() throws {
        let record = F.record([
            F.activity(1, "2025-12-31", minutes: 600), F.activity(2, "2026-01-01", minutes: 21 * 60),
            F.activity(3, "2026-12-31", .unstructured, minutes: 14 * 60), F.activity(4, "2027-01-01", minutes: 600),
        ])
        let a = try F.assess(record, "fca-ria")
        #expect(a.included == [2, 3])
        #expect(a.excluded == [1, 4])
        #expect(a.compliant)
        #expect(a.totals.total == Minutes(hours: 35))
    }

    @Test func missingReflectionAndEvidenceAreWarningsOnly() throws {
        let record = F.record([F.activity(1, "2026-02-01", minutes: 21 * 60, reflection: nil, evidence: []),
                               F.activity(2, "2026-03-01", .unstructured, minutes: 14 * 60, reflection: "  ", evidence: [])])
        let a = try F.assess(record, "fca-ria")
        #expect(a.compliant)
        #expect(a.findings.filter { $0.message.contains("no reflection") }.map(\.activity) == [1, 2])
        // Evidence is asked of structured CPD only.
        #expect(a.findings.filter { $0.message.contains("no evidence") }.map(\.activity) == [1])
        #expect(a.findings.allSatisfy { $0.severity == .warning })
    }

    @Test func needsFindings() throws {
        let record = F.record([F.activity(1, "2026-02-01", minutes: 35 * 60, needs: [])],
                              needs: [F.need, Need(id: "N2", description: "Pensions")])
        let a = try F.assess(record, "fca-ria")
        #expect(a.findings.contains { $0.activity == 1 && $0.message.contains("names no learning need") })
        #expect(a.findings.contains { $0.message.hasPrefix("Need N2") && $0.severity == .warning })
        #expect(a.findings.contains { $0.message.hasPrefix("Need N1") })
    }

    @Test func provenanceCitesTheHandbook() throws {
        let p = try F.profile("fca-ria")
        #expect(p.provenance.sources.contains { $0.contains("TC 2.1.15R") })
        #expect(p.requirements.first { $0.id == "structured" }?.citation == "FCA Handbook TC 2.1.16G")
        #expect(p.provenance.checked != nil)
    }
}
