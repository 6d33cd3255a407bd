import CPDKit
import Foundation

/// The steps `report` and `check` share: import, pick members and bodies, assess.
struct Pipeline {
    let selection: SelectionOptions

    /// The inputs as a member stream (see `MemberStream`): every diagnostic printed, exit 2 on any
    /// error or when there is no member at all.
    func importStream() throws -> MemberStream {
        for path in selection.inputs where !FileManager.default.fileExists(atPath: path) {
            throw Failure.invalid("\(path): error: no such file or folder")
        }
        let stream = LogImporter.members(paths: selection.inputs, options: selection.importOptions)
        for diagnostic in stream.diagnostics { Terminal.error(diagnostic.description) }
        if stream.hasErrors {
            let count = stream.diagnostics.filter { $0.severity == .error }.count
            throw Failure.invalid("cpd: \(count) error\(count == 1 ? "" : "s") in the input; nothing was written.")
        }
        if stream.count == 0 {
            throw Failure.invalid("\(selection.inputs.joined(separator: ", ")): error: no activities found")
        }
        return stream
    }

    /// The position in `stream` of the one member to report on: the only one, or the one --member names.
    func singleMember(in stream: MemberStream) throws -> Int {
        if stream.count == 1 { return 0 }
        if let id = selection.member {
            if let k = stream.keys.firstIndex(where: { $0.id == id || $0.name == id }) { return k }
            throw Failure.invalid("error: no member '\(id)' in the input; it holds: " + stream.keys.map(\.id).joined(separator: ", "))
        }
        throw Failure.invalid("error: the input holds \(stream.count) members; pass --member ID for one record, or use `cpd batch` for all")
    }

    static func profiles(_ spec: String) throws -> [BodyProfile] {
        let names = spec.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw Failure.invalid("error: --body is empty") }
        do {
            return try names.map { try BodyCatalog.profile($0) }
        } catch {
            throw Failure.invalid(String(describing: error))
        }
    }

    /// Assesses one record against each body: --body, else the record's own `member.body`. Profiles,
    /// period and options are worked out once here, not once per member.
    func assessor() throws -> @Sendable (Record) throws -> [Assessment] {
        let fixed = try selection.body.map { try Pipeline.profiles($0) }
        let period = try selection.selection()
        let options = try selection.assessOptions()
        return { record in
            guard let profiles = try fixed ?? record.member.body.map({ try Pipeline.profiles($0) }) else {
                throw Failure.invalid("error: no body given: pass --body ID (see `cpd bodies`)")
            }
            do {
                return try profiles.map { try Assessor.assess(record, against: $0, selection: period, options: options) }
            } catch let failure as Failure {
                throw failure
            } catch {
                throw Failure.invalid(String(describing: error))
            }
        }
    }
}
