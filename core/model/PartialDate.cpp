#include "model/PartialDate.h"

#include <QDate>

namespace sextant::model {

QString PartialDate::toIso() const
{
    switch (precision) {
    case Precision::None: return {};
    case Precision::Year: return QString::number(year).rightJustified(4, u'0');
    case Precision::Month:
        return QStringLiteral("%1-%2").arg(year, 4, 10, QChar(u'0')).arg(month, 2, 10, QChar(u'0'));
    case Precision::Day:
        return QStringLiteral("%1-%2-%3")
            .arg(year, 4, 10, QChar(u'0'))
            .arg(month, 2, 10, QChar(u'0'))
            .arg(day, 2, 10, QChar(u'0'));
    }
    return {};
}

QString PartialDate::sortKey() const
{
    if (!isValid())
        return {};
    return QStringLiteral("%1%2%3")
        .arg(year, 4, 10, QChar(u'0'))
        .arg(precision >= Precision::Month ? month : 0, 2, 10, QChar(u'0'))
        .arg(precision == Precision::Day ? day : 0, 2, 10, QChar(u'0'));
}

PartialDate PartialDate::ymd(int y, int m, int d)
{
    PartialDate out;
    if (y < 1 || y > 9999)
        return out;
    out.year = y;
    out.precision = Precision::Year;
    if (m >= 1 && m <= 12) {
        out.month = m;
        out.precision = Precision::Month;
        if (d >= 1 && QDate(y, m, d).isValid()) {
            out.day = d;
            out.precision = Precision::Day;
        }
    }
    return out;
}

PartialDate PartialDate::fromIso(QStringView text)
{
    text = text.trimmed();
    auto number = [&](qsizetype from, qsizetype len) -> int {
        if (text.size() < from + len)
            return -1;
        int v = 0;
        for (qsizetype i = from; i < from + len; ++i) {
            if (!text[i].isDigit())
                return -1;
            v = v * 10 + text[i].digitValue();
        }
        return v;
    };
    const int y = number(0, 4);
    if (y <= 0)
        return {};
    if (text.size() == 4 || (text.size() > 4 && text[4] != u'-'))
        return text.size() == 4 ? ymd(y, 0, 0) : PartialDate{};
    const int m = number(5, 2);
    if (m < 1 || m > 12)
        return {};
    if (text.size() == 7)
        return ymd(y, m, 0);
    if (text.size() < 10 || text[7] != u'-')
        return {};
    const int d = number(8, 2);
    if (d < 1)
        return {};
    // A timestamp may follow the date ("2025-04-29T04:00:00+08:00"); the
    // calendar date as written is what the publisher meant.
    if (text.size() > 10 && text[10] != u'T' && text[10] != u' ' && text[10] != u't')
        return {};
    PartialDate out = ymd(y, m, d);
    return out.precision == Precision::Day ? out : PartialDate{};
}

} // namespace sextant::model
