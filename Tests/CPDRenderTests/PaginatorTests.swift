import Testing
@testable import CPDRender

/// Pagination rules, checked on made-to-order line boxes: a 100-point frame holds ten 10-point lines.
@Suite struct PaginatorTests {
    let frame = Frame(x: 0, top: 0, width: 100, bottom: 100)

    func para(_ n: Int, id: Int, keep: Bool = false, splittable: Bool = true, before: Double = 0, after: Double = 0) -> Block {
        .text(TextBlock(text: Lines.text(n, id: id), spaceBefore: before, spaceAfter: after, keepWithNext: keep, splittable: splittable))
    }

    /// (id, lines) pieces of each page.
    func pieces(_ pages: [Page]) -> [[String]] {
        pages.map { $0.textPieces.map { "\($0.id):\($0.lines.lowerBound)-\($0.lines.upperBound)" } }
    }

    @Test func paragraphsFillPagesExactly() {
        let pages = Paginator(frame: frame).paginate([para(10, id: 1), para(10, id: 2), para(5, id: 3)])
        #expect(pages.count == 3)
        #expect(pieces(pages) == [["1:0-10"], ["2:0-10"], ["3:0-5"]])
    }

    @Test func paragraphSplitsAtLineBoundary() {
        let pages = Paginator(frame: frame).paginate([para(4, id: 1), para(10, id: 2)])
        #expect(pieces(pages) == [["1:0-4", "2:0-6"], ["2:6-10"]])
    }

    @Test func widowsPullLinesForward() {
        // 7 lines fit after a 3-line paragraph; 8 remain → 7 + 1 would leave a widow, so 6 + 2.
        let pages = Paginator(frame: frame).paginate([para(3, id: 1), para(8, id: 2)])
        #expect(pieces(pages) == [["1:0-3", "2:0-6"], ["2:6-8"]])
    }

    @Test func orphanMovesParagraphToNextPage() {
        // One line of room left: a single line at the foot would be an orphan.
        let pages = Paginator(frame: frame).paginate([para(9, id: 1), para(5, id: 2)])
        #expect(pieces(pages) == [["1:0-9"], ["2:0-5"]])
    }

    @Test func threeLineParagraphDoesNotSplit() {
        // 2 + 1 or 1 + 2 would break the two-line rule on one side: the whole paragraph moves.
        let pages = Paginator(frame: frame).paginate([para(8, id: 1), para(3, id: 2)])
        #expect(pieces(pages) == [["1:0-8"], ["2:0-3"]])
    }

    @Test func headingKeepsWithNext() {
        // The heading fits at the foot, but with the paragraph's first two lines it does not.
        let pages = Paginator(frame: frame).paginate([para(8, id: 1), para(1, id: 2, keep: true, splittable: false), para(4, id: 3)])
        #expect(pieces(pages) == [["1:0-8"], ["2:0-1", "3:0-4"]])
    }

    @Test func headingChainKeepsTogether() {
        // Heading + meta line both keep with the body: neither may end page 1.
        let blocks = [para(7, id: 1), para(1, id: 2, keep: true, splittable: false), para(1, id: 3, keep: true), para(6, id: 4)]
        let pages = Paginator(frame: frame).paginate(blocks)
        #expect(pieces(pages) == [["1:0-7"], ["2:0-1", "3:0-1", "4:0-6"]])
    }

    @Test func spaceBeforeIsDroppedAtPageTop() {
        let pages = Paginator(frame: frame).paginate([para(10, id: 1), para(2, id: 2, before: 30)])
        #expect(pages[1].textPieces.first?.y == 0)
    }

    @Test func overlongUnsplittableBlockStillProgresses() {
        let pages = Paginator(frame: frame).paginate([para(15, id: 1, splittable: false), para(1, id: 2)])
        #expect(pieces(pages) == [["1:0-10"], ["1:10-15", "2:0-1"]])
    }

    @Test func explicitPageBreakOnlyWhenPageHasContent() {
        let pages = Paginator(frame: frame).paginate([.pageBreak, para(2, id: 1), .pageBreak, .pageBreak, para(2, id: 2)])
        #expect(pieces(pages) == [["1:0-2"], ["2:0-2"]])
    }
}
