import Testing
import Foundation
@testable import CPDRender
@testable import CPDKit

/// `PDFCompactor` on cairo's own output: the compacted record must read back exactly as the uncompacted one
/// (text, metadata, outline, destinations, links, structure tree, pixels), be smaller, be the same bytes every
/// time, and anything it does not understand must come back untouched.
@Suite(.serialized) struct PDFCompactorTests {
    static let record = SampleRecords.record(activities: 40)

    /// The record as cairo wrote it, and as `RecordRenderer.render` returns it.
    static let pdfs: Result<(raw: [UInt8], compacted: [UInt8], rawPath: String, path: String), Error> = Result {
        let layout = try LayoutCatalog.layout("formal")
        let assessments = [SampleRecords.assessment(for: record)]
        let raw = try RecordRenderer.render(record, assessments: assessments, layout: layout, options: SampleRecords.options, compacting: false)
        let compacted = try RecordRenderer.render(record, assessments: assessments, layout: layout, options: SampleRecords.options)
        return (raw, compacted, try PDFTools.write(raw, name: "raw.pdf"), try PDFTools.write(compacted, name: "compacted.pdf"))
    }

    static func latin1(_ bytes: [UInt8]) -> String { String(decoding: bytes.map { $0 < 128 ? $0 : 0x3F }, as: UTF8.self) }

    /// qpdf's view of a file with every object written out plainly: comparable whatever the packing.
    static func qdf(_ path: String) throws -> String {
        try PDFTools.run("qpdf", ["--qdf", "--object-streams=disable", path, "-"]).stdout
    }

    static func expectClean(_ path: String) throws {
        let check = try PDFTools.run("qpdf", ["--check", path])
        #expect(check.status == 0, "\(path)")
        #expect(!check.stdout.contains("WARNING") && !check.stderr.contains("WARNING") && check.stderr.isEmpty, "\(check.stdout)\(check.stderr)")
    }

    @Test func renderReturnsTheCompactedRecord() throws {
        let pdfs = try Self.pdfs.get()
        #expect(pdfs.compacted == PDFCompactor.compact(pdfs.raw))
        #expect(pdfs.compacted != pdfs.raw)
    }

    @Test func qpdfFindsNothingWrong() throws {
        try Self.expectClean(try Self.pdfs.get().path)
    }

    @Test func isLessThanHalfTheSize() throws {
        let pdfs = try Self.pdfs.get()
        #expect(pdfs.compacted.count * 2 < pdfs.raw.count, "\(pdfs.compacted.count) of \(pdfs.raw.count) bytes")
    }

    @Test func isPDF15WithObjectAndXrefStreamsAndNoLengthObjects() throws {
        let pdfs = try Self.pdfs.get()
        #expect(Array(pdfs.compacted.prefix(10)) == Array("%PDF-1.5\n%".utf8))
        #expect(pdfs.compacted[10..<14].allSatisfy { $0 >= 128 } && pdfs.compacted[14] == 0x0A)
        let text = Self.latin1(pdfs.compacted)
        #expect(text.contains("/Type/ObjStm") && text.contains("/Type/XRef"))
        #expect(!text.contains("\nxref\n") && !text.contains("trailer"))
        #expect(text.hasSuffix("%%EOF\n"))
        // cairo writes every stream's length as an object of its own; here each is inlined.
        #expect(Self.latin1(pdfs.raw).contains(/\/Length \d+ 0 R/))
        #expect(!text.contains(/\/Length ?\d+ 0 R/))
    }

    @Test func textIsIdentical() throws {
        let pdfs = try Self.pdfs.get()
        let before = try PDFTools.text(pdfs.rawPath), after = try PDFTools.text(pdfs.path)
        #expect(!before.isEmpty && before.contains("Reflections"))
        #expect(after == before)
        let rawText = try PDFTools.run("pdftotext", ["-raw", pdfs.rawPath, "-"]).stdout
        #expect(try PDFTools.run("pdftotext", ["-raw", pdfs.path, "-"]).stdout == rawText)
    }

