#include "extract/DateFinder.h"

#include <QDate>
#include <QHash>
#include "common/Regex.h"

#include <QRegularExpression>
#include <array>
#include <cstring>

namespace sextant::extract {

using model::PartialDate;

namespace {

int monthNumber(QStringView name)
{
    static const char *const names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
    if (name.size() < 3)
        return 0;
    const QString lower = name.left(3).toString().toLower();
    for (int i = 0; i < 12; ++i)
        if (lower == QLatin1StringView(names[i]))
            return i + 1;
    return 0;
}

int numberWord(QStringView w)
{
    static const char *const words[] = {"zero", "one", "two",   "three", "four",   "five",  "six",
                                        "seven", "eight", "nine", "ten", "eleven", "twelve"};
    const QString lower = w.toString().toLower();
    if (lower == u"a" || lower == u"an")
        return 1;
    for (int i = 0; i < 13; ++i)
        if (lower == QLatin1StringView(words[i]))
            return i;
    bool ok = false;
    const int n = lower.toInt(&ok);
    return ok ? n : -1;
}

char unitOf(QStringView w)
{
    const QChar c = w.isEmpty() ? QChar() : w[0].toLower();
    return c == u'd' ? 'd' : c == u'w' ? 'w' : c == u'm' ? 'm' : 'y';
}

const QString kMonth = QStringLiteral(
    R"((?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?)");
const QString kNum = QStringLiteral(R"((?i:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))");
const QString kDash = QStringLiteral(u"[-\u2013\u2014]");

const rx::Regex &pattern()
{
    // Anchored by \G at the offset a match starts from, not by the anchored match option: PCRE2's
    // JIT cannot take that option at match time and falls back to its interpreter, ten times slower.
    static const rx::Regex re(
        QStringLiteral(
            // iso: 2026-04-13
            R"(\G(?:(?<iso>\b(?<iy>(?:19|20)\d\d)-(?<im>[01]\d)-(?<id>[0-3]\d)\b))"
            // April 8, 2026 / April 6-7, 2026 / April 8
            R"(|(?<mdy>\b(?<mm>%1)\s+(?<md>[0-3]?\d)(?:%2(?<md2>[0-3]?\d))?(?:st|nd|rd|th)?\b(?:,?\s+(?<my>(?:19|20)\d\d)\b)?))"
            // 8 April 2026
            R"(|(?<dmy>\b(?<dd>[0-3]?\d)\s+(?<dm>%1)\s+(?<dy>(?:19|20)\d\d)\b))"
            // June 2025
            R"(|(?<my2>\b(?<m2>%1)\s+(?<y2>(?:19|20)\d\d)\b))"
            // in July (the year is the document's): a month named alone after in, since, by, until, during
            R"(|(?<mo1>(?<=\bin\s|\bIn\s|\bsince\s|\bSince\s|\bby\s|\bBy\s|\buntil\s|\bUntil\s|\bduring\s|\bDuring\s)(?<mo>January|February|March|April|May|June|July|August|September|October|November|December)\b(?![\s,]*(?:\d|of\b))))"
            // summer 2025, early 2026, Q1 2026, the first half of 2025
            R"(|(?<part>\b(?<pw>[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter|[Ee]arly|[Ll]ate|[Mm]id|[Mm]id-|Q[1-4]|H[12]|(?:[Tt]he\s+)?(?:first|second)\s+half\s+of|(?:[Tt]he\s+)?(?:end|beginning|start)\s+of)\s*(?<py>(?:19|20)\d\d)\b))"
            // in 2023, since 2024, (2023)
            R"(|(?<year>(?:\b(?:[Ii]n|[Ss]ince|[Bb]y|[Ff]rom|[Dd]uring|[Uu]ntil|[Tt]hrough|[Oo]f|[Tt]o|and|[Yy]ear)\s+|\()(?<yy>(?:19|20)\d\d)\b(?![-\x{2013}/.]\d|\s*%|,\d)))"
            // the day before, the next day, the following week
            R"(|(?<rel1>\b(?:[Tt]he\s+)(?:(?<r1u>day|week|month|year)\s+(?<r1d>before|after|earlier|later|prior)|(?:next|following)\s+(?<r1n>day|week|month|year)|previous\s+(?<r1p>day|week|month|year))\b))"
            // two days before (the launch), nine months later, twelve months ago
            R"(|(?<rel2>\b(?<r2n>%3)\s+(?<r2u>days?|weeks?|months?|years?)\s+(?<r2d>before|after|earlier|later|prior\s+to|ago)\b(?<r2a>\s+(?:the\s+)?[^,.;:]{0,60})?))"
            // last year, this year, next month
            R"(|(?<rel3>\b(?<r3w>[Ll]ast|[Tt]his|[Nn]ext)\s+(?<r3u>year|month|week)\b))"
            R"(|(?<rel4>\b(?<r4w>[Yy]esterday|[Tt]oday|[Tt]omorrow)\b))"
            // on Tuesday (not "on Tuesday, April 7": that date is read as it is written)
            R"(|(?<rel5>\b[Oo]n\s+(?<r5w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!,?\s+(?:%1|[0-3]?\d\b)))))")
            .arg(kMonth, kDash, kNum));
    return re;
}

/// The number of a named group of pattern(), looked up once: a lookup by name per match costs more
/// than the match.
int groupIndex(const char *name)
{
    static const QHash<QByteArray, int> indices = [] {
        QHash<QByteArray, int> out;
        const QStringList names = pattern().namedCaptureGroups();
        for (int i = 0; i < names.size(); ++i)
            if (!names[i].isEmpty())
                out.insert(names[i].toLatin1(), i);
        return out;
    }();
    return indices.value(QByteArray::fromRawData(name, qsizetype(std::strlen(name))), -1);
}

PartialDate withMonthEnd(int y, int m) { return PartialDate::ymd(y, m, 0); }

enum WordKind : unsigned short {
    NotDateWord = 0,
    Month = 1,      // april, apr
    Unit = 2,       // day, weeks
    Starts = 4,     // summer, early, q1, yesterday, first, end: a date may start here
    BeforeYear = 8, // in, since, of: before a year
    The = 16,
    Count = 32,     // a, one, twelve: before a unit
    Relative = 64,  // last, this, next: before year, month, week
    TheNext = 128,  // day, week, month, year, next, following, previous, first, second, end, beginning, start
    Deictic = 256,  // yesterday, today, tomorrow: a date with no digit in it
    On = 512,       // on: before a weekday
    Weekday = 1024, // monday ... sunday
};

/// The kinds of a date word (lowered ASCII, at most 11 letters), looked up by length and first letter.
unsigned short wordKind(const char *w, qsizetype n)
{
    struct Entry {
        const char *word;
        unsigned short kind;
    };
    static const Entry entries[] = {
        {"jan", Month}, {"january", Month}, {"feb", Month}, {"february", Month}, {"mar", Month}, {"march", Month},
        {"apr", Month}, {"april", Month}, {"may", Month}, {"jun", Month}, {"june", Month}, {"jul", Month},
        {"july", Month}, {"aug", Month}, {"august", Month}, {"sep", Month}, {"sept", Month}, {"september", Month},
        {"oct", Month}, {"october", Month}, {"nov", Month}, {"november", Month}, {"dec", Month}, {"december", Month},
        {"day", Unit | TheNext}, {"days", Unit}, {"week", Unit | TheNext}, {"weeks", Unit}, {"month", Unit | TheNext},
        {"months", Unit}, {"year", Unit | TheNext | BeforeYear}, {"years", Unit},
        {"spring", Starts}, {"summer", Starts}, {"fall", Starts}, {"autumn", Starts}, {"winter", Starts},
        {"early", Starts}, {"late", Starts}, {"mid", Starts}, {"q1", Starts}, {"q2", Starts}, {"q3", Starts},
        {"q4", Starts}, {"h1", Starts}, {"h2", Starts}, {"yesterday", Starts | Deictic}, {"today", Starts | Deictic},
        {"tomorrow", Starts | Deictic}, {"first", Starts | TheNext}, {"second", Starts | TheNext}, {"end", Starts | TheNext},
        {"beginning", Starts | TheNext}, {"start", Starts | TheNext}, {"next", Relative | TheNext},
        {"following", TheNext}, {"previous", TheNext}, {"in", BeforeYear}, {"since", BeforeYear},
        {"by", BeforeYear}, {"from", BeforeYear}, {"during", BeforeYear}, {"until", BeforeYear},
        {"through", BeforeYear}, {"of", BeforeYear}, {"to", BeforeYear}, {"and", BeforeYear}, {"the", The},
        {"a", Count}, {"an", Count}, {"one", Count}, {"two", Count}, {"three", Count}, {"four", Count},
        {"five", Count}, {"six", Count}, {"seven", Count}, {"eight", Count}, {"nine", Count}, {"ten", Count},
        {"eleven", Count}, {"twelve", Count}, {"last", Relative}, {"this", Relative}, {"on", On},
        {"monday", Weekday}, {"tuesday", Weekday}, {"wednesday", Weekday}, {"thursday", Weekday},
        {"friday", Weekday}, {"saturday", Weekday}, {"sunday", Weekday},
    };
    // Buckets by length and first letter: one comparison for most words, none for most others.
    auto slot = [](char c) { return c >= 'a' && c <= 'z' ? int(c - 'a') : c >= '0' && c <= '9' ? 26 + int(c - '0') : -1; };
    static const auto buckets = [&] {
        std::array<std::array<std::vector<const Entry *>, 36>, 12> b; // [length][a-z, 0-9]
        for (const Entry &e : entries)
            b[std::strlen(e.word)][size_t(slot(e.word[0]))].push_back(&e);
        return b;
    }();
    const int first = n > 0 ? slot(w[0]) : -1;
    if (n >= 12 || first < 0)
        return NotDateWord;
    for (const Entry *e : buckets[size_t(n)][size_t(first)])
        if (std::memcmp(e->word, w, size_t(n)) == 0)
            return e->kind;
    return NotDateWord;
}

bool isYear(QStringView w)
{
    return w.size() == 4 && w[0].isDigit() && w[1].isDigit() && w[2].isDigit() && w[3].isDigit()
           && ((w[0] == u'1' && w[1] == u'9') || (w[0] == u'2' && w[1] == u'0'));
}

/// Where the date pattern may match: every alternative starts at a word (or the bracket before a
/// year) of these kinds, and the common words only count before the word they need. A superset of
/// the pattern's starts, so that the pattern runs anchored at a few places instead of at every one.
/// In a text with no digit only the relative forms ("the day before", "two weeks later", "last
/// year", "today") and a month named alone ("in July") can match.
std::vector<qsizetype> candidateStarts(QStringView text, bool hasDigit)
{
    struct Word {
        qsizetype start = 0, end = 0;
        unsigned short kind = NotDateWord;
        bool digits = false;
    };
    auto nextWord = [&](qsizetype &i, Word &w) {
        while (i < text.size() && !text[i].isLetterOrNumber())
            ++i;
        if (i >= text.size())
            return false;
        w.start = i;
        char lowered[12];
        bool ascii = true, digits = true;
        while (i < text.size() && text[i].isLetterOrNumber()) {
            const char16_t u = text[i].unicode();
            const qsizetype k = i - w.start;
            if (u >= 128)
                ascii = false;
            else if (k < 12)
                lowered[k] = char(u >= 'A' && u <= 'Z' ? u + 32 : u);
            digits = digits && u >= '0' && u <= '9';
            ++i;
        }
        w.end = i;
        w.digits = digits;
        w.kind = ascii && !digits && w.end - w.start < 12 ? wordKind(lowered, w.end - w.start) : static_cast<unsigned short>(NotDateWord);
        return true;
    };
    std::vector<qsizetype> out;
    qsizetype i = 0;
    Word w, n;
    bool haveNext = nextWord(i, n);
    while (haveNext) {
        w = n;
        haveNext = nextWord(i, n);
        if (!haveNext)
            n = Word{};
        const QStringView word = text.mid(w.start, w.end - w.start);
        const QStringView next = haveNext ? text.mid(n.start, n.end - n.start) : QStringView();
        bool start = false;
        if (w.digits) {
            if (isYear(word)) {
                start = true;
                if (w.start > 0 && text[w.start - 1] == u'(')
                    out.push_back(w.start - 1); // "(2023)"
            } else if (word.size() <= 2) {
                start = (n.kind & (Month | Unit)) != 0;
            }
        } else if (w.kind != NotDateWord) {
            start = (w.kind & (hasDigit ? Month | Starts : Deictic | Month)) != 0 || ((w.kind & BeforeYear) && isYear(next))
                    || ((w.kind & The) && (n.kind & TheNext)) || ((w.kind & Count) && (n.kind & Unit))
                    || ((w.kind & Relative) && (n.kind & (Unit | TheNext)) && next.size() <= 5)
                    || ((w.kind & On) && (n.kind & Weekday));
        }
        if (start)
            out.push_back(w.start);
    }
    return out;
}

} // namespace

std::vector<DateMention> findDates(QStringView text, int defaultYear, bool *yearMissing)
{
    std::vector<DateMention> out;
    bool hasDigit = false;
    for (const QChar c : text)
        if (c.isDigit()) {
            hasDigit = true;
            break;
        }
    const QString haystack = QString::fromRawData(text.data(), text.size());
    qsizetype consumed = 0;
    for (const qsizetype start : candidateStarts(text, hasDigit)) {
        if (start < consumed)
            continue;
        const rx::Match m =
            rx::match(pattern(), haystack, start);
        if (!m.hasMatch())
            continue;
        consumed = m.capturedEnd(0);
        DateMention d;
        d.range = {m.capturedStart(0), m.capturedEnd(0)};
        auto cap = [&](const char *name) { return m.capturedView(groupIndex(name)); };
        auto has = [&](const char *name) { return m.capturedStart(groupIndex(name)) >= 0; };
        if (has("iso")) {
            d.date = PartialDate::ymd(cap("iy").toInt(), cap("im").toInt(), cap("id").toInt());
        } else if (has("mdy")) {
            int year = has("my") ? cap("my").toInt() : defaultYear;
            d.yearInferred = !has("my");
            if (year <= 0) {
                if (yearMissing)
                    *yearMissing = true;
                continue;
            }
            const int month = monthNumber(cap("mm"));
            d.date = PartialDate::ymd(year, month, cap("md").toInt());
            if (has("md2"))
                d.end = PartialDate::ymd(year, month, cap("md2").toInt());
            if (d.date.precision != PartialDate::Precision::Day)
                continue; // "May 45"
        } else if (has("dmy")) {
            d.date = PartialDate::ymd(cap("dy").toInt(), monthNumber(cap("dm")), cap("dd").toInt());
        } else if (has("my2")) {
            d.date = withMonthEnd(cap("y2").toInt(), monthNumber(cap("m2")));
        } else if (has("mo1")) {
            if (defaultYear <= 0) {
                if (yearMissing)
                    *yearMissing = true;
                continue;
            }
            d.date = withMonthEnd(defaultYear, monthNumber(cap("mo")));
            d.yearInferred = true;
        } else if (has("part")) {
            const int y = cap("py").toInt();
            const QString w = cap("pw").toString().toLower().simplified();
            int from = 1, to = 12;
            if (w == u"spring") { from = 3; to = 5; }
            else if (w == u"summer") { from = 6; to = 8; }
            else if (w == u"fall" || w == u"autumn") { from = 9; to = 11; }
            else if (w == u"winter") { from = 1; to = 2; }
            else if (w == u"early" || w.contains(u"beginning") || w.contains(u"start")) { from = 1; to = 4; }
            else if (w == u"late" || w.contains(u"end of")) { from = 9; to = 12; }
            else if (w.startsWith(u"mid")) { from = 5; to = 8; }
            else if (w.startsWith(u'q')) { from = (w[1].digitValue() - 1) * 3 + 1; to = from + 2; }
            else if (w == u"h1" || w.contains(u"first half")) { from = 1; to = 6; }
            else if (w == u"h2" || w.contains(u"second half")) { from = 7; to = 12; }
            d.date = withMonthEnd(y, from);
            d.end = withMonthEnd(y, to);
            d.range.start = m.capturedStart(groupIndex("pw"));
        } else if (has("year")) {
            d.date = PartialDate::ymd(cap("yy").toInt(), 0, 0);
            d.range = {m.capturedStart(groupIndex("yy")), m.capturedEnd(groupIndex("yy"))};
        } else if (has("rel1")) {
            d.relative = true;
            d.amount = 1;
            if (has("r1u")) {
                d.unit = unitOf(cap("r1u"));
                const QStringView dir = cap("r1d");
                d.direction = (dir == u"before" || dir == u"earlier" || dir == u"prior") ? -1 : 1;
            } else if (has("r1n")) {
                d.unit = unitOf(cap("r1n"));
                d.direction = 1;
            } else {
                d.unit = unitOf(cap("r1p"));
                d.direction = -1;
            }
        } else if (has("rel2")) {
            d.relative = true;
            d.amount = numberWord(cap("r2n"));
            if (d.amount < 0)
                continue;
            d.unit = unitOf(cap("r2u"));
            const QStringView dir = cap("r2d");
            d.direction = (dir == u"later" || dir == u"after") ? 1 : -1;
            d.fromDocumentDate = dir == u"ago";
            if (has("r2a") && (dir == u"before" || dir == u"after" || dir.startsWith(u"prior")))
                d.anchorText = cap("r2a").toString().trimmed();
            d.range.end = m.capturedEnd(groupIndex("r2d"));
        } else if (has("rel3")) {
            d.relative = true;
            d.fromDocumentDate = true;
            d.unit = unitOf(cap("r3u"));
            const QString w = cap("r3w").toString().toLower();
            d.amount = w == u"this" ? 0 : 1;
            d.direction = w == u"next" ? 1 : -1;
        } else if (has("rel4")) {
            d.relative = true;
            d.fromDocumentDate = true;
            d.unit = 'd';
            const QString w = cap("r4w").toString().toLower();
            d.amount = w == u"today" ? 0 : 1;
            d.direction = w == u"tomorrow" ? 1 : -1;
        } else if (has("rel5")) {
            // "Google on Tuesday released ...": the last such day up to the document's date.
            static const QStringList days{QStringLiteral("Monday"), QStringLiteral("Tuesday"), QStringLiteral("Wednesday"),
                                          QStringLiteral("Thursday"), QStringLiteral("Friday"), QStringLiteral("Saturday"),
                                          QStringLiteral("Sunday")};
            d.relative = true;
            d.fromDocumentDate = true;
            d.unit = 'W';
            d.amount = int(days.indexOf(cap("r5w"))) + 1;
            d.direction = -1;
            d.range.start = m.capturedStart(groupIndex("r5w"));
        }
        if (!d.relative && !d.date.isValid())
            continue;
        out.push_back(std::move(d));
    }
    return out;
}

PartialDate shiftDate(const PartialDate &anchor, const DateMention &rel)
{
    if (!anchor.isValid())
        return {};
    using P = PartialDate::Precision;
    const int n = rel.amount * rel.direction;
    if (rel.unit == 'W') { // a weekday (amount 1 = Monday), the last one up to the anchor's day
        if (anchor.precision != PartialDate::Precision::Day)
            return {};
        const QDate base(anchor.year, anchor.month, anchor.day);
        const QDate d = base.addDays(-((base.dayOfWeek() - rel.amount + 7) % 7));
        return PartialDate::ymd(d.year(), d.month(), d.day());
    }
    if (rel.unit == 'y')
        return PartialDate::ymd(anchor.year + n, 0, 0);
    if (anchor.precision == P::Year)
        return PartialDate::ymd(anchor.year, 0, 0);
    const QDate base(anchor.year, anchor.month, anchor.precision == P::Day ? anchor.day : 1);
    if (rel.unit == 'm') {
        const QDate d = base.addMonths(n);
        return PartialDate::ymd(d.year(), d.month(), 0);
    }
    if (anchor.precision != P::Day)
        return PartialDate::ymd(anchor.year, anchor.month, 0);
    const QDate d = base.addDays(rel.unit == 'w' ? 7 * n : n);
    return PartialDate::ymd(d.year(), d.month(), d.day());
}

} // namespace sextant::extract
