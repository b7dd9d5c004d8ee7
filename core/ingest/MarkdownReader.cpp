#include "ingest/MarkdownReader.h"

#include "ingest/DateParsing.h"
#include "ingest/HtmlReader.h"
#include "ingest/TextDecoder.h"
#include "model/DocumentBuilder.h"

#include <QRegularExpression>

#include <cmark.h>

#include <memory>

namespace sextant::ingest {

using model::BlockKind;
using model::Document;
using model::DocumentBuilder;

namespace {

struct NodeDeleter {
    void operator()(cmark_node *n) const { cmark_node_free(n); }
};
struct IterDeleter {
    void operator()(cmark_iter *i) const { cmark_iter_free(i); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;
using IterPtr = std::unique_ptr<cmark_iter, IterDeleter>;

NodePtr parseMarkdown(const QByteArray &utf8)
{
    return NodePtr(cmark_parse_document(utf8.constData(), static_cast<size_t>(utf8.size()), CMARK_OPT_DEFAULT));
}

QString unquote(QString v)
{
    v = v.trimmed();
    if (v.size() >= 2 && ((v.front() == u'"' && v.back() == u'"') || (v.front() == u'\'' && v.back() == u'\'')))
        v = v.mid(1, v.size() - 2);
    return v.trimmed();
}

// ---------------------------------------------------------------------------
// Front matter: YAML between --- lines or TOML between +++ lines. Only the
// top-level scalar keys (and the first item of a list) are needed.

struct FrontMatter {
    QHash<QString, QString> values;
    qsizetype bodyStart = 0; // offset in the source after the closing fence
};

FrontMatter readFrontMatter(const QString &src)
{
    FrontMatter fm;
    const bool yaml = src.startsWith(u"---\n") || src.startsWith(u"---\r\n");
    const bool toml = src.startsWith(u"+++\n") || src.startsWith(u"+++\r\n");
    if (!yaml && !toml)
        return fm;
    const QString fence = yaml ? QStringLiteral("---") : QStringLiteral("+++");
    qsizetype pos = src.indexOf(u'\n') + 1;
    QString lastKey;
    while (pos < src.size()) {
        qsizetype nl = src.indexOf(u'\n', pos);
        if (nl < 0)
            nl = src.size();
        const QString line = src.mid(pos, nl - pos).trimmed() == fence ? fence : src.mid(pos, nl - pos);
        pos = nl + 1;
        if (line == fence || (yaml && line.trimmed() == u"...")) {
            fm.bodyStart = std::min(pos, src.size());
            return fm;
        }
        if (line.trimmed().startsWith(u'#') || line.trimmed().isEmpty())
            continue;
        const bool indented = line.front().isSpace();
        if (indented || line.startsWith(u'-')) {
            // A list item or nested key under the last key: "- name" or "  name: X".
            QString item = line.trimmed();
            if (item.startsWith(u'-'))
                item = item.mid(1).trimmed();
            if (!lastKey.isEmpty() && fm.values.value(lastKey).isEmpty()) {
                const qsizetype colon = item.indexOf(u':');
                if (colon > 0 && item.left(colon).trimmed() == u"name")
                    item = item.mid(colon + 1);
                else if (colon > 0)
                    continue;
                fm.values[lastKey] = unquote(item);
            }
            continue;
        }
        const qsizetype sep = yaml ? line.indexOf(u':') : line.indexOf(u'=');
        if (sep <= 0)
            continue;
        lastKey = line.left(sep).trimmed().toLower();
        QString value = line.mid(sep + 1).trimmed();
        if (value.startsWith(u'[') && value.endsWith(u']')) // [a, b] -> a
            value = value.mid(1, value.size() - 2).split(u',').value(0);
        fm.values[lastKey] = unquote(value);
    }
    return {}; // no closing fence: not front matter after all
}

// ---------------------------------------------------------------------------
// Static-site and MDX noise: Hugo shortcodes, Liquid tags, MDX imports,
// exports, expressions and component tags. Code fences are left alone.

QString stripTemplating(const QString &body, bool mdx)
{
    static const QRegularExpression shortcode(QStringLiteral(R"(\{\{[<%].*?[%>]\}\})"),
                                              QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression liquid(QStringLiteral(R"(\{%-?.*?-?%\}|\{\{-?.*?-?\}\})"));
    // MDX module lines; in plain .md only the unmistakable "import X from '...'" form.
    static const QRegularExpression mdxModule(QStringLiteral(R"(^(import|export)\s)"));
    static const QRegularExpression esImport(QStringLiteral(R"(^import\s+[\w{}, *]+\s+from\s+['"][^'"]+['"];?\s*$)"));
    static const QRegularExpression jsxTag(QStringLiteral(R"(</?[A-Z][A-Za-z0-9_.]*(\s+[^<>]*?)?/?>)"));
    static const QRegularExpression jsxComment(QStringLiteral(R"(\{/\*.*?\*/\})"));
    static const QRegularExpression fenceRe(QStringLiteral(R"(^\s{0,3}(```+|~~~+))"));

    QString out;
    out.reserve(body.size());
    const QStringList lines = body.split(u'\n');
    QString fence;
    QString pending; // shortcodes may span lines; join outside code
    for (const QString &line : lines) {
        const auto fm = fenceRe.match(line);
        if (!fence.isEmpty()) {
            out += line + u'\n';
            if (fm.hasMatch() && fm.captured(1).startsWith(fence.front()) && fm.captured(1).size() >= fence.size())
                fence.clear();
            continue;
        }
        if (fm.hasMatch()) {
            fence = fm.captured(1);
            out += line + u'\n';
            continue;
        }
        if ((mdx && mdxModule.match(line).hasMatch()) || esImport.match(line).hasMatch())
            continue;
        QString l = line;
        if (l.contains(u"{{") || l.contains(u"{%")) {
            l.remove(shortcode);
            l.remove(liquid);
        }
        if (mdx) {
            l.remove(jsxComment);
            l.remove(jsxTag);
            const QString t = l.trimmed();
            if (t.startsWith(u'{') && t.endsWith(u'}'))
                l.clear();
        }
        out += l + u'\n';
    }
    if (!out.isEmpty())
        out.chop(1);
    return out;
}

// ---------------------------------------------------------------------------
// GitHub-style pipe tables, which plain cmark reads as paragraphs.

QStringList splitRow(QStringView line)
{
    QString l = line.trimmed().toString();
    if (l.startsWith(u'|'))
        l.remove(0, 1);
    if (l.endsWith(u'|') && !l.endsWith(u"\\|"))
        l.chop(1);
    QStringList cells;
    QString cur;
    bool inCode = false;
    for (qsizetype i = 0; i < l.size(); ++i) {
        const QChar c = l[i];
        if (c == u'\\' && i + 1 < l.size() && l[i + 1] == u'|') {
            cur += u'|';
            ++i;
        } else if (c == u'`') {
            inCode = !inCode;
            cur += c;
        } else if (c == u'|' && !inCode) {
            cells << cur.trimmed();
            cur.clear();
        } else {
            cur += c;
        }
    }
    cells << cur.trimmed();
    return cells;
}

bool isDelimiterRow(QStringView line, qsizetype *columns)
{
    static const QRegularExpression cell(QStringLiteral(R"(^\s*:?-+:?\s*$)"));
    if (!line.contains(u'-') || !(line.contains(u'|') || line.contains(u':')))
        return false;
    const QStringList cells = splitRow(line);
    for (const QString &c : cells)
        if (!cell.match(c).hasMatch())
            return false;
    *columns = cells.size();
    return true;
}

/// Strips a line's container prefixes (blockquote markers, list indentation).
QString stripContainer(QString line)
{
    line = line.trimmed();
    while (line.startsWith(u'>'))
        line = line.mid(1).trimmed();
    return line;
}

/// Inline Markdown of one table cell or loose line, to plain text.
QString inlineText(const QString &markdown)
{
    if (markdown.isEmpty())
        return {};
    QString md = markdown;
    static const QRegularExpression br(QStringLiteral(R"(<br\s*/?>)"), QRegularExpression::CaseInsensitiveOption);
    md.replace(br, QStringLiteral(" "));
    NodePtr root = parseMarkdown(md.toUtf8());
    QString out;
    IterPtr it(cmark_iter_new(root.get()));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it.get());
        if (ev != CMARK_EVENT_ENTER)
            continue;
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            out += QString::fromUtf8(cmark_node_get_literal(n));
            break;
        case CMARK_NODE_HTML_INLINE: {
            const QString tag = QString::fromUtf8(cmark_node_get_literal(n)).toLower();
            if (tag.startsWith(u"<sup"))
                out += u'^';
            break;
        }
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            out += u' ';
            break;
        case CMARK_NODE_IMAGE:
            cmark_iter_reset(it.get(), n, CMARK_EVENT_EXIT);
            break;
        default:
            break;
        }
    }
    return out.simplified();
}

// ---------------------------------------------------------------------------

class MarkdownWalker {
public:
    MarkdownWalker(DocumentBuilder &b, const QList<QByteArray> &lines, const ReadOptions &options)
        : m_b(b), m_lines(lines), m_options(options)
    {
    }

