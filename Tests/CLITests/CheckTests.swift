import Foundation
import Testing

/// `cpd check` through the binary: exit codes, the JSON shape, invalid input.
@Suite struct CheckTests {
    /// One structured row of `structured` hours and one unstructured row of `unstructured` hours.
    static func log(structured: String, unstructured: String) -> String {
        "date,title,type,hours,reflection\n2026-01-01,Course,structured,\(structured),Learned\n2026-12-31,Reading,unstructured,\(unstructured),Learned\n"
    }

    static func json(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func fixtureMeetsFCA() throws {
        let r = try Harness.cpd(["check", Harness.fixture("amelia-smith-2026.json"), "--body", "fca-ria", "--period", "2026"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("35"))
    }

    @Test(arguments: [("21", "14", Int32(0)), ("21", "13.75", Int32(1)), ("20.75", "14.25", Int32(1)), ("21:00", "14h", Int32(0))])
    func fcaBoundaries(structured: String, unstructured: String, status: Int32) throws {
        let dir = try Harness.tempDir()
        try Harness.write(Self.log(structured: structured, unstructured: unstructured), to: dir + "/log.csv")
        let r = try Harness.cpd(["check", dir + "/log.csv", "--body", "fca-ria", "--period", "2026", "--json"])
        #expect(r.status == status, "\(r.stdout)\(r.stderr)")
        let object = try Self.json(r.stdout)
        #expect(object["body"] as? String == "fca-ria")
        #expect(object["compliant"] as? Bool == (status == 0))
        let period = try #require(object["period"] as? [String: Any])
        #expect(period["start"] as? String == "2026-01-01" && period["end"] as? String == "2026-12-31")
        let totals = try #require(object["totals"] as? [String: Any])
        #expect((totals["hours"] as? NSNumber)?.doubleValue == (status == 0 || structured == "20.75" ? 35 : 34.75))
        let requirements = try #require(object["requirements"] as? [[String: Any]])
        #expect(!requirements.isEmpty)
        for requirement in requirements {
            for key in ["id", "description", "required", "counted", "met", "shortfall"] { #expect(requirement[key] != nil, "missing \(key)") }
        }
        if status == 1 {
            #expect(requirements.contains { ($0["shortfall"] as? NSNumber)?.doubleValue == 0.25 })
        }
        #expect(object["findings"] is [Any] && object["diagnostics"] is [Any] && object["member"] is [String: Any])
    }

    @Test func teamJSONListsEveryMember() throws {
        let r = try Harness.cpd(["check", Harness.fixture("team-advice.csv"), "--body", "fca-ria", "--period", "2026", "--json"])
        #expect(r.status == 1, "one member of the team falls short: \(r.stderr)")
        let object = try Self.json(r.stdout)
        #expect(object["compliant"] as? Bool == false)
        let members = try #require(object["members"] as? [[String: Any]])
        #expect(members.count == 4)
        #expect(members.filter { $0["compliant"] as? Bool == false }.count >= 1)
    }

    @Test func usageErrorsExitTwo() throws {
        let both = try Harness.cpd(["check", Harness.fixture("amelia-smith-2026.json"), "--body", "fca-ria", "--period", "2026", "--from", "2026-01-01", "--to", "2026-12-31"])
        #expect(both.status == 2)
        let unknownBody = try Harness.cpd(["check", Harness.fixture("amelia-smith-2026.json"), "--body", "no-such-body"])
        #expect(unknownBody.status == 2)
        #expect(unknownBody.stderr.contains("no-such-body"))
        let missing = try Harness.cpd(["check", "/nonexistent/log.csv", "--body", "generic"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/log.csv"))
    }

    static var invalidFixtures: [String] {
        let dir = Harness.root.appendingPathComponent("Fixtures/invalid").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { !$0.hasSuffix(".md") }.sorted()
    }

    @Test func thereAreInvalidFixtures() { #expect(Self.invalidFixtures.count >= 10) }

    @Test(arguments: invalidFixtures)
    func invalidInputExitsTwoNamesTheLineAndWritesNothing(name: String) throws {
        let path = Harness.fixture("invalid/" + name)
        let dir = try Harness.tempDir()
        let out = dir + "/existing.pdf"
        try Harness.write("previous contents", to: out)
        let r = try Harness.cpd(["report", path, "--body", "generic", "--period", "2026", "--name", "X", "-o", out])
        #expect(r.status == 2, "\(name): \(r.stderr)")
        // FILE:LINE for CSV, FILE: path for JSON; an empty file has no line to name.
        let located = r.stderr.contains(path + ":") && (r.stderr.contains(": error:"))
        #expect(located, "\(name): \(r.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "previous contents")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["existing.pdf"])
    }
}
