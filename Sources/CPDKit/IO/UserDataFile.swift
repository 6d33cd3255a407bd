import Foundation

/// Checks a user's own profile or layout file before it is read: these are small data files, so
/// anything that is not a regular file, or is larger than `maxBytes`, is refused with a clear reason.
public enum UserDataFile {
    /// The largest profile or layout file accepted. Built-in ones are a few kilobytes.
    public static let maxBytes = 1 << 20

    /// Why `path` cannot be a profile or layout file, or nil when it may be read.
    /// A missing file is left to the caller's own "cannot read" message.
    public static func problem(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        if (info.st_mode & S_IFMT) != S_IFREG { return "not a regular file; give the path of a .yaml file" }
        if Int(info.st_size) > maxBytes {
            return "the file is \(Int(info.st_size)) bytes; a profile or layout file may be at most \(maxBytes) bytes (1 MB)"
        }
        return nil
    }
}
