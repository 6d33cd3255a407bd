/// A body profile in plain words, for `cpd bodies` and `cpd bodies show`: what the body asks,
/// how cpd counts it, and how sure we are of each rule, so that nobody mistakes an
/// unconfirmed rule for the regulator's word.
public struct ProfileDescription: Sendable, Hashable {
    /// One requirement of the profile in words.
    public struct Rule: Sendable, Hashable {
        /// The requirement's id in the profile and in `check` output.
        public let id: String
        /// The kind as the profile file spells it (`minimum`, `cap`, `carry-over`, …).
        public let kind: String
        /// The headline: the file's own description, or words generated from the kind.
        public let summary: String
        /// Everything else about the rule, one plain sentence each: what it counts, when it
        /// is in force, under which option, its source.
        public let details: [String]
        /// True when no primary source confirms the rule.
        public let unconfirmed: Bool
    }

    /// The profile described.
    public let profile: BodyProfile
    /// Its requirements in words, in the order the profile lists (and `check` prints) them.
    public let rules: [Rule]

    /// Describes a profile; a pure function of it.
    public init(_ profile: BodyProfile) {
        self.profile = profile
        self.rules = profile.requirements.map { Self.rule($0, in: profile) }
    }

    /// Rules marked unconfirmed plus the provenance's own unconfirmed notes.
    public var unconfirmedCount: Int { rules.filter(\.unconfirmed).count + profile.provenance.unconfirmed.count }

    /// The period in a few words: "calendar year", "1 Nov - 31 Oct", "3-year cycle from your anniversary".
    public static func period(_ rule: PeriodRule) -> String {
        let cycle = "\(rule.years)-year cycle"
        switch rule.anchor {
        case .calendarYear: return rule.years == 1 ? "calendar year" : "\(cycle) of calendar years"
        case .fixed(let month, let day):
            let start = "\(day) \(shortMonth(month))"
            guard rule.years == 1, let first = CalendarDate(year: 2000, month: month, day: day) else { return "\(cycle) from \(start)" }
            let end = first.adding(days: -1)
            return "\(start) - \(end.day) \(shortMonth(end.month))"
        case .anniversary: return rule.years == 1 ? "year from your anniversary" : "\(cycle) from your anniversary"
        case .rolling(let months): return "rolling \(months) months"
        }
    }

    /// The unit in words: "hours (1 hour = 60 minutes)", "entries (each activity counts as one, whatever its length)".
    public var unitText: String {
        let unit = profile.unit
        switch unit.measure {
        case .entries: return "\(unit.name) (each activity counts as one, whatever its length)"
        case .time(let per): return "\(unit.name) (1 \(unit.singular) = \(per) minutes)"
        }
    }

    /// How each activity's time is rounded before summing, or nil when every minute counts.
    public var roundingText: String? {
        guard let step = profile.unit.roundDownMinutes, step > 1, case .time = profile.unit.measure else { return nil }
        let unit = profile.unit
        return "Each activity's time is rounded down to a multiple of \(unit.text(step)) \(unit.word(for: unit.amount(step))) (\(step) minutes) before it is summed"
    }

    /// The period with what `--period` means for it.
    public var periodText: String {
        var text = Self.period(profile.period)
        switch profile.period.anchor {
        case .anniversary:
            text += "; it starts on the member's own date (member.periodStart in a JSON log, or --anniversary DATE)"
        case .rolling(let months):
            text += "; --period YEAR means the \(months) months to 31 December of YEAR, and without --period the \(months) months up to the latest activity"
        case .calendarYear, .fixed:
            // A year that ends one of the body's periods, to show --period by example.
            let example = (2026..<(2026 + profile.period.years)).lazy.compactMap {
                year in (try? profile.period.period(endingIn: year, anniversary: nil).get()).map { (year, $0) }
            }.first
            if let (year, range) = example { text += "; --period \(year) means \(range.start) to \(range.end)" }
            if let first = profile.period.firstCycleStart, profile.period.years > 1 {
                let y = profile.period.years
                text += " (cycles start in \(first), \(first + y), \(first + 2 * y), …)"
            }
        }
        return text
    }

