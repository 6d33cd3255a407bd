import Foundation

/// A team's members, read one at a time, so memory stays flat however large the team is.
///
/// Made by `LogImporter.members(paths:options:)` in two passes. Pass 1 (at creation) reads every
/// file once, in chunks, and keeps per member only where their rows are (a few integers per run of
/// rows), plus every diagnostic: `diagnostics` is what `LogImporter.load` reports, in the same
/// order, so a caller can stop before printing or writing anything. Pass 2 (`member(_:)`) reads
/// one member's rows again with `pread` and builds their record, merged across files exactly as
/// `load` merges them. Reading a member touches no shared mutable state, so several threads may
/// read different members at once.
///
/// Whole-file exceptions: a JSON file, and a CSV named without a .csv/.tsv extension, are read
/// whole. When such a file holds one member it is read again when that member comes up; when it
/// holds several (a team JSON), their records are kept in memory for the stream's lifetime.
public final class MemberStream: Sequence, Sendable {
    /// Who a member is, known after pass 1 without reading their rows: the record's name and id.
    public struct Key: Sendable, Hashable {
        public var name: String
        public var id: String
        /// The id, else the name: what diagnostics name the member by and what file names come from.
        public var label: String { id.isEmpty ? name : id }
    }

    /// One member: their record and the diagnostics that name them.
    public struct Item: Sendable {
        public var record: Record
        /// The diagnostics (of `MemberStream.diagnostics`) whose `member` is this member's id or name.
        public var diagnostics: [Diagnostic]
    }

    /// Every diagnostic of the import, the same and in the same order as `LogImporter.load` gives.
    public let diagnostics: [Diagnostic]
    /// True when the input was a team (team JSON, or a CSV with member columns).
    public let isTeam: Bool
    public let teamName: String?
    /// The members in first-appearance order; `member(k)` is the record of `keys[k]`.
    public let keys: [Key]

    /// The number of members.
    public var count: Int { keys.count }
    /// True when any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Where one file's part of a member comes from.
    enum Part: Sendable {
        /// Rows of an indexed CSV file: `files[file].spans[slot]`.
        case rows(file: Int, slot: Int)
        /// The only record of a file read whole: read it again.
        case reread(path: String)
        /// One of several records of a file read whole, kept.
        case held(Record)
    }

    /// What pass 2 needs to read a CSV file's members again.
    struct IndexedFile: Sendable {
        var path: String
        /// A reader that has read the header (up to the end of the header row) and takes the file's
        /// settled order of slash dates: copied for each member, so the header is read once.
        var reader: CSVLogReader
        var spans: [[RowSpan]]
    }

    let files: [IndexedFile]
    let parts: [[Part]]
    let options: ImportOptions
    let needs: [Need]?
    /// Diagnostic positions by the member they name.
    let diagnosticsByMember: [String: [Int]]

    init(diagnostics: [Diagnostic], isTeam: Bool, teamName: String?, keys: [Key], files: [IndexedFile], parts: [[Part]],
         options: ImportOptions, needs: [Need]?) {
        self.diagnostics = diagnostics; self.isTeam = isTeam; self.teamName = teamName; self.keys = keys
        self.files = files; self.parts = parts; self.options = options; self.needs = needs
        var byMember: [String: [Int]] = [:]
        for (k, d) in diagnostics.enumerated() { if let m = d.member { byMember[m, default: []].append(k) } }
        diagnosticsByMember = byMember
    }

    /// The record of member `index` (in `0..<count`), read from the files now, with its diagnostics.
    public func member(_ index: Int) -> Item {
        var extra: [Diagnostic] = []
        var record: Record?
        for part in parts[index] {
            let piece = read(part, problems: &extra)
            record = record.map { RecordMerger.merging(piece, into: $0) } ?? piece
        }
        var out = record ?? Record(member: Member(name: keys[index].name, id: keys[index].id), needs: [], activities: [], source: "")
        if let needs { out = RecordMerger.applying(needs, to: out) }
        if keys.count == 1 { out = LogImporter.overriding(out, options) }
        let key = keys[index]
        var positions = Set<Int>()
        for label in [key.id, key.name] where !label.isEmpty { positions.formUnion(diagnosticsByMember[label] ?? []) }
        return Item(record: out, diagnostics: positions.sorted().map { diagnostics[$0] } + extra)
    }

    /// Members one after another, in order.
    public struct Iterator: IteratorProtocol {
        let stream: MemberStream
        var position = 0

        public mutating func next() -> Item? {
            guard position < stream.count else { return nil }
            defer { position += 1 }
            return stream.member(position)
        }
    }

    public func makeIterator() -> Iterator { Iterator(stream: self) }

