import Foundation
import Testing
@testable import CPDKit

/// `cpd check` output: the JSON shape of issue 2, the team and several-bodies shapes, and the table.
@Suite struct OutputCheckTests {
    typealias F = RulesFixture

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// 28.5 hours, 22.25 structured: short of 35 by 6.5, as in the issue's example.
    static func shortRecord() -> Record {
        F.record([F.activity(1, "2026-02-01", minutes: 22 * 60 + 15), F.activity(2, "2026-03-01", .unstructured, minutes: 6 * 60 + 15, needs: []),
                  F.activity(3, "2025-12-31", minutes: 60)])
    }

    @Test func singleBodyJSONHasTheIssueShapeInOrder() throws {
        let a = try F.assess(Self.shortRecord(), "fca-ria")
        let diag = Diagnostic.warning("unknown column \"x\"", file: "log.csv", line: 1, column: 9)
        let text = CheckOutput.json(member: [a], diagnostics: [diag])
        let keys = ["member", "body", "period", "unit", "totals", "compliant", "requirements", "findings", "diagnostics"]
        let positions = keys.map { text.range(of: "\"\($0)\":")!.lowerBound }
        #expect(positions == positions.sorted(), "keys out of order: \(text)")

        let o = try Self.object(text)
        #expect((o["member"] as? [String: Any])?["name"] as? String == "Amelia Smith")
        #expect((o["member"] as? [String: Any])?["id"] as? String == "M00001")
        #expect(o["body"] as? String == "fca-ria")
        #expect(o["period"] as? [String: String] == ["start": "2026-01-01", "end": "2026-12-31"])
        #expect(o["unit"] as? String == "hours")
        let totals = try #require(o["totals"] as? [String: Double])
        #expect(totals == ["hours": 28.5, "structured": 22.25, "unstructured": 6.25])
        #expect(o["compliant"] as? Bool == false)
        let reqs = try #require(o["requirements"] as? [[String: Any]])
        let total = try #require(reqs.first { $0["id"] as? String == "total" })
        #expect(total["required"] as? Double == 35 && total["counted"] as? Double == 28.5)
        #expect(total["met"] as? Bool == false && total["shortfall"] as? Double == 6.5)
        #expect(total["description"] is String)
        let findings = try #require(o["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["severity"] as? String == "warning" && $0["activity"] as? Int == 2 })
        let diags = try #require(o["diagnostics"] as? [[String: Any]])
        #expect(diags.count == 1 && diags[0]["line"] as? Int == 1 && diags[0]["file"] as? String == "log.csv")
        #expect(o["excluded"] as? Int == 1)
        // Plain numbers as written: no float noise, integers without a decimal point.
        #expect(text.contains("\"hours\": 28.5,") && text.contains("\"required\": 35,"))
    }

    @Test func severalBodiesKeepTheSingleBodyObject() throws {
        let r = Self.shortRecord()
        let a = try F.assess(r, "fca-ria"), b = try F.assess(r, "generic")
        let o = try Self.object(CheckOutput.json(member: [a, b], diagnostics: []))
        #expect(o["compliant"] as? Bool == false)
        let bodies = try #require(o["bodies"] as? [[String: Any]])
        #expect(bodies.map { $0["body"] as? String } == ["fca-ria", "generic"])
        // Each element is, byte for byte, the one-body object.
        let single = CheckOutput.json(member: [a], diagnostics: []).trimmingCharacters(in: .newlines)
        #expect(CheckOutput.json(member: [a, b], diagnostics: []).contains(single))
    }

    @Test func teamJSON() throws {
        let ok = try F.assess(F.year2026(structured: 21 * 60, unstructured: 14 * 60), "fca-ria")
        let short = try F.assess(Self.shortRecord(), "fca-ria")
        let o = try Self.object(CheckOutput.teamJSON([[ok], [short]], diagnostics: []))
        #expect(o["compliant"] as? Bool == false)
        let members = try #require(o["members"] as? [[String: Any]])
        #expect(members.map { $0["compliant"] as? Bool } == [true, false])
        let allOK = try Self.object(CheckOutput.teamJSON([[ok]], diagnostics: []))
        #expect(allOK["compliant"] as? Bool == true)
    }

    @Test func userTextIsEscaped() throws {
        var r = Self.shortRecord()
        r.member.name = "Zoë \"Q\" O'Neil\\\n\t<b>"
        r.activities[1].title = "Line\u{1}break"
        let text = CheckOutput.json(member: [try F.assess(r, "fca-ria")], diagnostics: [])
        let o = try Self.object(text)
        #expect((o["member"] as? [String: Any])?["name"] as? String == r.member.name)
        #expect(text.contains("\\u0001"))
    }

    @Test func textTableShowsRequirementsFindingsAndExclusions() throws {
        let text = CheckOutput.text(member: [try F.assess(Self.shortRecord(), "fca-ria")])
        #expect(text.contains("Requirement") && text.contains("Still needed"))
        #expect(text.contains("6.5 more hours"))
        #expect(text.contains("short"))
        #expect(text.contains("warning: Activity 2"))
        #expect(text.contains("1 activity outside the period excluded (activity 3)"))
        #expect(text.contains("requirements NOT met"))
        let met = CheckOutput.text(member: [try F.assess(F.year2026(structured: 21 * 60, unstructured: 14 * 60), "fca-ria")])
        #expect(met.contains("met") && met.contains("No activities fall outside the period"))
    }

    @Test func numbersPrintExactly() {
        #expect(JSONText.number(28.5) == "28.5")
        #expect(JSONText.number(35) == "35")
        #expect(JSONText.number(0.1 + 0.2) == "0.3")
        #expect(JSONText.number(20.75) == "20.75")
        #expect(JSONText.number(-1.5) == "-1.5")
    }
}

@Suite struct OutputReadableNumberTests {
    @Test(arguments: [(20.9999, "20.99"), (35.583333, "35.58"), (35, "35"), (0.25, "0.25"), (1.5, "1.5")])
    func textCountsHaveTwoDecimalsRoundedDown(value: Double, text: String) {
        #expect(CheckOutput.readable(value) == text)
    }
}
