import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a reader never sees half of one: the bytes go to a temporary file
/// in the target's own folder (same file system), are flushed, and then renamed over the target.
/// On any failure the temporary file is removed and the target is left as it was.
public enum AtomicFile {
    /// A write that could not be completed; the message names the path and the reason.
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public let path: String
        public let reason: String
        public init(path: String, reason: String) { self.path = path; self.reason = reason }
        public var description: String { "\(path): error: cannot write: \(reason)" }
    }

    /// Writes `bytes` to `path` atomically with mode 0644 whatever the umask.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try write(to: path) { append in try bytes.withUnsafeBytes { try append($0) } }
    }

    /// Writes a file produced piece by piece (a PDF streamed out of cairo, a summary row by row) atomically,
    /// so a large file never has to be held in memory whole. `produce` calls `append` with each piece;
    /// `beforeRename` runs once everything is flushed, just before the rename (to write companion files
    /// first, so a failure there leaves the old target in place). On any throw the temporary file is removed.
    public static func write(to path: String, producing produce: (_ append: (UnsafeRawBufferPointer) throws -> Void) throws -> Void,
                             beforeRename: () throws -> Void = {}) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            throw WriteError(path: path, reason: "it is a directory")
        }
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw WriteError(path: path, reason: "the folder \(dir) does not exist")
        }
        var template = Array((dir + "/." + url.lastPathComponent + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        let tmpPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var ok = false, open = true
        defer {
            if open { close(fd) }
            if !ok { unlink(tmpPath) }
        }
        // Pieces from cairo are often a few bytes: gather them so each write(2) moves up to 64 KB.
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.bufferSize)
        func flush(_ raw: UnsafeRawBufferPointer) throws {
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(path: path, reason: String(cString: strerror(errno)))
                }
                offset += n
            }
        }
        try produce { piece in
            if buffer.count + piece.count > Self.bufferSize {
                try buffer.withUnsafeBytes { try flush($0) }
                buffer.removeAll(keepingCapacity: true)
            }
            if piece.count >= Self.bufferSize { try flush(piece) } else { buffer.append(contentsOf: piece) }
        }
        try buffer.withUnsafeBytes { try flush($0) }
        if fchmod(fd, 0o644) != 0 || fsync(fd) != 0 { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        open = false
        guard close(fd) == 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        try beforeRename()
        guard rename(tmpPath, path) == 0 else {
            throw WriteError(path: path, reason: String(cString: strerror(errno)))
        }
        ok = true
    }

    private static let bufferSize = 64 * 1024

    /// True when two paths name the same existing file (after links), so `-o` cannot replace an input.
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }
}
