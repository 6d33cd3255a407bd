import Testing
@testable import CPDRender
@testable import CPDKit

/// The team overview's compliance matrix measured as the paginator reaches its rows (`MatrixRows`), held
/// against the table `BlockBuilding.table` measures up front: the same rows, texts and pages.
@Suite struct MatrixRowsTests {
    /// Weak references to the measurers a build made, to see which are still alive.
    final class Made {
        struct Weak { weak var measurer: FakeMeasurer? }
        var all: [Weak] = []
        /// How many were alive each time a new one was made.
        var aliveAtMake: [Int] = []
        var alive: Int { all.filter { $0.measurer != nil }.count }
    }

    struct Built {
        var blocks: [Block]
        var builder: TeamDocumentBuilder
        var matrix: MatrixRows
        var texts: TeamTexts
        var measurers: TeamMeasurers
        var layout: LayoutSpec
        var made: Made
    }

    func build(_ summary: TeamSummary, layout: LayoutSpec) throws -> Built {
        let made = Made()
        let measurers = TeamMeasurers {
            made.aliveAtMake.append(made.alive)
            let m = FakeMeasurer(layout: layout)
            made.all.append(Made.Weak(measurer: m))
            return m
        }
        let texts = TeamTexts(measurers)
        let facts = TeamFacts(summary)
        let tokens = Tokens(team: "Advice team", bodies: facts.bodies.map { ($0.id, $0.name) }, period: facts.periodText(labels: layout.labels),
                            layout: layout, generated: SampleRecords.options.generatedDate)
        var builder = TeamDocumentBuilder(summary: summary, facts: facts, teamName: "Advice team", layout: layout, tokens: tokens,
                                          measurer: texts, rowMeasurers: measurers)
        let blocks = builder.build()
        let matrix = try #require(builder.matrix)
        texts.matrix = matrix
        return Built(blocks: blocks, builder: builder, matrix: matrix, texts: texts, measurers: measurers, layout: layout, made: made)
    }

    /// The matrix as it was built before rows were measured lazily: every row measured now, by `BlockBuilding.table`.
    func eagerMatrix(_ b: Built) throws -> TableBlock {
        let rows = b.builder.summary.rows
        let reqs = b.builder.summary.requirementColumns
        let multiBody = b.builder.summary.bodyIDs.count > 1
        let labels = b.layout.labels
        let (design, _) = try #require(b.builder.matrixDesign())
        let block = b.builder.table("matrix", design: design, rows: rows.count, spaceBefore: 2) { r, field in
            TeamDocumentBuilder.matrixCell(rows[r], field: field, requirements: reqs, multiBody: multiBody, labels: labels)
        }
        guard case .table(let t)? = block else { Issue.record("no matrix"); throw CancellationError() }
        return t
    }

    func matrixIndex(_ blocks: [Block]) -> Int? {
        blocks.firstIndex { if case .table(let t) = $0 { return t.source != nil }; return false }
    }

    /// What a measured text sets, at what width, and its lines: everything but the id, which differs by design.
    func look(_ m: MeasuredText?, _ texts: TeamTexts) -> String {
        guard let m else { return "nil" }
        guard let (spec, width) = texts.text(m.id) else { return "unknown id \(m.id)" }
        return "\(spec) @\(width) \(m.lines) \(m.width) \(m.naturalWidth)"
    }

    func look(_ row: TableRow, _ texts: TeamTexts) -> String {
        "\(row.cells.map { look($0, texts) }) \(row.fill ?? "-") \(row.anchor ?? "-") \(row.links) \(row.ruleAbove)"
    }

    func look(_ page: Page, _ texts: TeamTexts) -> [String] {
        page.items.map { item in
            guard case .text(let id, let lines, let x, let y) = item, let (spec, width) = texts.text(id) else { return "\(item)" }
            return "text \(spec) @\(width) \(lines) \(x) \(y)"
        }
    }

    static func autoLayout() throws -> LayoutSpec {
        var layout = try LayoutCatalog.layout("team-summary")
        var design = try #require(layout.tables["matrix"])
        for i in design.columns.indices where ["member", "total"].contains(design.columns[i].field) { design.columns[i].width = .auto }
        layout.tables["matrix"] = design
        return layout
    }

