import ArgumentParser
import CPDKit
import CPDRender
import Foundation

/// `cpd bodies`: the professional bodies cpd knows; `cpd bodies show` describes one.
/// Listing is a default subcommand so that `--json` belongs to each subcommand alone
/// (a flag on the parent would also swallow `cpd bodies show ID --json`).
struct Bodies: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the professional bodies cpd can check against.",
        discussion: "One line per body: id, unit, period, name. `cpd bodies show ID` prints one body's rules in full.",
        subcommands: [List.self, Show.self],
        defaultSubcommand: List.self
    )

    /// `cpd bodies [list]`: one line per built-in body.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the built-in bodies: id, unit, period, name.")

        @Flag(name: .long, help: "Print the list as JSON: id, name, unit, period, checked date, count of unconfirmed rules.")
        var json = false

        func run() throws {
            let profiles = try BodyCatalog.builtinProfiles()
            Terminal.out(json ? ProfileDescription.listJSON(profiles) : ProfileDescription.listText(profiles))
        }
    }

    /// `cpd bodies show ID|FILE`: every rule of one profile in plain words, with its provenance.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one body's rules in plain words, its categories and where the rules come from.",
            discussion: "Unconfirmed rules are marked [UNCONFIRMED]: they are cpd's reading, not the body's word."
        )

        @Argument(help: "A body id from `cpd bodies` (e.g. fca-ria), or the path of your own profile .yaml file.")
        var body: String

        @Flag(name: .long, help: "Print the description as JSON.")
        var json = false

        func run() throws {
            let profile: BodyProfile
            do {
                profile = try BodyCatalog.profile(body)
            } catch {
                throw Failure.invalid(String(describing: error))
            }
            let description = ProfileDescription(profile)
            Terminal.out(json ? description.json : description.text)
        }
    }
}

/// `cpd layouts`: the page layouts built in.
struct Layouts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the record layouts built into cpd.",
        discussion: "Use one with --layout NAME, or copy Layouts/NAME.yaml, edit it and pass --layout ./mine.yaml."
    )

    @Flag(name: .long, help: "Print the list as JSON.")
    var json = false

    func run() throws {
        let layouts = try LayoutCatalog.builtinNames.map { try LayoutCatalog.layout($0) }
        if json {
            let items = layouts.map { l in
                "{\"name\": \(JSONText.string(l.name)), \"description\": \(JSONText.string(l.summary)), "
                    + "\"kind\": \(JSONText.string(l.isTeamOverview ? "team" : "record")), "
                    + "\"page\": {\"width\": \(Int(l.page.width.rounded())), \"height\": \(Int(l.page.height.rounded()))}}"
            }
            Terminal.out("[" + items.joined(separator: ", ") + "]")
        } else {
            let width = layouts.map(\.name.count).max() ?? 0
            for l in layouts { Terminal.out(l.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + l.summary) }
        }
    }
}
