#!/usr/bin/env python3
"""Tag quality of an imported archive (issue 16), from the front matter alone.

  tags_quality.py ARCHIVE_FOLDER [--examples N]

Reads `tags` (editor tags, or automatic tags as the importer wrote them so far) and `auto_tags` (where
automatic tags go next) of every Markdown article; tags are told apart by the generator's fold (hamza and
harakat as the identity key has them). Prints the number of tags and articles and:
- tags used by exactly one article (want <= 35%);
- tags that are a clitic form of another tag: one of و ف ب ل ك ال وال بال لل فال كال in front of another
  existing tag, after folding; "لل" also counts in front of a tag's rest after "ال" (للهلال · الهلال) (want <= 1%);
- articles holding two overlapping pieces of one name: two tags of one article where the last word(s) of
  one are the first word(s) of the other and each has a word the other lacks ("الملك سلمان بن" ·
  "سلمان بن عبدالعزيز") (want <= 2%); a tag that is the start or the end of another tag of the same
  article ("سلمان" · "سلمان بن عبدالعزيز") is counted apart;
- tags ending in بن, آل, عبد, أبو (and ابن, بنت, ذو) or a function word (want 0);
- tags holding Latin http, www, org or com.
"""
import argparse
import collections
import re
import sys

from quality_common import fold, read_archive

