#include "report/Charts.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace sextant::report {

using library::Knowledge;
using library::KnownEntity;
using library::KnownScore;

QString chartKindName(ChartKind kind)
{
    switch (kind) {
    case ChartKind::Bars: return QStringLiteral("bars");
    case ChartKind::Scatter: return QStringLiteral("scatter");
    case ChartKind::Gap: return QStringLiteral("gap");
    }
    return {};
}

std::optional<ChartKind> chartKindFromName(const QString &name)
{
    for (ChartKind k : {ChartKind::Bars, ChartKind::Scatter, ChartKind::Gap})
        if (chartKindName(k) == name)
            return k;
    return std::nullopt;
}

QString ChartRequest::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("kind")] = chartKindName(kind);
    o[QStringLiteral("benchmarks")] = QJsonArray::fromStringList(benchmarks);
    o[QStringLiteral("models")] = QJsonArray::fromStringList(models);
    o[QStringLiteral("setting")] = setting;
    o[QStringLiteral("x")] = xAxis;
    o[QStringLiteral("title")] = title;
    o[QStringLiteral("footnote")] = footnote;
    o[QStringLiteral("limit")] = limit;
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Result<ChartRequest> ChartRequest::fromJson(const QString &json)
{
    QJsonParseError error;
    const QJsonDocument d = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (!d.isObject())
        return fail(ErrorCode::Corrupt, QStringLiteral("chart definition is not a JSON object: %1").arg(error.errorString()));
    const QJsonObject o = d.object();
    ChartRequest r;
    const auto kind = chartKindFromName(o.value(QStringLiteral("kind")).toString(QStringLiteral("bars")));
    if (!kind)
        return fail(ErrorCode::Invalid, QStringLiteral("unknown chart kind \"%1\"").arg(o.value(QStringLiteral("kind")).toString()));
    r.kind = *kind;
    for (const QJsonValue &v : o.value(QStringLiteral("benchmarks")).toArray())
        r.benchmarks << v.toString();
    for (const QJsonValue &v : o.value(QStringLiteral("models")).toArray())
        r.models << v.toString();
    r.setting = o.value(QStringLiteral("setting")).toString();
    r.xAxis = o.value(QStringLiteral("x")).toString(QStringLiteral("params"));
    r.title = o.value(QStringLiteral("title")).toString();
    r.footnote = o.value(QStringLiteral("footnote")).toString();
    r.limit = o.value(QStringLiteral("limit")).toInt(20);
    return r;
}

double fractionalYear(const model::PartialDate &d)
{
    using P = model::PartialDate::Precision;
    switch (d.precision) {
    case P::Year: return d.year + 0.5;
    case P::Month: return d.year + (d.month - 0.5) / 12.0;
    case P::Day: return d.year + (d.month - 1) / 12.0 + (d.day - 0.5) / 365.0;
    case P::None: break;
    }
    return 0;
}

QString citeSources(const Knowledge &k, const std::vector<qint64> &sources)
{
    QStringList parts;
    for (const qint64 id : sources) {
        const auto it = std::find_if(k.sources.begin(), k.sources.end(), [&](const store::SourceSummary &s) { return s.id == id; });
        if (it == k.sources.end())
            continue;
        QString who = !it->publisher.isEmpty() ? it->publisher : it->title;
        if (who.isEmpty())
            who = QStringLiteral("source %1").arg(id);
        parts << (it->published.isValid() ? who + QStringLiteral(", ") + it->published.toIso() : who);
    }
    parts.removeDuplicates();
    return parts.join(QStringLiteral("; "));
}

namespace {

QString opennessOf(const KnownEntity *e)
{
    if (!e)
        return QStringLiteral("unknown");
    const QString o = e->resolved.value(QStringLiteral("openness"));
    return o == u"open" || o == u"closed" ? o : QStringLiteral("unknown");
}

void addSource(std::vector<qint64> &list, qint64 id)
{
    if (id > 0 && std::find(list.begin(), list.end(), id) == list.end())
        list.push_back(id);
}

/// One bar from every source's value of one model on one benchmark in one setting.
Bar barOf(const std::vector<const KnownScore *> &scores, const Knowledge &k)
{
    Bar b;
    const KnownScore &first = *scores.front();
    b.model = first.model;
    b.modelKey = first.modelKey;
    b.benchmark = first.benchmark;
    b.benchmarkKey = first.benchmarkKey;
    b.setting = first.setting;
    b.unit = first.unit;
    b.openness = opennessOf(k.entity(first.modelKey));
    b.low = b.high = first.value;
    for (const KnownScore *s : scores) {
        b.low = std::min(b.low, s->value);
        b.high = std::max(b.high, s->value);
        addSource(b.sources, s->from.source);
    }
    b.conflict = b.high - b.low > 1e-9;
    b.value = b.conflict ? (b.low + b.high) / 2 : b.low;
    return b;
}

} // namespace

