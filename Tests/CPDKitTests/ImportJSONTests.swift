import Testing
@testable import CPDKit

@Suite("Import: JSON")
struct ImportJSONTests {
    @Test("a record as the contract shows it")
    func record() {
        let r = ImportSupport.json("""
        { "member": { "name": "Amelia Smith", "id": "M00001", "membershipNumber": "100001",
                      "body": "fca-ria", "role": "Financial adviser", "employer": "Thrive Ltd", "periodStart": "2026-04-06" },
          "period": { "start": "2026-01-01", "end": "2026-12-31" },
          "needs": [ { "id": "N1", "description": "Consumer duty", "priority": "high", "target": "2026-06-30", "status": "carried over" } ],
          "activities": [ {
              "date": "2026-03-14", "title": "Thrive group meeting: new way of working",
              "type": "unstructured", "categories": ["professional skills"], "hours": 2.5,
              "needs": ["N1"], "provider": "Thrive", "method": "group meeting",
              "evidence": ["signed attendance letter", "meeting notes"],
              "reflection": "What I learned \\"here\\" \\u00e9\\ud83d\\ude00." } ] }
        """)
        #expect(r.diagnostics.isEmpty)
        let record = r.records.first
        #expect(record?.member == Member(name: "Amelia Smith", id: "M00001", membershipNumber: "100001", body: "fca-ria",
                                         role: "Financial adviser", employer: "Thrive Ltd", periodStart: CalendarDate(year: 2026, month: 4, day: 6)))
        #expect(record?.period?.description == "2026-01-01 to 2026-12-31")
        #expect(record?.needs.first?.status == .carriedOver)
        #expect(record?.needs.first?.priority == .high)
        let a = record?.activities.first
        #expect(a?.minutes == Minutes(150))
        #expect(a?.needs == ["N1"])
        #expect(a?.evidence == ["signed attendance letter", "meeting notes"])
        #expect(a?.reflection == "What I learned \"here\" é😀.")
        #expect(a?.source == SourceLocation(file: "log.json", path: "activities[0]"))
        #expect(!r.isTeam)
    }

    @Test("list fields take an array or one string; hours take a number or any duration string")
    func stringOrArray() {
        let r = ImportSupport.json("""
        {"activities": [
          {"date": "2026-01-01", "title": "a", "type": "formal", "hours": "1:30", "categories": "ethics; law", "evidence": "notes"},
          {"date": "2026-01-02", "title": "b", "type": "informal", "hours": "90m", "categories": ["x"]},
          {"date": "2026-01-03", "title": "c", "type": "structured", "hours": 0.1}
        ]}
        """)
        #expect(r.diagnostics.isEmpty)
        let acts = r.records.first?.activities ?? []
        #expect(acts.map(\.minutes.value) == [90, 90, 6])
        #expect(acts.first?.categories == ["ethics", "law"])
        #expect(acts.first?.evidence == ["notes"])
        #expect(acts.map(\.number) == [1, 2, 3])
    }

    @Test("a team")
    func team() {
        let r = ImportSupport.json("""
        {"team": {"name": "Advice team"}, "members": [
          {"member": {"name": "A", "id": "1"}, "activities": [{"date": "2026-01-01", "title": "a", "type": "structured", "hours": 1}]},
          {"member": {"name": "B", "id": "2"}, "activities": []}
        ]}
        """)
        #expect(r.isTeam)
        #expect(r.teamName == "Advice team")
        #expect(r.records.map(\.member.name) == ["A", "B"])
    }

    @Test("wrong types are reported by path, all at once")
    func wrongTypes() {
        let r = ImportSupport.json("""
        {"member": {"name": 5}, "activities": [
          {"date": "2026-02-30", "title": "a", "type": "structured", "hours": true},
          {"date": "2026-01-01", "title": "b", "type": "course", "hours": -1, "categories": [1]},
          {"title": "c", "type": "structured", "hours": "1.5"}
        ]}
        """)
        #expect(ImportSupport.errors(r) == [
            "log.json: member.name: error: expected a string, found a number (5)",
            "log.json: activities[0].date: error: \"2026-02-30\" does not exist",
            "log.json: activities[0].hours: error: expected a number or a duration string, found true",
            "log.json: activities[1].type: error: \"course\" is not known; accepted: structured, unstructured, formal, informal, verifiable, non-verifiable",
            "log.json: activities[1].hours: error: -1 is negative; time spent must be zero or more",
            "log.json: activities[1].categories[0]: error: expected a string, found a number (1)",
            "log.json: activities[2].date: error: missing; expected a string",
        ])
        #expect(r.records.first?.activities.isEmpty == true)
    }

    @Test("malformed JSON gives line and column", arguments: [
        ("{\n  \"a\": [1, 2,]\n}", 2, 14),
        ("{\"a\": tru}", 1, 7),
        ("{\"a\": \"x}", 1, 7),
        ("{} {}", 1, 4),
        ("[1,\n\n  {\"k\" 2}]", 3, 8),
    ])
    func malformed(text: String, line: Int, column: Int) {
        let d = ImportSupport.json(text).diagnostics
        #expect(d.count == 1)
        #expect(d.first?.line == line)
        #expect(d.first?.column == column)
        #expect(d.first?.message.hasPrefix("malformed JSON: ") == true)
    }

    @Test("100,000 nested levels are refused without exhausting the stack")
    func deepNesting() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let d = ImportSupport.json(text).diagnostics
        #expect(d.first?.description == "log.json:1:513: error: malformed JSON: JSON nested deeper than 512 levels")
    }

    @Test("unknown keys give one warning")
    func unknownKeys() {
        let r = ImportSupport.json("""
        {"activities": [{"date": "2026-01-01", "title": "a", "type": "structured", "hours": 1, "cost": 3},
                        {"date": "2026-01-01", "title": "b", "type": "structured", "hours": 1, "cost": 4}]}
        """)
        #expect(r.diagnostics.count == 1)
        #expect(r.diagnostics.first?.description == "log.json: warning: keys not understood, kept out of the record: activities[].cost")
    }
}