    @Test func pagesAndMetadataAreUnchanged() throws {
        let pdfs = try Self.pdfs.get()
        var before = try PDFTools.info(pdfs.rawPath), after = try PDFTools.info(pdfs.path)
        #expect(before.removeValue(forKey: "File size") != nil && after.removeValue(forKey: "File size") != nil)
        #expect(after == before)
        #expect(after["Title"]?.contains("Zoë Ångström-Núñez") == true)
        #expect(after["Author"] == "Zoë Ångström-Núñez" && after["Creator"] == "cpd test" && after["Tagged"] == "yes")
        #expect(Int(after["Pages"] ?? "") ?? 0 > 5)
        let npages = try PDFTools.run("qpdf", ["--show-npages", pdfs.path]).stdout
        #expect(npages == (try PDFTools.run("qpdf", ["--show-npages", pdfs.rawPath]).stdout))
    }

    @Test func outlineAndDestinationsAreUnchanged() throws {
        let pdfs = try Self.pdfs.get()
        // Object numbers change (objects are renumbered); everything else in the outline must not.
        func outline(_ path: String) throws -> String {
            try PDFTools.run("qpdf", ["--json", "--json-key=outlines", path]).stdout.replacing(/\d+ 0 R/, with: "REF")
        }
        let before = try outline(pdfs.rawPath)
        #expect(before.contains("\"Reflections\"") && before.contains("\"1. Team meeting 1\""))
        #expect(try outline(pdfs.path) == before)
        let dests = try PDFTools.run("pdfinfo", ["-dests", pdfs.rawPath]).stdout
        #expect(dests.contains("reflection-40") && dests.contains("activity-40"))
        #expect(try PDFTools.run("pdfinfo", ["-dests", pdfs.path]).stdout == dests)
    }

    @Test func linksAnnotationsAndStructureTreeAreAllThere() throws {
        let pdfs = try Self.pdfs.get()
        let before = try Self.qdf(pdfs.rawPath), after = try Self.qdf(pdfs.path)
        for marker in ["/Subtype /Link", "/Type /Annot", "/Type /StructElem", "/S /TD", "/S /Link", "/Type /OBJR", "/URI (", "/Dest (", "/StructParents", "/Type /Page\n"] {
            let n = before.components(separatedBy: marker).count - 1
            #expect(n > 0, "\(marker) not in cairo's output")
            #expect(after.components(separatedBy: marker).count - 1 == n, "\(marker)")
        }
        for marker in ["/StructTreeRoot", "/ParentTree", "/Outlines", "/Dests", "/MarkInfo", "/Annots"] {
            #expect(after.contains(marker), "\(marker)")
        }
        #expect(after.components(separatedBy: "/Subtype /Link").count - 1 >= 2 * Self.record.activities.count)
        #expect(after.contains("/URI (https://evidence.example.org/"))
    }

