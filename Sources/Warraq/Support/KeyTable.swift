/// A table from 64-bit keys that are already well mixed (a word's `Lexicon.key`) to a 32-bit value: open
/// addressing, one probe a key in the common case. A build looks words up tens of millions of times, and
/// `Dictionary` hashed each key again (SipHash) and chased its buckets: a third of reading the words.
struct KeyTable: Sendable {
    /// Zero marks a free slot; the key 0 itself is kept apart.
    private var keys: [UInt64]
    private var values: [Int32]
    private var zero: Int32?
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int = 8) {
        var bits: UInt64 = 3
        while (1 << bits) < capacity * 2 { bits += 1 }
        keys = Array(repeating: 0, count: 1 << bits)
        values = Array(repeating: 0, count: 1 << bits)
        shift = 64 - bits
    }

    subscript(key: UInt64) -> Int32? {
        get {
            if key == 0 { return zero }
            var slot = self.slot(key)
            while true {
                let found = keys[slot]
                if found == key { return values[slot] }
                if found == 0 { return nil }
                slot = (slot + 1) & (keys.count - 1)
            }
        }
        set {
            guard let newValue else { preconditionFailure("KeyTable does not remove keys") }
            update(key) { $0 = newValue }
        }
    }

    /// Adds `amount` to the key's value (0 if it had none).
    mutating func add(_ key: UInt64, _ amount: Int32) {
        update(key) { $0 += amount }
    }

    /// Every key with its value, in no particular order.
    func forEach(_ body: (UInt64, Int32) -> Void) {
        if let zero { body(0, zero) }
        for slot in keys.indices where keys[slot] != 0 { body(keys[slot], values[slot]) }
    }

    var allKeys: [UInt64] {
        var all: [UInt64] = []
        all.reserveCapacity(count)
        forEach { key, _ in all.append(key) }
        return all
    }

    /// Fibonacci hashing: the key's high bits after a multiply pick the slot.
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func update(_ key: UInt64, _ change: (inout Int32) -> Void) {
        if key == 0 {
            if zero == nil { count += 1 }
            var value = zero ?? 0
            change(&value)
            zero = value
            return
        }
        var slot = self.slot(key)
        while true {
            let found = keys[slot]
            if found == key { return change(&values[slot]) }
            if found == 0 { break }
            slot = (slot + 1) & (keys.count - 1)
        }
        if (count + 1) * 2 > keys.count {
            grow()
            return update(key, change)
        }
        keys[slot] = key
        values[slot] = 0
        change(&values[slot])
        count += 1
    }

    private mutating func grow() {
        var bigger = KeyTable(capacity: keys.count)
        forEach { key, value in bigger[key] = value }
        self = bigger
    }
}
