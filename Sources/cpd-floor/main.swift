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
    let body = pango_font_description_from_string("DejaVu Sans 9")
    let bold = pango_font_description_from_string("DejaVu Sans Bold 12")
    var y = margin
    var page = 1

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
    let columns: [(Double, Double)] = [(0, 55), (57, 150), (209, 60), (271, 70), (343, 35), (380, 113)]
    for activity in record.activities {
        let cells = [activity.date.description, activity.title, activity.type.rawValue, activity.categories.joined(separator: "; "),
                     activity.minutes.hoursText, activity.needs.joined(separator: "; ")]
        var rowHeight = 0.0
        let top = y
        for (cell, column) in zip(cells, columns) {
            y = top
            rowHeight = max(rowHeight, show(cell, x: margin + column.0, width: column.1, font: body))
        }
        y = top + rowHeight + 2
    }
    for activity in record.activities {
        y += show("\(activity.date) — \(activity.title)", x: margin, width: 493, font: bold) + 2
        y += show(activity.reflection ?? "", x: margin, width: 493, font: body) + 6
    }
    let pages = page
    // "Page X of Y" on the last page only would cheat; draw it as cpd does, once per page.
    for p in 1...pages { _ = show("Page \(p) of \(pages)", x: margin, width: 493, font: body) }
    pango_font_description_free(body)
    pango_font_description_free(bold)
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
