#include "render/Render.h"

#include <QFileInfo>
#include <QFontMetricsF>
#include <QImage>
#include <QPageSize>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <algorithm>
#include <cmath>

namespace sextant::render {

using report::Bar;
using report::Chart;
using report::ChartKind;

QColor opennessColor(const QString &openness)
{
    if (openness == u"open")
        return QColor(0x1b, 0x7f, 0x3b);
    if (openness == u"closed")
        return QColor(0xb7, 0x1c, 0x1c);
    return QColor(0x75, 0x75, 0x75);
}

void drawOpennessMarker(QPainter &p, QPointF c, double s, const QString &openness)
{
    p.save();
    const QColor color = opennessColor(openness);
    p.setPen(QPen(color, std::max(1.0, s / 6)));
    if (openness == u"open") {
        p.setBrush(color);
        p.drawEllipse(c, s / 2, s / 2);
    } else if (openness == u"closed") {
        p.setBrush(color);
        p.drawRect(QRectF(c.x() - s / 2, c.y() - s / 2, s, s));
    } else {
        p.setBrush(Qt::white);
        QPolygonF d;
        d << QPointF(c.x(), c.y() - s / 2) << QPointF(c.x() + s / 2, c.y()) << QPointF(c.x(), c.y() + s / 2) << QPointF(c.x() - s / 2, c.y());
        p.drawPolygon(d);
    }
    p.restore();
}

namespace {

const QColor kInk(0x21, 0x21, 0x21);
const QColor kMuted(0x61, 0x61, 0x61);
const QColor kGrid(0xe0, 0xe0, 0xe0);
// Colors for benchmarks when several are grouped (color-blind-safe palette).
const QColor kSeries[] = {QColor(0x00, 0x72, 0xb2), QColor(0xe6, 0x9f, 0x00), QColor(0x56, 0xb4, 0xe9),
                          QColor(0xcc, 0x79, 0xa7), QColor(0x00, 0x9e, 0x73), QColor(0xd5, 0x5e, 0x00)};

QFont font(double px, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(std::max(1, int(std::lround(px))));
    f.setBold(bold);
    return f;
}

QString fmt(double v)
{
    return std::fabs(v - std::round(v)) < 1e-9 ? QString::number(v, 'f', 0) : QString::number(v, 'g', 4);
}

/// Nice tick steps for [lo, hi].
std::vector<double> ticks(double lo, double hi, int target = 6)
{
    std::vector<double> out;
    if (!(hi > lo))
        return {lo};
    const double raw = (hi - lo) / target;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double step = mag;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * mag >= raw) {
            step = m * mag;
            break;
        }
    for (double v = std::ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
        out.push_back(std::fabs(v) < step * 1e-9 ? 0 : v);
    return out;
}

/// Title at the top, footnote and notes at the bottom; returns the plot area left between.
QRectF frame(QPainter &p, const QRectF &r, const QString &title, const QString &footnote, const QStringList &notes, double unit)
{
    p.fillRect(r, Qt::white);
    p.setPen(kInk);
    p.setFont(font(unit * 1.5, true));
    const QRectF titleBox(r.left() + unit, r.top() + unit * 0.8, r.width() - 2 * unit, unit * 2.2);
    p.drawText(titleBox, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, QFontMetricsF(p.font()).elidedText(title, Qt::ElideRight, titleBox.width()));
    p.setFont(font(unit * 0.85));
    QString foot = notes.join(u' ');
    foot = foot.isEmpty() ? footnote : foot + u'\n' + footnote;
    const QRectF footMax(r.left() + unit, r.top(), r.width() - 2 * unit, r.height() / 4);
    const QRectF need = p.fontMetrics().boundingRect(footMax.toRect(), Qt::TextWordWrap, foot);
    const QRectF footBox(r.left() + unit, r.bottom() - need.height() - unit * 0.6, r.width() - 2 * unit, need.height());
    p.setPen(kMuted);
    p.drawText(footBox, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, foot);
    return QRectF(r.left() + unit, titleBox.bottom() + unit * 0.6, r.width() - 2 * unit, footBox.top() - titleBox.bottom() - unit * 1.4);
}

void legendItem(QPainter &p, QPointF at, double unit, const std::function<void(QPointF)> &mark, const QString &label, double *x)
{
    mark(QPointF(*x + unit * 0.5, at.y()));
    p.setPen(kInk);
    const QRectF t(*x + unit * 1.2, at.y() - unit, 400, unit * 2);
    p.drawText(t, Qt::AlignLeft | Qt::AlignVCenter, label);
    *x += unit * 1.2 + QFontMetricsF(p.font()).horizontalAdvance(label) + unit * 1.2;
}

void paintBars(QPainter &p, QRectF plot, const Chart &c, double unit)
{
    // Groups: one per model (and setting), in the chart's order.
    struct Group {
        QString label, openness;
        std::vector<const Bar *> bars;
    };
    std::vector<Group> groups;
    const bool several = c.benchmarks.size() > 1;
    bool settingsMixed = false;
    for (const Bar &b : c.bars)
        settingsMixed = settingsMixed || b.setting != c.bars.front().setting;
    for (const Bar &b : c.bars) {
        const QString label = settingsMixed && !b.setting.isEmpty() ? QStringLiteral("%1 (%2)").arg(b.model, b.setting) : b.model;
        if (groups.empty() || groups.back().label != label)
            groups.push_back({label, b.openness, {}});
        groups.back().bars.push_back(&b);
    }
    // Legend line.
    p.setFont(font(unit * 0.9));
    double lx = plot.left();
    const double ly = plot.top() + unit * 0.6;
    auto marker = [&](const QString &o) { return [&p, o, unit](QPointF at) { drawOpennessMarker(p, at, unit * 0.8, o); }; };
    legendItem(p, {lx, ly}, unit, marker(QStringLiteral("open")), QStringLiteral("open weights"), &lx);
    legendItem(p, {lx, ly}, unit, marker(QStringLiteral("closed")), QStringLiteral("closed"), &lx);
    legendItem(p, {lx, ly}, unit, marker(QStringLiteral("unknown")), QStringLiteral("openness unknown"), &lx);
    if (several)
        for (int i = 0; i < c.benchmarks.size(); ++i) {
            const QColor col = kSeries[i % 6];
            legendItem(p, {lx, ly}, unit, [&p, col, unit](QPointF at) { p.fillRect(QRectF(at.x() - unit * 0.4, at.y() - unit * 0.4, unit * 0.8, unit * 0.8), col); },
                       c.benchmarks[i], &lx);
        }
    plot.setTop(plot.top() + unit * 1.8);

    // Label column.
    p.setFont(font(unit));
    const QFontMetricsF fm(p.font());
    double labelWidth = 0;
    for (const Group &g : groups)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(g.label));
    labelWidth = std::min(labelWidth + unit * 2, plot.width() * 0.4);
    double hi = 0, lo = 0;
    for (const Bar &b : c.bars) {
        hi = std::max(hi, b.high);
        lo = std::min(lo, b.low);
    }
    std::vector<double> ts = ticks(lo, hi * 1.05);
    // The axis ends at the first tick past the longest bar, so every bar sits under a labelled scale.
    const double step = ts.size() > 1 ? ts[1] - ts[0] : std::max(1.0, hi);
    while (!ts.empty() && ts.back() < hi)
        ts.push_back(ts.back() + step);
    const double maxV = ts.empty() ? hi : std::max(ts.back(), hi);
    const QRectF area(plot.left() + labelWidth, plot.top(), plot.width() - labelWidth - unit * 4, plot.height() - unit * 3.2);
    auto xOf = [&](double v) { return area.left() + (v - lo) / (maxV - lo > 0 ? maxV - lo : 1) * area.width(); };
    // Grid and axis.
    p.setFont(font(unit * 0.85));
    for (double t : ts) {
        p.setPen(QPen(kGrid, 1));
        p.drawLine(QPointF(xOf(t), area.top()), QPointF(xOf(t), area.bottom()));
        p.setPen(kMuted);
        p.drawText(QRectF(xOf(t) - 40, area.bottom() + unit * 0.2, 80, unit * 1.2), Qt::AlignHCenter | Qt::AlignTop, fmt(t));
    }
    p.setPen(kInk);
    p.setFont(font(unit * 0.95));
    p.drawText(QRectF(area.left(), area.bottom() + unit * 1.5, area.width(), unit * 1.5), Qt::AlignHCenter | Qt::AlignTop, c.xLabel);