std::vector<std::pair<QString, int>> scoredBenchmarks(const Knowledge &k)
{
    QHash<QString, QSet<QString>> models;
    for (const KnownScore &s : k.scores)
        models[s.benchmark] << s.modelKey;
    std::vector<std::pair<QString, int>> out;
    for (auto it = models.cbegin(); it != models.cend(); ++it)
        out.emplace_back(it.key(), int(it.value().size()));
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    return out;
}

QStringList suggestModels(const Knowledge &k, const QString &benchmark, int limit)
{
    const KnownEntity *bench = k.find(benchmark);
    if (!bench)
        return {};
    QMap<QString, double> best;
    for (const KnownScore &s : k.scores)
        if (s.benchmarkKey == bench->key)
            best[s.model] = std::max(best.value(s.model, -1e300), s.value);
    QStringList models = best.keys();
    std::sort(models.begin(), models.end(), [&](const QString &a, const QString &b) { return best[a] > best[b]; });
    if (models.size() > limit)
        models = models.mid(0, limit);
    return models;
}

Result<Chart> buildChart(const Knowledge &k, const ChartRequest &request)
{
    if (request.benchmarks.isEmpty())
        return fail(ErrorCode::Invalid, QStringLiteral("choose a benchmark"));
    if (request.kind != ChartKind::Bars && request.benchmarks.size() > 1)
        return fail(ErrorCode::Invalid, QStringLiteral("a %1 chart shows one benchmark").arg(chartKindName(request.kind)));
    Chart c;
    c.kind = request.kind;
    std::vector<const KnownEntity *> benches;
    for (const QString &name : request.benchmarks) {
        const KnownEntity *b = k.find(name);
        if (!b || b->kind != u"benchmark")
            return fail(ErrorCode::NotFound, QStringLiteral("no benchmark \"%1\" in the library").arg(name));
        benches.push_back(b);
        c.benchmarks << b->name;
    }
    QSet<QString> wanted;
    for (const QString &name : request.models) {
        const KnownEntity *m = k.find(name);
        if (!m)
            return fail(ErrorCode::NotFound, QStringLiteral("no model \"%1\" in the library").arg(name));
        wanted << m->key;
    }

    // Scores per benchmark, model and setting.
    std::vector<Bar> bars;
    QStringList leftOut;
    for (const KnownEntity *bench : benches) {
        QMap<QString, QMap<QString, std::vector<const KnownScore *>>> bySetting; // setting -> model -> scores
        for (const KnownScore &s : k.scores)
            if (s.benchmarkKey == bench->key && (wanted.isEmpty() || wanted.contains(s.modelKey)))
                bySetting[s.setting][s.modelKey].push_back(&s);
        if (bySetting.isEmpty())
            continue;
        QStringList settings = bySetting.keys();
        QString chosen = request.setting;
        if (chosen.isEmpty()) { // the setting most models were scored in; unstated wins a tie
            chosen = settings.front();
            for (const QString &s : settings)
                if (bySetting[s].size() > bySetting[chosen].size())
                    chosen = s;
        }
        for (const QString &setting : settings) {
            if (chosen != u"*" && setting != chosen) {
                int n = 0;
                for (const auto &scores : bySetting[setting])
                    n += int(scores.size());
                leftOut << QStringLiteral("%1 %2 score(s) in setting \"%3\"").arg(n).arg(bench->name,
                                                                                        setting.isEmpty() ? QStringLiteral("unstated") : setting);
                continue;
            }
            for (const auto &scores : bySetting[setting])
                bars.push_back(barOf(scores, k));
        }
        if (chosen == u"*" && settings.size() > 1) {
            QStringList named;
            for (const QString &x : settings)
                named << (x.isEmpty() ? QStringLiteral("unstated") : QStringLiteral("\"%1\"").arg(x));
            c.notes << QStringLiteral("%1: settings are mixed (%2); the data table names each value's setting.").arg(bench->name, named.join(QStringLiteral(", ")));
        }
        else if (!chosen.isEmpty() && chosen != u"*")
            c.notes << QStringLiteral("%1 in setting \"%2\".").arg(bench->name, chosen);
    }
    if (!leftOut.isEmpty())
        c.notes << QStringLiteral("Left out, not mixed: %1.").arg(leftOut.join(QStringLiteral("; ")));
    if (bars.empty())
        return fail(ErrorCode::NotFound, QStringLiteral("no scores on %1 for the models asked").arg(c.benchmarks.join(QStringLiteral(", "))));
    QSet<QString> units;
    for (const Bar &b : bars)
        units << b.unit;
    c.unit = units.size() == 1 ? *units.begin() : QString();
    if (units.size() > 1)
        c.notes << QStringLiteral("Values come in different units.");
    int conflicts = 0;
    for (const Bar &b : bars) {
        conflicts += b.conflict ? 1 : 0;
        for (qint64 s : b.sources)
            addSource(c.sources, s);
    }
    if (conflicts)
        c.notes << QStringLiteral("%1 value(s) differ between sources: drawn as a range from the lowest to the highest.").arg(conflicts);

    const QString benchTitle = c.benchmarks.join(QStringLiteral(", "));
    const QString unitLabel = c.unit.isEmpty() ? QStringLiteral("score") : QStringLiteral("score (%1)").arg(c.unit);
    switch (request.kind) {
    case ChartKind::Bars: {
        // Models sorted by their value on the first benchmark, the best first; models without one after them.
        QHash<QString, double> firstValue; // model|setting -> value on the first benchmark
        for (const Bar &b : bars)
            if (b.benchmarkKey == benches.front()->key)
                firstValue[b.modelKey + u'|' + b.setting] = b.value;
        auto rank = [&](const Bar &x) -> std::optional<double> {
            const auto it = firstValue.constFind(x.modelKey + u'|' + x.setting);
            return it == firstValue.constEnd() ? std::nullopt : std::optional<double>(*it);
        };
        std::stable_sort(bars.begin(), bars.end(), [&](const Bar &a, const Bar &b) {
            const std::optional<double> va = rank(a), vb = rank(b);
            if (va != vb)
                return va > vb; // nullopt compares lowest
            if (a.modelKey != b.modelKey)
                return a.modelKey < b.modelKey;
            return c.benchmarks.indexOf(a.benchmark) < c.benchmarks.indexOf(b.benchmark);
        });
        // At most `limit` models.
        QStringList models;
        std::vector<Bar> kept;
        for (const Bar &b : bars) {
            const QString id = b.modelKey + u'|' + b.setting;
            if (!models.contains(id)) {
                if (request.limit > 0 && models.size() >= request.limit)
                    continue;
                models << id;
            }
            kept.push_back(b);
        }
        if (kept.size() < bars.size())
            c.notes << QStringLiteral("The best %1 models shown.").arg(request.limit);
        c.bars = std::move(kept);
        c.title = QStringLiteral("%1: scores by model").arg(benchTitle);
        c.xLabel = unitLabel;
        c.yLabel = QStringLiteral("model");
        break;
    }
    case ChartKind::Scatter: {
        const bool byDate = request.xAxis == u"released";
        int missing = 0;
        for (const Bar &b : bars) {
            const KnownEntity *m = k.entity(b.modelKey);
            Point p;
            p.model = b.model;
            p.modelKey = b.modelKey;
            p.openness = b.openness;
            p.y = b.value;
            if (byDate) {
                p.date = model::PartialDate::fromIso(m ? m->resolved.value(QStringLiteral("released")) : QString());
                if (!p.date.isValid()) {
                    ++missing;
                    continue;
                }
                p.x = fractionalYear(p.date);
            } else {
                bool ok = false;
                p.x = m ? m->resolved.value(QStringLiteral("params_total_b")).toDouble(&ok) : 0;
                if (!ok || p.x <= 0) {
                    ++missing;
                    continue;
                }
            }
            c.points.push_back(p);
        }
        if (missing)
            c.notes << QStringLiteral("%1 model(s) without a known %2 left out.").arg(missing).arg(byDate ? QStringLiteral("release date")
                                                                                                      : QStringLiteral("parameter count"));
        c.title = byDate ? QStringLiteral("%1 against release date").arg(benchTitle) : QStringLiteral("%1 against model size").arg(benchTitle);
        c.xLabel = byDate ? QStringLiteral("release date") : QStringLiteral("total parameters (billions, log scale)");
        c.yLabel = unitLabel;
        break;
    }
    case ChartKind::Gap: {
        struct Dated {
            double x;
            model::PartialDate date;
            const Bar *bar;
        };
        std::vector<Dated> dated;
        int missing = 0;
        for (const Bar &b : bars) {
            const KnownEntity *m = k.entity(b.modelKey);
            const auto d = model::PartialDate::fromIso(m ? m->resolved.value(QStringLiteral("released")) : QString());
            if (!d.isValid() || b.openness == u"unknown") {
                ++missing;
                continue;
            }
            dated.push_back({fractionalYear(d), d, &b});
        }
        std::sort(dated.begin(), dated.end(), [](const Dated &a, const Dated &b) { return a.x < b.x; });
        double bestOpen = -1e300, bestClosed = -1e300;
        for (const Dated &d : dated) {
            const bool open = d.bar->openness == u"open";
            double &best = open ? bestOpen : bestClosed;
            if (d.bar->value > best) {
                best = d.bar->value;
                (open ? c.bestOpen : c.bestClosed).push_back(GapStep{d.date, d.x, d.bar->model, d.bar->value});
            }
        }
        if (missing)
            c.notes << QStringLiteral("%1 model(s) without a release date or known openness left out.").arg(missing);
        c.title = QStringLiteral("%1: best open and best closed score over time").arg(benchTitle);
        c.xLabel = QStringLiteral("release date");
        c.yLabel = QStringLiteral("best %1 so far").arg(unitLabel);
        break;
    }
    }
    if (!request.title.isEmpty())
        c.title = request.title;
    const QString cited = citeSources(k, c.sources);
    c.footnote = !request.footnote.isEmpty() ? request.footnote
                                             : (cited.isEmpty() ? QStringLiteral("Source: Sextant library.") : QStringLiteral("Sources: ") + cited + u'.');
    return c;
}

