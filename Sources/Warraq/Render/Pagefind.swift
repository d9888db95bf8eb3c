import Foundation

/// The Pagefind indexer (https://pagefind.app), run as its documented service: `pagefind --service` reads
/// base64-encoded JSON messages, each followed by a comma, on standard input and answers the same way on
/// standard output (what its Node and Python wrappers speak). Records are sent as they are made, so no
/// written page is read back, and the bundle it writes is handed to Warraq's writer file by file.
public struct Pagefind: Sendable {
    /// The command that runs the indexer: its binary (for the pip package, the one inside it).
    public let command: [String]
    /// `pagefind 1.5.2`: part of the index's fingerprint, as another version writes other files.
    public let version: String

    /// How to install it, for the message a build without it prints.
    public static let installHint = "pip install 'pagefind[extended]'"

    /// The indexer, if installed: `$PAGEFIND_BINARY_PATH`, `pagefind_extended` or `pagefind` on the PATH,
    /// else the binary of the pip package `pagefind[extended]` that `python3` imports.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> Pagefind? {
        var candidates: [[String]] = []
        if let path = environment["PAGEFIND_BINARY_PATH"], !path.isEmpty { candidates.append([path]) }
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["pagefind_extended", "pagefind"] {
            if let folder = folders.first(where: { FileManager.default.isExecutableFile(atPath: $0 + "/" + name) }) {
                candidates.append([folder + "/" + name])
            }
        }
        if let folder = folders.first(where: { FileManager.default.isExecutableFile(atPath: $0 + "/python3") }) {
            // The pip package's binary, run directly: Python starts once per build, to say where it is.
            let ask = "from pagefind.service import get_executable as e; print(e() or '')"
            if let path = try? run([folder + "/python3", "-c", ask]).trimmingCharacters(in: .whitespacesAndNewlines), !path.isEmpty {
                candidates.append([path])
            }
        }
        for command in candidates {
            guard let output = try? run(command + ["--version"]), output.hasPrefix("pagefind") else { continue }
            return Pagefind(command: command, version: output.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return nil
    }

    private static func run(_ command: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw IndexError("exited with \(process.terminationStatus)") }
        return String(decoding: data, as: UTF8.self)
    }

    public struct IndexError: Error, Sendable, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// Pagefind's ready-made interfaces, which the theme's search page does not use: not published.
    static let unusedFiles = ["pagefind-ui.", "pagefind-modular-ui.", "pagefind-component-ui.", "pagefind-highlight.", "playground/"]

    /// Indexes the records in `language` and returns the bundle's files (path inside the bundle, bytes).
    /// Pagefind writes them into a temporary folder of its own, which is read and removed.
    public func index(_ records: [SearchRecord], language: String) throws(IndexError) -> [(path: String, data: Data)] {
        // On a busy machine Pagefind has now and then exited with its entry file not written, though it
        // answered WriteFiles (seen twice in a day of test runs beside other builds): one more try with a
        // new service, and a second such failure is reported.
        do {
            return try indexOnce(records, language: language)
        } catch where error.description == Self.incompleteEntry {
            return try indexOnce(records, language: language)
        }
    }

    static let incompleteEntry = "wrote no complete pagefind-entry.json"

    private func indexOnce(_ records: [SearchRecord], language: String) throws(IndexError) -> [(path: String, data: Data)] {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("warraq-pagefind-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let service = try Service(command)
        defer { service.stop() }
        let created = try service.ask(.object(["type": .string("NewIndex"),
                                               "config": .object(["force_language": .string(language), "keep_index_url": .bool(false)])]))
        guard case .number(let indexID)? = created["index_id"] else { throw IndexError("no index id in \(created)") }
        try service.send(records.map {
            .object(["type": .string("AddFile"), "index_id": .number(indexID), "url": .string($0.url), "file_contents": .string($0.html)])
        })
        _ = try service.ask(.object(["type": .string("WriteFiles"), "index_id": .number(indexID), "output_path": .string(scratch.path)]))
        // Read only once the indexer has exited, so no file of the bundle is still being written.
        service.stop()
        var files: [(String, Data)] = []
        guard let walker = FileManager.default.enumerator(atPath: scratch.path) else { throw IndexError("wrote nothing into \(scratch.path)") }
        while let relative = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            let full = scratch.appendingPathComponent(relative).path
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue,
                  !Self.unusedFiles.contains(where: relative.hasPrefix) else { continue }
            guard let data = FileManager.default.contents(atPath: full) else { throw IndexError("cannot read \(full)") }
            files.append((relative, data))
        }
        // The entry file names the index's language files: a bundle without a whole one would find nothing.
        guard let entry = files.first(where: { $0.0 == "pagefind-entry.json" })?.1,
              (try? JSONSerialization.jsonObject(with: entry)) != nil else { throw IndexError(Self.incompleteEntry) }
        return files.sorted { $0.0 < $1.0 }
    }

