import ArgumentParser
import CPDKit
import Foundation

/// The `cpd` command: parses flags, calls CPDKit and CPDRender, maps failures to exit codes.
/// Exit codes: 0 done (check: every requirement met), 1 requirements not met, 2 invalid input or usage.
@main
struct CPD: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cpd",
        abstract: "Turn CPD activity logs into checked, formal CPD record PDFs.",
        discussion: """
            Exit codes: 0 done (for check: every requirement met), 1 check found requirements \
            not met, 2 invalid input or usage (nothing is written).
            """,
        version: CPDVersion.string,
        subcommands: [Report.self, Check.self, Batch.self, Summary.self, Bodies.self, Layouts.self]
    )

    /// Runs the command, sending usage errors to exit code 2 as the README promises
    /// (ArgumentParser's own default for them is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as Failure {
            if !failure.message.isEmpty { Terminal.error(failure.message) }
            Foundation.exit(failure.code)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Terminal.error(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// A handled failure: the message has been composed for the user, the code is the exit status.
struct Failure: Error {
    var message: String
    var code: Int32

    static func invalid(_ message: String) -> Failure { Failure(message: message, code: 2) }
}

/// Writing to the terminal's two streams.
enum Terminal {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
