import Foundation
import Testing
@testable import CPDKit

/// Output files and user-supplied profiles: modes, sizes, and YAML that tries to be more than data.
@Suite(.serialized) struct HardeningSafetyTests {
    static func tempDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-harden-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func outputIs0644EvenUnderAPermissiveUmask() throws {
        let dir = try Self.tempDir()
        let old = umask(0)
        defer { umask(old) }
        try AtomicFile.write(Array("%PDF-1.5".utf8), to: dir + "/a.pdf")
        let mode = try #require(FileManager.default.attributesOfItem(atPath: dir + "/a.pdf")[.posixPermissions] as? Int)
        #expect(mode == 0o644)
    }

    @Test func writingOverAFolderOrIntoAMissingOneLeavesNothing() throws {
        let dir = try Self.tempDir()
        try FileManager.default.createDirectory(atPath: dir + "/out.pdf", withIntermediateDirectories: false)
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write([1, 2, 3], to: dir + "/out.pdf") }
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write([1, 2, 3], to: dir + "/missing/out.pdf") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.pdf"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/out.pdf").isEmpty)
    }

    @Test func aProfileOverOneMegabyteIsRefused() throws {
        let dir = try Self.tempDir()
        let text = "version: 1\n" + String(repeating: "# padding\n", count: 110_000)
        try text.write(toFile: dir + "/big.yaml", atomically: true, encoding: .utf8)
        let error = try #require(throws: ProfileError.self) { try BodyCatalog.profile(dir + "/big.yaml") }
        #expect(error.description.hasPrefix(dir + "/big.yaml: error: "))
        #expect(error.description.contains("at most 1048576 bytes"))
    }

    @Test func aProfilePathThatIsNotAFileIsRefused() throws {
        let error = try #require(throws: ProfileError.self) { try BodyCatalog.profile("/dev/zero") }
        #expect(error.description.contains("not a regular file"))
        let folder = try #require(throws: ProfileError.self) { try BodyCatalog.profile(Self.tempDir() + "/") }
        #expect(folder.description.contains("not a regular file"))
    }

    /// YAML aliases can describe a billion nodes in a few lines; reading must end quickly, in an error
    /// or a profile, never walk them all.
    @Test(.timeLimit(.minutes(1)), arguments: ["requirements", "findings", "provenance", "name"])
    func aliasExpansionDoesNotHang(key: String) throws {
        // Ten levels of ten aliases each: 10^10 leaves if expanded.
        var bomb = "&a0 [x, x, x, x, x, x, x, x, x, x]"
        for i in 1...9 { bomb = "&a\(i) [" + bomb + ", " + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]" }
        let yaml = "version: 1\nid: bomb\nname: Bomb\nunit: hours\nperiod: calendar-year\n"
            .replacingOccurrences(of: "name: Bomb\n", with: key == "name" ? "" : "name: Bomb\n") + "\(key): " + bomb + "\n"
        #expect(throws: ProfileError.self) { try BodyCatalog.parse(yaml: yaml, file: "bomb.yaml") }
    }

    /// No code path starts a program or lets user text become Pango markup or a printf format:
    /// a scan of every source file, so a new call is caught when it is added.
    @Test func noShellNoMarkupNoUserFormatStrings() throws {
        let sources = ImportSupport.root + "/Sources"
        let files = try #require(FileManager.default.enumerator(atPath: sources)?.allObjects as? [String]).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 50)
        // String(format:) only where every argument is a number cpd computed.
        let formatAllowed: Set = ["cpd/ProgressMeter.swift", "cpd/Catalogs.swift", "cpd-floor/main.swift"]
        for file in files {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            for call in ["Process()", "popen(", "system(", "posix_spawn", "execv", "pango_layout_set_markup", "pango_parse_markup"] {
                #expect(!text.contains(call), "\(file) calls \(call)")
            }
            if !formatAllowed.contains(file) { #expect(!text.contains("String(format:"), "\(file) uses String(format:)") }
        }
    }
}
