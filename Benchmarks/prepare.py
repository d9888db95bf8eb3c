#!/usr/bin/env python3
"""Prepares benchmark archives for Benchmarks/run.

  prepare.py replicate SOURCE DEST N   N articles from the Markdown archive SOURCE: its files in path order,
                                       then copies with dates shifted back by whole years (copy k: k years
                                       earlier, file name <stem>-c<k>.md, under the shifted YYYY/MM/).
  prepare.py generate DEST N           N deterministic articles from a built-in Arabic word list.
  prepare.py count FOLDER              number of Markdown files under FOLDER.

DEST must not exist; the archive is written to DEST.partial and renamed when complete.
"""
import os
import random
import re
import shutil
import sys

DATE_LINE = re.compile(r"^date:\s*[\"']?(\d{4})-(\d{2})-(\d{2})(.*?)[\"']?\s*$")


def markdown_files(folder):
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        for name in files:
            if name.endswith(".md") and not name.startswith((".", "_")):
                found.append(os.path.join(root, name))
    return sorted(found)


def shift_years(year, month, day, back):
    year -= back
    if month == 2 and day == 29 and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        day = 28
    return year, month, day


def replicated(text, back):
    """The text with its front matter's date line moved `back` years earlier, and the new (year, month)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return text, None
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            break
        match = DATE_LINE.match(lines[i])
        if match:
            year, month, day = shift_years(int(match.group(1)), int(match.group(2)), int(match.group(3)), back)
            lines[i] = "date: %04d-%02d-%02d%s" % (year, month, day, match.group(4))
            return "\n".join(lines), (year, month)
    return text, None


def replicate(source, dest, n):
    files = markdown_files(source)
    if not files:
        sys.exit("prepare.py: no Markdown files under %s" % source)
    partial = dest + ".partial"
    shutil.rmtree(partial, ignore_errors=True)
    os.makedirs(partial)
    written = 0
    copy = 0
    while written < n:
        for path in files:
            if written >= n:
                break
            relative = os.path.relpath(path, source)
            if copy == 0:
                target = os.path.join(partial, relative)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                shutil.copyfile(path, target)
            else:
                with open(path, encoding="utf-8") as f:
                    text, month = replicated(f.read(), copy)
                stem = os.path.splitext(os.path.basename(path))[0]
                folder = "%04d/%02d" % month if month else os.path.join("undated", os.path.dirname(relative))
                target = os.path.join(partial, folder, "%s-c%d.md" % (stem, copy))
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "w", encoding="utf-8") as f:
                    f.write(text)
            written += 1
        copy += 1
    os.rename(partial, dest)
    print("%d articles (%d from %s, copies shifted back up to %d years)" % (written, min(n, len(files)), source, copy - 1))


# Common words of Arabic news prose: enough for titles, bodies and tags that look like an archive's.
WORDS = """
الحكومة الوزير المملكة الرياض جدة مكة المدينة الدمام الشرقية القصيم تبوك أبها جازان نجران حائل الباحة الجوف
مجلس الوزراء الأمير الملك ولي العهد وزارة الصحة التعليم الداخلية الخارجية المالية الاقتصاد التجارة الطاقة
النفط الغاز الكهرباء المياه الإسكان العمل النقل الطيران المطار الميناء السوق الأسهم البورصة الريال الدولار
الأسعار التضخم الميزانية الاستثمار الشركات البنوك القطاع الخاص المشروع المشاريع التنمية الخطة الرؤية
المواطنين المقيمين الشباب الطلاب المعلمين الأطباء المستشفى المرضى الدواء اللقاح الفيروس الحملة التوعية
الأمن الشرطة الدفاع المدني الحريق الحادث الطريق السيارات المرور الأمطار السيول الطقس الحرارة الغبار
الرياضة الهلال النصر الاتحاد الأهلي الشباب المنتخب الدوري الكأس المباراة الملعب المدرب اللاعب الهدف
الثقافة المعرض الكتاب المهرجان التراث السياحة الفنادق الموسم العيد رمضان الحج العمرة الحجاج الزوار
الأمم المتحدة مجلس الأمن الجامعة العربية الخليج اليمن سوريا العراق مصر الأردن لبنان فلسطين إيران تركيا
أعلن أكد قال أوضح أشار كشف بحث ناقش وقع افتتح أطلق دشن استقبل زار شارك نظم عقد قرر وافق رفض طالب
اجتماع مؤتمر اتفاقية مذكرة تفاهم تعاون شراكة برنامج مبادرة خدمات منصة تطبيق رقمية إلكترونية تقنية
اليوم أمس الأسبوع الشهر العام الماضي المقبل الجديد الأول الثاني الكبير الأكبر العالمي الدولي المحلي
نسبة ارتفاع انخفاض زيادة تراجع نمو مليون مليار ألف ريال بالمئة عدد إجمالي حجم قيمة تكلفة إيرادات
""".split()
FUNCTION = "في من على إلى عن مع بعد قبل خلال حتى أن التي الذي وقد كما بين هذا هذه ذلك حيث".split()
SOURCES = ["واس", "الرياض", "عكاظ", "الوطن", "المدينة", "اليوم", "الجزيرة", "الاقتصادية", "سبق", "الشرق الأوسط",
           "الرياضية", "الوئام", "الحياة", "مكة"]


def generate(dest, n):
    rng = random.Random(20150721)
    tags = ["%s %s" % (WORDS[rng.randrange(len(WORDS))], WORDS[rng.randrange(len(WORDS))]) if i % 3 else WORDS[i % len(WORDS)]
            for i in range(3000)]
    authors = ["%s %s" % (WORDS[rng.randrange(len(WORDS))], WORDS[rng.randrange(len(WORDS))]) for _ in range(400)]
    partial = dest + ".partial"
    shutil.rmtree(partial, ignore_errors=True)
    os.makedirs(partial)
    # 40 articles a day going back from 2024-12-31 23:00 Riyadh time, a few minutes apart.
    import datetime
    start = datetime.datetime(2024, 12, 31, 23, 0, 0)
    for i in range(n):
        when = start - datetime.timedelta(minutes=36 * i + rng.randrange(30))

        def sentence(low, high):
            words = []
            for _ in range(rng.randint(low, high)):
                words.append(FUNCTION[rng.randrange(len(FUNCTION))] if rng.random() < 0.25 else WORDS[int(rng.paretovariate(1.2) * 7) % len(WORDS)])
            return " ".join(words)

        title = sentence(5, 11)
        article_tags = sorted({tags[int(rng.paretovariate(1.1) * 3) % len(tags)] for _ in range(rng.randint(2, 5))})
        paragraphs = [sentence(18, 60) + "." for _ in range(rng.randint(3, 12))]
        text = "---\ntitle: \"%s\"\ndate: %s+03:00\ntags: [%s]\nsource: \"%s\"\nauthor: \"%s\"\n---\n\n%s\n" % (
            title, when.strftime("%Y-%m-%dT%H:%M:%S"), ", ".join('"%s"' % t for t in article_tags),
            SOURCES[rng.randrange(len(SOURCES))], authors[int(rng.paretovariate(1.3) * 5) % len(authors)],
            "\n\n".join(paragraphs))
        folder = os.path.join(partial, when.strftime("%Y"), when.strftime("%m"))
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "article-%06d.md" % i), "w", encoding="utf-8") as f:
            f.write(text)
    os.rename(partial, dest)
    print("%d generated articles" % n)


def main(argv):
    if len(argv) == 4 and argv[0] == "replicate":
        replicate(argv[1], argv[2], int(argv[3]))
    elif len(argv) == 3 and argv[0] == "generate":
        generate(argv[1], int(argv[2]))
    elif len(argv) == 2 and argv[0] == "count":
        print(len(markdown_files(argv[1])))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
