import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One run of the built `warraq` executable, as a shell would run it: its exit status and what it printed.
struct WarraqRun {
    let status: Int32
    let stdout: String
    let stderr: String

    /// Where `swift build` put the executable: beside the test bundle (`.build/debug/`), whatever the
    /// build folder or configuration; the package's own `.build/debug/` otherwise.
    static let executable: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [beside, Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
                          package.appendingPathComponent(".build/debug")]
        return candidates.map { $0.appendingPathComponent("warraq") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0].appendingPathComponent("warraq")
    }()

    /// Runs `warraq ARGUMENTS` in `folder`, standard output and error each to a pipe.
    static func run(_ arguments: [String], in folder: URL? = nil) throws -> WarraqRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes are drained at once, so a chatty run never blocks on a full one.
        let errorData = LockedData()
        let reader = Thread { errorData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errorBytes = errorData.wait()
        return WarraqRun(status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
                         stderr: String(decoding: errorBytes, as: UTF8.self))
    }

    /// Runs `warraq ARGUMENTS` with standard error on a pseudo-terminal, as in an interactive shell, and
    /// returns what the terminal received (standard output goes to a pipe).
    static func runOnTerminal(_ arguments: [String], in folder: URL? = nil) throws -> (status: Int32, terminal: String) {
        let master = PseudoTerminal.openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, PseudoTerminal.grantpt(master) == 0, PseudoTerminal.unlockpt(master) == 0,
              let name = PseudoTerminal.ptsname(master) else {
            throw POSIXError(.ENOTTY)
        }
        let slave = open(String(cString: name), O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw POSIXError(.ENOTTY) }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        process.standardOutput = Pipe()
        process.standardError = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        try process.run()
        // Only the child holds the terminal now: reading the master ends (EIO) when the child exits.
        close(slave)
        let received = LockedData()
        let reader = Thread {
            var all = Data()
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(master, &buffer, buffer.count)
                if count > 0 { all.append(contentsOf: buffer[0..<count]) } else if count < 0 && errno == EINTR { continue } else { break }
            }
            received.set(all)
        }
        reader.start()
        process.waitUntilExit()
        let data = received.wait()
        close(master)
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// glibc's pseudo-terminal calls, which its Swift module leaves out (they sit behind _XOPEN_SOURCE in
/// stdlib.h): looked up in the C library at run time.
enum PseudoTerminal {
    private static func function<T>(_ name: String, as type: T.Type) -> T {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { fatalError("the C library has no \(name)") }
        return unsafeBitCast(symbol, to: type)
    }

    static let openpt = function("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
    static let grantpt = function("grantpt", as: (@convention(c) (Int32) -> Int32).self)
    static let unlockpt = function("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
    static let ptsname = function("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)

    /// Whether this machine hands out pseudo-terminals (a container without /dev/pts does not).
    static let available: Bool = {
        let master = openpt(O_RDWR | O_NOCTTY)
        guard master >= 0 else { return false }
        defer { close(master) }
        return grantpt(master) == 0 && unlockpt(master) == 0 && ptsname(master) != nil
    }()
}

/// Bytes a reader thread hands over once it has them all.
final class LockedData: @unchecked Sendable {
    private var data: Data?
    private let ready = DispatchSemaphore(value: 0)

    func set(_ value: Data) {
        data = value
        ready.signal()
    }

    func wait() -> Data {
        ready.wait()
        return data ?? Data()
    }
}

/// Temporary folders for one test, removed with it.
final class Scratch {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("warraq-cli-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    func write(_ path: String, _ text: String) throws {
        let url = url(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) -> String? {
        try? String(contentsOf: url(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: url(path).path)
    }

    /// Every file under `folder`, relative to it, with its bytes: to prove a command wrote nothing.
    func snapshot(_ folder: String = "") -> [String: Data] {
        let base = url(folder).standardizedFileURL.path
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: base)
        while let relative = walker?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isFolder) {
                files[relative + (isFolder.boolValue ? "/" : "")] = isFolder.boolValue ? Data() : FileManager.default.contents(atPath: base + "/" + relative)
            }
        }
        return files
    }
}
