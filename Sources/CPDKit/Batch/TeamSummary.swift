import Foundation

/// The team overview a batch export writes beside the members' records: who meets their
/// body's requirements, who falls short and by how much, and whose input could not be read.
/// It is written as CSV and JSON (and painted as a PDF by CPDRender), and shards' summaries merge.
public struct TeamSummary: Sendable, Hashable {
    /// One body's verdict for one member.
    public struct BodyStatus: Sendable, Hashable {
        public var bodyID: String
        public var unit: String
        public var total: Double
        public var structured: Double
        public var compliant: Bool
        public var requirements: [RequirementResult]
    }

    /// A member whose record was written.
    public struct Row: Sendable, Hashable {
        public var name: String
        public var memberID: String
        /// The record's file name inside the output folder.
        public var file: String
        public var bodies: [BodyStatus]
        /// The member's `check --json` object on one line, kept verbatim so every summary agrees with it.
        public var checkJSON: String {
            switch json {
            case .text(let text): return text
            case .spooled(let spool, let offset, let length): return spool.read(offset: offset, length: length)
            }
        }
        private var json: StoredJSON

        /// Where the member's JSON line is: in memory, or parked in a batch's spool file.
        private enum StoredJSON: Sendable, Hashable {
            case text(String)
            case spooled(JSONSpool, Int, Int)
        }

        public var compliant: Bool { bodies.allSatisfy(\.compliant) }
        /// The sum of every unmet requirement's shortfall: the sort key for "who needs most help".
        public var shortfall: Double { bodies.flatMap(\.requirements).reduce(0) { $0 + ($1.met ? 0 : $1.shortfall) } }

        /// - Parameter spool: where to park the member's JSON line until the summary is written
        ///   (nil, or a failed write, keeps it in memory).
        public init(record: Record, file: String, assessments: [Assessment], spool: JSONSpool? = nil) {
            self.name = record.member.name
            self.memberID = record.member.id
            self.file = file
            // `stillNeeded` ("6.5 more hours, of which…") is a string per member and requirement that nothing in the
            // summary shows (the member's JSON line keeps it): left out, as reading team-summary.json leaves it out.
            self.bodies = assessments.map {
                BodyStatus(bodyID: $0.bodyID, unit: $0.unit, total: $0.totals.total.hours, structured: $0.totals.structured.hours,
                           compliant: $0.compliant, requirements: $0.requirements.map { var r = $0; r.stillNeeded = nil; return r })
            }
            let line = TeamSummary.oneLine(CheckOutput.json(member: assessments, diagnostics: []))
            if let spool, let place = spool.append(line) {
                self.json = .spooled(spool, place.offset, place.length)
            } else {
                self.json = .text(line)
            }
        }

        init(name: String, memberID: String, file: String, bodies: [BodyStatus], checkJSON: String) {
            self.name = name; self.memberID = memberID; self.file = file; self.bodies = bodies; self.json = .text(checkJSON)
        }
    }

    /// A member whose input was invalid (or whose record could not be written).
    public struct Failure: Sendable, Hashable {
        public var memberID: String
        public var name: String
        /// The diagnostics, each naming its file and line.
        public var messages: [String]

        public init(memberID: String, name: String, messages: [String]) {
            self.memberID = memberID; self.name = name; self.messages = messages
        }
    }

    /// Written members, largest shortfall first, then by name and id.
    public private(set) var rows: [Row]
    /// Members not written, by id.
    public private(set) var failures: [Failure]

    public init(rows: [Row], failures: [Failure]) {
        self.rows = rows.sorted { a, b in
            if a.shortfall != b.shortfall { return a.shortfall > b.shortfall }
            return (a.name, a.memberID) < (b.name, b.memberID)
        }
        self.failures = failures.sorted { ($0.memberID, $0.name) < ($1.memberID, $1.name) }
    }

    /// True when every member was written and meets every requirement.
    public var compliant: Bool { failures.isEmpty && rows.allSatisfy(\.compliant) }

    /// One summary from the summaries of several shards.
    public static func merge(_ parts: [TeamSummary]) -> TeamSummary {
        TeamSummary(rows: parts.flatMap(\.rows), failures: parts.flatMap(\.failures))
    }

    static func oneLine(_ json: String) -> String {
        // JSON strings cannot hold a raw line break, so dropping them between tokens is safe.
        json.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined()
    }
}
