import Foundation
import Testing
@testable import PreviewServer
import Warraq

/// A minimal HTTP/1.1 client over a socket: it sends paths exactly as written (`..`, `%2e%2e`), which
/// URLSession would normalise away, and does not follow redirects.
struct RawHTTP {
    let port: Int

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    func request(_ path: String, method: String = "GET", headers: [String: String] = [:], readFor seconds: Double = 5) throws -> Reply {
        var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        text += "\r\n"
        let raw = try exchange(text, readFor: seconds).reply
        let parts = raw.components(separatedBy: "\r\n\r\n")
        let head = parts[0].components(separatedBy: "\r\n")
        var fields: [String: String] = [:]
        for line in head.dropFirst() {
            if let colon = line.firstIndex(of: ":") {
                fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        return Reply(status: status, headers: fields, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    /// Sends bytes exactly as written and reads until the server closes or `seconds` pass: what came back,
    /// and whether the server closed the connection (rather than the wait running out).
    func exchange(_ text: String, readFor seconds: Double = 5) throws -> (reply: String, closed: Bool) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        _ = text.utf8CString.withUnsafeBufferPointer { send(fd, $0.baseAddress, $0.count - 1, 0) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        var closed = false
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count == 0 { closed = true }
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return (String(decoding: data, as: UTF8.self), closed)
    }

    /// The request on a thread of its own: the cooperative pool has one thread per core, and a blocked
    /// socket read there would starve the server under test.
    func fetch(_ path: String, method: String = "GET", headers: [String: String] = [:], readFor seconds: Double = 5) async throws -> Reply {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try request(path, method: method, headers: headers, readFor: seconds) })
            }
        }
    }

    /// A port nobody listens on now.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

@Suite("The preview server", .serialized)
struct PreviewServerTests {
    /// Runs a preview of a small archive for the duration of `body`.
    func withServer(_ body: (RawHTTP, URL, URL) async throws -> Void) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("warraq-serve-\(UUID().uuidString)")
        let archive = root.appendingPathComponent("archive"), output = root.appendingPathComponent("out")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        try "---\ntitle: خبر الاختبار\ndate: 2023-09-22\ntags: [غزة]\n---\n\nالنص الأول.\n".write(to: archive.appendingPathComponent("news.md"), atomically: true, encoding: .utf8)
        try "secret".write(to: root.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        let port = RawHTTP.freePort()
        let server = PreviewServer(archive: archive, archiveDisplay: "archive", output: output, port: port)
        let (running, signal) = AsyncStream<Void>.makeStream()
        let task = Task { try await server.run { signal.yield() } }
        defer { task.cancel() }
        for await _ in running { break }
        try await body(RawHTTP(port: port), archive, output)
        task.cancel()
        _ = try? await task.value
    }

    @Test("pages over HTTP: index files, Arabic paths, MIME types, HEAD, ETag, redirects, 404")
    func serving() async throws {
        try await withServer { http, _, _ in
            let home = try await http.fetch("/")
            #expect(home.status == 200 && home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.body.contains("خبر الاختبار"))
            #expect(home.body.contains("/__warraq/events"), "the reload script is injected when serving")
            let tag = try await http.fetch("/tags/%D8%BA%D8%B2%D8%A9/")
            #expect(tag.status == 200 && tag.body.contains("خبر الاختبار"))
            #expect(try await http.fetch("/tags").headers["location"] == "/tags/")
            #expect(try await http.fetch("/tags").status == 301)
            let css = try await http.fetch("/assets/warraq.css", method: "HEAD")
            #expect(css.status == 200 && css.headers["content-type"] == "text/css; charset=utf-8" && css.body.isEmpty)
            let etag = try #require(css.headers["etag"])
            #expect(try await http.fetch("/assets/warraq.css", headers: ["If-None-Match": etag]).status == 304)
            #expect(try await http.fetch("/index.xml").headers["content-type"] == "application/xml; charset=utf-8")
            let missing = try await http.fetch("/no/such/page/")
            #expect(missing.status == 404 && missing.body.contains("الصفحة غير موجودة"))
        }
    }

    @Test("nothing outside the output folder is served", arguments: [
        "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/tags/..%2F..%2Fsecret.txt", "/..%5Csecret.txt", "/.warraq-manifest", "/link-out/secret.txt",
    ])
    func traversal(_ path: String) async throws {
        try await withServer { http, _, output in
            try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("link-out"), withDestinationURL: output.deletingLastPathComponent())
            let reply = try await http.fetch(path)
            #expect(reply.status == 404, "\(path)")
            #expect(!reply.body.contains("secret"))
        }
    }

    @Test("an edit is proofed, then rebuilt and served within seconds, and open pages are told to reload after each")
    func rebuildAndReload() async throws {
        try await withServer { http, archive, _ in
            let events = Task { try await http.fetch("/__warraq/events", readFor: 10) }
            try await Task.sleep(for: .milliseconds(300))
            try "---\ntitle: خبر الاختبار\ndate: 2023-09-22\ntags: [غزة]\n---\n\nالنص المعدل.\n".write(to: archive.appendingPathComponent("news.md"), atomically: true, encoding: .utf8)
            var served = ""
            for _ in 0..<40 where !served.contains("النص المعدل") {
                try await Task.sleep(for: .milliseconds(200))
                served = try await http.fetch("/2023/09/news/").body
            }
            #expect(served.contains("النص المعدل"))
            let stream = try await events.value
            // Once for the proof of the edited page, once for the rebuilt site.
            #expect(stream.body.components(separatedBy: "event: reload").count - 1 == 2)
        }
    }