    /// One running `pagefind --service`: requests are written as they come, answers read on a thread of
    /// their own (so neither pipe can fill while the other side waits).
    final class Service: @unchecked Sendable {
        private let process = Process()
        private let input = Pipe()
        private let output = Pipe()
        private var nextID = 0
        private var pending = Data()
        private var start = 0
        private var stopped = false
        private var answers: [JSONValue] = []
        private var readFailure: IndexError?

        init(_ command: [String]) throws(IndexError) {
            process.executableURL = URL(fileURLWithPath: command[0])
            process.arguments = Array(command.dropFirst()) + ["--service"]
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            do { try process.run() } catch { throw IndexError("cannot start \(command.joined(separator: " ")): \(error)") }
        }

        /// Ends the service: it exits when its input closes, having written what it was asked to.
        func stop() {
            guard !stopped else { return }
            stopped = true
            try? input.fileHandleForWriting.close()
            let deadline = Date().addingTimeInterval(30)
            while process.isRunning, Date() < deadline { usleep(2_000) }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }

        /// Sends one request and waits for its answer.
        func ask(_ payload: JSONValue) throws(IndexError) -> JSONValue {
            try send([payload]).last ?? .object([:])
        }

        /// Sends requests and returns their answers in order; an answer of type Error fails them all.
        @discardableResult
        func send(_ payloads: [JSONValue]) throws(IndexError) -> [JSONValue] {
            answers = []
            readFailure = nil
            let expected = payloads.count
            let done = DispatchSemaphore(value: 0)
            // The reader alone touches `answers` and `readFailure` until `done` is signalled.
            let reader = Thread { [self] in
                defer { done.signal() }
                while answers.count < expected {
                    guard let message = readMessage() else {
                        readFailure = readFailure ?? IndexError("the indexer stopped after \(answers.count) of \(expected) answers")
                        return
                    }
                    let payload = message["payload"] ?? .object([:])
                    if payload["type"]?.string == "Error" {
                        readFailure = readFailure ?? IndexError(payload["message"]?.description ?? "error")
                    }
                    answers.append(payload)
                }
            }
            var failure: IndexError?
            reader.start()
            let writer = input.fileHandleForWriting
            for payload in payloads {
                nextID += 1
                do {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = .withoutEscapingSlashes
                    var message = try encoder.encode(JSONValue.object(["message_id": .number(Double(nextID)), "payload": payload])).base64EncodedData()
                    message.append(UInt8(ascii: ","))
                    try writer.write(contentsOf: message)
                } catch {
                    // Without its input the indexer ends, and the reader with it.
                    failure = IndexError("cannot send to the indexer: \(error)")
                    try? writer.close()
                    break
                }
            }
            done.wait()
            if let failure = readFailure ?? failure { throw failure }
            return answers
        }

        /// The next comma-terminated message on standard output, decoded; nil at the end of the stream.
        private func readMessage() -> JSONValue? {
            while true {
                if let comma = pending[start...].firstIndex(of: UInt8(ascii: ",")) {
                    let chunk = pending[start..<comma]
                    start = comma + 1
                    guard let decoded = Data(base64Encoded: Data(chunk)),
                          let object = try? JSONDecoder().decode(JSONValue.self, from: decoded), case .object = object else { continue }
                    return object
                }
                let more = output.fileHandleForReading.availableData
                if more.isEmpty { return nil }
                pending = Data(pending[start...]) + more
                start = pending.startIndex
            }
        }
    }
}
