import Testing
import Foundation
import CCairoPango
import CPDKit
@testable import CPDRender

/// Short texts shaped for one document are painted again in the next: the same bytes as shaping afresh.
@Suite struct ShapingSessionTests {
    @Test func recordsAfterEachOtherMatchFreshRenders() throws {
        let layout = try LayoutCatalog.layout()
        var second = SampleRecords.record(activities: 12, name: "Oliver O'Neill")
        second.activities[0].title = "A title only the second record has"
        let records = [SampleRecords.record(activities: 9), second, SampleRecords.record(activities: 9)]
        let render = { (r: Record) in
            try RecordRenderer.render(r, assessments: [SampleRecords.assessment(for: r)], layout: layout, options: SampleRecords.options)
        }
        // One after another on this thread: the second and third reuse the first's session.
        let shared = try records.map(render)
        let fresh = try ShapingSession.$disabled.withValue(true) { try records.map(render) }
        #expect(shared == fresh)
        #expect(shared[0] == shared[2])
        #expect(shared[0] != shared[1])
    }

    @Test func keepsShortTextsOnlyAndStaysBounded() throws {
        let surface = try PDFSurface(width: 100, height: 100)
        let layout = try LayoutCatalog.layout()
        let session = ShapingSession.$disabled.withValue(true) { ShapingSession.acquire(spec: layout, cr: surface.cr) }
        defer { ShapingSession.$disabled.withValue(true) { ShapingSession.release(session) } }
        let pango = pango_layout_new(session.fullContext)!
        defer { g_object_unref(UnsafeMutableRawPointer(pango)) }
        let shaped = ShapingSession.Shaped(layout: pango, entry: .init(color: .init(red: 0, green: 0, blue: 0), lineX: [0], baselines: [8], tops: [0]),
                                           lines: [LineBox(top: 0, bottom: 10)], naturalWidth: 20)
        let long = ShapingSession.Key(text: TextSpec(String(repeating: "word ", count: 40), style: "body"), width: 300)
        session.keep(long, shaped)
        #expect(session.cached(long) == nil)

        let count = ShapingSession.capacity * 2 + 10
        let keys = (0..<count).map { ShapingSession.Key(text: TextSpec("cell \($0)", style: "tableCell"), width: 50) }
        for k in keys { session.keep(k, shaped) }
        #expect(session.keptCount <= ShapingSession.capacity * 2)
        #expect(session.cached(keys[0]) == nil)  // dropped with the oldest generation
        #expect(session.cached(keys[count - 1])?.naturalWidth == 20)
        // Every kept entry holds one reference to the layout, and dropping a generation gives them back.
        #expect(Int(UnsafeMutablePointer<GObject>(pango).pointee.ref_count) == 1 + session.keptCount)
    }
}
