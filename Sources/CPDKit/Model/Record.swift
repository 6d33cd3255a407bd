/// Where a value came from, so every diagnostic and finding can point at it.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    /// 1-based line (CSV: the line the row starts on). Nil for JSON.
    public var line: Int?
    /// JSON path such as `activities[3]` (nil for CSV).
    public var path: String?

    public init(file: String, line: Int? = nil, path: String? = nil) {
        self.file = file; self.line = line; self.path = path
    }

    public var description: String {
        if let line { return "\(file):\(line)" }
        if let path { return "\(file): \(path)" }
        return file
    }
}

/// Structured (formal, verifiable) or unstructured (informal, non-verifiable) learning.
public enum ActivityType: String, Sendable, Hashable, Codable, CaseIterable {
    case structured
    case unstructured
}

/// The member whose record this is.
public struct Member: Sendable, Hashable, Codable {
    public var name: String
    public var id: String
    public var membershipNumber: String?
    /// The body id named in the file (`member.body`); the command line overrides it.
    public var body: String?
    public var role: String?
    public var employer: String?
    /// Anniversary for bodies whose period starts on the member's own date.
    public var periodStart: CalendarDate?

    public init(name: String, id: String, membershipNumber: String? = nil, body: String? = nil,
                role: String? = nil, employer: String? = nil, periodStart: CalendarDate? = nil) {
        self.name = name; self.id = id; self.membershipNumber = membershipNumber; self.body = body
        self.role = role; self.employer = employer; self.periodStart = periodStart
    }
}

/// A learning and development need the member identified.
public struct Need: Sendable, Hashable, Codable {
    public enum Priority: String, Sendable, Hashable, Codable, CaseIterable { case high, medium, low }
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case open, met
        case carriedOver = "carried over"
    }

    public var id: String
    public var description: String
    public var priority: Priority?
    public var target: CalendarDate?
    public var status: Status?
    public var source: SourceLocation?

    public init(id: String, description: String, priority: Priority? = nil, target: CalendarDate? = nil,
                status: Status? = nil, source: SourceLocation? = nil) {
        self.id = id; self.description = description; self.priority = priority
        self.target = target; self.status = status; self.source = source
    }
}

/// One thing the member did, with the time recorded against it.
public struct Activity: Sendable, Hashable, Codable {
    /// 1-based position in the member's log, as the user sees it; findings refer to it.
    public var number: Int
    public var date: CalendarDate
    public var endDate: CalendarDate?
    public var title: String
    public var type: ActivityType
    public var categories: [String]
    public var minutes: Minutes
    /// Need ids after import (a need named only by its text gets an id of its own).
    public var needs: [String]
    public var reflection: String?
    public var evidence: [String]
    public var provider: String?
    public var method: String?
    public var source: SourceLocation?

    public init(number: Int, date: CalendarDate, endDate: CalendarDate? = nil, title: String, type: ActivityType,
                categories: [String] = [], minutes: Minutes, needs: [String] = [], reflection: String? = nil,
                evidence: [String] = [], provider: String? = nil, method: String? = nil, source: SourceLocation? = nil) {
        self.number = number; self.date = date; self.endDate = endDate; self.title = title; self.type = type
        self.categories = categories; self.minutes = minutes; self.needs = needs; self.reflection = reflection
        self.evidence = evidence; self.provider = provider; self.method = method; self.source = source
    }

    /// True when a reflection has some non-blank text.
    public var hasReflection: Bool { !(reflection ?? "").allSatisfy(\.isWhitespace) }
}

/// One member's CPD record: needs and activities, in the order of the log.
public struct Record: Sendable, Hashable, Codable {
    public var member: Member
    /// The period the file names, if any; the command line overrides it.
    public var period: DateRange?
    public var needs: [Need]
    public var activities: [Activity]
    /// The first file the record was read from (for messages and batch output).
    public var source: String?

    public init(member: Member, period: DateRange? = nil, needs: [Need] = [], activities: [Activity] = [], source: String? = nil) {
        self.member = member; self.period = period; self.needs = needs; self.activities = activities; self.source = source
    }
}

/// What the importers return: every record they could read and every problem they saw.
public struct ImportResult: Sendable {
    public var records: [Record]
    public var diagnostics: [Diagnostic]
    /// True when the input was a team (team JSON, or a CSV with member columns).
    public var isTeam: Bool
    public var teamName: String?

    public init(records: [Record] = [], diagnostics: [Diagnostic] = [], isTeam: Bool = false, teamName: String? = nil) {
        self.records = records; self.diagnostics = diagnostics; self.isTeam = isTeam; self.teamName = teamName
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
