import CredenceServer
import Foundation
import Synchronization

/// A one-line progress display on standard error: count, rate and, when the input size is known, ETA.
final class ImportProgress: Sendable {
    private struct State {
        var credentials = 0
        var bytes = 0
        var lastPrint = ContinuousClock.now
    }

    let totalBytes: Int?
    private let start = ContinuousClock.now
    private let state = Mutex(State())
    private let interactive = isatty(2) != 0

    init(totalBytes: Int?) {
        self.totalBytes = totalBytes
    }

    func read(bytes: Int) {
        state.withLock { $0.bytes += bytes }
    }

    func advance(_ results: [ImportLineResult]) {
        let line: String? = state.withLock { state in
            state.credentials += results.count
            let now = ContinuousClock.now
            guard now - state.lastPrint > .milliseconds(500) else { return nil }
            state.lastPrint = now
            return describe(state)
        }
        if let line { write("\r\u{1B}[K" + line, newline: !interactive) }
    }

    func printAbove(_ message: String) {
        write("\r\u{1B}[K" + message, newline: true)
    }

    func finish() {
        let line = state.withLock { describe($0) }
        write("\r\u{1B}[K" + line, newline: true)
    }

    private func describe(_ state: State) -> String {
        let elapsed = max((ContinuousClock.now - start).components.seconds, 1)
        let rate = Double(state.credentials) / Double(elapsed)
        var text = "\(state.credentials) credentials, \(Int(rate))/s"
        if let total = totalBytes, total > 0, state.bytes > 0 {
            let fraction = Double(state.bytes) / Double(total)
            let remaining = Double(elapsed) * (1 - fraction) / max(fraction, 0.0001)
            text += String(format: ", %.0f%%, ETA %ds", fraction * 100, Int(remaining))
        }
        return text
    }

    private func write(_ text: String, newline: Bool) {
        FileHandle.standardError.write(Data((newline ? text + "\n" : text).utf8))
    }
}
