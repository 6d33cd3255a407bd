/// Reads time spent, exactly, into whole minutes: `1.5`, `1,5`, `1:30`, `90m`, `2h`, `1h30m`,
/// `1.25 hours`, `45 min`. Decimal hours finer than a minute round to the nearest minute
/// (half a minute rounds up); no floating point is involved.
enum DurationText {
    enum Result: Equatable {
        case minutes(Int)
        case empty
        case negative
        case invalid
    }

    static func parse(_ text: String) -> Result {
        var copy = text
        return copy.withUTF8 { parse($0) }
    }

    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Result {
        var i = 0, n = b.count
        while i < n, isBlank(b[i]) { i += 1 }
        while n > i, isBlank(b[n - 1]) { n -= 1 }
        if i == n { return .empty }
        if b[i] == 0x2D { return parse(UnsafeBufferPointer(rebasing: b[(i + 1)..<n])).isNumber ? .negative : .invalid }
        if b[i] == 0x2B { i += 1 }

        // h:mm
        if let colon = (i..<n).first(where: { b[$0] == 0x3A }) {
            guard let h = digits(b, i, colon), colon + 3 == n, let m = digits(b, colon + 1, n), m < 60 else { return .invalid }
            return .minutes(h * 60 + m)
        }

        // The common case, a bare decimal, without looking for units.
        if let (number, next) = decimal(b, i, n), next == n { return .minutes(number.rounded(times: 60)) }

        // A sequence of `number [unit]`; a bare number is hours and must stand alone.
        var total = 0, terms = 0, sawBare = false
        while i < n {
            guard let (number, next) = decimal(b, i, n) else { return .invalid }
            i = next
            while i < n, b[i] == 0x20 { i += 1 }
            let unitStart = i
            while i < n, isLetter(b[i]) { i += 1 }
            let unit = lower(b, unitStart, i)
            let perUnit: Int
            switch unit {
            case "", "h", "hr", "hrs", "hour", "hours": perUnit = 60
            case "m", "min", "mins", "minute", "minutes": perUnit = 1
            default: return .invalid
            }
            if unit.isEmpty { sawBare = true }
            total += number.rounded(times: perUnit)
            terms += 1
            while i < n, b[i] == 0x20 { i += 1 }
        }
        if sawBare && terms > 1 { return .invalid }
        return .minutes(total)
    }

    /// A non-negative decimal `whole[.|,]fraction`, kept as integers.
    struct Decimal {
        var whole: Int
        var fraction: Int
        var scale: Int

        /// `self × unit` rounded to the nearest integer, half up.
        func rounded(times unit: Int) -> Int {
            whole * unit + (2 * fraction * unit + scale) / (2 * scale)
        }
    }

    static func decimal(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ n: Int) -> (Decimal, Int)? {
        var i = start, whole = 0, wholeDigits = 0
        while i < n, isDigit(b[i]) {
            if wholeDigits < 9 { whole = whole * 10 + Int(b[i] - 0x30) }
            wholeDigits += 1; i += 1
        }
        guard wholeDigits <= 9 else { return nil }
        var fraction = 0, scale = 1, fractionDigits = 0
        if i < n, b[i] == 0x2E || b[i] == 0x2C {
            i += 1
            while i < n, isDigit(b[i]) {
                // Digits past the ninth cannot move the result by a minute.
                if fractionDigits < 9 { fraction = fraction * 10 + Int(b[i] - 0x30); scale *= 10 }
                fractionDigits += 1; i += 1
            }
            guard fractionDigits > 0 else { return nil }
        }
        guard wholeDigits + fractionDigits > 0 else { return nil }
        return (Decimal(whole: whole, fraction: fraction, scale: scale), i)
    }

    static func digits(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int? {
        guard e > s, e - s <= 9 else { return nil }
        var v = 0
        for k in s..<e {
            guard isDigit(b[k]) else { return nil }
            v = v * 10 + Int(b[k] - 0x30)
        }
        return v
    }

    static func lower(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> String {
        String(decoding: (s..<e).map { b[$0] | 0x20 }, as: UTF8.self)
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
}

extension DurationText.Result {
    var isNumber: Bool { if case .minutes = self { return true } else { return false } }
}
