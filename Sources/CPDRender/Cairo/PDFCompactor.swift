import CPDKit
import CZlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes the PDF cairo 1.16 wrote smaller without changing what it says.
///
/// Cairo writes every object uncompressed (a tagged record is mostly its structure tree: one small
/// dictionary per `TD`, `TR`, `P`, `Link`), each stream's length as a separate object, and a classic
/// cross-reference table of 20 bytes per object. The compactor rewrites the file as PDF 1.5:
/// - every stream (page contents, fonts, ToUnicode maps) is kept byte for byte; only its dictionary is
///   rewritten, with an indirect `/Length N 0 R` replaced by the number itself; except
/// - a TrueType font program (a stream with `/Length1` and `/Filter /FlateDecode`: cairo's `FontFile2`
///   subsets) is inflated, its hinting removed (`TrueTypeHinting`: viewers ignore it and print does not
///   need it, yet it is ~60% of a DejaVu subset), deflated again and written with the new `/Length` and
///   `/Length1`, when that makes it smaller;
/// - every other object goes into as few deflated object streams as the limits allow (`/Type /ObjStm`,
///   one for a record), ordered so that deflate finds the most to share: depth first from
///   the catalog, then like with like (all the `TD` elements together, all the link annotations together);
///   a length object that nothing else refers to disappears;
/// - objects are numbered afresh 1, 2, 3, ... in that order, so the cross-reference stream has no gaps
///   (references are rewritten to match), and dictionaries and arrays are written with only the spaces
///   the syntax needs (strings, names and numbers are copied as they were; comments are dropped);
/// - a deflated cross-reference stream (`/Type /XRef`, the narrowest `/W` that fits, PNG-up predictor)
///   replaces the table, carrying `/Root`, `/Info` and `/ID` over from the trailer.
///
/// Anything not in the shape cairo writes (no classic xref table, an offset that does not point at
/// `N 0 obj`, a generation other than 0, an encrypted or incrementally updated file, a reference to a
/// missing object, a string or dictionary that does not close, ...) is returned unchanged: the compactor
/// never loses or corrupts output. Same input, same bytes out.
public enum PDFCompactor {
    /// How objects are packed; the defaults are what `compact` uses (tests try others).
    struct Settings {
        /// At most this many objects in one object stream...
        var objectsPerStream = 2_000
        /// ...and a new object stream starts once one holds this many uncompressed bytes.
        var bytesPerStream = 256 * 1024
        /// PNG-up predictor on the cross-reference stream's rows (consecutive rows differ by little).
        var xrefPredictor = true
        /// TrueType hinting removed from embedded font programs (`TrueTypeHinting`).
        var stripHinting = true
        /// zlib level of the object streams, the cross-reference stream and re-deflated fonts.
        var level: Int32 = Deflate.defaultLevel
    }

    /// The compacted PDF, or `pdf` itself when it is not a file this compactor understands (or would not
    /// get smaller). Memory besides the input: the output, 36 bytes per object and 16 per reference (about a
    /// third of the input for a record), one object stream's objects (at most `bytesPerStream` and its
    /// deflated copy), and the embedded TrueType fonts without hinting (deflated; each is decoded once, ~15 KB
    /// for a DejaVu subset).
    public static func compact(_ pdf: [UInt8]) -> [UInt8] { compact(pdf, settings: Settings()) }

    static func compact(_ pdf: [UInt8], settings: Settings) -> [UInt8] {
        pdf.withUnsafeBytes { raw -> [UInt8] in
            guard let plan = Plan(raw, settings: settings) else { return pdf }
            var out: [UInt8] = []
            out.reserveCapacity(pdf.count / 2)
            guard (try? plan.write({ out.append(contentsOf: $0) })) != nil, out.count < pdf.count else { return pdf }
            return out
        }
    }

    /// A file the compactor could not open or map.
    public struct FileError: Error, CustomStringConvertible, Sendable {
        public let path: String
        public let reason: String
        public var description: String { "\(path): error: cannot compact: \(reason)" }
    }

    /// Compacts the PDF at `path` in place: the file is mapped (not read into memory), the compacted copy is
    /// written piece by piece to a temporary file beside it and renamed over it (`AtomicFile`). Returns
    /// false, leaving the file as it was, when it is not in the shape `compact` understands.
    /// - Throws: `FileError` if the file cannot be opened or mapped; `AtomicFile.WriteError` if writing fails
    ///   (the original is then left in place).
    /// A file larger than `maxSize` bytes is left as it is (false), without being read.
    @discardableResult
    public static func compactFile(atPath path: String, maxSize: Int = .max) throws -> Bool {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw FileError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileError(path: path, reason: String(cString: strerror(errno))) }
        let size = Int(info.st_size)
        guard size > 0, size <= maxSize, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            throw FileError(path: path, reason: String(cString: strerror(errno)))
        }
        defer { munmap(base, size) }
        guard let plan = Plan(UnsafeRawBufferPointer(start: base, count: size), settings: Settings()) else { return false }
        try AtomicFile.write(to: path) { append in try plan.write(append) }
        return true
    }
}

// MARK: - Lexing

