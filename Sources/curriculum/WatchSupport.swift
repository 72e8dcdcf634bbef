import ArgumentParser
import CurriculumKit
import Dispatch
import Foundation

/// The edges of `--watch`: Ctrl-C and the terminal. The watching itself is in CurriculumKit
/// (`Watcher`, `CheckWatch`), so `build --watch` can reuse it the same way.
enum WatchSupport {
    static func check(paths: [String], report: ReportOptions) throws {
        guard report.format == .text else {
            throw ValidationError("--watch prints text for a person at a terminal; leave out --format \(report.format.rawValue)")
        }
        let stop = StopSignal()
        let interrupts = InterruptHandler(stop: stop)
        defer { interrupts.cancel() }
        let fixedToday = report.today
        CheckWatch(paths: paths, today: { fixedToday ?? Clock.today() })
            .run(until: stop, color: Terminal.stdoutIsColorTerminal, sourceLines: Terminal.sourceLines, output: Terminal.write)
        Terminal.write("stopped watching\n")
    }
}

/// Turns Ctrl-C (SIGINT) and SIGTERM into a request to stop, for as long as it is not
/// cancelled: the one place the tool handles signals. `check`, `build` and `packet` cancel their
/// run (it stops between files and cleans up); a watch finishes what it is doing and returns, and
/// a second Ctrl-C while it stops exits at once.
final class InterruptHandler {
    private let sources: [any DispatchSourceSignal]

    init(exitOnSecond: Bool = false, isStopping: @escaping @Sendable () -> Bool = { false },
         stop: @escaping @Sendable () -> Void) {
        sources = [SIGINT, SIGTERM].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                if exitOnSecond && isStopping() { exit(130) }
                stop()
            }
            source.resume()
            return source
        }
    }

    /// Signals that stop a watch: a second one while stopping exits.
    convenience init(stop: StopSignal) {
        self.init(exitOnSecond: true, isStopping: { stop.isRequested }, stop: { stop.request() })
    }

    /// Signals that cancel a check, build or packet.
    convenience init(cancelling cancellation: Cancellation) {
        self.init(stop: { cancellation.cancel() })
    }

    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
