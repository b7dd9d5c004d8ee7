// Exported charts, timelines and reports hold real content: an SVG names each
// model and value, a PNG has the requested size and is not blank, a PDF has the
// pages expected; and nothing from a source can inject markup.
#include "TestSupport.h"

#include "library/Knowledge.h"
#include "render/Render.h"
#include "render/ReportWriter.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace sextant;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int pdfPages(const QByteArray &pdf)
{
    int n = 0;
    for (qsizetype at = 0; (at = pdf.indexOf("/Type /Page", at)) >= 0; ++at)
        if (!pdf.mid(at, 12).endsWith('s'))
            ++n;
    return n;
}

report::Chart sampleChart()
{
    report::Chart c;
    c.title = QStringLiteral("GPQA Diamond: scores by model");
    c.xLabel = QStringLiteral("score (%)");
    c.benchmarks = {QStringLiteral("GPQA Diamond")};
    c.footnote = QStringLiteral("Sources: Example Wire, 2026-04-08.");
    auto bar = [](const char *model, double v, const char *openness) {
        report::Bar b;
        b.model = QString::fromUtf8(model);
        b.benchmark = QStringLiteral("GPQA Diamond");
        b.value = b.low = b.high = v;
        b.openness = QString::fromLatin1(openness);
        b.unit = QStringLiteral("%");
        return b;
    };
    c.bars = {bar("Kestrel 2", 81.5, "closed"), bar("Gemma 9 27B", 62.25, "open"), bar("<script>alert(1)</script>", 40, "unknown")};
    c.bars[1].low = 61.5;
    c.bars[1].high = 63;
    c.bars[1].conflict = true;
    return c;
}

} // namespace

TEST_CASE("a chart exported as SVG, PNG and PDF holds its content")
{
    QTemporaryDir tmp;
    const report::Chart c = sampleChart();
    auto paint = [&](QPainter &p, const QRectF &r) { render::paintChart(p, r, c); };

    const QString svg = tmp.filePath(QStringLiteral("c.svg"));
    REQUIRE(render::exportPicture(svg, QSize(1000, 600), 2, c.title, paint).isEmpty());
    const QByteArray s = readAll(svg);
    CHECK(s.contains("Kestrel 2"));
    CHECK(s.contains("81.5%"));
    CHECK(s.contains("Gemma 9 27B"));
    CHECK(s.contains("61.5\xE2\x80\x93" "63% (sources differ)")); // the disagreement is said, not hidden
    CHECK(s.contains("GPQA Diamond: scores by model"));
    CHECK(s.contains("Example Wire"));
    CHECK_FALSE(s.contains("<script")); // a name is text, never markup
    CHECK(s.contains("&lt;script&gt;"));

    const QString png = tmp.filePath(QStringLiteral("c.png"));
    REQUIRE(render::exportPicture(png, QSize(1000, 600), 2, c.title, paint).isEmpty());
    const QImage image(png);
    CHECK(image.size() == QSize(2000, 1200));
    int inked = 0;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4)
            inked += image.pixel(x, y) != qRgb(255, 255, 255) ? 1 : 0;
    CHECK(inked > 2000); // bars and text, not a blank page

    const QString pdf = tmp.filePath(QStringLiteral("c.pdf"));
    REQUIRE(render::exportPicture(pdf, QSize(1000, 600), 2, c.title, paint).isEmpty());
    const QByteArray p = readAll(pdf);
    CHECK(p.startsWith("%PDF-"));
    CHECK(pdfPages(p) == 1);

    CHECK_FALSE(render::exportPicture(tmp.filePath(QStringLiteral("c.gif")), QSize(10, 10), 1, c.title, paint).isEmpty());
}

TEST_CASE("the timeline and a report exported from a library; what sources hold is escaped")
{
    QTemporaryDir tmp;
    const QString dir = tmp.path() + QStringLiteral("/in");
    test::writeFile(dir + QStringLiteral("/a.md"),
                    "# Release <script>alert('x')</script> notes\n\n"
                    "| Model | MMLU-Pro |\n|---|---|\n| Gemma 9 | 60.0 |\n| Claude Opus 9 | 70.0 |\n\n"
                    "On March 3, 2031, Google released Gemma 9, an open-weight model. "
                    "On May 5, 2031, Anthropic released Claude Opus 9, a proprietary model. "
                    "In 2030, Anthropic released Claude Opus 8.\n");
    auto lib = test::openWritable(tmp.path() + QStringLiteral("/lib"));
    test::ingest(*lib, {dir});
    auto k = library::Knowledge::load(*lib);
    REQUIRE(k);

    const report::Timeline t = report::buildTimeline(*k, {});
    REQUIRE(t.items.size() >= 3);
    const QString svg = tmp.filePath(QStringLiteral("t.svg"));
    REQUIRE(render::exportPicture(svg, QSize(1200, 500), 2, QStringLiteral("Timeline"), [&](QPainter &p, const QRectF &r) {
                render::paintTimeline(p, r, t, {}, QStringLiteral("Timeline"), QStringLiteral("Sources: test"));
            }).isEmpty());
    const QByteArray s = readAll(svg);
    CHECK(s.contains("Gemma 9"));
    CHECK(s.contains("Claude Opus 9"));
    CHECK(s.contains("Anthropic"));
    CHECK(s.contains("2031"));

    // Hit boxes for hovering: one per drawn item or cluster.
    QImage image(1200, 500, QImage::Format_ARGB32);
    QPainter painter(&image);
    const auto hits = render::paintTimeline(painter, QRectF(0, 0, 1200, 500), t, {}, QStringLiteral("T"), QString());
    painter.end();
    size_t covered = 0;
    for (const auto &h : hits)
        covered += h.items.size();
    CHECK(covered == t.items.size());

    render::ReportContent content;
    report::ChartRequest r;
    r.benchmarks = {QStringLiteral("MMLU-Pro")};
    content.charts.push_back(*report::buildChart(*k, r));
    content.timeline = t;
    const QString html = tmp.filePath(QStringLiteral("r.html"));
    REQUIRE(render::writeReport(html, *k, content).isEmpty());
    const QByteArray h = readAll(html);
    CHECK(h.contains("<svg"));
    CHECK(h.contains("Gemma 9"));
    CHECK(h.contains("Bibliography"));
    CHECK_FALSE(h.contains("<script"));
    CHECK_FALSE(h.contains("<?xml")); // figures inline, without their prolog

    const QString md = tmp.filePath(QStringLiteral("r.md"));
    REQUIRE(render::writeReport(md, *k, content).isEmpty());
    const QString m = QString::fromUtf8(readAll(md));
    CHECK(m.contains(QStringLiteral("![Timeline of releases and events](r-figure-1.svg)")));
    CHECK(QFileInfo::exists(tmp.filePath(QStringLiteral("r-figure-2.svg"))));
    CHECK_FALSE(m.contains(QStringLiteral("<script")));

    const QString pdf = tmp.filePath(QStringLiteral("r.pdf"));
    REQUIRE(render::writeReport(pdf, *k, content).isEmpty());
    CHECK(pdfPages(readAll(pdf)) >= 3); // the timeline, the chart, then the text
}
