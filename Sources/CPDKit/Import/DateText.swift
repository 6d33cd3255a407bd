/// Reads a date as written: `YYYY-MM-DD` (a time of day or zone after it is ignored, never
/// shifted), or `D/M/YYYY`, whose order is settled later for the whole file.
enum DateText {
    enum Token: Equatable {
        case iso(year: Int, month: Int, day: Int)
        /// `first/second/year` with `/`, `.` or `-` between; which is the day is not yet known.
        case slash(first: Int, second: Int, year: Int)
        case empty
        case invalid
    }

    static func scan(_ text: String) -> Token {
        var copy = text
        return copy.withUTF8 { scan($0) }
    }

    static func scan(_ b: UnsafeBufferPointer<UInt8>) -> Token {
        var s = 0, e = b.count
        while s < e, b[s] == 0x20 || b[s] == 0x09 { s += 1 }
        while e > s, b[e - 1] == 0x20 || b[e - 1] == 0x09 { e -= 1 }
        if s == e { return .empty }
        // Three groups of digits; a fixed-size tuple keeps the million-row path free of allocations.
        var groups: ((value: Int, digits: Int), (value: Int, digits: Int), (value: Int, digits: Int)) = ((0, 0), (0, 0), (0, 0))
        var i = s, separator: UInt8 = 0
        for k in 0..<3 {
            let start = i
            var v = 0
            while i < e, b[i] >= 0x30, b[i] <= 0x39, i - start < 4 { v = v * 10 + Int(b[i] - 0x30); i += 1 }
            guard i > start else { return .invalid }
            switch k {
            case 0: groups.0 = (v, i - start)
            case 1: groups.1 = (v, i - start)
            default: groups.2 = (v, i - start)
            }
            if k == 2 { break }
            guard i < e, b[i] == 0x2D || b[i] == 0x2F || b[i] == 0x2E else { return .invalid }
            if separator == 0 { separator = b[i] } else if separator != b[i] { return .invalid }
            i += 1
        }
        if groups.0.digits == 4 {
            guard groups.1.digits <= 2, groups.2.digits <= 2, separator != 0x2E else { return .invalid }
            // Anything after the day must be a time part: `T09:00:00+05:00` or ` 09:00`.
            if i < e, !(b[i] == 0x54 || b[i] == 0x74 || b[i] == 0x20) { return .invalid }
            return .iso(year: groups.0.value, month: groups.1.value, day: groups.2.value)
        }
        guard groups.0.digits <= 2, groups.1.digits <= 2, groups.2.digits == 4 else { return .invalid }
        if i < e, !(b[i] == 0x54 || b[i] == 0x20) { return .invalid }
        return .slash(first: groups.0.value, second: groups.1.value, year: groups.2.value)
    }

    /// The calendar date under `order` (`.auto` reads slash dates as not yet settled: nil).
    static func date(_ token: Token, order: DateOrder) -> CalendarDate? {
        switch (token, order) {
        case let (.iso(y, m, d), _): return CalendarDate(year: y, month: m, day: d)
        case let (.slash(a, b, y), .dayFirst): return CalendarDate(year: y, month: b, day: a)
        case let (.slash(a, b, y), .monthFirst): return CalendarDate(year: y, month: a, day: b)
        default: return nil
        }
    }
}

/// Settles `.auto` for one file from the slash dates it holds.
struct DateOrderEvidence {
    var dayFirstLine: Int?
    var monthFirstLine: Int?
    /// The first date that reads differently either way, e.g. `03/04/2026`.
    var ambiguous: (text: String, line: Int)?

    mutating func note(_ token: DateText.Token, text: @autoclosure () -> String, line: Int) {
        guard case let .slash(a, b, _) = token else { return }
        if a > 12, b <= 12 { if dayFirstLine == nil { dayFirstLine = line } }
        else if b > 12, a <= 12 { if monthFirstLine == nil { monthFirstLine = line } }
        else if a != b, a <= 12, b <= 12, ambiguous == nil { ambiguous = (text(), line) }
    }

    enum Verdict {
        case settled(DateOrder)
        /// Both orders would read some date, so the user must choose.
        case ambiguous(text: String, line: Int)
        /// Some dates only make sense day first, others only month first.
        case conflicting(dayFirstLine: Int, monthFirstLine: Int)
    }

    func verdict(requested: DateOrder) -> Verdict {
        if requested != .auto { return .settled(requested) }
        switch (dayFirstLine, monthFirstLine) {
        case let (d?, m?): return .conflicting(dayFirstLine: d, monthFirstLine: m)
        case (_?, nil): return .settled(.dayFirst)
        case (nil, _?): return .settled(.monthFirst)
        case (nil, nil):
            if let ambiguous { return .ambiguous(text: ambiguous.text, line: ambiguous.line) }
            // Every slash date reads the same either way (01/01/2026), or there are none.
            return .settled(.dayFirst)
        }
    }

    static let advice = "pass --date-format dd/mm/yyyy or --date-format mm/dd/yyyy"
}
