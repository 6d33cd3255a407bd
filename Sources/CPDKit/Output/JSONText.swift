/// Hand-written JSON pieces: the check output must keep its keys in the documented order,
/// which `JSONSerialization` does not promise, and print `28.5`, never `28.500000000000004`.
public enum JSONText {
    /// A JSON string literal with every character JSON requires escaped.
    public static func string(_ s: String) -> String {
        // Most strings need no escape at all: check the bytes once and copy them whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + s + "\""
        }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    /// A number with at most four decimals and no trailing zeros: `35`, `28.5`, `0.2`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let scaled = (value * 10_000).rounded()
        return Minutes.decimalText4(Int(scaled))
    }

    static func optional(_ s: String?) -> String { s.map(string) ?? "null" }

    /// `{"k": v, …}` from pairs already rendered as JSON, in the given order.
    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\(string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
}

extension Minutes {
    /// Ten-thousandths as a decimal without trailing zeros.
    static func decimalText4(_ tenThousandths: Int) -> String {
        let negative = tenThousandths < 0
        let n = abs(tenThousandths)
        var s = String(n / 10_000)
        var frac = String(n % 10_000)
        frac = String(repeating: "0", count: 4 - frac.count) + frac
        while frac.hasSuffix("0") { frac.removeLast() }
        if !frac.isEmpty { s += "." + frac }
        return negative && n != 0 ? "-" + s : s
    }
}
