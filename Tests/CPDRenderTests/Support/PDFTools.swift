import Foundation

/// Runs poppler and qpdf on a rendered PDF, as a reader of the file would see it.
enum PDFTools {
    struct Output { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ tool: String, _ args: [String]) throws -> Output {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [tool] + args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// Writes `bytes` to a fresh temporary file and returns its path.
    static func write(_ bytes: [UInt8], name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cpdrender-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    static func text(_ path: String, page: Int? = nil) throws -> String {
        var args = ["-layout"]
        if let page { args += ["-f", String(page), "-l", String(page)] }
        return try run("pdftotext", args + [path, "-"]).stdout
    }

    static func info(_ path: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for line in try run("pdfinfo", [path]).stdout.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            out[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return out
    }
}
