import Foundation
import Testing
@testable import CPDKit

@Suite("Import: fixtures")
struct ImportFixtureTests {
    private func load(_ names: [String], _ options: ImportOptions = ImportOptions()) -> ImportResult {
        LogImporter.load(paths: names.map(ImportSupport.fixture), options: options)
    }

    @Test("Amelia Smith's CSV log imports with no diagnostics and meets FCA RIA comfortably")
    func ameliaCSV() throws {
        let r = load(["amelia-smith-2026.csv"])
        #expect(r.diagnostics.isEmpty)
        let record = try #require(r.records.first)
        #expect(r.records.count == 1)
        #expect(record.activities.count == 22)
        #expect(record.activities.map(\.minutes).sum() == Minutes(hours: 47, minutes: 30))
        #expect(record.activities.filter { $0.type == .structured }.map(\.minutes).sum() == Minutes(hours: 36))
        let meeting = try #require(record.activities.first { $0.title == "Thrive group meeting: new way of working" })
        #expect(meeting.type == .unstructured)
        #expect(meeting.method == "group meeting")
        #expect(meeting.evidence == ["signed attendance letter", "meeting notes"])
        #expect(meeting.reflection?.contains("\n") == true)
        #expect(record.activities.contains { $0.categories.contains("ethics") })
    }

    @Test("the needs file links the ids the log names")
    func needsFile() throws {
        let r = load(["amelia-smith-2026.csv"], ImportOptions(needsFile: ImportSupport.fixture("amelia-smith-2026-needs.csv"),
                                                              memberID: "M00001", memberName: "Amelia Smith"))
        #expect(r.diagnostics.isEmpty)
        let record = try #require(r.records.first)
        #expect(record.member == Member(name: "Amelia Smith", id: "M00001"))
        #expect(record.needs.map(\.id) == ["N1", "N2", "N3", "N4", "N5"])
        #expect(record.needs[0].description == "Keep up to date with Consumer Duty and regulatory change")
        #expect(record.needs[3].status == .carriedOver)
        #expect(record.needs[0].target == CalendarDate(year: 2026, month: 6, day: 30))
        #expect(record.activities[10].needs == ["N1", "N3"])
    }

    @Test("the JSON record is the same record as the CSV with its needs file")
    func jsonMatchesCSV() throws {
        let fromJSON = try #require(load(["amelia-smith-2026.json"]).records.first)
        let fromCSV = try #require(load(["amelia-smith-2026.csv"], ImportOptions(needsFile: ImportSupport.fixture("amelia-smith-2026-needs.csv"))).records.first)
        #expect(fromJSON.member.membershipNumber == "100001")
        #expect(fromJSON.needs.map(\.description) == fromCSV.needs.map(\.description))
        let strip = { (a: Activity) -> Activity in var c = a; c.source = nil; return c }
        #expect(fromJSON.activities.map(strip) == fromCSV.activities.map(strip))
    }

    @Test("the team file holds four members, one of them short of 35 hours")
    func team() {
        let r = load(["team-advice.csv"])
        #expect(r.diagnostics.isEmpty)
        #expect(r.isTeam)
        #expect(r.records.map(\.member.id) == ["M00001", "M00002", "M00003", "M00004"])
        #expect(r.records.filter { $0.activities.map(\.minutes).sum() < Minutes(hours: 35) }.map(\.member.name) == ["Tomasz Evans"])
    }

    @Test("semicolon, tab and month-first variants read without problems", arguments: [
        ("formats/semicolon-dmy-bom-crlf.csv", 4, 450), ("formats/tab-dmy.tsv", 3, 270), ("formats/mdy-aliases.csv", 4, 345),
    ])
    func formats(name: String, count: Int, minutes: Int) throws {
        let r = load([name])
        #expect(r.diagnostics.isEmpty)
        let record = try #require(r.records.first)
        #expect(record.activities.count == count)
        #expect(record.activities.map(\.minutes).sum() == Minutes(minutes))
    }

    @Test("a folder reads every log in it and merges the same member")
    func folderAndMerge() {
        let r = load(["formats"])
        // Four files, all without member columns: one (nameless) member.
        #expect(r.records.count == 1)
        #expect(r.records.first?.activities.map(\.number) == Array(1...13))
        #expect(r.diagnostics.count == 1)
    }

    @Test("every invalid fixture gives the diagnostic its README promises")
    func invalid() throws {
        let readme = try String(contentsOfFile: ImportSupport.fixture("invalid/README.md"), encoding: .utf8)
        let rows = readme.split(separator: "\n").filter { $0.hasPrefix("| `") }
        #expect(rows.count == 14)
        for row in rows {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
            let (name, expected) = (cells[0], cells[1])
            let path = ImportSupport.fixture("invalid/" + name)
            let r = LogImporter.load(paths: [path], options: ImportOptions())
            let printed = r.diagnostics.map { $0.description.replacingOccurrences(of: ImportSupport.root + "/", with: "") }
            #expect(printed == [expected], "\(name)")
            #expect(r.hasErrors)
        }
    }
}
