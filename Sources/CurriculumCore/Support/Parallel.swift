import Foundation

/// Work spread over every core with the results kept in input order, so parallel loading and
/// checking still give deterministic output.
/// `public` (with a `package` member) so the optimizer specializes `map` for callers in later
/// targets, as for `WordTable`.
public enum Parallel {
    /// `transform` applied to each element, on all cores; the results are in the order of `items`.
    @inlinable package static func map<Item: Sendable, Output: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Output) -> [Output] {
        guard items.count > 1 else { return items.map(transform) }
        return [Output](unsafeUninitializedCapacity: items.count) { buffer, initialized in
            items.withUnsafeBufferPointer { input in
                let shared = Buffers(input: input, output: buffer.baseAddress!)
                DispatchQueue.concurrentPerform(iterations: items.count) { index in
                    // Each iteration writes its own slot: no two threads touch the same memory.
                    (shared.output + index).initialize(to: transform(shared.input[index]))
                }
            }
            initialized = items.count
        }
    }

    /// The input and output memory, shared by the iterations for the duration of `map`.
    /// `@unchecked Sendable` is safe here: the input is only read, each iteration initializes
    /// its own output slot (no two touch the same memory), and `concurrentPerform` returns only
    /// when every iteration has finished, before the buffers go away.
    @usableFromInline struct Buffers<Item, Output>: @unchecked Sendable {
        @usableFromInline let input: UnsafeBufferPointer<Item>
        @usableFromInline let output: UnsafeMutablePointer<Output>

        @inlinable init(input: UnsafeBufferPointer<Item>, output: UnsafeMutablePointer<Output>) {
            self.input = input
            self.output = output
        }
    }
}
