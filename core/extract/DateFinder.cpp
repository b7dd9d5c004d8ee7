#include "extract/DateFinder.h"

#include <QDate>
#include <QRegularExpression>

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

const QRegularExpression &pattern()
{
    static const QRegularExpression re(
        QStringLiteral(
            // iso: 2026-04-13
            R"((?<iso>\b(?<iy>(?:19|20)\d\d)-(?<im>[01]\d)-(?<id>[0-3]\d)\b))"
            // April 8, 2026 / April 6-7, 2026 / April 8
            R"(|(?<mdy>\b(?<mm>%1)\s+(?<md>[0-3]?\d)(?:%2(?<md2>[0-3]?\d))?(?:st|nd|rd|th)?\b(?:,?\s+(?<my>(?:19|20)\d\d)\b)?))"
            // 8 April 2026
            R"(|(?<dmy>\b(?<dd>[0-3]?\d)\s+(?<dm>%1)\s+(?<dy>(?:19|20)\d\d)\b))"
            // June 2025
            R"(|(?<my2>\b(?<m2>%1)\s+(?<y2>(?:19|20)\d\d)\b))"
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
            R"(|(?<rel4>\b(?<r4w>[Yy]esterday|[Tt]oday|[Tt]omorrow)\b))")
            .arg(kMonth, kDash, kNum));
    return re;
}

PartialDate withMonthEnd(int y, int m) { return PartialDate::ymd(y, m, 0); }

} // namespace

std::vector<DateMention> findDates(QStringView text, int defaultYear)
{
    std::vector<DateMention> out;
    // Cheap screen: every pattern needs a digit or one of a few words.
    bool maybe = false;
    for (const QChar c : text)
        if (c.isDigit()) {
            maybe = true;
            break;
        }
    if (!maybe) {
        static const QRegularExpression words(QStringLiteral(
            R"(\b(?:before|after|earlier|later|ago|next|following|previous|last|this|[Yy]esterday|[Tt]oday|[Tt]omorrow)\b)"));
        if (!words.match(text).hasMatch())
            return out;
    }
    auto it = pattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        DateMention d;
        d.range = {m.capturedStart(0), m.capturedEnd(0)};
        auto cap = [&](const char *name) { return m.capturedView(QString::fromLatin1(name)); };
        auto has = [&](const char *name) { return m.capturedStart(QString::fromLatin1(name)) >= 0; };
        if (has("iso")) {
            d.date = PartialDate::ymd(cap("iy").toInt(), cap("im").toInt(), cap("id").toInt());
        } else if (has("mdy")) {
            int year = has("my") ? cap("my").toInt() : defaultYear;
            d.yearInferred = !has("my");
            if (year <= 0)
                continue;
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
            d.range.start = m.capturedStart(QStringLiteral("pw"));
        } else if (has("year")) {
            d.date = PartialDate::ymd(cap("yy").toInt(), 0, 0);
            d.range = {m.capturedStart(QStringLiteral("yy")), m.capturedEnd(QStringLiteral("yy"))};
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
            d.range.end = m.capturedEnd(QStringLiteral("r2d"));
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
