import Testing
@testable import CPDKit

/// Shorthand for the per-profile cases: activities in hours, renumbered in log order,
/// and one check that names exactly which requirements a record misses.
enum P {
    static func a(_ date: String, _ hours: Double, _ type: ActivityType = .structured, _ categories: [String] = [],
                  need: Bool = true, reflection: Bool = true, evidence: Bool = true) -> Activity {
        RulesFixture.activity(0, date, type, minutes: Int((hours * 60).rounded()), categories: categories,
                              needs: need ? ["N1"] : [], reflection: reflection ? "What I learned." : nil,
                              evidence: evidence ? ["certificate"] : [])
    }

    static func record(_ activities: [Activity], needs: Bool = true, anniversary: String? = nil) -> Record {
        var numbered = activities
        for i in numbered.indices { numbered[i].number = i + 1 }
        return RulesFixture.record(numbered, needs: needs ? [RulesFixture.need] : [],
                                   periodStart: anniversary.map(RulesFixture.date))
    }

    /// Asserts which requirements are short (by id) and the verdict; returns the assessment for more checks.
    @discardableResult
    static func check(_ body: String, _ record: Record, unmet: Set<String> = [], compliant: Bool? = nil,
                      _ selection: PeriodSelection = .year(2026), options: [String: String] = [:],
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Assessment {
        let a = try Assessor.assess(record, against: BodyCatalog.profile(body), selection: selection,
                                    options: AssessOptions(options: options))
        let short = Set(a.requirements.filter { !$0.met }.map(\.id))
        #expect(short == unmet, "\(body): short \(short.sorted()), expected \(unmet.sorted())", sourceLocation: sourceLocation)
        #expect(a.compliant == (compliant ?? unmet.isEmpty), "\(body): compliant \(a.compliant)", sourceLocation: sourceLocation)
        return a
    }
}