@inline(__always) private func isWhite(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C || c == 0x00 }
@inline(__always) private func isDelimiter(_ c: UInt8) -> Bool {
    switch c {
    case 0x28, 0x29, 0x3C, 0x3E, 0x5B, 0x5D, 0x7B, 0x7D, 0x2F, 0x25: return true // ( ) < > [ ] { } / %
    default: return false
    }
}
@inline(__always) private func isRegular(_ c: UInt8) -> Bool { !isWhite(c) && !isDelimiter(c) }
@inline(__always) private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

private struct Token {
    enum Kind: UInt8 { case name, regular, literal, hex, dictOpen, dictClose, arrayOpen, arrayClose, bad }
    var start: Int
    var end: Int
    var kind: Kind
}

/// PDF tokens between `pos` and `end` of the input. Comments are skipped; anything malformed comes back as `.bad`.
private struct Lexer {
    let p: UnsafePointer<UInt8>
    let end: Int
    var pos: Int

    mutating func skipSpace() {
        while pos < end {
            let c = p[pos]
            if isWhite(c) { pos += 1 } else if c == 0x25 {
                while pos < end && p[pos] != 0x0A && p[pos] != 0x0D { pos += 1 }
            } else { return }
        }
    }

    mutating func next() -> Token? {
        skipSpace()
        guard pos < end else { return nil }
        let s = pos
        let c = p[pos]
        switch c {
        case 0x28: // ( literal string, balanced parentheses, backslash escapes
            var depth = 0
            while pos < end {
                let d = p[pos]
                if d == 0x5C { pos += 2; continue }
                if d == 0x28 { depth += 1 } else if d == 0x29 {
                    depth -= 1
                    if depth == 0 { pos += 1; return Token(start: s, end: pos, kind: .literal) }
                }
                pos += 1
            }
            pos = end
            return Token(start: s, end: end, kind: .bad)
        case 0x3C: // << or <hex>
            if pos + 1 < end && p[pos + 1] == 0x3C { pos += 2; return Token(start: s, end: pos, kind: .dictOpen) }
            pos += 1
            while pos < end {
                let d = p[pos]
                if d == 0x3E { pos += 1; return Token(start: s, end: pos, kind: .hex) }
                let hex = isDigit(d) || (d >= 0x41 && d <= 0x46) || (d >= 0x61 && d <= 0x66)
                guard hex || isWhite(d) else { break }
                pos += 1
            }
            return Token(start: s, end: pos, kind: .bad)
        case 0x3E:
            if pos + 1 < end && p[pos + 1] == 0x3E { pos += 2; return Token(start: s, end: pos, kind: .dictClose) }
            pos += 1
            return Token(start: s, end: pos, kind: .bad)
        case 0x5B: pos += 1; return Token(start: s, end: pos, kind: .arrayOpen)
        case 0x5D: pos += 1; return Token(start: s, end: pos, kind: .arrayClose)
        case 0x2F:
            pos += 1
            while pos < end && isRegular(p[pos]) { pos += 1 }
            return Token(start: s, end: pos, kind: .name)
        case 0x29, 0x7B, 0x7D:
            pos += 1
            return Token(start: s, end: pos, kind: .bad)
        default:
            while pos < end && isRegular(p[pos]) { pos += 1 }
            return Token(start: s, end: pos, kind: .regular)
        }
    }
}

// MARK: - The plan: every object found, checked and numbered afresh

/// A reference `N 0 R` in an object's text (from the object number to the `R`), or the indirect
/// `/Length` of a stream, to be written as the length itself.
private struct Site {
    private var start32: Int32, end32: Int32, target32: Int32, length32: Int32 // 16 bytes: there is one per reference
    init(start: Int, end: Int, target: Int, length: Int) {
        (start32, end32, target32, length32) = (Int32(start), Int32(end), Int32(target), Int32(length))
    }
    var start: Int { Int(start32) }
    var end: Int { Int(end32) }
    var target: Int { Int(target32) }
    /// -1 for a reference; otherwise the inlined length.
    var length: Int { get { Int(length32) } set { length32 = Int32(newValue) } }
}

private struct Entry {
    var keyStart: Int, keyEnd: Int
    var valueFrom: Int, valueTo: Int // token indexes
}

/// One object of the input, by its old number (36 bytes: there is one per cross-reference entry).
private struct Object {
    private var offset32: Int32 = -1
    private var bodyStart32: Int32 = 0, bodyEnd32: Int32 = 0     // the value (for a stream: its dictionary)
    private var sitesStart32: Int32 = 0, sitesEnd32: Int32 = 0   // its references, in Plan.sites
    private var dataStart32: Int32 = -1, dataLength32: Int32 = 0 // stream data, kept byte for byte
    private var group32: Int32 = 0                               // objects of one /Type and /S are written together
    /// A length object only streams' /Length referred to: it is written into them instead.
    var dropped = false

