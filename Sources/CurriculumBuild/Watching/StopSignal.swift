import Foundation

/// Asks a running watch to stop (Ctrl-C, or a test that is done). Safe to use from any thread,
/// including a signal handler's dispatch queue.
public final class StopSignal: Sendable {
    /// Woken when stop is requested; `requested` is changed only while it is locked.
    private let condition = NSCondition()
    private let requested = Locked(false)

    public init() {}

    public func request() {
        condition.lock()
        requested.withValue { $0 = true }
        condition.broadcast()
        condition.unlock()
    }

    public var isRequested: Bool { requested.current }

    /// Waits up to `seconds`; true when stop was requested.
    @discardableResult
    public func wait(seconds: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while !requested.current {
            if !condition.wait(until: deadline) { break }
        }
        return requested.current
    }
}
