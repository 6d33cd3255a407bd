import CPDData
import Foundation

/// The body profiles built into cpd (from `Bodies/*.yaml`) and a user's own profile files.
public enum BodyCatalog {
    /// The ids of the built-in profiles, sorted.
    public static var builtinIDs: [String] {
        EmbeddedData.bodies.keys.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Whether `--body` names a file rather than a built-in id.
    public static func isPath(_ idOrPath: String) -> Bool {
        idOrPath.contains("/") || idOrPath.hasSuffix(".yaml") || idOrPath.hasSuffix(".yml")
    }

    /// A built-in profile by id (`sra`), or a user's profile by path (`./my-body.yaml`).
    /// An unknown id is an error that lists the known ones.
    public static func profile(_ idOrPath: String) throws -> BodyProfile {
        if isPath(idOrPath) {
            // A profile is a page of rules; refusing huge or endless files (/dev/zero) keeps a typo from hanging cpd.
            if let problem = UserDataFile.problem(idOrPath) { throw ProfileError(file: idOrPath, message: problem) }
            guard let data = FileManager.default.contents(atPath: idOrPath) else {
                throw ProfileError(file: idOrPath, message: "cannot read the profile file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ProfileError(file: idOrPath, message: "the profile file is not UTF-8 text")
            }
            return try parse(yaml: text, file: idOrPath)
        }
        guard let text = EmbeddedData.bodies[idOrPath + ".yaml"] else {
            throw ProfileError(file: nil, message: "unknown body '\(idOrPath)'; known bodies: \(builtinIDs.joined(separator: ", ")) (or pass a path to a profile .yaml file)")
        }
        return try parse(yaml: text, file: "Bodies/\(idOrPath).yaml")
    }

    /// Every built-in profile, in id order.
    public static func builtinProfiles() throws -> [BodyProfile] {
        try builtinIDs.map { try profile($0) }
    }

    /// Reads and validates a profile. Mistakes are reported with the line and column:
    /// unknown keys, wrong types, and a `version` newer than this build supports.
    public static func parse(yaml: String, file: String) throws -> BodyProfile {
        try ProfileParser(file: file).parse(yaml)
    }
}
