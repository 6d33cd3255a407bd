import Testing
@testable import CPDKit

/// Per profile: a record that just meets every rule, and for each rule a record that misses
/// only it by the smallest step. Each test names the rule it checks.
@Suite struct RulesProfilesUKFinanceLawTests {
    // CII CPD scheme rules: 35 h, 21 structured, activities of 30 minutes or more, a reflective statement.
    @Test func cii() throws {
        let ok = [P.a("2026-03-01", 21), P.a("2026-04-01", 14, .unstructured)]
        try P.check("cii", P.record(ok))
        try P.check("cii", P.record([P.a("2026-03-01", 21), P.a("2026-04-01", 13.75, .unstructured)]), unmet: ["total"])
        try P.check("cii", P.record([P.a("2026-03-01", 20.75), P.a("2026-04-01", 14.25, .unstructured)]), unmet: ["structured"])
        // A 29-minute activity does not count; 30 minutes does.
        let short = try P.check("cii", P.record([P.a("2026-03-01", 21), P.a("2026-04-01", 13.5, .unstructured),
                                                 P.a("2026-05-01", 29.0 / 60, .unstructured)]), unmet: ["total"])
        #expect(short.findings.contains { $0.activity == 3 && $0.message.contains("shorter than 30 minutes") })
        try P.check("cii", P.record([P.a("2026-03-01", 21), P.a("2026-04-01", 13.5, .unstructured), P.a("2026-05-01", 0.5, .unstructured)]))
        try P.check("cii", P.record([P.a("2026-03-01", 21), P.a("2026-04-01", 14, .unstructured, reflection: false)]), unmet: ["reflection"])
    }

    // CII: "different activities under 30 minutes towards one learning outcome can be combined"
    // (modelled as: short activities naming the same learning need count once they reach 30 minutes together).
    @Test func ciiCombinesShortActivitiesTowardsOneNeed() throws {
        func short(_ date: String, _ minutes: Int, need: String) -> Activity {
            var a = P.a(date, Double(minutes) / 60, .unstructured)
            a.needs = [need]
            return a
        }
        let base = [P.a("2026-03-01", 21), P.a("2026-04-01", 13.5, .unstructured)]
        // 15 + 15 minutes towards N1: together they reach 30 and both count (35 h in all).
        let combined = try P.check("cii", P.record(base + [short("2026-05-01", 15, need: "N1"), short("2026-05-02", 15, need: "N1")]))
        #expect(combined.findings.contains { $0.activity == 3 && $0.message.contains("counts with other short activities") })
        // The same minutes towards two different needs stay short: a quarter hour is missing from the total.
        try P.check("cii", P.record(base + [short("2026-05-01", 15, need: "N1"), short("2026-05-02", 15, need: "N2")]), unmet: ["total"])
        // 15 + 14 minutes towards one need: 29 together, one minute under the minimum.
        try P.check("cii", P.record(base + [short("2026-05-01", 15, need: "N1"), short("2026-05-02", 14, need: "N1"),
                                            short("2026-05-03", 1, need: "N2")]), unmet: ["total"])
    }

    // BSB NPP: 45 h over three calendar years, 9 advocacy, 3 ethics, each activity rounded down to the half hour.
    @Test func bsbNPP() throws {
        let ok = [P.a("2024-02-01", 33), P.a("2025-02-01", 9, .structured, ["advocacy"]), P.a("2026-02-01", 3, .structured, ["ethics"])]
        let a = try P.check("bsb-npp", P.record(ok))
        #expect(a.period == DateRange(start: RulesFixture.date("2024-01-01"), end: RulesFixture.date("2026-12-31")))
        // 32 h 59 min rounds down to 32.5: the smallest step short is a minute under the half hour.
        try P.check("bsb-npp", P.record([P.a("2024-02-01", 32 + 59.0 / 60)] + ok.dropFirst()), unmet: ["total"])
        try P.check("bsb-npp", P.record([P.a("2024-02-01", 33.5), P.a("2025-02-01", 8.5, .structured, ["advocacy"]), ok[2]]), unmet: ["advocacy"])
        try P.check("bsb-npp", P.record([P.a("2024-02-01", 33.5), ok[1], P.a("2026-02-01", 2.5, .structured, ["Professional Ethics"])]), unmet: ["ethics"])
    }

