import CCairoPango
import Foundation

/// A fontconfig view holding only the faces of the families a layout names, for text those faces cover.
///
/// Pango picks a font for each run by sorting every installed face against the requested pattern
/// (`FcFontSetSort`). With fonts-noto-core and fonts-noto-cjk installed that is ~320 faces, and the sorts
/// were a fifth of the instructions of a whole `cpd report` (110 M of 730 M for a 60-activity record).
/// A layout names its families (`DejaVu Sans, Noto Sans, Noto Sans CJK SC`), so for text made only of
/// characters those families cover the sort can run over their faces alone and choose the same face:
/// the named families rank ahead of every other face in the full sort, and in the same order here,
/// because the filtered config carries the system's own rules (aliases, synthetic bold and oblique).
/// Text with any other character (Hebrew, Thai, a symbol) is shaped with the full font map as before.
///
/// `CPD_FONT_FILTER=0` turns the filter off; tests compare both ways through `disabled`.
final class FontFilter: @unchecked Sendable {
    /// The filtered config (rules of the system config, fonts of the named families only).
    let config: OpaquePointer
    /// The character sets of the named families' faces, one per distinct set (fontconfig's cached sets:
    /// merging them all up front cost more than looking a character up in a few).
    private let coverage: [OpaquePointer]
    /// Every printable ASCII character is covered: a pure ASCII text needs no lookup.
    private let coversASCII: Bool

    private init(config: OpaquePointer, coverage: [OpaquePointer]) {
        self.config = config
        self.coverage = coverage
        coversASCII = coverage.contains { set in (UInt32(0x20)...0x7E).allSatisfy { FcCharSetHasChar(set, $0) != 0 } }
    }

    /// The filter for the families `layout`'s styles name; nil when filtering is off or cannot be
    /// exact (a named family that is not installed under that name, such as an alias like `sans-serif`,
    /// whose meaning comes from config rules).
    static func forLayout(_ layout: LayoutSpec) -> FontFilter? {
        guard !disabled, !offByEnvironment else { return nil }
        var families = Set<String>()
        for style in layout.styles.values { families.formUnion(familyNames(style.family)) }
        families.formUnion(familyNames(TextStyle.fallback.family))
        let key = families.sorted().joined(separator: "\n")
        cacheLock.lock(); defer { cacheLock.unlock() }
        if let done = cache[key] { return done }
        let made = make(families: families)
        cache[key] = made
        return made
    }

    /// `CPD_FONT_FILTER=0`, read once (every document asks).
    private static let offByEnvironment = ProcessInfo.processInfo.environment["CPD_FONT_FILTER"] == "0"

    /// Set (with `$disabled.withValue(true) { ... }`) to render through the full font map only.
    @TaskLocal static var disabled = false

    nonisolated(unsafe) private static var cache: [String: FontFilter?] = [:]
    private static let cacheLock = NSLock()

    /// Family names of a comma-separated list, compared the way fontconfig does: case and blanks ignored.
    static func familyNames(_ list: String) -> Set<String> {
        Set(list.split(separator: ",").map { normalized(String($0)) }.filter { !$0.isEmpty })
    }

    private static func normalized(_ name: String) -> String {
        normalized(bytes: Array(name.utf8))
    }

    /// ASCII letters folded to lower case, blanks dropped, other bytes kept (fontconfig folds only ASCII).
    private static func normalized<C: Collection<UInt8>>(bytes: C) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for b in bytes where b != 0x20 && b != 0x09 { out.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b) }
        return String(decoding: out, as: UTF8.self)
    }

    private static func make(families: Set<String>) -> FontFilter? {
        _ = FontSetup.ready
        guard !families.isEmpty, let system = FcConfigGetFonts(nil, FcSetSystem) else { return nil }
        var chosen: [OpaquePointer] = []
        var found = Set<String>()
        let fonts = system.pointee
        for i in 0..<Int(fonts.nfont) {
            guard let p = fonts.fonts[i] else { continue }
            var n: Int32 = 0
            var name: UnsafeMutablePointer<FcChar8>?
            var hit = false
            while FcPatternGetString(p, FC_FAMILY, n, &name) == FcResultMatch, let name {
                let family = normalized(bytes: UnsafeBufferPointer(start: name, count: strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))))
                if families.contains(family) { found.insert(family); hit = true }
                n += 1
            }
            if hit { chosen.append(p) }
        }
        // Every named family must be a real family: anything else (an alias, a typo) only the full
        // config resolves the same way.
        guard found == families, let config = FcConfigCreate() else { return nil }
        guard FcConfigParseAndLoad(config, nil, 0) != 0 else { FcConfigDestroy(config); return nil }
        // A config's application font set exists once a font was offered to it; the offer of a missing
        // file makes the empty set, then the chosen faces (fontconfig's cached patterns) go in as they are.
        _ = FcConfigAppFontAddFile(config, "/nonexistent/cpd-font-filter")
        guard let set = FcConfigGetFonts(config, FcSetApplication) else { FcConfigDestroy(config); return nil }
        var coverage: [OpaquePointer] = []
        var seen = Set<OpaquePointer>()
        for p in chosen {
            FcPatternReference(p)
            guard FcFontSetAdd(set, p) != 0 else { FcPatternDestroy(p); continue }
            var cs: OpaquePointer?
            if FcPatternGetCharSet(p, FC_CHARSET, 0, &cs) == FcResultMatch, let cs, seen.insert(cs).inserted {
                coverage.append(cs)  // lives as long as the pattern, which `config` keeps
            }
        }
        return FontFilter(config: config, coverage: coverage)
    }

    /// True when every character of `text` that needs a glyph is in a face of the named families.
    func covers(_ text: String) -> Bool {
        if coversASCII && text.utf8.allSatisfy({ $0 < 0x80 }) { return true }
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x20 || (v >= 0x7F && v < 0xA0) { continue }  // controls: never drawn from a font
            if !coverage.contains(where: { FcCharSetHasChar($0, v) != 0 }) { return false }
        }
        return true
    }

    /// A new font map over the filtered config (a `ShapingSession` keeps it for its documents).
    func makeMap() -> OpaquePointer {
        let map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT)!
        pango_fc_font_map_set_config(OpaquePointer(map), config)
        return OpaquePointer(map)
    }
}
