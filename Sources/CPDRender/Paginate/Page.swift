/// A rectangle in page coordinates (points, origin top-left).
public struct Rect: Sendable, Hashable {
    public var x: Double, y: Double, width: Double, height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
}

/// Something placed on a page at its final position. Painting needs nothing else.
public enum PageItem: Sendable, Hashable {
    /// Lines `lines` of measured text `text`, the first line's top at `y`.
    case text(id: Int, lines: Range<Int>, x: Double, y: Double)
    case fill(Rect, color: String)
    case line(x1: Double, y1: Double, x2: Double, y2: Double, width: Double, color: String)
    /// A named link destination at this point.
    case anchor(name: String, x: Double, y: Double)
    case link(Rect, LinkTarget)
    /// An outline entry pointing at `anchor`.
    case outline(OutlineEntry, anchor: String)
    /// Opens and closes a structure element (tagged PDF).
    case beginTag(String)
    case endTag(String)
}

/// One finished page.
public struct Page: Sendable, Hashable {
    public var items: [PageItem]
    public init(items: [PageItem] = []) { self.items = items }

    /// The text ids on the page in paint order, with the lines shown (for tests and diagnostics).
    public var textPieces: [(id: Int, lines: Range<Int>, y: Double)] {
        items.compactMap { if case .text(let id, let lines, _, let y) = $0 { return (id, lines, y) }; return nil }
    }
}

/// The body frame pages are filled into: everything between the header and footer bands.
public struct Frame: Sendable, Hashable {
    public var x: Double, top: Double, width: Double, bottom: Double
    public init(x: Double, top: Double, width: Double, bottom: Double) {
        self.x = x; self.top = top; self.width = width; self.bottom = bottom
    }
    public var height: Double { bottom - top }

    /// The frame of a layout's pages: inside the margins, below the header band, above the footer band.
    public init(layout: LayoutSpec) {
        let p = layout.page
        self.init(x: p.margins.left, top: p.margins.top + layout.header.height, width: layout.frameWidth,
                  bottom: p.height - p.margins.bottom - layout.footer.height)
    }
}
