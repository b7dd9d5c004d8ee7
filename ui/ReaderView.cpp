#include "ReaderView.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPalette>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>
#include <QTextTable>
#include <QToolTip>

#include <algorithm>

namespace sextant::ui {

namespace {

bool darkPalette(const QPalette &p) { return p.color(QPalette::Base).lightness() < 128; }

} // namespace

ReaderView::ReaderView(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setAccessibleName(tr("Reader"));
    setTextInteractionFlags(Qt::TextBrowserInteraction | Qt::TextSelectableByKeyboard);
    setMouseTracking(true);
    document()->setDocumentMargin(18);
}

QVariant ReaderView::loadResource(int, const QUrl &)
{
    return {}; // nothing from the network or the disk, whatever the source asks
}

QColor ReaderView::kindColor(const QString &kind)
{
    if (kind == u"model")
        return QColor(0x3b82f6);
    if (kind == u"organization")
        return QColor(0x10b981);
    if (kind == u"benchmark")
        return QColor(0xf59e0b);
    if (kind == u"person")
        return QColor(0xec4899);
    if (kind == u"license")
        return QColor(0x8b5cf6);
    if (kind == u"product")
        return QColor(0x06b6d4);
    return QColor(0x94a3b8);
}

void ReaderView::showMessage(const QString &text)
{
    m_sourceId = m_versionId = 0;
    m_text.clear();
    m_segments.clear();
    m_mentions.clear();
    m_annotations.clear();
    setExtraSelections({});
    setHtml(QStringLiteral("<p style='color:gray'>%1</p>").arg(text.toHtmlEscaped()));
}

void ReaderView::showDocument(const store::StoredDocument &d)
{
    const model::Document &doc = d.document;
    const model::Metadata &m = d.version.meta;
    m_sourceId = d.version.sourceId;
    m_versionId = d.version.id;
    m_text = doc.text;
    m_segments.clear();
    m_mentions.clear();
    m_annotations.clear();
    m_flash.reset();
    setExtraSelections({});

    auto *td = new QTextDocument(this);
    td->setDocumentMargin(18);
    td->setDefaultFont(font());
    QTextCursor c(td);
    const QFont base = font();
    QTextCharFormat plain;
    QTextCharFormat grey;
    grey.setForeground(palette().color(QPalette::PlaceholderText));
    auto headingFormat = [&](int level) {
        QTextCharFormat f;
        f.setFontWeight(QFont::Bold);
        const double scale[] = {1.9, 1.5, 1.25, 1.1, 1.0, 1.0};
        f.setFontPointSize(base.pointSizeF() * scale[std::clamp(level - 1, 0, 5)]);
        return f;
    };
    bool first = true;
    auto newBlock = [&](const QTextBlockFormat &bf, const QTextCharFormat &cf) {
        if (first) {
            c.setBlockFormat(bf);
            c.setBlockCharFormat(cf);
            first = false;
        } else {
            c.insertBlock(bf, cf);
        }
    };
    // Inserts source text (newlines kept as line breaks, one character each) and records where it went.
    auto insertSource = [&](model::TextRange r, const QTextCharFormat &cf) {
        if (r.length() <= 0)
            return;
        QString s = doc.slice(r);
        s.replace(u'\n', QChar::LineSeparator);
        s.replace(u'\r', QChar(u' '));
        m_segments.push_back(Segment{r.start, r.length(), c.position()});
        c.insertText(s, cf);
    };

    // Title and what is known of the source; not source text.
    QTextBlockFormat titleBlock;
    titleBlock.setHeadingLevel(1);
    titleBlock.setBottomMargin(6);
    newBlock(titleBlock, headingFormat(1));
    c.insertText(m.title.isEmpty() ? tr("Untitled") : m.title, headingFormat(1));
    QStringList about;
    if (!m.publisher.isEmpty())
        about << m.publisher;
    if (!m.author.isEmpty())
        about << m.author;
    if (m.published.isValid())
        about << m.published.toIso();
    if (!m.url.isEmpty())
        about << m.url;
    if (!about.isEmpty()) {
        QTextBlockFormat bf;
        bf.setBottomMargin(12);
        newBlock(bf, grey);
        c.insertText(about.join(QStringLiteral(" · ")), grey);
    }

    bool skippedTitle = false;
    for (const model::Block &b : doc.blocks) {
        QTextBlockFormat bf;
        bf.setBottomMargin(8);
        switch (b.kind) {
        case model::BlockKind::Heading: {
            if (!skippedTitle && doc.slice(b.range).simplified() == m.title.simplified()) {
                skippedTitle = true; // already at the top
                break;
            }
            const int level = std::clamp(b.level + 1, 2, 6);
            bf.setHeadingLevel(level);
            bf.setTopMargin(10);
            newBlock(bf, headingFormat(level));
            insertSource(b.range, headingFormat(level));
            break;
        }
        case model::BlockKind::Paragraph:
            newBlock(bf, plain);
            insertSource(b.range, plain);
            break;
        case model::BlockKind::ListItem: {
            bf.setIndent(std::max(1, b.level));
            bf.setBottomMargin(2);
            newBlock(bf, plain);
            c.insertText(QStringLiteral("•  "), plain);
            insertSource(b.range, plain);
            break;
        }
        case model::BlockKind::Quote: {
            bf.setLeftMargin(24);
            QTextCharFormat italic;
            italic.setFontItalic(true);
            newBlock(bf, italic);
            insertSource(b.range, italic);
            break;
        }
        case model::BlockKind::Code: {
            QTextCharFormat mono;
            mono.setFontFamilies({QStringLiteral("monospace")});
            mono.setFontFixedPitch(true);
            bf.setNonBreakableLines(true);
            newBlock(bf, mono);
            insertSource(b.range, mono);
            break;
        }
        case model::BlockKind::Table: {
            int cols = 0;
            for (const model::TableRow &row : b.rows)
                cols = std::max(cols, static_cast<int>(row.cells.size()));
            if (cols == 0 || b.rows.empty())
                break;
            newBlock(bf, plain);
            QTextTableFormat tf;
            tf.setBorder(1);
            tf.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
            tf.setCellPadding(4);
            tf.setCellSpacing(0);
            tf.setBorderBrush(palette().color(QPalette::Mid));
            QTextTable *table = c.insertTable(static_cast<int>(b.rows.size()), cols, tf);
            for (int r = 0; r < static_cast<int>(b.rows.size()); ++r) {
                const model::TableRow &row = b.rows[static_cast<size_t>(r)];
                QTextCharFormat cf;
                if (row.header)
                    cf.setFontWeight(QFont::Bold);
                for (int k = 0; k < static_cast<int>(row.cells.size()); ++k) {
                    const model::TableCell &cell = row.cells[static_cast<size_t>(k)];
                    if (cell.spanned)
                        continue; // a copy of a spanning cell: its text is shown once, where it is
                    c = table->cellAt(r, k).firstCursorPosition();
                    insertSource(cell.range, cf);
                }
            }
            c = table->lastCursorPosition();
            c.movePosition(QTextCursor::NextCharacter);
            first = false;
            break;
        }
        }
    }
    // Blocks and cells come in text order (DocumentBuilder guarantees it), so the segments are sorted
    // both by source offset and by view position, which the lookups rely on.
    // The control deletes the document it made itself; the ones made here (parented to this view) go here.
    QTextDocument *old = document();
    const bool ours = old && old->parent() == this;
    setDocument(td);
    if (ours)
        old->deleteLater();
    verticalScrollBar()->setValue(0);
}

int ReaderView::positionOf(qint64 offset) const
{
    auto it = std::upper_bound(m_segments.begin(), m_segments.end(), offset,
                               [](qint64 o, const Segment &s) { return o < s.docStart; });
    if (it == m_segments.begin())
        return -1;
    --it;
    if (offset > it->docStart + it->length)
        return -1;
    return it->viewStart + static_cast<int>(offset - it->docStart);
}

qint64 ReaderView::offsetAt(int viewPosition) const
{
    // Segments are in view order too (blocks and cells are inserted in text order).
    auto it = std::upper_bound(m_segments.begin(), m_segments.end(), viewPosition,
                               [](int p, const Segment &s) { return p < s.viewStart; });
    if (it == m_segments.begin())
        return -1;
    --it;
    if (viewPosition > it->viewStart + it->length)
        return -1;
    return it->docStart + (viewPosition - it->viewStart);
}

std::optional<std::pair<qint64, qint64>> ReaderView::selectedRange() const
{
    const QTextCursor cur = textCursor();
    if (!cur.hasSelection())
        return std::nullopt;
    // The selection's ends may lie outside source text (a bullet, the title): move them inward.
    qint64 a = -1, b = -1;
    for (int p = cur.selectionStart(); p <= cur.selectionEnd() && a < 0; ++p)
        a = offsetAt(p);
    for (int p = cur.selectionEnd(); p >= cur.selectionStart() && b < 0; --p)
        b = offsetAt(p);
    if (a < 0 || b <= a)
        return std::nullopt;
    return std::pair{a, b - a};
}

const store::Store::NamedMention *ReaderView::mentionAt(qint64 offset) const
{
    for (const auto &m : m_mentions)
        if (offset >= m.start && offset < m.start + m.length && kindVisible(m.kind))
            return &m;
    return nullptr;
}

const annotate::Annotation *ReaderView::annotationAt(qint64 offset) const
{
    for (const auto &a : m_annotations)
        if (!a.orphaned && offset >= a.start && offset < a.end())
            return &a;
    return nullptr;
}

const annotate::Annotation *ReaderView::currentAnnotation() const
{
    const QTextCursor cur = textCursor();
    if (auto r = selectedRange()) {
        for (const auto &a : m_annotations)
            if (!a.orphaned && a.start < r->first + r->second && r->first < a.end())
                return &a;
        return nullptr;
    }
    const qint64 o = offsetAt(cur.position());
    return o >= 0 ? annotationAt(o) : nullptr;
}

void ReaderView::setMentions(std::vector<store::Store::NamedMention> mentions)
{
    m_mentions = std::move(mentions);
    applyHighlights();
}

void ReaderView::setAnnotations(std::vector<annotate::Annotation> annotations)
{
    m_annotations = std::move(annotations);
    applyHighlights();
}

void ReaderView::setKindVisible(const QString &kind, bool visible)
{
    if (visible)
        m_hiddenKinds.remove(kind);
    else
        m_hiddenKinds.insert(kind);
    applyHighlights();
}

void ReaderView::applyHighlights()
{
    QList<QTextEdit::ExtraSelection> sels;
    const bool dark = darkPalette(palette());
    auto range = [&](qint64 start, qint64 length) -> std::optional<QTextCursor> {
        const int a = positionOf(start), b = positionOf(start + length);
        if (a < 0 || b <= a)
            return std::nullopt;
        QTextCursor c(document());
        c.setPosition(a);
        c.setPosition(b, QTextCursor::KeepAnchor);
        return c;
    };
    for (const auto &m : m_mentions) {
        if (!kindVisible(m.kind))
            continue;
        auto c = range(m.start, m.length);
        if (!c)
            continue;
        QTextEdit::ExtraSelection s;
        s.cursor = *c;
        QColor bg = kindColor(m.kind);
        bg.setAlpha(dark ? 90 : 45);
        s.format.setBackground(bg);
        s.format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
        s.format.setUnderlineColor(kindColor(m.kind));
        sels << s;
    }
    for (const auto &a : m_annotations) {
        if (a.orphaned)
            continue;
        auto c = range(a.start, a.length);
        if (!c)
            continue;
        QTextEdit::ExtraSelection s;
        s.cursor = *c;
        QColor bg(annotate::colorHex(a.color));
        bg.setAlpha(dark ? 120 : 110);
        s.format.setBackground(bg);
        if (!a.note.isEmpty()) {
            s.format.setUnderlineStyle(QTextCharFormat::DotLine);
            s.format.setUnderlineColor(palette().color(QPalette::Text));
        }
        sels << s;
    }
    if (m_flash) {
        if (auto c = range(m_flash->first, std::max<qint64>(1, m_flash->second))) {
            QTextEdit::ExtraSelection s;
            s.cursor = *c;
            s.format.setProperty(QTextFormat::OutlinePen, QPen(palette().color(QPalette::Highlight), 2));
            s.format.setBackground(palette().color(QPalette::Highlight).lighter(dark ? 60 : 170));
            sels << s;
        }
    }
    setExtraSelections(sels);
}

bool ReaderView::showPassage(qint64 offset, qint64 length)
{
    const int p = positionOf(offset);
    if (p < 0)
        return false;
    m_flash = std::pair{offset, length};
    applyHighlights();
    QTextCursor c(document());
    c.setPosition(p);
    const int e = positionOf(offset + length);
    if (length > 0 && e > p)
        c.setPosition(e, QTextCursor::KeepAnchor);
    setTextCursor(c);
    // Centre the passage rather than leave it at the bottom edge.
    const QRect r = cursorRect(c);
    verticalScrollBar()->setValue(verticalScrollBar()->value() + r.top() - viewport()->height() / 3);
    return true;
}

void ReaderView::zoomBy(int steps)
{
    if (m_zoom + steps < -6 || m_zoom + steps > 12)
        return;
    m_zoom += steps;
    if (steps > 0)
        zoomIn(steps);
    else
        zoomOut(-steps);
}

void ReaderView::resetZoom() { zoomBy(-m_zoom); }

bool ReaderView::viewportEvent(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        const QPoint vp = help->pos();
        const qint64 o = offsetAt(cursorForPosition(vp).position());
        QStringList lines;
        if (o >= 0) {
            if (const auto *m = mentionAt(o))
                lines << tr("<b>%1</b> — %2<br><i>Click to inspect</i>").arg(m->name.toHtmlEscaped(), m->kind);
            if (const auto *a = annotationAt(o)) {
                QString t = tr("Highlight (%1)").arg(a->color);
                if (!a->note.isEmpty())
                    t += QStringLiteral(": ") + a->note.left(300).toHtmlEscaped();
                if (!a->tags.isEmpty())
                    t += QStringLiteral("<br>") + tr("Tags: %1").arg(a->tags.join(QStringLiteral(", ")).toHtmlEscaped());
                lines << t;
            }
        }
        if (lines.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), lines.join(QStringLiteral("<hr>")), this);
        return true;
    }
    return QTextBrowser::viewportEvent(e);
}

void ReaderView::changeEvent(QEvent *e)
{
    QTextBrowser::changeEvent(e);
    if (e->type() == QEvent::PaletteChange)
        applyHighlights(); // light and dark palettes take different strengths of the same colors
}

void ReaderView::mouseReleaseEvent(QMouseEvent *e)
{
    QTextBrowser::mouseReleaseEvent(e);
    if (e->button() != Qt::LeftButton || textCursor().hasSelection())
        return;
    const qint64 o = offsetAt(cursorForPosition(e->position().toPoint()).position());
    if (o < 0)
        return;
    if (const auto *a = annotationAt(o))
        Q_EMIT annotationActivated(a->id);
    if (const auto *m = mentionAt(o))
        Q_EMIT entityActivated(m->key);
}

} // namespace sextant::ui
