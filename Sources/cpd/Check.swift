import ArgumentParser
import CPDKit

/// `cpd check`: the verdict on a log, as a table or JSON.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a CPD log against a body's requirements.",
        discussion: "Exit status 0 when every requirement is met, 1 when not, 2 on invalid input.\nExample: cpd check log.csv --body fca-ria --period 2026"
    )

    @OptionGroup var selection: SelectionOptions

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    func run() throws {
        let pipeline = Pipeline(selection: selection)
        let result = try pipeline.importRecords()
        var records = result.records
        if selection.member != nil, result.records.count > 1 {
            records = [try pipeline.singleRecord(from: result)]
        }
        let members = try records.map { try pipeline.assess($0) }
        if json {
            if result.isTeam && records.count > 1 {
                Terminal.out(CheckOutput.teamJSON(members, diagnostics: result.diagnostics))
            } else {
                Terminal.out(CheckOutput.json(member: members[0], diagnostics: result.diagnostics))
            }
        } else {
            Terminal.out(members.map { CheckOutput.text(member: $0) }.joined(separator: "\n"))
        }
        let compliant = members.allSatisfy { $0.allSatisfy(\.compliant) }
        if !compliant { throw Failure(message: "", code: 1) }
    }
}
