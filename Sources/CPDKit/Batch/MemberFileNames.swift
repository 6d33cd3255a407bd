/// Turns member ids into file names that cannot leave the output folder.
///
/// Only ASCII letters, digits, `-` and `_` survive; anything else (`/`, `..`, spaces,
/// accents) becomes `-`. Names that collide after that get `-2`, `-3`, … in the order of
/// the original ids, so the result depends on the set of ids alone, never on timing.
public enum MemberFileNames {
    /// Names reserved for the team files written beside the members' records.
    public static let reserved: Set<String> = ["team-summary"]

    /// The safe stem (no extension) for one id, before collisions are resolved.
    public static func stem(for id: String) -> String {
        var out = ""
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                // One dash per run of unsafe bytes keeps `../../x` readable as `-x`.
                if !out.hasSuffix("-") { out += "-" }
            }
            if out.utf8.count >= 80 { break }
        }
        let trimmed = out.drop { $0 == "-" }
        let stem = trimmed.isEmpty ? "member" : String(trimmed)
        return reserved.contains(stem.lowercased()) ? stem + "-member" : stem
    }

    /// Safe, unique stems for `ids`, returned in the same order as `ids`.
    /// Uniqueness ignores case, so the names also work on case-insensitive file systems.
    public static func assign(_ ids: [String]) -> [String] {
        let order = ids.indices.sorted { (ids[$0], $0) < (ids[$1], $1) }
        var taken = Set<String>()
        var result = Array(repeating: "", count: ids.count)
        for index in order {
            let base = stem(for: ids[index])
            var candidate = base, n = 2
            while taken.contains(candidate.lowercased()) {
                candidate = "\(base)-\(n)"
                n += 1
            }
            taken.insert(candidate.lowercased())
            result[index] = candidate
        }
        return result
    }
}
