import Foundation
import Testing
@testable import Warraq

@Suite("Links to output paths: percent-encoded as browsers and Foundation write them")
struct OutputPathTests {
    @Test("each component percent-encoded byte for byte, unreserved ASCII kept", arguments: [
        "وزارة-الدفاع", "2015", "كوفيد-19_a.b~c", "index.html", "a b&c?d#e%f", "ناغورنی", "🙂",
    ])
    func encoding(_ component: String) {
        var unreserved = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        unreserved.insert(charactersIn: "-._~")
        #expect(OutputPath.encode(component) == component.addingPercentEncoding(withAllowedCharacters: unreserved))
    }

    @Test("a folder page links to its folder")
    func folderLink() throws {
        let path = try OutputPath(["tags", "الرياض", "index.html"])
        #expect(path.link == "tags/%D8%A7%D9%84%D8%B1%D9%8A%D8%A7%D8%B6/")
    }
}