    // BSB EPP: from 2017 a plan and reflections, no hours; before 2017 the hours rule applied.
    @Test func bsbEPP() throws {
        try P.check("bsb-epp", P.record([P.a("2026-02-01", 1)]))
        try P.check("bsb-epp", P.record([P.a("2026-02-01", 1, need: false)], needs: false), unmet: ["plan"])
        try P.check("bsb-epp", P.record([P.a("2026-02-01", 1, reflection: false)]), unmet: ["reflection"])
        // Effective dates: 2016 is checked against the rules then in force.
        try P.check("bsb-epp", P.record([P.a("2016-02-01", 12, reflection: false)], needs: false), .year(2016))
        try P.check("bsb-epp", P.record([P.a("2016-02-01", 11.75)]), unmet: ["pre-2017-hours"], .year(2016))
    }

    // CILEx (2016/17 counts, unconfirmed): 9 entries, 1 professionalism, 5 planned; every entry evaluated.
    @Test func cilex() throws {
        func entries(_ n: Int, planned: Int = 5, professionalism: Bool = true, reflect: Bool = true) -> [Activity] {
            (0..<n).map { i in P.a("2026-0\(i % 9 + 1)-01", 1, .structured, i == 0 && professionalism ? ["professionalism"] : [],
                                   need: i < planned, reflection: reflect || i > 0) }
        }
        let a = try P.check("cilex", P.record(entries(9)))
        #expect(a.period == DateRange(start: RulesFixture.date("2025-10-01"), end: RulesFixture.date("2026-09-30")))
        try P.check("cilex", P.record(entries(8)), unmet: ["entries"])
        try P.check("cilex", P.record(entries(9, professionalism: false)), unmet: ["professionalism"])
        try P.check("cilex", P.record(entries(9, planned: 4)), unmet: ["planned"])
        try P.check("cilex", P.record(entries(9, reflect: false)), unmet: ["reflection"])
    }

    // Law Society of Scotland: 20 h, 15 verifiable, at most 5 private study, 1 h risk management from 1 Nov 2022.
    @Test func lss() throws {
        let rm = P.a("2026-01-10", 1, .structured, ["Risk-Management"])
        try P.check("lss", P.record([rm, P.a("2025-11-01", 14), P.a("2026-10-31", 5, .unstructured)]))
        try P.check("lss", P.record([rm, P.a("2025-11-01", 14), P.a("2026-10-31", 4.75, .unstructured)]), unmet: ["total"])
        try P.check("lss", P.record([rm, P.a("2025-11-01", 13.75), P.a("2026-10-31", 5.25, .unstructured)]), unmet: ["verifiable"])
        try P.check("lss", P.record([P.a("2026-01-10", 0.75, .structured, ["risk management"]), P.a("2025-11-01", 14.25),
                                     P.a("2026-10-31", 5, .unstructured)]), unmet: ["risk-management"])
        // Cap before summing: 5.25 h of private study counts as 5.
        let capped = try P.check("lss", P.record([rm, P.a("2025-11-01", 13.75), P.a("2026-03-01", 5.25, .unstructured, ["private study"])]),
                                 unmet: ["total", "verifiable"])
        #expect(capped.requirement("total")?.counted == 19.75)
        #expect(capped.findings.contains { $0.message.contains("0.25 hours in private study above the cap of 5") })
        // Effective date: the practice year to October 2022 had no risk-management hour.
        try P.check("lss", P.record([P.a("2021-11-01", 15), P.a("2022-10-31", 5, .unstructured)]), .year(2022))
    }