    void walk(cmark_node *root)
    {
        IterPtr it(cmark_iter_new(root));
        cmark_event_type ev;
        while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
            cmark_node *n = cmark_iter_get_node(it.get());
            const bool enter = ev == CMARK_EVENT_ENTER;
            switch (cmark_node_get_type(n)) {
            case CMARK_NODE_HEADING:
                if (enter)
                    m_b.beginBlock(BlockKind::Heading, cmark_node_get_heading_level(n));
                else
                    m_b.endBlock();
                break;
            case CMARK_NODE_PARAGRAPH:
                if (enter) {
                    if (paragraphWithTable(n)) {
                        cmark_iter_reset(it.get(), n, CMARK_EVENT_EXIT);
                        break;
                    }
                    beginTextBlock();
                } else {
                    m_b.endBlock();
                }
                break;
            case CMARK_NODE_LIST:
                m_listDepth += enter ? 1 : -1;
                break;
            case CMARK_NODE_ITEM:
                m_itemDepth += enter ? 1 : -1;
                break;
            case CMARK_NODE_BLOCK_QUOTE:
                m_quoteDepth += enter ? 1 : -1;
                break;
            case CMARK_NODE_CODE_BLOCK: {
                QString code = QString::fromUtf8(cmark_node_get_literal(n));
                if (code.endsWith(u'\n'))
                    code.chop(1);
                m_b.beginBlock(BlockKind::Code);
                m_b.appendVerbatim(code);
                m_b.endBlock();
                break;
            }
            case CMARK_NODE_HTML_BLOCK: {
                // Consecutive HTML blocks are one piece of HTML cut by blank lines.
                QByteArray html = cmark_node_get_literal(n);
                cmark_node *last = n;
                while (cmark_node *next = cmark_node_next(last)) {
                    if (cmark_node_get_type(next) != CMARK_NODE_HTML_BLOCK)
                        break;
                    html += cmark_node_get_literal(next);
                    last = next;
                }
                m_b.endBlock();
                appendHtmlFragment(html, m_b, m_options);
                cmark_iter_reset(it.get(), last, CMARK_EVENT_EXIT);
                break;
            }
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE:
                ensureBlock();
                m_b.appendInline(QString::fromUtf8(cmark_node_get_literal(n)));
                break;
            case CMARK_NODE_SOFTBREAK:
                m_b.appendInline(QStringLiteral(" "));
                break;
            case CMARK_NODE_LINEBREAK:
                m_b.lineBreak();
                break;
            case CMARK_NODE_HTML_INLINE: {
                const QString tag = QString::fromUtf8(cmark_node_get_literal(n)).trimmed().toLower();
                if (tag.startsWith(u"<br"))
                    m_b.lineBreak();
                else if (tag.startsWith(u"<sup"))
                    m_b.appendInline(QStringLiteral("^"));
                break;
            }
            case CMARK_NODE_IMAGE:
                // Alt text is not the article's text; images yield nothing.
                if (enter)
                    cmark_iter_reset(it.get(), n, CMARK_EVENT_EXIT);
                break;
            default:
                break;
            }
        }
        m_b.endBlock();
    }

private:
    void beginTextBlock()
    {
        if (m_itemDepth > 0)
            m_b.beginBlock(BlockKind::ListItem, std::max(1, m_listDepth));
        else if (m_quoteDepth > 0)
            m_b.beginBlock(BlockKind::Quote);
        else
            m_b.beginBlock(BlockKind::Paragraph);
    }

