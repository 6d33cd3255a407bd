import Foundation

/// Turns the bytes of one activity-log CSV into records, collecting every problem on the way.
struct CSVLogReader: Sendable {
    let file: String
    let options: ImportOptions
    private var diagnostics: [Diagnostic] = []

    /// The dates of an activity already read, kept until the file settles the order of slash dates.
    private struct PendingDates {
        var line: Int
        var dateText: String
        var date: DateText.Token
        var endText: String
        var end: DateText.Token
    }

    private struct MemberSlot {
        var name: String
        var id: String
    }

    // What the rows read so far built; the file may come in several chunks.
    private var started = false, stopped = false
    private(set) var nextLine = 1
    private var delimiter: UInt8 = 0x2C
    private var header: LogHeader?
    private var headerLine = 1
    private var headerFailed = false
    private var columnCount = 0
    private var members: [MemberSlot] = []
    private var memberIndex: [String: Int] = [:]
    private var lastKey: [UInt8] = [], lastMember = -1
    private var logs: [[Activity]] = [], pending: [[PendingDates]] = [], books: [NeedBook] = []
    private var activityCount = 0
    private var evidence = DateOrderEvidence()

    // Streaming (see MemberStream): pass 1 indexes where each member's rows are instead of
    // building activities; pass 2 reads one member's rows again under the order pass 1 settled.
    /// Pass 1: keep each member's row spans and every diagnostic, but no activities.
    var indexing = false
    /// The file offset of the buffer `feed` is given, so spans are file offsets.
    var bufferOffset = 0
    /// Pass 2: the order of slash dates the whole file settled on (`.auto`: it did not settle).
    var forcedOrder: DateOrder?
    /// Per member slot, the byte ranges of their rows; neighbouring rows of one member share a span.
    private(set) var spans: [[RowSpan]] = []
    private var lastRowOf: [Int] = []
    private var rowNumber = 0
    /// Where the header row ends (file offset), so pass 2 can read the header again.
    private(set) var headerEnd = 0
    /// The order of slash dates `finish` settled on (`.auto` when it could not).
    private(set) var settledOrder: DateOrder = .auto

    init(file: String, options: ImportOptions) { self.file = file; self.options = options }

    static func read(_ bytes: [UInt8], file: String, options: ImportOptions) -> ImportResult {
        var reader = CSVLogReader(file: file, options: options)
        _ = bytes.withUnsafeBufferPointer { reader.feed($0, final: true) }
        return reader.finish()
    }

    /// `member`: in a team file, the id (else name) of the member the row belongs to, so a batch can set them aside alone.
    mutating func error(_ message: String, line: Int, column: Int? = nil, member: String? = nil) {
        var d = Diagnostic.error(message, file: file, line: line, column: column)
        d.member = member
        diagnostics.append(d)
    }

