import ArgumentParser
import CPDKit
import Dispatch
import Foundation
import Synchronization

/// `cpd check`: the verdict on a log, as a table or JSON.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a CPD log against a body's requirements.",
        discussion: "Exit status 0 when every requirement is met, 1 when not, 2 on invalid input.\nExample: cpd check log.csv --body fca-ria --period 2026"
    )

    @OptionGroup var selection: SelectionOptions

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    /// Members read, assessed and printed at a time: enough to keep both cores busy, few enough
    /// that a team of any size holds only this many records.
    static let window = 256

    func run() throws {
        let pipeline = Pipeline(selection: selection)
        // Members stream: pass 1 finds every diagnostic before anything is printed, then each
        // member's rows are read, assessed and printed in order, a window at a time.
        let stream = try pipeline.importStream()
        var members = Array(0..<stream.count)
        if selection.member != nil, stream.count > 1 {
            members = [try pipeline.singleMember(in: stream)]
        }
        let assess = try pipeline.assessor()
        let team = json && stream.isTeam && members.count > 1
        let output = team ? try TeamJSONWriter() : nil
        var compliant = true
        var lastText = ""

        var start = 0
        while start < members.count {
            let window = Array(members[start..<min(start + Self.window, members.count)])
            let results = Mutex([Result<(String, Bool), Error>?](repeating: nil, count: window.count))
            let wantsJSON = json
            // A team's members carry no diagnostics of their own (teamJSON lists them once); a single
            // record's object carries the import's.
            let memberDiagnostics = team ? [] : stream.diagnostics
            DispatchQueue.concurrentPerform(iterations: window.count) { k in
                let outcome = Result { () throws -> (String, Bool) in
                    let assessments = try assess(stream.member(window[k]).record)
                    let ok = assessments.allSatisfy(\.compliant)
                    return wantsJSON
                        ? (CheckOutput.json(member: assessments, diagnostics: memberDiagnostics), ok)
                        : (CheckOutput.text(member: assessments), ok)
                }
                results.withLock { $0[k] = outcome }
            }
            var chunk = ""
            for (k, result) in results.withLock({ $0 }).enumerated() {
                let (text, ok) = try result!.get()
                compliant = compliant && ok
                let first = start + k == 0
                if team {
                    // The object without its line end. (`String + Substring` would go through the generic,
                    // character-at-a-time `+`; appending the slice copies its bytes.)
                    if !first { chunk += ", " }
                    chunk.append(contentsOf: text.dropLast())
                } else if json {
                    // One member, or several that are not a team: the first member's object, as before.
                    if first { chunk += text }
                } else {
                    chunk += (first ? "" : "\n") + text
                    lastText = text
                }
            }
            if let output { try output.append(chunk) } else { StandardOutput.write(chunk) }
            start += window.count
        }
        if let output {
            try output.finish(compliant: compliant, diagnostics: stream.diagnostics)
        } else if !json, !lastText.hasSuffix("\n") {
            StandardOutput.write("\n")
        }
        if !compliant { throw Failure(message: "", code: 1) }
    }
}

/// The team JSON of `CheckOutput.teamJSON`, byte for byte, without holding every member's object:
/// `"compliant"` comes first but is known only at the end, so the members wait in an unnamed
/// temporary file (removed by the system when closed, even after a crash) until then.
struct TeamJSONWriter {
    private let file: UnsafeMutablePointer<FILE>

    init() throws {
        guard let file = tmpfile() else { throw Failure(message: "cpd: cannot create a temporary file: " + String(cString: strerror(errno)), code: 2) }
        self.file = file
    }

    /// Appends member objects, already joined with `, `.
    func append(_ text: String) throws {
        var text = text
        let written = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, file) }
        if written != text.utf8.count { throw Failure(message: "cpd: cannot write the temporary file: " + String(cString: strerror(errno)), code: 2) }
    }

    /// Prints the whole object to standard output and closes the temporary file.
    func finish(compliant: Bool, diagnostics: [Diagnostic]) throws {
        defer { fclose(file) }
        // The tail ("diagnostics": …) exactly as teamJSON writes it, cut from an empty team's object.
        let empty = CheckOutput.teamJSON([], diagnostics: diagnostics)
        let tail = empty.dropFirst("{\"compliant\": true, \"members\": [], ".count)
        StandardOutput.write("{\"compliant\": \(compliant), \"members\": [")
        guard fflush(file) == 0 else { throw Failure(message: "cpd: cannot write the temporary file", code: 2) }
        rewind(file)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let got = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if got <= 0 { break }
            FileHandle.standardOutput.write(Data(buffer[0..<got]))
        }
        StandardOutput.write("], " + tail)
    }
}

/// Standard output without `Terminal.out`'s added line end, for output printed in pieces.
enum StandardOutput {
    static func write(_ text: String) {
        if !text.isEmpty { FileHandle.standardOutput.write(Data(text.utf8)) }
    }
}