    void ensureBlock()
    {
        if (!m_b.inBlock())
            beginTextBlock();
    }

    QString line(int oneBased) const
    {
        const int i = oneBased - 1;
        return i >= 0 && i < m_lines.size() ? QString::fromUtf8(m_lines[i]) : QString();
    }

    /// If the paragraph holds a pipe table, writes the paragraph as text,
    /// table, text and returns true.
    bool paragraphWithTable(cmark_node *para)
    {
        const int first = cmark_node_get_start_line(para);
        const int last = cmark_node_get_end_line(para);
        if (last - first < 1)
            return false;
        QStringList rows;
        for (int l = first; l <= last; ++l)
            rows << stripContainer(line(l));
        qsizetype columns = 0;
        qsizetype header = -1;
        for (qsizetype i = 0; i + 1 < rows.size(); ++i) {
            if (rows[i].contains(u'|') && isDelimiterRow(rows[i + 1], &columns)
                && splitRow(rows[i]).size() == columns) {
                header = i;
                break;
            }
        }
        if (header < 0)
            return false;
        auto emitText = [&](qsizetype from, qsizetype to) {
            if (from >= to)
                return;
            const QString t = inlineText(rows.mid(from, to - from).join(u'\n'));
            if (t.isEmpty())
                return;
            beginTextBlock();
            m_b.appendInline(t);
            m_b.endBlock();
        };
        emitText(0, header);
        qsizetype end = header + 2;
        while (end < rows.size() && rows[end].contains(u'|'))
            ++end;
        m_b.endBlock();
        m_b.beginTable();
        for (qsizetype r = header; r < end; ++r) {
            if (r == header + 1)
                continue; // the delimiter row
            m_b.beginRow(r == header);
            QStringList cells = splitRow(rows[r]);
            cells.resize(columns); // GFM: extra cells dropped, missing ones empty
            for (const QString &cell : cells) {
                m_b.beginCell(r == header);
                m_b.appendInline(inlineText(cell));
                m_b.endCell();
            }
            m_b.endRow();
        }
        m_b.endTable();
        emitText(end, rows.size());
        return true;
    }

