#pragma once

#include "model/PartialDate.h"

#include <QString>

namespace sextant::ingest {

/// Parses a date written on its own, as metadata holds them: ISO 8601
/// ("2026-04-13", "2025-04-29T04:00:00+08:00"), "April 8, 2026", "8 April 2026",
/// "Apr 2026", "2026/04/08", RFC 2822 ("Wed, 08 Apr 2026 10:00:00 GMT"), "2023".
/// Returns an invalid date when the text is not one date.
model::PartialDate parseDate(QStringView text);

/// The first date found inside a line of text, with where it was found;
/// used for datelines such as "2026-04-13 by AICC" or "Published April 8, 2026".
struct DateMatch {
    model::PartialDate date;
    qsizetype start = -1;
    qsizetype end = -1;
};
DateMatch findDate(QStringView text);

/// A date in a file name such as "2024-07-23-llama31.md" or "report_2025_01_30.html".
model::PartialDate dateFromFileName(const QString &fileName);

/// 1-12 for an English month name or abbreviation ("Sept", "april"), else 0.
int monthFromName(QStringView name);

} // namespace sextant::ingest
