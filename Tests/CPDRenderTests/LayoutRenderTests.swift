import Testing
import Foundation
@testable import CPDRender
@testable import CPDKit

/// Every built-in layout renders the sample record cleanly; with CPD_LOOK_DIR set, the PDFs are kept there to look at.
@Suite struct LayoutRenderTests {
    @Test(arguments: LayoutCatalog.builtinNames)
    func rendersCleanly(_ name: String) throws {
        let layout = try LayoutCatalog.layout(name)
        let record = SampleRecords.record()
        // A team overview layout draws a team's summary; every other layout draws the sample record.
        let bytes = layout.isTeamOverview
            ? try TeamSummaryRenderer.render(SampleTeams.summary(members: 30, invalid: 2), teamName: "Sample team", layout: layout,
                                             options: SampleRecords.options)
            : try RecordRenderer.render(record, assessments: [SampleRecords.assessment(for: record)], layout: layout,
                                        options: SampleRecords.options)
        let path = try PDFTools.write(bytes, name: "\(name).pdf")
        if let dir = ProcessInfo.processInfo.environment["CPD_LOOK_DIR"] {
            try Data(bytes).write(to: URL(fileURLWithPath: dir).appendingPathComponent("look-\(name).pdf"))
        }
        let check = try PDFTools.run("qpdf", ["--check", path])
        #expect(check.status == 0 && !check.stdout.contains("WARNING"), "\(check.stdout)")
        let info = try PDFTools.info(path)
        let size = "\(Int(layout.page.width.rounded())) x \(Int(layout.page.height.rounded()))"
        #expect(info["Page size"]?.hasPrefix(size) == true, "\(info["Page size"] ?? "")")
        let pages = Int(info["Pages"] ?? "") ?? 0
        #expect(pages >= 1)
        #expect(try PDFTools.text(path, page: pages).contains("\(pages) of \(pages)") || layout.footer.right.isEmpty)
    }
}
