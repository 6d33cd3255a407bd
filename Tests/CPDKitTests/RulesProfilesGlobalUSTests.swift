import Foundation
import Testing
@testable import CPDKit

/// CFA, PMI and the US bodies: units, multi-year cycles, per-year floors, caps and carry-over.
@Suite struct RulesProfilesGlobalUSTests {
    // CFA: 20 PL credits and 2 SER are encouraged, so falling short never breaks compliance.
    @Test func cfa() throws {
        try P.check("cfa", P.record([P.a("2026-01-01", 18), P.a("2026-02-01", 2, .structured, ["SER"])]))
        let a = try P.check("cfa", P.record([P.a("2026-01-01", 17.75), P.a("2026-02-01", 2, .structured, ["SER"])]), unmet: ["total"], compliant: true)
        #expect(a.unit == "PL credits")
        try P.check("cfa", P.record([P.a("2026-01-01", 18.25), P.a("2026-02-01", 1.75, .structured, ["ser"])]), unmet: ["ser"], compliant: true)
        // Quarter-hour steps: 29 minutes counts as a quarter.
        let q = try P.check("cfa", P.record([P.a("2026-01-01", 29.0 / 60)]), unmet: ["total", "ser"], compliant: true)
        #expect(q.requirement("total")?.counted == 0.25)
    }

    // PMP: 60 PDUs in 3 years from the exam date, 35 education with 8 in each area, giving back up to 25
    // (practitioner up to 8), and up to 20 PDUs earned in the last year of the previous cycle carried over.
    @Test func pmiPMP() throws {
        func log(wow: Double = 8, power: Double = 8, biz: Double = 19, giving: Double = 25, practitioner: Double = 0,
                 extra: [Activity] = []) -> Record {
            P.record(extra + [P.a("2023-05-10", wow, .structured, ["ways of working"]), P.a("2024-01-01", power, .structured, ["Power Skills"]),
                              P.a("2025-01-01", biz, .structured, ["business acumen"]), P.a("2026-05-09", giving, .unstructured, ["giving back"]),
                              P.a("2026-01-01", practitioner, .unstructured, ["working as a practitioner"])], anniversary: "2023-05-10")
        }
        let a = try P.check("pmi-pmp", log())
        #expect(a.period == DateRange(start: RulesFixture.date("2023-05-10"), end: RulesFixture.date("2026-05-09")))
        #expect(a.unit == "PDUs")
        try P.check("pmi-pmp", log(giving: 24.75), unmet: ["total"])
        try P.check("pmi-pmp", log(biz: 18.75, giving: 25.25), unmet: ["total", "education"])
        try P.check("pmi-pmp", log(wow: 7.75, biz: 19.25), unmet: ["ways-of-working"])
        try P.check("pmi-pmp", log(power: 7.75, biz: 19.25), unmet: ["power-skills"])
        try P.check("pmi-pmp", log(biz: 7.75, giving: 25), unmet: ["total", "education", "business-acumen"])
        // Caps: practitioner counts at most 8 and lies within giving back's 25.
        try P.check("pmi-pmp", log(giving: 15, practitioner: 10), unmet: ["total"])
        try P.check("pmi-pmp", log(giving: 17, practitioner: 8))
        // Carry-over from the last 12 months of the previous cycle.
        let previous = [P.a("2021-01-01", 60), P.a("2023-01-01", 10)]
        let carried = try P.check("pmi-pmp", log(giving: 15, extra: previous))
        #expect(carried.requirement("total")?.counted == 60)
        let earlyOnly = [P.a("2021-01-01", 70)]
        try P.check("pmi-pmp", log(giving: 15, extra: earlyOnly), unmet: ["total"])
    }

    // NY CLE: 24 credits per biennial cycle, 4 ethics, 1 diversity, 1 cybersecurity (from July 2023); up to 6 carried, never ethics.
    @Test func nyCLE() throws {
        func log(ethics: Double = 4, diversity: Double = 1, cyber: Double = 1, general: Double = 18, extra: [Activity] = []) -> Record {
            P.record(extra + [P.a("2024-07-01", ethics, .structured, ["Ethics & Professionalism"]), P.a("2025-01-01", diversity, .structured, ["diversity"]),
                              P.a("2025-06-01", cyber, .structured, ["cybersecurity"]), P.a("2026-06-30", general)], anniversary: "2022-07-01")
        }
        let a = try P.check("ny-cle", log())
        #expect(a.period == DateRange(start: RulesFixture.date("2024-07-01"), end: RulesFixture.date("2026-06-30")))
        try P.check("ny-cle", log(general: 17.75), unmet: ["total"])
        try P.check("ny-cle", log(ethics: 3.75, general: 18.25), unmet: ["ethics"])
        try P.check("ny-cle", log(diversity: 0.75, general: 18.25), unmet: ["diversity"])
        try P.check("ny-cle", log(cyber: 0.75, general: 18.25), unmet: ["cybersecurity"])
        // Carry-over: 6 of the previous cycle's 30 general credits; ethics credits never carry.
        try P.check("ny-cle", log(general: 12, extra: [P.a("2023-01-01", 30)]))
        try P.check("ny-cle", log(general: 12, extra: [P.a("2023-01-01", 30, .structured, ["ethics"])]), unmet: ["total"])
        try P.check("ny-cle", log(general: 11.75, extra: [P.a("2023-01-01", 40)]), unmet: ["total"])
        // Effective date: the cycle to June 2023 had no cybersecurity credit.
        try P.check("ny-cle", P.record([P.a("2022-01-01", 4, .structured, ["ethics"]), P.a("2022-02-01", 1, .structured, ["bias"]),
                                        P.a("2023-01-01", 19)], anniversary: "2021-07-01"), .year(2023))
    }

