import CCairoPango

/// Measures text with Pango set up exactly as the PDF surface paints it (72 dpi, hint metrics off,
/// glyph positions unrounded), and keeps every shaped layout so the painter draws the same one.
/// One per document; never shared between threads.
final class PangoMeasurer: TextMeasurer {
    private let spec: LayoutSpec
    /// Font maps, contexts and short texts shaped for earlier documents on this layout.
    private let session: ShapingSession
    /// Shaped layouts by id (one reference each); nil where the measurer does not keep them (see `retainsLayouts`).
    private var layouts: [OpaquePointer?] = []
    /// What to shape again at paint time for a layout not kept.
    private var specs: [(TextSpec, Double)] = []
    /// Keep every shaped layout for the painter (a record: each text is shaped once). A team overview of
    /// thousands of short cells sets this off so memory stays flat as the team grows: its cells are shaped
    /// again when painted, which costs little next to the records themselves.
    private let retainsLayouts: Bool
    private var entries: [Entry] = []
    /// Text already set in this document, by everything that decides its shape: a type, a category,
    /// an hour figure or a header slot repeated on every row or page is shaped once and its one
    /// layout painted wherever it appears (the same glyphs, so the same bytes as shaping it again).
    private var measured: [ShapingSession.Key: MeasuredText] = [:]

    struct Entry {
        var color: RGBColor
        /// Per line: x offset (alignment), baseline, top, in points.
        var lineX: [Double]
        var baselines: [Double]
        var tops: [Double]
    }

    private typealias FontKey = ShapingSession.FontKey

    init(cr: OpaquePointer, layout spec: LayoutSpec, retainsLayouts: Bool = true) {
        _ = FontSetup.ready
        self.spec = spec
        self.retainsLayouts = retainsLayouts
        session = ShapingSession.acquire(spec: spec, cr: cr)
    }

    deinit {
        for l in layouts { if let l { g_object_unref(UnsafeMutableRawPointer(l)) } }
        ShapingSession.release(session)
    }

