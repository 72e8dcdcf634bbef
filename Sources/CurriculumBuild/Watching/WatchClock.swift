import Foundation

/// Time as a watcher sees it, so tests can run a watch without waiting.
public protocol WatchClock: Sendable {
    /// Seconds on a clock that only moves forward.
    func now() -> Double
    /// Waits `seconds`, or less once `stop` is requested.
    func pause(_ seconds: Double, or stop: StopSignal)
}

/// The real clock.
public struct SystemWatchClock: WatchClock {
    public init() {}

    public func now() -> Double {
        ProcessInfo.processInfo.systemUptime
    }

    public func pause(_ seconds: Double, or stop: StopSignal) {
        _ = stop.wait(seconds: seconds)
    }
}
