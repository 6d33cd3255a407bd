import Yams

/// Typed, line-numbered access to a composed YAML tree; every failure names the node's line and column.
struct YAMLReader {
    let file: String

    func error(_ node: Node?, _ message: String) -> LayoutError {
        LayoutError(file: file, line: node?.mark?.line, column: node?.mark?.column, message: message)
    }

    /// The mapping's entries by key, rejecting keys outside `allowed` and keys given twice.
    func mapping(_ node: Node, allowed: [String], what: String) throws -> [String: Node] {
        guard let map = node.mapping else { throw error(node, "\(what) must be a mapping") }
        var out: [String: Node] = [:]
        for (key, value) in map {
            guard let k = key.string else { throw error(key, "\(what): keys must be text") }
            guard allowed.contains(k) else {
                throw error(key, "unknown key '\(k)' in \(what) (expected one of: \(allowed.joined(separator: ", ")))")
            }
            guard out[k] == nil else { throw error(key, "key '\(k)' appears twice in \(what)") }
            out[k] = value
        }
        return out
    }

    /// The mapping's entries in file order, without key restrictions (for name → value tables).
    func entries(_ node: Node, what: String) throws -> [(key: String, keyNode: Node, value: Node)] {
        guard let map = node.mapping else { throw error(node, "\(what) must be a mapping") }
        return try map.map { key, value in
            guard let k = key.string else { throw error(key, "\(what): keys must be text") }
            return (k, key, value)
        }
    }

    func sequence(_ node: Node, what: String) throws -> [Node] {
        guard let seq = node.sequence else { throw error(node, "\(what) must be a list") }
        return Array(seq)
    }

    func string(_ node: Node, what: String) throws -> String {
        guard case .scalar(let s) = node else { throw error(node, "\(what) must be text") }
        return s.string
    }

    func bool(_ node: Node, what: String) throws -> Bool {
        guard case .scalar = node, let b = node.bool else { throw error(node, "\(what) must be true or false") }
        return b
    }

    func int(_ node: Node, what: String) throws -> Int {
        guard case .scalar = node, let i = node.int else { throw error(node, "\(what) must be a whole number") }
        return i
    }

    func number(_ node: Node, what: String, range: ClosedRange<Double> = 0...10_000) throws -> Double {
        guard case .scalar = node, let d = node.float, d.isFinite else { throw error(node, "\(what) must be a number") }
        guard range.contains(d) else { throw error(node, "\(what) must be between \(range.lowerBound) and \(range.upperBound)") }
        return d
    }

    /// A length with an optional unit (`12`, `12pt`, `20mm`, `2cm`, `1in`), in points.
    func length(_ node: Node, what: String) throws -> Double {
        let text = try string(node, what: what).trimmingCharacters(in: .whitespaces)
        let units: [(String, Double)] = [("pt", 1), ("mm", 72 / 25.4), ("cm", 72 / 2.54), ("in", 72)]
        var factor = 1.0, digits = Substring(text)
        for (suffix, f) in units where text.hasSuffix(suffix) {
            factor = f; digits = text.dropLast(suffix.count); break
        }
        guard let v = Double(digits.trimmingCharacters(in: .whitespaces)), v.isFinite, v >= 0, v <= 5000 else {
            throw error(node, "\(what) must be a length such as 12pt, 20mm, 2cm or 1in (got '\(text)')")
        }
        return v * factor
    }

    func choice<T: RawRepresentable & CaseIterable>(_ node: Node, what: String, as: T.Type) throws -> T
    where T.RawValue == String {
        let s = try string(node, what: what)
        guard let v = T(rawValue: s) else {
            throw error(node, "\(what) cannot be '\(s)' (expected one of: \(T.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return v
    }
}

import Foundation
