/// Names of the papers whose exports Warraq has met, by the id the export uses: written into the
/// `source_names:` of a new archive's `site.yml`, and what tells the byline parser that "«الشرق الأوسط»"
/// is the paper, not a person. Ids and names of the SaudiNewsNet corpus (github.com/parallelfold/SaudiNewsNet).
public enum KnownSources {
    public static let names: [String: String] = [
        "aawsat": "الشرق الأوسط", "aleqtisadiya": "الاقتصادية", "aljazirah": "الجزيرة", "almadina": "المدينة",
        "alriyadh": "الرياض", "alwatan": "الوطن", "alweeam": "الوئام", "alyaum": "اليوم", "arreyadi": "الرياضي",
        "arreyadiyah": "الرياضية", "okaz": "عكاظ", "sabq": "سبق", "was": "واس (وكالة الأنباء السعودية)", "3alyoum": "عاجل",
    ]
}
