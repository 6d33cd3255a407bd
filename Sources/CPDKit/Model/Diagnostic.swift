/// A problem in an input file, printed as `FILE:LINE[:COLUMN]: error: MESSAGE`
/// (JSON: `FILE: activities[3].hours: error: MESSAGE`).
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible, Error {
    public enum Severity: String, Sendable, Hashable, Codable { case error, warning }

    public var severity: Severity
    public var file: String
    public var line: Int?
    public var column: Int?
    /// JSON path (`activities[3].hours`) where there is no line.
    public var path: String?
    public var message: String
    /// The id (or name) of the team member whose row or record this is, when the input is a team;
    /// batch export uses it to set that member aside while the others are still written.
    public var member: String? = nil

    public init(_ severity: Severity, file: String, line: Int? = nil, column: Int? = nil, path: String? = nil, message: String) {
        self.severity = severity; self.file = file; self.line = line; self.column = column; self.path = path; self.message = message
    }

    public static func error(_ message: String, file: String, line: Int? = nil, column: Int? = nil, path: String? = nil) -> Diagnostic {
        Diagnostic(.error, file: file, line: line, column: column, path: path, message: message)
    }

    public static func warning(_ message: String, file: String, line: Int? = nil, column: Int? = nil, path: String? = nil) -> Diagnostic {
        Diagnostic(.warning, file: file, line: line, column: column, path: path, message: message)
    }

    public var description: String {
        var where_ = file
        if let line {
            where_ += ":\(line)"
            if let column { where_ += ":\(column)" }
        } else if let path {
            where_ += ": \(path)"
        }
        return "\(where_): \(severity.rawValue): \(message)"
    }
}
