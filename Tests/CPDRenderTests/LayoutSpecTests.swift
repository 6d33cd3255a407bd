import Testing
import CPDRender

/// Layout files: the built-ins parse, and every mistake names its line.
@Suite struct LayoutSpecTests {
    @Test func builtinsParse() throws {
        #expect(LayoutCatalog.builtinNames.contains("formal"))
        for name in LayoutCatalog.builtinNames {
            let spec = try LayoutCatalog.layout(name)
            #expect(spec.name == name)
            #expect(!spec.sections.isEmpty)
        }
    }

    @Test func formalIsA4WithItsSectionsInOrder() throws {
        let spec = try LayoutCatalog.layout("formal")
        #expect(spec.page.width == 595 && spec.page.height == 842)
        #expect(spec.sections.map(\.kind) == [.title, .summary, .charts, .needs, .activities, .reflections, .declaration])
        #expect(spec.tables["activities"]?.repeatHeader == true)
        #expect(abs(spec.page.margins.left - 20 * 72 / 25.4) < 0.001)
    }

    @Test func unknownNameListsBuiltins() {
        #expect {
            _ = try LayoutCatalog.layout("no-such-layout")
        } throws: { e in
            "\(e)".contains("formal") && "\(e)".contains("no-such-layout")
        }
    }

    /// The formal layout with one line replaced, for error tests.
    func formal(replacing old: String, with new: String) throws -> String {
        let text = try #require(formalText)
        #expect(text.contains(old))
        return text.replacingOccurrences(of: old, with: new)
    }

    var formalText: String? {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Layouts/formal.yaml")
        return try? String(contentsOf: url, encoding: .utf8)
    }

    func line(of needle: String, in text: String) -> Int {
        (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) } ?? -1) + 1
    }

    func expectError(_ yaml: String, line: Int, contains words: String) {
        do {
            _ = try LayoutCatalog.parse(yaml: yaml, file: "mine.yaml")
            Issue.record("expected an error at line \(line)")
        } catch let e as LayoutError {
            #expect(e.file == "mine.yaml")
            #expect(e.line == line)
            #expect(e.description.hasPrefix("mine.yaml:\(line):"))
            #expect(e.description.contains(words), "\(e.description)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func newerVersionIsRejected() throws {
        let yaml = try formal(replacing: "version: 1", with: "version: 2")
        expectError(yaml, line: line(of: "version: 2", in: yaml), contains: "version 2 is not supported")
    }

    @Test func unknownKeyIsRejectedWithItsLine() throws {
        let yaml = try formal(replacing: "  orientation: portrait", with: "  orientation: portrait\n  colour: blue")
        expectError(yaml, line: line(of: "colour: blue", in: yaml), contains: "unknown key 'colour'")
    }

    @Test func badColourNamesTheColour() throws {
        let yaml = try formal(replacing: "zebra: \"#f3f5f8\"", with: "zebra: \"pale grey\"")
        expectError(yaml, line: line(of: "pale grey", in: yaml), contains: "colour 'zebra' must be #rrggbb")
    }

    @Test func badLengthSaysWhichUnitsWork() throws {
        let yaml = try formal(replacing: "height: 18pt", with: "height: 18px")
        expectError(yaml, line: line(of: "18px", in: yaml), contains: "12pt, 20mm")
    }

    @Test func unknownColumnFieldListsTheFields() throws {
        let yaml = try formal(replacing: "{ field: evidence, width: 1.5fr }", with: "{ field: proof, width: 1.5fr }")
        expectError(yaml, line: line(of: "field: proof", in: yaml), contains: "no field 'proof'")
    }

    @Test func unknownSectionKindListsKinds() throws {
        let yaml = try formal(replacing: "  - kind: needs", with: "  - kind: goals")
        expectError(yaml, line: line(of: "kind: goals", in: yaml), contains: "expected one of: title, summary")
    }

    @Test func teamSectionInARecordLayoutIsAnErrorWithItsLine() throws {
        let yaml = try formal(replacing: "  - kind: needs", with: "  - kind: teamMatrix")
        expectError(yaml, line: line(of: "kind: teamMatrix", in: yaml), contains: "cannot mix the two")
    }

    @Test func teamSummaryIsTheTeamOverviewAndMemberSummaryARecord() throws {
        let team = try LayoutCatalog.layout("team-summary")
        #expect(team.isTeamOverview)
        #expect(team.sections.map(\.kind) == [.teamTitle, .teamChart, .teamMatrix, .invalidMembers, .teamTotals])
        #expect(team.tables["matrix"]?.columns.contains { $0.field == "requirements" } == true)
        let member = try LayoutCatalog.layout("member-summary")
        #expect(!member.isTeamOverview)
        #expect(member.sections.first?.kind == .title)
    }

    @Test func styleNamingAMissingColourIsAnError() throws {
        let yaml = try formal(replacing: "color: accent, spaceAfter: 2", with: "color: gold, spaceAfter: 2")
        expectError(yaml, line: line(of: "color: gold", in: yaml), contains: "colour 'gold'")
    }

    @Test func brokenYAMLGivesItsPosition() {
        expectError("version: 1\npage: [A4\nname: x\n", line: 3, contains: "not valid YAML")
    }

    @Test func labelsOverrideDefaultsAndUnknownLabelsFail() throws {
        let spec = try LayoutCatalog.parse(yaml: try formal(replacing: "metadata:", with: "labels:\n  summary: Résumé\nmetadata:"), file: "fr.yaml")
        #expect(spec.labels["summary"] == "Résumé")
        #expect(spec.labels["reflections"] == "Reflections")
        let bad = try formal(replacing: "metadata:", with: "labels:\n  sumary: Résumé\nmetadata:")
        expectError(bad, line: line(of: "sumary", in: bad), contains: "unknown label 'sumary'")
    }
}

import Foundation
