#include "ingest/TextHeuristics.h"

#include <QRegularExpression>

namespace sextant::ingest {

bool isFurniture(QStringView line)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^(top of page|skip to (main )?content|menu|home|search|sign in|log in|subscribe|advertisement|featured( news)?|breaking( news)?|share|\W*\d+\s*min(ute)?s? read)$)"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(line.trimmed()).hasMatch();
}

bool isHeadline(QStringView line)
{
    const QStringView t = line.trimmed();
    if (t.isEmpty())
        return false;
    const qsizetype words = t.split(u' ', Qt::SkipEmptyParts).size();
    return words >= 4 && t.size() <= 200 && !isFurniture(t) && (t.front().isUpper() || t.front().isDigit())
           && !t.endsWith(u'.') && !t.endsWith(u',');
}

} // namespace sextant::ingest
