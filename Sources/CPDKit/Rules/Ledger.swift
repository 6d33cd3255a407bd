/// What each activity in the period is worth under one profile, after the rules that
/// disqualify (too short) or cap activities, and before any sum. Sums are integer sums of
/// these base amounts (minutes, or entries), so no rounding ever decides compliance.
struct Ledger {
    let profile: BodyProfile
    let activities: [Activity]
    /// Base amount each activity counts for, by activity number.
    private(set) var worth: [Int: Int]
    /// Activities that count for nothing at all (shorter than a minimum length).
    private(set) var disqualified: Set<Int> = []
    private(set) var findings: [Finding] = []
    /// Amounts carried over from the previous period, by the requirement id they add to.
    var bonus: [String: Int] = [:]

    init(profile: BodyProfile, activities: [Activity]) {
        self.profile = profile
        // Caps take the earliest activities first, so the order is by date, then log order.
        self.activities = activities.sorted { ($0.date, $0.number) < ($1.date, $1.number) }
        self.worth = Dictionary(uniqueKeysWithValues: activities.map { ($0.number, profile.unit.base(of: $0)) })
    }

    /// The counted sum of what a rule's filter selects.
    func sum(_ rule: Requirement) -> Int {
        // A plain loop: building the selected array copies every Activity (and retains its strings).
        var total = 0
        for a in activities where !disqualified.contains(a.number) && rule.filter.matches(a, vocabulary: profile.vocabulary) {
            total += worth[a.number] ?? 0
        }
        return total
    }

    func worth(of activity: Activity) -> Int { worth[activity.number] ?? 0 }

    /// What a rule's filter selects, in date order. Lazy: most callers only walk or count it,
    /// and an eager array would copy every Activity (retaining all its strings) for each rule.
    func selected(_ rule: Requirement) -> LazyFilterSequence<[Activity]> {
        let disqualified = disqualified, vocabulary = profile.vocabulary
        return activities.lazy.filter { !disqualified.contains($0.number) && rule.filter.matches($0, vocabulary: vocabulary) }
    }

    mutating func applyLength(_ rule: Requirement) {
        guard case .minimumLength(let minimum) = rule.kind else { return }
        let short = Array(selected(rule).filter { $0.minutes.value < minimum })
        // Linked short activities: those naming the same need count together once their sum reaches the minimum.
        var combined = Set<Int>()
        if rule.combineByNeed {
            var byNeed: [String: [Activity]] = [:]
            for a in short { for need in Set(a.needs) { byNeed[need, default: []].append(a) } }
            for (_, group) in byNeed where group.count > 1 && group.map(\.minutes.value).reduce(0, +) >= minimum {
                for a in group where combined.insert(a.number).inserted {
                    findings.append(Finding(severity: .info,
                                            message: "Activity \(a.number) (\(a.title)) is shorter than \(minimum) minutes but counts with other short activities towards the same learning need\(cite(rule))",
                                            activity: a.number))
                }
            }
        }
        for a in short where !combined.contains(a.number) {
            disqualified.insert(a.number)
            worth[a.number] = 0
            findings.append(Finding(severity: .info,
                                    message: "Activity \(a.number) (\(a.title)) is shorter than \(minimum) minutes and does not count\(cite(rule))",
                                    activity: a.number))
        }
    }

    mutating func applyCap(_ rule: Requirement) {
        guard case .cap(let cap) = rule.kind else { return }
        let unit = profile.unit
        var left = cap, dropped = 0
        var capped: [Finding] = []
        let label = rule.label
        let what = label.isEmpty ? "CPD" : label.hasPrefix("in ") || label.hasPrefix("from ") ? "CPD \(label)" : "\(label) CPD"
        for a in selected(rule) {
            let w = worth[a.number] ?? 0
            let counted = min(w, left)
            left -= counted
            dropped += w - counted
            worth[a.number] = counted
            // Say which activities the cap cut, so a member can see why their total is lower.
            if counted < w {
                capped.append(Finding(severity: .info,
                                      message: "Activity \(a.number) (\(a.title)) counts \(unit.text(counted)) of its \(unit.text(w)) \(unit.word(for: unit.amount(w))): the cap of \(unit.text(cap)) \(unit.word(for: unit.amount(cap))) on \(what) is reached\(cite(rule))",
                                      activity: a.number))
            }
        }
        guard dropped > 0 else { return }
        findings.append(Finding(severity: .info,
                                message: "\(unit.text(dropped)) \(unit.word(for: unit.amount(dropped))) \(rule.label) above the cap of \(unit.text(cap)) not counted\(cite(rule))"))
        findings += capped
    }

    /// Findings for activities whose time the unit rounds down (BSB half hours, CPE fifths),
    /// so the lost minutes are explained rather than silently missing from the sums.
    mutating func noteRounding() {
        let unit = profile.unit
        guard case .time = unit.measure, let step = unit.roundDownMinutes, step > 1 else { return }
        for a in activities where !disqualified.contains(a.number) && unit.base(of: a) < a.minutes.value {
            let kept = unit.base(of: a)
            findings.append(Finding(severity: .info,
                                    message: "Activity \(a.number) (\(a.title)): its \(a.minutes.value) minutes count as \(unit.text(kept)) \(unit.word(for: unit.amount(kept))) (each activity is counted in steps of \(unit.text(step)) \(unit.word(for: unit.amount(step))), rounded down)",
                                    activity: a.number))
        }
    }

    private func cite(_ rule: Requirement) -> String { rule.citation.map { " (\($0))" } ?? "" }

    /// The requirement's line in the output, and its findings; nil for rules that only shape the ledger.
    mutating func result(of rule: Requirement, record: Record) -> RequirementResult? {
        let unit = profile.unit
        switch rule.kind {
        case .minimum(let required):
            let counted = sum(rule) + (bonus[rule.id] ?? 0)
            return RequirementResult(id: rule.id, description: rule.description, required: unit.amount(required),
                                     counted: unit.amount(counted), met: counted >= required,
                                     shortfall: unit.amount(max(0, required - counted)), unit: unit.name)
        case .count(let required):
            let counted = selected(rule).count
            return RequirementResult(id: rule.id, description: rule.description, required: Double(required),
                                     counted: Double(counted), met: counted >= required,
                                     shortfall: Double(max(0, required - counted)), unit: "activities")
        case .requiredField(let field, let severity):
            var chosenCount = 0
            var missing: [Activity] = []
            for a in selected(rule) {
                chosenCount += 1
                if !field.isPresent(in: a) { missing.append(a) }
            }
            for a in missing.sorted(by: { $0.number < $1.number }) {
                let verb = severity == .error ? "requires" : "recommends"
                findings.append(Finding(severity: severity,
                                        message: "Activity \(a.number) (\(a.title)) has no \(field.rawValue); \(profile.name) \(verb) one\(cite(rule))",
                                        activity: a.number))
            }
            guard severity == .error else { return nil }
            return RequirementResult(id: rule.id, description: rule.description, required: Double(chosenCount),
                                     counted: Double(chosenCount - missing.count), met: missing.isEmpty,
                                     shortfall: Double(missing.count), unit: "activities")
        case .needsIdentified(let required):
            let counted = record.needs.filter { !$0.description.allSatisfy(\.isWhitespace) || !$0.id.isEmpty }.count
            return RequirementResult(id: rule.id, description: rule.description, required: Double(required),
                                     counted: Double(counted), met: counted >= required,
                                     shortfall: Double(max(0, required - counted)), unit: "needs")
        case .cap, .minimumLength, .carryOver:
            return nil
        }
    }
}
