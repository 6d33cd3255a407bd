/// Reads a needs CSV (`--needs`): `id, description, priority, target, status`.
enum NeedsCSVReader {
    enum Column: Int, CaseIterable {
        case id, description, priority, target, status

        var keys: [String] {
            switch self {
            case .id: return ["id", "needid", "ref", "reference"]
            case .description: return ["description", "need", "learningneed", "developmentneed", "title"]
            case .priority: return ["priority"]
            case .target: return ["target", "targetdate", "due", "duedate", "by"]
            case .status: return ["status"]
            }
        }
    }

    static func read(_ bytes: [UInt8], file: String, dateOrder: DateOrder) -> (needs: [Need], diagnostics: [Diagnostic]) {
        var needs: [Need] = [], diagnostics: [Diagnostic] = []
        func error(_ message: String, _ line: Int, _ column: Int? = nil) {
            diagnostics.append(.error(message, file: file, line: line, column: column))
        }
        bytes.withUnsafeBufferPointer { b in
            let start = b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
            var locator = LineLocator(b, from: start)
            let bad = TextCheck.scan(b, from: start)
            for finding in bad {
                let at = locator.locate(finding.offset)
                error(finding.problem == .nul ? "NUL byte in the file; save it as UTF-8 CSV" : "invalid UTF-8; save the file as UTF-8 text",
                      at.line, at.column)
            }
            if !bad.isEmpty { return }
            var index: [Int?] = Array(repeating: nil, count: Column.allCases.count)
            var sawHeader = false, headerOK = false
            var pendingDates: [(need: Int, token: DateText.Token, text: String, line: Int)] = []
            var evidence = DateOrderEvidence()
            let unterminated = CSVScanner.scan(b, from: start, delimiter: CSVScanner.detectDelimiter(b, from: start)) { row in
                let cells = row.fields.map { CSVScanner.text($0, b) }
                if !sawHeader {
                    sawHeader = true
                    for (k, name) in cells.enumerated() {
                        let key = LogColumn.key(name)
                        if let column = Column.allCases.first(where: { $0.keys.contains(key) }), index[column.rawValue] == nil {
                            index[column.rawValue] = k
                        }
                    }
                    headerOK = index[Column.description.rawValue] != nil
                    if !headerOK { error("missing required column: description (or: need, learning need, development need)", row.line) }
                    return
                }
                guard headerOK else { return }
                func cell(_ c: Column) -> String { index[c.rawValue].flatMap { $0 < cells.count ? cells[$0] : nil } ?? "" }
                let description = cell(.description)
                if description.isEmpty { error("description: empty; every need needs its words", row.line); return }
                var need = Need(id: cell(.id), description: description, source: SourceLocation(file: file, line: row.line))
                let priority = cell(.priority).lowercased()
                if !priority.isEmpty {
                    guard let p = Need.Priority(rawValue: priority) else {
                        error("priority \"\(cell(.priority))\" is not known; accepted: high, medium, low", row.line); return
                    }
                    need.priority = p
                }
                let status = String(cell(.status).lowercased().map { $0 == "_" || $0 == "-" ? " " : $0 })
                if !status.isEmpty {
                    guard let s = Need.Status(rawValue: status) else {
                        error("status \"\(cell(.status))\" is not known; accepted: open, met, carried over", row.line); return
                    }
                    need.status = s
                }
                let targetText = cell(.target)
                let token = DateText.scan(targetText)
                if token == .invalid { error("target \"\(targetText)\" is not a date; write YYYY-MM-DD", row.line); return }
                evidence.note(token, text: targetText, line: row.line)
                needs.append(need)
                if token != .empty { pendingDates.append((needs.count - 1, token, targetText, row.line)) }
            }
            if let unterminated = unterminated.unterminated {
                var quoteLocator = LineLocator(b, from: start)
                let at = quoteLocator.locate(unterminated.offset)
                error("a quoted field opens here but its closing quote is missing", at.line, at.column)
            }
            var order = dateOrder
            switch evidence.verdict(requested: dateOrder) {
            case .settled(let settled): order = settled
            case let .ambiguous(text, line):
                error("dates such as \"\(text)\" read differently day first and month first; \(DateOrderEvidence.advice)", line)
            case let .conflicting(d, m):
                error("some dates read only day first and others only month first; \(DateOrderEvidence.advice)", min(d, m))
            }
            for p in pendingDates {
                if case .slash = p.token, order == .auto || order == .iso { continue }
                guard let date = DateText.date(p.token, order: order) else { error("target \"\(p.text)\" does not exist", p.line); continue }
                needs[p.need].target = date
            }
        }
        // Needs without an id are numbered after the ones that have one.
        var used = Set(needs.map { $0.id.lowercased() })
        var next = 1
        for k in needs.indices where needs[k].id.isEmpty {
            while used.contains("n\(next)") { next += 1 }
            needs[k].id = "N\(next)"; used.insert("n\(next)")
        }
        return (needs, diagnostics)
    }
}