    DocumentBuilder &m_b;
    const QList<QByteArray> &m_lines;
    const ReadOptions &m_options;
    int m_listDepth = 0;
    int m_itemDepth = 0;
    int m_quoteDepth = 0;
};

} // namespace

QString markdownLibraryVersion() { return QString::fromLatin1(cmark_version_string()); }

Result<Document> readMarkdown(QByteArrayView bytes, const ReadOptions &options)
{
    Document doc;
    doc.format = model::Format::Markdown;
    const DecodedText decoded = decodeText(bytes);
    doc.warnings = decoded.warnings();
    QString src = normalizeLineEnds(decoded.text);

    const FrontMatter fm = readFrontMatter(src);
    const bool mdx = options.fileName.endsWith(u".mdx", Qt::CaseInsensitive);
    const QByteArray body = stripTemplating(src.mid(fm.bodyStart), mdx).toUtf8();
    const QList<QByteArray> lines = body.split('\n');

    NodePtr root = parseMarkdown(body);
    if (!root)
        return fail(ErrorCode::Invalid, QStringLiteral("the Markdown parser could not read the file"));
    DocumentBuilder builder(doc, options.maxBlockChars);
    MarkdownWalker(builder, lines, options).walk(root.get());

    model::Metadata &meta = doc.meta;
    auto value = [&](std::initializer_list<const char *> keys) {
        for (const char *k : keys) {
            const QString v = fm.values.value(QString::fromLatin1(k));
            if (!v.isEmpty())
                return v;
        }
        return QString();
    };
    meta.title = value({"title", "headline", "name"});
    if (!meta.title.isEmpty())
        meta.titleFrom = QStringLiteral("front matter");
    meta.author = value({"author", "authors", "byline"});
    meta.publisher = value({"publisher", "source", "site", "site_name"});
    meta.url = value({"canonical_url", "canonicalurl", "canonical", "url", "link", "permalink"});
    if (!meta.url.startsWith(u"http"))
        meta.url.clear(); // a site-relative permalink is no address to cite
    const QString date = value({"date", "published", "publishdate", "pubdate", "published_at", "created"});
    if (const model::PartialDate d = parseDate(date); d.isValid()) {
        meta.published = d;
        meta.publishedFrom = QStringLiteral("front matter");
    }
    return doc;
}

} // namespace sextant::ingest