    var offset: Int { get { Int(offset32) } set { offset32 = Int32(newValue) } }
    var body: Range<Int> {
        get { Int(bodyStart32)..<Int(bodyEnd32) }
        set { (bodyStart32, bodyEnd32) = (Int32(newValue.lowerBound), Int32(newValue.upperBound)) }
    }
    var sites: Range<Int> {
        get { Int(sitesStart32)..<Int(sitesEnd32) }
        set { (sitesStart32, sitesEnd32) = (Int32(newValue.lowerBound), Int32(newValue.upperBound)) }
    }
    var data: Range<Int> {
        get { Int(dataStart32)..<Int(dataStart32 + dataLength32) }
        set { (dataStart32, dataLength32) = (Int32(newValue.lowerBound), Int32(newValue.count)) }
    }
    var group: Int { get { Int(group32) } set { group32 = Int32(newValue) } }
    var isStream: Bool { dataStart32 >= 0 }
}

private struct Plan {
    let p: UnsafePointer<UInt8>
    let count: Int
    let settings: PDFCompactor.Settings
    var version: [UInt8] = []
    var objects: [Object] = []
    var sites: [Site] = []
    var root = 0
    var info = -1
    var idRange: Range<Int>?
    /// Original object numbers in their new order: the non-stream objects, then the streams.
    var packed: [Int] = []
    var streams: [Int] = []
    var newNumber: [Int] = []
    /// Streams written with other data than the input's (font programs without hinting), by old number.
    var rewritten: [Int: RewrittenStream] = [:]

    struct RewrittenStream {
        var data: [UInt8]
        /// The object's sites, with its /Length and /Length1 values replaced.
        var sites: [Site]
    }

    init?(_ raw: UnsafeRawBufferPointer, settings: PDFCompactor.Settings) {
        // Offsets are kept in 32 bits: a record is a few hundred KB, a team overview a few tens of MB.
        guard raw.count >= 32, raw.count < Int(Int32.max), let base = raw.baseAddress else { return nil }
        p = base.assumingMemoryBound(to: UInt8.self)
        count = raw.count
        self.settings = settings
        guard readHeader(), let xref = findXref(), readXref(at: xref), readObjects(), order() else { return nil }
        if settings.stripHinting { stripFontHinting() }
    }

    // MARK: Reading

    func matches(_ s: StaticString, at i: Int) -> Bool {
        let n = s.utf8CodeUnitCount
        guard i >= 0, i + n <= count else { return false }
        let q = s.utf8Start
        for k in 0..<n where p[i + k] != q[k] { return false }
        return true
    }

    func tokenIs(_ t: Token, _ s: StaticString) -> Bool {
        t.kind == .regular && t.end - t.start == s.utf8CodeUnitCount && matches(s, at: t.start)
    }

    /// A non-negative integer written with digits only (at most 10 of them), or nil.
    func unsignedInt(_ t: Token) -> Int? {
        guard t.kind == .regular, t.end > t.start, t.end - t.start <= 10 else { return nil }
        var v = 0
        for i in t.start..<t.end {
            guard isDigit(p[i]) else { return nil }
            v = v * 10 + Int(p[i] - 0x30)
        }
        return v
    }

    func isNumber(_ t: Token) -> Bool {
        var i = t.start
        if i < t.end && (p[i] == 0x2B || p[i] == 0x2D) { i += 1 }
        var digits = 0, dots = 0
        while i < t.end {
            if isDigit(p[i]) { digits += 1 } else if p[i] == 0x2E { dots += 1 } else { return false }
            i += 1
        }
        return digits > 0 && dots <= 1
    }

    /// `%PDF-1.x` at the very start; the version written is at least 1.5 (object streams need it).
    mutating func readHeader() -> Bool {
        guard matches("%PDF-", at: 0), isDigit(p[5]), p[6] == 0x2E, isDigit(p[7]) else { return false }
        guard count > 8, !isDigit(p[8]) else { return false }
        let major = p[5] - 0x30, minor = p[7] - 0x30
        version = Array("%PDF-".utf8) + (major == 1 && minor < 5 ? Array("1.5".utf8) : [p[5], 0x2E, p[7]])
        return major >= 1
    }

    /// The offset after the last `startxref`, which must point at a classic `xref` table.
    func findXref() -> Int? {
        var i = count - 9
        let stop = max(0, count - 1024)
        while i >= stop && !matches("startxref", at: i) { i -= 1 }
        guard i >= stop else { return nil }
        var lx = Lexer(p: p, end: count, pos: i + 9)
        guard let t = lx.next(), let offset = unsignedInt(t), offset < i, matches("xref", at: offset) else { return nil }
        // Then %%EOF and nothing else: a file cut short is not ours to rewrite.
        var q = lx.pos
        while q < count && isWhite(p[q]) { q += 1 }
        guard matches("%%EOF", at: q) else { return nil }
        q += 5
        while q < count && isWhite(p[q]) { q += 1 }
        return q == count ? offset : nil
    }

