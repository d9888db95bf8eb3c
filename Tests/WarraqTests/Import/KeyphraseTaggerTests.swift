import Testing
@testable import Warraq

@Suite("Automatic tags an editor would keep: topics, never verbs, fragments or clitic forms")
struct KeyphraseTaggerTests {
    let documents = [
        KeyphraseTagger.Document(title: "وزارة الصحة تفتتح مستشفى في جدة", body: "افتتحت وزارة الصحة مستشفى جديداً في جدة. وقالت وزارة الصحة إن المستشفى يخدم جدة."),
        KeyphraseTagger.Document(title: "وزارة الصحة تطلق حملة التطعيم", body: "أطلقت وزارة الصحة حملة التطعيم. حملة التطعيم تشمل المدارس إلى أن تنتهي."),
        KeyphraseTagger.Document(title: "حملة التطعيم تصل إلى المدارس", body: "وصلت حملة التطعيم إلى المدارس في المنطقة. في المنطقة مدارس كثيرة."),
        KeyphraseTagger.Document(title: "أمطار في جدة", body: "هطلت أمطار غزيرة على جدة اليوم. وتوقعت الأرصاد أمطاراً في المنطقة."),
    ]

    /// A small archive whose articles share names, places, verbs and stock phrases, the way a news day does.
    let day: [KeyphraseTagger.Document] = (1...6).flatMap { n in [
        KeyphraseTagger.Document(
            title: "خادم الحرمين يستقبل وفدا في جدة \(n)",
            body: """
            استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود في جدة وفدا. وقال إن المملكة تسعى إلى السلام. \
            الجدير بالذكر أن الملك سلمان بن عبدالعزيز آل سعود يسعى إلى دعم المنطقة. ولن يسعى أحد إلى غير ذلك، وسيسعى الوفد إلى جدة.
            """),
        KeyphraseTagger.Document(
            title: "الهلال الأحمر السعودي يطالب بمحاسبة المقصرين \(n)",
            body: """
            طالب الهلال الأحمر السعودي بمحاسبة المقصرين في الحادث. وأكد أن محاسبة المقصرين ضرورة، وأن للهلال الأحمر السعودي \
            فرقا في المنطقة. وقع الحادث في المنطقة. للمزيد: http://example.org/news.
            """),
        KeyphraseTagger.Document(
            title: "اللاعب الصقري ينضم إلى نادي الشباب \(n)",
            body: "أعلن نادي الشباب ضم اللاعب الصقري. وقال الصقري إن نادي الشباب كبير، وإن الصقري سعيد بالانضمام إلى نادي الشباب.",
        ),
    ] }

    @Test("the obvious topics are found")
    func obviousTags() {
        let tagger = KeyphraseTagger(documents)
        #expect(tagger.tags(for: 0, count: 3).contains("وزارة الصحة"))
        #expect(tagger.tags(for: 1, count: 3).contains("حملة التطعيم"))
        #expect(tagger.tags(for: 3, count: 3).contains("جدة"))
    }

    @Test("no tag starts or ends with a function word")
    func noFunctionWordEdges() {
        let tagger = KeyphraseTagger(documents)
        for index in documents.indices {
            for tag in tagger.tags(for: index, count: 5) {
                let words = tag.split(separator: " ").map { ArabicText.fold(String($0)) }
                #expect(!ArabicText.isFunctionWord(words.first!) && !ArabicText.isFunctionWord(words.last!), "\(tag)")
                #expect(tag != "إلى أن" && tag != "في المنطقة")
            }
        }
    }

    func allTags() -> [[String]] {
        KeyphraseTagger(day).tagsForAll(count: 5)
    }

    @Test("names, organisations and places are the tags")
    func topics() {
        let tags = allTags()
        #expect(tags[0].contains("جدة"))
        #expect(tags[1].contains("الهلال الأحمر السعودي"))
        #expect(tags[1].contains("محاسبة المقصرين"))
        #expect(tags[2].contains("نادي الشباب"))
    }

    @Test("never a verb, a generic word, a stock phrase or a web address", arguments: ["يسعى", "تسعى", "سيسعى", "المنطقة", "الحادث", "الجدير بالذكر", "الجدير", "http", "org"])
    func junk(_ word: String) {
        for tags in allTags() { #expect(!tags.contains(word), "\(tags)") }
    }

    @Test("a clitic form is the tag without its clitic")
    func cliticForms() {
        for tags in allTags() {
            #expect(!tags.contains { $0.hasPrefix("بمحاسبة") || $0.hasPrefix("للهلال") })
        }
    }

    @Test("one name is one tag: no overlapping pieces, no piece ending on بن or آل")
    func wholeNames() {
        for tags in allTags() {
            for tag in tags {
                let last = tag.split(separator: " ").last.map(String.init) ?? ""
                #expect(!["بن", "آل", "عبد", "أبو"].contains(last), "\(tag)")
            }
            let words = tags.map { Set($0.split(separator: " ")) }
            for i in words.indices { for j in words.indices where i < j { #expect(words[i].isDisjoint(with: words[j]), "\(tags)") } }
        }
    }

    @Test("a surname keeps its letters: الصقري is never the word صقر")
    func namesKeepTheirLetters() {
        for tags in allTags() { #expect(!tags.contains("صقر") && !tags.contains("الصقر")) }
    }

    @Test("a tag only one article would carry is not given")
    func noLonelyTags() {
        var used: [String: Int] = [:]
        for tags in allTags() { for tag in tags { used[tag, default: 0] += 1 } }
        #expect(used.values.allSatisfy { $0 >= 2 })
    }
}
