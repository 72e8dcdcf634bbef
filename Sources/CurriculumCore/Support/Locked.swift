import Synchronization

/// A value shared between threads, guarded by a lock (the standard library's `Mutex`).
public final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    public init(_ value: Value) { mutex = Mutex(value) }

    public func withValue<T: Sendable>(_ body: (inout Value) throws -> T) rethrows -> T {
        try mutex.withLock { value in try body(&value) }
    }

    public var current: Value { withValue { $0 } }
}