    mutating func readXref(at start: Int) -> Bool {
        var pos = start + 4
        var offsets: [Int] = []
        while true {
            var lx = Lexer(p: p, end: count, pos: pos)
            guard let a = lx.next() else { return false }
            if tokenIs(a, "trailer") { pos = lx.pos; break }
            guard let first = unsignedInt(a), let b = lx.next(), let n = unsignedInt(b) else { return false }
            // The entries start on the next line: 20 bytes each.
            var q = lx.pos
            while q < count && (p[q] == 0x20 || p[q] == 0x0D || p[q] == 0x0A) { q += 1 }
            guard q + n * 20 <= count, first + n <= count / 8 else { return false }
            if offsets.count < first + n { offsets += Array(repeating: -2, count: first + n - offsets.count) }
            for k in 0..<n {
                let e = q + 20 * k
                var off = 0, gen = 0
                for i in 0..<10 { guard isDigit(p[e + i]) else { return false }; off = off * 10 + Int(p[e + i] - 0x30) }
                for i in 11..<16 { guard isDigit(p[e + i]) else { return false }; gen = gen * 10 + Int(p[e + i] - 0x30) }
                guard p[e + 10] == 0x20, p[e + 16] == 0x20, isWhite(p[e + 18]), isWhite(p[e + 19]) else { return false }
                guard offsets[first + k] == -2 else { return false } // listed twice
                switch p[e + 17] {
                case 0x6E: // n
                    guard gen == 0, first + k > 0, off > 0, off < start else { return false }
                    offsets[first + k] = off
                case 0x66: offsets[first + k] = -1 // f
                default: return false
                }
            }
            pos = q + n * 20
        }
        guard !offsets.isEmpty else { return false }
        objects = Array(repeating: Object(), count: offsets.count)
        for (n, off) in offsets.enumerated() where off >= 0 { objects[n].offset = off }

        // The trailer: /Size, /Root, /Info and /ID only (anything else, such as /Encrypt or /Prev, is not ours to rewrite).
        var lx = Lexer(p: p, end: count, pos: pos)
        var toks: [Token] = []
        while let t = lx.next(), !tokenIs(t, "startxref") {
            guard t.kind != .bad, toks.count < 64 else { return false }
            toks.append(t)
        }
        var trailerSites: [Site] = []
        var entries: [Entry] = []
        guard toks.first?.kind == .dictOpen, parseValue(toks, 0, depth: 0, sites: &trailerSites, entries: &entries) == toks.count else { return false }
        var hasRoot = false
        for e in entries {
            let key = Token(start: e.keyStart, end: e.keyEnd, kind: .name)
            let valueTokens = e.valueTo - e.valueFrom
            if nameIs(key, "/Size") {
                guard valueTokens == 1, unsignedInt(toks[e.valueFrom]) != nil else { return false }
            } else if nameIs(key, "/Root") || nameIs(key, "/Info") {
                guard valueTokens == 3, let site = trailerSites.first(where: { $0.start == toks[e.valueFrom].start }) else { return false }
                if nameIs(key, "/Root") { root = site.target; hasRoot = true } else { info = site.target }
            } else if nameIs(key, "/ID") {
                guard toks[e.valueFrom].kind == .arrayOpen else { return false }
                let range = toks[e.valueFrom].start..<toks[e.valueTo - 1].end
                guard !trailerSites.contains(where: { range.contains($0.start) }) else { return false }
                idRange = range
            } else {
                return false
            }
        }
        guard hasRoot, present(root), info < 0 || present(info) else { return false }
        return true
    }

    func nameIs(_ t: Token, _ s: StaticString) -> Bool {
        t.end - t.start == s.utf8CodeUnitCount && matches(s, at: t.start)
    }

    func present(_ n: Int) -> Bool { n > 0 && n < objects.count && objects[n].offset >= 0 }

    /// Parses one value at `toks[i]`; records each `N 0 R` in `sites` and, for a dictionary at depth 0,
    /// its entries. Returns the index after the value, or nil if it is not a well-formed value.
    func parseValue(_ toks: [Token], _ i: Int, depth: Int, sites: inout [Site], entries: inout [Entry]) -> Int? {
        guard i < toks.count, depth < 32 else { return nil }
        let t = toks[i]
        switch t.kind {
        case .name, .literal, .hex:
            return i + 1
        case .regular:
            if let n = unsignedInt(t), i + 2 < toks.count, let g = unsignedInt(toks[i + 1]), tokenIs(toks[i + 2], "R") {
                guard g == 0 else { return nil }
                sites.append(Site(start: t.start, end: toks[i + 2].end, target: n, length: -1))
                return i + 3
            }
            guard isNumber(t) || tokenIs(t, "true") || tokenIs(t, "false") || tokenIs(t, "null") else { return nil }
            return i + 1
        case .arrayOpen:
            var j = i + 1
            while j < toks.count && toks[j].kind != .arrayClose {
                guard let k = parseValue(toks, j, depth: depth + 1, sites: &sites, entries: &entries) else { return nil }
                j = k
            }
            return j < toks.count ? j + 1 : nil
        case .dictOpen:
            var j = i + 1
            while j < toks.count && toks[j].kind != .dictClose {
                guard toks[j].kind == .name,
                      let k = parseValue(toks, j + 1, depth: depth + 1, sites: &sites, entries: &entries) else { return nil }
                if depth == 0 { entries.append(Entry(keyStart: toks[j].start, keyEnd: toks[j].end, valueFrom: j + 1, valueTo: k)) }
                j = k
            }
            return j < toks.count ? j + 1 : nil
        case .dictClose, .arrayClose, .bad:
            return nil
        }
    }