QString csvField(const QString &text)
{
    // A leading = + @ would be a formula to a spreadsheet: kept as text.
    QString s = text;
    if (!s.isEmpty() && (s[0] == u'=' || s[0] == u'+' || s[0] == u'@'))
        s.prepend(u'\'');
    if (s.contains(u',') || s.contains(u'"') || s.contains(u'\n') || s.contains(u'\r')) {
        s.replace(u'"', QStringLiteral("\"\""));
        return u'"' + s + u'"';
    }
    return s;
}

namespace {

QString mdCell(QString s)
{
    s.replace(u'\\', QStringLiteral("\\\\"));
    s.replace(u'|', QStringLiteral("\\|"));
    s.replace(u'<', QStringLiteral("&lt;"));
    s.replace(u'\n', u' ');
    return s;
}

QString number(double v) { return QString::number(v, 'g', 10); }

std::vector<QStringList> rowsOf(const Chart &c, const Knowledge &k, QStringList &header)
{
    std::vector<QStringList> rows;
    switch (c.kind) {
    case ChartKind::Bars:
        header = {QStringLiteral("model"), QStringLiteral("benchmark"), QStringLiteral("setting"), QStringLiteral("openness"),
                  QStringLiteral("value"), QStringLiteral("low"), QStringLiteral("high"), QStringLiteral("unit"),
                  QStringLiteral("sources disagree"), QStringLiteral("sources")};
        for (const Bar &b : c.bars)
            rows.push_back({b.model, b.benchmark, b.setting, b.openness, number(b.value), number(b.low), number(b.high), b.unit,
                            b.conflict ? QStringLiteral("yes") : QStringLiteral("no"), citeSources(k, b.sources)});
        break;
    case ChartKind::Scatter:
        header = {QStringLiteral("model"), QStringLiteral("openness"), QStringLiteral("x"), QStringLiteral("released"), QStringLiteral("score")};
        for (const Point &p : c.points)
            rows.push_back({p.model, p.openness, number(p.x), p.date.toIso(), number(p.y)});
        break;
    case ChartKind::Gap:
        header = {QStringLiteral("series"), QStringLiteral("released"), QStringLiteral("model"), QStringLiteral("best score")};
        for (const GapStep &s : c.bestOpen)
            rows.push_back({QStringLiteral("best open"), s.date.toIso(), s.model, number(s.value)});
        for (const GapStep &s : c.bestClosed)
            rows.push_back({QStringLiteral("best closed"), s.date.toIso(), s.model, number(s.value)});
        break;
    }
    return rows;
}

} // namespace

