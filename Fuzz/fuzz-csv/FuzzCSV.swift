// libFuzzer target: the CSV activity log and needs readers. Built only by scripts/fuzz.sh.
import FuzzDriver
import Foundation
@testable import CPDKit

/// One input: read as a whole buffer and in small chunks (the two must agree, so a row cut at a
/// chunk boundary is caught), then as a needs file. Any crash, hang or disagreement is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let whole = LogImporter.parseCSV(bytes, file: "fuzz.csv", options: ImportOptions())
    if !bytes.isEmpty, let handle = fmemopen(UnsafeMutableRawPointer(mutating: data), size, "rb") {
        // A chunk size from the input itself, so the fuzzer explores every cut.
        let chunkSize = 1 + Int(bytes[size - 1] % 17)
        let chunked = CSVLogReader.read(handle: handle, file: "fuzz.csv", options: ImportOptions(), chunkSize: chunkSize)
        fclose(handle)
        if chunked.records != whole.records || chunked.diagnostics != whole.diagnostics {
            fatalError("chunked read (chunk size \(chunkSize)) differs from the whole-buffer read")
        }
    }
    _ = NeedsCSVReader.read(bytes, file: "needs.csv", dateOrder: .auto)
    return 0
}

// SwiftPM links an executable's `main` to `fuzz_csv_main`; libFuzzer's driver takes over from there.
@_cdecl("fuzz_csv_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { fuzz($0, $1) }
}
