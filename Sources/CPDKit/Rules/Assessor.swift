/// Checks a record against a body's profile for one period. A pure function of its inputs.
public enum Assessor {
    /// The assessment of `record` under `profile` for the selected period.
    /// Throws `AssessmentError` when no period can be chosen.
    public static func assess(_ record: Record, against profile: BodyProfile, selection: PeriodSelection,
                              options: AssessOptions = .init()) throws -> Assessment {
        let period = try period(for: profile, selection: selection, record: record, options: options)
        let chosen = try resolve(options.options, for: profile)
        let rules = profile.requirements.filter { rule in
            rule.inForce(forPeriodStarting: period.start) && rule.conditions.allSatisfy { $0.value.contains(chosen[$0.key] ?? "") }
        }
        let inPeriod = record.activities.filter { period.contains($0.date) }
        let excluded = record.activities.filter { !period.contains($0.date) }.map(\.number)
        let ledger = { (range: DateRange) -> Ledger in
            var l = Ledger(profile: profile, activities: record.activities.filter { range.contains($0.date) })
            for rule in rules { l.applyLength(rule) }
            for rule in rules { l.applyCap(rule) }
            l.noteRounding()
            return l
        }

        var main = ledger(period)
        var carried: [Finding] = []
        for rule in rules {
            guard let (amount, finding) = carryOver(rule, rules: rules, period: period, profile: profile,
                                                    firstPeriodStart: options.anniversary ?? record.member.periodStart, ledger: ledger),
                  case .carryOver(_, _, let into, _) = rule.kind else { continue }
            for id in into { main.bonus[id, default: 0] += amount }
            carried.append(finding)
        }

        var results: [RequirementResult] = []
        for rule in rules {
            if rule.eachYear, period.end > period.start.adding(months: 12) {
                results += yearSlices(of: period).enumerated().compactMap { k, slice in
                    var l = ledger(slice)
                    guard var r = l.result(of: rule, record: record) else { return nil }
                    r.id += "-year-\(k + 1)"
                    r.description += " (year \(k + 1): \(slice.start) to \(slice.end))"
                    return r
                }
            } else if let months = rule.windowMonths {
                let window = DateRange(start: period.end.adding(days: 1).adding(months: -months), end: period.end)
                var l = ledger(window)
                if var r = l.result(of: rule, record: record) {
                    r.description += " (over the \(months) months \(window.start) to \(window.end))"
                    results.append(r)
                }
            } else if let result = main.result(of: rule, record: record) {
                results.append(result)
            }
        }
        results = phraseShortfalls(results, rules: rules, unit: profile.unit)

        var findings = main.findings + carried
        findings += recordFindings(record, activities: inPeriod, profile: profile, rules: rules)
        let advisory = Set(rules.filter(\.advisory).map(\.id))
        let compliant = results.allSatisfy { $0.met || advisory.contains(ruleID(of: $0)) } && !findings.contains { $0.severity == .error }

        let minutes = inPeriod.map(\.minutes)
        let structured = inPeriod.filter { $0.type == .structured }.map(\.minutes).sum()
        let totals = Totals(total: minutes.sum(), structured: structured, unstructured: minutes.sum() - structured)
        return Assessment(member: record.member, bodyID: profile.id, bodyName: profile.name, period: period,
                          unit: profile.unit.name, totals: totals, compliant: compliant, requirements: results,
                          findings: findings, included: inPeriod.map(\.number), excluded: excluded,
                          provenance: profile.provenance)
    }

    /// The period a selection means for this body and record (see `PeriodSelection`).
    public static func period(for profile: BodyProfile, selection: PeriodSelection, record: Record,
                              options: AssessOptions) throws -> DateRange {
        let anniversary = options.anniversary ?? record.member.periodStart
        switch selection {
        case .range(let range):
            guard range.start <= range.end else { throw AssessmentError("the period starts (\(range.start)) after it ends (\(range.end))") }
            return range
        case .year(let year):
            return try profile.period.period(endingIn: year, anniversary: anniversary).get()
        case .unspecified:
            if let own = record.period { return own }
            guard let latest = record.activities.map(\.date).max() else {
                throw AssessmentError("the record has no activities and no period: pass --period YEAR or --from DATE --to DATE")
            }
            if case .rolling(let months) = profile.period.anchor {
                return DateRange(start: latest.adding(days: 1).adding(months: -months), end: latest)
            }
            var lastError = AssessmentError("no period of this body contains \(latest)")
            for year in latest.year...(latest.year + profile.period.years) {
                switch profile.period.period(endingIn: year, anniversary: anniversary) {
                case .success(let range) where range.contains(latest): return range
                case .failure(let e): lastError = e
                default: continue
                }
            }
            throw lastError
        }
    }