    /// The integer held by object `n` (a stream's indirect length), or nil.
    func integerObject(_ n: Int) -> Int? {
        guard present(n) else { return nil }
        var lx = Lexer(p: p, end: count, pos: objects[n].offset)
        guard let a = lx.next(), unsignedInt(a) == n, let b = lx.next(), unsignedInt(b) == 0,
              let c = lx.next(), tokenIs(c, "obj"), let v = lx.next(), let value = unsignedInt(v),
              let e = lx.next(), tokenIs(e, "endobj") else { return nil }
        return value
    }

    mutating func readObjects() -> Bool {
        var toks: [Token] = []
        var entries: [Entry] = []
        // This object's references; appended to `sites` once it is read (parsing straight into `sites`, a
        // property of the struct being read, would copy the whole array on each object).
        var found: [Site] = []
        var groups: [[UInt8]: Int] = [:]
        var refs = Array(repeating: 0, count: objects.count)        // references other than a stream's /Length
        var lengthRefs = Array(repeating: 0, count: objects.count)
        for n in objects.indices where objects[n].offset >= 0 {
            var lx = Lexer(p: p, end: count, pos: objects[n].offset)
            guard let a = lx.next(), a.start == objects[n].offset, unsignedInt(a) == n,
                  let b = lx.next(), unsignedInt(b) == 0, let c = lx.next(), tokenIs(c, "obj") else { return false }
            toks.removeAll(keepingCapacity: true)
            entries.removeAll(keepingCapacity: true)
            found.removeAll(keepingCapacity: true)
            var closing: Token?
            while let t = lx.next() {
                guard t.kind != .bad else { return false }
                if tokenIs(t, "endobj") || tokenIs(t, "stream") { closing = t; break }
                guard !tokenIs(t, "obj"), !tokenIs(t, "endstream"), !tokenIs(t, "xref"), !tokenIs(t, "trailer"),
                      !tokenIs(t, "startxref") else { return false }
                toks.append(t)
            }
            guard let closing, !toks.isEmpty else { return false }
            guard parseValue(toks, 0, depth: 0, sites: &found, entries: &entries) == toks.count else { return false }
            objects[n].body = toks[0].start..<toks[toks.count - 1].end
            objects[n].group = group(of: toks, entries, in: &groups)
            if tokenIs(closing, "stream") {
                guard toks[0].kind == .dictOpen else { return false }
                // The data starts after CRLF or LF; its length is /Length, direct or an object holding it.
                var d = closing.end
                if d < count && p[d] == 0x0D { d += 1 }
                guard d < count, p[d] == 0x0A else { return false }
                d += 1
                var length: Int?
                for e in entries where nameIs(Token(start: e.keyStart, end: e.keyEnd, kind: .name), "/Length") {
                    guard length == nil else { return false }
                    if e.valueTo - e.valueFrom == 1 {
                        length = unsignedInt(toks[e.valueFrom])
                    } else if e.valueTo - e.valueFrom == 3, let s = found.firstIndex(where: { $0.start == toks[e.valueFrom].start }),
                              let value = integerObject(found[s].target) {
                        found[s].length = value
                        length = value
                    }
                    guard length != nil else { return false }
                }
                guard let length, d + length <= count else { return false }
                var q = d + length
                if q < count && p[q] == 0x0D { q += 1 }
                if q < count && p[q] == 0x0A { q += 1 }
                var tail = Lexer(p: p, end: count, pos: q)
                guard let es = tail.next(), tokenIs(es, "endstream"), let eo = tail.next(), tokenIs(eo, "endobj") else { return false }
                objects[n].data = d..<(d + length)
            }
            objects[n].sites = sites.count..<(sites.count + found.count)
            sites += found
            for s in found {
                guard present(s.target) else { return false }  // a reference to nothing: not ours to renumber
                if s.length >= 0 { lengthRefs[s.target] += 1 } else { refs[s.target] += 1 }
            }
        }
        refs[root] += 1
        if info >= 0 { refs[info] += 1 }
        for n in objects.indices where lengthRefs[n] > 0 && refs[n] == 0 { objects[n].dropped = true }
        return true
    }

    /// Numbers the objects afresh: depth first from the trailer's /Root and /Info (so a structure element
    /// sits by its children and its page's objects by the page), then grouped by /Type and /S, each group
    /// where its first member came (all the `TD`s together, all the link annotations together: deflate finds
    /// more to share). Unreachable objects follow in their old order. Stream objects are numbered after the rest.
    mutating func order() -> Bool {
        var seen = Array(repeating: false, count: objects.count)
        var sequence: [Int] = []
        sequence.reserveCapacity(objects.count)
        var stack: [Int] = []
        for start in [root, info] where start >= 0 {
            stack.append(start)
            while let n = stack.popLast() {
                guard !seen[n], !objects[n].dropped else { continue }
                seen[n] = true
                sequence.append(n)
                for s in sites[objects[n].sites].reversed() where s.length < 0 && !seen[s.target] { stack.append(s.target) }
            }
        }
        for n in objects.indices where present(n) && !seen[n] && !objects[n].dropped { sequence.append(n) }
        // Groups in the order their first member comes in the sequence.
        var rank: [Int: Int] = [:]
        var groups: [[Int]] = []
        for n in sequence {
            if objects[n].isStream { streams.append(n); continue }
            if let g = rank[objects[n].group] { groups[g].append(n) } else { rank[objects[n].group] = groups.count; groups.append([n]) }
        }
        packed = groups.flatMap { $0 }
        newNumber = Array(repeating: 0, count: objects.count)
        for (i, n) in (packed + streams).enumerated() { newNumber[n] = i + 1 }
        return true
    }

