import ArgumentParser
import CPDKit
import CPDRender
import Foundation

/// `cpd bodies`: the professional bodies cpd knows.
struct Bodies: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the professional bodies cpd can check against.")

    @Flag(name: .long, help: "Print the list as JSON.")
    var json = false

    func run() throws {
        let profiles = try BodyCatalog.builtinIDs.map { try BodyCatalog.profile($0) }
        if json {
            let items = profiles.map { "{\"id\": \(JSONText.string($0.id)), \"name\": \(JSONText.string($0.name))}" }
            Terminal.out("[" + items.joined(separator: ", ") + "]")
        } else {
            let width = profiles.map(\.id.count).max() ?? 0
            for p in profiles { Terminal.out(p.id.padding(toLength: width + 2, withPad: " ", startingAt: 0) + p.name) }
        }
    }
}

/// `cpd layouts`: the page layouts built in.
struct Layouts: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the record layouts built into cpd.")

    @Flag(name: .long, help: "Print the list as JSON.")
    var json = false

    func run() throws {
        let names = LayoutCatalog.builtinNames
        if json {
            Terminal.out("[" + names.map { "{\"name\": \(JSONText.string($0))}" }.joined(separator: ", ") + "]")
        } else {
            for name in names { Terminal.out(name) }
        }
    }
}

/// Minimal JSON string quoting for the listing commands.
enum JSONText {
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
