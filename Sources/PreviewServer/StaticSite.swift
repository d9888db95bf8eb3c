import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Hummingbird
import Warraq

/// Serves the built site as a static host would: `index.html` for folders, a redirect from `/x` to `/x/`,
/// percent-encoded Arabic paths, HEAD, ETag with 304, and `404.html` for misses. Nothing outside the output
/// folder is ever served: `..` and encoded slashes are refused before the file system is asked, and a
/// symbolic link that points out is refused after its target is resolved.
struct StaticSite<Context: RequestContext>: RouterMiddleware {
    let root: URL
    /// Injected into HTML responses (never into the files), so open pages reload on rebuild.
    let reloadScript: String
    /// What is shown in place of a file (by its path in the output folder): the proof of an edited page.
    let shown: @Sendable (String) -> Data?

    init(root: URL, reloadScript: String, shown: @escaping @Sendable (String) -> Data? = { _ in nil }) {
        self.root = Self.realPath(root.path).map { URL(fileURLWithPath: $0) } ?? root.standardizedFileURL
        self.reloadScript = reloadScript
        self.shown = shown
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let rawPath = request.uri.path
        if rawPath.hasPrefix("/__warraq/") { return try await next(request, context) }
        // A static site has nothing to post to; Hummingbird reads any body to its end before the next request.
        guard request.method == .get || request.method == .head else {
            var headers = HTTPFields()
            headers[.allow] = "GET, HEAD"
            headers[.contentLength] = "0"
            return Response(status: .methodNotAllowed, headers: headers)
        }
        switch resolve(rawPath) {
        case .file(let url):
            return respond(file: url, status: .ok, request: request)
        case .folderWithoutSlash:
            var headers = HTTPFields()
            headers[.location] = Self.folderLocation(rawPath) + (request.uri.query.map { "?" + $0 } ?? "")
            return Response(status: .movedPermanently, headers: headers)
        case .missing:
            if let notFound = contained(root.path + "/404.html") { return respond(file: notFound, status: .notFound, request: request) }
            return Response(status: .notFound, body: ResponseBody(byteBuffer: ByteBuffer(string: "404")))
        }
    }

    /// `/x` and `//x` both lead to `/x/`: a Location starting with `//` would name another host.
    static func folderLocation(_ rawPath: String) -> String {
        "/" + rawPath.split(separator: "/").joined(separator: "/") + "/"
    }

    /// The file at `path` if it is a regular file that, links resolved, lies inside the output folder.
    /// One `realpath` call: linear in the path, however many components it has.
    func contained(_ path: String) -> URL? {
        guard let resolved = Self.realPath(path), resolved == root.path || resolved.hasPrefix(root.path + "/") else { return nil }
        var status = stat()
        guard stat(resolved, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return URL(fileURLWithPath: resolved)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    enum Resolution: Equatable {
        case file(URL)
        case folderWithoutSlash
        case missing
    }

    /// Where a request path leads inside the output folder, if anywhere.
    func resolve(_ rawPath: String) -> Resolution {
        guard let decoded = rawPath.removingPercentEncoding, !decoded.contains("\0"), !decoded.contains("\\") else { return .missing }
        let components = decoded.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !components.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") }) else { return .missing }
        // Joined once, not appended component by component: a URL of 30,000 parts must not cost their square.
        guard let resolved = Self.realPath(([root.path] + components).joined(separator: "/")),
              resolved == root.path || resolved.hasPrefix(root.path + "/") else { return .missing }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder) else { return .missing }
        if isFolder.boolValue {
            guard rawPath.hasSuffix("/") else { return .folderWithoutSlash }
            // The index is checked as the request was: a link named index.html may point anywhere.
            return contained(resolved + "/index.html").map { .file($0) } ?? .missing
        }
        return .file(URL(fileURLWithPath: resolved))
    }

    private func respond(file: URL, status: HTTPResponse.Status, request: Request) -> Response {
        // Only a file the output folder holds is looked up among the proofs: they are served under its name.
        let proof = file.path.hasPrefix(root.path + "/") ? shown(String(file.path.dropFirst(root.path.count + 1))) : nil
        guard var data = proof ?? (try? Data(contentsOf: file)) else { return Response(status: .notFound) }
        let type = MediaType.of(file.pathExtension)
        if type.hasPrefix("text/html"), let html = String(data: data, encoding: .utf8) {
            data = Data(Self.inject(reloadScript, into: html).utf8)
        }
        let etag = "\"\(StableHash(data).hex)\""
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.eTag] = etag
        headers[.cacheControl] = "no-cache"
        if status == .ok, request.headers[.ifNoneMatch] == etag {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(data.count)
        if request.method == .head { return Response(status: status, headers: headers) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func inject(_ script: String, into html: String) -> String {
        guard let end = html.range(of: "</body>", options: .backwards) else { return html + script }
        return html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: script)
    }
}

/// Content types by file extension, with a charset for text.
enum MediaType {
    static func of(_ pathExtension: String) -> String {
        switch pathExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }
}
