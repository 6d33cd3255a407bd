import Yams

/// How profiles and layouts resolve YAML tags: not at all. Every read is typed by its field (`int`,
/// `bool`, ...), and the default resolver's regular expressions would start ICU's regex engine (8-9 M
/// instructions, a tenth of a one-activity `cpd report`) for tags nothing reads. Anchors and aliases
/// still work; a merge key (`<<`) is reported as an unknown key.
public enum YAMLTags {
    nonisolated(unsafe) public static let resolver = Resolver.basic  // immutable
}

/// Typed reads from a Yams node tree, each failure a `ProfileError` pointing at the node's line
/// and column. Shared by the profile parser; knows nothing about CPD.
struct YAMLFields {
    let file: String

    func error(_ node: Node?, _ message: String) -> ProfileError {
        ProfileError(file: file, line: node?.mark?.line, column: node?.mark?.column, message: message)
    }

    /// Parses text to a root node, turning libyaml's errors into ours.
    func root(_ yaml: String) throws -> Node {
        do {
            guard let node = try Yams.compose(yaml: yaml, YAMLTags.resolver) else {
                throw ProfileError(file: file, line: 1, column: 1, message: "the profile is empty")
            }
            return node
        } catch let e as YamlError {
            switch e {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                throw ProfileError(file: file, line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
            default:
                throw ProfileError(file: file, line: nil, message: "not valid YAML: \(e)")
            }
        }
    }

    /// A mapping's entries by key, rejecting keys outside `allowed` and keys given twice.
    func mapping(_ node: Node, _ what: String, allowed: [String]) throws -> Fields {
        guard case .mapping(let m) = node else { throw error(node, "\(what) must be a mapping of keys to values") }
        var values: [String: Node] = [:]
        for (key, value) in m {
            guard let name = key.scalar?.string else { throw error(key, "keys in \(what) must be plain words") }
            guard allowed.contains(name) else {
                let hint = YAMLFields.closest(to: name, in: allowed).map { "; did you mean '\($0)'?" } ?? ""
                throw error(key, "unknown key '\(name)' in \(what)\(hint) (allowed: \(allowed.joined(separator: ", ")))")
            }
            if values[name] != nil { throw error(key, "'\(name)' is given twice in \(what)") }
            values[name] = value
        }
        return Fields(node: node, values: values, what: what, reader: self)
    }

    func string(_ node: Node, _ what: String) throws -> String {
        guard case .scalar(let s) = node else { throw error(node, "\(what) must be a single value, not a list or mapping") }
        return s.string
    }

    func int(_ node: Node, _ what: String) throws -> Int {
        let text = try string(node, what)
        guard let v = Int(text) else { throw error(node, "\(what) must be a whole number, not '\(text)'") }
        return v
    }

    func bool(_ node: Node, _ what: String) throws -> Bool {
        let text = try string(node, what)
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error(node, "\(what) must be true or false, not '\(text)'")
        }
    }

    /// A decimal written in the file (`35`, `20.75`, `0.2`) as an exact fraction numerator/10^scale.
    func decimal(_ node: Node, _ what: String) throws -> (numerator: Int, scale: Int) {
        let text = try string(node, what)
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              parts.map(\.count).reduce(0, +) <= 15
        else { throw error(node, "\(what) must be a number such as 35 or 20.5, not '\(text)'") }
        let scale = parts.count == 2 ? parts[1].count : 0
        return (Int(parts.joined())!, scale)
    }

    func date(_ node: Node, _ what: String) throws -> CalendarDate {
        let text = try string(node, what)
        guard let d = CalendarDate(iso: text) else { throw error(node, "\(what) must be a date YYYY-MM-DD, not '\(text)'") }
        return d
    }

    /// A list, or a single value taken as a list of one.
    func list(_ node: Node, _ what: String) throws -> [Node] {
        switch node {
        case .sequence(let s): return Array(s)
        case .scalar: return [node]
        case .mapping: throw error(node, "\(what) must be a list")
        }
    }

    func strings(_ node: Node, _ what: String) throws -> [String] {
        try list(node, what).map { try string($0, what) }
    }

    /// The allowed word nearest to a misspelt one, when it is close enough to be a likely typo.
    static func closest(to word: String, in words: [String]) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var row = Array(0...b.count)
            for i in 1...max(1, a.count) where !a.isEmpty {
                var prev = row[0]; row[0] = i
                for j in 1...max(1, b.count) where !b.isEmpty {
                    let cur = row[j]
                    row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                    prev = cur
                }
            }
            return row[b.count]
        }
        let scored = words.map { ($0, distance(Array(word), Array($0))) }.min { $0.1 < $1.1 }
        guard let (best, d) = scored, d <= max(1, best.count / 3) else { return nil }
        return best
    }
}

/// The entries of one mapping, with reads that name the key in their messages.
struct Fields {
    let node: Node
    let values: [String: Node]
    let what: String
    let reader: YAMLFields

    subscript(key: String) -> Node? { values[key] }

    func required(_ key: String) throws -> Node {
        guard let v = values[key] else { throw reader.error(node, "\(what) is missing '\(key)'") }
        return v
    }

    func string(_ key: String) throws -> String? { try values[key].map { try reader.string($0, "'\(key)'") } }
    func requiredString(_ key: String) throws -> String { try reader.string(required(key), "'\(key)'") }
    func int(_ key: String) throws -> Int? { try values[key].map { try reader.int($0, "'\(key)'") } }
    func bool(_ key: String) throws -> Bool? { try values[key].map { try reader.bool($0, "'\(key)'") } }
    func date(_ key: String) throws -> CalendarDate? { try values[key].map { try reader.date($0, "'\(key)'") } }
    func strings(_ key: String) throws -> [String] { try values[key].map { try reader.strings($0, "'\(key)'") } ?? [] }
}
