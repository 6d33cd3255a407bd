import Foundation
import PackagePlugin

/// Embeds the top-level `Bodies/` and `Layouts/` folders into the `CPDData` module.
@main
struct EmbedDataPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let dirs = ["Bodies", "Layouts"].map { root.appending(path: $0) }
        var inputs: [URL] = []
        for dir in dirs {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            inputs += names.filter { $0.hasSuffix(".yaml") }.sorted().map { dir.appending(path: $0) }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedData.swift")
        return [
            .buildCommand(
                displayName: "Embedding Bodies/ and Layouts/",
                executable: try context.tool(named: "EmbedData").url,
                arguments: [output.path] + dirs.map(\.path),
                inputFiles: inputs + dirs,
                outputFiles: [output]
            )
        ]
    }
}
