/// The encoding pass over a whole text file: finds NUL bytes and invalid UTF-8 in one sweep,
/// eight bytes at a time while the text is plain ASCII.
enum TextCheck {
    enum Problem: Equatable {
        case nul
        case invalidUTF8
    }

    struct Finding {
        var offset: Int
        var problem: Problem
    }

    /// Offsets of bad bytes, at most one per line, at most `limit` of them, in order.
    static func scan(_ b: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int = 50) -> [Finding] {
        var found: [Finding] = []
        let n = b.count
        var i = start
        guard let base = b.baseAddress else { return [] }
        while i < n {
            if i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080, low: UInt64 = 0x0101_0101_0101_0101
                let hasZero = (word &- low) & ~word & high
                if word & high == 0, hasZero == 0 { i += 8; continue }
            }
            let c = b[i]
            if c == 0 { record(.nul, at: i) ; i += 1; continue }
            if c < 0x80 { i += 1; continue }
            let length = sequenceLength(b, i)
            if length == 0 { record(.invalidUTF8, at: i); i += 1 } else { i += length }
            if found.count >= limit { break }
        }
        return found

        func record(_ problem: Problem, at offset: Int) {
            // One report per line is enough to act on; skip to the line's end. A lone CR ends a line
            // too, as in CSVScanner: skipping to LF only hid a second line's bad byte in a whole-file
            // read but not when the file was read in chunks (found by fuzz-csv).
            found.append(Finding(offset: offset, problem: problem))
            while i < n, b[i] != 0x0A, b[i] != 0x0D { i += 1 }
        }
    }

    /// Length of the valid UTF-8 sequence at `i`, or 0 (overlong forms, surrogates and values above U+10FFFF are invalid).
    static func sequenceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let n = b.count, c = b[i]
        func cont(_ k: Int) -> Bool { i + k < n && b[i + k] & 0xC0 == 0x80 }
        switch c {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1) && b[i + 1] >= 0xA0 && cont(2) ? 3 : 0
        case 0xED: return cont(1) && b[i + 1] < 0xA0 && cont(2) ? 3 : 0
        case 0xE1...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xF0: return cont(1) && b[i + 1] >= 0x90 && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1) && b[i + 1] < 0x90 && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }
}

/// Turns byte offsets into 1-based line and column (in characters), walking forward only,
/// so locating many offsets in order costs one pass. Lines end as the CSV scanner ends them.
struct LineLocator {
    let bytes: UnsafeBufferPointer<UInt8>
    private var offset: Int
    private var line = 1
    private var lineStart: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, line: Int = 1) {
        self.bytes = bytes; offset = start; lineStart = start; self.line = line
    }

    mutating func locate(_ target: Int) -> (line: Int, column: Int) {
        precondition(target >= offset, "LineLocator only walks forward")
        while offset < target {
            let c = bytes[offset]
            if c == 0x0A || (c == 0x0D && !(offset + 1 < bytes.count && bytes[offset + 1] == 0x0A)) {
                line += 1; lineStart = offset + 1
            }
            offset += 1
        }
        var column = 1, k = lineStart
        while k < target {
            if bytes[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        return (line, column)
    }
}