    const double groupH = area.height() / std::max<size_t>(1, groups.size());
    const double barH = std::min(unit * 2.2, groupH * 0.7 / double(several ? c.benchmarks.size() : 1));
    for (size_t gi = 0; gi < groups.size(); ++gi) {
        const Group &g = groups[gi];
        const double gy = area.top() + gi * groupH;
        const double inner = barH * double(several ? c.benchmarks.size() : 1);
        const double y0 = gy + (groupH - inner) / 2;
        // Label with the openness marker.
        p.setFont(font(unit));
        p.setPen(kInk);
        const QRectF lbox(plot.left(), gy, labelWidth - unit * 1.8, groupH);
        p.drawText(lbox, Qt::AlignRight | Qt::AlignVCenter, QFontMetricsF(p.font()).elidedText(g.label, Qt::ElideRight, lbox.width()));
        drawOpennessMarker(p, QPointF(plot.left() + labelWidth - unit * 0.9, gy + groupH / 2), unit * 0.75, g.openness);
        for (const Bar *b : g.bars) {
            const int bi = several ? int(c.benchmarks.indexOf(b->benchmark)) : 0;
            const double y = y0 + bi * barH;
            const QColor col = several ? kSeries[bi % 6] : opennessColor(b->openness);
            const QRectF bar(QPointF(xOf(std::min(0.0, b->low)), y + barH * 0.1), QPointF(xOf(b->low), y + barH * 0.9));
            p.fillRect(bar, col);
            QString label = fmt(b->value) + b->unit;
            if (b->conflict) {
                // The sources disagree: the range drawn hatched, with whiskers, and both values said.
                const QRectF range(QPointF(xOf(b->low), y + barH * 0.1), QPointF(xOf(b->high), y + barH * 0.9));
                QColor light = col;
                light.setAlpha(90);
                p.fillRect(range, light);
                p.fillRect(range, QBrush(col, Qt::BDiagPattern));
                p.setPen(QPen(kInk, 1.2));
                p.drawLine(QPointF(xOf(b->low), y + barH * 0.05), QPointF(xOf(b->low), y + barH * 0.95));
                p.drawLine(QPointF(xOf(b->high), y + barH * 0.05), QPointF(xOf(b->high), y + barH * 0.95));
                label = QStringLiteral("%1\u2013%2%3 (sources differ)").arg(fmt(b->low), fmt(b->high), b->unit);
            }
            p.setPen(kInk);
            p.setFont(font(std::min(unit * 0.9, barH * 0.8)));
            p.drawText(QRectF(xOf(b->high) + unit * 0.3, y, unit * 16, barH), Qt::AlignLeft | Qt::AlignVCenter, label);
        }
    }
    p.setPen(QPen(kInk, 1));
    p.drawLine(QPointF(xOf(std::max(lo, 0.0)), area.top()), QPointF(xOf(std::max(lo, 0.0)), area.bottom()));
}

void paintXY(QPainter &p, QRectF plot, const Chart &c, double unit)
{
    // Legend.
    p.setFont(font(unit * 0.9));
    double lx = plot.left();
    const double ly = plot.top() + unit * 0.6;
    auto marker = [&](const QString &o) { return [&p, o, unit](QPointF at) { drawOpennessMarker(p, at, unit * 0.8, o); }; };
    if (c.kind == ChartKind::Gap) {
        legendItem(p, {lx, ly}, unit, marker(QStringLiteral("open")), QStringLiteral("best open model so far"), &lx);
        legendItem(p, {lx, ly}, unit, marker(QStringLiteral("closed")), QStringLiteral("best closed model so far"), &lx);
    } else {
        legendItem(p, {lx, ly}, unit, marker(QStringLiteral("open")), QStringLiteral("open weights"), &lx);
        legendItem(p, {lx, ly}, unit, marker(QStringLiteral("closed")), QStringLiteral("closed"), &lx);
        legendItem(p, {lx, ly}, unit, marker(QStringLiteral("unknown")), QStringLiteral("openness unknown"), &lx);
    }
    plot.setTop(plot.top() + unit * 1.8);
    struct P {
        double x, y;
        QString label, openness;
    };
    std::vector<P> pts;
    for (const report::Point &pt : c.points)
        pts.push_back({pt.x, pt.y, pt.model, pt.openness});
    for (const report::GapStep &s : c.bestOpen)
        pts.push_back({s.x, s.value, s.model, QStringLiteral("open")});
    for (const report::GapStep &s : c.bestClosed)
        pts.push_back({s.x, s.value, s.model, QStringLiteral("closed")});
    if (pts.empty()) {
        p.setPen(kMuted);
        p.drawText(plot, Qt::AlignCenter, QStringLiteral("Nothing to draw: no model has both values."));
        return;
    }
    const bool logX = c.kind == ChartKind::Scatter && c.xLabel.contains(u"log");
    auto tx = [&](double x) { return logX ? std::log10(x) : x; };
    double x0 = 1e300, x1 = -1e300, y0 = 1e300, y1 = -1e300;
    for (const P &q : pts) {
        x0 = std::min(x0, tx(q.x));
        x1 = std::max(x1, tx(q.x));
        y0 = std::min(y0, q.y);
        y1 = std::max(y1, q.y);
    }
    const double xpad = std::max(0.25, (x1 - x0) * 0.08), ypad = std::max(1.0, (y1 - y0) * 0.1);
    x0 -= xpad;
    x1 += xpad;
    y0 = std::max(0.0, y0 - ypad);
    y1 += ypad;
    const QRectF area(plot.left() + unit * 4, plot.top(), plot.width() - unit * 9, plot.height() - unit * 3.2);
    auto X = [&](double x) { return area.left() + (tx(x) - x0) / (x1 - x0) * area.width(); };
    auto Y = [&](double y) { return area.bottom() - (y - y0) / (y1 - y0) * area.height(); };
    p.setFont(font(unit * 0.85));
    for (double t : ticks(y0, y1)) {
        p.setPen(QPen(kGrid, 1));
        p.drawLine(QPointF(area.left(), Y(t)), QPointF(area.right(), Y(t)));
        p.setPen(kMuted);
        p.drawText(QRectF(area.left() - unit * 4, Y(t) - unit, unit * 3.6, unit * 2), Qt::AlignRight | Qt::AlignVCenter, fmt(t));
    }
    std::vector<double> xt;
    const bool dateX = c.kind == ChartKind::Gap || c.xLabel.contains(u"date");
    std::vector<QString> xtLabels; // dates: years, or months when the span is short
    if (dateX) {
        const double span = x1 - x0;
        const int monthStep = span > 4 ? 0 : span > 2 ? 6 : span > 1 ? 3 : 1;
        if (monthStep == 0) {
            const int yearStep = std::max(1, int(std::ceil(span / 8)));
            for (int y = int(std::ceil(x0)); y <= x1; y += yearStep) {
                xt.push_back(y);
                xtLabels.push_back(QString::number(y));
            }
        } else {
            for (QDate d(int(std::floor(x0)), 1, 1); d.year() + (d.month() - 1) / 12.0 <= x1; d = d.addMonths(monthStep)) {
                const double x = d.year() + (d.month() - 1) / 12.0;
                if (x >= x0) {
                    xt.push_back(x);
                    xtLabels.push_back(d.toString(QStringLiteral("MMM yyyy")));
                }
            }
        }
    } else if (logX) {
        for (double e = std::floor(x0); e <= x1; e += 1)
            for (double m : {1.0, 3.0})
                if (std::log10(m) + e >= x0 && std::log10(m) + e <= x1)
                    xt.push_back(m * std::pow(10.0, e));
    } else {
        for (double t : ticks(x0, x1))
            xt.push_back(t);
    }
    for (size_t i = 0; i < xt.size(); ++i) {
        const double t = xt[i];
        p.setPen(QPen(kGrid, 1));
        p.drawLine(QPointF(X(t), area.top()), QPointF(X(t), area.bottom()));
        p.setPen(kMuted);
        p.drawText(QRectF(X(t) - 50, area.bottom() + unit * 0.2, 100, unit * 1.2), Qt::AlignHCenter | Qt::AlignTop,
                   dateX ? xtLabels[i] : logX ? fmt(t) + u'B' : fmt(t));
    }
    p.setPen(QPen(kInk, 1));
    p.drawLine(area.bottomLeft(), area.bottomRight());
    p.drawLine(area.bottomLeft(), area.topLeft());
    p.setFont(font(unit * 0.95));
    p.drawText(QRectF(area.left(), area.bottom() + unit * 1.5, area.width(), unit * 1.5), Qt::AlignHCenter | Qt::AlignTop, c.xLabel);
    p.save();
    p.translate(plot.left() + unit * 0.2, area.center().y());
    p.rotate(-90);
    p.drawText(QRectF(-area.height() / 2, 0, area.height(), unit * 1.4), Qt::AlignHCenter | Qt::AlignTop, c.yLabel);
    p.restore();

    if (c.kind == ChartKind::Gap) {
        for (const auto *series : {&c.bestOpen, &c.bestClosed}) {
            if (series->empty())
                continue;
            const QString o = series == &c.bestOpen ? QStringLiteral("open") : QStringLiteral("closed");
            QPainterPath path;
            path.moveTo(X(series->front().x), Y(series->front().value));
            for (size_t i = 1; i < series->size(); ++i) {
                path.lineTo(X((*series)[i].x), Y((*series)[i - 1].value)); // a step: the best stays until beaten
                path.lineTo(X((*series)[i].x), Y((*series)[i].value));
            }
            path.lineTo(area.right(), Y(series->back().value));
            p.setPen(QPen(opennessColor(o), unit * 0.18, o == u"open" ? Qt::SolidLine : Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawPath(path);
        }
    }
    p.setFont(font(unit * 0.8));
    for (const P &q : pts) {
        const QPointF at(X(q.x), Y(q.y));
        drawOpennessMarker(p, at, unit * 0.8, q.openness);
        p.setPen(kInk);
        p.drawText(QRectF(at.x() + unit * 0.6, at.y() - unit * 1.3, unit * 14, unit * 1.2), Qt::AlignLeft | Qt::AlignBottom,
                   QStringLiteral("%1 %2").arg(q.label, fmt(q.y)));
    }
}

} // namespace

void paintChart(QPainter &p, const QRectF &rect, const Chart &chart)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    const double unit = std::clamp(std::min(rect.width(), rect.height()) / 42.0, 9.0, 20.0);
    const QRectF plot = frame(p, rect, chart.title, chart.footnote, chart.notes, unit);
    if (chart.kind == ChartKind::Bars)
        paintBars(p, plot, chart, unit);
    else
        paintXY(p, plot, chart, unit);
    p.restore();
}

// --- the timeline ---------------------------------------------------------------

namespace {

void drawEventMarker(QPainter &p, QPointF c, double s, const report::TimelineItem &item)
{
    if (item.kind == u"release") {
        drawOpennessMarker(p, c, s, item.openness);
        return;
    }
    p.save();
    QColor col(0x6a, 0x1b, 0x9a); // other events: purple, each kind its own shape
    p.setPen(QPen(col, std::max(1.0, s / 6)));
    p.setBrush(Qt::white);
    if (item.kind == u"investment") {
        p.setBrush(col);
        QPolygonF t;
        t << QPointF(c.x(), c.y() - s / 2) << QPointF(c.x() + s / 2, c.y() + s / 2) << QPointF(c.x() - s / 2, c.y() + s / 2);
        p.drawPolygon(t);
    } else if (item.kind == u"license_change") {
        p.drawRect(QRectF(c.x() - s / 2, c.y() - s / 2, s, s));
        p.drawLine(QPointF(c.x() - s / 2, c.y() + s / 2), QPointF(c.x() + s / 2, c.y() - s / 2));
    } else {
        QPolygonF t; // announcements, reports and the rest: a hollow triangle pointing down
        t << QPointF(c.x() - s / 2, c.y() - s / 2) << QPointF(c.x() + s / 2, c.y() - s / 2) << QPointF(c.x(), c.y() + s / 2);
        p.drawPolygon(t);
    }
    p.restore();
}

} // namespace

std::vector<TimelineHit> paintTimeline(QPainter &p, const QRectF &rect, const report::Timeline &t, const TimelineView &view,
                                       const QString &title, const QString &footnote)
{
    std::vector<TimelineHit> hits;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const double unit = std::clamp(std::min(rect.width(), rect.height()) / 42.0, 9.0, 16.0);
    const QRectF plot = frame(p, rect, title, footnote, {}, unit);
    QDate from = view.from.isValid() ? view.from : t.first.addDays(-std::max<qint64>(15, t.first.daysTo(t.last) / 20));
    QDate to = view.to.isValid() ? view.to : t.last.addDays(std::max<qint64>(15, t.first.daysTo(t.last) / 20));
    if (!from.isValid() || !to.isValid() || from >= to) {
        p.setPen(kMuted);
        p.drawText(plot, Qt::AlignCenter, QStringLiteral("No dated events to show."));
        p.restore();
        return hits;
    }
    // Legend.
    p.setFont(font(unit * 0.9));
    double lx = plot.left();
    const double ly = plot.top() + unit * 0.6;
    auto item = [](const char *kind, const char *openness) {
        report::TimelineItem i;
        i.kind = QString::fromLatin1(kind);
        i.openness = QString::fromLatin1(openness);
        return i;
    };
    const std::pair<report::TimelineItem, QString> legend[] = {
        {item("release", "open"), QStringLiteral("open release")}, {item("release", "closed"), QStringLiteral("closed release")},
        {item("release", "unknown"), QStringLiteral("release, openness unknown")}, {item("investment", ""), QStringLiteral("investment")},
        {item("license_change", ""), QStringLiteral("license change")}, {item("announcement", ""), QStringLiteral("other event")}};
    for (const auto &[it, label] : legend)
        legendItem(p, {lx, ly}, unit, [&p, unit, it = it](QPointF at) { drawEventMarker(p, at, unit * 0.8, it); }, label, &lx);

    const QFontMetricsF fm(font(unit * 0.9));
    double laneLabel = 0;
    for (const QString &l : t.lanes)
        laneLabel = std::max(laneLabel, fm.horizontalAdvance(l));
    laneLabel = std::min(laneLabel + unit, plot.width() * 0.25);
    const QRectF area(plot.left() + laneLabel, plot.top() + unit * 2, plot.width() - laneLabel, plot.height() - unit * 3.6);
    const double days = double(from.daysTo(to));
    auto X = [&](QDate d) { return area.left() + double(from.daysTo(d)) / days * area.width(); };
    const double laneH = area.height() / std::max<qsizetype>(1, t.lanes.size());

    // Lanes.
    p.setFont(font(unit * 0.9));
    for (int i = 0; i < t.lanes.size(); ++i) {
        const double y = area.top() + i * laneH;
        if (i % 2 == 0)
            p.fillRect(QRectF(area.left(), y, area.width(), laneH), QColor(0xf7, 0xf7, 0xf7));
        p.setPen(kInk);
        p.drawText(QRectF(plot.left(), y, laneLabel - unit * 0.5, laneH), Qt::AlignRight | Qt::AlignVCenter,
                   fm.elidedText(t.lanes[i], Qt::ElideRight, laneLabel - unit * 0.5));
    }
    // Time axis: years, months or days by the span shown.
    p.setFont(font(unit * 0.8));
    QDate tick;
    int stepMonths = 0, stepDays = 0;
    if (days > 365 * 12)
        stepMonths = 12 * std::max(1, int(days / 365 / 10));
    else if (days > 365 * 2)
        stepMonths = 12;
    else if (days > 120)
        stepMonths = days > 365 ? 3 : 1;
    else
        stepDays = days > 40 ? 7 : 1;
    if (stepMonths)
        tick = QDate(from.year(), stepMonths >= 12 ? 1 : from.month(), 1);
    else
        tick = from;
    for (int guard = 0; tick <= to && guard < 400; ++guard) {
        if (tick >= from) {
            const double x = X(tick);
            p.setPen(QPen(kGrid, 1));
            p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
            p.setPen(kMuted);
            const QString label = stepMonths >= 12 ? QString::number(tick.year())
                                  : stepMonths    ? tick.toString(QStringLiteral("MMM yyyy"))
                                                  : tick.toString(QStringLiteral("d MMM"));
            p.drawText(QRectF(x - 50, area.bottom() + unit * 0.2, 100, unit * 1.2), Qt::AlignHCenter | Qt::AlignTop, label);
        }
        tick = stepMonths ? tick.addMonths(stepMonths) : tick.addDays(stepDays);
    }
    // Items, clustered per lane when their markers would overlap.
    const double marker = std::min(unit * 0.9, laneH * 0.5);
    std::vector<std::vector<int>> byLane(size_t(t.lanes.size()));
    for (size_t i = 0; i < t.items.size(); ++i)
        if (t.items[i].lane >= 0 && t.items[i].last >= from && t.items[i].first <= to)
            byLane[size_t(t.items[i].lane)].push_back(int(i));
    for (size_t lane = 0; lane < byLane.size(); ++lane) {
        const double cy = area.top() + (double(lane) + 0.5) * laneH;
        std::vector<std::vector<int>> clusters;
        double lastX = -1e9;
        for (int idx : byLane[lane]) {
            const report::TimelineItem &it = t.items[size_t(idx)];
            const double x = (X(std::max(it.first, from)) + X(std::min(it.last, to))) / 2;
            if (clusters.empty() || x - lastX > view.clusterPixels)
                clusters.push_back({});
            clusters.back().push_back(idx);
            lastX = x;
        }
        double labelEnd = -1e9; // labels that would overlap the one before are left to the hover
        for (const auto &cl : clusters) {
            const report::TimelineItem &first = t.items[size_t(cl.front())];
            double x = 0;
            for (int idx : cl) {
                const auto &it = t.items[size_t(idx)];
                x += (X(std::max(it.first, from)) + X(std::min(it.last, to))) / 2;
                // A date known only to the month or year is drawn as the span it is.
                if (cl.size() == 1 && it.first != it.last) {
                    QColor band = it.kind == u"release" ? opennessColor(it.openness) : QColor(0x6a, 0x1b, 0x9a);
                    band.setAlpha(50);
                    const QRectF span(QPointF(X(std::max(it.first, from)), cy - marker * 0.45), QPointF(X(std::min(it.last, to)), cy + marker * 0.45));
                    p.setPen(QPen(band.darker(150), 1, Qt::DotLine));
                    p.setBrush(band);
                    p.drawRoundedRect(span, marker * 0.3, marker * 0.3);
                }
            }
            x /= double(cl.size());
            const QPointF at(x, cy);
            TimelineHit hit;
            hit.items = cl;
            hit.box = QRectF(at.x() - marker, at.y() - marker, marker * 2, marker * 2);
            if (cl.size() == 1) {
                drawEventMarker(p, at, marker, first);
                p.setPen(kInk);
                p.setFont(font(unit * 0.75));
                const QFontMetricsF lfm(p.font());
                const QString label = lfm.elidedText(first.entities.value(0, first.title), Qt::ElideRight, 120);
                const double w = lfm.horizontalAdvance(label);
                if (at.x() - w / 2 > labelEnd + unit * 0.4) {
                    p.drawText(QRectF(at.x() - w / 2 - 2, at.y() + marker * 0.6, w + 4, unit * 1.1), Qt::AlignHCenter | Qt::AlignTop, label);
                    labelEnd = at.x() + w / 2;
                }
            } else {
                // A cluster: a badge with its count, colored by what it holds.
                int open = 0, closed = 0;
                for (int idx : cl) {
                    open += t.items[size_t(idx)].openness == u"open";
                    closed += t.items[size_t(idx)].openness == u"closed";
                }
                const QString o = open && !closed ? QStringLiteral("open") : closed && !open ? QStringLiteral("closed") : QStringLiteral("unknown");
                p.setPen(QPen(opennessColor(o), 1.5));
                p.setBrush(Qt::white);
                p.drawEllipse(at, marker * 0.9, marker * 0.9);
                p.setPen(kInk);
                p.setFont(font(marker * 0.9, true));
                p.drawText(QRectF(at.x() - marker, at.y() - marker, marker * 2, marker * 2), Qt::AlignCenter, QString::number(cl.size()));
            }
            hits.push_back(std::move(hit));
        }
    }
    p.restore();
    return hits;
}

QString exportChart(const QString &path, const Chart &chart, double scale)
{
    const int rows = chart.kind == ChartKind::Bars ? int(chart.bars.size()) : 12;
    return exportPicture(path, QSize(1200, std::clamp(220 + 34 * rows, 560, 2400)), scale, chart.title,
                         [&](QPainter &p, const QRectF &r) { paintChart(p, r, chart); });
}

QString exportTimeline(const QString &path, const report::Timeline &t, const TimelineView &view, const QString &title,
                       const QString &footnote, double scale)
{
    return exportPicture(path, QSize(1400, std::max(420, 160 + 46 * int(t.lanes.size()))), scale, title,
                         [&](QPainter &p, const QRectF &r) { paintTimeline(p, r, t, view, title, footnote); });
}

QString exportPicture(const QString &path, QSize size, double scale, const QString &title,
                      const std::function<void(QPainter &, const QRectF &)> &paint)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QRectF rect(QPointF(0, 0), QSizeF(size));
    if (suffix == u"svg") {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(rect);
        svg.setTitle(title);
        svg.setDescription(QStringLiteral("Made with Sextant"));
        QPainter p;
        if (!p.begin(&svg))
            return QStringLiteral("cannot write %1").arg(path);
        paint(p, rect);
        p.end();
        return QFileInfo(path).size() > 0 ? QString() : QStringLiteral("cannot write %1").arg(path);
    }
    if (suffix == u"png") {
        QImage image(QSize(int(size.width() * scale), int(size.height() * scale)), QImage::Format_ARGB32);
        image.setDevicePixelRatio(scale);
        image.fill(Qt::white);
        QPainter p(&image);
        paint(p, rect);
        p.end();
        return image.save(path, "PNG") ? QString() : QStringLiteral("cannot write %1").arg(path);
    }
    if (suffix == u"pdf") {
        QPdfWriter pdf(path);
        pdf.setTitle(title);
        pdf.setCreator(QStringLiteral("Sextant"));
        pdf.setResolution(96);
        pdf.setPageSize(QPageSize(QSizeF(size) * 72.0 / 96.0, QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter p;
        if (!p.begin(&pdf))
            return QStringLiteral("cannot write %1").arg(path);
        paint(p, rect);
        p.end();
        return QFileInfo(path).size() > 0 ? QString() : QStringLiteral("cannot write %1").arg(path);
    }
    return QStringLiteral("%1: the file name must end in .svg, .png or .pdf").arg(path);
}

} // namespace sextant::render
