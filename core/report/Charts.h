#pragma once

// What a comparison chart shows, computed from the library's knowledge: which
// models, which values, where sources disagree, which settings were left out.
// Painting is the window's and the exporters' business (ui/render).

#include "common/Error.h"
#include "library/Knowledge.h"
#include "model/PartialDate.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace sextant::report {

enum class ChartKind { Bars, Scatter, Gap };
QString chartKindName(ChartKind kind);
std::optional<ChartKind> chartKindFromName(const QString &name);

/// What the user asks for; saved in the library as a chart definition.
struct ChartRequest {
    ChartKind kind = ChartKind::Bars;
    QStringList benchmarks; ///< names, aliases or keys; one for scatter and gap
    QStringList models;     ///< empty: every model with a score on the benchmarks
    QString setting;        ///< empty: the setting most models were scored in; "*": all, labelled
    QString xAxis = QStringLiteral("params"); ///< scatter: "params" or "released"
    QString title, footnote; ///< empty: Sextant writes them
    int limit = 20;          ///< bars: at most this many models, the best first

    [[nodiscard]] QString toJson() const;
    static Result<ChartRequest> fromJson(const QString &json);
};

/// One value of one model on one benchmark. When sources disagree the bar is a
/// range (low..high) and says so; value is then the middle of the range.
struct Bar {
    QString model, modelKey, benchmark, benchmarkKey, setting;
    QString openness; ///< open, closed or unknown
    double value = 0, low = 0, high = 0;
    bool conflict = false;
    QString unit;
    std::vector<qint64> sources;
};

struct Point {
    QString model, modelKey, openness;
    double x = 0, y = 0;
    model::PartialDate date; ///< the x value when the axis is the release date
};

/// The best open and best closed score known at each release date.
struct GapStep {
    model::PartialDate date;
    double x = 0; ///< the date as a fractional year
    QString model;
    double value = 0;
};

struct Chart {
    ChartKind kind = ChartKind::Bars;
    QString title, xLabel, yLabel, unit, footnote;
    QStringList benchmarks; ///< display names, in the order asked
    std::vector<Bar> bars;  ///< bars: grouped by model, models sorted by their first benchmark's value
    std::vector<Point> points;
    std::vector<GapStep> bestOpen, bestClosed;
    QStringList notes; ///< what was left out or mixed, said plainly
    std::vector<qint64> sources;
};

/// Draws nothing; says what a chart shows. Errors name a benchmark or model not known.
Result<Chart> buildChart(const library::Knowledge &k, const ChartRequest &request);
/// The benchmarks with scores and how many models each has, the most scored first.
std::vector<std::pair<QString, int>> scoredBenchmarks(const library::Knowledge &k);
/// The models with a score on a benchmark, the best first.
QStringList suggestModels(const library::Knowledge &k, const QString &benchmark, int limit = 12);

/// The data behind a chart, one row per value, with its sources.
QString chartCsv(const Chart &chart, const library::Knowledge &k);
QString chartMarkdown(const Chart &chart, const library::Knowledge &k);

/// One CSV field: quoted when it must be; a leading = + @ kept as text, never a spreadsheet formula.
QString csvField(const QString &text);
/// A date as a fractional year, at the middle of its precision (2024 -> 2024.5).
double fractionalYear(const model::PartialDate &date);
/// "Publisher, 2026-04-08; Other, 2026-04-09": the sources as a footnote cites them.
QString citeSources(const library::Knowledge &k, const std::vector<qint64> &sources);

} // namespace sextant::report