    /// Reads the whole rows in `b`; returns how many bytes that was (all of them when `final`).
    mutating func feed(_ b: UnsafeBufferPointer<UInt8>, final: Bool) -> Int {
        if stopped { return b.count }
        var start = 0
        if !started {
            // Wait for enough bytes to see the byte-order mark and the header line.
            if !final && (b.count < 3 || !CSVScanner.holdsFirstLine(b, from: 0)) { return 0 }
            started = true
            if b.count >= 2, (b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF) {
                error("the file is UTF-16; save it as UTF-8 text", line: 1)
                stopped = true
                return b.count
            }
            start = b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
            delimiter = CSVScanner.detectDelimiter(b, from: start)
        }

        let badBytes = TextCheck.scan(b, from: start)
        let delimiterName = delimiter == CSVScanner.tab ? "a tab" : "\"\(Character(Unicode.Scalar(delimiter)))\""
        var badIndex = 0

        let end = CSVScanner.scan(b, from: start, delimiter: delimiter, firstLine: nextLine, final: final) { row in
            rowNumber += 1
            // A row holding a bad byte was reported already.
            while badIndex < badBytes.count, badBytes[badIndex].offset < row.start { badIndex += 1 }
            let spoiled = badIndex < badBytes.count && badBytes[badIndex].offset < max(row.end, row.start + 1)
            guard let columns = header else {
                if spoiled { headerFailed = true; return }
                let names = row.fields.map { CSVScanner.text($0, b) }
                let h = LogHeader(names)
                header = h; headerLine = row.line; columnCount = names.count
                headerEnd = bufferOffset + row.end
                if !h.missing.isEmpty {
                    error("missing required columns: " + h.missing.map(\.describedWithAliases).joined(separator: "; "), line: row.line)
                    headerFailed = true
                }
                let ignored = h.unknown.map { "\"\($0)\"" } + h.duplicates.map { "\"\($0)\" (a second column for the same thing)" }
                if !ignored.isEmpty {
                    diagnostics.append(.warning("columns not understood, kept out of the record: " + ignored.joined(separator: ", "),
                                                file: file, line: row.line))
                }
                return
            }
            if headerFailed || spoiled { return }

            func field(_ column: LogColumn) -> CSVField? {
                guard let k = columns[column], k < row.fields.count else { return nil }
                return row.fields[k]
            }
            func text(_ column: LogColumn) -> String {
                guard let f = field(column) else { return "" }
                return CSVScanner.text(f, b)
            }
            var failed = false
            func owner() -> String? {
                guard columns.isTeam else { return nil }
                let id = text(.memberID), name = text(.member)
                return !id.isEmpty ? id : !name.isEmpty ? name : nil
            }
            func fail(_ message: String) { error(message, line: row.line, member: owner()); failed = true }

            // Extra non-blank cells usually mean an unquoted separator inside a value (`1,5` in a comma file).
            if row.fields.count > columnCount,
               row.fields[columnCount...].contains(where: { !CSVScanner.trimmedOrPlain($0, b).isEmpty }) {
                fail("this row has \(row.fields.count) fields but the header has \(columnCount); "
                     + "a value holding \(delimiterName) must be in double quotes")
                return
            }

            // Member. Rows of one member usually follow each other: compare bytes before making strings.
            var member = 0
            if columns.isTeam {
                let keyField = field(.memberID).flatMap { f in CSVScanner.trimmedOrPlain(f, b).isEmpty ? nil : f } ?? field(.member)
                let keyRange = keyField.map { CSVScanner.trimmedOrPlain($0, b) }
                if lastMember >= 0, let keyRange, !keyRange.isEmpty, keyRange.count == lastKey.count,
                   memcmp(b.baseAddress! + keyRange.lowerBound, lastKey, lastKey.count) == 0 {
                    member = lastMember
                } else {
                    let name = text(.member), id = text(.memberID)
                    let key = id.isEmpty ? "name:" + name : "id:" + id
                    if name.isEmpty && id.isEmpty {
                        fail("member: empty; a team file needs the member's name or member_id on every row")
                    } else if let k = memberIndex[key] {
                        member = k
                    } else {
                        members.append(MemberSlot(name: name, id: id))
                        logs.append([]); pending.append([]); books.append(NeedBook())
                        member = members.count - 1
                        memberIndex[key] = member
                    }
                    if !failed, let keyRange, keyField?.plain != nil || keyField?.quoted == false {
                        lastKey = Array(b[keyRange]); lastMember = member
                    } else {
                        lastMember = -1
                    }
                }
            } else if members.isEmpty {
                members.append(MemberSlot(name: options.memberName ?? "", id: options.memberID ?? ""))
                logs.append([]); pending.append([]); books.append(NeedBook())
            }
            if indexing && !failed { noteSpan(member: member, row: row) }

            // Date and end date: the order of slash dates is settled after the last row.
            let dateText = text(.date)
            let date = DateText.scan(dateText)
            switch date {
            case .empty: fail("date: empty; every activity needs the date it took place")
            case .invalid: fail("date \"\(dateText)\" is not a date; write YYYY-MM-DD (or DD/MM/YYYY with --date-format)")
            case .iso where DateText.date(date, order: .iso) == nil: fail("date \"\(dateText)\" does not exist")
            default: evidence.note(date, text: dateText, line: row.line)
            }
            let endText = text(.endDate)
            let end = DateText.scan(endText)
            switch end {
            case .invalid: fail("end_date \"\(endText)\" is not a date; write YYYY-MM-DD (or DD/MM/YYYY with --date-format)")
            case .iso where DateText.date(end, order: .iso) == nil: fail("end_date \"\(endText)\" does not exist")
            default: evidence.note(end, text: endText, line: row.line)
            }

            let title = text(.title)
            if title.isEmpty { fail("title: empty; every activity needs a title") }

            let hours: DurationText.Result
            if let f = field(.hours), !f.quoted {
                let (s, e) = CSVScanner.trimmed(f.start, f.end, b)
                hours = DurationText.parse(UnsafeBufferPointer(rebasing: b[s..<e]))
            } else {
                hours = DurationText.parse(text(.hours))
            }
            var minutes = 0
            switch hours {
            case .minutes(let m): minutes = m
            case .empty: fail("hours: empty; record the time spent, e.g. 1.5, 1:30 or 90m")
            case .negative: fail("hours \"\(text(.hours))\" is negative; time spent must be zero or more")
            case .invalid: fail("hours \"\(text(.hours))\" is not a duration; write 1.5, 1,5, 1:30 or 90m")
            }

            let typeText = text(.type)
            let type = ActivityTypeText.parse(typeText, yesNo: columns.typeIsYesNo)
            if type == nil {
                if typeText.isEmpty {
                    fail("type: empty; accepted: \(ActivityTypeText.acceptedList(yesNo: columns.typeIsYesNo))")
                } else {
                    fail("type \"\(typeText)\" is not known; accepted: \(ActivityTypeText.acceptedList(yesNo: columns.typeIsYesNo))")
                }
            }
            if failed { return }
            if indexing {
                // Only dates that the file's settled order or an end date can still fail are kept.
                if case .slash = date { pending[member].append(PendingDates(line: row.line, dateText: dateText, date: date, endText: endText, end: end)) }
                else if end != .empty { pending[member].append(PendingDates(line: row.line, dateText: dateText, date: date, endText: endText, end: end)) }
                activityCount += 1
                return
            }

            let reflection = text(.reflection), provider = text(.provider), method = text(.method)
            let source = SourceLocation(file: file, line: row.line)
            let needs = ListText.split(text(.needs)).map { books[member].resolve($0, source: source) }
            logs[member].append(Activity(
                number: 0, date: CalendarDate(dayNumber: 0), title: title, type: type!,
                categories: ListText.split(text(.categories)), minutes: Minutes(minutes), needs: needs,
                reflection: reflection.isEmpty ? nil : reflection, evidence: ListText.split(text(.evidence)),
                provider: provider.isEmpty ? nil : provider, method: method.isEmpty ? nil : method, source: source))
            pending[member].append(PendingDates(line: row.line, dateText: dateText, date: date, endText: endText, end: end))
            activityCount += 1
        }

        // Bad bytes in the rows read are reported now; those in an unfinished row come round again.
        var locator = LineLocator(b, from: start, line: nextLine)
        for bad in badBytes where bad.offset < end.consumed {
            let at = locator.locate(bad.offset)
            switch bad.problem {
            case .nul: error("NUL byte in the file; is it a spreadsheet or UTF-16 file? save it as UTF-8 CSV", line: at.line, column: at.column)
            case .invalidUTF8: error("invalid UTF-8; save the file as UTF-8 text", line: at.line, column: at.column)
            }
        }
        if let unterminated = end.unterminated {
            var quoteLocator = LineLocator(b, from: start, line: nextLine)
            let at = quoteLocator.locate(unterminated.offset)
            error("a quoted field opens here but its closing quote is missing", line: at.line, column: at.column)
        }
        nextLine = end.line
        return end.consumed
    }

