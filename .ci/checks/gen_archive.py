#!/usr/bin/env python3
"""Writes a deterministic Arabic test archive for the site checks (no network, no ../shared).

    gen_archive.py OUT_DIR [--count 300]

About COUNT Markdown articles in nested folders, dated across two years (some with a time and zone, one
undated, one draft), tags spelled in several Arabic variants (أ/ا, ى/ي, ة/ه, tatweel) that Warraq must
fold into one tag, sources, authors, read_also references by slug and by title, and bodies with lists,
links, a quote and a sub-heading. Writes OUT_DIR/site.yml (page_size 10) and OUT_DIR/.checks.json, which
tells the checks which article is the showcase to open in the browser.
"""
import argparse
import json
import os
import random
import shutil
import struct
import zlib
from datetime import date, timedelta

WORDS = """
الحكومة الوزارة المجلس الرئيس البرلمان الاقتصاد السوق الأسعار النفط الطاقة المياه الزراعة المدينة
القرية الشارع المستشفى المدرسة الجامعة الطلاب الأطباء العمال الشركات المصانع الميناء المطار القطار
الطريق الجسر السكان المواطنين اللاجئين المساعدات الغذاء الدواء الكهرباء الوقود الميزانية الضرائب
الاستثمار التجارة الصادرات الواردات المفاوضات الاتفاق القمة الوفد السفير البعثة المنظمة اللجنة
التقرير الدراسة البيانات الأرقام النتائج الخطة المشروع البرنامج المبادرة الحملة الانتخابات الأحزاب
المعارضة المحكمة القانون الدستور القرار الاجتماع المؤتمر البيان الإعلان الموسم المهرجان المعرض
الكتاب المكتبة المتحف التراث الثقافة الفن المسرح السينما الموسيقى الرياضة المنتخب الملعب البطولة
الفريق المدرب اللاعبين الجمهور المناخ الأمطار الحرارة الجفاف الفيضانات الرياح الصحراء البحر
الساحل الجبال الغابات البيئة التلوث النفايات التقنية الإنترنت الهواتف البرمجيات البحث العلماء
""".split()

VERBS = """
أعلن أكد قال أوضح أشار كشف ناقش بحث وقع افتتح أطلق استقبل زار دعا طالب حذر رحب انتقد قرر
""".split()

LINKS = "في من إلى على مع عن بعد قبل خلال بين حول ضد دون".split()

ADJ = """
الجديد الكبير الأول الأخير الوطني الدولي الإقليمي المحلي الشامل العاجل السنوي الرسمي المشترك
""".split()

# Each tag: the spellings articles use; all spellings of one tag fold to one key.
TAGS = [
    ["الأمم المتحدة", "الامم المتحدة", "الأمـم المتحدة"],
    ["السعودية", "السعوديه"],
    ["مصر", "مصـر"],
    ["الطاقة", "الطاقه", "الطـاقة"],
    ["المستشفى", "المستشفي"],
    ["أمريكا", "امريكا"],
    ["الاقتصاد"],
    ["الإمارات", "الامارات"],
    ["غزة", "غزه"],
    ["التعليم"],
    ["الصحة", "الصحه"],
    ["كرة القدم", "كره القدم"],
    ["المناخ"],
    ["الذكاء الاصطناعي", "الذكاء الإصطناعي"],
    ["مؤتمر المناخ", "مؤتمر المناخ"],
    ["الأردن", "الاردن"],
    ["المغرب"],
    ["العراق"],
    ["لبنان"],
    ["سوريا", "سورية", "سوريه"],
    ["النفط"],
    ["الزراعة", "الزراعه"],
    ["المياه"],
    ["الثقافة", "الثقافه"],
    ["مصطفى", "مصطفي"],
    ["معرض الكتاب"],
    ["الانتخابات", "الإنتخابات"],
    ["اللاجئين"],
    ["السياحة", "السياحه"],
    ["التكنولوجيا"],
    ["COP28", "cop28"],
    ["كأس العالم", "كاس العالم"],
    ["الجامعة العربية", "الجامعه العربية"],
    ["البنك المركزي"],
    ["التضخم"],
    ["الفضاء"],
    ["الأمن الغذائي", "الامن الغذائي"],
    ["حقوق الإنسان", "حقوق الانسان"],
    ["نسبة 100%"],
    ["الأسهم & السندات"],
]

SOURCES = ["وكالة الأنباء", "رويترز", "بي بي سي عربي", "الجزيرة نت", "سكاي نيوز عربية", "الشرق الأوسط",
           "AFP", "مراسلنا"]
