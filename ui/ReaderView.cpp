#include "ReaderView.h"

namespace sextant::ui {

ReaderView::ReaderView(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setAccessibleName(tr("Reader"));
    document()->setDocumentMargin(18);
}

QVariant ReaderView::loadResource(int, const QUrl &)
{
    return {}; // nothing from the network or the disk, whatever the source asks
}

void ReaderView::showMessage(const QString &text)
{
    setHtml(QStringLiteral("<p style='color:gray'>%1</p>").arg(text.toHtmlEscaped()));
}

QString ReaderView::toHtml(const store::StoredDocument &d)
{
    const model::Document &doc = d.document;
    const model::Metadata &m = d.version.meta;
    auto esc = [&](model::TextRange r) { return doc.slice(r).toHtmlEscaped(); };
    QString html = QStringLiteral("<h1>%1</h1>").arg(m.title.toHtmlEscaped());
    QStringList about;
    if (!m.publisher.isEmpty())
        about << m.publisher.toHtmlEscaped();
    if (!m.author.isEmpty())
        about << m.author.toHtmlEscaped();
    if (m.published.isValid())
        about << m.published.toIso();
    if (!m.url.isEmpty())
        about << m.url.toHtmlEscaped();
    if (!about.isEmpty())
        html += QStringLiteral("<p style='color:gray'>%1</p>").arg(about.join(QStringLiteral(" · ")));
    int openLists = 0;
    bool skippedTitle = false;
    for (const model::Block &b : doc.blocks) {
        if (b.kind != model::BlockKind::ListItem) {
            for (; openLists > 0; --openLists)
                html += QStringLiteral("</ul>");
        }
        // Every block carries an anchor at its first character, for jumping to a passage.
        const QString at = QStringLiteral("<a name=\"o%1\"></a>").arg(b.range.start);
        switch (b.kind) {
        case model::BlockKind::Heading: {
            // The title is already at the top.
            if (!skippedTitle && doc.slice(b.range).simplified() == m.title.simplified()) {
                skippedTitle = true;
                break;
            }
            const int level = std::clamp(b.level + 1, 2, 6);
            html += QStringLiteral("<h%1>%2</h%1>").arg(level).arg(at + esc(b.range));
            break;
        }
        case model::BlockKind::Paragraph:
            html += QStringLiteral("<p>%1</p>").arg(at + esc(b.range).replace(u'\n', QStringLiteral("<br>")));
            break;
        case model::BlockKind::ListItem: {
            const int level = std::max(1, b.level);
            for (; openLists < level; ++openLists)
                html += QStringLiteral("<ul>");
            for (; openLists > level; --openLists)
                html += QStringLiteral("</ul>");
            html += QStringLiteral("<li>%1</li>").arg(at + esc(b.range));
            break;
        }
        case model::BlockKind::Quote:
            html += QStringLiteral("<blockquote><i>%1</i></blockquote>").arg(at + esc(b.range));
            break;
        case model::BlockKind::Code:
            html += QStringLiteral("<pre>%1</pre>").arg(esc(b.range));
            break;
        case model::BlockKind::Table: {
            html += at + QStringLiteral("<table border='1' cellspacing='0' cellpadding='4'>");
            for (const model::TableRow &row : b.rows) {
                html += QStringLiteral("<tr>");
                const QString tag = row.header ? QStringLiteral("th") : QStringLiteral("td");
                for (const model::TableCell &c : row.cells)
                    html += QStringLiteral("<%1>%2</%1>").arg(tag, esc(c.range));
                html += QStringLiteral("</tr>");
            }
            html += QStringLiteral("</table><p></p>");
            break;
        }
        }
    }
    for (; openLists > 0; --openLists)
        html += QStringLiteral("</ul>");
    return html;
}

void ReaderView::showDocument(const store::StoredDocument &doc)
{
    m_blockStarts.clear();
    for (const model::Block &b : doc.document.blocks)
        m_blockStarts.push_back(b.range.start);
    setHtml(toHtml(doc));
}

bool ReaderView::showPassage(qint64 offset)
{
    // The block the passage starts in: the last block starting at or before it.
    qint64 start = -1;
    for (const qint64 b : m_blockStarts)
        if (b <= offset)
            start = b;
    if (start < 0)
        return false;
    scrollToAnchor(QStringLiteral("o%1").arg(start));
    return true;
}

} // namespace sextant::ui