    /// Settles the order of slash dates, dates every activity, and hands over the records.
    mutating func finish() -> ImportResult {
        if header == nil {
            if !diagnostics.contains(where: { $0.severity == .error }) {
                error("the file is empty; expected a header line naming the columns date, title, hours and type", line: 1)
            }
            return ImportResult(diagnostics: diagnostics)
        }
        if !headerFailed && activityCount == 0 && !diagnostics.contains(where: { $0.severity == .error }) {
            error("no activities: the file has a header line but no rows", line: headerLine)
        }

        let order: DateOrder
        switch forcedOrder.map(DateOrderEvidence.Verdict.settled) ?? evidence.verdict(requested: options.dateOrder) {
        case .settled(let settled): order = settled
        case let .ambiguous(text, line):
            error("dates such as \"\(text)\" read differently day first and month first; \(DateOrderEvidence.advice)", line: line)
            order = .auto
        case let .conflicting(dayFirstLine, monthFirstLine):
            error("some dates read only day first (line \(dayFirstLine)) and others only month first (line \(monthFirstLine)); "
                  + "fix them or \(DateOrderEvidence.advice)", line: min(dayFirstLine, monthFirstLine))
            order = .auto
        }

        settledOrder = order
        let isTeam = header?.isTeam ?? false
        if indexing {
            // The same checks as below, on the rows kept, without activities to date.
            for m in pending.indices {
                let owner = isTeam ? (members[m].id.isEmpty ? members[m].name : members[m].id) : nil
                for p in pending[m] {
                    guard let date = resolve(p.date, text: p.dateText, column: "date", order: order, line: p.line, member: owner) else { continue }
                    if p.end != .empty {
                        guard let end = resolve(p.end, text: p.endText, column: "end_date", order: order, line: p.line, member: owner) else { continue }
                        if end < date { error("end_date \(end) is before the date \(date)", line: p.line, member: owner) }
                    }
                }
            }
            logs = []
        }
        for m in logs.indices {
            // Compact in place: rows whose dates fail are dropped, the rest numbered 1, 2, 3…
            var kept = 0
            for k in logs[m].indices {
                let p = pending[m][k]
                let owner = isTeam ? (members[m].id.isEmpty ? members[m].name : members[m].id) : nil
                guard let date = resolve(p.date, text: p.dateText, column: "date", order: order, line: p.line, member: owner) else { continue }
                var endDate: CalendarDate?
                if p.end != .empty {
                    guard let end = resolve(p.end, text: p.endText, column: "end_date", order: order, line: p.line, member: owner) else { continue }
                    if end < date { error("end_date \(end) is before the date \(date)", line: p.line, member: owner); continue }
                    endDate = end
                }
                if kept != k { logs[m].swapAt(kept, k) }
                logs[m][kept].date = date
                logs[m][kept].endDate = endDate
                logs[m][kept].number = kept + 1
                kept += 1
            }
            logs[m].removeLast(logs[m].count - kept)
        }
        pending = []

        // Pass 1 hands over no records: MemberStream reads them member by member.
        let records = indexing ? [] : members.indices.map { k in
            Record(member: Member(name: members[k].name, id: members[k].id), needs: books[k].needs,
                   activities: logs[k], source: file)
        }
        diagnostics.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        return ImportResult(records: records, diagnostics: diagnostics, isTeam: header?.isTeam ?? false)
    }