    @Test(arguments: [false, true])
    func rowsAreTheRowsTheEagerTableMeasured(auto: Bool) throws {
        let layout = auto ? try Self.autoLayout() : try LayoutCatalog.layout("team-summary")
        let b = try build(SampleTeams.summary(members: 230, invalid: 2), layout: layout)
        let eager = try eagerMatrix(b)
        let index = try #require(matrixIndex(b.blocks))
        guard case .table(let lazy) = b.blocks[index] else { Issue.record("not a table"); return }
        #expect(lazy.rows.isEmpty && lazy.rowCount == 230 && eager.rowCount == 230)
        #expect(lazy.columns.map(\.x) == eager.columns.map(\.x) && lazy.columns.map(\.width) == eager.columns.map(\.width))
        if auto { #expect(Set(eager.columns.map(\.width)).count > 3) }
        #expect(lazy.header.map { look($0, b.texts) } == eager.header.map { look($0, b.texts) })
        #expect(lazy.paddingX == eager.paddingX && lazy.paddingY == eager.paddingY && lazy.repeatHeader == eager.repeatHeader)
        #expect(lazy.headerFill == eager.headerFill && lazy.ruleColor == eager.ruleColor && lazy.keepWithNext == eager.keepWithNext)
        #expect(lazy.spaceBefore == eager.spaceBefore && lazy.spaceAfter == eager.spaceAfter)
        for r in 0..<230 {
            #expect(look(lazy.row(r), b.texts) == look(eager.rows[r], b.texts), "row \(r)")
        }
        // Asked again (the paginator's second pass), a row is the same, ids included.
        #expect(look(lazy.row(7), b.texts) == look(eager.rows[7], b.texts))
        #expect(lazy.row(7).cells.map { $0?.id } == lazy.row(7).cells.map { $0?.id })
    }

    @Test(arguments: [false, true])
    func pagesAreThePagesOfTheEagerTable(auto: Bool) throws {
        let layout = auto ? try Self.autoLayout() : try LayoutCatalog.layout("team-summary")
        let b = try build(SampleTeams.summary(members: 230, invalid: 4), layout: layout)
        var eagerBlocks = b.blocks
        eagerBlocks[try #require(matrixIndex(b.blocks))] = .table(try eagerMatrix(b))
        let paginator = Paginator(frame: Frame(layout: layout))
        let eager = paginator.paginate(eagerBlocks)
        var lazy: [Page] = []
        let count = paginator.paginate(b.blocks) { lazy.append($0) }
        #expect(count == eager.count && eager.count > 5)
        #expect(lazy.map { look($0, b.texts) } == eager.map { look($0, b.texts) })
        // Painters are made page by page, so the overview must not need a section's outline entry from an earlier page.
        for page in lazy {
            for case .outline(let entry, _) in page.items { #expect(entry.level == 1) }
        }
    }

    @Test func measurersDoNotOutliveTheRowsTheyMeasured() throws {
        let b = try build(SampleTeams.summary(members: 450, invalid: 0), layout: try LayoutCatalog.layout("team-summary"))
        b.measurers.renew()
        let paginator = Paginator(frame: Frame(layout: b.layout))
        let before = b.measurers.made
        let pages = paginator.paginate(b.blocks) { _ in }
        #expect(pages >= 10)
        // 450 rows, 100 to a measurer: five measurers a pass, of which only the one in use is alive.
        #expect(b.measurers.made - before == 5 && b.made.alive == 1)
        // Renewed after each page as the renderer does: a measurer per page, each made when the last is gone.
        paginator.paginate(b.blocks) { page in
            _ = b.texts.page(page, measuredBy: b.measurers.current)
            b.measurers.renew()
        }
        #expect(b.measurers.made - before >= 5 + pages && b.made.alive <= 1)
        #expect(b.made.aliveAtMake.allSatisfy { $0 == 0 })
    }

    @Test func aPageIsSetAgainByItsOwnMeasurer() throws {
        let b = try build(SampleTeams.summary(members: 120, invalid: 1), layout: try LayoutCatalog.layout("team-summary"))
        let pages = Paginator(frame: Frame(layout: b.layout)).paginate(b.blocks)
        for page in [pages[0], pages[1], pages[pages.count - 1]] {
            let own = FakeMeasurer(layout: b.layout)
            let again = b.texts.page(page, measuredBy: own)
            #expect(again.items.count == page.items.count)
            for (before, after) in zip(page.items, again.items) {
                if case .text(let id, let lines, let x, let y) = before {
                    guard case .text(let newID, let newLines, let newX, let newY) = after else { Issue.record("\(after)"); continue }
                    #expect(own.measured[newID] == b.texts.text(id)?.spec)
                    #expect(newLines == lines && newX == x && newY == y)
                } else {
                    #expect(before == after)
                }
            }
            #expect(own.measured.count == page.textPieces.count)
        }
        #expect(b.texts.text(MatrixRows.firstID + 120 * b.matrix.design.columns.count) == nil)
        #expect(b.texts.text(-1) == nil)
    }

    @Test func aTableFedByASourcePaginatesAsTheSameTableWithItsRows() {
        let frame = Frame(x: 0, top: 0, width: 100, bottom: 100)
        let heights = [1, 1, 12, 3, 1, 1, 1, 1, 1, 1, 1, 4, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1]
        let rows = heights.enumerated().map { i, n in TableRow(cells: [Lines.text(n, id: i), Lines.text(1, id: 500 + i)]) }
        let header = TableRow(cells: [Lines.text(1, id: 900), Lines.text(1, id: 901)])
        let kept = TableBlock(columns: [(0, 50), (50, 50)], header: header, rows: rows, paddingX: 0, paddingY: 0)
        let fed = TableBlock(columns: [(0, 50), (50, 50)], header: header, rows: [], paddingX: 0, paddingY: 0,
                             source: TableRowSource(count: rows.count) { rows[$0] })
        for before: [Block] in [[], [.text(TextBlock(text: Lines.text(9, id: 800), keepWithNext: true))]] {
            #expect(Paginator(frame: frame).paginate(before + [.table(fed)]) == Paginator(frame: frame).paginate(before + [.table(kept)]))
        }
        let empty = TableBlock(columns: [(0, 50), (50, 50)], header: header, rows: [], source: TableRowSource(count: 0) { _ in rows[0] })
        #expect(Paginator(frame: frame).paginate([.table(empty)]).count == 1)
    }
}
