/// One rule of a body: a constraint over the activities a filter selects.
///
/// New kinds of rule are new cases of `Kind` plus a branch in the assessor; the file
/// format, the output and the other kinds stay as they are.
public struct Requirement: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The filtered activities must add up to at least this much (minutes, or entries).
        case minimum(base: Int)
        /// No more than this much of the filtered activities counts, applied before any sum.
        case cap(base: Int)
        /// At least this many filtered activities.
        case count(Int)
        /// Every filtered activity must have the field. `.error` breaks compliance; `.warning` recommends.
        case requiredField(RecordField, Finding.Severity)
        /// At least this many learning needs identified in the record.
        case needsIdentified(Int)
        /// Filtered activities shorter than this many minutes do not count at all.
        case minimumLength(minutes: Int)
        /// Excess over requirement `from` in the previous period, earned by filtered activities
        /// (in its last `lastMonths` months when given), up to `max`, adds to requirements `into`.
        case carryOver(max: Int, from: String, into: [String], lastMonths: Int?)
    }

    /// Stable id in the output (`total`, `structured`, `reflection`).
    public let id: String
    public let kind: Kind
    public let filter: ActivityFilter
    /// Plain words for the output; generated from the kind when the file gives none.
    public let description: String
    /// How the shortfall reads after "of which 1": `structured`, `in ethics`.
    public let label: String
    /// The rule is in force for periods starting on or after `from` and on or before `until`.
    public let from: CalendarDate?
    public let until: CalendarDate?
    /// The body's own reference for the rule (`TC 2.1.15R`).
    public let citation: String?
    /// True when no primary source confirms the rule.
    public let unconfirmed: Bool
    /// The rule applies only when each named option has one of the listed values (`--option category=practice-1`).
    public var conditions: [String: [String]] = [:]
    /// Counted over this many months up to the period's end instead of over the period (RICS ethics: 36).
    public var windowMonths: Int?
    /// In a multi-year period, the amount is required in each year of it (CA CPA 20 hours a year).
    public var eachYear: Bool = false
    /// A recommendation: reported met or short, but never breaks compliance (CFA's 20 credits).
    public var advisory: Bool = false
    /// For a minimum length: shorter activities that name the same learning need count together
    /// once their combined time reaches the minimum (CII: linked activities towards one outcome).
    public var combineByNeed: Bool = false
    /// For a carry-over: requirements the previous period must have met for anything to carry
    /// (ACCA: 40 units overall).
    public var carryRequiresMet: [String] = []
    /// For a carry-over: nothing carries from the member's first CPD period, which starts on the
    /// member's own date (`member.periodStart` or `--anniversary`); unknown, the rule cannot apply.
    public var carryNotFromFirstPeriod: Bool = false

    public init(id: String, kind: Kind, filter: ActivityFilter = .all, description: String? = nil, label: String? = nil,
                from: CalendarDate? = nil, until: CalendarDate? = nil, citation: String? = nil, unconfirmed: Bool = false,
                unit: CreditUnit = .hours) {
        self.id = id; self.kind = kind; self.filter = filter
        self.label = label ?? filter.label
        self.description = description ?? Requirement.describe(kind, filter: filter, label: label ?? filter.label, unit: unit)
        self.from = from; self.until = until; self.citation = citation; self.unconfirmed = unconfirmed
    }

    /// Whether the rule is in force for a period starting on `start`.
    public func inForce(forPeriodStarting start: CalendarDate) -> Bool {
        if let from, start < from { return false }
        if let until, until < start { return false }
        return true
    }

    static func describe(_ kind: Kind, filter: ActivityFilter, label: String, unit: CreditUnit) -> String {
        let what = filter.isEmpty ? "of CPD" : label.hasPrefix("in ") || label.hasPrefix("of ") ? label : "of \(label) CPD"
        switch kind {
        case .minimum(let base):
            return "At least \(unit.text(base)) \(unit.word(for: unit.amount(base))) \(what) in the period"
        case .cap(let base):
            return "No more than \(unit.text(base)) \(unit.word(for: unit.amount(base))) \(what) counts"
        case .count(let n):
            return "At least \(n) \(filter.isEmpty ? "" : label + " ")\(n == 1 ? "activity" : "activities") recorded"
        case .requiredField(let field, let severity):
            let every = filter.isEmpty ? "every activity" : "every \(label) activity"
            return severity == .error ? "\(field.phrase.capitalizedFirst) for \(every)" : "\(field.phrase.capitalizedFirst) recommended for \(every)"
        case .needsIdentified(let n):
            return "At least \(n) learning \(n == 1 ? "need" : "needs") identified"
        case .minimumLength(let m):
            return "Activities count only if at least \(m) minutes long"
        case .carryOver(let max, let from, _, _):
            return "Up to \(unit.text(max)) \(unit.word(for: unit.amount(max))) above '\(from)' carry over from the previous period"
        }
    }
}

