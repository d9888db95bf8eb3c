import Dispatch
import Foundation

/// Work spread over every core. Each item is independent, results keep the input's order, so a build is
/// deterministic however the threads interleave.
enum Parallel {
    static func map<T: Sendable, R>(_ items: [T], minimumChunk: Int = 16, _ transform: @Sendable (T) -> R) -> [R] {
        map(items, minimumChunk: minimumChunk, state: { () }) { _, item in transform(item) }
    }

    /// `map` with a working state made once per chunk (a buffer, a scratch array) rather than per item.
    static func map<T: Sendable, R, State>(_ items: [T], minimumChunk: Int = 16, state makeState: @Sendable () -> State,
                                           _ transform: @Sendable (inout State, T) -> R) -> [R] {
        guard items.count > 1 else {
            var state = makeState()
            return items.map { transform(&state, $0) }
        }
        var results = [R?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let output = Slots(buffer)
            forEach(items.count, minimumChunk: minimumChunk) { range in
                var state = makeState()
                for index in range { output[index] = transform(&state, items[index]) }
            }
        }
        return results.map { $0! }
    }

    /// `map` that lets go of each item as soon as it is transformed, leaving `spent` in its place: the input
    /// and the output are never both whole in memory (an index's words and their term counts are a gigabyte
    /// each at a million articles).
    static func mapConsuming<T: Sendable, R>(_ items: inout [T], leaving spent: T, minimumChunk: Int = 16,
                                             _ transform: @Sendable (T) -> R) -> [R] {
        var results = [R?](repeating: nil, count: items.count)
        let count = items.count
        items.withUnsafeMutableBufferPointer { input in
            results.withUnsafeMutableBufferPointer { buffer in
                let input = Taken(input), output = Slots(buffer)
                forEach(count, minimumChunk: minimumChunk) { range in
                    for index in range { output[index] = transform(input.take(index, leaving: spent)) }
                }
            }
        }
        return results.map { $0! }
    }

    /// `map` that also returns each chunk's state, in chunk order: counts gathered per chunk and merged
    /// once, rather than one shared table locked per item.
    static func mapChunks<T: Sendable, R, State>(_ items: [T], minimumChunk: Int = 16, state makeState: @Sendable () -> State,
                                                 _ transform: @Sendable (inout State, T) -> R) -> (results: [R], states: [State]) {
        let (results, kept) = mapChunks(items, minimumChunk: minimumChunk, state: makeState, transform, keep: { $0 })
        return (results, kept)
    }

    /// `mapChunks` that keeps only what `keep` takes of each chunk's state when the chunk is done: the
    /// rest (a scratch as long as the archive) is let go then, not held until every chunk is.
    static func mapChunks<T: Sendable, R, State, Kept>(_ items: [T], minimumChunk: Int = 16, state makeState: @Sendable () -> State,
                                                       _ transform: @Sendable (inout State, T) -> R,
                                                       keep: @Sendable (inout State) -> Kept) -> (results: [R], kept: [Kept]) {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let chunkCount = max(1, min(items.count / max(minimumChunk, 1), cores * 8))
        var results = [R?](repeating: nil, count: items.count)
        var kept = [Kept?](repeating: nil, count: chunkCount)
        results.withUnsafeMutableBufferPointer { output in
            kept.withUnsafeMutableBufferPointer { keptOutput in
                let output = Slots(output), keptOutput = Slots(keptOutput)
                DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                    var state = makeState()
                    for index in (items.count * chunk / chunkCount)..<(items.count * (chunk + 1) / chunkCount) {
                        output[index] = transform(&state, items[index])
                    }
                    keptOutput[chunk] = keep(&state)
                }
            }
        }
        return (results.map { $0! }, kept.map { $0! })
    }

    private static func forEach(_ count: Int, minimumChunk: Int = 16, _ body: @Sendable (Range<Int>) -> Void) {
        // Several chunks per core, so one slow chunk does not leave a core idle.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let chunkCount = max(1, min(count / max(minimumChunk, 1), cores * 8))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            body((count * chunk / chunkCount)..<(count * (chunk + 1) / chunkCount))
        }
    }
}

/// The result slots of one parallel map. Each chunk writes only its own indices, and the map reads them
/// after every chunk is done: the compiler cannot see that through a pointer, so this is where it is said.
private struct Slots<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element?>
    init(_ buffer: UnsafeMutableBufferPointer<Element?>) { self.buffer = buffer }

    subscript(index: Int) -> Element? {
        get { buffer[index] }
        nonmutating set { buffer[index] = newValue }
    }
}

/// The items of one consuming map: each chunk takes only its own indices.
private struct Taken<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }

    func take(_ index: Int, leaving spent: Element) -> Element {
        let item = buffer[index]
        buffer[index] = spent
        return item
    }
}

/// A value shared by threads, read and changed under a lock: the first failure of a parallel step.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.withLock { body(&value) }
    }
}

/// A count shared by threads: pages rendered, records imported.
final class Counter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()

    var value: Int { lock.withLock { count } }

    func increment() -> Int? {
        lock.withLock {
            count += 1
            return count
        }
    }
}
