import Foundation
import Testing
@testable import CPDKit

/// The streaming import gives what `load` gives: the same records in the same order, the same diagnostics.
@Suite("Import: member stream")
struct ImportStreamTests {
    static let fixtures: [String] = {
        let root = ImportSupport.root + "/Fixtures"
        var out: [String] = []
        for folder in ["", "/formats", "/invalid"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root + folder)) ?? []
            let prefix = folder.isEmpty ? "" : String(folder.dropFirst()) + "/"
            out += names.filter { $0.hasSuffix(".csv") || $0.hasSuffix(".tsv") || $0.hasSuffix(".json") }.map { prefix + $0 }
        }
        return out.sorted()
    }()

    /// Asserts stream == load for these paths and options; returns the stream for further checks.
    @discardableResult
    static func expectSame(_ paths: [String], _ options: ImportOptions = ImportOptions(), chunkSize: Int = 1 << 22,
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) -> MemberStream {
        let loaded = LogImporter.load(paths: paths, options: options)
        let stream = LogImporter.members(paths: paths, options: options, chunkSize: chunkSize)
        let items = Array(stream)
        #expect(items.map(\.record) == loaded.records, sourceLocation: sourceLocation)
        #expect(stream.diagnostics == loaded.diagnostics, sourceLocation: sourceLocation)
        #expect(stream.isTeam == loaded.isTeam, sourceLocation: sourceLocation)
        #expect(stream.keys.map(\.name) == loaded.records.map(\.member.name), sourceLocation: sourceLocation)
        #expect(stream.keys.map(\.id) == loaded.records.map(\.member.id), sourceLocation: sourceLocation)
        return stream
    }

    @Test("every fixture streams to the records and diagnostics load gives", arguments: fixtures)
    func fixture(name: String) {
        Self.expectSame([ImportSupport.fixture(name)])
    }

    @Test("a needs file and --member/--name apply as load applies them")
    func needsAndOverrides() {
        let log = ImportSupport.fixture("amelia-smith-2026.csv")
        Self.expectSame([log], ImportOptions(needsFile: ImportSupport.fixture("amelia-smith-2026-needs.csv")))
        Self.expectSame([log], ImportOptions(memberID: "X9", memberName: "Someone Else"))
        Self.expectSame([log, ImportSupport.fixture("amelia-smith-2026.json")])
        Self.expectSame([ImportSupport.fixture("team-advice.csv")], ImportOptions(memberID: "X9"))
    }

    @Test("a generated team with interleaved members, read in small chunks, streams as load reads it", arguments: [64, 1000, 1 << 22])
    func interleaved(chunkSize: Int) throws {
        let dir = try TeamFiles.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/team.csv"
        try TeamFiles.team(members: 30, activities: 7, interleaved: true, seed: 3).write(toFile: path, atomically: true, encoding: .utf8)
        let stream = Self.expectSame([path], chunkSize: chunkSize)
        #expect(stream.count == 30)
        #expect(stream.member(4).record.activities.count == 7)
    }

    @Test("a member split across two files and across non-neighbouring rows is one member")
    func splitAcrossFiles() throws {
        let dir = try TeamFiles.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try TeamFiles.team(members: 12, activities: 5, interleaved: true, seed: 5).write(toFile: dir + "/a.csv", atomically: true, encoding: .utf8)
        try TeamFiles.team(members: 6, activities: 3, interleaved: false, seed: 9, firstMember: 8).write(toFile: dir + "/b.csv", atomically: true, encoding: .utf8)
        try """
            {"member": {"name": "Member 3", "id": "M0003"}, "activities": [
              {"date": "2026-05-01", "title": "From JSON", "hours": 2, "type": "structured"}]}
            """.write(toFile: dir + "/c.json", atomically: true, encoding: .utf8)
        let stream = Self.expectSame([dir])
        let ids = stream.keys.map(\.id)
        #expect(Set(ids).count == ids.count)
        let third = stream.member(ids.firstIndex(of: "M0003")!).record
        #expect(third.activities.count == 6)
        #expect(third.activities.last?.title == "From JSON")
        Self.expectSame([dir + "/b.csv", dir + "/a.csv"], chunkSize: 100)
    }

    @Test("bad rows, slash dates, CRLF, blank lines and quoted line breaks keep their lines and members")
    func awkwardRows() throws {
        let dir = try TeamFiles.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = "\u{FEFF}member,member_id,date,title,hours,type,reflection\r\n"
            + "Ann,A1,14/03/2026,Course,1.5,structured,\"two\r\nlines\"\r\n"
            + "\r\n   \r\n"
            + "Bob,B1,15/03/2026,Talk,two,structured,\r\n"
            + "Ann,A1,16/03/2026,Read,1,unstructured,\"say \"\"hi\"\"\"\r\n"
            + "Bob,B1,31/02/2026,Webinar,1,structured,\r\n"
            + ",,17/03/2026,Nobody,1,structured,\r\n"
            + "Cy,,18/03/2026,Named only,1,structured,\r\n"
            + "Bob,B1,19/03/2026,Again,1,structured,\r\n"
            + "Ann,A1,20/03/2026,Last,1,structured,"
        try text.write(toFile: dir + "/t.csv", atomically: true, encoding: .utf8)
        for chunk in [16, 50, 1 << 22] {
            let stream = Self.expectSame([dir + "/t.csv"], chunkSize: chunk)
            let bob = stream.member(1)
            #expect(bob.record.member.id == "B1")
            #expect(bob.diagnostics.count == 2)
            #expect(bob.diagnostics.allSatisfy { $0.member == "B1" })
        }
        // The same file whose dates settle month first, and one where they conflict.
        let mdy = text.replacingOccurrences(of: "14/03/2026", with: "03/14/2026")
        try mdy.write(toFile: dir + "/mdy.csv", atomically: true, encoding: .utf8)
        Self.expectSame([dir + "/mdy.csv"])
        Self.expectSame([dir + "/t.csv"], ImportOptions(dateOrder: .monthFirst))
    }
}

/// Generated team CSVs for the stream tests.
enum TeamFiles {
    static func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "cpd-stream-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// `members` × `activities` rows; interleaved: row k belongs to a member picked by a small LCG, so runs break often.
    static func team(members: Int, activities: Int, interleaved: Bool, seed: UInt64, firstMember: Int = 1) -> String {
        var rows: [(Int, Int)] = []
        for m in 0..<members { for a in 0..<activities { rows.append((m, a)) } }
        if interleaved {
            var state = seed
            for k in stride(from: rows.count - 1, to: 0, by: -1) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                rows.swapAt(k, Int(state >> 33) % (k + 1))
            }
        }
        var out = "member,member_id,date,title,hours,type,categories,needs,reflection\n"
        for (m, a) in rows {
            let n = m + firstMember
            let id = String(format: "M%04d", n)
            let date = String(format: "2026-%02d-%02d", a % 12 + 1, a % 28 + 1)
            let reflection = a % 3 == 0 ? "\"Learnt, \"\"much\"\"\nabout \(a)\"" : "plain \(a)"
            out += "Member \(n),\(id),\(date),Activity \(a) of \(n),\(a % 4 + 1).5,\(a % 2 == 0 ? "structured" : "unstructured"),ethics;tax,N\(a % 3),\(reflection)\n"
        }
        return out
    }
}
