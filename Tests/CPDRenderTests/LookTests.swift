import Testing
import Foundation
import CPDRender

/// Writes sample records to /tmp for looking at page by page (pdftoppm); asserts only that they render.
@Suite struct LookTests {
    @Test func writesSampleForInspection() throws {
        let record = SampleRecords.record()
        let bytes = try RecordRenderer.render(record, assessments: [SampleRecords.assessment(for: record)],
                                              layout: try LayoutCatalog.layout("formal"), options: SampleRecords.options)
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
        try Data(bytes).write(to: URL(fileURLWithPath: "/tmp/cpd-render-sample.pdf"))
    }
}
