import Foundation

/// What a render needs besides the record and the layout: dates and the producing program.
public struct RenderOptions: Sendable {
    /// PDF creation date as UTC `YYYY-MM-DDThh:mm:ssZ` (cairo 1.16 accepts nothing else); nil = now.
    public var creationDate: String?
    /// Printed on the record as the date it was generated.
    public var generatedDate: CalendarDate
    /// The PDF's creator, `cpd VERSION`.
    public var creator: String

    public init(creationDate: String? = nil, generatedDate: CalendarDate, creator: String) {
        self.creationDate = creationDate; self.generatedDate = generatedDate; self.creator = creator
    }

    /// Reads SOURCE_DATE_EPOCH (when set, both dates come from it so output is byte-identical run to run).
    public static func fromEnvironment(creator: String) -> RenderOptions {
        if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"],
           let seconds = Int(text.trimmingCharacters(in: .whitespaces)), seconds >= 0 {
            return RenderOptions(creationDate: utcString(epochSeconds: seconds),
                                 generatedDate: CalendarDate(dayNumber: seconds / 86_400), creator: creator)
        }
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        let today = CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CalendarDate(dayNumber: Int(Date().timeIntervalSince1970) / 86_400)
        return RenderOptions(creationDate: nil, generatedDate: today, creator: creator)
    }

    /// `YYYY-MM-DDThh:mm:ssZ` for seconds since 1970 (UTC), without Foundation's formatters.
    static func utcString(epochSeconds s: Int) -> String {
        let day = CalendarDate(dayNumber: s >= 0 ? s / 86_400 : (s - 86_399) / 86_400)
        let rest = ((s % 86_400) + 86_400) % 86_400
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(day)T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
    }

    /// The creation date to write: the fixed one, or now.
    var resolvedCreationDate: String {
        creationDate ?? Self.utcString(epochSeconds: Int(Date().timeIntervalSince1970))
    }
}
