/// A measured piece of the document, ready to be placed on pages.
public enum Block: Sendable {
    case text(TextBlock)
    case table(TableBlock)
    case group(GroupBlock)
    /// Vertical space, dropped at the top of a page.
    case space(Double)
    /// Start a new page unless the current one is still empty.
    case pageBreak
}

/// Where a link goes.
public enum LinkTarget: Sendable, Hashable {
    case destination(String)
    case uri(String)
}

/// An entry in the PDF outline (bookmarks).
public struct OutlineEntry: Sendable, Hashable {
    public var title: String
    /// 1 for sections, 2 for entries under a section.
    public var level: Int
    public init(title: String, level: Int) { self.title = title; self.level = level }
}

/// A heading or paragraph: splits between lines when allowed.
public struct TextBlock: Sendable {
    public var text: MeasuredText
    public var x: Double
    public var spaceBefore: Double
    public var spaceAfter: Double
    public var keepWithNext: Bool
    public var splittable: Bool
    /// Lines kept together at the foot (orphans) and head (widows) of a split, where the paragraph allows.
    public var orphans: Int
    public var widows: Int
    /// A named destination at the block's top, for links and the outline.
    public var anchor: String?
    public var outline: OutlineEntry?
    public var link: LinkTarget?
    /// Structure tag (`H1`, `P`) for tagged PDF.
    public var tag: String

    public init(text: MeasuredText, x: Double = 0, spaceBefore: Double = 0, spaceAfter: Double = 0,
                keepWithNext: Bool = false, splittable: Bool = true, orphans: Int = 2, widows: Int = 2,
                anchor: String? = nil, outline: OutlineEntry? = nil, link: LinkTarget? = nil, tag: String = "P") {
        self.text = text; self.x = x; self.spaceBefore = spaceBefore; self.spaceAfter = spaceAfter
        self.keepWithNext = keepWithNext; self.splittable = splittable; self.orphans = orphans; self.widows = widows
        self.anchor = anchor; self.outline = outline; self.link = link; self.tag = tag
    }
}

/// One table row: a cell per column (nil = empty), with an optional fill and link.
public struct TableRow: Sendable {
    public var cells: [MeasuredText?]
    public var fill: String?
    /// A named destination at the row's top.
    public var anchor: String?
    /// Links per column (e.g. the title cell to the reflection, a URL in evidence).
    public var links: [Int: LinkTarget]
    /// Draw a rule above this row (totals).
    public var ruleAbove: Bool

    public init(cells: [MeasuredText?], fill: String? = nil, anchor: String? = nil, links: [Int: LinkTarget] = [:],
                ruleAbove: Bool = false) {
        self.cells = cells; self.fill = fill; self.anchor = anchor; self.links = links; self.ruleAbove = ruleAbove
    }

    /// The tallest cell, without padding.
    public var contentHeight: Double { cells.map { $0?.height ?? 0 }.max() ?? 0 }
}

/// A table: columns at fixed x offsets, an optional header row repeated on each page it reaches.
public struct TableBlock: Sendable {
    /// Left edge and width of each column, relative to the frame's left edge.
    public var columns: [(x: Double, width: Double)]
    public var header: TableRow?
    public var rows: [TableRow]
    public var paddingX: Double
    public var paddingY: Double
    public var repeatHeader: Bool
    public var headerFill: String?
    /// Colour of the rule under the header row and above a totals row.
    public var ruleColor: String
    public var spaceBefore: Double
    public var spaceAfter: Double
    public var keepWithNext: Bool
    /// Where the body rows come from when they are measured only as the paginator reaches them (a team's
    /// compliance matrix: one row per member); nil when they are all in `rows`.
    public var source: TableRowSource?

    public init(columns: [(x: Double, width: Double)], header: TableRow?, rows: [TableRow], paddingX: Double = 4,
                paddingY: Double = 3, repeatHeader: Bool = true, headerFill: String? = nil, ruleColor: String = "rule",
                spaceBefore: Double = 0, spaceAfter: Double = 0, keepWithNext: Bool = false, source: TableRowSource? = nil) {
        self.columns = columns; self.header = header; self.rows = rows; self.paddingX = paddingX
        self.paddingY = paddingY; self.repeatHeader = repeatHeader; self.headerFill = headerFill
        self.ruleColor = ruleColor; self.spaceBefore = spaceBefore; self.spaceAfter = spaceAfter
        self.keepWithNext = keepWithNext; self.source = source
    }

    /// How many body rows the table has: `source`'s when it has one, else `rows`'.
    public var rowCount: Int { source?.count ?? rows.count }

    /// Body row `index`, from `source` (measured now) or from `rows`.
    public func row(_ index: Int) -> TableRow { source.map { $0.row(index) } ?? rows[index] }
}

/// Body rows made on demand: `row(i)` measures row i when the paginator reaches it, so a table of
/// thousands of rows never holds them all. It must give the same row for the same index every time
/// (the paginator may ask twice, and a document is paginated twice: to count pages, then to paint).
public struct TableRowSource: Sendable {
    public let count: Int
    public let row: @Sendable (Int) -> TableRow
    public init(count: Int, row: @escaping @Sendable (Int) -> TableRow) { self.count = count; self.row = row }
}

/// A fixed-height drawing that never splits (signature lines, a chart, a progress bar).
public struct GroupBlock: Sendable {
    public var height: Double
    public var items: [GroupItem]
    public var spaceBefore: Double
    public var spaceAfter: Double
    public var keepWithNext: Bool
    public var tag: String?

    public init(height: Double, items: [GroupItem], spaceBefore: Double = 0, spaceAfter: Double = 0,
                keepWithNext: Bool = false, tag: String? = nil) {
        self.height = height; self.items = items; self.spaceBefore = spaceBefore; self.spaceAfter = spaceAfter
        self.keepWithNext = keepWithNext; self.tag = tag
    }
}

/// Something drawn inside a group, at offsets from the group's top-left corner.
public enum GroupItem: Sendable {
    case text(MeasuredText, x: Double, y: Double)
    case rect(x: Double, y: Double, width: Double, height: Double, fill: String)
    case line(x1: Double, y1: Double, x2: Double, y2: Double, width: Double, color: String)
}
