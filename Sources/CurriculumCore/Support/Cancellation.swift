/// Set when the user interrupts a run (Ctrl-C, SIGTERM): a check stops between modules and
/// rules, a build between files (it then removes its temporary files and writes a manifest of
/// what it finished). Only the command line turns signals into a cancellation
/// (`InterruptHandler`); the library just asks `isCancelled`.
public final class Cancellation: Sendable {
    private let flag = Locked(false)

    public init() {}

    public var isCancelled: Bool { flag.current }

    public func cancel() { flag.withValue { $0 = true } }
}
