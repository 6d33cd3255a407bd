import CCairoPango

/// Paints paginated pages onto the PDF surface: body items, then the fixed header and footer bands,
/// whose `{page}`/`{pages}` slots are filled now that the page count is known.
final class Painter {
    let surface: PDFSurface
    let measurer: PangoMeasurer
    let layout: LayoutSpec
    let tokens: Tokens
    private var sectionOutline: Int32 = 0

    init(surface: PDFSurface, measurer: PangoMeasurer, layout: LayoutSpec, tokens: Tokens) {
        self.surface = surface; self.measurer = measurer; self.layout = layout; self.tokens = tokens
    }

    var cr: OpaquePointer { surface.cr }

    func paint(_ pages: [Page]) {
        begin()
        for (index, page) in pages.enumerated() { paint(page, number: index + 1, of: pages.count) }
        end()
    }

    /// Opens the document: call once, then `paint(_:number:of:)` for each page in order, then `end()`.
    func begin() {
        // cairo 1.16 writes a damaged file when links sit outside any structure element.
        cairo_tag_begin(cr, "Document", "")
    }

    /// Paints one page, its header and footer (page `number` of `count`), and ends it.
    func paint(_ page: Page, number: Int, of count: Int) {
        for item in page.items { paint(item) }
        band(layout.header, top: layout.page.margins.top, isHeader: true, page: number, of: count)
        band(layout.footer, top: layout.page.height - layout.page.margins.bottom - layout.footer.height,
             isHeader: false, page: number, of: count)
        cairo_show_page(cr)
    }

    func end() {
        cairo_tag_end(cr, "Document")
    }

    private func setColor(_ name: String) {
        let c = layout.color(name)
        cairo_set_source_rgb(cr, c.red, c.green, c.blue)
    }

    private func paint(_ item: PageItem) {
        switch item {
        case .text(let id, let lines, let x, let y):
            measurer.paint(id: id, lines: lines, x: x, y: y, on: cr)
        case .fill(let r, let color):
            setColor(color)
            cairo_rectangle(cr, r.x, r.y, r.width, r.height)
            cairo_fill(cr)
        case .line(let x1, let y1, let x2, let y2, let width, let color):
            setColor(color)
            cairo_set_line_width(cr, width)
            cairo_move_to(cr, x1, y1)
            cairo_line_to(cr, x2, y2)
            cairo_stroke(cr)
        case .anchor(let name, let x, let y):
            cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='\(Self.escape(name))' x=\(Self.number(x)) y=\(Self.number(y))")
            cairo_tag_end(cr, CAIRO_TAG_DEST)
        case .link(let r, let target):
            let rect = "rect=[\(Self.number(r.x)) \(Self.number(r.y)) \(Self.number(r.width)) \(Self.number(r.height))]"
            switch target {
            case .destination(let d): cairo_tag_begin(cr, CAIRO_TAG_LINK, "\(rect) dest='\(Self.escape(d))'")
            case .uri(let u): cairo_tag_begin(cr, CAIRO_TAG_LINK, "\(rect) uri='\(Self.escape(u))'")
            }
            cairo_tag_end(cr, CAIRO_TAG_LINK)
        case .outline(let entry, let anchor):
            let parent = entry.level <= 1 ? Int32(CAIRO_PDF_OUTLINE_ROOT) : sectionOutline
            let id = cairo_pdf_surface_add_outline(surface.surface, parent, entry.title.replacingOccurrences(of: "\u{0}", with: ""),
                                                   "dest='\(Self.escape(anchor))'", cairo_pdf_outline_flags_t(0))
            if entry.level <= 1 { sectionOutline = id }
        case .beginTag(let name):
            cairo_tag_begin(cr, name, "")
        case .endTag(let name):
            cairo_tag_end(cr, name)
        }
    }

    /// A header or footer: three fixed slots (left, centre, right), each a third of the frame wide,
    /// one line, ellipsised; so filling in the page count can never move anything else.
    private func band(_ band: PageBand, top: Double, isHeader: Bool, page: Int, of pages: Int) {
        let slotWidth = layout.frameWidth / 3
        let extra = ["page": String(page), "pages": String(pages)]
        let style = isHeader ? "header" : "footer"
        var textHeight = 0.0
        var slots: [(MeasuredText, Double)] = []
        for (i, template, align) in [(0, band.left, TextSpec.Alignment.left), (1, band.center, .center), (2, band.right, .right)] {
            let text = tokens.fill(template, extra: extra)
            guard !text.isEmpty else { continue }
            let m = measurer.measure(TextSpec(text, style: style, alignment: align, wraps: false), width: slotWidth)
            textHeight = max(textHeight, m.height)
            slots.append((m, layout.page.margins.left + Double(i) * slotWidth))
        }
        let textTop = isHeader ? top : top + band.height - textHeight
        for (m, x) in slots { measurer.paint(id: m.id, lines: 0..<m.lines.count, x: x, y: textTop, on: cr) }
        if band.rule {
            let y = isHeader ? textTop + textHeight + 3 : textTop - 4
            setColor("hairline")
            cairo_set_line_width(cr, 0.5)
            cairo_move_to(cr, layout.page.margins.left, y)
            cairo_line_to(cr, layout.page.width - layout.page.margins.right, y)
            cairo_stroke(cr)
        }
    }

    /// Attribute strings are single-quoted; quotes and backslashes inside must be escaped.
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s where ch != "\u{0}" {
            if ch == "'" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    /// A decimal with a dot whatever the locale (cairo 1.16 parses with sscanf).
    static func number(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
