// The floor benchmark: the strings of each member's record shaped and drawn with bare
// Pango and Cairo calls, no layout logic at all. `make bench` measures cpd against it.
//
//   cpd-floor team.csv [--repeat N]
import CCairoPango
import CPDKit
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: cpd-floor TEAM.csv [--repeat N]\n".utf8))
    exit(64)
}
let repeats = arguments.firstIndex(of: "--repeat").flatMap { Int(arguments[$0 + 1]) } ?? 1
let records = LogImporter.load(paths: [arguments[1]], options: ImportOptions()).records
FcInit()

func drawRecord(_ record: Record) -> Int {
    /// Counts bytes instead of keeping them: the floor pays for PDF generation, not for disk.
    let countBytes: cairo_write_func_t = { closure, _, length in
        closure!.assumingMemoryBound(to: Int.self).pointee += Int(length)
        return CAIRO_STATUS_SUCCESS
    }
    // The counter outlives the call that creates the surface, so it lives on the heap.
    let counter = UnsafeMutablePointer<Int>.allocate(capacity: 1)
    counter.initialize(to: 0)
    defer { counter.deallocate() }
    let pageWidth = 595.0, pageHeight = 842.0, margin = 51.0, bottom = pageHeight - 60
    let surface = cairo_pdf_surface_create_for_stream(countBytes, counter, pageWidth, pageHeight)
    let cr = cairo_create(surface)
    let context = pango_cairo_create_context(cr)
    pango_cairo_context_set_resolution(context, 72)
    pango_context_set_round_glyph_positions(context, 0)
    // The formal layout's family and sizes (Layouts/formal.yaml), so the floor shapes what cpd shapes.
    let body = pango_font_description_from_string("DejaVu Sans 9.5")
    let cell = pango_font_description_from_string("DejaVu Sans 7.5")
    let band = pango_font_description_from_string("DejaVu Sans 7")
    let bold = pango_font_description_from_string("DejaVu Sans Bold 13")
    let subheading = pango_font_description_from_string("DejaVu Sans Bold 10.5")
    var y = margin
    var page = 1

    func drawBand(_ text: String, y: Double) {
        let layout = pango_layout_new(context)
        pango_layout_set_font_description(layout, band)
        pango_layout_set_width(layout, Int32(164 * Double(PANGO_SCALE)))
        text.withCString { pango_layout_set_text(layout, $0, Int32(strlen($0))) }
        cairo_move_to(cr, margin, y)
        pango_cairo_show_layout(cr, layout)
        g_object_unref(UnsafeMutableRawPointer(layout))
    }

    func show(_ text: String, x: Double, width: Double, font: OpaquePointer?) -> Double {
        let layout = pango_layout_new(context)
        pango_layout_set_font_description(layout, font)
        pango_layout_set_width(layout, Int32(width * Double(PANGO_SCALE)))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        text.withCString { pango_layout_set_text(layout, $0, Int32(strlen($0))) }
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_size(layout, &w, &h)
        let height = Double(h) / Double(PANGO_SCALE)
        if y + height > bottom {
            // cpd repeats the header band's two slots on every page; the floor draws them too.
            for slot in ["Continuing Professional Development Record", "FCA retail investment advisers"] {
                drawBand(slot, y: 30)
            }
            cairo_show_page(cr); page += 1; y = margin
        }
        cairo_move_to(cr, x, y)
        pango_cairo_show_layout(cr, layout)
        g_object_unref(UnsafeMutableRawPointer(layout))
        return height
    }

    y += show("Continuing Professional Development Record", x: margin, width: 493, font: bold) + 6
    y += show("\(record.member.name) · \(record.member.id) · 2026", x: margin, width: 493, font: body) + 12
    for need in record.needs { y += show(need.description, x: margin, width: 493, font: body) }
    // The activity log's eight columns, as in the formal layout (number, date, title, type, categories,
    // hours, needs, evidence), with its header row.
    let columns: [(Double, Double)] = [(0, 12), (20, 48), (76, 110), (194, 56), (258, 70), (336, 28), (372, 28), (408, 85)]
    let header = ["#", "Date", "Activity", "Type", "Categories", "Hours", "Need", "Evidence"]
    for (cellText, column) in zip(header, columns) { _ = show(cellText, x: margin + column.0, width: column.1, font: cell) }
    y += 14
    for activity in record.activities {
        let cells = [String(activity.number), activity.date.description, activity.title, activity.type.rawValue,
                     activity.categories.joined(separator: ", "), activity.minutes.hoursText,
                     activity.needs.joined(separator: ", "), activity.evidence.joined(separator: "; ")]
        var rowHeight = 0.0
        let top = y
        for (text, column) in zip(cells, columns) {
            y = top
            rowHeight = max(rowHeight, show(text, x: margin + column.0, width: column.1, font: cell))
        }
        y = top + rowHeight + 2
    }
    for activity in record.activities {
        y += show("\(activity.number).  \(activity.title)", x: margin, width: 493, font: subheading) + 2
        y += show("\(activity.date)  ·  \(activity.minutes.hoursText) hours  ·  \(activity.type.rawValue)  ·  \(activity.provider ?? "")",
                  x: margin, width: 493, font: cell) + 2
        y += show(activity.reflection ?? "", x: margin, width: 493, font: body) + 2
        y += show("Evidence kept: \(activity.evidence.joined(separator: "; "))", x: margin, width: 493, font: cell) + 6
    }
    let pages = page
    // "Page X of Y" on the last page only would cheat; draw it as cpd does, once per page.
    for p in 1...pages {
        drawBand(record.member.name, y: bottom + 20)
        drawBand("2026-01-01 – 2026-12-31", y: bottom + 20)
        drawBand("Page \(p) of \(pages)", y: bottom + 20)
    }
    for font in [body, cell, band, bold, subheading] { pango_font_description_free(font) }
    g_object_unref(UnsafeMutableRawPointer(context))
    cairo_destroy(cr)
    cairo_surface_finish(surface)
    cairo_surface_destroy(surface)
    return counter.pointee
}

var totalBytes = 0
let start = DispatchTime.now().uptimeNanoseconds
for _ in 0..<repeats {
    for record in records { totalBytes += drawRecord(record) }
}
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
let count = records.count * repeats
print(String(format: "floor: %d records in %.3f s, %.2f ms per record, %d B per record", count, seconds, seconds * 1000 / Double(max(count, 1)), totalBytes / max(count, 1)))
