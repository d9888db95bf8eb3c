import Foundation

/// Tells open pages that the site was rebuilt (or that a rebuild failed) over server-sent events.
actor ReloadEvents {
    private var listeners: [UUID: AsyncStream<String>.Continuation] = [:]
    /// The last failure, shown to pages that connect while the site is broken.
    private var failure: String?

    func subscribe() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        continuation.yield(": connected\n\n")
        if let failure { continuation.yield(Self.event("failure", failure)) }
        return stream
    }

    func rebuilt() {
        failure = nil
        broadcast(Self.event("reload", "rebuilt"))
    }

    func failed(_ message: String) {
        failure = message
        broadcast(Self.event("failure", message))
    }


    private func remove(_ id: UUID) {
        listeners[id] = nil
    }

    private func broadcast(_ event: String) {
        for continuation in listeners.values { continuation.yield(event) }
    }

    static func event(_ name: String, _ data: String) -> String {
        "event: \(name)\n" + data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)\n" }.joined() + "\n"
    }

    /// The script served pages get: reload on a rebuild, an overlay with the error on a failed one.
    static let script = """
        <script>
        (function () {
          var source = new EventSource("/__warraq/events");
          source.addEventListener("reload", function () { location.reload(); });
          source.addEventListener("failure", function (event) {
            var box = document.getElementById("warraq-error") || document.createElement("pre");
            box.id = "warraq-error";
            box.setAttribute("dir", "ltr");
            box.style.cssText = "position:fixed;inset:0;margin:0;padding:2rem;overflow:auto;z-index:99999;background:rgba(20,0,0,.92);color:#fff;font:14px/1.5 monospace;white-space:pre-wrap";
            box.textContent = "Warraq: the rebuild failed; showing the last good site.\\n\\n" + event.data;
            document.body.appendChild(box);
          });
        })();
        </script>

        """
}
