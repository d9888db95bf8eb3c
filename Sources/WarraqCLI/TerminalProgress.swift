import Dispatch
import Foundation
import Warraq

/// Draws how far each step has got on standard error, redrawn in place, when standard error is a terminal
/// and the step has run longer than `delay`: `render  [=======>      ]  1,204/3,310 pages  36%  ETA 9 s`.
/// A pipe or a CI log gets no carriage return and no escape sequence: nothing, or with `--verbose` one
/// plain line as each step ends.
final class TerminalProgress: BuildProgress, @unchecked Sendable {
    let drawing: Bool
    let verbose: Bool
    let delay: Double
    private let descriptor: Int32
    private let lock = NSLock()
    private var step = ""
    private var unit = ""
    private var total: Int?
    private var done = 0
    private var started = DispatchTime.now().uptimeNanoseconds
    private var lastDrawn: UInt64 = 0
    private var drawn = false
    /// Between `begin` and `end`: a timer tick that comes late draws nothing.
    private var active = false
    /// Redraws a step that advances rarely or not at all (planning), so its clock keeps moving.
    private var timer: DispatchSourceTimer?

    init(quiet: Bool, verbose: Bool, delay: Double = 1, descriptor: Int32 = STDERR_FILENO) {
        self.descriptor = descriptor
        drawing = !quiet && isatty(descriptor) == 1
        self.verbose = verbose
        self.delay = delay
    }

    func begin(_ step: String, unit: String, total: Int?) {
        lock.withLock {
            self.step = step
            self.unit = unit
            self.total = total
            done = 0
            drawn = false
            started = DispatchTime.now().uptimeNanoseconds
            lastDrawn = 0
            active = true
        }
        guard drawing else { return }
        let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        timer.schedule(deadline: .now() + max(delay, 0.01), repeating: 0.25)
        timer.setEventHandler { [weak self] in self?.refresh(force: true) }
        timer.resume()
        lock.withLock { self.timer = timer }
    }

    func advance(_ done: Int) {
        lock.withLock { self.done = max(self.done, done) }
        if drawing { refresh(force: false) }
    }

    /// `advance` for a step that learns its total as it goes (the JSON importer's records).
    func advance(_ done: Int, of total: Int) {
        lock.withLock { self.total = total }
        advance(done)
    }

    func end() {
        lock.withLock {
            timer?.cancel()
            timer = nil
            guard active else { return }
            active = false
            let seconds = elapsed()
            if drawn {
                // The finished line stays, with the step's time in place of its ETA.
                write("\r\u{1B}[2K" + line(seconds: seconds, finished: true) + "\n")
            } else if verbose {
                write(line(seconds: seconds, finished: true) + "\n")
            }
            drawn = false
        }
    }

    private func refresh(force: Bool) {
        lock.withLock {
            let now = DispatchTime.now().uptimeNanoseconds
            guard active, Double(now - started) / 1e9 >= delay else { return }
            // At most ten redraws a second: a terminal is slower than a build.
            guard force || now - lastDrawn >= 100_000_000 || done == total else { return }
            lastDrawn = now
            drawn = true
            write("\r\u{1B}[2K" + line(seconds: elapsed(), finished: false))
        }
    }

    private func elapsed() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    }

    private func line(seconds: Double, finished: Bool) -> String {
        let name = step.padding(toLength: 7, withPad: " ", startingAt: 0)
        guard let total, total > 0 else {
            return "\(name) \(done > 0 ? "\(Self.number(done)) \(unit)  " : "")\(Self.duration(seconds))"
        }
        let fraction = min(1, Double(done) / Double(total))
        let width = 24
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "=", count: filled) + (filled < width ? ">" + String(repeating: " ", count: width - filled - 1) : "")
        var text = "\(name) [\(bar)] \(Self.number(done))/\(Self.number(total)) \(unit)  \(Int(fraction * 100))%"
        if finished {
            text += "  " + Self.duration(seconds)
        } else if done > 0 && done < total {
            text += "  ETA " + Self.duration(seconds * Double(total - done) / Double(done))
        }
        return text
    }

    private func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count <= 0 { if errno == EINTR { continue } else { return } }
            offset += count
        }
    }

    static func number(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }

    static func duration(_ seconds: Double) -> String {
        if seconds < 10 { return String(format: "%.1f s", seconds) }
        if seconds < 120 { return "\(Int(seconds.rounded())) s" }
        let whole = Int(seconds.rounded())
        return "\(whole / 60) min \(whole % 60) s"
    }
}
