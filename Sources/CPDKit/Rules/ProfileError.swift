/// A mistake in a body profile, or a profile that cannot be found.
/// Prints as `FILE:LINE:COLUMN: error: MESSAGE`, like a compiler, so editors can jump to it.
public struct ProfileError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The profile file, or nil when the problem is not in a file (an unknown body id).
    public let file: String?
    public let line: Int?
    public let column: Int?
    public let message: String

    public init(file: String?, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file; self.line = line; self.column = column; self.message = message
    }

    public var description: String {
        guard let file else { return "error: \(message)" }
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return "\(place): error: \(message)"
    }
}
