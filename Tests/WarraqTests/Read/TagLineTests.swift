import Testing
@testable import Warraq

@Suite("The scraped tag line split as an editor wrote it")
struct TagLineTests {
    @Test("a title and a name the text writes one after the other are two tags")
    func titleThenName() {
        let line = TagLine("وزير الخارجية سامح شكري القاهرة",
                           articleText: "قال وزير الخارجية سامح شكري إن المحادثات مستمرة في القاهرة.")
        #expect(line.tags == ["وزير الخارجية", "سامح شكري", "القاهرة"])
    }

    @Test("a full stop or a paragraph break ends a tag")
    func sentenceBarrier() {
        let line = TagLine("جدة الرياض",
                           articleText: "وصل الوفد إلى مدينة جدة.\nالرياض أعلنت عن برنامج الزيارة.")
        #expect(line.tags == ["جدة", "الرياض"])
    }

    @Test("a tag the text writes only with a clitic is still one tag, spelled without it")
    func clitic() {
        let line = TagLine("الهلال الأحمر السعودي جازان",
                           articleText: "قدمت فرق تابعة للهلال الأحمر السعودي مساعدات في جازان.")
        #expect(line.tags == ["الهلال الأحمر السعودي", "جازان"])
    }

    @Test("words the text never writes stay together as one tag")
    func absentFromText() {
        let line = TagLine("الشرق الأوسط السلام",
                           articleText: "تحدث المبعوث عن السلام والاستقرار.")
        #expect(line.tags == ["الشرق الأوسط", "السلام"])
    }

    @Test("a word stranded after a dropped function word is dropped with it")
    func strandedLeftover() {
        let line = TagLine("إطلاق النار في المنطقة الهدنة",
                           articleText: "توقف إطلاق النار. الهدوء يعم المنطقة بعد إعلان الهدنة.")
        #expect(line.tags == ["إطلاق النار", "الهدنة"])
        #expect(line.dropped == ["في المنطقة"])
    }
}
