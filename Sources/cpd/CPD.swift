import ArgumentParser
import CPDKit

@main
struct CPD: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cpd",
        abstract: "Turn CPD activity logs into checked, formal CPD record PDFs.",
        version: CPDVersion.string
    )
}
