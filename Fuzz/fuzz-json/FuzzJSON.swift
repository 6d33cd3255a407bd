// libFuzzer target: the JSON activity log reader. Built only by scripts/fuzz.sh.
import FuzzDriver
import CPDKit

/// One input read as a JSON record or team; a crash, hang or leak is a finding, diagnostics are not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = LogImporter.parseJSON(bytes, file: "fuzz.json", options: ImportOptions())
    return 0
}

// SwiftPM links an executable's `main` to `fuzz_json_main`; libFuzzer's driver takes over from there.
@_cdecl("fuzz_json_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { fuzz($0, $1) }
}
