import Testing
@testable import CPDKit

/// Health, HR, built-environment and engineering bodies: each rule missed by the smallest step.
@Suite struct RulesProfilesHealthEngineeringTests {
    // CIMA CPD cycle: needs defined (steps 1-2) and a reflection per activity (step 5); no hours.
    @Test func cima() throws {
        try P.check("cima", P.record([P.a("2026-02-01", 0.5)]))
        try P.check("cima", P.record([P.a("2026-02-01", 0.5, need: false)], needs: false), unmet: ["needs"])
        try P.check("cima", P.record([P.a("2026-02-01", 0.5, reflection: false)]), unmet: ["reflection"])
    }

    // CIPD policy: reflect at least three times each January-December year.
    @Test func cipd() throws {
        try P.check("cipd", P.record([P.a("2026-01-01", 1), P.a("2026-06-01", 1), P.a("2026-12-31", 1)]))
        try P.check("cipd", P.record([P.a("2026-01-01", 1), P.a("2026-06-01", 1), P.a("2026-12-31", 1, reflection: false)]), unmet: ["reflections"])
        try P.check("cipd", P.record([P.a("2025-12-31", 1), P.a("2026-06-01", 1), P.a("2026-12-31", 1)]), unmet: ["reflections"])
    }

    // NMC revalidation: 35 h in 3 years from renewal, 20 participatory, 5 reflective accounts, evidence.
    @Test func nmc() throws {
        func log(part: Double = 10, other: Double = 5, reflect: Bool = true, evidence: Bool = true, lastDate: String = "2027-03-31") -> Record {
            P.record([P.a("2024-04-01", part, .structured, ["participatory"]), P.a("2025-04-01", 10, .structured, ["Participatory"]),
                      P.a("2025-06-01", other, .unstructured), P.a("2026-04-01", 5 + 10 - part, .unstructured, evidence: evidence),
                      P.a(lastDate, 5, .unstructured, reflection: reflect)], anniversary: "2024-04-01")
        }
        let a = try P.check("nmc", log(), .year(2027))
        #expect(a.period == DateRange(start: RulesFixture.date("2024-04-01"), end: RulesFixture.date("2027-03-31")))
        try P.check("nmc", log(other: 4.75), unmet: ["total"], .year(2027))
        try P.check("nmc", log(part: 9.75), unmet: ["participatory"], .year(2027))
        try P.check("nmc", log(reflect: false), unmet: ["reflective-accounts"], .year(2027))
        try P.check("nmc", log(evidence: false), unmet: ["evidence"], .year(2027))
        // One day past the cycle's end is outside it.
        try P.check("nmc", log(lastDate: "2027-04-01"), unmet: ["total", "reflective-accounts"], .year(2027))
        // Without the member's date there is no NMC period.
        #expect(throws: AssessmentError.self) { try P.check("nmc", P.record([P.a("2026-01-01", 35)]), .year(2027)) }
    }

    // HCPC: a continuous record, reflections on each activity, over the two years to renewal.
    @Test func hcpc() throws {
        try P.check("hcpc", P.record([P.a("2024-09-01", 1)], anniversary: "2024-09-01"))
        try P.check("hcpc", P.record([P.a("2024-08-31", 1)], anniversary: "2024-09-01"), unmet: ["record"])
        try P.check("hcpc", P.record([P.a("2026-08-31", 1, reflection: false)], anniversary: "2024-09-01"), unmet: ["reflection"])
    }

    // GPhC revalidation: 4 records a year, 2 planned, each reflected on.
    @Test func gphc() throws {
        func log(_ n: Int = 4, planned: Int = 2, reflect: Bool = true) -> Record {
            P.record((0..<n).map { P.a("2025-0\($0 + 6)-01", 1, need: $0 < planned, reflection: reflect || $0 > 0) }, anniversary: "2025-06-01")
        }
        try P.check("gphc", log())
        try P.check("gphc", log(3), unmet: ["records"])
        try P.check("gphc", log(planned: 1), unmet: ["planned"])
        try P.check("gphc", log(reflect: false), unmet: ["reflection"])
    }