    @Test func pagesRenderToTheSamePixels() throws {
        let pdfs = try Self.pdfs.get()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cpdcompact-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (path, root) in [(pdfs.rawPath, "raw"), (pdfs.path, "compacted")] {
            #expect(try PDFTools.run("pdftoppm", ["-png", "-r", "40", "-f", "1", "-l", "3", path, dir + "/" + root]).status == 0)
        }
        // pdftoppm names pages raw-1.png or raw-01.png, as the page count needs.
        let pages = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("raw-") }.sorted()
        #expect(pages.count == 3)
        for page in pages {
            let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + page))
            let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/compacted-" + page.dropFirst(4)))
            #expect(a.count > 1000 && a == b, "\(page)")
        }
    }

    @Test func sameInputSameBytes() throws {
        let pdfs = try Self.pdfs.get()
        #expect(PDFCompactor.compact(pdfs.raw) == pdfs.compacted)
        let again = try RecordRenderer.render(Self.record, assessments: [SampleRecords.assessment(for: Self.record)],
                                              layout: try LayoutCatalog.layout("formal"), options: SampleRecords.options)
        #expect(again == pdfs.compacted)
    }

    /// Small object streams, no predictor: several object streams, wider fields, still a clean file with the same text.
    @Test func otherPackingsAreAlsoValid() throws {
        let pdfs = try Self.pdfs.get()
        let before = try PDFTools.text(pdfs.rawPath)
        for settings in [PDFCompactor.Settings(objectsPerStream: 37, bytesPerStream: 1 << 20, xrefPredictor: false),
                         PDFCompactor.Settings(objectsPerStream: 100_000, bytesPerStream: 3_000, xrefPredictor: true)] {
            let bytes = PDFCompactor.compact(pdfs.raw, settings: settings)
            #expect(Self.latin1(bytes).components(separatedBy: "/Type/ObjStm").count - 1 > 5)
            let path = try PDFTools.write(bytes, name: "packed.pdf")
            try Self.expectClean(path)
            #expect(try PDFTools.text(path) == before)
            #expect(try PDFTools.run("pdfinfo", ["-dests", path]).stdout == (try PDFTools.run("pdfinfo", ["-dests", pdfs.rawPath]).stdout))
        }
    }

    // MARK: Fonts without hinting

    /// pdffonts' table without the object-number columns (objects are renumbered).
    static func fonts(_ path: String) throws -> [String] {
        try PDFTools.run("pdffonts", [path]).stdout.split(separator: "\n").map { String($0).replacing(/\s+\d+\s+\d+$/, with: "") }
    }

    @Test func embeddedFontsLoseTheirHintingAndNothingElse() throws {
        let pdfs = try Self.pdfs.get()
        let before = FontPrograms.find(in: pdfs.raw), after = FontPrograms.find(in: pdfs.compacted)
        #expect(before.count == 3 && after.count == 3)
        // Each font program is cairo's without hinting (the compactor may write the streams in another order).
        let stripped = before.map { TrueTypeHinting.strip($0.font) }
        #expect(Set(after.map(\.font)) == Set(stripped))
        #expect(zip(before, stripped).allSatisfy { $1.count * 2 < $0.font.count })
        let bytesBefore = before.reduce(0) { $0 + $1.data.count }, bytesAfter = after.reduce(0) { $0 + $1.data.count }
        #expect(bytesAfter * 2 < bytesBefore, "font streams: \(bytesBefore) -> \(bytesAfter) bytes")
        // The same fonts, embedded, subset, with ToUnicode maps.
        let list = try Self.fonts(pdfs.rawPath)
        #expect(list.count == 5 && list.dropFirst(2).allSatisfy { $0.contains("TrueType") && $0.hasSuffix("yes yes yes") }, "\(list)")
        #expect(try Self.fonts(pdfs.path) == list)
        if FontPrograms.fontToolsAvailable {
            let lines = try FontPrograms.fontToolsCheck(zip(before, after).map { pair in
                (pair.0.font, after.first { $0.font == TrueTypeHinting.strip(pair.0.font) }?.font ?? [])
            })
            #expect(lines.count == 3 && lines.allSatisfy { $0.hasPrefix("OK glyphs=") }, "\(lines)")
        }
    }

    /// Poppler and MuPDF do not run TrueType hinting: every page at 150 dpi is the same pixels without it.
    @Test func everyPageRendersToTheSamePixelsAt150DPI() throws {
        let pdfs = try Self.pdfs.get()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cpdcompact-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (path, root) in [(pdfs.rawPath, "raw"), (pdfs.path, "compacted")] {
            #expect(try PDFTools.run("pdftoppm", ["-png", "-r", "150", path, dir + "/" + root]).status == 0)
        }
        let pages = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("raw-") }.sorted()
        #expect(pages.count == Int(try PDFTools.info(pdfs.path)["Pages"] ?? "") && pages.count > 5)
        for page in pages {
            let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + page))
            let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/compacted-" + page.dropFirst(4)))
            #expect(a.count > 10_000 && a == b, "\(page)")
        }
        // MuPDF, where it is installed.
        if (try? PDFTools.run("mutool", ["-v"]))?.status == 0 {
            for (path, root) in [(pdfs.rawPath, "mraw"), (pdfs.path, "mcompacted")] {
                #expect(try PDFTools.run("mutool", ["draw", "-q", "-r", "150", "-o", dir + "/" + root + "-%d.png", path, "1-3"]).status == 0)
            }
            for n in 1...3 {
                let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/mraw-\(n).png"))
                let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/mcompacted-\(n).png"))
                #expect(a.count > 10_000 && a == b, "mutool page \(n)")
            }
        }
    }

    /// `raw` with byte ranges replaced and its cross-reference table and startxref moved to match (cairo's
    /// single-subsection table; no edit may span the start of an object).
    static func edited(_ raw: [UInt8], _ edits: [(range: Range<Int>, bytes: [UInt8])]) throws -> [UInt8] {
        let edits = edits.sorted { $0.range.lowerBound < $1.range.lowerBound }
        func moved(_ offset: Int) -> Int { edits.filter { $0.range.upperBound <= offset }.reduce(offset) { $0 + $1.bytes.count - $1.range.count } }
        var out: [UInt8] = []
        var at = 0
        for e in edits { out += raw[at..<e.range.lowerBound]; out += e.bytes; at = e.range.upperBound }
        out += raw[at...]
        let startxref = try #require(lastIndex(of: "startxref\n", in: out)) + 10
        var end = startxref
        while out[end] != 0x0A { end += 1 }
        let xref = try #require(Int(String(decoding: out[startxref..<end], as: UTF8.self)))
        let table = moved(xref)
        #expect(Array(out[table..<(table + 7)]) == Array("xref\n0 ".utf8))
        var entry = table + 7
        while out[entry] != 0x0A { entry += 1 }
        entry += 1
        while out[entry + 17] == 0x6E || out[entry + 17] == 0x66 { // n, f
            if out[entry + 17] == 0x6E {
                let offset = try #require(Int(String(decoding: out[entry..<(entry + 10)], as: UTF8.self)))
                out.replaceSubrange(entry..<(entry + 10), with: Array(String(format: "%010d", moved(offset)).utf8))
            }
            entry += 20
        }
        out.replaceSubrange(startxref..<end, with: Array(String(moved(xref)).utf8))
        return out
    }

    /// cairo's record with its first font program replaced by `font` (deflated; /Length and /Length1 to match,
    /// or /Length1 as given).
    static func withFont(_ raw: [UInt8], _ font: [UInt8], length1: Int? = nil) throws -> (pdf: [UInt8], data: [UInt8]) {
        let first = try #require(FontPrograms.find(in: raw).first)
        let data = try #require(Deflate.compress([font], level: 6))
        // The stream's /Length is an object of its own: "/Length N 0 R", then "N 0 obj <length> endobj".
        let dictionary = String(decoding: raw[(first.data.lowerBound - 120)..<first.data.lowerBound], as: UTF8.self)
        let number = try #require(dictionary.matches(of: /\/Length (\d+) 0 R/).last?.output.1)
        var at = try #require(FontPrograms.index(of: "\n\(number) 0 obj", in: raw)) + number.count + 7
        while raw[at] == 0x20 || raw[at] == 0x0A { at += 1 }
        var digitsEnd = at
        while raw[digitsEnd] >= 0x30 && raw[digitsEnd] <= 0x39 { digitsEnd += 1 }
        #expect(Int(String(decoding: raw[at..<digitsEnd], as: UTF8.self)) == first.data.count)
        let pdf = try edited(raw, [(first.length1, Array(String(length1 ?? font.count).utf8)), (first.data, data),
                                   (at..<digitsEnd, Array(String(data.count).utf8))])
        return (pdf, data)
    }

    @Test func malformedFontProgramsAreKeptAsTheyWere() throws {
        let pdfs = try Self.pdfs.get()
        let original = try #require(FontPrograms.find(in: pdfs.raw).first).font
        // The sanity case first: the original font put back through the same editing is stripped as usual.
        let control = try Self.withFont(pdfs.raw, original)
        #expect(FontPrograms.find(in: PDFCompactor.compact(control.pdf)).contains { $0.font == TrueTypeHinting.strip(original) })

        var glyfPastTheEnd = original
        let numTables = Int(original[4]) << 8 | Int(original[5])
        let records = (0..<numTables).map { 12 + 16 * $0 }
        let glyf = try #require(records.first { Array(original[$0..<($0 + 4)]) == Array("glyf".utf8) })
        glyfPastTheEnd[glyf + 8] = 0x7F
        let cases: [(String, [UInt8], Int?)] = [
            ("truncated", Array(original.prefix(original.count / 2)), nil),
            ("glyf past the end", glyfPastTheEnd, nil),
            ("not a font", Array(repeating: 0x41, count: 3000), nil),
            ("/Length1 one byte short", original, original.count - 1),
        ]
        for (name, font, length1) in cases {
            let (pdf, data) = try Self.withFont(pdfs.raw, font, length1: length1)
            let rawPath = try PDFTools.write(pdf, name: "font-raw.pdf")
            try Self.expectClean(rawPath)
            let compacted = PDFCompactor.compact(pdf)
            #expect(compacted.count < pdf.count, "\(name)")
            let path = try PDFTools.write(compacted, name: "font-compacted.pdf")
            try Self.expectClean(path)
            // That stream is written byte for byte with its dictionary's /Length1; the other two lose their hinting.
            let found = FontPrograms.find(in: compacted)
            let kept = found.filter { Array(compacted[$0.data]) == data }
            #expect(kept.count == 1, "\(name)")
            #expect(kept.first.map { String(decoding: compacted[$0.length1], as: UTF8.self) } == String(length1 ?? font.count), "\(name)")
            let others = FontPrograms.find(in: pdfs.raw).dropFirst().map { TrueTypeHinting.strip($0.font) }
            #expect(others.allSatisfy { s in found.contains { $0.font == s } }, "\(name)")
            #expect(try PDFTools.text(path) == (try PDFTools.text(rawPath)), "\(name)")
            #expect(try Self.fonts(path) == (try Self.fonts(rawPath)), "\(name)")
        }
    }

    // MARK: Anything else comes back unchanged

    /// Replaces the first occurrence of `old` (after `from`) with `new`, which must be as long, so offsets stay right.
    static func replacing(_ bytes: [UInt8], _ old: String, with new: String, from: Int = 0) throws -> [UInt8] {
        let o = Array(old.utf8), n = Array(new.utf8)
        #expect(o.count == n.count)
        var i = from
        while i + o.count <= bytes.count && Array(bytes[i..<(i + o.count)]) != o { i += 1 }
        try #require(i + o.count <= bytes.count, "\(old) not found")
        var out = bytes
        out.replaceSubrange(i..<(i + o.count), with: n)
        return out
    }

    static func lastIndex(of s: String, in bytes: [UInt8]) -> Int? {
        let needle = Array(s.utf8)
        var i = bytes.count - needle.count
        while i >= 0 { if Array(bytes[i..<(i + needle.count)]) == needle { return i }; i -= 1 }
        return nil
    }

    @Test func emptyGarbageAndTruncatedInputComeBackUnchanged() throws {
        let raw = try Self.pdfs.get().raw
        #expect(PDFCompactor.compact([]) == [])
        var garbage: [UInt8] = []
        var x: UInt32 = 12345
        for _ in 0..<5000 { x = x &* 1_103_515_245 &+ 12345; garbage.append(UInt8(truncatingIfNeeded: x >> 16)) }
        #expect(PDFCompactor.compact(garbage) == garbage)
        let headed = Array("%PDF-1.5\n".utf8) + garbage
        #expect(PDFCompactor.compact(headed) == headed)
        for cut in [10, raw.count / 8, raw.count / 2, raw.count - 200, raw.count - 7, raw.count - 3] {
            let part = Array(raw.prefix(cut))
            #expect(PDFCompactor.compact(part) == part, "cut at \(cut)")
        }
    }

    @Test func aFileWithAnXrefStreamAlreadyComesBackUnchanged() throws {
        let compacted = try Self.pdfs.get().compacted
        #expect(PDFCompactor.compact(compacted) == compacted)
        // qpdf's own object streams too.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cpdcompact-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        #expect(try PDFTools.run("qpdf", ["--object-streams=generate", try Self.pdfs.get().rawPath, dir + "/q.pdf"]).status == 0)
        let q = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir + "/q.pdf")))
        #expect(PDFCompactor.compact(q) == q)
    }

    @Test func oddShapesComeBackUnchanged() throws {
        let raw = try Self.pdfs.get().raw
        let firstEntry = try #require(Self.lastIndex(of: "65535 f", in: raw)) + 9 // the entry after object 0's
        var cases: [(String, [UInt8])] = []
        // An offset one byte off, so it no longer points at "1 0 obj".
        var shifted = raw
        shifted[firstEntry + 9] = shifted[firstEntry + 9] == 0x39 ? 0x38 : shifted[firstEntry + 9] + 1
        cases.append(("offset", shifted))
        // Generation 1.
        var generation = raw
        generation[firstEntry + 15] = 0x31
        cases.append(("generation", generation))
        // An unknown entry type in the table.
        var entryType = raw
        entryType[firstEntry + 17] = 0x78
        cases.append(("entry type", entryType))
        // Encrypted, or an update of an earlier file (nothing points past the trailer's start, so it may grow).
        let trailer = try #require(Self.lastIndex(of: "trailer\n<<", in: raw)) + 10
        for entry in ["/Encrypt 2 0 R", "/Prev 100", "/XRefStm 100"] {
            cases.append((entry, Array(raw[..<trailer]) + Array((" " + entry).utf8) + Array(raw[trailer...])))
        }
        // A reference to object 0, which is free.
        cases.append(("dangling", try Self.replacing(raw, "/Parent 1 0 R", with: "/Parent 0 0 R")))
        // A string that does not close where it should, a dictionary that does not close.
        cases.append(("string", try Self.replacing(raw, "(Summary)", with: "(Summary(")))
        cases.append(("dictionary", try Self.replacing(raw, "/Type /Pages", with: "<</Type/Page")))
        // A stream whose length is wrong.
        cases.append(("length", try Self.replacing(raw, "\nendstream", with: "\nendstreaX")))
        // startxref pointing elsewhere.
        let startxref = try #require(Self.lastIndex(of: "startxref\n", in: raw))
        var pointer = raw
        pointer[startxref + 10] = pointer[startxref + 10] == 0x31 ? 0x32 : 0x31
        cases.append(("startxref", pointer))
        for (name, bytes) in cases {
            #expect(bytes != raw, "\(name)")
            #expect(PDFCompactor.compact(bytes) == bytes, "\(name)")
        }
    }

    // MARK: Files on disk

    @Test func compactsAFileInPlace() throws {
        let pdfs = try Self.pdfs.get()
        let path = try PDFTools.write(pdfs.raw, name: "in-place.pdf")
        #expect(try PDFCompactor.compactFile(atPath: path))
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == pdfs.compacted)
        // Already compacted: left alone.
        #expect(try PDFCompactor.compactFile(atPath: path) == false)
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == pdfs.compacted)

        let garbage = try PDFTools.write(Array("%PDF-1.4\nnot really".utf8), name: "garbage.pdf")
        #expect(try PDFCompactor.compactFile(atPath: garbage) == false)
        #expect(try String(contentsOfFile: garbage, encoding: .utf8) == "%PDF-1.4\nnot really")
        #expect(throws: PDFCompactor.FileError.self) { try PDFCompactor.compactFile(atPath: garbage + ".missing") }
    }

    /// The team overview is cairo's other output; the file variant handles it too (not wired in yet).
    @Test func compactsATeamSummaryFile() throws {
        let bytes = try TeamSummaryRenderer.render(SampleTeams.summary(members: 60, invalid: 3), teamName: "Advice team",
                                                   layout: try LayoutCatalog.layout("team-summary"), options: SampleRecords.options)
        let rawPath = try PDFTools.write(bytes, name: "team-raw.pdf")
        let path = try PDFTools.write(bytes, name: "team.pdf")
        #expect(try PDFCompactor.compactFile(atPath: path))
        let after = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(after.count < bytes.count)
        try Self.expectClean(path)
        #expect(try PDFTools.text(path) == (try PDFTools.text(rawPath)))
        var a = try PDFTools.info(rawPath), b = try PDFTools.info(path)
        a["File size"] = nil; b["File size"] = nil
        #expect(a == b)
    }
}
