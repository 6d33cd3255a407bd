import Testing
import Foundation
@testable import CPDRender
@testable import CPDKit

/// TrueType font programs inside a PDF, and an independent reader (fonttools) to check them with.
enum FontPrograms {
    struct Found {
        var font: [UInt8]        // the decoded program
        var data: Range<Int>     // the stream's data in the file
        var length1: Range<Int>  // the digits of its /Length1
    }

    static func index(of needle: String, in bytes: [UInt8], from: Int = 0) -> Int? {
        let n = Array(needle.utf8)
        var i = from
        while i + n.count <= bytes.count {
            if bytes[i] == n[0] && Array(bytes[i..<(i + n.count)]) == n { return i }
            i += 1
        }
        return nil
    }

    /// Every deflated stream with a direct /Length1 (cairo's and the compactor's FontFile2 streams), decoded.
    static func find(in pdf: [UInt8]) -> [Found] {
        var found: [Found] = []
        var at = 0
        while let k = index(of: "/Length1", in: pdf, from: at) {
            var i = k + 8
            while pdf[i] == 0x20 { i += 1 }
            let digits = i
            while pdf[i] >= 0x30 && pdf[i] <= 0x39 { i += 1 }
            let size = Int(String(decoding: pdf[digits..<i], as: UTF8.self)) ?? 0
            guard var start = index(of: "stream", in: pdf, from: i), let end = index(of: "endstream", in: pdf, from: start + 6) else { break }
            start += 6
            if pdf[start] == 0x0D { start += 1 }
            start += 1
            var stop = end
            if pdf[stop - 1] == 0x0A { stop -= 1 }
            if pdf[stop - 1] == 0x0D { stop -= 1 }
            let font = pdf[start..<stop].withUnsafeBytes { Deflate.decompress($0, size: size) } ?? []
            found.append(Found(font: font, data: start..<stop, length1: digits..<i))
            at = end
        }
        return found
    }

    /// A Python that has fonttools: `make deps` installs Debian's python3-fonttools for /usr/bin/python3,
    /// which a `python3` earlier on PATH (pyenv, a venv) may not see.
    static let python: String? = ["python3", "/usr/bin/python3"].first {
        (try? PDFTools.run($0, ["-c", "import fontTools.ttLib"]).status) == 0
    }
    static var fontToolsAvailable: Bool { python != nil }
    static let noFontTools = "fonttools is not importable by python3 or /usr/bin/python3 here (make deps installs python3-fonttools): the stripped fonts are then checked only by poppler and MuPDF in PDFCompactorTests"

