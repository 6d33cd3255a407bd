import Foundation
import Testing

/// `cpd layouts` and `--layout` through the binary.
@Suite struct LayoutsTests {
    @Test func listsTheShippedLayouts() throws {
        let r = try Harness.cpd(["layouts", "--json"])
        #expect(r.status == 0)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let names = Set(items.compactMap { $0["name"] as? String })
        #expect(names.isSuperset(of: ["formal", "formal-letter", "compact", "nmc", "team-summary"]))
        #expect(items.first { $0["name"] as? String == "team-summary" }?["kind"] as? String == "team")
        let text = try Harness.cpd(["layouts"]).stdout
        #expect(text.contains("formal-letter") && text.contains("Letter"))
    }

    @Test(arguments: [("formal", "595 x 842"), ("formal-letter", "612 x 792"), ("compact", "595 x 842"), ("nmc", "")])
    func everyRecordLayoutRendersTheFixture(layout: String, size: String) throws {
        let dir = try Harness.tempDir()
        let out = dir + "/r.pdf"
        let r = try Harness.cpd(["report", Harness.fixture("amelia-smith-2026.json"), "--body", "fca-ria", "--period", "2026", "--layout", layout, "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        if !size.isEmpty { #expect(try Harness.pdfInfo(out)["Page size"]?.hasPrefix(size) == true) }
        let check = try Harness.qpdfCheck(out)
        #expect(check.status == 0 && !check.stdout.contains("WARNING"))
        let pages = try Harness.pageCount(out)
        #expect(try Harness.pdfText(out, page: pages).contains("Page \(pages) of \(pages)"))
    }

    @Test func aUsersLayoutWithAMistakeNamesTheLine() throws {
        let dir = try Harness.tempDir()
        let source = try String(contentsOfFile: Harness.root.appendingPathComponent("Layouts/formal.yaml").path, encoding: .utf8)
        var lines = source.components(separatedBy: "\n")
        let at = try #require(lines.firstIndex { $0.hasPrefix("page:") })
        lines.insert("  colour: blue", at: at + 1)   // not a page key
        try Harness.write(lines.joined(separator: "\n"), to: dir + "/mine.yaml")
        let out = dir + "/r.pdf"
        let r = try Harness.cpd(["report", Harness.fixture("amelia-smith-2026.json"), "--body", "fca-ria", "--period", "2026", "--layout", dir + "/mine.yaml", "-o", out])
        #expect(r.status == 2)
        #expect(r.stderr.contains(dir + "/mine.yaml:\(at + 2)"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func anAutoColumnFitsItsWidestText() throws {
        let dir = try Harness.tempDir()
        let source = try String(contentsOfFile: Harness.root.appendingPathComponent("Layouts/formal.yaml").path, encoding: .utf8)
        var lines = source.components(separatedBy: "\n")
        let i = try #require(lines.firstIndex { $0.contains("field: date") && $0.contains("width:") })
        // A deliberately narrow column: the dates wrap; with `auto` each date stays on one line.
        for (name, width) in [("narrow", "24pt"), ("auto", "auto")] {
            lines[i] = lines[i].replacingOccurrences(of: #"width: [^,}]+"#, with: "width: \(width)", options: .regularExpression)
            try Harness.write(lines.joined(separator: "\n"), to: dir + "/\(name).yaml")
            let out = dir + "/\(name).pdf"
            let r = try Harness.cpd(["report", Harness.fixture("amelia-smith-2026.json"), "--body", "fca-ria", "--period", "2026",
                                     "--layout", dir + "/\(name).yaml", "-o", out])
            #expect(r.status == 0, "\(r.stderr)")
            let log = try Harness.pdfText(out, page: 2)
            #expect(log.contains("2026-01-14") == (name == "auto"), "\(name): \(log.prefix(400))")
        }
    }

    @Test func aTeamLayoutCannotDrawARecord() throws {
        let dir = try Harness.tempDir()
        let r = try Harness.cpd(["report", Harness.fixture("amelia-smith-2026.json"), "--body", "fca-ria", "--period", "2026", "--layout", "team-summary", "-o", dir + "/r.pdf"])
        #expect(r.status == 2)
        #expect(!FileManager.default.fileExists(atPath: dir + "/r.pdf"))
    }
}
