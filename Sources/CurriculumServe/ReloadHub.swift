import CurriculumBuild
import FlyingFox
import FlyingSocks
import Foundation

/// The open pages listening for rebuilds, over server-sent events on the pages' own port (one
/// long `GET /_serve/events` response per page, which passes through proxies that pass HTTP).
/// Each event is `event: NAME` and `data: JSON`; a comment line every 15 seconds notices pages
/// that went away.
package final class ReloadHub: Sendable {
    private let listeners = Locked([Int: AsyncStream<[UInt8]>.Continuation]())
    private let nextID = Locked(0)

    package init() {}

    /// How many pages listen now.
    package var count: Int { listeners.current.count }

    /// A new listener's stream, starting with a `hello` event carrying `status`.
    package func subscribe(hello status: String) -> HTTPBodySequence {
        let id = nextID.withValue { value -> Int in
            value += 1
            return value
        }
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(64))
        continuation.onTermination = { [listeners] _ in listeners.withValue { $0[id] = nil } }
        continuation.yield(Self.event("hello", status))
        listeners.withValue { $0[id] = continuation }
        return HTTPBodySequence(from: EventBytes(stream: stream))
    }

    /// Sends one event to every page listening.
    package func send(_ name: String, _ data: String) {
        let bytes = Self.event(name, data)
        for continuation in listeners.current.values { continuation.yield(bytes) }
    }

    /// A comment line, which browsers ignore: writing it to a page that went away ends its stream.
    package func keepAlive() {
        for continuation in listeners.current.values { continuation.yield(Array(": keep-alive\n\n".utf8)) }
    }

    /// Ends every stream (the server is stopping).
    package func finishAll() {
        let all = listeners.withValue { current -> [AsyncStream<[UInt8]>.Continuation] in
            defer { current = [:] }
            return Array(current.values)
        }
        for continuation in all { continuation.finish() }
    }

    static func event(_ name: String, _ data: String) -> [UInt8] {
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }.joined(separator: "\n")
        return Array("event: \(name)\n\(lines)\n\n".utf8)
    }
}

/// An event stream as the buffered byte sequence FlyingFox sends chunk by chunk.
struct EventBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let stream: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(base: stream.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.AsyncIterator
        var pending: [UInt8] = []

        mutating func next() async -> UInt8? {
            if pending.isEmpty { pending = await base.next() ?? [] }
            guard !pending.isEmpty else { return nil }
            return pending.removeFirst()
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            if pending.isEmpty {
                guard let chunk = await base.next() else { return nil }
                pending = chunk
            }
            let taken = Array(pending.prefix(Swift.max(count, 1)))
            pending.removeFirst(taken.count)
            return taken
        }
    }
}