    private func read(_ part: Part, problems: inout [Diagnostic]) -> Record {
        switch part {
        case .held(let record):
            return record
        case .reread(let path):
            var ignored: [Diagnostic] = []
            guard let bytes = LogImporter.readBytes(path, diagnostics: &ignored) else {
                problems.append(.error("cannot read the file again", file: path))
                return Record(member: Member(name: "", id: ""), needs: [], activities: [], source: path)
            }
            let result = LogImporter.isJSON(path: path, bytes: bytes)
                ? LogImporter.parseJSON(bytes, file: path, options: options)
                : LogImporter.parseCSV(bytes, file: path, options: options)
            return result.records.first ?? Record(member: Member(name: "", id: ""), needs: [], activities: [], source: path)
        case let .rows(file, slot):
            return readRows(files[file], slot: slot, problems: &problems)
        }
    }

    /// Pass 2 for one member of one CSV file: the header, then only their rows, under the file's settled date order.
    private func readRows(_ file: IndexedFile, slot: Int, problems: inout [Diagnostic]) -> Record {
        var reader = file.reader
        let fd = open(file.path, O_RDONLY)
        if fd < 0 {
            problems.append(.error("cannot read the file again: " + String(cString: strerror(errno)), file: file.path))
        } else {
            defer { close(fd) }
            var buffer: [UInt8] = []
            for span in file.spans[slot] {
                let size = span.end - span.start
                if buffer.count < size { buffer = [UInt8](repeating: 0, count: size) }
                let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, size, off_t(span.start)) }
                guard got == size else {
                    problems.append(.error("the file changed while it was read; run again", file: file.path, line: span.line))
                    break
                }
                buffer.withUnsafeBufferPointer { reader.feed(rows: UnsafeBufferPointer(rebasing: $0[0..<size]), line: span.line) }
            }
        }
        // Pass 1 reported every problem of these rows already.
        let result = reader.finish()
        return result.records.first ?? Record(member: Member(name: "", id: ""), needs: [], activities: [], source: file.path)
    }
}

extension LogImporter {
    /// The members of `paths` one at a time (see `MemberStream`): the same records, merged the same
    /// way and in the same order, and the same diagnostics as `load`, without holding every record.
    public static func members(paths: [String], options: ImportOptions) -> MemberStream {
        members(paths: paths, options: options, chunkSize: 1 << 22)
    }

    /// `chunkSize`: bytes read at a time in pass 1 (tests make it small to cut rows anywhere).
    static func members(paths: [String], options: ImportOptions, chunkSize: Int) -> MemberStream {
        var matcher = MemberMatcher()
        var parts: [[MemberStream.Part]] = []
        var files: [MemberStream.IndexedFile] = []
        var diagnostics: [Diagnostic] = []
        var isTeam = false, teamName: String?
        func add(name: String, id: String, _ part: MemberStream.Part) {
            let k = matcher.add(name: name, id: id)
            if k == parts.count { parts.append([part]) } else { parts[k].append(part) }
        }
        for path in expand(paths, diagnostics: &diagnostics) {
            if ["csv", "tsv"].contains((path as NSString).pathExtension.lowercased()) {
                guard let handle = fopen(path, "rb") else {
                    diagnostics.append(.error("cannot read the file: " + String(cString: strerror(errno)), file: path)); continue
                }
                let (reader, result) = CSVLogReader.index(handle: handle, file: path, options: options, chunkSize: chunkSize)
                var header = [UInt8](repeating: 0, count: reader.headerEnd)
                if reader.headerEnd > 0 {
                    rewind(handle)
                    let got = header.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
                    header.removeLast(header.count - got)
                }
                fclose(handle)
                diagnostics += result.diagnostics
                isTeam = isTeam || result.isTeam
                let file = files.count
                var template = CSVLogReader(file: path, options: options)
                template.forcedOrder = reader.settledOrder
                _ = header.withUnsafeBufferPointer { template.feed($0, final: true) }
                template.forgetDiagnostics()
                files.append(MemberStream.IndexedFile(path: path, reader: template, spans: reader.spans))
                for (slot, key) in reader.memberKeys.enumerated() { add(name: key.name, id: key.id, .rows(file: file, slot: slot)) }
            } else {
                guard let bytes = readBytes(path, diagnostics: &diagnostics) else { continue }
                let result = isJSON(path: path, bytes: bytes)
                    ? parseJSON(bytes, file: path, options: options)
                    : parseCSV(bytes, file: path, options: options)
                diagnostics += result.diagnostics
                isTeam = isTeam || result.isTeam
                teamName = teamName ?? result.teamName
                for record in result.records {
                    add(name: record.member.name, id: record.member.id, result.records.count == 1 ? .reread(path: path) : .held(record))
                }
            }
        }
        var needs: [Need]?
        if let needsFile = options.needsFile, let bytes = readBytes(needsFile, diagnostics: &diagnostics) {
            let (defined, problems) = NeedsCSVReader.read(bytes, file: needsFile, dateOrder: options.dateOrder)
            diagnostics += problems
            needs = defined
        }
        var keys = matcher.keys.map { MemberStream.Key(name: $0.name, id: $0.id) }
        if keys.count == 1 {
            if let id = options.memberID { keys[0].id = id }
            if let name = options.memberName { keys[0].name = name }
        }
        return MemberStream(diagnostics: diagnostics, isTeam: isTeam, teamName: teamName, keys: keys, files: files, parts: parts,
                            options: options, needs: needs)
    }
}