AUTHORS = ["سارة أحمد", "محمد علي", "ليلى حسن", "يوسف إبراهيم", "نور الهدى", "عبد الله الخطيب",
           "مريم يوسف", "خالد عمر", "هدى سالم", "أحمد مصطفى", "Jane Doe", "رنا ك."]


def sentence(rng, n_words=None):
    n = n_words or rng.randint(7, 16)
    words = [rng.choice(VERBS)]
    while len(words) < n:
        r = rng.random()
        if r < 0.2:
            words.append(rng.choice(LINKS))
        elif r < 0.35:
            words.append(rng.choice(ADJ))
        else:
            words.append(rng.choice(WORDS))
    return " ".join(words) + rng.choice([".", ".", ".", "،" + " " + rng.choice(WORDS) + ".", "؟"])


def paragraph(rng, sentences=None):
    return " ".join(sentence(rng) for _ in range(sentences or rng.randint(2, 5)))


def title(rng, i):
    t = "{} {} {} {} {}".format(rng.choice(VERBS), rng.choice(WORDS), rng.choice(LINKS), rng.choice(WORDS),
                                rng.choice(ADJ))
    if i % 17 == 0:
        t += " بنسبة {}%".format(rng.randint(2, 90))
    if i % 23 == 0:
        t += " في قمة COP28"
    if i % 29 == 0:
        t = "«" + t + "»: " + rng.choice(WORDS) + " & " + rng.choice(WORDS)
    return t


def yaml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def body(rng, i, showcase):
    parts = [paragraph(rng, 3), paragraph(rng)]
    if showcase or i % 5 == 0:
        parts.append("## " + rng.choice(WORDS) + " " + rng.choice(ADJ))
        parts.append("\n".join("- " + sentence(rng, rng.randint(4, 8)) for _ in range(3)))
    if showcase or i % 7 == 0:
        parts.append("وبحسب [التقرير الكامل](https://example.org/reports/{0}) الذي نشرته **{1}**، فإن {2}".format(
            i, rng.choice(SOURCES), sentence(rng)))
    if showcase or i % 11 == 0:
        parts.append("\n".join("{}. {}".format(k + 1, sentence(rng, rng.randint(4, 7))) for k in range(3)))
    if showcase or i % 13 == 0:
        parts.append("> " + sentence(rng))
    parts.append(paragraph(rng))
    if showcase:
        parts.append("وسجّل المؤشر ارتفاعاً بنسبة 12.5% في عام 2023 مقارنة بـ 2022، وفق بيانات COP28 "
                     "الصادرة في 22 سبتمبر 2023.")
        parts.append(paragraph(rng, 6))
    return "\n\n".join(parts) + "\n"


