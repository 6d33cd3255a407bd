import Testing
@testable import CPDKit

@Suite("Import: CSV")
struct ImportCSVTests {
    private func only(_ r: ImportResult) -> Activity? { r.records.first?.activities.first }

    @Test("every documented header alias maps to its column", arguments: LogColumn.allCases.flatMap { c in ([c.name] + c.aliases).map { (c, $0) } })
    func alias(column: LogColumn, header: String) {
        #expect(LogHeader([header])[column] == 0)
        // Case, spaces, `_`, `-` and punctuation are ignored.
        #expect(LogHeader([header.uppercased().replacingSpaces(with: "_") + "!"])[column] == 0)
    }

    @Test("a row reads into every field")
    func allFields() {
        let r = ImportSupport.csv("""
        Activity Date,CPD Activity,Time Spent,Activity Type,Topic,Need addressed,Impact,Evidence kept,Organised by,Format,To
        2026-03-14,Thrive group meeting,2.5,unstructured,professional skills; ethics,N1; Be a better adviser,Learned a lot,signed attendance letter; meeting notes,Thrive,group meeting,2026-03-15

        """)
        #expect(r.diagnostics.isEmpty)
        let a = only(r)
        #expect(a?.title == "Thrive group meeting")
        #expect(a?.minutes == Minutes(150))
        #expect(a?.type == .unstructured)
        #expect(a?.categories == ["professional skills", "ethics"])
        #expect(a?.evidence == ["signed attendance letter", "meeting notes"])
        #expect(a?.reflection == "Learned a lot")
        #expect(a?.provider == "Thrive")
        #expect(a?.method == "group meeting")
        #expect(a?.endDate?.description == "2026-03-15")
        #expect(a?.number == 1)
        #expect(a?.source == SourceLocation(file: "log.csv", line: 2))
        let needs = r.records.first?.needs ?? []
        #expect(needs.map(\.description) == ["N1", "Be a better adviser"])
        #expect(a?.needs == needs.map(\.id))
    }

    @Test("RFC 4180: quoted commas, doubled quotes, line breaks; rows keep the line they start on")
    func quoting() {
        let r = ImportSupport.csv("date,title,type,hours,reflection\n2026-01-01,\"Ethics, law and \"\"duty\"\"\",structured,1,\"line one\nline two\r\nline three\"\n2026-01-02,next,structured,1,\n")
        #expect(r.diagnostics.isEmpty)
        let acts = r.records.first?.activities ?? []
        #expect(acts.first?.title == "Ethics, law and \"duty\"")
        #expect(acts.first?.reflection == "line one\nline two\nline three")
        #expect(acts.map { $0.source?.line } == [2, 5])
    }

