import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The raw `read` and `write` of the C library, named once for every platform Package.swift declares:
/// callers inside types that have their own `read` or `write` reach these without naming Glibc or Darwin.
enum POSIX {
    /// Removes from `folder` the drafts (`NAME.new-PID`, a file being written before it is renamed over
    /// `NAME`) that builds killed before they renamed them left: nothing else would ever remove them, and
    /// at a million articles a draft of the article cache is 8.8 GB. A draft whose process is still running
    /// (another build of the archive) is kept.
    static func removeAbandonedDrafts(in folder: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            guard let marker = name.range(of: ".new-", options: .backwards),
                  let process = Int32(name[marker.upperBound...]), process > 0, process != getpid() else { continue }
            if kill(process, 0) != 0 && errno == ESRCH { unlink(folder + "/" + name) }
        }
    }

    static func write(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
        #else
        Darwin.write(descriptor, bytes, count)
        #endif
    }

    static func read(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, bytes, count)
        #else
        Darwin.read(descriptor, bytes, count)
        #endif
    }

    /// All of `bytes` to `descriptor`, however many calls it takes; false on an error.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 { if errno == EINTR { continue }; return false }
                offset += written
            }
            return true
        }
    }

    /// `count` bytes of `descriptor` from `offset`, or nil when the file ends first or cannot be read.
    static func readAll(_ descriptor: Int32, at offset: Int64, count: Int) -> [UInt8]? {
        guard count >= 0, descriptor >= 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: count)
        let done = bytes.withUnsafeMutableBytes { read(descriptor, at: offset, into: $0) }
        return done == count ? bytes : nil
    }

    /// Fills `buffer` from `descriptor` at `offset`, however many calls it takes; how many bytes were read
    /// (fewer when the file ends first or cannot be read).
    static func read(_ descriptor: Int32, at offset: Int64, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        var done = 0
        while done < buffer.count {
            let got = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { break }
            done += got
        }
        return done
    }
}
