/// Places measured blocks on pages: pure arithmetic on line boxes, no Cairo, so it is tested with a fake measurer.
///
/// Rules, in the spirit of ReportLab's flowables and CSS paged media:
/// - a block whose start (with everything it keeps with) does not fit moves to the next page,
///   unless the page is empty, which guarantees progress;
/// - paragraphs split between lines, keeping `orphans` lines at the foot and `widows` at the head
///   where the paragraph has enough lines;
/// - a table repeats its header on each page it reaches and never leaves it alone at a page foot;
///   a row taller than `splitRowThreshold` of the frame splits between lines, smaller rows move whole;
/// - space before a block is dropped at the top of a page.
public struct Paginator: Sendable {
    public var frame: Frame
    /// Rows taller than this share of the frame height may split across pages; smaller ones move whole.
    public var splitRowThreshold: Double

    public init(frame: Frame, splitRowThreshold: Double = 0.2) {
        self.frame = frame; self.splitRowThreshold = splitRowThreshold
    }

    public func paginate(_ blocks: [Block]) -> [Page] {
        var state = PageState(frame: frame)
        place(blocks, &state)
        return state.finish()
    }

    /// The same pages as `paginate(_:)`, each handed to `emit` as soon as it is full instead of all kept,
    /// so a document of hundreds of pages holds one page's boxes at a time. Returns the page count.
    /// Run it once with an `emit` that does nothing to learn the count ("Page X of Y"), then again to paint:
    /// pagination is pure, so both runs give the same pages.
    @discardableResult
    public func paginate(_ blocks: [Block], emit: (Page) -> Void) -> Int {
        withoutActuallyEscaping(emit) { emit in
            var state = PageState(frame: frame)
            state.emit = emit
            place(blocks, &state)
            let last = state.finish()
            last.forEach(emit)
            return state.emitted + last.count
        }
    }

    private func place(_ blocks: [Block], _ state: inout PageState) {
        for index in blocks.indices {
            let need = startHeight(blocks, index)
            if need > state.remaining + PageState.epsilon && !state.isEmpty { state.newPage() }
            switch blocks[index] {
            case .text(let b): place(b, &state)
            case .table(let t): place(t, &state)
            case .group(let g): place(g, &state)
            case .space(let s): if !state.isEmpty { state.y += s }
            case .pageBreak: if !state.isEmpty { state.newPage() }
            }
        }
    }

    // MARK: - How much of a block must fit on the page it starts on

    func startHeight(_ blocks: [Block], _ i: Int) -> Double {
        guard i < blocks.count else { return 0 }
        let next = { self.startHeight(blocks, i + 1) }
        switch blocks[i] {
        case .text(let b):
            if b.keepWithNext { return b.spaceBefore + b.text.height + b.spaceAfter + next() }
            let lines = b.splittable ? min(b.orphans, b.text.lines.count) : b.text.lines.count
            return b.spaceBefore + b.text.height(from: 0, to: lines)
        case .table(let t):
            let header = t.header.map { rowHeight($0, t, starts: nil) } ?? 0
            let first = t.rowCount > 0 ? minimumRowStart(t.row(0), t) : 0
            return t.spaceBefore + header + first + (t.keepWithNext ? t.spaceAfter + next() : 0)
        case .group(let g):
            return g.spaceBefore + g.height + (g.keepWithNext ? g.spaceAfter + next() : 0)
        case .space(let s): return s
        case .pageBreak: return 0
        }
    }

    private func minimumRowStart(_ row: TableRow, _ t: TableBlock) -> Double {
        let full = rowHeight(row, t, starts: nil)
        guard full > splitRowThreshold * frame.height else { return full }
        let two = row.cells.map { $0.map { $0.height(from: 0, to: min(2, $0.lines.count)) } ?? 0 }.max() ?? 0
        return two + 2 * t.paddingY
    }

    private func rowHeight(_ row: TableRow, _ t: TableBlock, starts: [Int]?) -> Double {
        var tallest = 0.0
        for (i, cell) in row.cells.enumerated() {
            guard let cell else { continue }
            tallest = max(tallest, cell.height(from: starts?[i] ?? 0, to: cell.lines.count))
        }
        return tallest + 2 * t.paddingY
    }

