/// A parsed JSON value. Numbers keep their text so hours such as `2.55` convert to minutes exactly.
indirect enum JSONValue {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    subscript(_ key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last(where: { $0.key == key })?.value
    }

    /// How a message names what was found: `true`, `a number (12)`, `an object`.
    var found: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return "a number (\(n))"
        case .string(let s): return "a string (\"\(s.count > 40 ? String(s.prefix(40)) + "…" : s)\")"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// Where and why a JSON text is not JSON.
struct JSONSyntaxError: Error {
    var offset: Int
    var message: String
}

/// A recursive-descent JSON parser over bytes that knows the offset of every problem.
/// Nesting is refused past `maxDepth`, so hostile input cannot exhaust the stack.
struct JSONParser {
    static let maxDepth = 512
    private let b: UnsafeBufferPointer<UInt8>
    private var i: Int

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Result<JSONValue, JSONSyntaxError> {
        var parser = JSONParser(b: bytes, i: start)
        do {
            parser.skipBlanks()
            let value = try parser.value(depth: 0)
            parser.skipBlanks()
            if parser.i < bytes.count { throw parser.fail("unexpected \(parser.describeHere()) after the end of the JSON value") }
            return .success(value)
        } catch let error as JSONSyntaxError {
            return .failure(error)
        } catch {
            return .failure(JSONSyntaxError(offset: parser.i, message: "\(error)"))
        }
    }

    private init(b: UnsafeBufferPointer<UInt8>, i: Int) { self.b = b; self.i = i }

    private func fail(_ message: String) -> JSONSyntaxError { JSONSyntaxError(offset: i, message: message) }

    private func describeHere() -> String {
        guard i < b.count else { return "end of file" }
        let c = b[i]
        return c >= 0x20 && c < 0x7F ? "'\(Character(Unicode.Scalar(c)))'" : "byte 0x\(String(c, radix: 16))"
    }

    private mutating func skipBlanks() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    private mutating func value(depth: Int) throws -> JSONValue {
        guard i < b.count else { throw fail("unexpected end of file; expected a value") }
        switch b[i] {
        case UInt8(ascii: "{"):
            guard depth < Self.maxDepth else { throw fail("JSON nested deeper than \(Self.maxDepth) levels") }
            i += 1; skipBlanks()
            var members: [(key: String, value: JSONValue)] = []
            if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            while true {
                guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw fail("expected a quoted key, found \(describeHere())") }
                let key = try string()
                skipBlanks()
                guard i < b.count, b[i] == UInt8(ascii: ":") else { throw fail("expected ':' after the key \"\(key)\", found \(describeHere())") }
                i += 1; skipBlanks()
                members.append((key, try value(depth: depth + 1)))
                skipBlanks()
                guard i < b.count else { throw fail("unexpected end of file; expected ',' or '}'") }
                if b[i] == UInt8(ascii: ",") { i += 1; skipBlanks(); continue }
                if b[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
                throw fail("expected ',' or '}' after a member, found \(describeHere())")
            }
        case UInt8(ascii: "["):
            guard depth < Self.maxDepth else { throw fail("JSON nested deeper than \(Self.maxDepth) levels") }
            i += 1; skipBlanks()
            var items: [JSONValue] = []
            if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            while true {
                items.append(try value(depth: depth + 1))
                skipBlanks()
                guard i < b.count else { throw fail("unexpected end of file; expected ',' or ']'") }
                if b[i] == UInt8(ascii: ",") { i += 1; skipBlanks(); continue }
                if b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                throw fail("expected ',' or ']' after an item, found \(describeHere())")
            }
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw fail("expected a value, found \(describeHere())")
        }
    }

    private mutating func literal(_ word: String) throws {
        let bytes = Array(word.utf8), n = bytes.count
        guard i + n <= b.count, (0..<n).allSatisfy({ b[i + $0] == bytes[$0] }) else {
            throw fail("expected a value, found \(describeHere())")
        }
        i += n
    }

    private mutating func number() throws -> String {
        let start = i
        if b[i] == UInt8(ascii: "-") { i += 1 }
        func digits() -> Int { let s = i; while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }; return i - s }
        guard digits() > 0 else { throw fail("expected a digit, found \(describeHere())") }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { throw fail("expected a digit after '.', found \(describeHere())") }
        }
        if i < b.count, b[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw fail("expected a digit in the exponent, found \(describeHere())") }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
    }

    private mutating func string() throws -> String {
        let open = i
        i += 1
        var out: [UInt8] = []
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
            if c < 0x20 { throw fail(c == 0x0A ? "line break inside a string; write it as \\n" : "control character inside a string") }
            if c == UInt8(ascii: "\\") {
                i += 1
                guard i < b.count else { break }
                switch b[i] {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar), i + 2 < b.count, b[i + 1] == UInt8(ascii: "\\"), b[i + 2] == UInt8(ascii: "u") {
                        i += 2
                        let low = try hex4()
                        if (0xDC00..<0xE000).contains(low) { scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00) }
                    }
                    out.append(contentsOf: Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8))
                default: throw fail("unknown escape \\\(describeHere())")
                }
                i += 1
                continue
            }
            out.append(c)
            i += 1
        }
        i = open
        throw fail("a string opens here but its closing quote is missing")
    }

    /// Reads the four hex digits after `\u`, leaving `i` on the last one.
    private mutating func hex4() throws -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            i += 1
            guard i < b.count, let d = hexValue(b[i]) else { throw fail("expected four hex digits after \\u") }
            v = v << 4 | d
        }
        return v
    }

    private func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case 0x30...0x39: return UInt32(c - 0x30)
        case 0x61...0x66: return UInt32(c - 0x61 + 10)
        case 0x41...0x46: return UInt32(c - 0x41 + 10)
        default: return nil
        }
    }
}
