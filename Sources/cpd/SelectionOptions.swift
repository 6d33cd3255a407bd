import ArgumentParser
import CPDKit

/// The flags `report` and `check` share: what to read, which body, which period, which member.
struct SelectionOptions: ParsableArguments {
    @Argument(help: "CPD log files (CSV or JSON), or folders of them.")
    var inputs: [String]

    @Option(name: .long, help: ArgumentHelp("The professional body (see `cpd bodies`), a comma-separated list of them, or a path to your own profile YAML.", valueName: "ID|FILE"))
    var body: String?

    @OptionGroup var period: PeriodOptions

    @Option(name: .long, help: ArgumentHelp("A CSV of learning needs: id, description, priority, target, status.", valueName: "FILE"))
    var needs: String?

    @Option(name: .long, help: ArgumentHelp("The member id (staff or membership number); picks one member of a team file.", valueName: "ID"))
    var member: String?

    @Option(name: .long, help: ArgumentHelp("The member's name, for a log that does not carry it.", valueName: "NAME"))
    var name: String?

    var importOptions: ImportOptions {
        ImportOptions(dateOrder: period.dateOrder, needsFile: needs, memberID: member, memberName: name)
    }

    func selection() throws -> PeriodSelection { try period.selection() }

    func assessOptions() throws -> AssessOptions { try period.assessOptions() }
}