    /// fonttools loads `stripped` (table checksums verified), every glyph of it parses, none has instructions,
    /// no hinting table is left, `maxp` says so, and the outlines, advance widths and character map are those
    /// of `original`. Prints `OK glyphs=N composites=M` per pair; fails (non-zero status) otherwise.
    static let script = #"""
    import sys
    from fontTools.ttLib import TTFont
    from fontTools.pens.recordingPen import RecordingPen
    args = sys.argv[1:]
    for original, stripped in zip(args[0::2], args[1::2]):
        a = TTFont(original)
        b = TTFont(stripped, checkChecksums=2)
        for tag in ("fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX"):
            assert tag not in b, tag
        m = b["maxp"]
        assert (m.maxSizeOfInstructions, m.maxFunctionDefs, m.maxInstructionDefs, m.maxStackElements, m.maxStorage, m.maxTwilightPoints, m.maxZones) == (0, 0, 0, 0, 0, 0, 1)
        assert a.getGlyphOrder() == b.getGlyphOrder()
        glyf, ga, gb = b["glyf"], a.getGlyphSet(), b.getGlyphSet()
        composites = 0
        for name in b.getGlyphOrder():
            g = glyf[name]
            if g.isComposite():
                composites += 1
                assert not hasattr(g, "program") or len(g.program.getBytecode()) == 0, name
                assert all(c.flags & 0x100 == 0 for c in g.components), name
            elif g.numberOfContours > 0:
                assert len(g.program.getBytecode()) == 0, name
            pa, pb = RecordingPen(), RecordingPen()
            ga[name].draw(pa)
            gb[name].draw(pb)
            assert pa.value == pb.value, name
        assert a["hmtx"].metrics == b["hmtx"].metrics
        assert a["cmap"].getBestCmap() == b["cmap"].getBestCmap()
        print("OK glyphs=%d composites=%d" % (len(b.getGlyphOrder()), composites))
    """#

    /// Runs `script` on (original, stripped) pairs of font programs; returns its output lines.
    static func fontToolsCheck(_ pairs: [(original: [UInt8], stripped: [UInt8])]) throws -> [String] {
        var args: [String] = []
        for (i, pair) in pairs.enumerated() {
            args.append(try PDFTools.write(pair.original, name: "original-\(i).ttf"))
            args.append(try PDFTools.write(pair.stripped, name: "stripped-\(i).ttf"))
        }
        let out = try PDFTools.run(python ?? "python3", ["-c", script] + args)
        #expect(out.status == 0, "\(out.stderr)")
        return out.stdout.split(separator: "\n").map(String.init)
    }
}

/// `TrueTypeHinting.strip` on the subsets cairo embeds and on whole DejaVu fonts: the result must be a valid
/// font with the same outlines and no hinting; anything it does not understand comes back unchanged.
@Suite(.serialized) struct TrueTypeHintingTests {
    /// The font programs cairo embedded in the 40-activity test record (DejaVu Sans, Bold, Oblique subsets).
    static let cairoFonts: Result<[[UInt8]], Error> = Result {
        let record = SampleRecords.record(activities: 40)
        let raw = try RecordRenderer.render(record, assessments: [SampleRecords.assessment(for: record)], layout: try LayoutCatalog.layout("formal"),
                                            options: SampleRecords.options, compacting: false)
        return FontPrograms.find(in: raw).map(\.font)
    }

    static let dejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

    static func u16(_ f: [UInt8], _ i: Int) -> Int { Int(f[i]) << 8 | Int(f[i + 1]) }
    static func u32(_ f: [UInt8], _ i: Int) -> Int { u16(f, i) << 16 | u16(f, i + 2) }
    static func put32(_ v: Int, _ f: inout [UInt8], _ i: Int) { for k in 0..<4 { f[i + k] = UInt8(truncatingIfNeeded: v >> (24 - 8 * k)) } }

    /// The table records: tag, offset, length, and where the record is.
    static func tables(_ f: [UInt8]) -> [(tag: String, offset: Int, length: Int, record: Int)] {
        (0..<u16(f, 4)).map { i in
            let r = 12 + 16 * i
            return (String(decoding: f[r..<(r + 4)], as: UTF8.self), u32(f, r + 8), u32(f, r + 12), r)
        }
    }

    static func checksum(_ f: ArraySlice<UInt8>) -> UInt32 {
        var sum: UInt32 = 0
        var word: UInt32 = 0
        for (k, b) in f.enumerated() {
            word = word << 8 | UInt32(b)
            if k % 4 == 3 { sum &+= word; word = 0 }
        }
        if f.count % 4 != 0 { sum &+= word << (8 * UInt32(4 - f.count % 4)) }
        return sum
    }

    /// The structure the spec asks for, checked here without fonttools.
    static func expectWellFormed(_ f: [UInt8]) {
        #expect(u32(f, 0) == 0x0001_0000)
        let t = tables(f)
        #expect(t.map(\.tag) == t.map(\.tag).sorted(), "directory sorted by tag")
        var power = 1
        while power * 2 <= t.count { power *= 2 }
        #expect(u16(f, 6) == 16 * power && u16(f, 10) == 16 * (t.count - power))
        for e in t {
            #expect(e.offset % 4 == 0 && e.offset + e.length <= f.count, "\(e.tag)")
            var table = Array(f[e.offset..<(e.offset + e.length)])
            if e.tag == "head" { put32(0, &table, 8) }
            #expect(UInt32(u32(f, e.record + 4)) == checksum(table[...]), "checksum of \(e.tag)")
        }
        #expect(checksum(f[...]) == 0xB1B0_AFBA, "head.checkSumAdjustment")
        #expect(!t.contains { ["fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX"].contains($0.tag) })
    }

    @Test func cairoSubsetsLoseTheirHinting() throws {
        let fonts = try Self.cairoFonts.get()
        #expect(fonts.count == 3 && fonts.allSatisfy { $0.count > 5000 })
        var before = 0, after = 0
        for font in fonts {
            #expect(Self.tables(font).contains { $0.tag == "fpgm" } && Self.tables(font).contains { $0.tag == "prep" })
            let stripped = TrueTypeHinting.strip(font)
            Self.expectWellFormed(stripped)
            #expect(stripped.count * 2 < font.count, "\(stripped.count) of \(font.count) bytes")
            // cairo writes the long loca format; the offsets now fit the short one.
            #expect(Self.u16(font, Self.tables(font).first { $0.tag == "head" }!.offset + 50) == 1)
            #expect(Self.u16(stripped, Self.tables(stripped).first { $0.tag == "head" }!.offset + 50) == 0)
            // Nothing left to strip: the second time gives the same font back.
            #expect(TrueTypeHinting.strip(stripped) == stripped)
            before += font.count; after += stripped.count
        }
        #expect(after * 2 < before)
    }

    @Test(.enabled(if: FontPrograms.fontToolsAvailable, Comment(rawValue: FontPrograms.noFontTools)))
    func fontToolsReadsTheStrippedSubsets() throws {
        let fonts = try Self.cairoFonts.get()
        let lines = try FontPrograms.fontToolsCheck(fonts.map { ($0, TrueTypeHinting.strip($0)) })
        #expect(lines.count == 3 && lines.allSatisfy { $0.hasPrefix("OK glyphs=") }, "\(lines)")
    }

    /// A whole font: 6,000 glyphs, composite glyphs (accented letters), GSUB/GPOS, and a `glyf` too long for the
    /// short `loca` format, which must stay long.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: dejaVu)))
    func aWholeFontWithCompositeGlyphs() throws {
        let font = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.dejaVu)))
        let stripped = TrueTypeHinting.strip(font)
        Self.expectWellFormed(stripped)
        #expect(stripped.count < font.count - 50_000, "\(stripped.count) of \(font.count)")
        let glyf = try #require(Self.tables(stripped).first { $0.tag == "glyf" })
        #expect(glyf.length > 0x1FFFE)
        #expect(Self.u16(stripped, Self.tables(stripped).first { $0.tag == "head" }!.offset + 50) == 1, "long loca: the offsets do not fit the short one")
        // Tables other than the ones rebuilt are copied byte for byte.
        for e in Self.tables(font) where ["GSUB", "GPOS", "cmap", "hmtx", "name", "post", "OS/2", "kern"].contains(e.tag) {
            let s = try #require(Self.tables(stripped).first { $0.tag == e.tag })
            #expect(stripped[s.offset..<(s.offset + s.length)] == font[e.offset..<(e.offset + e.length)], "\(e.tag)")
        }
        if FontPrograms.fontToolsAvailable {
            let lines = try FontPrograms.fontToolsCheck([(font, stripped)])
            let composites = Int(lines.first?.split(separator: "=").last ?? "") ?? 0
            #expect(composites > 100, "\(lines)")
        }
    }

    // MARK: Anything else comes back unchanged

    @Test func malformedFontsComeBackUnchanged() throws {
        let font = try #require(try Self.cairoFonts.get().first)
        let t = Self.tables(font)
        func record(_ tag: String) throws -> (tag: String, offset: Int, length: Int, record: Int) { try #require(t.first { $0.tag == tag }) }
        let glyf = try record("glyf"), loca = try record("loca"), head = try record("head"), maxp = try record("maxp")
        try #require(Self.u16(font, head.offset + 50) == 1, "the edits below read cairo's long loca")
        var cases: [(String, [UInt8])] = [("empty", []), ("directory only", Array(font.prefix(12 + 16 * t.count)))]
        let tablesEnd = t.map { $0.offset + $0.length }.max() ?? 0 // the last byte of the last table
        for cut in [5, 11, 100, font.count / 2, tablesEnd - 1] { cases.append(("cut at \(cut)", Array(font.prefix(cut)))) }
        var x: UInt32 = 99
        cases.append(("garbage", (0..<4000).map { _ in x = x &* 1_103_515_245 &+ 12345; return UInt8(truncatingIfNeeded: x >> 16) }))
        func edited(_ name: String, _ edit: (inout [UInt8]) -> Void) { var f = font; edit(&f); cases.append((name, f)) }
        edited("OpenType CFF version") { Self.put32(0x4F54_544F, &$0, 0) }
        edited("a CFF table") { f in for (k, b) in "CFF ".utf8.enumerated() { f[t[0].record + k] = b } }
        edited("a table listed twice") { f in for k in 0..<4 { f[t[1].record + k] = f[t[0].record + k] } }
        edited("glyf past the end") { Self.put32(font.count - 4, &$0, glyf.record + 8) }
        edited("glyf longer than the file") { Self.put32(font.count, &$0, glyf.record + 12) }
        edited("table before the directory") { Self.put32(4, &$0, loca.record + 8) }
        edited("loca past glyf") { Self.put32(glyf.length + 8, &$0, loca.offset + loca.length - 4) }
        edited("loca going back") { f in
            var k = 1
            while Self.u32(font, loca.offset + 4 * k) == 0 { k += 1 }
            Self.put32(0, &f, loca.offset + 4 * (k + 1))
        }
        edited("head magic") { Self.put32(0x1234_5678, &$0, head.offset + 12) }
        edited("indexToLocFormat 2") { $0[head.offset + 51] = 2 }
        edited("maxp 0.5") { Self.put32(0x0000_5000, &$0, maxp.offset) }
        edited("more glyphs than loca has") { $0[maxp.offset + 4] = 0x7F }
        // The first glyph with contours, made not to parse: more contours than its bytes hold.
        var g = 0
        while Self.u32(font, loca.offset + 4 * (g + 1)) == Self.u32(font, loca.offset + 4 * g) { g += 1 }
        let glyph = glyf.offset + Self.u32(font, loca.offset + 4 * g)
        edited("a glyph with too many contours") { $0[glyph] = 0x7F }
        edited("a glyph with too long instructions") { f in
            let at = glyph + 10 + 2 * Self.u16(font, glyph)
            f[at] = 0xFF; f[at + 1] = 0xFF
        }
        edited("a glyph with more points than flags") { f in
            let endPt = glyph + 10 + 2 * Self.u16(font, glyph) - 2
            f[endPt] = 0x7F
        }
        for (name, bytes) in cases {
            let unchanged = TrueTypeHinting.strip(bytes) == bytes
            #expect(unchanged, "\(name)")
        }
        // The same font unedited does get stripped (so the cases above are refused for what they change).
        #expect(TrueTypeHinting.strip(font) != font)
    }

    /// A font with no hinting at all is returned as it is.
    @Test func aFontWithoutHintingComesBackUnchanged() throws {
        let font = try #require(try Self.cairoFonts.get().first)
        let stripped = TrueTypeHinting.strip(font)
        #expect(TrueTypeHinting.strip(stripped) == stripped)
    }
}
