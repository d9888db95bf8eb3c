import NIOCore
import NIOHTTP1
import NIOHTTPTypesHTTP1

/// HTTP/1.0 keeps a connection open only when the request asks (`Connection: keep-alive`), but
/// Hummingbird closes one only on `Connection: close`, and the HTTP-types codec it reads through drops the
/// version. This handler, in front of that codec, says `close` for every HTTP/1.0 request that did not
/// ask to keep the connection, so a 1.0 client is never left waiting on an open socket.
final class HTTP10ConnectionClose: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data), head.version == .http1_0,
              !head.headers["connection"].contains(where: { $0.lowercased().contains("keep-alive") }) else {
            context.fireChannelRead(data)
            return
        }
        head.headers.replaceOrAdd(name: "connection", value: "close")
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }
}

/// Hummingbird adds its extra handlers after the HTTP-types codec; this one, added there, puts
/// `HTTP10ConnectionClose` before the codec, where the version can still be read, and stays inert.
final class HTTP10ConnectionCloseInstaller: ChannelInboundHandler, RemovableChannelHandler {
    // Passes everything on as it is (the protocol's default channelRead).
    typealias InboundIn = Any

    func handlerAdded(context: ChannelHandlerContext) {
        let pipeline = context.pipeline.syncOperations
        guard let codec = try? pipeline.handler(type: HTTP1ToHTTPServerCodec.self) else { return }
        try? pipeline.addHandler(HTTP10ConnectionClose(), position: .before(codec))
    }
}
