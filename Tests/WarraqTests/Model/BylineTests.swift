import Testing
@testable import Warraq

@Suite("Bylines taken apart: people, place, credit")
struct BylineTests {
    let papers = Array(Set(KnownSources.names.values))

    func parse(_ text: String, paper: String? = nil) -> Byline {
        Byline(parsing: text, paper: paper, papers: papers)
    }

    @Test("agency and city, in both orders and with either separator", arguments: [
        ("واس - الرياض", "الرياض", "واس"), ("الرياض - واس", "الرياض", "واس"), ("الرياض: واس", "الرياض", "واس"),
        ("جدة : واس", "جدة", "واس"), ("لندن - رويترز", "لندن", "رويترز"), ("رويترز - لندن", "لندن", "رويترز"),
        ("واشنطن - أ. ف. ب", "واشنطن", "أ ف ب"), ("برلين - د ب أ", "برلين", "د ب أ"), ("\u{00A0}واس (جدة)", "جدة", "واس"),
        ("أنقرة - الأناضول", "أنقرة", "الأناضول"), ("الكويت - كونا", "الكويت", "كونا"), ("دبي - وام", "دبي", "وام"),
    ])
    func agencyAndPlace(byline: String, place: String, credit: String) {
        #expect(parse(byline) == Byline(authors: [], place: place, credit: credit))
    }

    @Test("a reporter and a city, in both orders")
    func reporterAndPlace() {
        let expected = Byline(authors: ["عبدالله الهاجري"], place: "أبها")
        #expect(parse("أبها - عبدالله الهاجري:") == expected)
        #expect(parse("عبدالله الهاجري - أبها") == expected)
        #expect(parse("أبها: عبدالله الهاجري") == expected)
        #expect(parse("\u{00A0}أحمد الشميري (صنعاء)") == Byline(authors: ["أحمد الشميري"], place: "صنعاء"))
        #expect(parse("&nbsp;أحمد الشميري (صنعاء)") == Byline(authors: ["أحمد الشميري"], place: "صنعاء"))
        #expect(parse("عادل الخنين من الرياض") == Byline(authors: ["عادل الخنين"], place: "الرياض"))
        #expect(parse("سعيد الزهراني ـ الطائف - تصوير - أحمد باروم") == Byline(authors: ["سعيد الزهراني"], place: "الطائف"),
                "the photographer is not an author")
    }

    @Test("the paper itself as the credit, in both orders")
    func paperCredit() {
        #expect(parse("لندن: «الشرق الأوسط»", paper: "الشرق الأوسط") == Byline(place: "لندن", credit: "الشرق الأوسط"))
        #expect(parse("«الشرق الأوسط» - لندن", paper: "الشرق الأوسط") == Byline(place: "لندن", credit: "الشرق الأوسط"))
        #expect(parse("سبق- الرياض:", paper: "سبق") == Byline(place: "الرياض", credit: "سبق"))
        #expect(parse("الرياض - الوئام :", paper: "الوئام") == Byline(place: "الرياض", credit: "الوئام"))
        #expect(parse("المدينة - جدة", paper: "المدينة") == Byline(place: "جدة", credit: "المدينة"))
        #expect(parse("جدة: المدينة", paper: "المدينة") == Byline(place: "جدة", credit: "المدينة"))
        #expect(parse("«الاقتصادية» من الرياض", paper: "الاقتصادية") == Byline(place: "الرياض", credit: "الاقتصادية"))
        #expect(parse("\u{00A0}عكاظ (جدة)", paper: "عكاظ") == Byline(place: "جدة", credit: "عكاظ"))
        #expect(parse("القاهرة - مكتب الجزيرة - طارق محيي:", paper: "الجزيرة") == Byline(authors: ["طارق محيي"], place: "القاهرة", credit: "الجزيرة"))
    }

    @Test("a paper named like a city is the credit only beside another place")
    func paperNamedLikeCity() {
        #expect(parse("دبي - الرياض", paper: "الرياض") == Byline(place: "دبي", credit: "الرياض"))
        #expect(parse("الرياض - واس", paper: "الرياض") == Byline(place: "الرياض", credit: "واس"))
        #expect(parse("الرياض - راشد السكران", paper: "الرياض") == Byline(authors: ["راشد السكران"], place: "الرياض"))
    }

    @Test("reporter, paper and place together; desk words are nobody")
    func threeParts() {
        #expect(parse("أحمد علي- سبق- القاهرة:", paper: "سبق") == Byline(authors: ["أحمد علي"], place: "القاهرة", credit: "سبق"))
        #expect(parse("متابعة - الرياض الإلكتروني", paper: "الرياض") == Byline(credit: "الرياض الإلكتروني"))
        #expect(parse("الرياض، تحقيق - هتاف المحيميد", paper: "الرياض") == Byline(authors: ["هتاف المحيميد"], place: "الرياض"))
        #expect(parse("الوئام - رويترز:", paper: "الوئام") == Byline(credit: "رويترز"))
        #expect(parse("الجزيرة - واس:", paper: "الجزيرة") == Byline(credit: "واس"))
    }

    @Test("several people; a name alone; text that is no byline")
    func people() {
        #expect(parse("القاهرة: هاني زايد، صفوت عمران") == Byline(authors: ["هاني زايد", "صفوت عمران"], place: "القاهرة"))
        #expect(parse("الرياض: ناصر الحقباني  و نايف الرشيد") == Byline(authors: ["ناصر الحقباني", "نايف الرشيد"], place: "الرياض"))
        #expect(parse("فهد عامر الأحمدي") == Byline(authors: ["فهد عامر الأحمدي"]))
        #expect(parse("رويترز") == Byline(credit: "رويترز"))
        #expect(parse("أوكسفورد - رويترز") == Byline(place: "أوكسفورد", credit: "رويترز"), "one word beside a dash is a dateline")
        #expect(parse("هبة") == Byline(), "one word alone is nobody we can tell")
        #expect(parse("عبدالرحمن العمري مكة المكرمة") == Byline(authors: ["عبدالرحمن العمري"], place: "مكة المكرمة"))
        #expect(parse("إسلام آباد طاهر حيات") == Byline(authors: ["طاهر حيات"], place: "إسلام آباد"))
        #expect(parse("محمد عبدالله الكامل") == Byline(authors: ["محمد عبدالله الكامل"]))
        #expect(parse("ساو باولو البرازيل - رويترز") == Byline(place: "ساو باولو", credit: "رويترز"))
        #expect(parse("وقَّعت صحيفة سبق الإلكترونية اتفاقيةً إعلاميةً مع موقع العربية، وذلك في إطار خطواتها التطويرية المهمة والمتتالية") == Byline())
    }
}