def png(width, height, seed):
    """A PNG of a colour gradient (no imaging library needed): an article picture for the checks."""
    r0, g0, b0 = (seed * 53) % 200, (seed * 97) % 200, (seed * 31) % 200
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            rows += bytes(((r0 + x // 4) % 256, (g0 + y // 3) % 256, (b0 + (x + y) // 6) % 256))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(bytes(rows), 6)) + chunk(b"IEND", b""))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=300)
    args = ap.parse_args()
    rng = random.Random(9)
    out = args.out
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)

    with open(os.path.join(out, "site.yml"), "w", encoding="utf-8") as f:
        f.write("title: أرشيف ورّاق التجريبي\n"
                "description: أرشيف اختبار يولّده فحص الموقع، بمقالات عربية ووسوم بتهجئات مختلفة.\n"
                "base_url: https://example.org/archive/\n"
                "page_size: 10\n"
                "time_zone: Asia/Riyadh\n"
                "date_digits: arab\n"
                "calendars: [gregorian, hijri]\n")

    start = date(2022, 10, 3)
    span = (date(2023, 9, 28) - start).days
    articles = []
    for i in range(args.count):
        d = start + timedelta(days=round(span * i / max(1, args.count - 1)))
        articles.append({"i": i, "date": d, "title": title(rng, i)})

    showcase = args.count - 3  # near the newest: on the front page
    # For the search check: an article that writes إسرائيل and مسؤول with their hamza, found by a query
    # typed without it (اسرائيل, مسئول). Fixed text, so the random draws of the others stay as they were.
    hamza = args.count - 7
    used_slugs = set()
    for a in articles:
        i, d = a["i"], a["date"]
        n_tags = rng.choice([1, 2, 2, 3, 3, 4])
        # A skewed choice so that some tags have many pages (pagination) and some few.
        tags = []
        while len(tags) < n_tags:
            k = min(int(rng.paretovariate(1.0)) - 1, len(TAGS) - 1)
            k = k if rng.random() < 0.6 else rng.randrange(len(TAGS))
            variant = rng.choice(TAGS[k])
            if k not in [t[0] for t in tags]:
                tags.append((k, variant))
        if i == showcase:
            tags = [(k, v) for k, v in ((k, spellings[-1]) for k, spellings in enumerate(TAGS))
                    if v in ("الأمـم المتحدة", "cop28", "غزه", "الأسهم & السندات")]
            a["title"] = "قمة COP28 في دبي: «الأمم المتحدة» تدعو إلى خفض الانبعاثات بنسبة 43% قبل 2030"
        if i == hamza:
            a["title"] = "إسرائيل والأردن يوقّعان اتفاقاً لتقاسم مياه نهر اليرموك"
        fm = ["---", "title: " + yaml_str(a["title"])]
        if i == 5:
            pass  # undated: published last, under /articles/
        elif i % 4 == 0:
            hh, mm = rng.randint(0, 23), rng.choice([0, 15, 30, 45])
            zone = rng.choice(["+03:00", "+03:00", "+00:00", "+02:00"])
            fm.append("date: {}T{:02d}:{:02d}:00{}".format(d.isoformat(), hh, mm, zone))
        else:
            fm.append("date: " + d.isoformat())
        fm.append("tags: [" + ", ".join(yaml_str(t[1]) for t in tags) + "]")
        if i % 9 != 3:
            fm.append("source: " + yaml_str(SOURCES[(i * 7 + rng.randrange(3)) % len(SOURCES)]))
        if i % 3 != 1 or i == showcase:
            fm.append("author: " + yaml_str(AUTHORS[rng.randrange(len(AUTHORS))]))
        if i % 6 == 0:
            slug = "khabar-{:03d}".format(i)
        elif i % 6 == 1:
            slug = "خبر-{}-{}".format(i, a["title"].split()[1])
        else:
            slug = None
        if slug:
            fm.append("slug: " + yaml_str(slug))
            used_slugs.add(slug)
        if i % 10 == 2:
            fm.append("summary: " + yaml_str(sentence(rng)))
        # Pictures: the showcase and one article in twelve (beside the article), with alt, caption and credit.
        picture = None
        if i == showcase or i % 12 == 7:
            picture = "صورة-{:03d}.png".format(i)
            fm.append("image: " + yaml_str(picture))
            fm.append("image_alt: " + yaml_str("صورة توضيحية: " + rng.choice(WORDS) + " " + rng.choice(ADJ)))
            fm.append("image_caption: " + yaml_str(sentence(rng, 6)))
            fm.append("image_credit: " + yaml_str("تصوير: " + rng.choice(SOURCES)))
        if i == 8 or i == 150:
            fm.append("draft: true")
        refs = []
        if i >= 12 and (i % 8 == 0 or i == showcase):
            j = i - rng.randint(1, 10)
            other = articles[j]
            if j % 6 == 0:
                refs.append("khabar-{:03d}".format(j))
            else:
                # By title, spelled with variants that fold to the same key.
                refs.append(other["title"].replace("أ", "ا").replace("ة", "ه"))
            if i == showcase:
                refs.append("khabar-{:03d}".format((i // 6 - 2) * 6))
        if refs:
            fm.append("read_also: [" + ", ".join(yaml_str(r) for r in refs) + "]")
        fm.append("---")
        folder = os.path.join(out, str(d.year), "{:02d}".format(d.month)) if i % 5 else os.path.join(out, "أخبار")
        os.makedirs(folder, exist_ok=True)
        name = ("مقال-{:03d}.md" if i % 2 else "article-{:03d}.md").format(i)
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            text = body(rng, i, i == showcase)
            if i == hamza:
                text += ("\nوقال مسؤول في وزارة المياه الأردنية إن إسرائيل ستزوّد المملكة بخمسين مليون متر مكعب "
                         "إضافية كل عام.\n")
            f.write("\n".join(fm) + "\n\n" + text)
        if picture:
            with open(os.path.join(folder, picture), "wb") as f:
                f.write(png(960, 540, i))
        if i in (showcase, hamza):
            a["slug"] = slug or os.path.splitext(name)[0]

    with open(os.path.join(out, ".checks.json"), "w", encoding="utf-8") as f:
        json.dump({"showcase_slug": articles[showcase]["slug"], "showcase_title": articles[showcase]["title"],
                   "hamza_slug": articles[hamza]["slug"], "count": args.count}, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
