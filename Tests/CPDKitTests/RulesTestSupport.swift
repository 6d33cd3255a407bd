@testable import CPDKit

/// Records built in code, so the rules are tested without the importers.
enum RulesFixture {
    static func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    static func activity(_ number: Int, _ date: String, _ type: ActivityType = .structured, minutes: Int = 60,
                         categories: [String] = [], needs: [String] = ["N1"], reflection: String? = "What I learned.",
                         evidence: [String] = ["certificate"], method: String? = nil, provider: String? = nil) -> Activity {
        Activity(number: number, date: Self.date(date), title: "Activity \(number)", type: type, categories: categories,
                 minutes: Minutes(minutes), needs: needs, reflection: reflection, evidence: evidence,
                 provider: provider, method: method)
    }

    static let need = Need(id: "N1", description: "Keep up to date with consumer duty rules")

    static func record(_ activities: [Activity], needs: [Need] = [need], period: DateRange? = nil,
                       periodStart: CalendarDate? = nil) -> Record {
        Record(member: Member(name: "Amelia Smith", id: "M00001", periodStart: periodStart), period: period,
               needs: needs, activities: activities)
    }

    /// A structured and an unstructured activity in 2026 with the given minutes.
    static func year2026(structured: Int, unstructured: Int) -> Record {
        record([activity(1, "2026-03-14", .structured, minutes: structured),
                activity(2, "2026-06-01", .unstructured, minutes: unstructured)])
    }

    static func profile(_ id: String) throws -> BodyProfile { try BodyCatalog.profile(id) }

    static func assess(_ record: Record, _ body: String, _ selection: PeriodSelection = .year(2026),
                       options: AssessOptions = .init()) throws -> Assessment {
        try Assessor.assess(record, against: profile(body), selection: selection, options: options)
    }

    static func assess(_ record: Record, yaml: String, _ selection: PeriodSelection = .year(2026),
                       options: AssessOptions = .init()) throws -> Assessment {
        try Assessor.assess(record, against: BodyCatalog.parse(yaml: yaml, file: "test.yaml"), selection: selection, options: options)
    }
}

extension Assessment {
    func requirement(_ id: String) -> RequirementResult? { requirements.first { $0.id == id } }
}
