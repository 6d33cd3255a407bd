/// What every document builder shares (a member's record, a team overview): setting paragraphs,
/// headings, label/value lines and layout-designed tables as measured blocks.
protocol BlockBuilding {
    var layout: LayoutSpec { get }
    var measurer: any TextMeasurer { get }
    var blocks: [Block] { get set }
}

/// A cell's text and how it differs from the column's default look.
struct TableCell {
    var text: String
    var color: String? = nil
    var bold: Bool? = nil
    var italic: Bool? = nil
    var link: LinkTarget? = nil
    init(_ text: String, color: String? = nil, bold: Bool? = nil, italic: Bool? = nil, link: LinkTarget? = nil) {
        self.text = text; self.color = color; self.bold = bold; self.italic = italic; self.link = link
    }
}

extension TableSpec {
    /// Each column's left edge (relative to the frame) and width.
    func columnFrames(total: Double, natural: [Int: Double]) -> [(x: Double, width: Double)] {
        var x = 0.0
        return columnWidths(total: total, natural: natural).map { w -> (x: Double, width: Double) in defer { x += w }; return (x, w) }
    }

    /// What cell value `v` of column `c` (of width `columnWidth`) sets, and at what width; nil when empty.
    func cellText(_ v: TableCell, column c: ColumnSpec, columnWidth: Double, style: String) -> (spec: TextSpec, width: Double)? {
        guard !v.text.isEmpty else { return nil }
        let align: TextSpec.Alignment = c.align == .right ? .right : c.align == .center ? .center : .left
        return (TextSpec(v.text, style: style, alignment: align, wraps: c.wrap != .none, maxLines: c.maxLines,
                         color: v.color, bold: v.bold, italic: v.italic),
                max(4, columnWidth - 2 * paddingX))
    }
}

extension BlockBuilding {
    typealias Cell = TableCell

    var labels: Labels { layout.labels }
    var width: Double { layout.frameWidth }

    func measure(_ spec: TextSpec, width: Double? = nil) -> MeasuredText {
        measurer.measure(spec, width: width ?? self.width)
    }

    mutating func paragraph(_ text: String, style: String, color: String? = nil, bold: Bool? = nil, italic: Bool? = nil,
                            keepWithNext: Bool = false, splittable: Bool = true, anchor: String? = nil,
                            outline: OutlineEntry? = nil, link: LinkTarget? = nil, tag: String = "P") {
        let s = layout.style(style)
        let m = measure(TextSpec(text, style: style, color: color, bold: bold, italic: italic))
        blocks.append(.text(TextBlock(text: m, spaceBefore: s.spaceBefore, spaceAfter: s.spaceAfter, keepWithNext: keepWithNext,
                                      splittable: splittable, anchor: anchor, outline: outline, link: link, tag: tag)))
    }

    mutating func heading(_ section: SectionSpec, label: String) {
        paragraph(labels[label], style: "heading", keepWithNext: true, splittable: false, anchor: "section-\(section.kind.rawValue)",
                  outline: section.outline ? OutlineEntry(title: labels[label], level: 1) : nil, tag: "H2")
    }

    /// Label/value lines set as a two-column table without header or shading; pairs with an empty value are left out.
    mutating func keyValues(_ pairs: [(String, String)]) {
        let labelWidth = 120.0, pad = 2.0
        let rows = pairs.filter { !$0.1.isEmpty }.map { key, value in
            TableRow(cells: [measure(TextSpec(labels[key], style: "label"), width: labelWidth - 2 * pad),
                             measure(TextSpec(value, style: "body"), width: width - labelWidth - 2 * pad)])
        }
        blocks.append(.table(TableBlock(columns: [(0, labelWidth), (labelWidth, width - labelWidth)], header: nil, rows: rows,
                                        paddingX: pad, paddingY: 2, repeatHeader: false, spaceAfter: 4)))
    }

    mutating func append(_ block: Block?) { if let block { blocks.append(block) } }

