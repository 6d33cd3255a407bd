import CPDKit
import Foundation
import Synchronization

/// Renders every member of a team to its own PDF on several threads, then writes the team summary.
///
/// Each member is assessed, laid out and painted inside one worker call with handles of its
/// own, and written atomically; only `Sendable` values (records in, outcomes out) cross
/// threads. Output bytes depend on the inputs alone: names are assigned before any work
/// starts and every document is rendered independently, so `--jobs` and timing change nothing.
public enum BatchExporter {
    /// What to export and how.
    public struct Request: Sendable {
        public var outputDirectory: String
        public var profiles: [BodyProfile]
        public var selection: PeriodSelection
        public var assessOptions: AssessOptions
        public var layout: LayoutSpec
        public var renderOptions: RenderOptions
        public var jobs: Int
        public var shard: Shard

        public init(outputDirectory: String, profiles: [BodyProfile], selection: PeriodSelection, assessOptions: AssessOptions,
                    layout: LayoutSpec, renderOptions: RenderOptions, jobs: Int, shard: Shard = .all) {
            self.outputDirectory = outputDirectory; self.profiles = profiles; self.selection = selection
            self.assessOptions = assessOptions; self.layout = layout; self.renderOptions = renderOptions
            self.jobs = max(1, jobs); self.shard = shard
        }
    }

    /// How far a run has got, for a progress line.
    public struct Progress: Sendable {
        public var done: Int
        public var total: Int
    }

    /// The outcome of a run.
    public struct Report: Sendable {
        public var summary: TeamSummary
        /// Members whose PDF was written in this run.
        public var written: Int
        /// Members this run (this shard) had to write.
        public var total: Int
        /// True when the run stopped early because `isCancelled` said so.
        public var interrupted: Bool
    }

    /// Exports `records` (members with valid input) and lists `invalid` members in the summary.
    /// - Parameters:
    ///   - invalid: members whose input had errors: named in the summary, never rendered.
    ///   - progress: called after each member, from any thread, serially.
    ///   - isCancelled: polled before each member starts; members already started finish.
    public static func run(records: [Record], invalid: [TeamSummary.Failure], request: Request,
                           progress: (@Sendable (Progress) -> Void)? = nil,
                           isCancelled: @escaping @Sendable () -> Bool = { false }) throws -> Report {
        let mine = records.filter { request.shard.contains(memberID: $0.member.id) }
        return try run(labels: mine.map { $0.member.id.isEmpty ? $0.member.name : $0.member.id }, record: { mine[$0] },
                       invalid: invalid, request: request, progress: progress, isCancelled: isCancelled)
    }

    /// Exports the members `members` (indices into `stream`, those with valid input) as they are read,
    /// so only the records being rendered are in memory: each worker reads its member's rows itself.
    /// Shards are taken by id before any row is read. Output is byte-identical to `run(records:…)`.
    public static func run(stream: MemberStream, members: [Int], invalid: [TeamSummary.Failure], request: Request,
                           progress: (@Sendable (Progress) -> Void)? = nil,
                           isCancelled: @escaping @Sendable () -> Bool = { false }) throws -> Report {
        let mine = members.filter { request.shard.contains(memberID: stream.keys[$0].id) }
        return try run(labels: mine.map { stream.keys[$0].label }, record: { stream.member(mine[$0]).record },
                       invalid: invalid, request: request, progress: progress, isCancelled: isCancelled)
    }

    /// The shared loop: `labels[k]` names member k's file; `record(k)` gives their record when a worker takes them.
    private static func run(labels: [String], record: @escaping @Sendable (Int) -> Record, invalid: [TeamSummary.Failure],
                            request: Request, progress: (@Sendable (Progress) -> Void)?,
                            isCancelled: @escaping @Sendable () -> Bool) throws -> Report {
        let failures = invalid.filter { request.shard.contains(memberID: $0.memberID) }
        let stems = MemberFileNames.assign(labels)
        try ensureDirectory(request.outputDirectory)

        let next = Atomic<Int>(0)
        // Members' JSON lines wait on disk, not in memory, until the summary is written.
        let spool = JSONSpool()
        let state = Mutex(State(outcomes: Array(repeating: nil, count: labels.count)))
        let workers = min(request.jobs, max(1, labels.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while !isCancelled() {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < labels.count else { return }
                let outcome = exportOne(record(index), stem: stems[index], request: request, spool: spool)
                let snapshot = state.withLock { state -> Progress in
                    state.outcomes[index] = outcome
                    state.done += 1
                    return Progress(done: state.done, total: labels.count)
                }
                progress?(snapshot)
            }
        }
        let outcomes = state.withLock { $0.outcomes }
        var rows: [TeamSummary.Row] = []
        var renderFailures: [TeamSummary.Failure] = []
        var written = 0
        for outcome in outcomes {
            switch outcome {
            case .written(let row)?:
                rows.append(row); written += 1
            case .failed(let failure)?:
                renderFailures.append(failure)
            case nil:
                break // not reached before the run was interrupted
            }
        }
        let summary = TeamSummary(rows: rows, failures: failures + renderFailures)
        let interrupted = outcomes.contains { $0 == nil }
        return Report(summary: summary, written: written, total: labels.count, interrupted: interrupted)
    }

    private struct State: Sendable {
        var outcomes: [Outcome?]
        var done = 0
    }

    private enum Outcome: Sendable {
        case written(TeamSummary.Row)
        case failed(TeamSummary.Failure)
    }

    private static func exportOne(_ record: Record, stem: String, request: Request, spool: JSONSpool?) -> Outcome {
        let file = stem + ".pdf"
        do {
            let assessments = try request.profiles.map {
                try Assessor.assess(record, against: $0, selection: request.selection, options: request.assessOptions)
            }
            let bytes = try RecordRenderer.render(record, assessments: assessments, layout: request.layout, options: request.renderOptions)
            try AtomicFile.write(bytes, to: request.outputDirectory + "/" + file)
            return .written(TeamSummary.Row(record: record, file: file, assessments: assessments, spool: spool))
        } catch {
            return .failed(TeamSummary.Failure(memberID: record.member.id, name: record.member.name, messages: ["\(error)"]))
        }
    }

    private static func ensureDirectory(_ path: String) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw AtomicFile.WriteError(path: path, reason: "it exists and is not a folder") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw AtomicFile.WriteError(path: path, reason: "cannot create the folder (\(error.localizedDescription))")
            }
        }
        guard access(path, W_OK) == 0 else {
            throw AtomicFile.WriteError(path: path, reason: "the folder is not writable")
        }
    }
}
