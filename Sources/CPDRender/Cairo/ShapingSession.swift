import CCairoPango
import Foundation

/// Pango state that outlives one document: the font maps and contexts set up for a layout, and the
/// short texts already shaped with them.
///
/// A team's records share most of their short texts: column headers, labels, activity types and
/// categories, dates, hour figures, providers, page furniture. A `PangoMeasurer` shapes each distinct
/// text once per document; a session lets the next document on the same layout paint the layout
/// shaped for the previous one (the same text, attributes, width, fonts and context settings, so the
/// same glyphs and the same PDF bytes). Reflections and other long texts are not kept.
///
/// A session is used by one measurer at a time (`acquire`/`release`); a batch has one per worker.
final class ShapingSession: @unchecked Sendable {
    let spec: LayoutSpec
    /// Every face fontconfig knows: a map of this session's own, not the per-thread default, because a
    /// session moves between threads (one at a time).
    let fullContext: OpaquePointer
    /// The layout's own families only (see `FontFilter`) and a context over them; nil when filtering is off.
    let filtered: (filter: FontFilter, context: OpaquePointer)?
    var filter: FontFilter? { filtered?.filter }
    private let maps: [OpaquePointer]
    /// Font descriptions by style, weight and slant.
    var fonts: [FontKey: OpaquePointer] = [:]

    struct FontKey: Hashable { var style: String; var bold: Bool; var italic: Bool }
    struct Key: Hashable { var text: TextSpec; var width: Double }

    /// A shaped text: the layout (one reference owned by the cache) and what the measurer derived from it.
    struct Shaped {
        var layout: OpaquePointer
        var entry: PangoMeasurer.Entry
        var lines: [LineBox]
        var naturalWidth: Double
    }

    /// Texts longer than this (bytes) are not kept: they rarely repeat and their layouts are large.
    static let longestKept = 160
    /// Two generations of `capacity` entries each: a hit in the older one moves the entry to the newer;
    /// when the newer fills, the older is dropped. Memory stays bounded however large the team.
    static let capacity = 500
    private var recent: [Key: Shaped] = [:]
    private var older: [Key: Shaped] = [:]

    private init(spec: LayoutSpec, filter: FontFilter?, cr: OpaquePointer) {
        self.spec = spec
        let full = OpaquePointer(pango_cairo_font_map_new()!)
        var maps = [full]
        fullContext = Self.makeContext(map: full, cr: cr, language: spec.language)
        if let filter {
            let map = filter.makeMap()
            maps.append(map)
            filtered = (filter, Self.makeContext(map: map, cr: cr, language: spec.language))
        } else {
            filtered = nil
        }
        self.maps = maps
    }

    /// Contexts set up as the PDF surface paints: 72 dpi, hint metrics off, glyph positions unrounded.
    /// A PDF surface's font options and an untransformed context are the same for every document, so
    /// the context is updated from the first document's `cr` only.
    private static func makeContext(map: OpaquePointer, cr: OpaquePointer, language: String) -> OpaquePointer {
        let context = pango_font_map_create_context(UnsafeMutablePointer(map))!
        pango_cairo_update_context(cr, context)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_cairo_context_set_resolution(context, 72)
        pango_context_set_round_glyph_positions(context, 0)
        pango_context_set_language(context, pango_language_from_string(language))
        return context
    }

    /// The context to shape `text` with.
    func context(for text: String) -> OpaquePointer {
        if let filtered, filtered.filter.covers(text) { return filtered.context }
        return fullContext
    }

    /// A shaped text kept from an earlier document, if any.
    func cached(_ key: Key) -> Shaped? {
        if let hit = recent[key] { return hit }
        guard let hit = older.removeValue(forKey: key) else { return nil }
        insert(key, hit)
        return hit
    }

    /// Keeps `shaped` (taking a reference to its layout) when its text is short.
    func keep(_ key: Key, _ shaped: Shaped) {
        guard key.text.text.utf8.count <= Self.longestKept, recent[key] == nil else { return }
        g_object_ref(UnsafeMutableRawPointer(shaped.layout))
        insert(key, shaped)
    }

    private func insert(_ key: Key, _ shaped: Shaped) {
        if recent.count >= Self.capacity {
            for s in older.values { g_object_unref(UnsafeMutableRawPointer(s.layout)) }
            older = recent
            recent = [:]
            recent.reserveCapacity(Self.capacity)
        }
        recent[key] = shaped
    }

    /// Shaped texts kept right now (tests).
    var keptCount: Int { recent.count + older.count }

    // MARK: - Pool

    nonisolated(unsafe) private static var idle: [ShapingSession] = []
    private static let lock = NSLock()
    /// Set (with `$disabled.withValue(true) { ... }`) to give every document a fresh session (tests).
    @TaskLocal static var disabled = false

    /// A session for `spec`: an idle one made for an equal layout (and the same font filter), or a new one.
    static func acquire(spec: LayoutSpec, cr: OpaquePointer) -> ShapingSession {
        let filter = FontFilter.forLayout(spec)
        if !disabled {
            lock.lock()
            if let i = idle.lastIndex(where: { $0.filter === filter && $0.spec == spec }) {
                let s = idle.remove(at: i)
                lock.unlock()
                return s
            }
            lock.unlock()
        }
        return ShapingSession(spec: spec, filter: filter, cr: cr)
    }

    /// Hands the session back for the next document (at most a few idle per layout are kept).
    static func release(_ session: ShapingSession) {
        guard !disabled else { session.destroy(); return }
        lock.lock()
        idle.append(session)
        var dropped: ShapingSession?
        if idle.count > 16 { dropped = idle.removeFirst() }
        lock.unlock()
        dropped?.destroy()
    }

    private func destroy() {
        for s in recent.values { g_object_unref(UnsafeMutableRawPointer(s.layout)) }
        for s in older.values { g_object_unref(UnsafeMutableRawPointer(s.layout)) }
        recent = [:]; older = [:]
        for f in fonts.values { pango_font_description_free(f) }
        fonts = [:]
        g_object_unref(UnsafeMutableRawPointer(fullContext))
        if let filtered { g_object_unref(UnsafeMutableRawPointer(filtered.context)) }
        for m in maps { g_object_unref(UnsafeMutableRawPointer(m)) }
    }
}
