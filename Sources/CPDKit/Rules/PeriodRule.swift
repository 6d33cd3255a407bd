/// How a body lays its CPD periods out in time, and how `--period YEAR` picks one.
///
/// `--period YEAR` always means the body's period that *ends* in YEAR: for SRA's
/// 1 November practising year, `2026` is 2025-11-01 to 2026-10-31.
public struct PeriodRule: Sendable, Hashable {
    public enum Anchor: Sendable, Hashable {
        /// 1 January to 31 December.
        case calendarYear
        /// A fixed day each year (SRA, ICAEW 1 Nov; CILEx 1 Oct).
        case fixed(month: Int, day: Int)
        /// The member's own date (`member.periodStart` or `--anniversary`).
        case anniversary
        /// The months up to and including the selected end (CII audits the last 12 months).
        case rolling(months: Int)
    }

    public let anchor: Anchor
    /// Cycle length in years (NMC 3, NY CLE 2). Ignored for rolling windows.
    public let years: Int
    /// For multi-year cycles on a fixed or calendar anchor: a year in which a cycle starts,
    /// so that `--period` knows which years end a cycle. Nil: any year ends one.
    public let firstCycleStart: Int?

    public init(anchor: Anchor, years: Int = 1, firstCycleStart: Int? = nil) {
        self.anchor = anchor; self.years = max(1, years); self.firstCycleStart = firstCycleStart
    }

    public static let calendarYear = PeriodRule(anchor: .calendarYear)

    /// Plain words: "calendar year", "year from 1 November", "3 years from the member's anniversary".
    public var summary: String {
        let span = years == 1 ? "year" : "\(years) years"
        switch anchor {
        case .calendarYear: return years == 1 ? "calendar year" : "\(years) calendar years"
        case .fixed(let m, let d): return "\(span) from \(d) \(PeriodRule.monthNames[m - 1])"
        case .anniversary: return "\(span) from the member's anniversary"
        case .rolling(let months): return "rolling \(months) months"
        }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    /// The period of this rule that ends in `year`, or nil with a reason when none does.
    func period(endingIn year: Int, anniversary: CalendarDate?) -> Result<DateRange, AssessmentError> {
        let startMonth: Int, startDay: Int
        switch anchor {
        case .rolling(let months):
            let end = CalendarDate(year: year, month: 12, day: 31)!
            return .success(DateRange(start: end.adding(days: 1).adding(months: -months), end: end))
        case .calendarYear: (startMonth, startDay) = (1, 1)
        case .fixed(let m, let d): (startMonth, startDay) = (m, d)
        case .anniversary:
            guard let anniversary else {
                return .failure(AssessmentError("this body's period starts on the member's anniversary: pass --anniversary DATE or set member.periodStart"))
            }
            return cycle(endingIn: year, from: anniversary)
        }
        // The period ending in `year` starts on the anchor day in year+1-years, or one year
        // earlier when the anchor is not 1 January (then the period crosses a year end).
        let crosses = !(startMonth == 1 && startDay == 1)
        let startYear = year - years + 1 - (crosses ? 1 : 0)
        if let first = firstCycleStart, years > 1, ((startYear - first) % years + years) % years != 0 {
            return .failure(AssessmentError("no \(years)-year cycle of this body ends in \(year) (cycles start in \(first), \(first + years), …)"))
        }
        let start = CalendarDate(year: startYear, month: startMonth, day: min(startDay, CalendarDate.daysIn(month: startMonth, year: startYear)))!
        return .success(DateRange(start: start, end: start.adding(months: 12 * years).adding(days: -1)))
    }

    /// Cycles of `years` years counted from the member's own date.
    private func cycle(endingIn year: Int, from anchor: CalendarDate) -> Result<DateRange, AssessmentError> {
        // Step whole cycles from the anchor until one ends in `year`.
        let guess = (year - anchor.year) / years
        for k in (guess - 2)...(guess + 1) {
            let start = anchor.adding(months: 12 * years * k)
            let end = anchor.adding(months: 12 * years * (k + 1)).adding(days: -1)
            if end.year == year { return .success(DateRange(start: start, end: end)) }
        }
        return .failure(AssessmentError("no \(years)-year cycle from the anniversary \(anchor) ends in \(year)"))
    }
}

/// Which period to check: `--period YEAR`, `--from/--to`, or whatever the record implies.
public enum PeriodSelection: Sendable, Hashable {
    /// The body's period that ends in this year.
    case year(Int)
    /// An explicit inclusive range.
    case range(DateRange)
    /// The record's own period if it has one, else the body's period containing the latest activity.
    case unspecified
}

/// Choices that are the member's, not the body's: their anniversary and profile options
/// (`--option category=practice-1`).
public struct AssessOptions: Sendable {
    public var anniversary: CalendarDate?
    public var options: [String: String]

    public init(anniversary: CalendarDate? = nil, options: [String: String] = [:]) {
        self.anniversary = anniversary; self.options = options
    }
}

/// A check that cannot run: no period can be chosen, an option is unknown, and so on.
public struct AssessmentError: Error, CustomStringConvertible, Sendable, Hashable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "error: \(message)" }
}