/// A field of an activity that a body may require.
public enum RecordField: String, Sendable, Hashable, CaseIterable {
    case reflection, evidence, need

    /// "a reflection", "evidence", "a learning need".
    public var phrase: String {
        switch self {
        case .reflection: return "a reflection"
        case .evidence: return "evidence"
        case .need: return "a learning need"
        }
    }

    /// Whether the activity has it.
    public func isPresent(in activity: Activity) -> Bool {
        switch self {
        case .reflection: return activity.hasReflection
        case .evidence: return activity.evidence.contains { !$0.allSatisfy(\.isWhitespace) }
        case .need: return !activity.needs.isEmpty
        }
    }
}

/// Which activities a rule looks at: all of them, or those of a type, with given categories,
/// methods or providers, or with certain fields filled in. Every given part must match.
public struct ActivityFilter: Sendable, Hashable {
    public var type: ActivityType?
    /// Category ids of the body's vocabulary; an activity matches if it has any of them.
    public var categories: [String]
    /// Normalised method names (`course`, `e-learning`); any of them.
    public var methods: [String]
    /// Normalised provider names; any of them.
    public var providers: [String]
    /// Fields the activity must have to be selected (CIPD counts reflections).
    public var has: [RecordField]
    /// Category ids that exclude an activity (NY CLE: ethics credits never carry over).
    public var excludedCategories: [String] = []

    public init(type: ActivityType? = nil, categories: [String] = [], methods: [String] = [], providers: [String] = [],
                has: [RecordField] = []) {
        self.type = type; self.categories = categories; self.methods = methods; self.providers = providers; self.has = has
    }

    public static let all = ActivityFilter()

    public var isEmpty: Bool {
        type == nil && categories.isEmpty && methods.isEmpty && providers.isEmpty && has.isEmpty && excludedCategories.isEmpty
    }

    /// Short words for output: `structured`, `in ethics`, `in ethics or diversity`.
    public var label: String {
        var parts: [String] = []
        if let type { parts.append(type.rawValue) }
        if !methods.isEmpty { parts.append(methods.joined(separator: " or ")) }
        if !categories.isEmpty { parts.append("in " + categories.joined(separator: " or ")) }
        if !providers.isEmpty { parts.append("from " + providers.joined(separator: " or ")) }
        if !has.isEmpty { parts.append("with " + has.map(\.rawValue).joined(separator: " and ")) }
        if !excludedCategories.isEmpty { parts.append("not in " + excludedCategories.joined(separator: " or ")) }
        return parts.joined(separator: " ")
    }

    public func matches(_ activity: Activity, vocabulary: Vocabulary) -> Bool {
        if let type, activity.type != type { return false }
        // Most rules filter on type alone: only look words up when a category decides.
        if !categories.isEmpty || !excludedCategories.isEmpty {
            let ids = Set(activity.categories.compactMap { vocabulary.categoryID(for: $0) }.map(Vocabulary.normalise))
            if !categories.isEmpty, !categories.contains(where: { ids.contains(Vocabulary.normalise($0)) }) { return false }
            if excludedCategories.contains(where: { ids.contains(Vocabulary.normalise($0)) }) { return false }
        }
        if !methods.isEmpty {
            guard let m = activity.method.map(Vocabulary.normalise), methods.map(Vocabulary.normalise).contains(m) else { return false }
        }
        if !providers.isEmpty {
            guard let p = activity.provider.map(Vocabulary.normalise), providers.map(Vocabulary.normalise).contains(p) else { return false }
        }
        return has.allSatisfy { $0.isPresent(in: activity) }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
