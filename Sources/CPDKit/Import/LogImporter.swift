import Foundation

/// Reads activity logs (CSV or JSON, one member or a team) into records, with every problem found.
public enum LogImporter {
    /// Reads every path (CSV or JSON by extension, else sniffed; a directory = every .csv/.tsv/.json
    /// file in it, sorted), merges the same member (same member id, else same name) found in several
    /// files into one record, applies `options` (needs file, member id/name overrides for
    /// single-member input), and returns all records and all diagnostics at once.
    public static func load(paths: [String], options: ImportOptions) -> ImportResult {
        var merged = RecordMerger()
        var diagnostics: [Diagnostic] = []
        var isTeam = false, teamName: String?
        for path in expand(paths, diagnostics: &diagnostics) {
            let result: ImportResult
            if ["csv", "tsv"].contains((path as NSString).pathExtension.lowercased()) {
                // Named CSV: read in chunks, never holding the whole file.
                guard let handle = fopen(path, "rb") else {
                    diagnostics.append(.error("cannot read the file: " + String(cString: strerror(errno)), file: path)); continue
                }
                result = CSVLogReader.read(handle: handle, file: path, options: options)
                fclose(handle)
            } else {
                guard let bytes = readBytes(path, diagnostics: &diagnostics) else { continue }
                result = isJSON(path: path, bytes: bytes)
                    ? parseJSON(bytes, file: path, options: options)
                    : parseCSV(bytes, file: path, options: options)
            }
            diagnostics += result.diagnostics
            isTeam = isTeam || result.isTeam
            teamName = teamName ?? result.teamName
            for record in result.records { merged.add(record) }
        }
        var records = merged.records
        if let needsFile = options.needsFile, let bytes = readBytes(needsFile, diagnostics: &diagnostics) {
            let (needs, problems) = NeedsCSVReader.read(bytes, file: needsFile, dateOrder: options.dateOrder)
            diagnostics += problems
            records = records.map { RecordMerger.applying(needs, to: $0) }
        }
        if records.count == 1 { records[0] = overriding(records[0], options) }
        return ImportResult(records: records, diagnostics: diagnostics, isTeam: isTeam, teamName: teamName)
    }

    /// Reads one CSV activity log. The needs file in `options` is read by `load`, not here.
    public static func parseCSV(_ bytes: [UInt8], file: String, options: ImportOptions) -> ImportResult {
        var result = CSVLogReader.read(bytes, file: file, options: options)
        if result.records.count == 1 { result.records[0] = overriding(result.records[0], options) }
        return result
    }

    /// Reads one JSON record (`{"member": …, "activities": […]}`) or team (`{"members": […]}`).
    public static func parseJSON(_ bytes: [UInt8], file: String, options: ImportOptions) -> ImportResult {
        var result = JSONLogReader.read(bytes, file: file, options: options)
        if result.records.count == 1 { result.records[0] = overriding(result.records[0], options) }
        return result
    }

    static func overriding(_ record: Record, _ options: ImportOptions) -> Record {
        var record = record
        if let id = options.memberID { record.member.id = id }
        if let name = options.memberName { record.member.name = name }
        return record
    }

    static let logExtensions: Set = ["csv", "tsv", "txt", "json"]

    static func expand(_ paths: [String], diagnostics: inout [Diagnostic]) -> [String] {
        var out: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(.error("no such file or directory", file: path)); continue
            }
            guard isDirectory.boolValue else { out.append(path); continue }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            let logs = names.filter { ["csv", "tsv", "json"].contains(($0 as NSString).pathExtension.lowercased()) }.sorted()
            if logs.isEmpty { diagnostics.append(.error("the folder holds no .csv, .tsv or .json files", file: path)) }
            out += logs.map { (path as NSString).appendingPathComponent($0) }
        }
        return out
    }

    /// The whole file in one buffer, read straight into it (no second copy of a large log).
    static func readBytes(_ path: String, diagnostics: inout [Diagnostic]) -> [UInt8]? {
        guard let handle = fopen(path, "rb") else {
            diagnostics.append(.error("cannot read the file: " + String(cString: strerror(errno)), file: path)); return nil
        }
        defer { fclose(handle) }
        var info = stat()
        let size = fstat(fileno(handle), &info) == 0 ? Int(info.st_size) : 0
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        if size > 0 {
            bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                count = fread(buffer.baseAddress, 1, size, handle)
            }
        }
        // Whatever is past the size fstat gave (a growing file, a pipe).
        while true {
            let got = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            if got <= 0 { break }
            bytes.append(contentsOf: chunk[0..<got])
        }
        if ferror(handle) != 0 {
            diagnostics.append(.error("cannot read the file", file: path)); return nil
        }
        return bytes
    }

    /// By extension; otherwise a file whose first non-blank byte opens an object or array is JSON.
    static func isJSON(path: String, bytes: [UInt8]) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "json" { return true }
        if ext == "csv" || ext == "tsv" { return false }
        let first = bytes.drop(while: { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }).first
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }
}