    @Test("the desk shows an edited article's proof under its page's path until the rebuild is done")
    func proofDesk() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("warraq-proof-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let archive = root.appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        let news = archive.appendingPathComponent("news.md")
        try "---\ntitle: خبر الاختبار\ndate: 2023-09-22\ntags: [غزة]\n---\n\nالنص الأول.\n".write(to: news, atomically: true, encoding: .utf8)
        let desk = ProofDesk()
        var options = BuildOptions(archive: archive, archiveDisplay: "archive", output: root.appendingPathComponent("out"))
        options.proofs = { desk.keep($0) }
        _ = try SiteBuild(options).run()
        try "---\ntitle: خبر الاختبار\ndate: 2023-09-22\ntags: [غزة]\n---\n\nالنص المعدل.\n".write(to: news, atomically: true, encoding: .utf8)
        #expect(desk.proofread(["news.md"]))
        let proof = try #require(desk.page("2023/09/news/index.html"))
        #expect(String(decoding: proof, as: UTF8.self).contains("النص المعدل"))
        #expect(!desk.proofread(["site.yml"]), "a file that is no article is left to the rebuild")
        desk.clear()
        #expect(desk.page("2023/09/news/index.html") == nil)
    }

    @Test("a failed rebuild keeps the last good site and reports the error to pages")
    func failedRebuild() async throws {
        try await withServer { http, archive, _ in
            try "page_size: lots\n".write(to: archive.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
            try await Task.sleep(for: .milliseconds(1800))
            #expect(try await http.fetch("/").body.contains("خبر الاختبار"))
            let events = try await http.fetch("/__warraq/events", readFor: 1)
            #expect(events.body.contains("event: failure"))
            #expect(events.body.contains("site.yml:1"))
        }
    }

    @Test("many concurrent requests on loopback all succeed")
    func load() async throws {
        try await withServer { http, _, _ in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<200 {
                    group.addTask { try await http.fetch(index % 2 == 0 ? "/" : "/tags/%D8%BA%D8%B2%D8%A9/").status }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.count == 200 && statuses.allSatisfy { $0 == 200 })
        }
    }
}

@Suite("The preview server against hostile requests and a hostile output folder", .serialized)
struct PreviewServerHardeningTests {
    let suite = PreviewServerTests()

    @Test("an index.html or 404.html link that points out of the folder is not served")
    func indexAndNotFoundLinks() async throws {
        try await suite.withServer { http, _, output in
            let secret = output.deletingLastPathComponent().appendingPathComponent("secret.txt")
            try FileManager.default.createDirectory(at: output.appendingPathComponent("evil"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("evil/index.html"), withDestinationURL: secret)
            try FileManager.default.removeItem(at: output.appendingPathComponent("404.html"))
            try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("404.html"), withDestinationURL: secret)
            let index = try await http.fetch("/evil/")
            #expect(index.status == 404 && !index.body.contains("secret"))
            let missing = try await http.fetch("/no/such/page/")
            #expect(missing.status == 404 && !missing.body.contains("secret"))
        }
    }

    @Test("//tags redirects to /tags/, never to another host")
    func doubleSlash() async throws {
        try await suite.withServer { http, _, _ in
            let reply = try await http.fetch("//tags")
            #expect(reply.status == 301 && reply.headers["location"] == "/tags/")
        }
    }

    @Test("methods other than GET and HEAD get 405 with Allow", arguments: ["POST", "PUT", "DELETE", "OPTIONS"])
    func otherMethods(_ method: String) async throws {
        try await suite.withServer { http, _, _ in
            let reply = try await http.fetch("/", method: method)
            #expect(reply.status == 405 && reply.headers["allow"] == "GET, HEAD")
        }
    }

    @Test("a POST body is read to its end: the next request on the connection is answered")
    func bodyDrained() async throws {
        try await suite.withServer { http, _, _ in
            let replies = try await Self.raw(port: http.port, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello=world"
                                             + "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            #expect(replies.hasPrefix("HTTP/1.1 405"))
            #expect(replies.contains("HTTP/1.1 200 OK"))
        }
    }

    @Test("an HTTP/1.0 request without keep-alive is answered and its connection closed by the server")
    func http10Closed() async throws {
        try await suite.withServer { http, _, _ in
            let (reply, closed) = try await Self.rawExchange(port: http.port, "GET / HTTP/1.0\r\nHost: x\r\n\r\n")
            #expect(reply.hasPrefix("HTTP/1.1 200") || reply.hasPrefix("HTTP/1.0 200"))
            #expect(closed, "the server left the connection open")
        }
    }

    /// Sends bytes as they are and reads until the server closes (or 5 s pass), on a thread of its own.
    static func raw(port: Int, _ text: String) async throws -> String {
        try await rawExchange(port: port, text).reply
    }

    /// `RawHTTP.exchange` on a thread of its own, so the blocked read never starves the server under test.
    static func rawExchange(port: Int, _ text: String) async throws -> (reply: String, closed: Bool) {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try RawHTTP(port: port).exchange(text) }) }
        }
    }

    @Test("a URL of 30,000 components is answered 404")
    func longPath() async throws {
        try await suite.withServer { http, _, _ in
            let reply = try await http.fetch(String(repeating: "/a", count: 30_000))
            #expect(reply.status == 404)
        }
    }

    @Test("the default preview folder is new, private and removed")
    func privateFolder() throws {
        let first = try PreviewFolder(), second = try PreviewFolder()
        #expect(first.url != second.url)
        let attributes = try FileManager.default.attributesOfItem(atPath: first.url.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        #expect((attributes[.ownerAccountID] as? UInt) == UInt(getuid()))
        first.remove()
        second.remove()
        #expect(!FileManager.default.fileExists(atPath: first.url.path))
    }
}
