import Testing
import Foundation
@testable import CPDRender

/// End to end through Cairo: the PDF read back as a reader's tools see it.
@Suite(.serialized) struct RenderTests {
    static let record = SampleRecords.record()
    static let pdf: Result<(path: String, bytes: [UInt8]), Error> = Result {
        let bytes = try RecordRenderer.render(record, assessments: [SampleRecords.assessment(for: record)],
                                              layout: try LayoutCatalog.layout("formal"), options: SampleRecords.options)
        return (try PDFTools.write(bytes, name: "record.pdf"), bytes)
    }

    @Test func isA4WithMetadata() throws {
        let info = try PDFTools.info(try Self.pdf.get().path)
        #expect(info["Page size"]?.hasPrefix("595 x 842") == true)
        #expect(info["Title"] == "CPD record: Zoë Ångström-Núñez, 2026-01-01 – 2026-12-31")
        #expect(info["Author"] == "Zoë Ångström-Núñez")
        #expect(info["Subject"]?.contains("FCA retail investment advisers") == true)
        #expect(info["Creator"] == "cpd test")
        #expect(info["CreationDate"]?.contains("2026") == true)
        #expect(info["Tagged"] == "yes")
        #expect(Int(info["Pages"] ?? "") ?? 0 > 5)
    }

    @Test func qpdfFindsNothingWrong() throws {
        let out = try PDFTools.run("qpdf", ["--check", try Self.pdf.get().path])
        #expect(out.status == 0)
        #expect(!out.stdout.contains("WARNING") && !out.stderr.contains("WARNING"), "\(out.stdout)\(out.stderr)")
    }

    @Test func everySectionHeadingIsPresentInOrder() throws {
        let text = try PDFTools.text(try Self.pdf.get().path)
        let headings = ["Continuing Professional Development Record", "Summary", "Learning and development needs",
                        "Activity log", "Reflections", "Declaration"]
        var from = text.startIndex
        for h in headings {
            let r = try #require(text.range(of: h, range: from..<text.endIndex), "missing \(h)")
            from = r.upperBound
        }
    }

    @Test func everyPageHasItsFooter() throws {
        let path = try Self.pdf.get().path
        let pages = Int(try PDFTools.info(path)["Pages"] ?? "") ?? 0
        for n in 1...pages {
            let text = try PDFTools.text(path, page: n)
            #expect(text.contains("Page \(n) of \(pages)"), "page \(n)")
            #expect(text.contains("Zoë Ångström-Núñez"))
        }
    }

    @Test func activityHeaderRepeatsOnContinuationPages() throws {
        let path = try Self.pdf.get().path
        let pages = Int(try PDFTools.info(path)["Pages"] ?? "") ?? 0
        var logPages = 0
        for n in 1...pages {
            let text = try PDFTools.text(path, page: n)
            let hasRows = text.contains("Team meeting") && text.contains("certificate-") && !text.contains("Evidence kept")
            if hasRows {
                logPages += 1
                #expect(text.range(of: #"#\s+Date\s+Activity\s+Type\s+Categories\s+Hours\s+Need\s+Evidence"#, options: .regularExpression) != nil,
                        "page \(n) lacks the header row")
            }
        }
        #expect(logPages >= 3)
    }

    @Test func userTextIsNotMarkup() throws {
        let text = try PDFTools.text(try Self.pdf.get().path)
        #expect(text.contains("<b>bold?</b> &amp; <i>not italic</i> & done."))
        #expect(text.contains("<b>defined benefit</b>"))
    }

    @Test func longURLBreaksInsteadOfOverflowing() throws {
        // Every piece of the URL is on the page: pdftotext finds its end, nothing was clipped.
        let text = try PDFTools.text(try Self.pdf.get().path)
        #expect(text.contains("attendance.pdf"))
        #expect(text.contains("https://"))
    }

    @Test func rerunsAreByteIdentical() throws {
        let again = try RecordRenderer.render(Self.record, assessments: [SampleRecords.assessment(for: Self.record)],
                                              layout: try LayoutCatalog.layout("formal"), options: SampleRecords.options)
        #expect(again == (try Self.pdf.get().bytes))
    }

    @Test func nulBytesAreStripped() throws {
        var r = SampleRecords.record(activities: 2)
        r.activities[0].title = "Before\u{0}After"
        let bytes = try RecordRenderer.render(r, assessments: [], layout: try LayoutCatalog.layout(), options: SampleRecords.options)
        #expect(try PDFTools.text(try PDFTools.write(bytes, name: "nul.pdf")).contains("BeforeAfter"))
    }

    @Test func rendersConcurrently() async throws {
        let layout = try LayoutCatalog.layout()
        let expected = try RecordRenderer.render(SampleRecords.record(activities: 8), assessments: [], layout: layout, options: SampleRecords.options)
        let results = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<6 {
                group.addTask {
                    try RecordRenderer.render(SampleRecords.record(activities: 8), assessments: [], layout: layout, options: SampleRecords.options)
                }
            }
            return try await group.reduce(into: [[UInt8]]()) { $0.append($1) }
        }
        #expect(results.count == 6)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func outlineListsSectionsAndEachReflection() throws {
        let json = try PDFTools.run("qpdf", ["--json", "--json-key=outlines", try Self.pdf.get().path]).stdout
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let outlines = try #require(root["outlines"] as? [[String: Any]])
        let titles = outlines.compactMap { $0["title"] as? String }
        #expect(titles == ["Summary", "Charts", "Learning and development needs", "Activity log", "Reflections", "Declaration"])
        let reflections = try #require(outlines.first { $0["title"] as? String == "Reflections" }?["kids"] as? [[String: Any]])
        #expect(reflections.count == Self.record.activities.count)
        #expect(reflections.first?["title"] as? String == "1. Team meeting 1")
    }

    @Test func rowsAndReflectionsLinkBothWaysAndURLsAreLinks() throws {
        let qdf = try PDFTools.run("qpdf", ["--qdf", "--object-streams=disable", try Self.pdf.get().path, "-"]).stdout
        let links = qdf.components(separatedBy: "/Subtype /Link").count - 1
        #expect(links >= 2 * Self.record.activities.count)
        #expect(qdf.contains("(reflection-5)") && qdf.contains("(activity-5)"))
        #expect(qdf.contains("/URI (https://evidence.example.org/"))
    }

    @Test func sourceDateEpochGivesUTCString() {
        #expect(RenderOptions.utcString(epochSeconds: 1_767_225_600) == "2026-01-01T00:00:00Z")
        #expect(RenderOptions.utcString(epochSeconds: 1_767_225_600 + 3_723) == "2026-01-01T01:02:03Z")
    }
}