    static func shortMonth(_ month: Int) -> String { String(PeriodRule.monthNames[month - 1].prefix(3)) }
    static let unconfirmedMark = "[UNCONFIRMED]"
}

extension ProfileDescription {
    /// The words for one requirement. The headline reuses `Requirement.description`
    /// (the file's words or those generated from the kind); the details add what the
    /// headline may leave out.
    static func rule(_ r: Requirement, in profile: BodyProfile) -> Rule {
        let unit = profile.unit
        let amount = { (base: Int) in "\(unit.text(base)) \(unit.word(for: unit.amount(base)))" }
        var details: [String] = []
        let generated = Requirement.describe(r.kind, filter: r.filter, label: r.label, unit: unit)
        if generated != r.description { details.append("In cpd's terms: \(generated)") }
        if !r.filter.isEmpty { details.append("Applies to activities: \(filterWords(r.filter, profile.vocabulary))") }

        let kind: String
        switch r.kind {
        case .minimum: kind = "minimum"
        case .cap:
            kind = "cap"
            details.append("Applied to each activity before any sum, earliest first; time above the cap counts towards no requirement")
        case .count: kind = "count"
        case .requiredField(let field, let severity):
            kind = "required-field"
            details.append(severity == .error
                ? "An activity without \(field.phrase) breaks compliance"
                : "An activity without \(field.phrase) is reported as a warning; compliance is not affected")
        case .needsIdentified: kind = "needs-identified"
        case .minimumLength(let minutes):
            kind = "minimum-length"
            details.append(r.combineByNeed
                ? "An activity shorter than \(minutes) minutes counts only together with other short activities naming the same learning need, once they reach \(minutes) minutes between them"
                : "An activity shorter than \(minutes) minutes counts towards no requirement; short activities are not combined")
        case .carryOver(let max, let from, let into, let lastMonths):
            kind = "carry-over"
            let earned = lastMonths.map { ", earned in its last \($0) months" } ?? ""
            details.append("The excess over '\(from)' in the previous period\(earned), up to \(amount(max)), adds to: \(into.joined(separator: ", "))")
            if !r.carryRequiresMet.isEmpty {
                details.append("Only when the previous period met: \(r.carryRequiresMet.joined(separator: ", "))")
            }
            if r.carryNotFromFirstPeriod {
                details.append("Nothing carries from the member's first CPD period (its start: member.periodStart or --anniversary)")
            }
        }
        if let months = r.windowMonths { details.append("Counted over the \(months) months up to the end of the period, not over the period") }
        if r.eachYear { details.append("Required in each year of a multi-year period") }
        if r.advisory { details.append("A recommendation: reported, but never breaks compliance") }
        for (name, values) in r.conditions.sorted(by: { $0.key < $1.key }) {
            let isDefault = profile.options.first { $0.name == name }.map { values.contains($0.defaultValue) } ?? false
            details.append("Only with " + values.map { "--option \(name)=\($0)" }.joined(separator: " or ") + (isDefault ? " (the default)" : ""))
        }
        switch (r.from, r.until) {
        case (let from?, let until?): details.append("In force for periods starting from \(from) to \(until)")
        case (let from?, nil): details.append("In force for periods starting on or after \(from)")
        case (nil, let until?): details.append("In force for periods starting on or before \(until)")
        case (nil, nil): break
        }
        if let citation = r.citation { details.append("Source: \(citation)") }
        if r.unconfirmed { details.append("\(unconfirmedMark) No primary source confirms this rule; it is cpd's reading, not the body's word") }
        return Rule(id: r.id, kind: kind, summary: r.description, details: details, unconfirmed: r.unconfirmed)
    }

    /// `ActivityFilter.label` with the body's own word for the type (`verifiable in ethics`).
    static func filterWords(_ filter: ActivityFilter, _ vocabulary: Vocabulary) -> String {
        guard let type = filter.type else { return filter.label }
        var rest = filter
        rest.type = nil
        let word = vocabulary.word(for: type)
        let typeWords = word == type.rawValue ? word : "\(word) (\(type.rawValue))"
        return rest.isEmpty ? typeWords : "\(typeWords) \(rest.label)"
    }
}
