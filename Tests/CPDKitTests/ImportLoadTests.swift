import Foundation
import Testing
@testable import CPDKit

/// `LogImporter.load` over real files: merging, sniffing, the needs file, overrides.
@Suite("Import: loading files")
struct ImportLoadTests {
    private func folder(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-import-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        return dir
    }

    @Test("the same member in two files is one record: by id, else by name; needs are joined")
    func merge() throws {
        let dir = try folder([
            "a.json": #"{"member": {"name": "Ann", "id": "M1"}, "needs": [{"id": "N1", "description": "Tax"}], "activities": [{"date": "2026-01-01", "title": "x", "type": "structured", "hours": 1, "needs": ["N1"]}]}"#,
            "b.csv": "member,member_id,date,title,type,hours,needs\nAnn,M1,2026-02-01,y,structured,2,Ethics\nBob,M2,2026-02-02,z,structured,1,\n",
            "c.csv": "member,date,title,type,hours,needs\nAnn,2026-03-01,w,unstructured,1,tax\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = LogImporter.load(paths: [dir], options: ImportOptions())
        #expect(r.diagnostics.isEmpty)
        #expect(r.isTeam)
        #expect(r.records.map(\.member.id) == ["M1", "M2"])
        let ann = try #require(r.records.first)
        #expect(ann.activities.map(\.title) == ["x", "y", "w"])
        #expect(ann.activities.map(\.number) == [1, 2, 3])
        #expect(ann.needs.map(\.description) == ["Tax", "Ethics"])
        #expect(ann.activities.map(\.needs) == [["N1"], ["N2"], ["N1"]])
    }

    @Test("files without a known extension are sniffed")
    func sniff() throws {
        let dir = try folder(["log": #"  {"activities": [{"date": "2026-01-01", "title": "x", "type": "structured", "hours": "1h"}]}"#,
                              "log2": "date,title,type,hours\n2026-01-01,x,structured,1\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = LogImporter.load(paths: [dir + "/log", dir + "/log2"], options: ImportOptions(memberName: "Zed"))
        #expect(r.diagnostics.isEmpty)
        #expect(r.records.count == 1)
        #expect(r.records.first?.member.name == "Zed")
        #expect(r.records.first?.activities.map(\.minutes.value) == [60, 60])
    }

    @Test("needs file problems are reported with their lines")
    func badNeedsFile() throws {
        let dir = try folder(["needs.csv": "id,description,priority,target,status\nN1,Tax,urgent,2026-01-01,open\nN2,Law,low,2026-02-30,done\n,Ethics,,,\n",
                              "log.csv": "date,title,type,hours,needs\n2026-01-01,x,structured,1,Ethics\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = LogImporter.load(paths: [dir + "/log.csv"], options: ImportOptions(needsFile: dir + "/needs.csv"))
        let lines = r.diagnostics.map { "\($0.line ?? 0): \($0.message)" }
        #expect(lines == ["2: priority \"urgent\" is not known; accepted: high, medium, low",
                          "3: status \"done\" is not known; accepted: open, met, carried over"])
        // The row without an id gets one and the log's words link to it.
        #expect(r.records.first?.needs.map(\.id) == ["N1"])
        #expect(r.records.first?.needs.first?.description == "Ethics")
        #expect(r.records.first?.activities.first?.needs == ["N1"])
    }

    @Test("a missing path is an error naming it")
    func missing() {
        let r = LogImporter.load(paths: ["/nonexistent/cpd.csv"], options: ImportOptions())
        #expect(r.diagnostics.map(\.description) == ["/nonexistent/cpd.csv: error: no such file or directory"])
    }

    @Test("JSON slash dates need --date-format")
    func jsonSlashDates() {
        let text = #"{"activities": [{"date": "14/03/2026", "title": "x", "type": "structured", "hours": 1}]}"#
        #expect(ImportSupport.json(text).hasErrors)
        let r = ImportSupport.json(text, options: ImportOptions(dateOrder: .dayFirst))
        #expect(r.records.first?.activities.first?.date == CalendarDate(year: 2026, month: 3, day: 14))
    }
}
