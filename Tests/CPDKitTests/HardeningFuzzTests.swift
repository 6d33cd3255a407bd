import Foundation
import Testing
@testable import CPDKit

/// Inputs the fuzzers (Fuzz/, scripts/fuzz.sh) found, kept in Fixtures/invalid/fuzz-*, replayed
/// the way each fuzz target reads them.
@Suite("Hardening: fuzzer findings")
struct HardeningFuzzTests {
    static func bytes(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: URL(fileURLWithPath: ImportSupport.fixture("invalid/" + name))))
    }

    /// `d NUL CR NUL`: read one byte at a time, the CR at a chunk's end was taken as a line end
    /// before the next byte showed it was not CRLF, so the NUL after it got another line number.
    @Test("a CSV cut at any byte gives the same diagnostics as the whole file (fuzz-nul-cr.csv)")
    func nulCarriageReturnChunks() throws {
        let input = try Self.bytes("fuzz-nul-cr.csv")
        let whole = LogImporter.parseCSV(input, file: "f.csv", options: ImportOptions())
        #expect(whole.hasErrors)
        for size in 1...8 {
            let chunked = try Self.readChunked(input, chunkSize: size)
            #expect(chunked.diagnostics.map(\.description) == whole.diagnostics.map(\.description), "chunk size \(size)")
            #expect(chunked.records == whole.records, "chunk size \(size)")
        }
    }

    static func readChunked(_ input: [UInt8], chunkSize: Int) throws -> ImportResult {
        var copy = input
        return try copy.withUnsafeMutableBytes { raw in
            let handle = try #require(fmemopen(raw.baseAddress, raw.count, "rb"))
            defer { fclose(handle) }
            return CSVLogReader.read(handle: handle, file: "f.csv", options: ImportOptions(), chunkSize: chunkSize)
        }
    }
}
