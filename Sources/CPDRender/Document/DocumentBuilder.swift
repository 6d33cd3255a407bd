/// Builds the measured blocks of one record from the layout's sections. Knows what a CPD record
/// says; knows nothing of pages (the paginator) or of Cairo (the painter).
struct DocumentBuilder: BlockBuilding {
    let record: Record
    let assessments: [Assessment]
    let layout: LayoutSpec
    let tokens: Tokens
    let measurer: any TextMeasurer
    var blocks: [Block] = []

    init(record: Record, assessments: [Assessment], layout: LayoutSpec, tokens: Tokens, measurer: any TextMeasurer) {
        self.record = record; self.assessments = assessments; self.layout = layout; self.tokens = tokens
        self.measurer = measurer
    }

    /// Activity numbers counted in the period by any assessment; every activity when there is none.
    var included: Set<Int> {
        assessments.isEmpty ? Set(record.activities.map(\.number)) : Set(assessments.flatMap(\.included))
    }

    mutating func build() -> [Block] {
        for section in layout.sections {
            let start = blocks.count
            if section.breakBefore { blocks.append(.pageBreak) }
            switch section.kind {
            case .title: titleSection()
            case .summary: summarySection(section)
            case .charts: chartsSection(section)
            case .needs: needsSection(section)
            case .activities: activitiesSection(section)
            case .reflections: reflectionsSection(section)
            case .declaration: declarationSection(section)
            // The parser keeps team sections out of record layouts.
            case .teamTitle, .teamChart, .teamMatrix, .invalidMembers, .teamTotals: break
            }
            if section.keepTogether { keepTogether(from: start) }
        }
        return blocks
    }

    // MARK: - Formatting

    func typeLabel(_ t: ActivityType) -> String { labels[t.rawValue] }

    func minutes(ofNeed id: String) -> Minutes {
        let counted = included
        return record.activities.filter { $0.needs.contains(id) && counted.contains($0.number) }.map(\.minutes).sum()
    }
}