    /// The date a token stands for under the settled order, or nil after reporting why not.
    /// An unsettled order was reported once already, so rows that depend on it stay silent.
    private mutating func resolve(_ token: DateText.Token, text: String, column: String, order: DateOrder, line: Int,
                                  member: String?) -> CalendarDate? {
        if case .slash = token {
            if order == .auto { return nil }
            if order == .iso {
                error("\(column) \"\(text)\" is not YYYY-MM-DD, as --date-format iso asks", line: line, member: member)
                return nil
            }
        }
        guard let date = DateText.date(token, order: order) else {
            error("\(column) \"\(text)\" does not exist", line: line, member: member)
            return nil
        }
        return date
    }
}


/// A run of rows of one member: file bytes `start..<end`, the first starting on `line`.
struct RowSpan: Sendable, Hashable {
    var start: Int
    var end: Int
    var line: Int
}

extension CSVLogReader {
    /// The name and id of each member slot, in first-appearance order (pass 1 has no records).
    var memberKeys: [(name: String, id: String)] { members.map { ($0.name, $0.id) } }

    /// Notes that `row` belongs to `member`; a row right after the member's previous row extends its span.
    fileprivate mutating func noteSpan(member: Int, row: borrowing CSVRow) {
        while spans.count <= member { spans.append([]); lastRowOf.append(-1) }
        let start = bufferOffset + row.start, end = bufferOffset + row.end
        if lastRowOf[member] == rowNumber - 1, !spans[member].isEmpty {
            spans[member][spans[member].count - 1].end = end
        } else {
            spans[member].append(RowSpan(start: start, end: end, line: row.line))
        }
        lastRowOf[member] = rowNumber
    }

    /// Pass 2 template: the header's warnings were reported in pass 1.
    mutating func forgetDiagnostics() { diagnostics = [] }

    /// Pass 2: reads rows `b` (whole rows, the first on `line`) after the header was fed.
    mutating func feed(rows b: UnsafeBufferPointer<UInt8>, line: Int) {
        nextLine = line
        _ = feed(b, final: true)
    }
}