    // California MCLE: 25 h per 3 years to 31 January, with ethics, competence, bias, technology and civility floors.
    @Test func caMCLE() throws {
        let floors: [(String, Double)] = [("ethics", 4), ("competence", 2), ("bias", 2), ("technology", 1), ("civility", 1)]
        func log(short: String? = nil, selfStudy: Double = 0, participatory: Double = 15) -> Record {
            P.record(floors.map { P.a("2024-01-01", $0.1 - ($0.0 == short ? 0.25 : 0), .structured, [$0.0]) }
                     + [P.a("2026-01-31", participatory + (short == nil ? 0 : 0.25)), P.a("2023-02-01", selfStudy, .unstructured)])
        }
        let a = try P.check("ca-mcle", log())
        #expect(a.period == DateRange(start: RulesFixture.date("2023-02-01"), end: RulesFixture.date("2026-01-31")))
        try P.check("ca-mcle", log(participatory: 14.75), unmet: ["total"])
        for (id, _) in floors { try P.check("ca-mcle", log(short: id), unmet: [id]) }
        // Self-study counts up to 12.5 hours.
        try P.check("ca-mcle", log(selfStudy: 12.5, participatory: 2.5))
        try P.check("ca-mcle", log(selfStudy: 12.75, participatory: 2.25), unmet: ["total"])
    }

    // California CPA: 80 h per 2 years, 20 in each year, 40 technical (12 each year), 4 ethics, non-technical up to 40.
    @Test func caCPA() throws {
        func log(t1: Double = 20, n1: Double = 0, t2: Double = 20, n2: Double = 36, ethics: Double = 4) -> Record {
            P.record([P.a("2024-09-01", t1, .structured, ["technical"]), P.a("2025-08-31", n1, .structured, ["non-technical"]),
                      P.a("2025-09-01", t2, .structured, ["technical"]), P.a("2026-01-01", n2, .structured, ["non-technical"]),
                      P.a("2026-08-31", ethics, .structured, ["ethics"])], anniversary: "2024-09-01")
        }
        let a = try P.check("ca-cpa", log())
        #expect(a.requirements.map(\.id).contains("each-year-year-2"))
        try P.check("ca-cpa", log(n2: 35.75), unmet: ["total"])
        try P.check("ca-cpa", log(t1: 19.75, t2: 20.25), unmet: ["each-year-year-1"])
        try P.check("ca-cpa", log(t1: 11.75, n1: 8.25, t2: 28.25, n2: 27.75), unmet: ["technical-each-year-year-1"])
        try P.check("ca-cpa", log(t2: 19.75, n2: 36.25), unmet: ["technical"])
        try P.check("ca-cpa", log(n2: 36.25, ethics: 3.75), unmet: ["ethics"])
        // Non-technical counts up to 40.
        try P.check("ca-cpa", log(t2: 15.75, n2: 40.25), unmet: ["total", "technical"])
    }

    // Texas PE: 15 PDH per annual renewal, 1 in ethics; up to 14 PDH carried, never towards ethics.
    @Test func txPE() throws {
        let ethics = P.a("2025-03-01", 1, .structured, ["ethics"])
        try P.check("tx-pe", P.record([ethics, P.a("2026-02-28", 14)], anniversary: "2020-03-01"))
        try P.check("tx-pe", P.record([ethics, P.a("2026-02-28", 13.75)], anniversary: "2020-03-01"), unmet: ["total"])
        try P.check("tx-pe", P.record([P.a("2025-03-01", 0.75, .structured, ["ethics"]), P.a("2026-02-28", 14.25)], anniversary: "2020-03-01"), unmet: ["ethics"])
        try P.check("tx-pe", P.record([P.a("2024-06-01", 29), ethics], anniversary: "2020-03-01"))
        try P.check("tx-pe", P.record([P.a("2024-06-01", 28.75), ethics], anniversary: "2020-03-01"), unmet: ["total"])
        try P.check("tx-pe", P.record([P.a("2024-06-01", 40), P.a("2025-03-01", 1)], anniversary: "2020-03-01"), unmet: ["ethics"])
    }

    /// The `check --json` shape of issue 2 for every profile.
    @Test(arguments: BodyCatalog.builtinIDs)
    func jsonShape(body: String) throws {
        let record = P.record([P.a("2026-01-15", 1.5, .structured, ["ethics"])], anniversary: "2025-02-01")
        let a = try Assessor.assess(record, against: BodyCatalog.profile(body), selection: .unspecified)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(CheckOutput.json(member: [a], diagnostics: []).utf8)) as? [String: Any])
        for key in ["member", "body", "period", "unit", "totals", "compliant", "requirements", "findings", "diagnostics"] {
            #expect(object[key] != nil, "\(body): missing \(key)")
        }
        #expect(object["body"] as? String == body)
        #expect((object["totals"] as? [String: Double])?["hours"] == 1.5)
        let provenance = try #require(object["provenance"] as? [String: Any])
        #expect(provenance["sources"] is [String])
    }
}