    // MARK: - Paragraphs and headings

    private func place(_ b: TextBlock, _ s: inout PageState) {
        if !s.isEmpty { s.y += b.spaceBefore }
        let n = b.text.lines.count
        var start = 0, first = true
        while start < n {
            var fit = 0
            while start + fit < n, b.text.height(from: start, to: start + fit + 1) <= s.remaining + PageState.epsilon { fit += 1 }
            var take = fit
            if start + take < n {
                if b.splittable {
                    let left = n - start
                    if left - take < b.widows { take = max(0, left - b.widows) }
                    if take < min(b.orphans, left) { take = 0 }
                } else {
                    take = 0
                }
                if take == 0 {
                    if !s.isEmpty { s.newPage(); continue }
                    take = max(1, fit)
                }
            }
            let x = frame.x + b.x, h = b.text.height(from: start, to: start + take)
            if first {
                if let a = b.anchor {
                    s.items.append(.anchor(name: a, x: x, y: s.y))
                    if let o = b.outline { s.items.append(.outline(o, anchor: a)) }
                }
                first = false
            }
            s.items.append(.beginTag(b.tag))
            s.items.append(.text(id: b.text.id, lines: start..<(start + take), x: x, y: s.y))
            s.items.append(.endTag(b.tag))
            if let link = b.link { s.items.append(.link(Rect(x: x, y: s.y, width: b.text.width, height: h), link)) }
            s.y += h
            s.isEmpty = false
            start += take
            if start < n { s.newPage() }
        }
        s.y += b.spaceAfter
    }

    // MARK: - Groups

    private func place(_ g: GroupBlock, _ s: inout PageState) {
        if !s.isEmpty { s.y += g.spaceBefore }
        let x0 = frame.x, y0 = s.y
        if let tag = g.tag { s.items.append(.beginTag(tag)) }
        for item in g.items {
            switch item {
            case .text(let m, let x, let y):
                s.items.append(.text(id: m.id, lines: 0..<m.lines.count, x: x0 + x, y: y0 + y))
            case .rect(let x, let y, let w, let h, let fill):
                s.items.append(.fill(Rect(x: x0 + x, y: y0 + y, width: w, height: h), color: fill))
            case .line(let x1, let y1, let x2, let y2, let w, let c):
                s.items.append(.line(x1: x0 + x1, y1: y0 + y1, x2: x0 + x2, y2: y0 + y2, width: w, color: c))
            }
        }
        if let tag = g.tag { s.items.append(.endTag(tag)) }
        s.y += g.height + g.spaceAfter
        s.isEmpty = false
    }

    // MARK: - Tables

    private func place(_ t: TableBlock, _ s: inout PageState) {
        if !s.isEmpty { s.y += t.spaceBefore }
        s.items.append(.beginTag("Table"))
        if let h = t.header { placeRow(h, t, starts: nil, take: nil, cellTag: "TH", &s) }
        let repeatHeader = { (s: inout PageState) in
            s.items.append(.endTag("Table"))
            s.newPage()
            s.items.append(.beginTag("Table"))
            if t.repeatHeader, let h = t.header { placeRow(h, t, starts: nil, take: nil, cellTag: "TH", &s) }
        }
        for index in 0..<t.rowCount {
            let row = t.row(index)
            var starts = [Int](repeating: 0, count: row.cells.count)
            var rowsHere = 0
            while true {
                let full = rowHeight(row, t, starts: starts)
                if full <= s.remaining + PageState.epsilon {
                    placeRow(row, t, starts: starts, take: nil, cellTag: "TD", &s)
                    break
                }
                let freshPage = s.rowsOnPage == 0
                var take = splitCounts(row, t, starts: starts, available: s.remaining - 2 * t.paddingY)
                let canSplit = full > splitRowThreshold * frame.height || freshPage
                if !canSplit || take.allSatisfy({ $0 == 0 }) {
                    if !freshPage { repeatHeader(&s); continue }
                    // A row taller than an empty page: show what fits, at least a line per cell.
                    take = splitCounts(row, t, starts: starts, available: s.remaining - 2 * t.paddingY, strict: false)
                }
                placeRow(row, t, starts: starts, take: take, cellTag: "TD", &s)
                for i in starts.indices { starts[i] += take[i] }
                rowsHere += 1
                repeatHeader(&s)
            }
        }
        s.items.append(.endTag("Table"))
        s.y += t.spaceAfter
    }

