/// Removes TrueType hinting from a font program, as `fonttools subset --no-hinting` does for fonts embedded
/// in documents.
///
/// Hinting is bytecode that grid-fits outlines at small pixel sizes on screen. PDF viewers (poppler, pdf.js,
/// MuPDF) do not run it by default and printers rasterise at resolutions where it does nothing, yet in the
/// DejaVu subsets cairo embeds it is well over half the bytes: the `fpgm`, `prep` and `cvt ` tables and the
/// instructions of every glyph. The outlines, metrics, character maps and names are kept byte for byte.
///
/// `strip` returns a font without the tables only hinting uses (`fpgm`, `prep`, `cvt `, `cvar`, `hdmx`,
/// `LTSH`, `VDMX`, and `DSIG`, whose signature no longer matches), every glyph without its instructions
/// (a simple glyph's `instructionLength` 0; a composite's trailing instructions dropped and its
/// `WE_HAVE_INSTRUCTIONS` flags cleared), `loca` rebuilt (the short format whenever the offsets fit, as
/// fonttools writes it; glyphs 2-byte aligned), `maxp`'s hinting limits set to what is left (one zone, no
/// twilight points, storage, functions, stack or instructions), and the table directory, table checksums
/// and `head.checkSumAdjustment` written afresh.
///
/// Anything unexpected (not a TrueType-outline font, `CFF `/`CFF2` outlines, a table out of bounds or
/// listed twice, a `head`, `maxp` or `loca` that is too short or inconsistent, a glyph that does not
/// parse) returns the font unchanged, and so does a font that has no hinting to remove.
enum TrueTypeHinting {
    static func strip(_ font: [UInt8]) -> [UInt8] {
        font.withUnsafeBufferPointer { buffer in Stripper(buffer)?.run() } ?? font
    }
}

private func tag(_ s: StaticString) -> UInt32 {
    let p = s.utf8Start
    return UInt32(p[0]) << 24 | UInt32(p[1]) << 16 | UInt32(p[2]) << 8 | UInt32(p[3])
}

private struct TableRecord {
    var tag: UInt32
    var offset: Int
    var length: Int
}

private struct Stripper {
    let f: UnsafeBufferPointer<UInt8>
    var tables: [TableRecord] = []

    /// Tables that only hinting uses (and a signature the changes would break).
    static let dropped: [UInt32] = [tag("fpgm"), tag("prep"), tag("cvt "), tag("cvar"), tag("hdmx"), tag("LTSH"), tag("VDMX"), tag("DSIG")]

    init?(_ f: UnsafeBufferPointer<UInt8>) {
        self.f = f
        guard f.count >= 12 else { return nil }
        let version = u32(0)
        guard version == 0x0001_0000 || version == Int(tag("true")) else { return nil }
        let n = u16(4)
        let directoryEnd = 12 + 16 * n
        guard n > 0, directoryEnd <= f.count else { return nil }
        for i in 0..<n {
            let r = 12 + 16 * i
            let t = TableRecord(tag: UInt32(u32(r)), offset: u32(r + 8), length: u32(r + 12))
            guard !tables.contains(where: { $0.tag == t.tag }) else { return nil }
            guard t.length == 0 || (t.offset >= directoryEnd && t.offset + t.length <= f.count) else { return nil }
            tables.append(t)
        }
    }

    func u16(_ i: Int) -> Int { Int(f[i]) << 8 | Int(f[i + 1]) }
    func u32(_ i: Int) -> Int { Int(f[i]) << 24 | Int(f[i + 1]) << 16 | Int(f[i + 2]) << 8 | Int(f[i + 3]) }
    func table(_ t: UInt32) -> TableRecord? { tables.first { $0.tag == t } }

