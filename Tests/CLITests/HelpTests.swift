import Foundation
import Testing

/// `--help` of every command, compared with golden files in Tests/CLITests/Snapshots.
/// Run with CPD_UPDATE_SNAPSHOTS=1 to rewrite them after changing a flag on purpose.
@Suite struct HelpTests {
    static let commands: [[String]] = [[], ["report"], ["check"], ["batch"], ["summary"], ["bodies"], ["bodies", "show"], ["layouts"]]

    static func snapshotPath(_ command: [String]) -> String {
        let name = command.isEmpty ? "cpd" : "cpd-" + command.joined(separator: "-")
        return Harness.root.appendingPathComponent("Tests/CLITests/Snapshots/\(name).txt").path
    }

    @Test(arguments: commands)
    func helpMatchesItsGoldenFile(command: [String]) throws {
        let result = try Harness.cpd(command + ["--help"], environment: ["COLUMNS": "80"])
        #expect(result.status == 0)
        let path = Self.snapshotPath(command)
        if ProcessInfo.processInfo.environment["CPD_UPDATE_SNAPSHOTS"] == "1" {
            try result.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOfFile: path, encoding: .utf8)
        #expect(result.stdout == golden, "help of `cpd \(command.joined(separator: " "))` changed; see \(path)")
    }

    @Test(arguments: commands)
    func everyOptionHasHelpText(command: [String]) throws {
        let help = try Harness.cpd(command + ["--help"], environment: ["COLUMNS": "80"]).stdout
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var inOptions = false
        var flags = 0
        for (i, line) in lines.enumerated() {
            if line.hasPrefix("OPTIONS:") || line.hasPrefix("ARGUMENTS:") { inOptions = true; continue }
            if !line.hasPrefix(" ") && line.hasSuffix(":") { inOptions = false }
            guard inOptions, line.hasPrefix("  -") || line.hasPrefix("  <") else { continue }
            flags += 1
            // "  --flag <value>    Help text", or the text alone on the next, deeper-indented line.
            let inline = line.dropFirst(2).components(separatedBy: "  ").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            let next = i + 1 < lines.count ? lines[i + 1] : ""
            let below = next.hasPrefix("        ") && !next.trimmingCharacters(in: .whitespaces).isEmpty
            #expect(inline.count >= 2 || below, "no help text for `\(line)` in `cpd \(command.joined(separator: " ")) --help`")
        }
        #expect(flags >= 2)
    }
}
