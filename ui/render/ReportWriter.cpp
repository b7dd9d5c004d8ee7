#include "render/ReportWriter.h"

#include "render/Render.h"
#include "report/Bibliography.h"

#include <QBuffer>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTextDocument>
#include <set>

namespace sextant::render {

using report::escapeHtml;
using report::escapeMarkdown;

namespace {

const QSize kFigure(1100, 650);

QByteArray svgOf(QSize size, const QString &title, const std::function<void(QPainter &, const QRectF &)> &paint)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(size);
    svg.setViewBox(QRectF(QPointF(0, 0), QSizeF(size)));
    svg.setTitle(title);
    QPainter p(&svg);
    paint(p, QRectF(QPointF(0, 0), QSizeF(size)));
    p.end();
    return buffer.data();
}

/// The sources the report cites, in the library's order.
std::vector<store::SourceSummary> cited(const library::Knowledge &k, const ReportContent &c)
{
    std::set<qint64> ids;
    for (const report::Chart &chart : c.charts)
        ids.insert(chart.sources.begin(), chart.sources.end());
    if (c.timeline)
        ids.insert(c.timeline->sources.begin(), c.timeline->sources.end());
    if (c.conflicts)
        for (const library::Conflict &x : k.conflicts)
            for (const library::AttributeValue &v : x.values)
                if (v.from.source > 0)
                    ids.insert(v.from.source);
    std::vector<store::SourceSummary> out;
    for (const store::SourceSummary &s : k.sources)
        if (ids.count(s.id))
            out.push_back(s);
    return out;
}

QString sourceName(const library::Knowledge &k, qint64 id)
{
    for (const store::SourceSummary &s : k.sources)
        if (s.id == id)
            return s.publisher.isEmpty() ? s.title : s.publisher;
    return QStringLiteral("knowledge pack");
}

QString markdown(const library::Knowledge &k, const ReportContent &c, const QStringList &figureFiles)
{
    QString md = u"# " + escapeMarkdown(c.title) + u"\n\n";
    md += QStringLiteral("Made with Sextant on %1 from %2 source(s).\n\n").arg(QDate::currentDate().toString(Qt::ISODate)).arg(k.sources.size());
    int fig = 0;
    if (c.timeline) {
        md += QStringLiteral("## Timeline\n\n![Timeline of releases and events](%1)\n\n").arg(figureFiles.value(fig++));
        md += escapeMarkdown(report::timelineFootnote(k, *c.timeline)) + u"\n\n";
    }
    for (const report::Chart &chart : c.charts) {
        md += u"## " + escapeMarkdown(chart.title) + u"\n\n";
        md += QStringLiteral("![%1](%2)\n\n").arg(escapeMarkdown(chart.title), figureFiles.value(fig++));
        md += report::chartMarkdown(chart, k) + u'\n';
    }
    if (c.conflicts && !k.conflicts.empty()) {
        md += QStringLiteral("## Where sources disagree\n\n");
        for (const library::Conflict &x : k.conflicts) {
            md += QStringLiteral("- **%1**, %2:\n").arg(escapeMarkdown(x.subject), escapeMarkdown(x.attribute));
            for (const library::AttributeValue &v : x.values)
                md += QStringLiteral("  - %1 (%2): \u201c%3\u201d\n")
                          .arg(escapeMarkdown(v.display.isEmpty() ? v.value : v.display), escapeMarkdown(sourceName(k, v.from.source)),
                               escapeMarkdown(v.from.quote.left(300)));
        }
        md += u'\n';
    }
    md += QStringLiteral("## Annotations\n\nThis library has no annotations yet.\n\n");
    md += QStringLiteral("## Bibliography\n\n") + report::markdownBibliography(cited(k, c));
    return md;
}

QString html(const library::Knowledge &k, const ReportContent &c, bool withFigures)
{
    QString h = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                               "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
                               "<title>%1</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#212121}"
                               "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}"
                               "figure{margin:1em 0}svg{max-width:100%;height:auto}.muted{color:#616161}</style></head><body>\n")
                    .arg(escapeHtml(c.title));
    h += QStringLiteral("<h1>%1</h1><p class=\"muted\">Made with Sextant on %2 from %3 source(s).</p>\n")
             .arg(escapeHtml(c.title), QDate::currentDate().toString(Qt::ISODate))
             .arg(k.sources.size());
    auto figure = [&](const QByteArray &svg) {
        if (!withFigures)
            return;
        QByteArray body = svg;
        const qsizetype start = body.indexOf("<svg");
        if (start > 0)
            body = body.mid(start); // the XML prolog does not belong inside HTML
        h += QStringLiteral("<figure>") + QString::fromUtf8(body) + QStringLiteral("</figure>\n");
    };
    if (c.timeline) {
        h += QStringLiteral("<h2>Timeline</h2>\n");
        figure(timelineSvg(*c.timeline, QStringLiteral("Releases and events"), report::timelineFootnote(k, *c.timeline), kFigure));
    }
    for (const report::Chart &chart : c.charts) {
        h += QStringLiteral("<h2>%1</h2>\n").arg(escapeHtml(chart.title));
        figure(chartSvg(chart, kFigure));
        h += QStringLiteral("<table><tr><th>Model</th><th>Benchmark</th><th>Setting</th><th>Openness</th><th>Value</th><th>Sources</th></tr>\n");
        for (const report::Bar &b : chart.bars)
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td></tr>\n")
                     .arg(escapeHtml(b.model), escapeHtml(b.benchmark), escapeHtml(b.setting), escapeHtml(b.openness),
                          b.conflict ? QStringLiteral("%1\u2013%2 (sources differ)").arg(b.low).arg(b.high) : QString::number(b.value),
                          escapeHtml(report::citeSources(k, b.sources)));
        h += QStringLiteral("</table>\n");
        for (const QString &n : chart.notes)
            h += QStringLiteral("<p class=\"muted\">%1</p>\n").arg(escapeHtml(n));
        h += QStringLiteral("<p class=\"muted\">%1</p>\n").arg(escapeHtml(chart.footnote));
    }
    if (c.conflicts && !k.conflicts.empty()) {
        h += QStringLiteral("<h2>Where sources disagree</h2><ul>\n");
        for (const library::Conflict &x : k.conflicts) {
            h += QStringLiteral("<li><b>%1</b>, %2<ul>").arg(escapeHtml(x.subject), escapeHtml(x.attribute));
            for (const library::AttributeValue &v : x.values)
                h += QStringLiteral("<li>%1 (%2): <q>%3</q></li>")
                         .arg(escapeHtml(v.display.isEmpty() ? v.value : v.display), escapeHtml(sourceName(k, v.from.source)),
                              escapeHtml(v.from.quote.left(300)));
            h += QStringLiteral("</ul></li>\n");
        }
        h += QStringLiteral("</ul>\n");
    }
    h += QStringLiteral("<h2>Annotations</h2><p>This library has no annotations yet.</p>\n<h2>Bibliography</h2><ul>\n");
    for (const store::SourceSummary &s : cited(k, c)) {
        QString item = escapeHtml(s.title.isEmpty() ? QStringLiteral("Untitled") : s.title) + u'.';
        if (!s.publisher.isEmpty())
            item += u' ' + escapeHtml(s.publisher) + u'.';
        if (s.published.isValid())
            item += u' ' + s.published.toIso() + u'.';
        if (s.url.startsWith(u"http://") || s.url.startsWith(u"https://"))
            item += QStringLiteral(" <a href=\"%1\">%1</a>").arg(escapeHtml(s.url));
        h += u"<li>" + item + u"</li>\n";
    }
    h += QStringLiteral("</ul></body></html>\n");
    return h;
}

