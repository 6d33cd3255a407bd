/// A duration in whole minutes. Every sum of CPD time is an integer sum of these;
/// conversion to a body's unit happens only when assessing or printing.
public struct Minutes: Sendable, Hashable, Comparable, Codable, AdditiveArithmetic, CustomStringConvertible {
    public var value: Int

    public init(_ value: Int) { self.value = value }
    public init(hours: Int, minutes: Int = 0) { self.value = hours * 60 + minutes }

    public static let zero = Minutes(0)
    public static func + (a: Minutes, b: Minutes) -> Minutes { Minutes(a.value + b.value) }
    public static func - (a: Minutes, b: Minutes) -> Minutes { Minutes(a.value - b.value) }
    public static func < (a: Minutes, b: Minutes) -> Bool { a.value < b.value }

    /// Hours as a decimal, for JSON output and display only (never for decisions).
    public var hours: Double { Double(value) / 60 }

    /// Hours printed with up to two decimals and no trailing zeros: `1.5`, `0.25`, `35`.
    public var hoursText: String { Minutes.decimalText(numerator: value, denominator: 60) }

    public var description: String { hoursText + " h" }

    /// Prints `numerator / denominator` with up to two decimals, rounding half away from zero,
    /// without going through floating point.
    public static func decimalText(numerator: Int, denominator: Int) -> String {
        let negative = (numerator < 0) != (denominator < 0) && numerator != 0
        let n = abs(numerator), d = abs(denominator)
        let hundredths = (n * 100 * 2 + d) / (2 * d)
        let whole = hundredths / 100, frac = hundredths % 100
        var s = String(whole)
        if frac != 0 {
            s += frac % 10 == 0 ? "." + String(frac / 10) : "." + (frac < 10 ? "0" : "") + String(frac)
        }
        return negative ? "-" + s : s
    }
}

extension Sequence where Element == Minutes {
    /// The exact integer sum.
    public func sum() -> Minutes { reduce(.zero, +) }
}
