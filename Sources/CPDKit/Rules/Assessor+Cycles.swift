/// The parts of an assessment that look beyond the period: carry-over from the previous
/// period, per-year floors inside a multi-year cycle, and the member's options.
extension Assessor {
    /// The member's options merged over the profile's defaults; unknown names or values are errors.
    /// Public so a command can refuse a bad `--option` once, before any member is read.
    public static func resolve(_ given: [String: String], for profile: BodyProfile) throws -> [String: String] {
        var chosen = Dictionary(uniqueKeysWithValues: profile.options.map { ($0.name, $0.defaultValue) })
        for (name, value) in given.sorted(by: { $0.key < $1.key }) {
            guard let option = profile.options.first(where: { $0.name == name }) else {
                let known = profile.options.map(\.name)
                throw AssessmentError("\(profile.id) has no option '\(name)'" + (known.isEmpty ? "" : " (options: \(known.joined(separator: ", ")))"))
            }
            guard option.values.contains(value) else {
                throw AssessmentError("'\(value)' is not a value of \(profile.id)'s option '\(name)' (\(option.values.joined(separator: ", ")))")
            }
            chosen[name] = value
        }
        return chosen
    }

    /// Consecutive 12-month slices of a multi-year period, the last one ending with it.
    static func yearSlices(of period: DateRange) -> [DateRange] {
        var slices: [DateRange] = []
        var start = period.start
        while start <= period.end {
            let next = start.adding(months: 12)
            slices.append(DateRange(start: start, end: min(next.adding(days: -1), period.end)))
            start = next
        }
        return slices
    }

    /// The period of the same length just before `period`.
    static func previous(_ period: DateRange, profile: BodyProfile) -> DateRange {
        let months: Int
        if case .rolling(let m) = profile.period.anchor { months = m } else { months = 12 * profile.period.years }
        return DateRange(start: period.start.adding(months: -months), end: period.start.adding(days: -1))
    }

    /// What a carry-over rule brings from the previous period, computed from the same log:
    /// the excess over requirement `from`, no more than the eligible activities earned and the rule's maximum.
    static func carryOver(_ rule: Requirement, rules: [Requirement], period: DateRange, profile: BodyProfile,
                          firstPeriodStart: CalendarDate?, ledger: (DateRange) -> Ledger) -> (Int, Finding)? {
        guard case .carryOver(let maximum, let fromID, _, let lastMonths) = rule.kind,
              let from = rules.first(where: { $0.id == fromID }), case .minimum(let required) = from.kind else { return nil }
        let prev = previous(period, profile: profile)
        // The previous period was the member's first (or before it): nothing of it carries.
        if rule.carryNotFromFirstPeriod, let first = firstPeriodStart, prev.start <= first { return nil }
        let before = ledger(prev)
        let excess = before.sum(from) - required
        guard excess > 0 else { return nil }
        for id in rule.carryRequiresMet {
            guard let other = rules.first(where: { $0.id == id }), case .minimum(let needed) = other.kind else { continue }
            if before.sum(other) < needed { return nil }
        }
        let earnedFrom = lastMonths.map { prev.end.adding(days: 1).adding(months: -$0) } ?? prev.start
        let eligible = before.selected(rule).filter { $0.date >= earnedFrom }.map(before.worth(of:)).reduce(0, +)
        let amount = min(maximum, excess, eligible)
        guard amount > 0 else { return nil }
        let unit = profile.unit
        let finding = Finding(severity: .info,
                              message: "\(unit.text(amount)) \(unit.word(for: unit.amount(amount))) carried over from \(prev.start) to \(prev.end)\(rule.citation.map { " (\($0))" } ?? "")")
        return (amount, finding)
    }
}
