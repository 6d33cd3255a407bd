import Foundation

/// Reads the type column: structured or unstructured, in the words logs use for them.
enum ActivityTypeText {
    static let accepted = ["structured", "unstructured", "formal", "informal", "verifiable", "non-verifiable"]
    static let acceptedYesNo = accepted + ["yes", "no"]

    /// `yesNo`: the column is headed `structured?`, so yes/no answer it.
    static func parse(_ text: String, yesNo: Bool) -> ActivityType? {
        if text == "structured" { return .structured }
        if text == "unstructured" { return .unstructured }
        switch LogColumn.key(text) {
        case "structured", "formal", "verifiable": return .structured
        case "unstructured", "informal", "nonverifiable", "unverifiable", "notverifiable": return .unstructured
        case "yes", "y", "true": return yesNo ? .structured : nil
        case "no", "n", "false": return yesNo ? .unstructured : nil
        default: return nil
        }
    }

    static func acceptedList(yesNo: Bool) -> String { (yesNo ? acceptedYesNo : accepted).joined(separator: ", ") }
}

/// Splits `a; b;c` into trimmed, non-empty items.
enum ListText {
    static func split(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        // Most cells hold one item: look for a `;` with memchr before splitting.
        var copy = text
        let hasSeparator = copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 0x3B, bytes.count) != nil
        }
        guard hasSeparator else { return [text] }
        return text.split(separator: ";").map { trim($0) }.filter { !$0.isEmpty }
    }

    static func trim(_ s: Substring) -> String {
        var t = s
        while let f = t.first, f.isWhitespace { t.removeFirst() }
        while let l = t.last, l.isWhitespace { t.removeLast() }
        return String(t)
    }
}