    /// The group of an object: its /Type and /S names for a dictionary, else what its value starts with
    /// (numbered in the order groups are first met, which is the objects' old order: deterministic).
    func group(of toks: [Token], _ entries: [Entry], in groups: inout [[UInt8]: Int]) -> Int {
        var key = [p[toks[0].start]]
        for e in entries where e.valueTo - e.valueFrom == 1 && toks[e.valueFrom].kind == .name {
            let name = Token(start: e.keyStart, end: e.keyEnd, kind: .name)
            if nameIs(name, "/Type") || nameIs(name, "/S") {
                key += UnsafeBufferPointer(start: p + e.keyStart, count: e.keyEnd - e.keyStart)
                key += UnsafeBufferPointer(start: p + toks[e.valueFrom].start, count: toks[e.valueFrom].end - toks[e.valueFrom].start)
            }
        }
        if let g = groups[key] { return g }
        groups[key] = groups.count
        return groups.count - 1
    }

    // MARK: Fonts

    /// Strips the hinting of every TrueType font program: a stream whose dictionary has a direct `/Length1`
    /// (and no `/Length2`: that is a Type 1 font), `/Filter /FlateDecode` (or `[/FlateDecode]`) and no
    /// `/DecodeParms`, whose data inflates to exactly `/Length1` bytes. It is kept only if it deflates
    /// smaller than it was; anything else leaves the stream as it is.
    mutating func stripFontHinting() {
        var toks: [Token] = []
        var entries: [Entry] = []
        var found: [Site] = []
        for n in streams {
            let o = objects[n]
            toks.removeAll(keepingCapacity: true)
            entries.removeAll(keepingCapacity: true)
            found.removeAll(keepingCapacity: true)
            var lx = Lexer(p: p, end: o.body.upperBound, pos: o.body.lowerBound)
            while let t = lx.next() { toks.append(t) }
            guard parseValue(toks, 0, depth: 0, sites: &found, entries: &entries) == toks.count else { continue }
            var lengthValue: Range<Int>?, length1: Token?, flate = false, other = false
            for e in entries {
                let key = Token(start: e.keyStart, end: e.keyEnd, kind: .name)
                let count = e.valueTo - e.valueFrom
                if nameIs(key, "/Length") {
                    lengthValue = toks[e.valueFrom].start..<toks[e.valueTo - 1].end
                } else if nameIs(key, "/Length1") {
                    if count == 1 { length1 = toks[e.valueFrom] } else { other = true }
                } else if nameIs(key, "/Filter") {
                    let name = count == 1 ? toks[e.valueFrom] : toks[e.valueFrom + 1]
                    flate = (count == 1 || (count == 3 && toks[e.valueFrom].kind == .arrayOpen)) && nameIs(name, "/FlateDecode")
                } else if nameIs(key, "/DecodeParms") || nameIs(key, "/Length2") || nameIs(key, "/Length3") {
                    other = true
                }
            }
            guard let lengthValue, let length1, let size = unsignedInt(length1), size > 0, size <= 64 << 20, flate, !other,
                  let font = Deflate.decompress(UnsafeRawBufferPointer(start: p + o.data.lowerBound, count: o.data.count), size: size)
            else { continue }
            let stripped = TrueTypeHinting.strip(font)
            guard stripped.count < font.count, let data = Deflate.compress([stripped], level: settings.level),
                  data.count < o.data.count else { continue }
            // The new lengths replace the old values (an indirect /Length is already written as its number).
            var patched = sites[o.sites].filter { $0.start != lengthValue.lowerBound }
            patched.append(Site(start: lengthValue.lowerBound, end: lengthValue.upperBound, target: 0, length: data.count))
            patched.append(Site(start: length1.start, end: length1.end, target: 0, length: stripped.count))
            patched.sort { $0.start < $1.start }
            rewritten[n] = RewrittenStream(data: data, sites: patched)
        }
    }

    // MARK: Writing

    /// Appends `value` in decimal.
    static func put(_ value: Int, _ out: inout [UInt8]) {
        if value >= 10 { put(value / 10, &out) }
        out.append(UInt8(0x30 + value % 10))
    }

