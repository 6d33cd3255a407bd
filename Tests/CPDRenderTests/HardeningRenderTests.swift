import Dispatch
import Foundation
import Testing
@testable import CPDRender

/// Hostile text through the document builder and Cairo, and rendering on several threads at once
/// (so `swift test --sanitize=thread` sees Cairo, Pango and fontconfig used concurrently in-process).
@Suite struct HardeningRenderTests {
    static func record(evidence: [String], title: String = "Seminar") -> Record {
        var record = SampleRecords.record(activities: 3)
        record.activities[0].evidence = evidence
        record.activities[0].title = title
        return record
    }

    static func links(_ record: Record) throws -> [LinkTarget] {
        let layout = try LayoutCatalog.layout("formal")
        let assessments = [SampleRecords.assessment(for: record)]
        let tokens = Tokens(record: record, assessments: assessments, layout: layout, generated: SampleRecords.options.generatedDate)
        var builder = DocumentBuilder(record: record, assessments: assessments, layout: layout, tokens: tokens,
                                      measurer: FakeMeasurer(layout: layout))
        return builder.build().flatMap { block -> [LinkTarget] in
            switch block {
            case .text(let text): return text.link.map { [$0] } ?? []
            case .table(let table): return table.rows.flatMap { $0.links.values }
            default: return []
            }
        }
    }

    @Test("an evidence reference is a link only when it is http or https", arguments: [
        "javascript:alert(1)", "file:///etc/passwd", "JAVASCRIPT:alert(1)", "data:text/html,<b>x</b>", "ftp://x.example/", "https:evil",
    ])
    func onlyWebLinks(reference: String) throws {
        let uris = try Self.links(Self.record(evidence: [reference])).compactMap { if case .uri(let u) = $0 { return u }; return nil }
        // The sample record's own evidence URL is linked; the hostile reference never is.
        #expect(!uris.contains(reference) && !uris.contains { $0.contains(reference.trimmingCharacters(in: .whitespaces)) && $0 != SampleRecords.longURL })
        #expect(uris.allSatisfy { $0.hasPrefix("https://") || $0.hasPrefix("http://") || $0.hasPrefix("mailto:") }, "\(uris)")
        let linked = try Self.links(Self.record(evidence: [reference, "https://evidence.example.org/c.pdf"]))
        #expect(linked.contains(.uri("https://evidence.example.org/c.pdf")))
    }

    /// Every word `pdftotext -bbox` finds lies inside the page: nothing ran off the edge.
    static func wordsOffPage(_ path: String) throws -> [String] {
        let html = try PDFTools.run("pdftotext", ["-bbox", path, "-"]).stdout
        guard let size = html.firstMatch(of: /<page width="([0-9.]+)" height="([0-9.]+)"/),
              let width = Double(size.1), let height = Double(size.2) else { return ["no page found"] }
        var off: [String] = []
        for m in html.matches(of: /<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">([^<]*)</) {
            let (x0, y0, x1, y1) = (Double(m.1)!, Double(m.2)!, Double(m.3)!, Double(m.4)!)
            if x0 < 0 || y0 < 0 || x1 > width + 0.5 || y1 > height + 0.5 { off.append(String(m.5.prefix(40))) }
        }
        return off
    }

    @Test("a single 5,000-character word in the narrow evidence column and as a title breaks inside the page")
    func hugeWord() throws {
        let word = "https://evidence.example.org/" + String(repeating: "abcdefghij", count: 497) + "-END.pdf"
        #expect(word.count > 5000)
        let record = Self.record(evidence: [word], title: String(repeating: "X", count: 5000) + "-TITLEEND")
        let bytes = try RecordRenderer.render(record, assessments: [SampleRecords.assessment(for: record)],
                                              layout: try LayoutCatalog.layout("formal"), options: SampleRecords.options)
        let path = try PDFTools.write(bytes, name: "huge-word.pdf")
        #expect(try PDFTools.run("qpdf", ["--check", path]).status == 0)
        #expect(try Self.wordsOffPage(path) == [])
        let text = try PDFTools.text(path).replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
        #expect(text.contains("-END.pdf"))
        #expect(text.contains("-TITLEEND"))
    }

    @Test("records rendered on four threads at once come out as they do one at a time")
    func concurrentRendering() throws {
        let layout = try LayoutCatalog.layout("formal")
        let records = (0..<4).map { SampleRecords.record(activities: 4 + $0, name: "Member \($0)") }
        let render: @Sendable (Record) -> [UInt8] = { record in
            (try? RecordRenderer.render(record, assessments: [SampleRecords.assessment(for: record)], layout: layout,
                                        options: SampleRecords.options)) ?? []
        }
        let serial = records.map(render)
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var bytes: [Int: [UInt8]] = [:]
        }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            let out = render(records[i % 4])
            results.lock.withLock { results.bytes[i] = out }
        }
        for i in 0..<8 {
            #expect(results.bytes[i] == serial[i % 4], "render \(i)")
            #expect(results.bytes[i]?.starts(with: Array("%PDF".utf8)) == true)
        }
    }

    @Test func aLayoutOverOneMegabyteOrNotAFileIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-layout-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try ("version: 1\n" + String(repeating: "# padding\n", count: 110_000)).write(toFile: dir + "/big.yaml", atomically: true, encoding: .utf8)
        let big = try #require(throws: LayoutError.self) { try LayoutCatalog.layout(dir + "/big.yaml") }
        #expect(String(describing: big).contains(dir + "/big.yaml"))
        #expect(String(describing: big).contains("at most 1048576 bytes"))
        let device = try #require(throws: LayoutError.self) { try LayoutCatalog.layout("/dev/zero") }
        #expect(String(describing: device).contains("not a regular file"))
    }
}