QString chartCsv(const Chart &c, const Knowledge &k)
{
    QStringList header;
    const auto rows = rowsOf(c, k, header);
    QString out;
    auto line = [&](const QStringList &cells) {
        QStringList f;
        for (const QString &s : cells)
            f << csvField(s);
        out += f.join(u',') + QStringLiteral("\r\n");
    };
    line(header);
    for (const QStringList &r : rows)
        line(r);
    return out;
}

QString chartMarkdown(const Chart &c, const Knowledge &k)
{
    QStringList header;
    const auto rows = rowsOf(c, k, header);
    QString out = QStringLiteral("**%1**\n\n").arg(mdCell(c.title));
    QStringList h, sep;
    for (const QString &s : header) {
        h << mdCell(s);
        sep << QStringLiteral("---");
    }
    out += u"| " + h.join(QStringLiteral(" | ")) + u" |\n| " + sep.join(QStringLiteral(" | ")) + u" |\n";
    for (const QStringList &r : rows) {
        QStringList cells;
        for (const QString &s : r)
            cells << mdCell(s);
        out += u"| " + cells.join(QStringLiteral(" | ")) + u" |\n";
    }
    for (const QString &n : c.notes)
        out += u"\n" + mdCell(n);
    out += u"\n\n" + mdCell(c.footnote) + u'\n';
    return out;
}

} // namespace sextant::report