    /// Findings about the record as a whole: needs without activities, activities without needs,
    /// categories the body does not know.
    static func recordFindings(_ record: Record, activities: [Activity], profile: BodyProfile, rules: [Requirement]) -> [Finding] {
        var findings: [Finding] = []
        let policy = profile.findings
        let needRuleCovers = rules.contains {
            if case .requiredField(.need, _) = $0.kind { return $0.filter.isEmpty }
            return false
        }
        if let severity = policy.activityWithoutNeed, !needRuleCovers {
            for a in activities where a.needs.isEmpty {
                findings.append(Finding(severity: severity, message: "Activity \(a.number) (\(a.title)) names no learning need", activity: a.number))
            }
        }
        if let severity = policy.needWithoutActivity {
            let named = Set(activities.flatMap(\.needs))
            for need in record.needs where !named.contains(need.id) {
                findings.append(Finding(severity: severity, message: "Need \(need.id) (\(need.description)) has no activity in the period"))
            }
        }
        if let severity = policy.unknownCategory, !profile.vocabulary.categories.isEmpty {
            for a in activities {
                for c in a.categories where profile.vocabulary.categoryID(for: c) == nil {
                    findings.append(Finding(severity: severity,
                                            message: "Activity \(a.number) (\(a.title)): '\(c)' is not a category of \(profile.name); it counts only towards totals",
                                            activity: a.number))
                }
            }
        }
        return findings
    }

    /// Words for what is still needed; an overall minimum also says how much of it must be
    /// of each kind that is short ("6.5 more hours, of which 1 structured").
    static func phraseShortfalls(_ results: [RequirementResult], rules: [Requirement], unit: CreditUnit) -> [RequirementResult] {
        let byID = Dictionary(uniqueKeysWithValues: rules.map { ($0.id, $0) })
        let shortParts = results.filter { r in
            guard !r.met, let rule = byID[r.id], case .minimum = rule.kind else { return false }
            return !rule.filter.isEmpty
        }
        return results.map { r in
            var r = r
            guard !r.met, let rule = byID[ruleID(of: r)] else { return r }
            switch rule.kind {
            case .minimum where rule.filter.isEmpty:
                let amount = ([r.shortfall] + shortParts.map(\.shortfall)).max() ?? r.shortfall
                var text = "\(number(amount)) more \(unit.word(for: amount))"
                let parts = shortParts.compactMap { p in byID[p.id].map { "\(number(p.shortfall)) \($0.label)" } }
                if !parts.isEmpty { text += ", of which " + parts.joined(separator: " and ") }
                r.stillNeeded = text
            case .minimum:
                let what = rule.label.hasPrefix("in ") || rule.label.hasPrefix("of ") ? rule.label : "of \(rule.label) CPD"
                r.stillNeeded = "\(number(r.shortfall)) more \(unit.word(for: r.shortfall)) \(what)"
            case .count:
                let n = Int(r.shortfall)
                r.stillNeeded = "\(n) more \(rule.filter.isEmpty ? "" : rule.label + " ")\(n == 1 ? "activity" : "activities")"
            case .requiredField(let field, _):
                let n = Int(r.shortfall)
                r.stillNeeded = "\(field.phrase) on \(n) more \(n == 1 ? "activity" : "activities")"
            case .needsIdentified:
                let n = Int(r.shortfall)
                r.stillNeeded = "\(n) more learning \(n == 1 ? "need" : "needs") identified"
            case .cap, .minimumLength, .carryOver:
                break
            }
            return r
        }
    }

    /// The requirement a result came from (per-year results carry a `-year-N` suffix).
    static func ruleID(of result: RequirementResult) -> String {
        guard let range = result.id.range(of: "-year-", options: .backwards) else { return result.id }
        return String(result.id[..<range.lowerBound])
    }

    /// A Double amount as short text: `6.5`, `35`, `0.25`.
    static func number(_ value: Double) -> String { JSONText.number(value) }
}
