#include "ingest/DateParsing.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace sextant::ingest {

using model::PartialDate;

int monthFromName(QStringView name)
{
    static const char *const names[] = {"january", "february", "march",     "april",   "may",      "june",
                                        "july",    "august",   "september", "october", "november", "december"};
    const QString lower = name.toString().toLower();
    if (lower.size() < 3)
        return 0;
    for (int i = 0; i < 12; ++i) {
        const QLatin1StringView full(names[i]);
        if (lower == full)
            return i + 1;
        // Abbreviations: "Apr", "Sept", "Sep." (the caller strips the dot)
        if (lower.size() <= 4 && full.startsWith(lower))
            return i + 1;
    }
    return 0;
}

namespace {

const QString kMonth = QStringLiteral(
    R"((Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?)");

struct Pattern {
    QRegularExpression re;
    enum Kind { Iso, MonthDayYear, DayMonthYear, MonthYear, Slash, Year } kind;
};

const std::vector<Pattern> &patterns()
{
    static const std::vector<Pattern> p = [] {
        const auto ci = QRegularExpression::CaseInsensitiveOption;
        std::vector<Pattern> v;
        v.push_back({QRegularExpression(QStringLiteral(R"(\b((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?![\d])(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)")),
                     Pattern::Iso});
        v.push_back({QRegularExpression(QStringLiteral(R"(\b)") + kMonth + QStringLiteral(R"(\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b)"), ci),
                     Pattern::MonthDayYear});
        v.push_back({QRegularExpression(QStringLiteral(R"(\b(\d{1,2})(?:st|nd|rd|th)?\s+)") + kMonth + QStringLiteral(R"(,?\s+((?:19|20)\d{2})\b)"), ci),
                     Pattern::DayMonthYear});
        v.push_back({QRegularExpression(QStringLiteral(R"(\b((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})\b)")), Pattern::Slash});
        v.push_back({QRegularExpression(QStringLiteral(R"(\b)") + kMonth + QStringLiteral(R"(,?\s+((?:19|20)\d{2})\b)"), ci),
                     Pattern::MonthYear});
        return v;
    }();
    return p;
}

DateMatch matchAt(const Pattern &p, QStringView text)
{
    const auto m = p.re.match(text);
    if (!m.hasMatch())
        return {};
    PartialDate d;
    switch (p.kind) {
    case Pattern::Iso:
    case Pattern::Slash:
        d = PartialDate::ymd(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        if (d.precision != PartialDate::Precision::Day)
            return {};
        break;
    case Pattern::MonthDayYear:
        d = PartialDate::ymd(m.captured(3).toInt(), monthFromName(m.capturedView(1)), m.captured(2).toInt());
        break;
    case Pattern::DayMonthYear:
        d = PartialDate::ymd(m.captured(3).toInt(), monthFromName(m.capturedView(2)), m.captured(1).toInt());
        break;
    case Pattern::MonthYear:
        d = PartialDate::ymd(m.captured(2).toInt(), monthFromName(m.capturedView(1)), 0);
        break;
    case Pattern::Year:
        break;
    }
    if (!d.isValid())
        return {};
    return {d, m.capturedStart(0), m.capturedEnd(0)};
}

} // namespace

DateMatch findDate(QStringView text)
{
    DateMatch best;
    for (const Pattern &p : patterns()) {
        DateMatch m = matchAt(p, text);
        // Earliest match wins; at the same start, the more precise one
        // (patterns are ordered from most to least precise).
        if (m.date.isValid() && (best.start < 0 || m.start < best.start))
            best = m;
    }
    return best;
}

PartialDate parseDate(QStringView text)
{
    text = text.trimmed();
    if (text.isEmpty() || text.size() > 64)
        return {};
    if (const PartialDate iso = PartialDate::fromIso(text); iso.isValid())
        return iso;
    static const QRegularExpression year(QStringLiteral(R"(^((?:1[89]|20)\d{2})$)"));
    if (const auto m = year.match(text); m.hasMatch())
        return PartialDate::ymd(m.captured(1).toInt(), 0, 0);
    const DateMatch m = findDate(text);
    if (!m.date.isValid())
        return {};
    // Only a date standing (nearly) alone counts: "Updated April 8, 2026" yes,
    // a sentence that happens to contain a date no.
    const qsizetype rest = text.size() - (m.end - m.start);
    return rest <= 24 ? m.date : PartialDate{};
}

PartialDate dateFromFileName(const QString &fileName)
{
    static const QRegularExpression re(QStringLiteral(R"((?:^|[^\d])((?:19|20)\d{2})[-_.](\d{2})[-_.](\d{2})(?:[^\d]|$))"));
    const auto m = re.match(QFileInfo(fileName).fileName());
    if (!m.hasMatch())
        return {};
    const PartialDate d = PartialDate::ymd(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    return d.precision == PartialDate::Precision::Day ? d : PartialDate{};
}

} // namespace sextant::ingest
