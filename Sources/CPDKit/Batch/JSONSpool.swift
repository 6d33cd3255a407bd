import Foundation

/// Member JSON lines parked in an unnamed temporary file while a batch runs, so the summary
/// rows a 10,000-member team keeps until the end hold an offset and a length instead of
/// 1.3 KB of text each. The system removes the file when it is closed, even after a crash.
public final class JSONSpool: @unchecked Sendable, Hashable {
    // The FILE and the end offset are touched only under `lock`.
    private let file: UnsafeMutablePointer<FILE>
    private let lock = NSLock()
    private var end: Int = 0

    /// Fails when no temporary file can be made; callers then keep the text in memory.
    public init?() {
        guard let file = tmpfile() else { return nil }
        self.file = file
    }

    deinit { fclose(file) }

    /// Stores `text`; returns where it is, or nil when the write failed.
    func append(_ text: String) -> (offset: Int, length: Int)? {
        var text = text
        return lock.withLock {
            guard fseeko(file, end, SEEK_SET) == 0 else { return nil }
            let length = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, file) }
            guard length == text.utf8.count else { return nil }
            defer { end += Int(length) }
            return (end, length)
        }
    }

    /// The text stored at `offset`.
    func read(offset: Int, length: Int) -> String {
        lock.withLock {
            var bytes = [UInt8](repeating: 0, count: length)
            guard fflush(file) == 0, fseeko(file, offset, SEEK_SET) == 0 else { return "" }
            let got = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, length, file) }
            return String(decoding: bytes[0..<got], as: UTF8.self)
        }
    }

    public static func == (a: JSONSpool, b: JSONSpool) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