    // ICAEW 2023: hours by category (option), 1 h verifiable ethics.
    @Test func icaew() throws {
        let ethics = P.a("2025-12-01", 1, .structured, ["ethics"])
        let ok = [ethics, P.a("2026-01-01", 9), P.a("2026-02-01", 10, .unstructured)]
        try P.check("icaew", P.record(ok))
        try P.check("icaew", P.record([ethics, P.a("2026-01-01", 9), P.a("2026-02-01", 9.75, .unstructured)]), unmet: ["practice-3-total"])
        try P.check("icaew", P.record([ethics, P.a("2026-01-01", 8.75), P.a("2026-02-01", 10.25, .unstructured)]), unmet: ["practice-3-verifiable"])
        try P.check("icaew", P.record([P.a("2025-12-01", 1, .unstructured, ["ethics"]), P.a("2026-01-01", 10), P.a("2026-02-01", 9, .unstructured)]), unmet: ["ethics"])
        try P.check("icaew", P.record(ok), unmet: ["practice-1-total", "practice-1-verifiable"], options: ["category": "practice-1"])
        try P.check("icaew", P.record([ethics, P.a("2026-01-01", 29), P.a("2026-02-01", 10, .unstructured)]), options: ["category": "practice-1"])
        #expect(throws: AssessmentError.self) { try P.check("icaew", P.record(ok), options: ["category": "practice-9"]) }
        #expect(throws: AssessmentError.self) { try P.check("icaew", P.record(ok), options: ["colour": "blue"]) }
    }

    // ACCA unit route: 40 units, 21 verifiable, non-verifiable counts up to 19, up to 21 verifiable units carry over.
    @Test func acca() throws {
        try P.check("acca", P.record([P.a("2026-01-01", 21), P.a("2026-12-31", 19, .unstructured)]))
        try P.check("acca", P.record([P.a("2026-01-01", 21), P.a("2026-12-31", 18.75, .unstructured)]), unmet: ["total"])
        // Non-verifiable is capped, so a verifiable shortfall is always a total shortfall too.
        try P.check("acca", P.record([P.a("2026-01-01", 20.75), P.a("2026-12-31", 19.25, .unstructured)]), unmet: ["total", "verifiable"])
        try P.check("acca", P.record([P.a("2026-01-01", 21, reflection: false), P.a("2026-12-31", 19, .unstructured)]), unmet: ["reflection"])
        // Carry-over: 2025's 9 excess verifiable units make up 2026's 12.
        let now = [P.a("2026-01-01", 12), P.a("2026-12-31", 19, .unstructured)]
        try P.check("acca", P.record(now), unmet: ["total", "verifiable"])
        let carried = try P.check("acca", P.record([P.a("2025-06-01", 30), P.a("2025-07-01", 19, .unstructured)] + now))
        #expect(carried.requirement("verifiable")?.counted == 21)
        #expect(carried.findings.contains { $0.message.hasPrefix("9 units carried over") })
        try P.check("acca", P.record([P.a("2025-06-01", 29.75), P.a("2025-07-01", 19, .unstructured)] + now), unmet: ["total", "verifiable"])
        // Carry-over needs 40 units overall in the year it comes from: 30 verifiable + 9.75 non-verifiable is a quarter short.
        try P.check("acca", P.record([P.a("2025-06-01", 30), P.a("2025-07-01", 9.75, .unstructured)] + now), unmet: ["total", "verifiable"])
        try P.check("acca", P.record([P.a("2025-06-01", 30), P.a("2025-07-01", 10, .unstructured)] + now))
        // Nothing carries from the member's first CPD year (it began 1 January 2025); it does from the second.
        try P.check("acca", P.record([P.a("2025-06-01", 30), P.a("2025-07-01", 19, .unstructured)] + now, anniversary: "2025-01-01"),
                    unmet: ["total", "verifiable"])
        try P.check("acca", P.record([P.a("2025-06-01", 30), P.a("2025-07-01", 19, .unstructured)] + now, anniversary: "2024-01-01"))
    }
}
