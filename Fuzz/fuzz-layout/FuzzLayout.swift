// libFuzzer target: the layout loader. Built only by scripts/fuzz.sh.
import FuzzDriver
import CPDRender

/// One input parsed as a layout; a thrown LayoutError is the expected answer to bad input,
/// a crash or hang is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? LayoutCatalog.parse(yaml: text, file: "fuzz.yaml")
    return 0
}

// SwiftPM links an executable's `main` to `fuzz_layout_main`; libFuzzer's driver takes over from there.
@_cdecl("fuzz_layout_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { fuzz($0, $1) }
}
