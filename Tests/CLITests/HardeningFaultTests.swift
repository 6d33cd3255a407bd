import Foundation
import Testing

/// Faults around the output: a path that cannot be written, a full disk, a read-only disk, Ctrl-C in
/// the middle of a batch. Each gives a clear error, leaves no partial or temporary file, and leaves the
/// inputs as they were.
@Suite(.serialized) struct HardeningFaultTests {
    static let log = "date,title,type,hours,reflection\n2026-03-01,Course,structured,2,\"What I learned\"\n"

    static func files(_ dir: String) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir).sorted() }

    static func report(_ input: String, to output: String) throws -> Harness.Output {
        try Harness.cpd(["report", input, "--body", "generic", "--period", "2026", "-o", output])
    }

    @Test func outputThatIsAFolderIsRefused() throws {
        let dir = try Harness.tempDir()
        try Harness.write(Self.log, to: dir + "/log.csv")
        try FileManager.default.createDirectory(atPath: dir + "/out.pdf", withIntermediateDirectories: false)
        let r = try Self.report(dir + "/log.csv", to: dir + "/out.pdf")
        #expect(r.status == 2)
        #expect(r.stderr.contains(dir + "/out.pdf") && r.stderr.contains("directory"), "\(r.stderr)")
        #expect(try Self.files(dir) == ["log.csv", "out.pdf"])
        #expect(try Self.files(dir + "/out.pdf").isEmpty)
    }

    @Test func outputUnderARegularFileIsRefused() throws {
        let dir = try Harness.tempDir()
        try Harness.write(Self.log, to: dir + "/log.csv")
        let r = try Self.report(dir + "/log.csv", to: dir + "/log.csv/out.pdf")
        #expect(r.status == 2)
        #expect(r.stderr.contains(dir + "/log.csv/out.pdf"), "\(r.stderr)")
        #expect(try String(contentsOfFile: dir + "/log.csv", encoding: .utf8) == Self.log)
    }

    @Test func outputThroughASymlinkToAnInputIsRefused() throws {
        let dir = try Harness.tempDir()
        try Harness.write(Self.log, to: dir + "/log.csv")
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.pdf", withDestinationPath: dir + "/log.csv")
        try FileManager.default.createSymbolicLink(atPath: dir + "/alias", withDestinationPath: dir)
        #expect(link(dir + "/log.csv", dir + "/hard.pdf") == 0)
        for output in [dir + "/link.pdf", dir + "/alias/log.csv", dir + "/hard.pdf", dir + "/alias/./link.pdf"] {
            let r = try Self.report(dir + "/log.csv", to: output)
            #expect(r.status == 2, "\(output)")
            #expect(r.stderr.contains("input"), "\(r.stderr)")
            #expect(try String(contentsOfFile: dir + "/log.csv", encoding: .utf8) == Self.log)
        }
        #expect(try Self.files(dir) == ["alias", "hard.pdf", "link.pdf", "log.csv"])
    }

    /// A tmpfs of `size`, or nil where this machine does not let the tests mount one.
    static func mountTmpfs(size: String) -> String? {
        guard let dir = try? Harness.tempDir(),
              let r = try? Harness.run(Harness.tool("mount"), ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", dir]), r.status == 0
        else { return nil }
        return dir
    }

    static func unmount(_ dir: String) { _ = try? Harness.run(Harness.tool("umount"), [dir]) }

    static let canMount: Bool = {
        guard let dir = mountTmpfs(size: "16k") else { return false }
        unmount(dir)
        return true
    }()

    @Test(.enabled(if: canMount, "needs permission to mount a tmpfs"))
    func aFullDiskIsAClearErrorAndLeavesNothing() throws {
        let dir = try Harness.tempDir()
        try Harness.write(Self.log, to: dir + "/log.csv")
        let disk = try #require(Self.mountTmpfs(size: "8k"))
        defer { Self.unmount(disk) }
        let r = try Self.report(dir + "/log.csv", to: disk + "/record.pdf")
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains(disk + "/record.pdf") && r.stderr.contains("No space left"), "\(r.stderr)")
        #expect(try Self.files(disk) == [], "no partial or temporary file")
        #expect(try String(contentsOfFile: dir + "/log.csv", encoding: .utf8) == Self.log)
    }

    @Test(.enabled(if: canMount, "needs permission to mount a tmpfs"))
    func aReadOnlyDiskIsAClearError() throws {
        let dir = try Harness.tempDir()
        try Harness.write(Self.log, to: dir + "/log.csv")
        let disk = try #require(Self.mountTmpfs(size: "1m"))
        defer { Self.unmount(disk) }
        #expect(try Harness.run(Harness.tool("mount"), ["-o", "remount,ro", disk]).status == 0)
        let r = try Self.report(dir + "/log.csv", to: disk + "/record.pdf")
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains(disk + "/record.pdf") && r.stderr.contains("Read-only"), "\(r.stderr)")
        #expect(try Self.files(disk) == [])
    }

    @Test func ctrlCDuringABatchKeepsFinishedRecordsAndSaysHowFarItGot() throws {
        let dir = try Harness.tempDir()
        let ids = (0..<400).map { String(format: "M%05d", $0) }
        try Harness.write(BatchTests.teamCSV(ids: ids), to: dir + "/team.csv")
        let input = try String(contentsOfFile: dir + "/team.csv", encoding: .utf8)
        let out = dir + "/out"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Harness.cpdPath)
        process.arguments = ["batch", dir + "/team.csv", "--body", "fca-ria", "--period", "2026", "--out", out, "--jobs", "2", "--quiet"]
        // The test's own environment (sanitizer options among it), with a fixed creation date.
        process.environment = ProcessInfo.processInfo.environment.merging(["SOURCE_DATE_EPOCH": "1767225600"]) { $1 }
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait (without a clock in the assertion) until the first record is on disk, then interrupt.
        var sawPDF = false
        for _ in 0..<6000 where process.isRunning {
            if let names = try? Self.files(out), names.contains(where: { $0.hasSuffix(".pdf") && !$0.hasPrefix(".") }) { sawPDF = true; break }
            usleep(10_000)
        }
        #expect(sawPDF)
        kill(process.processIdentifier, SIGINT)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("interrupted after"), "\(stderr)")
        let names = try Self.files(out)
        #expect(names.filter { $0.contains(".tmp-") }.isEmpty, "\(names)")
        let pdfs = names.filter { $0.hasSuffix(".pdf") && $0 != "team-summary.pdf" }
        #expect(!pdfs.isEmpty && pdfs.count < ids.count, "\(pdfs.count) records")
        // Every record left behind is whole.
        for name in pdfs.prefix(20) {
            #expect(try Harness.qpdfCheck(out + "/" + name).status == 0, "\(name)")
        }
        #expect(try String(contentsOfFile: dir + "/team.csv", encoding: .utf8) == input)
    }
}
