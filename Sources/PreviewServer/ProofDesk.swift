import Foundation
import Warraq

/// The preview's proofs: how to proof a page from the last build (`PageProof`), and the pages proofed
/// since, served in place of their files until the rebuild that follows the save is done.
final class ProofDesk: @unchecked Sendable {
    private let lock = NSLock()
    private var proof: PageProof?
    private var pages: [String: Data] = [:]

    /// Each build that wrote the site hands over its proof (`BuildOptions.proofs`).
    func keep(_ proof: PageProof) {
        lock.withLock { self.proof = proof }
    }

    /// Proofs the articles of `files` (relative to the archive), if every one can be: whether any page is
    /// now shown from the desk.
    func proofread(_ files: [String]) -> Bool {
        guard let proof = lock.withLock({ self.proof }), let proofed = proof.pages(for: files), !proofed.isEmpty else { return false }
        lock.withLock { for page in proofed { pages[page.path] = page.data } }
        return true
    }

    /// The proofed page at `path` (relative to the output folder), if one is shown.
    func page(_ path: String) -> Data? {
        lock.withLock { pages[path] }
    }

    /// The rebuild is done (or failed): the output folder is what is served again.
    func clear() {
        lock.withLock { pages = [:] }
    }
}