QString writeText(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
    return {};
}

} // namespace

QByteArray chartSvg(const report::Chart &chart, QSize size)
{
    return svgOf(size, chart.title, [&](QPainter &p, const QRectF &r) { paintChart(p, r, chart); });
}

QByteArray timelineSvg(const report::Timeline &t, const QString &title, const QString &footnote, QSize size)
{
    return svgOf(size, title, [&](QPainter &p, const QRectF &r) { paintTimeline(p, r, t, {}, title, footnote); });
}

QString writeReport(const QString &path, const library::Knowledge &k, const ReportContent &c)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"md" || suffix == u"markdown") {
        // Figures as SVG files beside the report, named after it.
        QStringList files;
        const QFileInfo info(path);
        int n = 0;
        auto save = [&](const QByteArray &svg) {
            const QString name = QStringLiteral("%1-figure-%2.svg").arg(info.completeBaseName()).arg(++n);
            const QString error = writeText(info.dir().filePath(name), svg);
            files << name;
            return error;
        };
        if (c.timeline)
            if (QString e = save(timelineSvg(*c.timeline, QStringLiteral("Releases and events"), report::timelineFootnote(k, *c.timeline), kFigure)); !e.isEmpty())
                return e;
        for (const report::Chart &chart : c.charts)
            if (QString e = save(chartSvg(chart, kFigure)); !e.isEmpty())
                return e;
        return writeText(path, markdown(k, c, files).toUtf8());
    }
    if (suffix == u"html" || suffix == u"htm")
        return writeText(path, html(k, c, true).toUtf8());
    if (suffix == u"pdf") {
        // Figures a page each, then the text (tables, disagreements, bibliography) paginated.
        QPdfWriter pdf(path);
        pdf.setTitle(c.title);
        pdf.setCreator(QStringLiteral("Sextant"));
        pdf.setResolution(96);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageOrientation(QPageLayout::Landscape);
        pdf.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
        QPainter p;
        if (!p.begin(&pdf))
            return QStringLiteral("cannot write %1").arg(path);
        const QRectF page(QPointF(0, 0), QSizeF(pdf.width(), pdf.height()));
        bool first = true;
        auto nextPage = [&] {
            if (!first)
                pdf.newPage();
            first = false;
        };
        if (c.timeline) {
            nextPage();
            paintTimeline(p, page, *c.timeline, {}, QStringLiteral("Releases and events"), report::timelineFootnote(k, *c.timeline));
        }
        for (const report::Chart &chart : c.charts) {
            nextPage();
            paintChart(p, page, chart);
        }
        QTextDocument doc;
        doc.setHtml(html(k, c, false));
        doc.setPageSize(page.size());
        const int pages = doc.pageCount();
        for (int i = 0; i < pages; ++i) {
            nextPage();
            p.save();
            p.translate(0, -page.height() * i);
            doc.drawContents(&p, QRectF(0, page.height() * i, page.width(), page.height()));
            p.restore();
        }
        p.end();
        return QFileInfo(path).size() > 0 ? QString() : QStringLiteral("cannot write %1").arg(path);
    }
    return QStringLiteral("%1: a report ends in .md, .html or .pdf").arg(path);
}

} // namespace sextant::render
