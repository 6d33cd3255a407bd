/// The columns of an activity log and the header spellings each one accepts.
enum LogColumn: Int, CaseIterable {
    case date, title, hours, type, categories, needs, reflection, evidence, provider, method, endDate, member, memberID

    /// The canonical header, as the format documents it.
    var name: String {
        switch self {
        case .endDate: return "end_date"
        case .memberID: return "member_id"
        default: return String(describing: self)
        }
    }

    /// Other spellings, as the format documents them (matching ignores case, blanks and punctuation).
    var aliases: [String] {
        switch self {
        case .date: return ["activity date", "date of activity", "start date"]
        case .title: return ["activity", "description", "cpd activity"]
        case .hours: return ["time", "duration", "cpd hours", "time (hours)", "time spent"]
        case .type: return ["structured or unstructured", "activity type", "structured?"]
        case .categories: return ["category", "topic", "competence"]
        case .needs: return ["need", "learning need", "development need", "need addressed"]
        case .reflection: return ["reflection on outcomes", "outcomes", "what did you learn", "impact"]
        case .evidence: return ["evidence kept", "evidence retained", "certificate"]
        case .provider: return ["organiser", "organised by"]
        case .method: return ["format", "activity method"]
        case .endDate: return ["to", "end"]
        case .member: return ["name", "staff name", "employee"]
        case .memberID: return ["staff id", "employee id", "membership number"]
        }
    }

    /// Spellings accepted beyond the documented ones.
    private var extraKeys: [String] {
        switch self {
        case .hours: return ["hrs", "cpdtime", "timehrs"]
        case .categories: return ["topics", "competences", "competencies"]
        case .evidence: return ["evidencereference", "evidencereferences"]
        case .provider: return ["organizer", "organizedby"]
        case .endDate: return ["enddate", "todate"]
        case .member: return ["membername"]
        case .memberID: return ["membershipno", "memberno", "memberid"]
        default: return []
        }
    }

    static let required: [LogColumn] = [.date, .title, .hours, .type]

    /// Lower-case ASCII letters and digits only, so `Time (hours)` and `time_hours` meet.
    static func key(_ header: String) -> String {
        var out = ""
        for scalar in header.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return out
    }

    static let byKey: [String: LogColumn] = {
        var map: [String: LogColumn] = [:]
        for column in allCases {
            for spelling in [column.name] + column.aliases { map[key(spelling)] = column }
            for extra in column.extraKeys { map[extra] = column }
        }
        return map
    }()

    /// "hours (or: time, duration, …)", for the missing-columns message.
    var describedWithAliases: String { "\(name) (or: \(aliases.joined(separator: ", ")))" }
}

/// Where each known column sits in one file's header, and which headers were not understood.
struct LogHeader {
    var index: [Int?] = Array(repeating: nil, count: LogColumn.allCases.count)
    var unknown: [String] = []
    var duplicates: [String] = []
    /// The type column is headed `structured?`, so `yes`/`no` answer it.
    var typeIsYesNo = false

    init(_ names: [String]) {
        for (position, name) in names.enumerated() {
            let key = LogColumn.key(name)
            guard let column = LogColumn.byKey[key] else {
                if !key.isEmpty || !name.isEmpty { unknown.append(name) }
                continue
            }
            if index[column.rawValue] != nil { duplicates.append(name); continue }
            index[column.rawValue] = position
            if column == .type, key == "structured" { typeIsYesNo = true }
        }
    }

    subscript(_ column: LogColumn) -> Int? { index[column.rawValue] }

    var missing: [LogColumn] { LogColumn.required.filter { self[$0] == nil } }
    var isTeam: Bool { self[.member] != nil || self[.memberID] != nil }
}
