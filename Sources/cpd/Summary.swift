import ArgumentParser
import CPDKit
import CPDRender
import Foundation

/// `cpd summary`: one team overview from the summaries that shards wrote.
struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge the team summaries of batch shards into one team overview.",
        discussion: "Example: cpd summary shard-1/ shard-2/ shard-3/ --out team/"
    )

    @Argument(help: "Folders written by `cpd batch --shard K/N` (each holds a team-summary.json).")
    var folders: [String]

    @Option(name: .long, help: ArgumentHelp("The folder to write the merged team-summary files into.", valueName: "DIR"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("The layout for team-summary.pdf.", valueName: "NAME|FILE"))
    var layout: String = "team-summary"

    @Option(name: .long, help: ArgumentHelp("The team's name on team-summary.pdf.", valueName: "NAME"))
    var teamName: String?

    func run() throws {
        var parts: [TeamSummary] = []
        for folder in folders {
            let path = folder + "/" + TeamSummaryFiles.stem + ".json"
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw Failure.invalid("\(path): error: cannot read it (is \(folder) the --out of a `cpd batch` run?)")
            }
            do { parts.append(try TeamSummary.read(json: text, file: path)) } catch { throw Failure.invalid(String(describing: error)) }
        }
        let merged = TeamSummary.merge(parts)
        let ids = merged.rows.map(\.memberID) + merged.failures.map(\.memberID)
        if Set(ids).count != ids.count {
            Terminal.error("warning: some members appear in more than one summary; were the shards of different runs mixed?")
        }
        let spec: LayoutSpec
        do { spec = try LayoutCatalog.layout(layout) } catch { throw Failure.invalid(String(describing: error)) }
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            try TeamSummaryFiles.write(merged, to: out, layout: spec, options: RenderOptions.fromEnvironment(creator: "cpd \(CPDVersion.string)"),
                                       teamName: teamName)
        } catch {
            throw Failure(message: "\(out): error: \(error)", code: 2)
        }
        Terminal.error("Merged \(parts.count) summaries (\(merged.rows.count) members written, \(merged.failures.count) invalid) into \(out)")
        if !merged.failures.isEmpty { throw Failure(message: "", code: 2) }
    }
}
