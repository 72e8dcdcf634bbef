import Foundation

/// Asks a running watch to stop (Ctrl-C, or a test that is done). Safe to use from any thread,
/// including a signal handler's dispatch queue.
public final class StopSignal: @unchecked Sendable {
    private let condition = NSCondition()
    private var requested = false

    public init() {}

    public func request() {
        condition.lock()
        requested = true
        condition.broadcast()
        condition.unlock()
    }

    public var isRequested: Bool {
        condition.lock()
        defer { condition.unlock() }
        return requested
    }

    /// Waits up to `seconds`; true when stop was requested.
    @discardableResult
    public func wait(seconds: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while !requested {
            if !condition.wait(until: deadline) { break }
        }
        return requested
    }
}
