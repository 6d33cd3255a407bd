import Foundation
import Testing

/// `cpd batch` and `cpd summary` through the binary.
@Suite struct BatchTests {
    static let header = "member,member_id,date,title,type,hours,reflection\n"

    /// A team CSV: `members` members with ids, each with activities totalling `hours(i)`.
    static func teamCSV(ids: [String], hours: (Int) -> Int = { 30 + $0 }) -> String {
        var csv = header
        for (i, id) in ids.enumerated() {
            let h = hours(i)
            csv += "Member \(i),\(id),2026-02-0\(1 + i % 9),Course for \(i),structured,\(h - 10),Reflection \(i)\n"
            csv += "Member \(i),\(id),2026-06-1\(i % 9),Reading for \(i),unstructured,10,Reflection \(i)\n"
        }
        return csv
    }

    static func files(_ dir: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
    }

    /// The same JSON value always prints the same way: keys sorted.
    static func canonical(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }

    static func json(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func teamCSVWritesEveryMemberAndASummaryThatAgreesWithCheck() throws {
        let dir = try Harness.tempDir()
        try Harness.write(Self.teamCSV(ids: ["M1", "M2", "M3"], hours: { [40, 30, 36][$0] }), to: dir + "/team.csv")
        let out = dir + "/out"
        let r = try Harness.cpd(["batch", dir + "/team.csv", "--body", "fca-ria", "--period", "2026", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try Self.files(out)
        #expect(files.filter { $0.hasSuffix(".pdf") && $0 != "team-summary.pdf" }.count == 3)
        for name in ["team-summary.csv", "team-summary.json"] { #expect(files.contains(name)) }
        let summary = try Self.json(out + "/team-summary.json")
        #expect(summary["compliant"] as? Bool == false)
        let members = try #require(summary["members"] as? [[String: Any]])
        #expect(members.count == 3)
        // Largest shortfall first: M2 (30 h) leads.
        #expect((members.first?["member"] as? [String: Any])?["id"] as? String == "M2")
        for member in members {
            let id = try #require((member["member"] as? [String: Any])?["id"] as? String)
            let own = try Harness.cpd(["check", dir + "/team.csv", "--member", id, "--body", "fca-ria", "--period", "2026", "--json"])
            let ownObject = try JSONSerialization.jsonObject(with: Data(own.stdout.utf8))
            #expect(try Self.canonical(ownObject) == Self.canonical(member), "summary disagrees with check --json for \(id)")
        }
        let csv = try String(contentsOfFile: out + "/team-summary.csv", encoding: .utf8).split(separator: "\n")
        #expect(csv.count == 4)
        #expect(csv[1].hasPrefix("Member 1,M2,M2.pdf,short,6,30,20,short by 5,short by 1"))
        let pdf = out + "/M1.pdf"
        #expect(try Harness.pdfText(pdf).contains("Member 0"))
        #expect(files.contains("team-summary.pdf"))
        let teamText = try Harness.pdfText(out + "/team-summary.pdf")
        for id in ["M1", "M2", "M3"] { #expect(teamText.contains(id), "team-summary.pdf lacks \(id)") }
    }

    @Test func teamJSONAndFolderInputsMergeTheSameMember() throws {
        let dir = try Harness.tempDir()
        let team = """
            {"team": {"name": "Advice"}, "members": [
              {"member": {"name": "Ann", "id": "A1"}, "activities": [{"date": "2026-03-01", "title": "Course", "type": "structured", "hours": 21, "reflection": "r"}]},
              {"member": {"name": "Bob", "id": "B2"}, "activities": [{"date": "2026-03-02", "title": "Course", "type": "structured", "hours": 35, "reflection": "r"}]}]}
            """
        try Harness.write(team, to: dir + "/team.json")
        try FileManager.default.createDirectory(atPath: dir + "/more", withIntermediateDirectories: true)
        // Ann again, in a folder of per-member files: her two logs make one record.
        try Harness.write("""
            {"member": {"name": "Ann", "id": "A1"}, "activities": [{"date": "2026-04-01", "title": "Reading", "type": "unstructured", "hours": 14, "reflection": "r"}]}
            """, to: dir + "/more/ann.json")
        try Harness.write("member,member_id,date,title,type,hours,reflection\nCy,C3,2026-05-01,Course,structured,1,r\n", to: dir + "/more/cy.csv")
        let out = dir + "/out"
        let r = try Harness.cpd(["batch", dir + "/team.json", dir + "/more", "--body", "fca-ria", "--period", "2026", "--out", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "--quiet prints nothing: \(r.stderr)")
        #expect(Set(try Self.files(out).filter { $0.hasSuffix(".pdf") && $0 != "team-summary.pdf" }) == ["A1.pdf", "B2.pdf", "C3.pdf"])
        let members = try #require(try Self.json(out + "/team-summary.json")["members"] as? [[String: Any]])
        let ann = try #require(members.first { ($0["member"] as? [String: Any])?["id"] as? String == "A1" })
        #expect(((ann["totals"] as? [String: Any])?["hours"] as? NSNumber)?.doubleValue == 35)
        // The team JSON's name heads the team overview.
        #expect(try Harness.pdfText(out + "/team-summary.pdf").contains("Advice"))
    }

    @Test func outputDoesNotDependOnJobs() throws {
        let dir = try Harness.tempDir()
        try Harness.write(Self.teamCSV(ids: (1...12).map { "ID\($0)" }), to: dir + "/team.csv")
        for jobs in ["1", "4"] {
            let r = try Harness.cpd(["batch", dir + "/team.csv", "--body", "fca-ria", "--period", "2026", "--out", dir + "/j" + jobs, "--jobs", jobs, "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let one = try Self.files(dir + "/j1"), four = try Self.files(dir + "/j4")
        #expect(one == four && one.count >= 14)
        for name in one {
            let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/j1/" + name))
            let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/j4/" + name))
            #expect(a == b, "\(name) differs between --jobs 1 and --jobs 4")
        }
    }

    @Test func shardsAreDisjointCompleteAndMerge() throws {
        let dir = try Harness.tempDir()
        let ids = (1...30).map { "S\($0)" }
        try Harness.write(Self.teamCSV(ids: ids), to: dir + "/team.csv")
        var seen: [String] = []
        for k in 1...3 {
            let r = try Harness.cpd(["batch", dir + "/team.csv", "--body", "fca-ria", "--period", "2026", "--out", dir + "/s\(k)", "--shard", "\(k)/3", "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
            seen += try Self.files(dir + "/s\(k)").filter { $0.hasPrefix("S") }
        }
        #expect(seen.count == 30)
        #expect(Set(seen) == Set(ids.map { $0 + ".pdf" }))
        let full = try Harness.cpd(["batch", dir + "/team.csv", "--body", "fca-ria", "--period", "2026", "--out", dir + "/all", "--quiet"])
        #expect(full.status == 0)
        let merged = try Harness.cpd(["summary", dir + "/s1", dir + "/s2", dir + "/s3", "--out", dir + "/merged"])
        #expect(merged.status == 0, "\(merged.stderr)")
        for name in ["team-summary.json", "team-summary.csv"] {
            let a = try String(contentsOfFile: dir + "/all/" + name, encoding: .utf8)
            let b = try String(contentsOfFile: dir + "/merged/" + name, encoding: .utf8)
            #expect(a == b, "merged \(name) differs from a single run's")
        }
    }

    @Test func hostileIdsStayInsideTheOutputFolder() throws {
        let dir = try Harness.tempDir()
        try Harness.write(Self.teamCSV(ids: ["../../escape", "/etc/escape", "a/b", "", "..", "team-summary"]), to: dir + "/team.csv")
        let out = dir + "/deep/out"
        let r = try Harness.cpd(["batch", dir + "/team.csv", "--body", "fca-ria", "--period", "2026", "--out", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        // Everything written is directly inside `out`; nothing appeared beside or above it.
        #expect(try Self.files(dir) == ["deep", "team.csv"])
        #expect(try Self.files(dir + "/deep") == ["out"])
        #expect(!FileManager.default.fileExists(atPath: "/etc/escape.pdf"))
        let files = try Self.files(out)
        #expect(files.filter { $0.hasSuffix(".pdf") }.count == 6 + (files.contains("team-summary.pdf") ? 1 : 0))
        for name in files { #expect(!name.contains("/") && !name.hasPrefix(".")) }
    }

    @Test func bodyOptionsReachTheCheckAndABadOneStopsBeforeAnyRecord() throws {
        let dir = try Harness.tempDir()
        try Harness.write(Self.teamCSV(ids: ["O1", "O2"]), to: dir + "/team.csv")
        let bad = try Harness.cpd(["batch", dir + "/team.csv", "--body", "icaew", "--period", "2026", "--option", "category=nonsense", "--out", dir + "/bad"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("nonsense"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/bad/O1.pdf"))
        let good = try Harness.cpd(["batch", dir + "/team.csv", "--body", "icaew", "--period", "2026", "--option", "category=outside-3", "--out", dir + "/good", "--quiet"])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir + "/good/O1.pdf"))
    }

    @Test func unwritableOutputIsAClearError() throws {
        let dir = try Harness.tempDir()
        try Harness.write(Self.teamCSV(ids: ["X1"]), to: dir + "/team.csv")
        try Harness.write("not a folder", to: dir + "/file")
        let r = try Harness.cpd(["batch", dir + "/team.csv", "--body", "fca-ria", "--period", "2026", "--out", dir + "/file/sub"])
        #expect(r.status == 2)
        #expect(r.stderr.contains(dir + "/file/sub"))
        #expect(try String(contentsOfFile: dir + "/file", encoding: .utf8) == "not a folder")
    }

    @Test func oneInvalidMemberIsNamedAndTheOthersAreWritten() throws {
        let dir = try Harness.tempDir()
        var csv = Self.teamCSV(ids: ["OK1", "OK2"])
        csv += "Broken,BAD,2026-02-30,Course,structured,2,r\n"
        try Harness.write(csv, to: dir + "/team.csv")
        let out = dir + "/out"
        let r = try Harness.cpd(["batch", dir + "/team.csv", "--body", "fca-ria", "--period", "2026", "--out", out])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("BAD"))
        #expect(r.stderr.contains(dir + "/team.csv:6"))
        let files = try Self.files(out)
        #expect(files.contains("OK1.pdf") && files.contains("OK2.pdf") && !files.contains("BAD.pdf"))
        let summary = try Self.json(out + "/team-summary.json")
        let failures = try #require(summary["failures"] as? [[String: Any]])
        #expect(failures.count == 1)
        #expect((failures.first?["member"] as? [String: Any])?["id"] as? String == "BAD")
        let csvText = try String(contentsOfFile: out + "/team-summary.csv", encoding: .utf8)
        #expect(csvText.contains("Broken,BAD,,invalid"))
    }
}
