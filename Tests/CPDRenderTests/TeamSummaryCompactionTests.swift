import Testing
import Foundation
@testable import CPDRender

/// `team-summary.pdf` is rewritten with object streams like a member's record, and reads the same.
@Suite struct TeamSummaryCompactionTests {
    @Test func overviewIsCompactedAndReadsTheSame() throws {
        let summary = SampleTeams.summary(members: 30, invalid: 2)
        let layout = try LayoutCatalog.layout("team-summary")
        let raw = try TeamSummaryRenderer.render(summary, teamName: "Advice team", layout: layout, options: SampleRecords.options)
        let rawPath = try PDFTools.write(raw, name: "raw.pdf")

        let dir = URL(fileURLWithPath: rawPath).deletingLastPathComponent().appendingPathComponent("out").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try TeamSummaryFiles.write(summary, to: dir, layout: layout, options: SampleRecords.options, teamName: "Advice team")
        let path = dir + "/team-summary.pdf"
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))

        #expect(written.count < raw.count * 6 / 10, "\(written.count) bytes of \(raw.count)")
        #expect(String(decoding: written.prefix(8), as: UTF8.self) == "%PDF-1.5")
        #expect(String(decoding: written, as: UTF8.self).contains("/ObjStm"))
        let check = try PDFTools.run("qpdf", ["--check", path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(!check.stdout.contains("WARNING"))
        #expect(try PDFTools.text(path) == PDFTools.text(rawPath))
        #expect(try PDFTools.info(path)["Pages"] == PDFTools.info(rawPath)["Pages"])
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o644)
    }

    @Test func aLargeOverviewIsLeftAsWritten() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-big-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/team-summary.pdf"
        // Not a PDF at all, and over the limit: never read, never touched.
        try Data(count: TeamSummaryFiles.compactLimit + 1).write(to: URL(fileURLWithPath: path))
        try TeamSummaryFiles.compact(path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == TeamSummaryFiles.compactLimit + 1)
    }
}
