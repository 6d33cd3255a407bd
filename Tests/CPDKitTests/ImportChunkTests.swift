import Foundation
import Testing
@testable import CPDKit

/// Large CSV files are read in chunks; cutting them anywhere must change nothing.
@Suite("Import: chunked CSV reading")
struct ImportChunkTests {
    static let files = [
        "amelia-smith-2026.csv", "team-advice.csv", "formats/semicolon-dmy-bom-crlf.csv", "formats/tab-dmy.tsv",
        "formats/mdy-aliases.csv", "formats/unknown-columns.csv", "invalid/unterminated-quote.csv", "invalid/bad-hours.csv",
        "invalid/invalid-utf8.csv", "invalid/nul-bytes.csv", "invalid/ambiguous-dates.csv", "invalid/empty.csv",
        "invalid/header-only.csv", "invalid/missing-columns.csv",
    ]

    @Test("chunks of any size give the same records and diagnostics as the whole file", arguments: files)
    func sameResult(name: String) throws {
        let path = ImportSupport.fixture(name)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let whole = LogImporter.parseCSV(bytes, file: path, options: ImportOptions())
        for size in [1, 2, 3, 7, 64, 1 << 16] {
            let handle = try #require(fopen(path, "rb"))
            defer { fclose(handle) }
            let chunked = CSVLogReader.read(handle: handle, file: path, options: ImportOptions(), chunkSize: size)
            #expect(chunked.records == whole.records, "chunk size \(size)")
            #expect(chunked.diagnostics == whole.diagnostics, "chunk size \(size)")
        }
    }
}