    /// Chains the blocks from `start` with keep-with-next so a section moves to a new page whole when it fits on one.
    mutating func keepTogether(from start: Int) {
        guard blocks.count - start > 1 else { return }
        for i in start..<(blocks.count - 1) {
            switch blocks[i] {
            case .text(var b): b.keepWithNext = true; blocks[i] = .text(b)
            case .table(var t): t.keepWithNext = true; blocks[i] = .table(t)
            case .group(var g): g.keepWithNext = true; blocks[i] = .group(g)
            case .space, .pageBreak: break
            }
        }
    }

    /// A table from the layout's design `name` (or `design`, a design derived from it); `cell` gives each row's value for a field.
    func table(_ name: String, design: TableSpec? = nil, rows count: Int, header: Bool = true, spaceBefore: Double = 4,
               spaceAfter: Double = 8, anchor: (Int) -> String? = { _ in nil }, muted: (Int) -> Bool = { _ in false },
               totals: [String: Cell]? = nil, cell: (Int, String) -> Cell) -> Block? {
        guard let spec = design ?? layout.tables[name] else { return nil }
        // An `auto` column is as wide as its widest text: set each of its texts on one line first.
        var natural: [Int: Double] = [:]
        for (i, c) in spec.columns.enumerated() {
            guard case .auto = c.width else { continue }
            var texts: [(String, String)] = header ? [(labels[c.header ?? Self.headerKey(table: name, field: c.field)], "tableHeader")] : []
            texts += (0..<count).map { (cell($0, c.field).text, "tableCell") }
            if let t = totals?[c.field] { texts.append((t.text, "tableCell")) }
            let widest = texts.filter { !$0.0.isEmpty }.map {
                measure(TextSpec($0.0, style: $0.1, wraps: false), width: width).naturalWidth
            }.max() ?? 0
            natural[i] = widest + 2 * spec.paddingX + 1
        }
        let columns = spec.columnFrames(total: width, natural: natural)
        func measureRow(_ style: String, _ values: (ColumnSpec) -> Cell?) -> ([MeasuredText?], [Int: LinkTarget]) {
            var links: [Int: LinkTarget] = [:]
            let cells = spec.columns.enumerated().map { i, c -> MeasuredText? in
                guard let v = values(c), let (text, w) = spec.cellText(v, column: c, columnWidth: columns[i].width, style: style)
                else { return nil }
                if let l = v.link { links[i] = l }
                return measure(text, width: w)
            }
            return (cells, links)
        }
        let head = header ? TableRow(cells: measureRow("tableHeader") { Cell(labels[$0.header ?? Self.headerKey(table: name, field: $0.field)]) }.0) : nil
        var rows: [TableRow] = []
        for r in 0..<count {
            let (cells, links) = measureRow("tableCell") { c in
                var v = cell(r, c.field)
                if muted(r) { v.color = v.color ?? "muted"; v.italic = v.italic ?? true }
                return v
            }
            rows.append(TableRow(cells: cells, fill: spec.zebra && r % 2 == 1 ? "zebra" : nil, anchor: anchor(r), links: links))
        }
        if let totals, spec.totals {
            rows.append(TableRow(cells: measureRow("tableCell") { c in totals[c.field].map { var v = $0; v.bold = true; return v } }.0,
                                 ruleAbove: true))
        }
        return .table(TableBlock(columns: columns, header: head, rows: rows, paddingX: spec.paddingX, paddingY: spec.paddingY,
                                 repeatHeader: spec.repeatHeader, headerFill: header ? "headerFill" : nil,
                                 spaceBefore: spaceBefore, spaceAfter: spaceAfter))
    }

    /// The label key of a column header where the field's own name is a section label.
    static func headerKey(table: String, field: String) -> String {
        switch (table, field) {
        case ("needs", "activities"): return "linkedActivities"
        case ("needs", "status"): return "needStatus"
        case ("activities", "needs"): return "need"
        case ("matrix", "id"): return "memberID"
        case ("matrix", "total"): return "matrixTotal"
        case ("matrix", "structured"): return "matrixStructured"
        default: return field
        }
    }

    static func amount(_ v: Double) -> String { Minutes.decimalText(numerator: Int((v * 100).rounded()), denominator: 100) }
}
