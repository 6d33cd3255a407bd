import Foundation
import Testing

/// Runs the built `cpd` binary and poppler/qpdf, the independent readers the tests trust.
enum Harness {
    /// The package root, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String) -> String { root.appendingPathComponent("Fixtures").appendingPathComponent(name).path }

    /// The `cpd` executable next to the test bundle (`swift test` builds both), or $CPD_BIN.
    static let cpdPath: String = {
        if let path = ProcessInfo.processInfo.environment["CPD_BIN"] { return path }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("cpd").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/cpd").path
    }()

    /// Holds what the reader thread read; the group's wait orders the write before the read.
    final class DataBox: @unchecked Sendable { var data = Data() }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a program with arguments and an optional environment overlay; no shell is involved.
    @discardableResult
    static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:], cwd: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting so a large output cannot block the child.
        let errBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    static func cpd(_ arguments: [String], environment: [String: String] = ["SOURCE_DATE_EPOCH": "1767225600"]) throws -> Output {
        try run(cpdPath, arguments, environment: environment)
    }

    static func tool(_ name: String) -> String {
        for dir in ["/usr/bin", "/usr/local/bin", "/bin"] where FileManager.default.isExecutableFile(atPath: dir + "/" + name) {
            return dir + "/" + name
        }
        return "/usr/bin/" + name
    }

    /// Text of the whole PDF, or of one page, by poppler's pdftotext.
    static func pdfText(_ pdf: String, page: Int? = nil) throws -> String {
        var args = ["-layout"]
        if let page { args += ["-f", String(page), "-l", String(page)] }
        return try run(tool("pdftotext"), args + [pdf, "-"]).stdout
    }

    /// `pdfinfo` fields by name.
    static func pdfInfo(_ pdf: String) throws -> [String: String] {
        var fields: [String: String] = [:]
        for line in try run(tool("pdfinfo"), [pdf]).stdout.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    static func pageCount(_ pdf: String) throws -> Int { Int(try pdfInfo(pdf)["Pages"] ?? "") ?? 0 }

    /// qpdf's structural check: status and all it printed.
    static func qpdfCheck(_ pdf: String) throws -> Output { try run(tool("qpdf"), ["--check", pdf]) }

    /// A fresh temporary folder for one test.
    static func tempDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    static func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
