import Testing
@testable import CPDKit

/// Period selection: `--period YEAR`, `--from/--to`, and what the record implies.
@Suite struct RulesPeriodTests {
    typealias F = RulesFixture

    func period(_ yaml: String, _ selection: PeriodSelection, _ record: Record = RulesFixture.record([]),
                anniversary: CalendarDate? = nil) throws -> DateRange {
        let profile = try BodyCatalog.parse(yaml: "version: 1\nid: t\nname: T\n" + yaml, file: "t.yaml")
        return try Assessor.period(for: profile, selection: selection, record: record, options: .init(anniversary: anniversary))
    }

    func range(_ a: String, _ b: String) -> DateRange { DateRange(start: F.date(a), end: F.date(b)) }

    @Test func explicitRangeIsUsedAsGiven() throws {
        let r = range("2026-02-01", "2026-03-31")
        #expect(try period("period: calendar-year", .range(r)) == r)
        #expect(throws: AssessmentError.self) { try period("period: calendar-year", .range(range("2026-03-31", "2026-02-01"))) }
    }

    @Test func unspecifiedUsesTheRecordsOwnPeriod() throws {
        let own = range("2026-04-06", "2027-04-05")
        #expect(try period("period: calendar-year", .unspecified, F.record([F.activity(1, "2026-05-01")], period: own)) == own)
    }

    @Test func unspecifiedUsesThePeriodOfTheLatestActivity() throws {
        let record = F.record([F.activity(1, "2026-05-01"), F.activity(2, "2026-11-15")])
        #expect(try period("period: { anchor: fixed, start: 11-01 }", .unspecified, record) == range("2026-11-01", "2027-10-31"))
        #expect(try period("period: calendar-year", .unspecified, record) == range("2026-01-01", "2026-12-31"))
        #expect(throws: AssessmentError.self) { try period("period: calendar-year", .unspecified) }
    }

    @Test func multiYearCalendarCycle() throws {
        #expect(try period("period: { anchor: calendar-year, years: 3 }", .year(2026)) == range("2024-01-01", "2026-12-31"))
        let anchored = "period: { anchor: calendar-year, years: 2, first-cycle-start: 2025 }"
        #expect(try period(anchored, .year(2026)) == range("2025-01-01", "2026-12-31"))
        #expect(throws: AssessmentError.self) { try period(anchored, .year(2027)) }
    }

    @Test func anniversaryCycles() throws {
        let yaml = "period: { anchor: anniversary, years: 3 }"
        let a = F.date("2024-03-15")
        #expect(try period(yaml, .year(2027), anniversary: a) == range("2024-03-15", "2027-03-14"))
        #expect(try period(yaml, .year(2030), anniversary: a) == range("2027-03-15", "2030-03-14"))
        #expect(throws: AssessmentError.self) { try period(yaml, .year(2028), anniversary: a) }
        #expect(throws: AssessmentError.self) { try period(yaml, .year(2027)) }
        // The member's own date from the record serves when no option is given.
        let record = F.record([], periodStart: F.date("2025-07-01"))
        #expect(try period("period: { anchor: anniversary }", .year(2026), record) == range("2025-07-01", "2026-06-30"))
    }

    @Test func rollingWindow() throws {
        let yaml = "period: { anchor: rolling, months: 12 }"
        #expect(try period(yaml, .year(2026)) == range("2026-01-01", "2026-12-31"))
        let record = F.record([F.activity(1, "2026-05-20")])
        #expect(try period(yaml, .unspecified, record) == range("2025-05-21", "2026-05-20"))
    }

    @Test func fixedStartOnFirstOfOctober() throws {
        #expect(try period("period: { anchor: fixed, start: 10-01 }", .year(2026)) == range("2025-10-01", "2026-09-30"))
    }
}
