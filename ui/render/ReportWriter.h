#pragma once

// A report for a user's own writing: the timeline, charts with the tables
// behind them, where sources disagree, and a bibliography of what is cited.
// Markdown (figures as SVG files beside it), self-contained HTML (figures
// inline) or PDF. Everything from sources is escaped.

#include "library/Knowledge.h"
#include "report/Charts.h"
#include "report/Timeline.h"

#include <QString>
#include <vector>

namespace sextant::render {

struct ReportContent {
    QString title = QStringLiteral("Open and closed AI models: a Sextant report");
    std::vector<report::Chart> charts;
    std::optional<report::Timeline> timeline;
    bool conflicts = true;
};

/// Writes the report by the file's suffix (.md, .html, .pdf). Returns an error message or empty.
QString writeReport(const QString &path, const library::Knowledge &k, const ReportContent &content);

/// A figure as SVG text (for inline HTML).
QByteArray chartSvg(const report::Chart &chart, QSize size);
QByteArray timelineSvg(const report::Timeline &timeline, const QString &title, const QString &footnote, QSize size);

} // namespace sextant::render
