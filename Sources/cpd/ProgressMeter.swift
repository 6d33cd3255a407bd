import CPDRender
import Foundation
import Synchronization

/// Progress on stderr: a line rewritten in place on a terminal (done/total, records per second,
/// time left); otherwise one line per tenth of the work, so logs stay short.
final class ProgressMeter: Sendable {
    private struct State {
        var lastDecile = 0
        var lastDraw = 0.0
        var drew = false
    }

    private let quiet: Bool
    private let interactive: Bool
    private let start = Date()
    private let state = Mutex(State())

    init(quiet: Bool) {
        self.quiet = quiet
        self.interactive = isatty(STDERR_FILENO) == 1
    }

    func update(_ progress: BatchExporter.Progress) {
        guard !quiet, progress.total > 0 else { return }
        let elapsed = Date().timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(progress.done) / elapsed : 0
        let left = rate > 0 ? Double(progress.total - progress.done) / rate : 0
        let line = String(format: "%d/%d records  %.1f records/s  %@ left", progress.done, progress.total, rate, Self.duration(left))
        state.withLock { s in
            if interactive {
                // Redraw at most ten times a second, and always at the end.
                guard elapsed - s.lastDraw >= 0.1 || progress.done == progress.total else { return }
                s.lastDraw = elapsed
                s.drew = true
                FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
            } else {
                let decile = progress.done * 10 / progress.total
                guard decile > s.lastDecile else { return }
                s.lastDecile = decile
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
        }
    }

    func finish() {
        state.withLock { s in
            if s.drew { FileHandle.standardError.write(Data("\n".utf8)) }
        }
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 60 ? "\(s / 60) min \(s % 60) s" : "\(s) s"
    }
}
