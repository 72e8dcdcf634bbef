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

/// Turns Ctrl-C (SIGINT) and SIGTERM into a stop request, so a watch finishes what it is doing
/// and returns normally. A second Ctrl-C while stopping exits at once.
final class InterruptHandler: @unchecked Sendable {
    private var sources: [any DispatchSourceSignal] = []

    init(stop: StopSignal) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                if stop.isRequested { exit(130) }
                stop.request()
            }
            source.resume()
            sources.append(source)
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
