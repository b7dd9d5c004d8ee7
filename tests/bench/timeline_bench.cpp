// Repainting the timeline with 10,000 events after a pan (offscreen): the
// figure the timeline view's smoothness target (16 ms) is measured by.
// Also a bar chart's paint, for scale.

#include "render/Render.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImage>
#include <QRandomGenerator>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace sextant;

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const int events = argc > 1 ? std::max(1, atoi(argv[1])) : 10000;

    report::Timeline t;
    for (int i = 0; i < 12; ++i)
        t.lanes << QStringLiteral("Organization %1").arg(i + 1);
    QRandomGenerator rng(42);
    const char *kinds[] = {"release", "release", "release", "investment", "announcement", "license_change"};
    const char *openness[] = {"open", "closed", "unknown"};
    for (int i = 0; i < events; ++i) {
        report::TimelineItem item;
        const QDate day = QDate(1996, 1, 1).addDays(rng.bounded(30 * 365));
        const int precision = rng.bounded(10); // mostly days, some months and years
        item.date = precision == 0 ? model::PartialDate{day.year(), 0, 0, model::PartialDate::Precision::Year}
                    : precision == 1 ? model::PartialDate{day.year(), day.month(), 0, model::PartialDate::Precision::Month}
                                     : model::PartialDate::ymd(day.year(), day.month(), day.day());
        std::tie(item.first, item.last) = report::daysOf(item.date);
        item.kind = QString::fromLatin1(kinds[rng.bounded(6)]);
        item.openness = item.kind == u"release" ? QString::fromLatin1(openness[rng.bounded(3)]) : QString();
        item.lane = rng.bounded(12);
        item.entities = {QStringLiteral("Model %1").arg(i)};
        item.title = QStringLiteral("Event %1").arg(i);
        t.items.push_back(item);
    }
    std::sort(t.items.begin(), t.items.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    t.first = t.items.front().first;
    t.last = t.items.back().last;

    QImage image(1600, 900, QImage::Format_ARGB32_Premultiplied);
    auto measure = [&](const char *what, qint64 spanDays) {
        std::vector<double> ms;
        const qint64 room = std::max<qint64>(0, t.first.daysTo(t.last) - spanDays);
        for (int frame = 0; frame < 120; ++frame) {
            // Pans back and forth across the data, 1/60 of the view per frame.
            const qint64 step = std::max<qint64>(1, spanDays / 60);
            const qint64 cycle = room > 0 ? (frame * step) % (2 * room) : 0;
            const QDate from = t.first.addDays(cycle < room ? cycle : 2 * room - cycle);
            render::TimelineView view;
            view.from = from;
            view.to = from.addDays(spanDays);
            QElapsedTimer timer;
            timer.start();
            QPainter p(&image);
            render::paintTimeline(p, QRectF(0, 0, 1600, 900), t, view, QStringLiteral("Timeline"), QStringLiteral("Sources: generated"));
            p.end();
            ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        std::sort(ms.begin(), ms.end());
        std::printf("timeline repaint after a pan, %d events, %s: median %.2f ms, p95 %.2f ms, max %.2f ms\n", events, what,
                    ms[ms.size() / 2], ms[ms.size() * 95 / 100], ms.back());
    };
    measure("whole 30 years in view", t.first.daysTo(t.last));
    measure("5 years in view", 5 * 365);
    measure("3 months in view", 90);

    report::Chart c;
    c.title = QStringLiteral("Bench");
    c.benchmarks = {QStringLiteral("B")};
    for (int i = 0; i < 20; ++i) {
        report::Bar b;
        b.model = QStringLiteral("Model %1").arg(i);
        b.benchmark = QStringLiteral("B");
        b.value = b.low = b.high = 90 - i * 2.5;
        b.openness = QString::fromLatin1(openness[i % 3]);
        c.bars.push_back(b);
    }
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 50; ++i) {
        QPainter p(&image);
        render::paintChart(p, QRectF(0, 0, 1600, 900), c);
    }
    std::printf("bar chart of 20 models: %.2f ms per paint\n", double(timer.nsecsElapsed()) / 1e6 / 50);
    return 0;
}
