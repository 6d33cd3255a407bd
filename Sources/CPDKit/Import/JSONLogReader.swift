/// Turns a parsed JSON record or team into records; every wrong value is reported by its path.
struct JSONLogReader {
    let file: String
    let options: ImportOptions
    private var diagnostics: [Diagnostic] = []
    private var unknownKeys: [String] = []

    static func read(_ bytes: [UInt8], file: String, options: ImportOptions) -> ImportResult {
        bytes.withUnsafeBufferPointer { b in
            let start = b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
            if b[start...].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                return ImportResult(diagnostics: [.error("the file is empty; expected a JSON record or team", file: file, line: 1)])
            }
            if let bad = TextCheck.scan(b, from: start, limit: 1).first {
                var locator = LineLocator(b, from: start)
                let at = locator.locate(bad.offset)
                let message = bad.problem == .nul ? "NUL byte in the file; save it as UTF-8 JSON" : "invalid UTF-8; save the file as UTF-8 text"
                return ImportResult(diagnostics: [.error(message, file: file, line: at.line, column: at.column)])
            }
            switch JSONParser.parse(b, from: start) {
            case .failure(let syntax):
                var locator = LineLocator(b, from: start)
                let at = locator.locate(min(syntax.offset, b.count))
                return ImportResult(diagnostics: [.error("malformed JSON: " + syntax.message, file: file, line: at.line, column: at.column)])
            case .success(let root):
                var reader = JSONLogReader(file: file, options: options)
                return reader.read(root)
            }
        }
    }

    private init(file: String, options: ImportOptions) { self.file = file; self.options = options }

    /// In a team, the id (else name) of the member being read, so a batch can set that member aside alone.
    private var currentMember: String?

    private mutating func error(_ path: String, _ message: String) {
        var d = Diagnostic.error(message, file: file, path: path.isEmpty ? "(top level)" : path)
        d.member = currentMember
        diagnostics.append(d)
    }

    private mutating func read(_ root: JSONValue) -> ImportResult {
        guard case .object = root else {
            error("", "expected an object holding a record or a team, found \(root.found)")
            return ImportResult(diagnostics: diagnostics)
        }
        var result = ImportResult()
        if let members = root["members"] {
            result.isTeam = true
            check(root, path: "", known: ["team", "members"])
            if let team = root["team"] {
                check(team, path: "team", known: ["name"])
                result.teamName = string(team["name"], "team.name")
            }
            guard case .array(let items) = members else {
                error("members", "expected an array of records, found \(members.found)")
                return finish(result)
            }
            for (k, item) in items.enumerated() {
                var id: String?, name: String?
                if case .string(let s)? = item["member"]?["id"] { id = s }
                if case .string(let s)? = item["member"]?["name"] { name = s }
                currentMember = [id, name].compactMap { $0 }.first { !$0.isEmpty }
                if let record = record(item, path: "members[\(k)]") { result.records.append(record) }
                currentMember = nil
            }
        } else if let record = record(root, path: "") {
            result.records.append(record)
        }
        return finish(result)
    }

    private mutating func finish(_ result: ImportResult) -> ImportResult {
        var result = result
        if !unknownKeys.isEmpty {
            diagnostics.insert(.warning("keys not understood, kept out of the record: " + unknownKeys.joined(separator: ", "), file: file), at: 0)
        }
        result.diagnostics = diagnostics
        return result
    }

    private static let recordKeys: Set = ["member", "period", "needs", "activities"]
    private static let memberKeys: Set = ["name", "id", "membershipNumber", "body", "role", "employer", "periodStart"]
    private static let needKeys: Set = ["id", "description", "priority", "target", "status"]
    private static let activityKeys: Set = ["date", "endDate", "end_date", "title", "type", "categories", "category", "hours",
                                            "minutes", "needs", "reflection", "evidence", "provider", "method"]

    /// Notes keys outside `known` once per kind (`activities[].cost`), not once per item.
    private mutating func check(_ value: JSONValue, path: String, known: Set<String>) {
        guard case .object(let members) = value else { return }
        var generic = path
        while let open = generic.firstIndex(of: "[") , let close = generic[open...].firstIndex(of: "]"), generic.index(after: open) != close {
            generic.removeSubrange(generic.index(after: open)..<close)
        }
        for (key, _) in members where !known.contains(key) {
            let name = generic.isEmpty ? key : generic + "." + key
            if !unknownKeys.contains(name) { unknownKeys.append(name) }
        }
    }

    private func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    private mutating func record(_ value: JSONValue, path: String) -> Record? {
        guard case .object = value else { error(path, "expected a record object, found \(value.found)"); return nil }
        check(value, path: path, known: Self.recordKeys)
        var member = Member(name: "", id: "")
        if let m = value["member"] {
            let p = join(path, "member")
            if case .object = m {
                check(m, path: p, known: Self.memberKeys)
                member.name = string(m["name"], p + ".name") ?? ""
                member.id = string(m["id"], p + ".id") ?? ""
                member.membershipNumber = string(m["membershipNumber"], p + ".membershipNumber")
                member.body = string(m["body"], p + ".body")
                member.role = string(m["role"], p + ".role")
                member.employer = string(m["employer"], p + ".employer")
                member.periodStart = date(m["periodStart"], p + ".periodStart")
            } else {
                error(p, "expected an object, found \(m.found)")
            }
        }
        var record = Record(member: member, source: file)
        if let period = value["period"] {
            let p = join(path, "period")
            check(period, path: p, known: ["start", "end"])
            if case .object = period {
                let start = date(period["start"], p + ".start", required: true), end = date(period["end"], p + ".end", required: true)
                if let start, let end {
                    if end < start { error(p, "the period ends (\(end)) before it starts (\(start))") }
                    else { record.period = DateRange(start: start, end: end) }
                }
            } else {
                error(p, "expected an object with start and end, found \(period.found)")
            }
        }
        var book = NeedBook()
        for (k, item) in array(value["needs"], join(path, "needs")).enumerated() {
            let p = join(path, "needs[\(k)]")
            guard case .object = item else { error(p, "expected a need object, found \(item.found)"); continue }
            check(item, path: p, known: Self.needKeys)
            guard let description = string(item["description"], p + ".description", required: true) else { continue }
            var need = Need(id: string(item["id"], p + ".id") ?? "", description: description, source: SourceLocation(file: file, path: p))
            if let text = string(item["priority"], p + ".priority") {
                need.priority = Need.Priority(rawValue: text.lowercased())
                if need.priority == nil { error(p + ".priority", "\"\(text)\" is not known; accepted: high, medium, low") }
            }
            if let text = string(item["status"], p + ".status") {
                need.status = Need.Status(rawValue: String(text.lowercased().map { $0 == "_" || $0 == "-" ? " " : $0 }))
                if need.status == nil { error(p + ".status", "\"\(text)\" is not known; accepted: open, met, carried over") }
            }
            need.target = date(item["target"], p + ".target")
            book.merge(need)
        }
        for (k, item) in array(value["activities"], join(path, "activities")).enumerated() {
            if var activity = activity(item, path: join(path, "activities[\(k)]"), needs: &book) {
                activity.number = record.activities.count + 1
                record.activities.append(activity)
            }
        }
        record.needs = book.needs
        return record
    }

    private mutating func activity(_ value: JSONValue, path p: String, needs book: inout NeedBook) -> Activity? {
        guard case .object = value else { error(p, "expected an activity object, found \(value.found)"); return nil }
        check(value, path: p, known: Self.activityKeys)
        let errorsBefore = diagnostics.count
        let date = date(value["date"], p + ".date", required: true)
        let endKey = value["endDate"] != nil ? "endDate" : "end_date"
        let end = self.date(value[endKey], p + "." + endKey)
        let title = string(value["title"], p + ".title", required: true)
        var type: ActivityType?
        if let text = string(value["type"], p + ".type", required: true) {
            type = ActivityTypeText.parse(text, yesNo: false)
            if type == nil { error(p + ".type", "\"\(text)\" is not known; accepted: \(ActivityTypeText.acceptedList(yesNo: false))") }
        }
        let minutes = duration(value["hours"] ?? value["minutes"], p + (value["hours"] == nil && value["minutes"] != nil ? ".minutes" : ".hours"),
                               perMinute: value["hours"] == nil && value["minutes"] != nil)
        if let title, title.isEmpty { error(p + ".title", "empty; every activity needs a title") }
        if let date, let end, end < date { error(p + "." + endKey, "\(end) is before the date \(date)") }
        let categoryKey = value["categories"] != nil ? "categories" : "category"
        let categories = list(value[categoryKey], p + "." + categoryKey)
        let needs = list(value["needs"], p + ".needs"), evidence = list(value["evidence"], p + ".evidence")
        let reflection = string(value["reflection"], p + ".reflection")
        let provider = string(value["provider"], p + ".provider"), method = string(value["method"], p + ".method")
        guard diagnostics.count == errorsBefore, let date, let title, let type, let minutes else { return nil }
        let source = SourceLocation(file: file, path: p)
        return Activity(number: 0, date: date, endDate: end, title: title, type: type, categories: categories, minutes: minutes,
                        needs: needs.map { book.resolve($0, source: source) },
                        reflection: reflection?.isEmpty == false ? reflection : nil, evidence: evidence,
                        provider: provider?.isEmpty == false ? provider : nil, method: method?.isEmpty == false ? method : nil,
                        source: source)
    }

    // MARK: typed readers: each reports a wrong type at its path and returns nil

    private mutating func string(_ value: JSONValue?, _ path: String, required: Bool = false) -> String? {
        switch value {
        case .string(let s)?: return s
        case .number(let n)? where path.hasSuffix(".id") || path.hasSuffix("membershipNumber"): return n
        case nil, .null?: if required { error(path, "missing; expected a string") }; return nil
        case let other?: error(path, "expected a string, found \(other.found)"); return nil
        }
    }

    private mutating func date(_ value: JSONValue?, _ path: String, required: Bool = false) -> CalendarDate? {
        guard let text = string(value, path, required: required) else { return nil }
        let token = DateText.scan(text)
        if case .iso = token {
            if let d = DateText.date(token, order: .iso) { return d }
            error(path, "\"\(text)\" does not exist"); return nil
        }
        if case .slash = token, options.dateOrder == .dayFirst || options.dateOrder == .monthFirst {
            if let d = DateText.date(token, order: options.dateOrder) { return d }
            error(path, "\"\(text)\" does not exist"); return nil
        }
        error(path, "\"\(text)\" is not a date; write YYYY-MM-DD"); return nil
    }

    private mutating func duration(_ value: JSONValue?, _ path: String, perMinute: Bool) -> Minutes? {
        let text: String
        switch value {
        case .number(let n)?: text = n
        case .string(let s)?: text = s
        case nil, .null?: error(path, "missing; expected a number or a duration string"); return nil
        case let other?: error(path, "expected a number or a duration string, found \(other.found)"); return nil
        }
        if text.contains(where: { $0 == "e" || $0 == "E" }), let d = Double(text) {
            if d < 0 { error(path, "\(text) is negative; time spent must be zero or more"); return nil }
            return Minutes(Int((d * (perMinute ? 1 : 60)).rounded()))
        }
        switch DurationText.parse(text) {
        case .minutes(let m):
            if perMinute, case .number = value { return Minutes((m + 30) / 60) }
            return Minutes(m)
        case .negative: error(path, "\(text) is negative; time spent must be zero or more")
        case .empty: error(path, "empty; expected a number or a duration string")
        case .invalid: error(path, "\"\(text)\" is not a duration; write 1.5, \"1:30\" or \"90m\"")
        }
        return nil
    }

    private mutating func array(_ value: JSONValue?, _ path: String) -> [JSONValue] {
        switch value {
        case .array(let items)?: return items
        case nil, .null?: return []
        case let other?: error(path, "expected an array, found \(other.found)"); return []
        }
    }

    /// An array of strings, or one string holding a `;`-separated list.
    private mutating func list(_ value: JSONValue?, _ path: String) -> [String] {
        switch value {
        case nil, .null?: return []
        case .string(let s)?: return ListText.split(s)
        case .array(let items)?:
            var out: [String] = []
            for (k, item) in items.enumerated() {
                if case .string(let s) = item { out.append(contentsOf: ListText.split(s)) }
                else { error("\(path)[\(k)]", "expected a string, found \(item.found)") }
            }
            return out
        case let other?: error(path, "expected a string or an array of strings, found \(other.found)"); return []
        }
    }
}
