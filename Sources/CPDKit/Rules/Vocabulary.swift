/// A body's words: its categories (each with aliases) and what it calls structured and
/// unstructured CPD. Matching ignores case, spaces and punctuation, so `Risk-Management`,
/// `risk management` and `RISK_MANAGEMENT` are one category.
public struct Vocabulary: Sendable, Hashable {
    public struct Category: Sendable, Hashable {
        /// The id rules refer to (`ethics`).
        public let id: String
        /// The name printed (`Ethics and professionalism`).
        public let name: String
        public let aliases: [String]

        public init(id: String, name: String? = nil, aliases: [String] = []) {
            self.id = id; self.name = name ?? id; self.aliases = aliases
        }
    }

    public let categories: [Category]
    /// The body's word for structured CPD (`verifiable` for ACCA, `formal` for RICS).
    public let structured: String
    public let unstructured: String
    private let index: [String: String]

    public init(categories: [Category] = [], structured: String = "structured", unstructured: String = "unstructured") {
        self.categories = categories; self.structured = structured; self.unstructured = unstructured
        var index: [String: String] = [:]
        for c in categories {
            for word in [c.id, c.name] + c.aliases where index[Vocabulary.normalise(word)] == nil {
                index[Vocabulary.normalise(word)] = c.id
            }
        }
        self.index = index
    }

    /// The category id a user's word means, or nil when the body has no such category.
    /// A body without a category list accepts any word as its own id.
    public func categoryID(for word: String) -> String? {
        if categories.isEmpty { return Vocabulary.normalise(word) }
        return index[Vocabulary.normalise(word)]
    }

    /// The body's word for a type.
    public func word(for type: ActivityType) -> String { type == .structured ? structured : unstructured }

    /// Lower-case letters and digits only.
    public static func normalise(_ word: String) -> String {
        // Category words are nearly always ASCII: fold them byte by byte, without
        // Unicode property look-ups (a million-row check calls this millions of times).
        var ascii = [UInt8]()
        ascii.reserveCapacity(word.utf8.count)
        for byte in word.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): ascii.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): ascii.append(byte + 32)
            case 0x80...: return unicodeNormalise(word)
            default: break
            }
        }
        return String(decoding: ascii, as: UTF8.self)
    }

    private static func unicodeNormalise(_ word: String) -> String {
        String(word.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init))
    }
}
