/// Word keys (`Word.key`) mapped to values, looked up with the hash `WordScanner` computes
/// while it reads each word: a lookup per word costs a few comparisons, not a `Hasher` run
/// over the string. Used for the term, name and label lists the content rules check every
/// word against.
///
/// The type is `public` (its members are `package`) because the optimizer specializes the
/// `@inlinable` methods of a generic type for the callers in later targets only when the type
/// itself is public: with a `package` type every lookup from `Prose/` ran unspecialized.
public struct WordTable<Value: Sendable>: Sendable {
    @usableFromInline var slots: [Int32]
    @usableFromInline var hashes: [UInt64] = []
    @usableFromInline var keys: [String] = []
    @usableFromInline package internal(set) var values: [Value] = []

    @inlinable package init() {
        slots = Array(repeating: -1, count: 16)
    }

    /// A table with room for `capacity` keys before it grows.
    @inlinable package init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: -1, count: size)
        hashes.reserveCapacity(capacity)
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// The hash of a word key (what `Word.keyHash` holds): FNV-1a over its bytes when they
    /// are ASCII; otherwise Swift's own hash, which, like `==`, sees canonically equivalent
    /// spellings (é written as one code point or two) as the same key.
    @inlinable package static func hash(_ key: String) -> UInt64 {
        var hash = WordHash()
        for byte in key.utf8 {
            if byte >= 0x80 { return UInt64(bitPattern: Int64(key.hashValue)) }
            hash.add(byte)
        }
        return hash.value
    }

    @inlinable package var count: Int { keys.count }

    @inlinable package subscript(word: Word) -> Value? {
        find(word.key, hash: word.keyHash).map { values[$0] }
    }

    /// The value for the key spelled by `bytes` (UTF-8).
    @inlinable package func value(forBytes bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        var hash = WordHash()
        for byte in bytes { hash.add(byte) }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash.value) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if hashes[entry] == hash.value, keys[entry].utf8.elementsEqual(bytes) { return values[entry] }
            slot = (slot + 1) & mask
        }
    }

    /// Sets the value of `word`'s key, using the hash the scanner computed.
    @inlinable package mutating func set(_ value: Value, for word: Word) {
        insert(word.key, hash: word.keyHash, value)
    }

    @inlinable package subscript(key: String) -> Value? {
        get { find(key, hash: Self.hash(key)).map { values[$0] } }
        set {
            guard let newValue else { return }  // entries are never removed
            insert(key, hash: Self.hash(key), newValue)
        }
    }

    @inlinable mutating func insert(_ key: String, hash: UInt64, _ newValue: Value) {
        if let index = find(key, hash: hash) {
            values[index] = newValue
            return
        }
        keys.append(key)
        hashes.append(hash)
        values.append(newValue)
        if keys.count * 2 > slots.count {
            slots = Array(repeating: -1, count: slots.count * 2)
            for index in keys.indices { place(Int32(index)) }
        } else {
            place(Int32(keys.count - 1))
        }
    }

    @inlinable mutating func place(_ entry: Int32) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hashes[Int(entry)]) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }

    @inline(__always)
    @inlinable func find(_ key: String, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if hashes[entry] == hash, keys[entry] == key { return entry }
            slot = (slot + 1) & mask
        }
    }
}

/// A set of word keys, looked up like `WordTable`.
package struct WordSet: Sendable {
    @usableFromInline var table = WordTable<Bool>()

    @inlinable package init<S: Sequence>(_ keys: S) where S.Element == String {
        for key in keys { table[key] = true }
    }

    @inlinable package func contains(_ word: Word) -> Bool { table[word] != nil }
    @inlinable package func contains(_ key: String) -> Bool { table[key] != nil }
}

/// FNV-1a, 64 bits: cheap to compute byte by byte as a word is read.
public struct WordHash {
    /// The hash of the bytes added so far.
    public var value: UInt64 = 0xcbf2_9ce4_8422_2325

    @inlinable public init() {}

    @inline(__always)
    @inlinable public mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
}