PREFIXES = ["و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "لل", "فال", "كال"]

# Name pieces that cannot end a name.
NAME_LINKS = ["بن", "ابن", "بنت", "آل", "عبد", "أبو", "أبي", "أبا", "ذو", "ذي"]

# Arabic function words: prepositions, conjunctions, particles, pronouns, demonstratives, relatives,
# interrogatives, kāna and inna and their sisters, and quantifiers and adverbs that name no topic, with
# the forms in which و ف ب ل attach to them most often. Written here for this benchmark (folded before use);
# words that are also names or nouns (خلف, فهم, نفس, عين, يوم) are left out.
FUNCTION_WORDS = """
في من إلى الى على عن مع حتى منذ مذ لدى لدي عند عبر نحو حول دون سوى بين خلال ضمن تحت فوق أمام وراء قبل بعد
عدا خلا حاشا لكن لكنّ بل أو أم ثم إما أما إلا الا كي لكي لأن لان حيث إذ إذا اذا إذن لو لولا لوما كلما بينما عندما
حينما ريثما طالما كأن كأنما إنما انما أن إن ان لا لم لن ما ليس ليست ليسوا قد لقد سوف هل أ ألا أما يا أي أية أيها
هو هي هم هن هما أنا نحن أنت انت أنتم أنتما أنتن إياه إياها إياهم إياي
هذا هذه هذان هاتان هؤلاء ذلك تلك ذاك أولئك اولئك هنا هناك هنالك ثمة ثم
الذي التي الذين اللذان اللتان اللذين اللتين اللاتي اللواتي اللائي من ما
كيف متى أين اين أنى كم لماذا ماذا مهما أينما حيثما كيفما
كان كانت كانوا يكون تكون يكونوا أصبح أصبحت أضحى أمسى ظل ظلت بات صار صارت مازال ما زال لايزال لا يزال ليس
إن أن كأن لكن ليت لعل عسى
كل كلا كلتا بعض جميع غير أي أحد إحدى ذات معظم أغلب أكثر أقل مثل شبه
أيضا أيضاً فقط جدا جداً تقريبا حاليا حالياً دائما دائماً أبدا أبداً قط فضلا فضلاً علاوة إضافة بالإضافة كذلك هكذا
الآن أمس غدا غداً حين حينئذ عندئذ آنذاك أثناء
له لها لهم لهما لنا لي لك لكم به بها بهم بهما بنا بي بك منه منها منهم منا مني عنه عنها عنهم عنا
فيه فيها فيهم فينا إليه إليها إليهم إلينا عليه عليها عليهم علينا لديه لديها لديهم لدينا عنده عندها عندهم
معه معها معهم معنا بينه بينها بينهم بيننا
وفي ومن وإلى والى وعلى وعن ومع وهو وهي وهم وهذا وهذه وذلك وتلك والذي والتي والذين وكان وكانت وقد ولا ولم
ولن وما وأن وإن وأنه وإنه وأنها وإنها وكل وبين وبعد وقبل وحتى وهناك وهنا وأيضا وكذلك فقد فإن فإنه فلا فلم فما
فهو فهي بأن بأنه بأنها لأنه لأنها كما كذا بما مما ممن عما فيما لما إنه أنه إنها أنها إنهم أنهم
يتم تم تمت يجب ينبغي يمكن
""".split()

FUNCTION_FOLDED = {fold(w) for w in FUNCTION_WORDS}
NAME_LINKS_FOLDED = {fold(w) for w in NAME_LINKS}
LATIN_WEB = re.compile(r"(?i)https?|www|(?<![a-z])(org|com)(?![a-z])")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("archive")
    parser.add_argument("--examples", type=int, default=8, help="examples shown for each kind (default 8)")
    args = parser.parse_args()
    ex = args.examples

    articles = [a for a in read_archive(args.archive) if not a.draft]
    spellings = collections.defaultdict(collections.Counter)  # key -> spelling -> uses
    users = collections.defaultdict(set)                      # key -> article indexes
    tags_of = []
    editor = auto = with_auto_key = 0
    for i, article in enumerate(articles):
        keys = []
        if article.auto_tags:
            with_auto_key += 1
        for tag in article.tags + article.auto_tags:
            key = fold(tag)
            if not key:
                continue
            spellings[key][tag] += 1
            users[key].add(i)
            if key not in keys:
                keys.append(key)
        editor += len(article.tags)
        auto += len(article.auto_tags)
        tags_of.append(keys)

    def shown(key):
        return spellings[key].most_common(1)[0][0]

    def examples(keys):
        keys = sorted(keys, key=lambda k: (-len(users[k]), k))
        return " · ".join(shown(k) for k in keys[:ex])

    n_tags, n_articles = len(users), len(articles)
    tagged = sum(1 for keys in tags_of if keys)
    print("tag quality: %s" % args.archive)
    print("  %d articles (%d with tags; %d with an auto_tags key); %d tag uses (%d under tags, %d under auto_tags); %d tags"
          % (n_articles, tagged, with_auto_key, editor + auto, editor, auto, n_tags))
    if not n_tags:
        print("  no tags")
        return 0

    def report(label, count, total, want, ok, sample=""):
        value = "%.2f%%  (%d of %d)" % (100.0 * count / total if total else 0.0, count, total)
        print("  %-58s %s   (want %s: %s)" % (label, value, want, "ok" if ok else "NOT MET"))
        if sample:
            print("      e.g. " + sample)

    once = [k for k in users if len(users[k]) == 1]
    report("tags used by exactly one article", len(once), n_tags, "<= 35%", len(once) <= 0.35 * n_tags,
           " · ".join(shown(k) for k in sorted(once)[:ex]))

    clitic = {}
    for key in users:
        for prefix in PREFIXES:
            if not key.startswith(prefix):
                continue
            rest = key[len(prefix):]
            if len(rest.replace(" ", "")) < 2:
                continue
            if rest in users and rest != key:
                clitic[key] = rest
                break
            if prefix == "لل" and "ال" + rest in users:
                clitic[key] = "ال" + rest
                break
    report("tags that are a clitic form of another tag", len(clitic), n_tags, "<= 1%", len(clitic) <= 0.01 * n_tags,
           " · ".join("%s (%s)" % (shown(k), shown(clitic[k])) for k in sorted(clitic, key=lambda k: (-len(users[k]), k))[:ex]))

    overlapping, nested = [], []
    for i, keys in enumerate(tags_of):
        split = [(k, k.split(" ")) for k in keys]
        pair = nest = None
        for a, wa in split:
            for b, wb in split:
                if a == b:
                    continue
                for k in range(1, min(len(wa), len(wb)) + 1):
                    if wa[-k:] != wb[:k]:
                        continue
                    if k < len(wa) and k < len(wb):
                        pair = pair or (a, b)
                    else:
                        nest = nest or (a, b)
        if pair:
            overlapping.append(pair)
        if nest:
            nested.append(nest)
    report("articles holding two overlapping pieces of one name", len(overlapping), n_articles, "<= 2%",
           len(overlapping) <= 0.02 * n_articles, " · ".join("%s + %s" % (shown(a), shown(b)) for a, b in overlapping[:ex]))
    print("  %-58s %.2f%%  (%d of %d)" % ("articles with a tag that starts or ends another of its tags",
                                            100.0 * len(nested) / n_articles, len(nested), n_articles))
    if nested:
        print("      e.g. " + " · ".join("%s + %s" % (shown(a), shown(b)) for a, b in nested[:ex]))

    bad_end = [k for k in users if k.split(" ")[-1] in NAME_LINKS_FOLDED or k.split(" ")[-1] in FUNCTION_FOLDED]
    report("tags ending in بن/آل/عبد/أبو or a function word", len(bad_end), n_tags, "0", not bad_end, examples(bad_end))
    bad_start = [k for k in users if k.split(" ")[0] in FUNCTION_FOLDED]
    print("  %-58s %.2f%%  (%d of %d)" % ("tags starting with a function word (for the record)",
                                            100.0 * len(bad_start) / n_tags, len(bad_start), n_tags))
    if bad_start:
        print("      e.g. " + examples(bad_start))
    web = [k for k in users if LATIN_WEB.search(k)]
    report("tags holding Latin http/www/org/com", len(web), n_tags, "0", not web, examples(web))

    top = sorted(users, key=lambda k: (-len(users[k]), k))[:15]
    print("  most used: " + " · ".join("%s %d" % (shown(k), len(users[k])) for k in top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
