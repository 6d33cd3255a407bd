/// One professional body's CPD rules, read from a `Bodies/*.yaml` file (or a user's own).
///
/// A profile is data, not code: a unit, a period rule and a list of requirements over
/// filtered activities. A new body is a new YAML file; see `Bodies/README.md` for the format.
public struct BodyProfile: Sendable, Hashable {
    /// The id on the command line (`fca-ria`), also the file name without `.yaml`.
    public let id: String
    /// The body's name in full, for titles.
    public let name: String
    /// The format version the file was written for.
    public let version: Int
    /// What the body counts in.
    public let unit: CreditUnit
    /// How the body's CPD period is laid out in time.
    public let period: PeriodRule
    /// Every constraint, in the order the file lists them (and the output prints them).
    public let requirements: [Requirement]
    /// Checks on the record beyond the numbers (needs without activities and so on).
    public let findings: FindingsPolicy
    /// The body's categories and their aliases, and its words for structured/unstructured.
    public let vocabulary: Vocabulary
    /// Where the rules come from and which of them are unconfirmed.
    public let provenance: Provenance
    /// Choices a member makes within the body's rules (ICAEW category), with their defaults.
    public var options: [ProfileOption] = []
    /// The file the profile was read from (`Bodies/sra.yaml` for built-in ones), for messages.
    public let file: String

    /// Builds a profile in code; files go through `BodyCatalog.parse(yaml:file:)`.
    public init(id: String, name: String, version: Int = BodyProfile.supportedVersion, unit: CreditUnit = .hours,
                period: PeriodRule = .calendarYear, requirements: [Requirement] = [], findings: FindingsPolicy = .init(),
                vocabulary: Vocabulary = .init(), provenance: Provenance = .init(), file: String = "<code>") {
        self.id = id; self.name = name; self.version = version; self.unit = unit; self.period = period
        self.requirements = requirements; self.findings = findings; self.vocabulary = vocabulary
        self.provenance = provenance; self.file = file
    }

    /// The newest profile format this build reads.
    public static let supportedVersion = 1
}

/// The body's unit. Time stays in integer minutes; a unit says how many minutes make one,
/// and how each activity's time is rounded before it is summed.
public struct CreditUnit: Sendable, Hashable {
    public enum Measure: Sendable, Hashable {
        /// Time-based: one unit is this many minutes (hours and PDUs 60, CPE credits 50).
        case time(minutesPerUnit: Int)
        /// Each activity counts as one entry, whatever its length.
        case entries
    }

    /// Plural, as printed: `hours`, `units`, `PDUs`, `CPE credits`, `entries`.
    public let name: String
    public let singular: String
    public let measure: Measure
    /// Each activity's minutes are rounded down to a multiple of this before summing
    /// (BSB: 30, NASBA fifths of a 50-minute credit: 10). Nil keeps every minute.
    public let roundDownMinutes: Int?

    public init(name: String, singular: String, measure: Measure, roundDownMinutes: Int? = nil) {
        self.name = name; self.singular = singular; self.measure = measure; self.roundDownMinutes = roundDownMinutes
    }

    public static let hours = CreditUnit(name: "hours", singular: "hour", measure: .time(minutesPerUnit: 60))
    public static let entries = CreditUnit(name: "entries", singular: "entry", measure: .entries)

    /// Units a profile may name in one word (`unit: PDUs`).
    public static let named: [String: CreditUnit] = [
        "hours": .hours,
        "units": CreditUnit(name: "units", singular: "unit", measure: .time(minutesPerUnit: 60)),
        "pdus": CreditUnit(name: "PDUs", singular: "PDU", measure: .time(minutesPerUnit: 60), roundDownMinutes: 15),
        "pdh": CreditUnit(name: "PDH", singular: "PDH", measure: .time(minutesPerUnit: 60)),
        "credits": CreditUnit(name: "credits", singular: "credit", measure: .time(minutesPerUnit: 60)),
        "cpe credits": CreditUnit(name: "CPE credits", singular: "CPE credit", measure: .time(minutesPerUnit: 50),
                                  roundDownMinutes: 10),
        "entries": .entries,
    ]

    /// The word for `amount` of this unit: "1 hour", "6.5 hours".
    public func word(for amount: Double) -> String { amount == 1 ? singular : name }

    /// What one activity is worth, in the unit's base (minutes, or 1 per entry), after rounding.
    public func base(of activity: Activity) -> Int {
        switch measure {
        case .entries: return 1
        case .time:
            let m = activity.minutes.value
            guard let step = roundDownMinutes, step > 1 else { return m }
            return m / step * step
        }
    }

    /// A base amount (minutes or entries) in this unit, for printing.
    public func amount(_ base: Int) -> Double {
        switch measure {
        case .entries: return Double(base)
        case .time(let per): return Double(base) / Double(per)
        }
    }

    /// A base amount as text without floating point: `6.5`, `35`, `0.2`.
    public func text(_ base: Int) -> String {
        switch measure {
        case .entries: return String(base)
        case .time(let per): return Minutes.decimalText(numerator: base, denominator: per)
        }
    }
}

/// A choice within a body's rules, set with `--option NAME=VALUE` (ICAEW: `category=practice-1`).
public struct ProfileOption: Sendable, Hashable {
    public let name: String
    public let values: [String]
    public let defaultValue: String
    public let description: String

    public init(name: String, values: [String], defaultValue: String, description: String = "") {
        self.name = name; self.values = values; self.defaultValue = defaultValue; self.description = description
    }
}

/// Which findings the body wants beyond its requirements, and how serious each is.
/// `nil` turns a check off.
public struct FindingsPolicy: Sendable, Hashable {
    /// An activity that names no learning need.
    public var activityWithoutNeed: Finding.Severity?
    /// A need that no activity in the period addresses.
    public var needWithoutActivity: Finding.Severity?
    /// A category the body's vocabulary does not know (only when it lists categories).
    public var unknownCategory: Finding.Severity?

    public init(activityWithoutNeed: Finding.Severity? = .warning, needWithoutActivity: Finding.Severity? = .warning,
                unknownCategory: Finding.Severity? = .info) {
        self.activityWithoutNeed = activityWithoutNeed; self.needWithoutActivity = needWithoutActivity
        self.unknownCategory = unknownCategory
    }
}
