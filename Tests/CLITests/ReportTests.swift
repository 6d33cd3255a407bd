import Foundation
import Testing

/// End to end through the built `cpd` binary: the PDF is read back with poppler and qpdf.
@Suite(.serialized) struct ReportTests {
    static let sections = ["Summary", "Learning and development needs", "Activity log", "Reflections", "Declaration"]

    /// A single-member CSV with `count` activities, one of them carrying markup-like text.
    static func longLog(count: Int, reflectionWords: Int = 40) -> String {
        var csv = "date,title,type,hours,categories,reflection,evidence\n"
        for i in 0..<count {
            let day = 1 + (i * 7) % 28, month = 1 + i % 12
            let date = String(format: "2026-%02d-%02d", month, day)
            let words = (0..<reflectionWords).map { "word\($0 % 17)" }.joined(separator: " ")
            csv += "\(date),Activity number \(i + 1),\(i % 3 == 0 ? "unstructured" : "structured"),1.5,technical,\"Reflection \(i + 1): \(words)\",certificate-\(i + 1).pdf\n"
        }
        return csv
    }

    @Test func fixtureRecordRendersWithAllSections() throws {
        let dir = try Harness.tempDir()
        let out = dir + "/record.pdf"
        let result = try Harness.cpd(["report", Harness.fixture("amelia-smith-2026.csv"), "--needs", Harness.fixture("amelia-smith-2026-needs.csv"),
                                      "--body", "fca-ria", "--period", "2026", "--name", "Amelia Smith", "--member", "M00001", "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        let info = try Harness.pdfInfo(out)
        #expect(info["Page size"]?.hasPrefix("595") == true && info["Page size"]?.contains("842") == true)
        #expect(info["Author"] == "Amelia Smith")
        #expect(info["Creator"]?.hasPrefix("cpd ") == true)
        let text = try Harness.pdfText(out)
        for section in Self.sections { #expect(text.contains(section), "missing section \(section)") }
        #expect(text.contains("Thrive group meeting"))
        // The body's provenance is on the record, unconfirmed rules marked as such (issue 3).
        #expect(text.contains("handbook.fca.org.uk"))
        #expect(text.contains("Unconfirmed (cpd's reading"))
        let check = try Harness.qpdfCheck(out)
        #expect(check.status == 0)
        #expect(!check.stdout.contains("WARNING") && check.stderr.isEmpty, "\(check.stdout)\(check.stderr)")
    }

    @Test func everyPageHasPageXofY() throws {
        let dir = try Harness.tempDir()
        try Harness.write(Self.longLog(count: 60), to: dir + "/long.csv")
        let out = dir + "/long.pdf"
        let result = try Harness.cpd(["report", dir + "/long.csv", "--body", "fca-ria", "--period", "2026", "--name", "Long Log", "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        let pages = try Harness.pageCount(out)
        #expect(pages >= 3)
        for page in 1...pages {
            let text = try Harness.pdfText(out, page: page)
            #expect(text.contains("Page \(page) of \(pages)"), "page \(page) lacks its footer")
        }
    }

    @Test func activityHeaderRepeatsOnEveryTablePage() throws {
        let dir = try Harness.tempDir()
        try Harness.write(Self.longLog(count: 80, reflectionWords: 5), to: dir + "/long.csv")
        let out = dir + "/long.pdf"
        let result = try Harness.cpd(["report", dir + "/long.csv", "--body", "fca-ria", "--period", "2026", "--name", "Long Log", "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        var tablePages = 0
        for page in 1...(try Harness.pageCount(out)) {
            let text = try Harness.pdfText(out, page: page)
            // A page that shows table rows (not reflections, which name the activity too) must show the header.
            let showsRows = text.split(separator: "\n").contains { $0.contains("Activity number") && $0.contains("1.5") && !$0.contains("Reflection") }
            guard showsRows, !text.contains("Reflections") || text.contains("Activity log") else { continue }
            tablePages += 1
            #expect(text.contains("Date") && text.contains("Hours"), "table page \(page) lacks the header row")
        }
        #expect(tablePages >= 2, "80 activities should fill more than one page")
    }

    @Test func userTextIsNeverMarkup() throws {
        let dir = try Harness.tempDir()
        let csv = "date,title,type,hours,reflection\n2026-03-01,Tom & Jerry <i>course</i>,structured,2,\"I learned <b>bold</b> &amp; more\"\n"
        try Harness.write(csv, to: dir + "/m.csv")
        let out = dir + "/m.pdf"
        let result = try Harness.cpd(["report", dir + "/m.csv", "--body", "generic", "--period", "2026", "--name", "M", "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try Harness.pdfText(out)
        #expect(text.contains("<b>bold</b>"))
        #expect(text.contains("&amp;"))
        #expect(text.contains("Tom & Jerry <i>course</i>"))
    }

    @Test func oneHourIsSingular() throws {
        let dir = try Harness.tempDir()
        try Harness.write("date,title,type,hours,reflection\n2026-03-01,Short course,structured,1,Learned\n2026-04-01,Long course,structured,2,Learned\n", to: dir + "/h.csv")
        let out = dir + "/h.pdf"
        let result = try Harness.cpd(["report", dir + "/h.csv", "--body", "generic", "--period", "2026", "--name", "H", "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try Harness.pdfText(out)
        #expect(text.contains("1 hour "))
        #expect(!text.contains("1 hours"))
        #expect(text.contains("2 hours"))
    }

    @Test func severalBodiesGetASectionEach() throws {
        let dir = try Harness.tempDir()
        let out = dir + "/two.pdf"
        let r = try Harness.cpd(["report", Harness.fixture("amelia-smith-2026.json"), "--body", "fca-ria,cii", "--period", "2026", "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try Harness.pdfText(out)
        // Each body heads its own summary, with its own requirements.
        #expect(text.contains("Chartered Insurance Institute"))
        #expect(text.contains("FCA retail investment advisers"))
        #expect(text.contains("A reflective statement of outcomes for every activity"))
        let check = try Harness.cpd(["check", Harness.fixture("amelia-smith-2026.json"), "--body", "fca-ria,cii", "--period", "2026", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let bodies = try #require(object["bodies"] as? [[String: Any]])
        #expect(bodies.compactMap { $0["body"] as? String } == ["fca-ria", "cii"])
    }

    @Test func theSameFindingAboutManyActivitiesIsOneLine() throws {
        let dir = try Harness.tempDir()
        try Harness.write(Self.longLog(count: 12, reflectionWords: 3), to: dir + "/log.csv")
        let out = dir + "/log.pdf"
        let r = try Harness.cpd(["report", dir + "/log.csv", "--body", "fca-ria", "--period", "2026", "--name", "N", "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try Harness.pdfText(out).replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("12 activities: names no learning need (#1, #2"))
        #expect(!text.contains("Activity 3 (Activity number 3) names no learning need"))
    }

    @Test func rerunsAreByteIdentical() throws {
        let dir = try Harness.tempDir()
        for name in ["a.pdf", "b.pdf"] {
            let r = try Harness.cpd(["report", Harness.fixture("amelia-smith-2026.json"), "--body", "fca-ria", "--period", "2026", "-o", dir + "/" + name])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/a.pdf"))
        let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/b.pdf"))
        #expect(!a.isEmpty && a == b)
    }

    @Test func outputMayNotReplaceAnInput() throws {
        let dir = try Harness.tempDir()
        try Harness.write(Self.longLog(count: 2), to: dir + "/log.csv")
        let before = try String(contentsOfFile: dir + "/log.csv", encoding: .utf8)
        let r = try Harness.cpd(["report", dir + "/log.csv", "--body", "generic", "-o", dir + "/log.csv"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("input"))
        #expect(try String(contentsOfFile: dir + "/log.csv", encoding: .utf8) == before)
    }

    @Test func outputFileHasMode0644() throws {
        let dir = try Harness.tempDir()
        try Harness.write(Self.longLog(count: 2), to: dir + "/log.csv")
        let r = try Harness.cpd(["report", dir + "/log.csv", "--body", "generic", "--period", "2026", "-o", dir + "/o.pdf"])
        #expect(r.status == 0, "\(r.stderr)")
        let attrs = try FileManager.default.attributesOfItem(atPath: dir + "/o.pdf")
        #expect((attrs[.posixPermissions] as? Int) == 0o644)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }
}