    // GMC: needs in the PDP and reflection; AoMRC's 50 credits only with `--option credits=aomrc`.
    @Test func gmc() throws {
        let ok = P.record([P.a("2026-01-01", 50)], anniversary: "2025-04-01")
        try P.check("gmc", ok)
        try P.check("gmc", P.record([P.a("2026-01-01", 1, need: false)], needs: false, anniversary: "2025-04-01"), unmet: ["needs"])
        try P.check("gmc", P.record([P.a("2026-01-01", 1, reflection: false)], anniversary: "2025-04-01"), unmet: ["reflection"])
        try P.check("gmc", ok, options: ["credits": "aomrc"])
        try P.check("gmc", P.record([P.a("2026-01-01", 49.75)], anniversary: "2025-04-01"), unmet: ["aomrc-credits"], options: ["credits": "aomrc"])
    }

    // RICS: 20 h, 10 formal, ethics within the rolling three years.
    @Test func rics() throws {
        let ethics = P.a("2024-01-01", 1, .unstructured, ["professional ethics"])
        try P.check("rics", P.record([ethics, P.a("2026-01-01", 10), P.a("2026-02-01", 10, .unstructured)]))
        try P.check("rics", P.record([ethics, P.a("2026-01-01", 10), P.a("2026-02-01", 9.75, .unstructured)]), unmet: ["total"])
        try P.check("rics", P.record([ethics, P.a("2026-01-01", 9.75), P.a("2026-02-01", 10.25, .unstructured)]), unmet: ["formal"])
        try P.check("rics", P.record([P.a("2023-12-31", 1, .unstructured, ["ethics"]), P.a("2026-01-01", 10), P.a("2026-02-01", 10, .unstructured)]),
                    unmet: ["ethics"])
    }

    // RIBA: 35 h, 2 h in each of ten core-curriculum topics; half structured is advice only.
    @Test func riba() throws {
        let topics = try BodyCatalog.profile("riba").vocabulary.categories.map(\.name)
        #expect(topics.count == 10)
        func log(short topic: Int? = nil, general: Double = 15, type: ActivityType = .structured) -> Record {
            P.record(topics.enumerated().map { i, t in P.a("2026-03-01", i == topic ? 1.75 : 2, type, [t]) }
                     + [P.a("2026-04-01", general + (topic == nil ? 0 : 0.25), .unstructured)])
        }
        try P.check("riba", log())
        try P.check("riba", log(general: 14.75), unmet: ["total"])
        let ids = try BodyCatalog.profile("riba").requirements.map(\.id).filter { !["total", "structured"].contains($0) }
        for (i, id) in ids.enumerated() { try P.check("riba", log(short: i), unmet: [id]) }
        try P.check("riba", log(type: .unstructured), unmet: ["structured"], compliant: true)
    }

    // Engineering Council: needs planned, reflections recorded.
    @Test func engc() throws {
        try P.check("engc", P.record([P.a("2026-02-01", 1)]))
        try P.check("engc", P.record([P.a("2026-02-01", 1, need: false)], needs: false), unmet: ["plan"])
        try P.check("engc", P.record([P.a("2026-02-01", 1, reflection: false)]), unmet: ["reflection"])
    }

    // IET guideline: 30 h, 10 planned.
    @Test func iet() throws {
        try P.check("iet", P.record([P.a("2026-02-01", 10), P.a("2026-03-01", 20, need: false)]))
        try P.check("iet", P.record([P.a("2026-02-01", 10), P.a("2026-03-01", 19.75, need: false)]), unmet: ["total"])
        try P.check("iet", P.record([P.a("2026-02-01", 9.75), P.a("2026-03-01", 20.25, need: false)]), unmet: ["planned"])
    }

    // IMechE: a record in the 12 months, reflected on.
    @Test func imeche() throws {
        try P.check("imeche", P.record([P.a("2026-12-31", 1)]))
        try P.check("imeche", P.record([P.a("2027-01-01", 1)]), unmet: ["record"])
        try P.check("imeche", P.record([P.a("2026-12-31", 1, reflection: false)]), unmet: ["reflection"])
    }
}