    func run() -> [UInt8]? {
        guard table(tag("CFF ")) == nil, table(tag("CFF2")) == nil,
              let head = table(tag("head")), head.length >= 54, u32(head.offset + 12) == 0x5F0F_3CF5,
              u16(head.offset + 52) == 0, // glyphDataFormat
              let maxp = table(tag("maxp")), maxp.length >= 32, u32(maxp.offset) == 0x0001_0000,
              let loca = table(tag("loca")), let glyf = table(tag("glyf")) else { return nil }
        let longLoca: Bool
        switch u16(head.offset + 50) { // indexToLocFormat
        case 0: longLoca = false
        case 1: longLoca = true
        default: return nil
        }
        let numGlyphs = u16(maxp.offset + 4)
        guard loca.length >= (numGlyphs + 1) * (longLoca ? 4 : 2) else { return nil }
        func location(_ i: Int) -> Int { longLoca ? u32(loca.offset + 4 * i) : 2 * u16(loca.offset + 2 * i) }

        // The glyphs without their instructions, each padded to an even length.
        var glyphs: [UInt8] = []
        glyphs.reserveCapacity(glyf.length)
        var offsets: [Int] = [0]
        offsets.reserveCapacity(numGlyphs + 1)
        var removed = 0
        var start = location(0)
        for i in 0..<numGlyphs {
            let end = location(i + 1)
            guard start <= end, end <= glyf.length else { return nil }
            if end > start {
                guard let r = strippedGlyph(glyf.offset + start, glyf.offset + end, into: &glyphs) else { return nil }
                removed += r
                if glyphs.count % 2 == 1 { glyphs.append(0) }
            }
            offsets.append(glyphs.count)
            start = end
        }
        let droppedTables = tables.filter { Self.dropped.contains($0.tag) }
        guard removed > 0 || !droppedTables.isEmpty else { return nil } // nothing to strip

        // loca: short (offset / 2 in 16 bits) whenever it fits.
        let shortLoca = glyphs.count <= 0x1FFFE
        var newLoca: [UInt8] = []
        newLoca.reserveCapacity((numGlyphs + 1) * (shortLoca ? 2 : 4))
        for o in offsets {
            if shortLoca { append16(o / 2, to: &newLoca) } else { append32(o, to: &newLoca) }
        }

        var newHead = Array(f[head.offset..<(head.offset + head.length)])
        put32(0, at: 8, in: &newHead) // checkSumAdjustment, set once the whole font is written
        put16(shortLoca ? 0 : 1, at: 50, in: &newHead)

        var newMaxp = Array(f[maxp.offset..<(maxp.offset + maxp.length)])
        put16(1, at: 14, in: &newMaxp)  // maxZones: no twilight zone
        for field in [16, 18, 20, 22, 24, 26] { // maxTwilightPoints, maxStorage, maxFunctionDefs, maxInstructionDefs, maxStackElements, maxSizeOfInstructions
            put16(0, at: field, in: &newMaxp)
        }

        // The tables kept, their data in the order the input had it, the directory sorted by tag.
        let kept = tables.filter { !Self.dropped.contains($0.tag) }
        let dataOrder = kept.sorted { ($0.offset, $0.tag) < ($1.offset, $1.tag) }
        let directory = kept.sorted { $0.tag < $1.tag }
        var out: [UInt8] = []
        out.reserveCapacity(12 + 16 * kept.count + glyphs.count + f.count / 4)
        append32(u32(0), to: &out)
        append16(kept.count, to: &out)
        var power = 1, log = 0
        while power * 2 <= kept.count { power *= 2; log += 1 }
        append16(16 * power, to: &out)                  // searchRange
        append16(log, to: &out)                         // entrySelector
        append16(16 * (kept.count - power), to: &out)   // rangeShift
        let directoryAt = out.count
        out += repeatElement(0, count: 16 * kept.count)
        var placed: [UInt32: (offset: Int, length: Int, checksum: UInt32)] = [:]
        var headAt = -1
        for t in dataOrder {
            let at = out.count
            switch t.tag {
            case tag("glyf"): out += glyphs
            case tag("loca"): out += newLoca
            case tag("head"): out += newHead; headAt = at
            case tag("maxp"): out += newMaxp
            default: if t.length > 0 { out += f[t.offset..<(t.offset + t.length)] }
            }
            let length = out.count - at
            while out.count % 4 != 0 { out.append(0) }
            placed[t.tag] = (at, length, Self.checksum(out, at, out.count))
        }
        for (i, t) in directory.enumerated() {
            guard let p = placed[t.tag] else { return nil }
            let r = directoryAt + 16 * i
            put32(Int(t.tag), at: r, in: &out)
            put32(Int(p.checksum), at: r + 4, in: &out)
            put32(p.offset, at: r + 8, in: &out)
            put32(p.length, at: r + 12, in: &out)
        }
        guard headAt >= 0 else { return nil }
        put32(Int(0xB1B0_AFBA &- Self.checksum(out, 0, out.count)), at: headAt + 8, in: &out)
        return out
    }

