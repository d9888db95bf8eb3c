import Dispatch
import Foundation

/// Work spread over every core. Each item is independent, results keep the input's order, so a build is
/// deterministic however the threads interleave.
enum Parallel {
    static func map<T, R>(_ items: [T], minimumChunk: Int = 16, _ transform: (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        // Several chunks per core, so one slow chunk does not leave a core idle.
        let chunkCount = max(1, min(items.count / max(minimumChunk, 1), cores * 8))
        var results = [R?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let output = buffer
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let start = items.count * chunk / chunkCount
                let end = items.count * (chunk + 1) / chunkCount
                for index in start..<end { output[index] = transform(items[index]) }
            }
        }
        return results.map { $0! }
    }

    static func forEach(_ count: Int, minimumChunk: Int = 16, _ body: (Range<Int>) -> Void) {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let chunkCount = max(1, min(count / max(minimumChunk, 1), cores * 8))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            body((count * chunk / chunkCount)..<(count * (chunk + 1) / chunkCount))
        }
    }
}