    /// Appends the object text at `range` with only the spaces the syntax needs, references renumbered and
    /// an indirect /Length written as the length.
    func minify(_ range: Range<Int>, sites: ArraySlice<Site>, into out: inout [UInt8]) {
        var lx = Lexer(p: p, end: range.upperBound, pos: range.lowerBound)
        var site = sites.startIndex
        var last: UInt8 = 0x20
        while let t = lx.next() {
            if site < sites.endIndex && sites[site].start == t.start {
                let s = sites[site]
                if isRegular(last) { out.append(0x20) }
                if s.length >= 0 {
                    Self.put(s.length, &out)
                } else {
                    Self.put(newNumber[s.target], &out)
                    out.append(contentsOf: [0x20, 0x30, 0x20, 0x52]) // " 0 R"
                }
                last = out[out.count - 1]
                lx.pos = s.end
                site += 1
                continue
            }
            if isRegular(last) && isRegular(p[t.start]) { out.append(0x20) }
            out.append(contentsOf: UnsafeBufferPointer(start: p + t.start, count: t.end - t.start))
            last = p[t.end - 1]
        }
    }

    func write(_ append: (UnsafeRawBufferPointer) throws -> Void) throws {
        var stage: [UInt8] = []
        stage.reserveCapacity(64 * 1024)
        var written = 0
        func flush() throws {
            guard !stage.isEmpty else { return }
            try stage.withUnsafeBytes { try append($0) }
            written += stage.count
            stage.removeAll(keepingCapacity: true)
        }
        func pass(_ raw: UnsafeRawBufferPointer) throws {
            if raw.count < 4096 { stage.append(contentsOf: raw); return }
            try flush()
            try append(raw)
            written += raw.count
        }
        func text(_ s: StaticString) { stage.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)) }

        stage += version
        stage += [0x0A, 0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A] // a comment of bytes above 127: the file is binary

        // Object streams, each filled up to the settings' limits.
        let firstStream = packed.count + streams.count + 1
        var offsets = Array(repeating: 0, count: firstStream)     // by new number; type 1 entries
        var container = Array(repeating: 0, count: firstStream)   // by new number; object stream of a packed object
        var index = Array(repeating: 0, count: firstStream)
        var objectStreamOffsets: [Int] = []
        var header: [UInt8] = [], bodies: [UInt8] = []
        var i = 0
        while i < packed.count {
            header.removeAll(keepingCapacity: true)
            bodies.removeAll(keepingCapacity: true)
            let number = firstStream + objectStreamOffsets.count
            var k = 0
            while i < packed.count && k < settings.objectsPerStream && bodies.count < settings.bytesPerStream {
                let n = packed[i]
                if let prev = bodies.last, isRegular(prev), isRegular(p[objects[n].body.lowerBound]) { bodies.append(0x0A) }
                let start = bodies.count
                minify(objects[n].body, sites: sites[objects[n].sites], into: &bodies)
                Self.put(newNumber[n], &header); header.append(0x20)
                Self.put(start, &header); header.append(0x20)
                container[newNumber[n]] = number
                index[newNumber[n]] = k
                i += 1; k += 1
            }
            guard let data = Deflate.compress([header, bodies], level: settings.level) else { throw DeflateError() }
            try flush()
            objectStreamOffsets.append(written + stage.count)
            Self.put(number, &stage); text(" 0 obj\n<</Type/ObjStm/N "); Self.put(k, &stage)
            text("/First "); Self.put(header.count, &stage)
            text("/Filter/FlateDecode/Length "); Self.put(data.count, &stage); text(">>\nstream\n")
            try data.withUnsafeBytes { try pass($0) }
            text("\nendstream\nendobj\n")
        }

        // Streams: the dictionary minified, the data as it was (or as rewritten).
        for n in streams {
            let o = objects[n]
            offsets[newNumber[n]] = written + stage.count
            Self.put(newNumber[n], &stage); text(" 0 obj\n")
            if let r = rewritten[n] {
                minify(o.body, sites: r.sites[...], into: &stage)
                text("\nstream\n")
                try r.data.withUnsafeBytes { try pass($0) }
            } else {
                minify(o.body, sites: sites[o.sites], into: &stage)
                text("\nstream\n")
                try pass(UnsafeRawBufferPointer(start: p + o.data.lowerBound, count: o.data.count))
            }
            text("\nendstream\nendobj\n")
        }

        // The cross-reference stream: type 0 for object 0, 2 for packed objects, 1 for everything written whole.
        let xrefNumber = firstStream + objectStreamOffsets.count
        let size = xrefNumber + 1
        let xrefOffset = written + stage.count
        var types = Array(repeating: UInt8(1), count: size)
        var field2 = Array(repeating: 0, count: size), field3 = Array(repeating: 0, count: size)
        types[0] = 0
        for m in 1..<firstStream {
            if container[m] > 0 { types[m] = 2; field2[m] = container[m]; field3[m] = index[m] } else { field2[m] = offsets[m] }
        }
        for (j, off) in objectStreamOffsets.enumerated() { field2[firstStream + j] = off }
        field2[xrefNumber] = xrefOffset
        func width(_ v: Int) -> Int { var w = 1; while v >> (8 * w) > 0 { w += 1 }; return w }
        let w2 = width(field2.max() ?? 0), w3 = width(field3.max() ?? 0)
        let columns = 1 + w2 + w3
        var rows: [UInt8] = []
        rows.reserveCapacity(size * (columns + 1))
        var previous = Array(repeating: UInt8(0), count: columns)
        var row = Array(repeating: UInt8(0), count: columns)
        for m in 0..<size {
            row[0] = types[m]
            for b in 0..<w2 { row[1 + b] = UInt8(truncatingIfNeeded: field2[m] >> (8 * (w2 - 1 - b))) }
            for b in 0..<w3 { row[1 + w2 + b] = UInt8(truncatingIfNeeded: field3[m] >> (8 * (w3 - 1 - b))) }
            if settings.xrefPredictor {
                rows.append(2) // PNG "Up": each byte minus the one above it
                for c in 0..<columns { rows.append(row[c] &- previous[c]) }
                swap(&row, &previous)
            } else {
                rows += row
            }
        }
        guard let xref = Deflate.compress([rows], level: settings.level) else { throw DeflateError() }
        Self.put(xrefNumber, &stage); text(" 0 obj\n<</Type/XRef/Size "); Self.put(size, &stage)
        text("/W[1 "); Self.put(w2, &stage); text(" "); Self.put(w3, &stage); text("]/Root ")
        Self.put(newNumber[root], &stage); text(" 0 R")
        if info >= 0 { text("/Info "); Self.put(newNumber[info], &stage); text(" 0 R") }
        if let idRange {
            text("/ID")
            minify(idRange, sites: [], into: &stage)
        }
        text("/Filter/FlateDecode")
        if settings.xrefPredictor { text("/DecodeParms<</Columns "); Self.put(columns, &stage); text("/Predictor 12>>") }
        text("/Length "); Self.put(xref.count, &stage); text(">>\nstream\n")
        stage += xref
        text("\nendstream\nendobj\nstartxref\n"); Self.put(xrefOffset, &stage); text("\n%%EOF\n")
        try flush()
    }
}