    private func font(_ key: FontKey) -> OpaquePointer {
        if let f = session.fonts[key] { return f }
        let style = spec.style(key.style)
        let f = pango_font_description_new()!
        pango_font_description_set_family(f, style.family)
        pango_font_description_set_absolute_size(f, style.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(f, key.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(f, key.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        session.fonts[key] = f
        return f
    }

    func measure(_ t: TextSpec, width: Double) -> MeasuredText {
        let key = ShapingSession.Key(text: t, width: width)
        if let done = measured[key] { return done }
        let result: MeasuredText
        if retainsLayouts, let kept = session.cached(key) {
            g_object_ref(UnsafeMutableRawPointer(kept.layout))
            layouts.append(kept.layout)
            entries.append(kept.entry)
            result = MeasuredText(id: layouts.count - 1, width: width, lines: kept.lines, naturalWidth: kept.naturalWidth)
        } else {
            result = shape(t, width: width, key: key)
        }
        measured[key] = result
        return result
    }

    private func shape(_ t: TextSpec, width: Double, key: ShapingSession.Key) -> MeasuredText {
        let style = spec.style(t.style)
        let layout = makeLayout(t, width: width)
        var entry = Entry(color: spec.color(t.color ?? style.color), lineX: [], baselines: [], tops: [])
        var lines: [LineBox] = []
        var natural = 0.0
        let scale = Double(PANGO_SCALE)
        let iter = pango_layout_get_iter(layout)!
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, nil, &logical)
            natural = max(natural, Double(logical.width) / scale)
            let top = Double(logical.y) / scale
            lines.append(LineBox(top: top, bottom: top + Double(logical.height) / scale))
            entry.tops.append(top)
            entry.lineX.append(Double(logical.x) / scale)
            entry.baselines.append(Double(pango_layout_iter_get_baseline(iter)) / scale)
        } while pango_layout_iter_next_line(iter) != 0
        pango_layout_iter_free(iter)

        if retainsLayouts {
            layouts.append(layout)
            session.keep(key, .init(layout: layout, entry: entry, lines: lines, naturalWidth: natural))
        } else {
            layouts.append(nil)
            specs.append((t, width))
            g_object_unref(UnsafeMutableRawPointer(layout))
        }
        entries.append(entry)
        return MeasuredText(id: layouts.count - 1, width: width, lines: lines, naturalWidth: natural)
    }

    /// A Pango layout of `t` at `width`, set up the same way every time it is made.
    private func makeLayout(_ t: TextSpec, width: Double) -> OpaquePointer {
        let style = spec.style(t.style)
        let layout = pango_layout_new(session.context(for: t.text))!
        pango_layout_set_font_description(layout, font(FontKey(style: t.style, bold: t.bold ?? style.bold, italic: t.italic ?? style.italic)))
        pango_layout_set_width(layout, Int32(max(1, width) * Double(PANGO_SCALE)))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        switch t.alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        if !t.wraps || t.maxLines != nil {
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
            pango_layout_set_height(layout, -Int32(t.wraps ? (t.maxLines ?? 1) : 1))
        }
        if style.lineSpacing != 1 { pango_layout_set_line_spacing(layout, Float(style.lineSpacing)) }
        var utf8 = Array(t.text.utf8)
        utf8.withUnsafeMutableBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(1, buf.count)) {
                pango_layout_set_text(layout, $0, Int32(buf.count))
            }
        }
        if utf8.isEmpty { pango_layout_set_text(layout, "", 0) }
        applyAttributes(t.runs, to: layout)
        return layout
    }

    /// Ligatures and inserted hyphens are glyphs without a WinAnsi code, so cairo would embed a second
    /// (CID) subset of each font just for "fi", "fl" and "‐": turning both off keeps one small subset per
    /// font. A word broken by WRAP_WORD_CHAR is a file name or an ID, where a hyphen would mislead anyway.
    private func applyAttributes(_ runs: [TextRun], to layout: OpaquePointer) {
        let list = pango_attr_list_new()!
        for attr in [pango_attr_font_features_new("liga 0, clig 0"), pango_attr_insert_hyphens_new(0)] {
            guard let attr else { continue }
            pango_attr_list_insert(list, attr)  // start 0 and end G_MAXUINT by default: the whole text
        }
        for run in runs {
            let style = spec.style(run.style)
            let c = spec.color(style.color)
            for attr in [pango_attr_font_desc_new(font(FontKey(style: run.style, bold: style.bold, italic: style.italic))),
                         pango_attr_foreground_new(UInt16(c.red * 65535), UInt16(c.green * 65535), UInt16(c.blue * 65535))] {
                guard let attr else { continue }
                attr.pointee.start_index = UInt32(run.range.lowerBound)
                attr.pointee.end_index = UInt32(run.range.upperBound)
                pango_attr_list_insert(list, attr)
            }
        }
        pango_layout_set_attributes(layout, list)
        pango_attr_list_unref(list)
    }

    /// Paints lines `range` of measured text `id` with the first line's top at (`x`, `y`).
    func paint(id: Int, lines range: Range<Int>, x: Double, y: Double, on cr: OpaquePointer) {
        if let layout = layouts[id] {
            paint(layout, entry: entries[id], lines: range, x: x, y: y, on: cr)
        } else {
            // Only a measurer that keeps no layout has nil ones, so `specs` lines up with ids.
            let (t, width) = specs[id]
            let layout = makeLayout(t, width: width)
            paint(layout, entry: entries[id], lines: range, x: x, y: y, on: cr)
            g_object_unref(UnsafeMutableRawPointer(layout))
        }
    }

    private func paint(_ layout: OpaquePointer, entry e: Entry, lines range: Range<Int>, x: Double, y: Double, on cr: OpaquePointer) {
        cairo_set_source_rgb(cr, e.color.red, e.color.green, e.color.blue)
        guard !range.isEmpty, range.lowerBound < e.tops.count else { return }
        if range.lowerBound == 0 && range.upperBound >= e.tops.count {
            cairo_move_to(cr, x, y - e.tops[0])
            pango_cairo_show_layout(cr, layout)
            return
        }
        let origin = e.tops[range.lowerBound]
        for i in range where i < e.tops.count {
            guard let line = pango_layout_get_line_readonly(layout, Int32(i)) else { continue }
            cairo_move_to(cr, x + e.lineX[i], y + e.baselines[i] - origin)
            pango_cairo_show_layout_line(cr, line)
        }
    }
}
