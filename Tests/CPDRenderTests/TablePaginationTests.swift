import Testing
@testable import CPDRender

/// Tables across pages: a 100-point frame; header rows and body rows are 10 points (one line, no padding).
@Suite struct TablePaginationTests {
    let frame = Frame(x: 0, top: 0, width: 100, bottom: 100)

    func table(rows: [Int], header: Bool = true, splitThreshold: Double = 0.2) -> TableBlock {
        TableBlock(columns: [(0, 50), (50, 50)],
                   header: header ? TableRow(cells: [Lines.text(1, id: 900), Lines.text(1, id: 901)]) : nil,
                   rows: rows.enumerated().map { i, n in TableRow(cells: [Lines.text(n, id: i), Lines.text(1, id: 500 + i)]) },
                   paddingX: 0, paddingY: 0)
    }

    func headerCount(_ page: Page) -> Int { page.textPieces.filter { $0.id == 900 }.count }
    func rowIDs(_ page: Page) -> [Int] { page.textPieces.filter { $0.id < 500 }.map(\.id) }

    @Test func headerRepeatsOnEveryPage() {
        let pages = Paginator(frame: frame).paginate([.table(table(rows: Array(repeating: 1, count: 25)))])
        #expect(pages.count == 3) // 9 + 9 + 7 rows under a header each
        #expect(pages.map(headerCount) == [1, 1, 1])
        #expect(pages.map { rowIDs($0).count } == [9, 9, 7])
        #expect(pages[1].textPieces.first?.id == 900 && pages[1].textPieces.first?.y == 0)
    }

    /// The team overview paints pages as they are filled: the streaming form must give the very same pages.
    @Test func pagesHandedOutOneByOneAreThePagesKept() {
        for blocks: [Block] in [[.table(table(rows: Array(repeating: 1, count: 25)))],
                                [.text(TextBlock(text: Lines.text(9, id: 800))), .table(table(rows: [1, 1, 12, 3]))],
                                [.pageBreak], []] {
            let kept = Paginator(frame: frame).paginate(blocks)
            var streamed: [Page] = []
            let count = Paginator(frame: frame).paginate(blocks) { streamed.append($0) }
            #expect(streamed == kept)
            #expect(count == kept.count)
        }
    }

    @Test func headerIsNeverAloneAtPageFoot() {
        let blocks: [Block] = [.text(TextBlock(text: Lines.text(9, id: 800))), .table(table(rows: [1, 1]))]
        let pages = Paginator(frame: frame).paginate(blocks)
        #expect(pages.count == 2)
        #expect(headerCount(pages[0]) == 0)
        #expect(headerCount(pages[1]) == 1 && rowIDs(pages[1]) == [0, 1])
    }

    @Test func smallRowMovesWhole() {
        // Rows of 3 lines are under the split threshold (20 points of 100): the row that does not fit moves.
        let pages = Paginator(frame: frame).paginate([.table(table(rows: [3, 3, 3, 3]))])
        #expect(pages.map { rowIDs($0) } == [[0, 1, 2], [3]])
    }

    @Test func tallRowSplitsBetweenLinesUnderRepeatedHeader() {
        // Header + 2 one-line rows leave 70 points; a 12-line row splits 7 + 5, the rest under a new header.
        let pages = Paginator(frame: frame).paginate([.table(table(rows: [1, 1, 12]))])
        let split = pages.map { $0.textPieces.filter { $0.id == 2 }.map { $0.lines } }
        #expect(split == [[0..<7], [7..<12]])
        #expect(pages.map(headerCount) == [1, 1])
    }

    @Test func rowSplitKeepsTwoLinesOnEachSide() {
        // 8 lines fit, 9 lines in the row: 8 + 1 would leave one line alone, so 7 + 2.
        let pages = Paginator(frame: frame).paginate([.table(table(rows: [1, 9]))])
        let split = pages.map { $0.textPieces.filter { $0.id == 1 }.map { $0.lines } }
        #expect(split == [[0..<7], [7..<9]])
    }

    @Test func rowTallerThanAPageSplitsOverSeveral() {
        let pages = Paginator(frame: frame).paginate([.table(table(rows: [30]))])
        #expect(pages.count == 4) // 9 + 9 + 9 + 3 lines, each under a header
        #expect(pages.map(headerCount) == [1, 1, 1, 1])
        let total = pages.flatMap { $0.textPieces.filter { $0.id == 0 }.map(\.lines.count) }.reduce(0, +)
        #expect(total == 30)
    }
}