    @Test("BOM, CRLF and mixed endings")
    func encodingAndEndings() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("date,title,type,hours\r\n2026-01-01,a,structured,1\n2026-01-02,b,structured,1\r\n\r\n2026-01-03,c,structured,1".utf8)
        let r = LogImporter.parseCSV(bytes, file: "log.csv", options: ImportOptions())
        #expect(r.diagnostics.isEmpty)
        #expect(r.records.first?.activities.map { $0.source?.line } == [2, 3, 5])
    }

    @Test("delimiter comes from the header line", arguments: [",", ";", "\t"])
    func delimiter(sep: String) {
        let text = ["date", "title", "type", "hours", "categories"].joined(separator: sep) + "\n"
            + ["2026-01-01", "\"Reading, mostly\"", "structured", sep == "," ? "\"1,5\"" : "1,5", "\"a;b\""].joined(separator: sep) + "\n"
        let r = ImportSupport.csv(text)
        #expect(ImportSupport.errors(r).isEmpty)
        #expect(only(r)?.minutes == Minutes(90))
        #expect(only(r)?.title == "Reading, mostly")
        #expect(only(r)?.categories == ["a", "b"])
    }

    @Test("type values and their synonyms", arguments: [
        ("type", "structured", ActivityType.structured), ("type", "Unstructured", .unstructured),
        ("type", "formal", .structured), ("type", "informal", .unstructured),
        ("type", "verifiable", .structured), ("type", "non-verifiable", .unstructured),
        ("structured?", "yes", .structured), ("structured?", "no", .unstructured),
    ])
    func types(header: String, value: String, expected: ActivityType) {
        let r = ImportSupport.csv("date,title,\(header),hours\n2026-01-01,a,\(value),1\n")
        #expect(only(r)?.type == expected)
    }

    @Test("yes/no is a type only under a structured? header")
    func yesNoNeedsHeader() {
        let r = ImportSupport.csv("date,title,type,hours\n2026-01-01,a,yes,1\n")
        #expect(ImportSupport.errors(r).first?.contains("accepted: structured, unstructured") == true)
    }

    @Test("every bad row is reported and skipped; the rest are read")
    func allProblemsAtOnce() {
        let r = ImportSupport.csv("date,title,type,hours\n2026-01-01,a,structured,x\n2026-01-02,b,workshop,1\n2026-01-03,c,structured,1\n2026-13-01,d,structured,-2\n")
        let lines = r.diagnostics.compactMap(\.line)
        #expect(lines == [2, 3, 5, 5])
        #expect(r.records.first?.activities.map(\.title) == ["c"])
        #expect(r.records.first?.activities.first?.number == 1)
    }

    @Test("unknown columns give exactly one warning, whatever the number of rows")
    func unknownColumns() {
        let r = ImportSupport.csv("date,title,type,hours,cost,room\n2026-01-01,a,structured,1,5,A\n2026-01-02,b,structured,1,5,B\n")
        #expect(r.diagnostics.count == 1)
        #expect(r.diagnostics.first?.severity == .warning)
        #expect(r.diagnostics.first?.message.contains("\"cost\", \"room\"") == true)
    }

    @Test("team files: one record per member in order of first appearance")
    func team() {
        let r = ImportSupport.csv("staff name,employee id,date,title,type,hours\nBea,E2,2026-01-01,a,structured,1\nAl,E1,2026-01-02,b,structured,2\nBea,E2,2026-01-03,c,unstructured,1\n")
        #expect(r.isTeam)
        #expect(r.records.map(\.member.name) == ["Bea", "Al"])
        #expect(r.records.map(\.member.id) == ["E2", "E1"])
        #expect(r.records.first?.activities.map(\.number) == [1, 2])
    }

    @Test("single-member CSV takes its member from the options")
    func memberFromOptions() {
        let r = ImportSupport.csv("date,title,type,hours\n2026-01-01,a,structured,1\n", options: ImportOptions(memberID: "M7", memberName: "Ann"))
        #expect(r.records.first?.member == Member(name: "Ann", id: "M7"))
        #expect(!r.isTeam)
        #expect(ImportSupport.csv("date,title,type,hours\n2026-01-01,a,structured,1\n").records.first?.member == Member(name: "", id: ""))
    }

    @Test("needs named by words get ids; the same words link to the same need")
    func needsFromText() {
        let r = ImportSupport.csv("date,title,type,hours,needs\n2026-01-01,a,structured,1,Learn tax\n2026-01-02,b,structured,1,learn tax; N9\n")
        let record = r.records.first
        #expect(record?.needs.map(\.id) == ["N1", "N9"])
        #expect(record?.activities.map(\.needs) == [["N1"], ["N1", "N9"]])
    }

    @Test("header-only and empty files are errors")
    func emptyInputs() {
        #expect(ImportSupport.errors(ImportSupport.csv("")) == ["log.csv:1: error: the file is empty; expected a header line naming the columns date, title, hours and type"])
        #expect(ImportSupport.errors(ImportSupport.csv("date,title,type,hours\n\n")) == ["log.csv:1: error: no activities: the file has a header line but no rows"])
    }

    @Test("UTF-16 files are named as such")
    func utf16() {
        let r = LogImporter.parseCSV([0xFF, 0xFE, 0x64, 0x00], file: "log.csv", options: ImportOptions())
        #expect(ImportSupport.errors(r).first?.contains("UTF-16") == true)
    }
}

private extension String {
    func replacingSpaces(with s: String) -> String { split(separator: " ", omittingEmptySubsequences: false).joined(separator: s) }
}

@Suite("Import: CSV row shape")
struct ImportRowShapeTests {
    @Test("an unquoted decimal comma in a comma file is caught, not read as 1 hour")
    func extraFields() {
        let r = ImportSupport.csv("date,title,type,hours\n2026-01-01,x,structured,1,5\n2026-01-02,y,structured,2,\n")
        #expect(ImportSupport.errors(r) == ["log.csv:2: error: this row has 5 fields but the header has 4; a value holding \",\" must be in double quotes"])
        // A trailing empty field is only a trailing separator.
        #expect(r.records.first?.activities.map(\.title) == ["y"])
    }
}

@Suite("Import: team diagnostics name their member")
struct ImportTeamDiagnosticTests {
    @Test("CSV rows and JSON members tag their errors with the member's id, else name")
    func tagged() {
        let csv = ImportSupport.csv("member,member_id,date,title,type,hours\nAl,E1,2026-01-01,a,structured,x\nBea,,2026-02-30,b,structured,1\nCy,E3,2026-01-01,c,structured,1\n")
        #expect(csv.diagnostics.map(\.member) == ["E1", "Bea"])
        // Members keep their place even when every row of theirs was bad.
        #expect(csv.records.map(\.member.name) == ["Al", "Bea", "Cy"])
        #expect(csv.records.map(\.activities.count) == [0, 0, 1])
        let json = ImportSupport.json(#"{"members": [{"member": {"name": "Al", "id": "E1"}, "activities": [{"date": "2026-01-01", "title": "a", "type": "structured", "hours": true}]}]}"#)
        #expect(json.diagnostics.map(\.member) == ["E1"])
        #expect(ImportSupport.csv("date,title,type,hours\n2026-01-01,a,structured,x\n").diagnostics.map(\.member) == [nil])
    }
}