    /// Lines of each cell that fit in `available` points, honouring orphans and widows (2) when `strict`.
    private func splitCounts(_ row: TableRow, _ t: TableBlock, starts: [Int], available: Double, strict: Bool = true) -> [Int] {
        row.cells.enumerated().map { i, cell in
            guard let cell else { return 0 }
            let left = cell.lines.count - starts[i]
            var fit = 0
            while fit < left, cell.height(from: starts[i], to: starts[i] + fit + 1) <= available + PageState.epsilon { fit += 1 }
            guard strict else { return left > 0 ? max(1, fit) : 0 }
            if fit < left {
                if left - fit < 2 { fit = max(0, left - 2) }
                if fit < min(2, left) { fit = 0 }
            }
            return fit
        }
    }

    private func placeRow(_ row: TableRow, _ t: TableBlock, starts: [Int]?, take: [Int]?, cellTag: String, _ s: inout PageState) {
        var content = 0.0
        var ranges: [Range<Int>?] = []
        for (i, cell) in row.cells.enumerated() {
            guard let cell else { ranges.append(nil); continue }
            let a = starts?[i] ?? 0
            let b = take.map { a + $0[i] } ?? cell.lines.count
            ranges.append(a < b ? a..<b : nil)
            content = max(content, cell.height(from: a, to: b))
        }
        let h = content + 2 * t.paddingY
        let left = frame.x + (t.columns.first?.x ?? 0)
        let width = (t.columns.last.map { $0.x + $0.width } ?? frame.width) - (t.columns.first?.x ?? 0)
        if let fill = cellTag == "TH" ? t.headerFill : row.fill {
            s.items.append(.fill(Rect(x: left, y: s.y, width: width, height: h), color: fill))
        }
        if row.ruleAbove { s.items.append(.line(x1: left, y1: s.y, x2: left + width, y2: s.y, width: 0.75, color: t.ruleColor)) }
        if let a = row.anchor, starts?.allSatisfy({ $0 == 0 }) ?? true { s.items.append(.anchor(name: a, x: left, y: s.y)) }
        s.items.append(.beginTag("TR"))
        for (i, cell) in row.cells.enumerated() where i < t.columns.count {
            s.items.append(.beginTag(cellTag))
            if let cell, let r = ranges[i] {
                let x = frame.x + t.columns[i].x + t.paddingX
                s.items.append(.text(id: cell.id, lines: r, x: x, y: s.y + t.paddingY))
                if let link = row.links[i] {
                    s.items.append(.link(Rect(x: x, y: s.y + t.paddingY, width: cell.width, height: cell.height(from: r.lowerBound, to: r.upperBound)), link))
                }
            }
            s.items.append(.endTag(cellTag))
        }
        s.items.append(.endTag("TR"))
        s.y += h
        if cellTag == "TH" {
            s.items.append(.line(x1: left, y1: s.y, x2: left + width, y2: s.y, width: 0.6, color: t.ruleColor))
        } else {
            s.rowsOnPage += 1
        }
        s.isEmpty = false
    }
}

/// The page being filled.
struct PageState {
    static let epsilon = 0.01
    let frame: Frame
    var pages: [Page] = []
    var items: [PageItem] = []
    var y: Double
    var isEmpty = true
    /// Body rows placed on this page (a repeated header alone does not count).
    var rowsOnPage = 0
    /// Takes each full page instead of `pages` (see `Paginator.paginate(_:emit:)`).
    var emit: ((Page) -> Void)?
    /// Pages handed to `emit` so far.
    var emitted = 0

    init(frame: Frame) { self.frame = frame; self.y = frame.top }

    var remaining: Double { frame.bottom - y }

    mutating func newPage() {
        if let emit {
            emit(Page(items: items)); emitted += 1
        } else {
            pages.append(Page(items: items))
        }
        items = []; y = frame.top; isEmpty = true; rowsOnPage = 0
    }

    mutating func finish() -> [Page] {
        if !items.isEmpty || (pages.isEmpty && emitted == 0) { pages.append(Page(items: items)) }
        return pages
    }
}
