import CPDKit
import Foundation
import Testing

/// `cpd check` reads a team member by member; what it prints must be exactly what it printed
/// when it held every record: `CheckOutput.teamJSON` / `text` over `LogImporter.load`.
@Suite("CLI: check streams a team")
struct CheckStreamTests {
    /// The output the all-at-once path gives, computed here in-process.
    static func expected(_ paths: [String], json: Bool) throws -> (String, Int32) {
        let result = LogImporter.load(paths: paths, options: ImportOptions())
        let profile = try BodyCatalog.profile("fca-ria")
        let members = try result.records.map { [try Assessor.assess($0, against: profile, selection: .year(2026), options: AssessOptions())] }
        let text = json
            ? CheckOutput.teamJSON(members, diagnostics: result.diagnostics)
            : members.map { CheckOutput.text(member: $0) }.joined(separator: "\n")
        let compliant = members.allSatisfy { $0.allSatisfy(\.compliant) }
        return (text.hasSuffix("\n") ? text : text + "\n", compliant ? 0 : 1)
    }

    /// A team of `members` whose rows are interleaved, some short of hours, in a fresh folder.
    static func team(members: Int) throws -> String {
        let dir = NSTemporaryDirectory() + "cpd-check-stream-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var rows: [String] = []
        for a in 0..<12 {
            for m in 0..<members where a < 4 + m % 9 {
                rows.append("Member \(m),M\(m),2026-\(String(format: "%02d", a + 1))-10,Course \(a),\(m % 3 + 2).5,\(a % 2 == 0 ? "structured" : "unstructured"),\"Learnt \(a), \"\"really\"\"\"")
            }
        }
        try ("member,member_id,date,title,hours,type,reflection\n" + rows.joined(separator: "\n") + "\n")
            .write(toFile: dir + "/team.csv", atomically: true, encoding: .utf8)
        return dir
    }

    @Test("team JSON is byte-identical to CheckOutput.teamJSON over load", arguments: ["fixture", "generated"])
    func teamJSON(input: String) throws {
        let dir = input == "generated" ? try Self.team(members: 300) : nil
        defer { if let dir { try? FileManager.default.removeItem(atPath: dir) } }
        let path = dir.map { $0 + "/team.csv" } ?? Harness.fixture("team-advice.csv")
        let (want, status) = try Self.expected([path], json: true)
        let out = try Harness.run(Harness.cpdPath, ["check", path, "--body", "fca-ria", "--period", "2026", "--json"])
        #expect(out.stdout == want)
        #expect(out.status == status)
    }

    @Test("the text table of a team is the same as before, member after member")
    func teamText() throws {
        let dir = try Self.team(members: 300)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (want, status) = try Self.expected([dir + "/team.csv"], json: false)
        let out = try Harness.run(Harness.cpdPath, ["check", dir + "/team.csv", "--body", "fca-ria", "--period", "2026"])
        #expect(out.stdout == want)
        #expect(out.status == status)
        #expect(status == 1) // some members fall short: the exit status is decided over the whole team
    }

    @Test("--member picks one member of a streamed team; an unknown one names those there are")
    func oneMember() throws {
        let dir = try Self.team(members: 5)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/team.csv"
        let out = try Harness.run(Harness.cpdPath, ["check", path, "--body", "fca-ria", "--period", "2026", "--json", "--member", "M3"])
        #expect(out.stdout.hasPrefix("{\"member\": {\"name\": \"Member 3\", \"id\": \"M3\"}"))
        let missing = try Harness.run(Harness.cpdPath, ["check", path, "--body", "fca-ria", "--period", "2026", "--member", "M99"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no member 'M99' in the input; it holds: M0, M1, M2, M3, M4"))
    }
}