private struct DeflateError: Error {}

/// zlib: deterministic, so the same objects always give the same bytes.
enum Deflate {
    /// Level 7, chosen by measurement (callgrind on a `strip -g` binary, `cpd report` of one member,
    /// fca-ria 2026, fonts without hinting):
    ///
    ///     level  40 activities          60 activities          instructions (40 / 60)
    ///     9      52,139 bytes           68,069 bytes           519.7 M / 663.9 M
    ///     7      52,211 (+72)           68,149 (+80)           506.5 M / 643.5 M   (-13.2 M / -20.4 M)
    ///     6      52,742 (+603)          68,938 (+869)          505.7 M / 641.2 M
    ///
    /// Almost all of the difference is the object streams (lazy matching over long hash chains on the
    /// structure tree's many alike dictionaries); the fonts differ by 4 bytes between 7 and 9. Level 7 keeps
    /// all but ~0.1% of level 9's bytes for 2.5-3% fewer instructions per record; level 6 gives up ten
    /// times as many bytes for another 1-2 M. ReportLab's records of the same logs are 60,526 and 68,368
    /// bytes: at 60 activities cpd is under it by a few hundred bytes at level 7 or 9 alike, so the level is
    /// not what decides that margin.
    static let defaultLevel: Int32 = 7

    static func compress(_ pieces: [[UInt8]], level: Int32 = defaultLevel) -> [UInt8]? {
        var z = z_stream()
        guard deflateInit2_(&z, level, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&z) }
        let total = pieces.reduce(0) { $0 + $1.count }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&z, uLong(total))) + 64)
        var produced = 0
        for (k, piece) in pieces.enumerated() {
            let last = k == pieces.count - 1
            let status: Int32 = piece.withUnsafeBufferPointer { inBuf in
                out.withUnsafeMutableBufferPointer { outBuf in
                    z.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
                    z.avail_in = uInt(inBuf.count)
                    z.next_out = outBuf.baseAddress! + produced
                    z.avail_out = uInt(outBuf.count - produced)
                    let s = deflate(&z, last ? Z_FINISH : Z_NO_FLUSH)
                    produced = outBuf.count - Int(z.avail_out)
                    return s
                }
            }
            guard last ? status == Z_STREAM_END : (status == Z_OK && z.avail_in == 0) else { return nil }
        }
        out.removeSubrange(produced...)
        return out
    }
}

extension Deflate {
    /// The zlib stream `data` inflated, if it comes to exactly `size` bytes and ends there; else nil.
    static func decompress(_ data: UnsafeRawBufferPointer, size: Int) -> [UInt8]? {
        guard let base = data.baseAddress, data.count > 0, data.count <= Int(UInt32.max) else { return nil }
        var z = z_stream()
        guard inflateInit_(&z, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&z) }
        // One byte more than expected, so a stream that would run longer is caught.
        var out = [UInt8](repeating: 0, count: size + 1)
        let (status, produced) = out.withUnsafeMutableBufferPointer { outBuf -> (Int32, Int) in
            z.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: UInt8.self))
            z.avail_in = uInt(data.count)
            z.next_out = outBuf.baseAddress
            z.avail_out = uInt(outBuf.count)
            let s = inflate(&z, Z_FINISH)
            return (s, outBuf.count - Int(z.avail_out))
        }
        guard status == Z_STREAM_END, produced == size else { return nil }
        out.removeLast()
        return out
    }
}