    /// Appends glyph `start..<end` of the input without its instructions; returns how many instruction
    /// bytes were left out, or nil if the glyph does not parse.
    func strippedGlyph(_ start: Int, _ end: Int, into out: inout [UInt8]) -> Int? {
        guard end - start >= 10 else { return nil }
        let contours = Int(Int16(truncatingIfNeeded: u16(start)))
        if contours >= 0 {
            // Simple: endPtsOfContours, instructionLength, instructions, flags, x coordinates, y coordinates.
            let lengthAt = start + 10 + 2 * contours
            guard lengthAt + 2 <= end else { return nil }
            let instructions = u16(lengthAt)
            let flagsAt = lengthAt + 2 + instructions
            guard flagsAt <= end else { return nil }
            let points = contours == 0 ? 0 : u16(lengthAt - 2) + 1
            var i = flagsAt, n = 0, xBytes = 0, yBytes = 0
            while n < points {
                guard i < end else { return nil }
                let flag = f[i]
                i += 1
                var times = 1
                if flag & 0x08 != 0 { // REPEAT_FLAG
                    guard i < end else { return nil }
                    times += Int(f[i])
                    i += 1
                }
                guard n + times <= points else { return nil }
                n += times
                xBytes += times * (flag & 0x02 != 0 ? 1 : (flag & 0x10 != 0 ? 0 : 2))
                yBytes += times * (flag & 0x04 != 0 ? 1 : (flag & 0x20 != 0 ? 0 : 2))
            }
            let dataEnd = i + xBytes + yBytes
            guard dataEnd <= end else { return nil }
            out += f[start..<lengthAt]
            out += [0, 0]
            out += f[flagsAt..<dataEnd]
            return instructions
        }
        // Composite: components, then instructions if any component says so.
        out += f[start..<(start + 10)]
        var i = start + 10
        var hasInstructions = false
        while true {
            guard i + 4 <= end else { return nil }
            let flags = u16(i)
            guard flags & 0x2000 == 0 else { return nil } // 24-bit glyph ids: not in the spec this follows
            var size = 4 + (flags & 0x0001 != 0 ? 4 : 2)
            if flags & 0x0008 != 0 { size += 2 } else if flags & 0x0040 != 0 { size += 4 } else if flags & 0x0080 != 0 { size += 8 }
            guard i + size <= end else { return nil }
            if flags & 0x0100 != 0 { hasInstructions = true }
            append16(flags & ~0x0100, to: &out)
            out += f[(i + 2)..<(i + size)]
            i += size
            if flags & 0x0020 == 0 { break } // MORE_COMPONENTS
        }
        guard hasInstructions else { return 0 }
        guard i + 2 <= end, i + 2 + u16(i) <= end else { return nil }
        return 2 + u16(i)
    }

    /// The sum of the big-endian 32-bit words of `bytes[from..<to]` (`from` 4-aligned, the end zero-padded).
    static func checksum(_ bytes: [UInt8], _ from: Int, _ to: Int) -> UInt32 {
        var sum: UInt32 = 0
        var i = from
        while i < to {
            var word: UInt32 = 0
            for k in 0..<4 { word = word << 8 | UInt32(i + k < to ? bytes[i + k] : 0) }
            sum &+= word
            i += 4
        }
        return sum
    }
}

private func append16(_ v: Int, to out: inout [UInt8]) {
    out.append(UInt8(truncatingIfNeeded: v >> 8)); out.append(UInt8(truncatingIfNeeded: v))
}
private func append32(_ v: Int, to out: inout [UInt8]) {
    append16(v >> 16, to: &out); append16(v, to: &out)
}
private func put16(_ v: Int, at i: Int, in out: inout [UInt8]) {
    out[i] = UInt8(truncatingIfNeeded: v >> 8); out[i + 1] = UInt8(truncatingIfNeeded: v)
}
private func put32(_ v: Int, at i: Int, in out: inout [UInt8]) {
    put16(v >> 16, at: i, in: &out); put16(v, at: i + 2, in: &out)
}
