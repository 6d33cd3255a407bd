import Testing
@testable import CPDRender

/// The record's blocks, built with the fake measurer and paginated without Cairo.
@Suite struct DocumentBuilderTests {
    func build(_ record: Record, layout name: String = "formal") throws -> (blocks: [Block], pages: [Page], measurer: FakeMeasurer) {
        let layout = try LayoutCatalog.layout(name)
        let fake = FakeMeasurer(layout: layout)
        let assessments = [SampleRecords.assessment(for: record)]
        let tokens = Tokens(record: record, assessments: assessments, layout: layout, generated: SampleRecords.options.generatedDate)
        var builder = DocumentBuilder(record: record, assessments: assessments, layout: layout, tokens: tokens, measurer: fake)
        let blocks = builder.build()
        return (blocks, Paginator(frame: Frame(layout: layout)).paginate(blocks), fake)
    }

    func outlines(_ pages: [Page]) -> [OutlineEntry] {
        pages.flatMap { $0.items.compactMap { if case .outline(let o, _) = $0 { return o }; return nil } }
    }

    @Test func sectionsComeInLayoutOrderWithOneOutlineEntryPerReflection() throws {
        let (_, pages, _) = try build(SampleRecords.record(activities: 12))
        let top = outlines(pages).filter { $0.level == 1 }.map(\.title)
        #expect(top == ["Summary", "Charts", "Learning and development needs", "Activity log", "Reflections", "Declaration"])
        #expect(outlines(pages).filter { $0.level == 2 }.count == 12)
    }

    @Test func reflectionsStartOnANewPage() throws {
        let (_, pages, _) = try build(SampleRecords.record(activities: 3))
        let page = pages.firstIndex { $0.items.contains { if case .outline(let o, _) = $0 { return o.title == "Reflections" }; return false } }
        let first = try #require(page)
        #expect(first > 0)
        // The heading's anchor is the first thing on its page, at the top of the frame.
        let frame = Frame(layout: try LayoutCatalog.layout())
        #expect(pages[first].items.first == .anchor(name: "section-reflections", x: frame.x, y: frame.top))
    }

    @Test func sameRecordGivesSamePageCount() throws {
        let a = try build(SampleRecords.record(activities: 40)).pages.count
        let b = try build(SampleRecords.record(activities: 40)).pages.count
        #expect(a == b)
        let small = try build(SampleRecords.record(activities: 10)).pages.count
        #expect(a > small)
    }

    @Test func userTextReachesTheMeasurerUnchanged() throws {
        let (_, _, fake) = try build(SampleRecords.record(activities: 3))
        #expect(fake.measured.contains { $0.text.contains("<b>bold?</b> &amp; <i>not italic</i> & done.") })
    }

    @Test func noActivitiesSaysSo() throws {
        let empty = Record(member: Member(name: "A B", id: "1"))
        let (_, _, fake) = try build(empty)
        #expect(fake.measured.contains { $0.text == "No activities recorded." })
        #expect(fake.measured.contains { $0.text == "No learning needs recorded." })
    }
}
