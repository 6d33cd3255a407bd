import ArgumentParser
import CPDKit
import CPDRender
import Foundation
import Synchronization

/// `cpd batch`: every member's record, plus the team summary, on all cores.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the CPD records of a whole team, with a team summary.",
        discussion: """
            Writes one PDF per member into --out, named from the member id, plus team-summary.pdf, \
            team-summary.csv and team-summary.json. Exit status 0 when every member's record was \
            written, 2 when any member's input was invalid (the others are still written).
            Example: cpd batch team.csv --body fca-ria --period 2026 --out records/
            """
    )

    @Argument(help: "Team CSV or JSON files, folders of per-member files, or several of these.")
    var inputs: [String]

    @Option(name: .long, help: ArgumentHelp("The professional body, or a comma-separated list of them (see `cpd bodies`).", valueName: "ID[,ID]"))
    var body: String

    @Option(name: .long, help: ArgumentHelp("The folder to write into (created if missing).", valueName: "DIR"))
    var out: String

    @OptionGroup var period: PeriodOptions

    @Option(name: .long, help: ArgumentHelp("The page layout: a name from `cpd layouts` or a path to a layout YAML.", valueName: "NAME|FILE"))
    var layout: String = "formal"

    @Option(name: .long, help: ArgumentHelp("Members rendered at once (default: the number of cores).", valueName: "N"))
    var jobs: Int?

    @Option(name: .long, help: ArgumentHelp("Take only share K of N of the members (by a stable hash of the member id), for job arrays.", valueName: "K/N"))
    var shard: String = "1/1"

    @Option(name: .long, help: ArgumentHelp("The team's name on team-summary.pdf (default: the team JSON's team.name).", valueName: "NAME"))
    var teamName: String?

    @Flag(name: .long, help: "Print no progress.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if Shard(shard) == nil { throw ValidationError("--shard takes K/N with 1 ≤ K ≤ N, not '\(shard)'.") }
    }

    func run() throws {
        for path in inputs where !FileManager.default.fileExists(atPath: path) {
            throw Failure.invalid("\(path): error: no such file or folder")
        }
        let profiles = try Pipeline.profiles(body)
        let spec: LayoutSpec
        do { spec = try LayoutCatalog.layout(layout) } catch { throw Failure.invalid(String(describing: error)) }
        let selection = try period.selection()
        let assessOptions = try period.assessOptions()
        do {
            for profile in profiles { _ = try Assessor.resolve(assessOptions.options, for: profile) }
        } catch {
            throw Failure.invalid("error: --option: \(error)")
        }
        let request = BatchExporter.Request(
            outputDirectory: out, profiles: profiles, selection: selection, assessOptions: assessOptions, layout: spec,
            renderOptions: RenderOptions.fromEnvironment(creator: "cpd \(CPDVersion.string)"), jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, shard: Shard(shard)!)
        // The member stream (where each member's rows are, a few hundred bytes a member) lives only inside
        // exportMembers, so it is gone before the team summary is drawn, when a large team's run peaks.
        let (report, inputTeamName) = try exportMembers(request)
        if report.interrupted {
            Terminal.error("cpd: interrupted after \(report.written) of \(report.total) records; the records written are complete. Run the same command again to finish the set.")
            throw Failure(message: "", code: 130)
        }
        do {
            try TeamSummaryFiles.write(report.summary, to: out, layout: try LayoutCatalog.layout("team-summary"), options: request.renderOptions,
                                       teamName: teamName ?? inputTeamName)
        } catch {
            throw Failure(message: String(describing: error), code: 2)
        }
        let shortCount = report.summary.rows.filter { !$0.compliant }.count
        if !quiet {
            Terminal.error("Wrote \(report.written) records and the team summary to \(out): \(report.summary.rows.count - shortCount) meet the requirements, \(shortCount) fall short, \(report.summary.failures.count) invalid.")
        }
        if !report.summary.failures.isEmpty {
            for failure in report.summary.failures {
                Terminal.error("invalid member \(failure.memberID.isEmpty ? failure.name : failure.memberID):")
                for message in failure.messages { Terminal.error("  " + message) }
            }
            throw Failure(message: "", code: 2)
        }
    }

    /// Reads the team a member at a time and writes every member's record; returns the report and the team
    /// name the input gives (a team JSON's `team.name`).
    private func exportMembers(_ request: BatchExporter.Request) throws -> (BatchExporter.Report, String?) {
        let options = ImportOptions(dateOrder: period.dateOrder)
        // Members stream to the workers: pass 1 here finds every diagnostic and every member id,
        // each worker reads its own member's rows, so memory does not grow with the team.
        let imported = LogImporter.members(paths: inputs, options: options)
        let (valid, invalid, unattributed) = Self.partition(imported)
        if !unattributed.isEmpty {
            // Errors that belong to no member (a malformed team file) stop the batch: nothing is written.
            for d in imported.diagnostics { Terminal.error(d.description) }
            throw Failure.invalid("cpd: the input has errors that belong to no single member; nothing was written.")
        }
        for d in imported.diagnostics where d.severity == .warning { if !quiet { Terminal.error(d.description) } }

        let meter = ProgressMeter(quiet: quiet)
        let stop = Interrupt.install()
        let report: BatchExporter.Report
        do {
            report = try BatchExporter.run(stream: imported, members: valid, invalid: invalid, request: request,
                                           progress: { meter.update($0) }, isCancelled: { stop.load() })
        } catch {
            throw Failure(message: String(describing: error), code: 2)
        }
        meter.finish()
        return (report, imported.teamName)
    }

    /// Splits the import into members to render (their positions in the stream) and members whose input had errors.
    static func partition(_ stream: MemberStream) -> ([Int], [TeamSummary.Failure], [Diagnostic]) {
        var badIDs: [String: [String]] = [:]
        var unattributed: [Diagnostic] = []
        for d in stream.diagnostics where d.severity == .error {
            if let member = d.member { badIDs[member, default: []].append(d.description) } else { unattributed.append(d) }
        }
        var valid: [Int] = []
        var invalid: [TeamSummary.Failure] = []
        var seen = Set<String>()
        for (index, member) in stream.keys.enumerated() {
            let keys = [member.id, member.name].filter { !$0.isEmpty }
            let messages = keys.flatMap { badIDs[$0] ?? [] }
            if messages.isEmpty {
                valid.append(index)
            } else {
                invalid.append(TeamSummary.Failure(memberID: member.id, name: member.name, messages: messages))
            }
            keys.forEach { seen.insert($0) }
        }
        // A member all of whose rows were bad has no record at all: still name them.
        for (member, messages) in badIDs.sorted(by: { $0.key < $1.key }) where !seen.contains(member) {
            invalid.append(TeamSummary.Failure(memberID: member, name: member, messages: messages))
        }
        return (valid, invalid, unattributed)
    }
}

/// Ctrl-C during a batch: stop starting new members, let the running ones finish.
enum Interrupt {
    /// A flag the signal handlers raise. It also keeps the signal sources alive; they are
    /// set once in `init` and never touched again, which is why the class may be shared.
    final class Flag: @unchecked Sendable {
        let raised = Atomic<Bool>(false)
        private var sources: [DispatchSourceSignal] = []

        init(signals: [Int32]) {
            for sig in signals {
                signal(sig, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
                source.setEventHandler { [unowned self] in self.raised.store(true, ordering: .relaxed) }
                source.resume()
                sources.append(source)
            }
        }

        func load() -> Bool { raised.load(ordering: .relaxed) }
    }

    static func install() -> Flag { Flag(signals: [SIGINT, SIGTERM]) }
}
