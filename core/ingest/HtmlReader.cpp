#include "ingest/HtmlReader.h"

#include "ingest/DateParsing.h"
#include "ingest/TextDecoder.h"
#include "model/DocumentBuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <gumbo.h>

#include <cctype>
#include <memory>

namespace sextant::ingest {

using model::BlockKind;
using model::Document;
using model::DocumentBuilder;

namespace {

// ---------------------------------------------------------------------------
// Small gumbo helpers

QString attr(const GumboNode *node, const char *name)
{
    if (node->type != GUMBO_NODE_ELEMENT)
        return {};
    const GumboAttribute *a = gumbo_get_attribute(&node->v.element.attributes, name);
    return a ? QString::fromUtf8(a->value).trimmed() : QString();
}

bool isElement(const GumboNode *node, GumboTag tag)
{
    return node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

const GumboVector *childrenOf(const GumboNode *node)
{
    if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE)
        return &node->v.element.children;
    if (node->type == GUMBO_NODE_DOCUMENT)
        return &node->v.document.children;
    return nullptr;
}

/// Visits every node under root in document order without recursion.
template <typename F>
void forEachNode(const GumboNode *root, F &&visit)
{
    std::vector<const GumboNode *> stack{root};
    while (!stack.empty()) {
        const GumboNode *node = stack.back();
        stack.pop_back();
        if (!visit(node))
            continue; // the visitor asked to skip this subtree
        if (const GumboVector *kids = childrenOf(node)) {
            for (unsigned int i = kids->length; i-- > 0;)
                stack.push_back(static_cast<const GumboNode *>(kids->data[i]));
        }
    }
}

QString textContent(const GumboNode *root)
{
    QString out;
    forEachNode(root, [&](const GumboNode *n) {
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA)
            out += QString::fromUtf8(n->v.text.text);
        return !(isElement(n, GUMBO_TAG_SCRIPT) || isElement(n, GUMBO_TAG_STYLE));
    });
    return out.simplified();
}

// ---------------------------------------------------------------------------
// What to drop and how elements behave

bool isSkippedTag(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV: case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE:
    case GUMBO_TAG_IMG: case GUMBO_TAG_SOURCE: case GUMBO_TAG_MAP:
    case GUMBO_TAG_MENU:
        return true;
    default:
        return false;
    }
}

bool isBlockContainer(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_DETAILS: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_CENTER:
    case GUMBO_TAG_HGROUP: case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: case GUMBO_TAG_DL:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_HR:
        return true;
    default:
        return false;
    }
}

// Words in class or id that mark page furniture rather than the article.
bool looksLikeBoilerplate(const GumboNode *node)
{
    static const QSet<QString> words{
        QStringLiteral("nav"),        QStringLiteral("navbar"),     QStringLiteral("navigation"),
        QStringLiteral("menu"),       QStringLiteral("footer"),     QStringLiteral("sidebar"),
        QStringLiteral("breadcrumb"), QStringLiteral("breadcrumbs"), QStringLiteral("comments"),
        QStringLiteral("share"),      QStringLiteral("sharing"),    QStringLiteral("social"),
        QStringLiteral("cookie"),     QStringLiteral("cookies"),    QStringLiteral("consent"),
        QStringLiteral("banner"),     QStringLiteral("advert"),     QStringLiteral("advertisement"),
        QStringLiteral("ad"),         QStringLiteral("ads"),        QStringLiteral("promo"),
        QStringLiteral("related"),    QStringLiteral("newsletter"), QStringLiteral("subscribe"),
        QStringLiteral("popup"),      QStringLiteral("modal"),      QStringLiteral("skip"),
        QStringLiteral("masthead"),   QStringLiteral("toolbar"),    QStringLiteral("paywall")};
    static const QRegularExpression split(QStringLiteral("[\\s_\\-]+"));
    const QString cls = attr(node, "class") + u' ' + attr(node, "id");
    if (cls.isEmpty())
        return false;
    const QStringList parts = cls.toLower().split(split, Qt::SkipEmptyParts);
    for (const QString &p : parts)
        if (words.contains(p))
            return true;
    const QString role = attr(node, "role").toLower();
    return role == u"navigation" || role == u"banner" || role == u"contentinfo" || role == u"complementary";
}

bool isHidden(const GumboNode *node)
{
    if (node->type != GUMBO_NODE_ELEMENT)
        return false;
    if (gumbo_get_attribute(&node->v.element.attributes, "hidden"))
        return true;
    if (attr(node, "aria-hidden").toLower() == u"true")
        return true;
    const QString style = attr(node, "style").toLower().remove(u' ');
    return style.contains(u"display:none") || style.contains(u"visibility:hidden");
}

/// A cell whose text is all inside <b>/<strong>: a header cell written without <th>.
bool allBold(const GumboNode *cell)
{
    bool anyText = false;
    bool allInBold = true;
    std::vector<std::pair<const GumboNode *, bool>> stack{{cell, false}};
    while (!stack.empty() && allInBold) {
        auto [n, bold] = stack.back();
        stack.pop_back();
        if (n->type == GUMBO_NODE_TEXT) {
            anyText = true;
            allInBold = bold;
            continue;
        }
        if (n->type != GUMBO_NODE_ELEMENT)
            continue;
        const GumboTag t = n->v.element.tag;
        const bool b = bold || t == GUMBO_TAG_B || t == GUMBO_TAG_STRONG;
        const GumboVector *kids = &n->v.element.children;
        for (unsigned int i = 0; i < kids->length; ++i)
            stack.emplace_back(static_cast<const GumboNode *>(kids->data[i]), b);
    }
    return anyText && allInBold;
}

int spanAttr(const GumboNode *node, const char *name)
{
    bool ok = false;
    const int v = attr(node, name).toInt(&ok);
    return ok ? v : 1;
}

// ---------------------------------------------------------------------------
// The walk from DOM to blocks

class BlockWalker {
public:
    BlockWalker(DocumentBuilder &b, bool dropBoilerplate, bool rootIsBody)
        : m_b(b), m_dropBoilerplate(dropBoilerplate), m_rootIsBody(rootIsBody)
    {
    }

    void walk(const GumboNode *root)
    {
        struct Frame {
            const GumboNode *node;
            unsigned int next;
        };
        std::vector<Frame> stack;
        auto visit = [&](const GumboNode *n) {
            m_skipChildren = false;
            enter(n);
            if (m_skipChildren)
                return; // enter() changed no state for a skipped element
            if (childrenOf(n))
                stack.push_back({n, 0});
            else
                leave(n);
        };
        visit(root);
        while (!stack.empty()) {
            Frame &top = stack.back();
            const GumboVector *kids = childrenOf(top.node);
            if (top.next >= kids->length) {
                const GumboNode *done = top.node;
                stack.pop_back();
                leave(done);
                continue;
            }
            visit(static_cast<const GumboNode *>(kids->data[top.next++]));
        }
    }

private:
    BlockKind paragraphKind() const { return m_quoteDepth > 0 ? BlockKind::Quote : BlockKind::Paragraph; }

    void ensureInlineBlock()
    {
        if (m_b.inTable() || m_b.inBlock())
            return;
        if (m_listDepth > 0 && m_inItem)
            m_b.beginBlock(BlockKind::ListItem, m_listDepth);
        else
            m_b.beginBlock(paragraphKind());
    }

    void text(const GumboNode *node)
    {
        const QString t = QString::fromUtf8(node->v.text.text);
        if (m_preDepth > 0) {
            if (!m_b.inBlock() && !m_b.inTable())
                m_b.beginBlock(BlockKind::Code);
            m_b.appendVerbatim(t);
            return;
        }
        if (node->type == GUMBO_NODE_WHITESPACE) {
            if (m_b.inBlock() || m_b.inCell())
                m_b.appendInline(QStringLiteral(" "));
            return;
        }
        ensureInlineBlock();
        m_b.appendInline(t);
    }

    void enter(const GumboNode *node)
    {
        switch (node->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
            text(node);
            return;
        case GUMBO_NODE_COMMENT:
            return;
        case GUMBO_NODE_DOCUMENT:
            return;
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE:
            break;
        }
        const GumboTag tag = node->v.element.tag;
        const bool furniture = m_dropBoilerplate
                               && (tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_ASIDE
                                   || (tag == GUMBO_TAG_HEADER && m_rootIsBody) || looksLikeBoilerplate(node));
        if (isSkippedTag(tag) || isHidden(node) || furniture) {
            m_skipChildren = true;
            return;
        }
        switch (tag) {
        case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
        case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
            if (m_b.inTable())
                return;
            m_b.endBlock();
            m_b.beginBlock(BlockKind::Heading, 1 + static_cast<int>(tag - GUMBO_TAG_H1));
            return;
        case GUMBO_TAG_P: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_SUMMARY: case GUMBO_TAG_CAPTION:
            if (m_b.inTable() && tag != GUMBO_TAG_CAPTION) {
                m_b.beginBlock(BlockKind::Paragraph); // separates text inside a cell
                return;
            }
            if (tag == GUMBO_TAG_CAPTION) {
                m_skipChildren = true; // emitted before the table, see GUMBO_TAG_TABLE
                return;
            }
            m_b.endBlock();
            if (m_listDepth > 0 && m_inItem)
                m_b.beginBlock(BlockKind::ListItem, m_listDepth);
            else
                m_b.beginBlock(paragraphKind());
            return;
        case GUMBO_TAG_PRE:
            if (!m_b.inTable()) {
                m_b.endBlock();
                m_b.beginBlock(BlockKind::Code);
            }
            ++m_preDepth;
            return;
        case GUMBO_TAG_BR:
            m_b.lineBreak();
            return;
        case GUMBO_TAG_UL: case GUMBO_TAG_OL:
            m_b.endBlock();
            m_itemStack.push_back(m_inItem);
            ++m_listDepth;
            m_inItem = false;
            return;
        case GUMBO_TAG_LI:
            if (m_b.inTable())
                return;
            m_b.endBlock();
            m_inItem = true;
            m_b.beginBlock(BlockKind::ListItem, std::max(1, m_listDepth));
            return;
        case GUMBO_TAG_BLOCKQUOTE:
            m_b.endBlock();
            ++m_quoteDepth;
            return;
        case GUMBO_TAG_TABLE:
            if (!m_b.inTable()) {
                m_b.endBlock();
                // A caption reads as a paragraph just above its table.
                if (const GumboVector *kids = childrenOf(node)) {
                    for (unsigned int i = 0; i < kids->length; ++i) {
                        const auto *k = static_cast<const GumboNode *>(kids->data[i]);
                        if (isElement(k, GUMBO_TAG_CAPTION)) {
                            const QString cap = textContent(k);
                            if (!cap.isEmpty()) {
                                m_b.beginBlock(BlockKind::Paragraph);
                                m_b.appendInline(cap);
                                m_b.endBlock();
                            }
                        }
                    }
                }
            }
            m_b.beginTable();
            ++m_tableDepth;
            return;
        case GUMBO_TAG_THEAD:
            if (m_tableDepth == 1)
                m_inThead = true;
            return;
        case GUMBO_TAG_TR:
            m_b.beginRow(m_inThead);
            return;
        case GUMBO_TAG_TD: case GUMBO_TAG_TH:
            m_b.beginCell(tag == GUMBO_TAG_TH || allBold(node), spanAttr(node, "rowspan"), spanAttr(node, "colspan"));
            return;
        case GUMBO_TAG_SUP: {
            // "89.5<sup>1</sup>" must not read as 89.51: mark the superscript.
            const QString inner = textContent(node);
            if (!inner.isEmpty() && inner.front().isLetterOrNumber() && (m_b.inBlock() || m_b.inCell()))
                m_b.appendInline(QStringLiteral("^"));
            return;
        }
        default:
            if (isBlockContainer(tag) && !m_b.inTable())
                m_b.endBlock();
            return;
        }
    }

    void leave(const GumboNode *node)
    {
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)
            return;
        const GumboTag tag = node->v.element.tag;
        switch (tag) {
        case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
        case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
        case GUMBO_TAG_P: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_SUMMARY: case GUMBO_TAG_LI:
            if (m_b.inTable())
                m_b.beginBlock(BlockKind::Paragraph); // a space before what follows in the cell
            else
                m_b.endBlock();
            if (tag == GUMBO_TAG_LI)
                m_inItem = false;
            return;
        case GUMBO_TAG_PRE:
            --m_preDepth;
            if (!m_b.inTable())
                m_b.endBlock();
            return;
        case GUMBO_TAG_UL: case GUMBO_TAG_OL:
            m_b.endBlock();
            --m_listDepth;
            if (!m_itemStack.empty()) {
                m_inItem = m_itemStack.back();
                m_itemStack.pop_back();
            }
            return;
        case GUMBO_TAG_BLOCKQUOTE:
            m_b.endBlock();
            --m_quoteDepth;
            return;
        case GUMBO_TAG_THEAD:
            if (m_tableDepth == 1)
                m_inThead = false;
            return;
        case GUMBO_TAG_TD: case GUMBO_TAG_TH:
            m_b.endCell();
            return;
        case GUMBO_TAG_TR:
            m_b.endRow();
            return;
        case GUMBO_TAG_TABLE:
            --m_tableDepth;
            if (m_tableDepth == 0) {
                m_inThead = false;
                m_b.endTable();
            }
            return;
        default:
            if (isBlockContainer(tag) && !m_b.inTable())
                m_b.endBlock();
            return;
        }
    }

    DocumentBuilder &m_b;
    bool m_dropBoilerplate;
    bool m_rootIsBody;
    bool m_skipChildren = false;
    int m_listDepth = 0;
    int m_quoteDepth = 0;
    int m_preDepth = 0;
    int m_tableDepth = 0;
    bool m_inThead = false;
    bool m_inItem = false;
    std::vector<bool> m_itemStack;
};

// ---------------------------------------------------------------------------
// Metadata from <head> and JSON-LD

struct HeadMeta {
    QString title;       // <title>
    QString ogTitle;     // og:title / twitter:title
    QString siteName;    // og:site_name / application-name
    QString author;
    QString published;   // raw date strings in order of trust
    QString publishedFrom;
    QString canonical;
    QString ogUrl;
    QString ldHeadline, ldDate, ldAuthor, ldPublisher, ldUrl;
};

QString jsonName(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isArray() && !v.toArray().isEmpty())
        return jsonName(v.toArray().first());
    if (v.isObject())
        return v.toObject().value(QStringLiteral("name")).toString();
    return {};
}

void readJsonLd(const QString &json, HeadMeta &meta)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &err);
    if (err.error != QJsonParseError::NoError)
        return;
    std::vector<QJsonObject> objects;
    auto collect = [&](const QJsonValue &v, auto &&self) -> void {
        if (v.isArray()) {
            for (const QJsonValue &e : v.toArray())
                self(e, self);
        } else if (v.isObject()) {
            const QJsonObject o = v.toObject();
            objects.push_back(o);
            if (o.contains(QStringLiteral("@graph")))
                self(o.value(QStringLiteral("@graph")), self);
        }
    };
    collect(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()), collect);
    for (const QJsonObject &o : objects) {
        const QString type = o.value(QStringLiteral("@type")).isArray()
                                 ? o.value(QStringLiteral("@type")).toArray().first().toString()
                                 : o.value(QStringLiteral("@type")).toString();
        const bool article = type.contains(u"Article") || type == u"BlogPosting" || type == u"Report"
                             || type == u"WebPage" || type == u"ScholarlyArticle";
        if (!article)
            continue;
        auto take = [&](QString &slot, const QString &value) {
            if (slot.isEmpty() && !value.trimmed().isEmpty())
                slot = value.trimmed();
        };
        take(meta.ldHeadline, o.value(QStringLiteral("headline")).toString());
        take(meta.ldDate, o.value(QStringLiteral("datePublished")).toString());
        take(meta.ldAuthor, jsonName(o.value(QStringLiteral("author"))));
        take(meta.ldPublisher, jsonName(o.value(QStringLiteral("publisher"))));
        take(meta.ldUrl, o.value(QStringLiteral("url")).toString());
    }
}

HeadMeta readHead(const GumboNode *root)
{
    HeadMeta m;
    forEachNode(root, [&](const GumboNode *n) {
        if (n->type != GUMBO_NODE_ELEMENT)
            return true;
        switch (n->v.element.tag) {
        case GUMBO_TAG_TITLE:
            if (m.title.isEmpty())
                m.title = textContent(n);
            return false;
        case GUMBO_TAG_META: {
            const QString key = (attr(n, "property") + attr(n, "name") + attr(n, "itemprop")).toLower();
            const QString content = attr(n, "content");
            if (content.isEmpty())
                return false;
            auto setIf = [&](QString &slot) {
                if (slot.isEmpty())
                    slot = content;
            };
            if (key == u"og:title" || key == u"twitter:title")
                setIf(m.ogTitle);
            else if (key == u"og:site_name" || key == u"application-name")
                setIf(m.siteName);
            else if (key == u"author" || key == u"article:author" || key == u"dc.creator" || key == u"citation_author")
                setIf(m.author);
            else if (key == u"og:url")
                setIf(m.ogUrl);
            else if (key == u"article:published_time" || key == u"datepublished" || key == u"pubdate"
                     || key == u"publishdate" || key == u"date" || key == u"dc.date.issued" || key == u"dc.date"
                     || key == u"dcterms.created" || key == u"citation_publication_date" || key == u"og:published_time"
                     || key == u"sailthru.date" || key == u"parsely-pub-date") {
                if (m.published.isEmpty()) {
                    m.published = content;
                    m.publishedFrom = key == u"article:published_time" ? QStringLiteral("article:published_time")
                                                                       : QStringLiteral("meta ") + key;
                }
            }
            return false;
        }
        case GUMBO_TAG_LINK:
            if (attr(n, "rel").toLower().split(u' ').contains(QStringLiteral("canonical")) && m.canonical.isEmpty())
                m.canonical = attr(n, "href");
            return false;
        case GUMBO_TAG_SCRIPT:
            if (attr(n, "type").toLower() == u"application/ld+json") {
                QString json;
                const GumboVector *kids = childrenOf(n);
                for (unsigned int i = 0; kids && i < kids->length; ++i) {
                    const auto *k = static_cast<const GumboNode *>(kids->data[i]);
                    if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_WHITESPACE || k->type == GUMBO_NODE_CDATA)
                        json += QString::fromUtf8(k->v.text.text);
                }
                readJsonLd(json, m);
            }
            return false;
        case GUMBO_TAG_STYLE: case GUMBO_TAG_SVG:
            return false;
        default:
            return true;
        }
    });
    return m;
}

/// The element that holds the article: the <article> with the most text,
/// else <main> or role=main, else <body>.
const GumboNode *contentRoot(const GumboNode *root, bool *isBody)
{
    const GumboNode *body = nullptr;
    const GumboNode *main = nullptr;
    std::vector<const GumboNode *> articles;
    forEachNode(root, [&](const GumboNode *n) {
        if (n->type != GUMBO_NODE_ELEMENT)
            return true;
        const GumboTag t = n->v.element.tag;
        if (t == GUMBO_TAG_BODY && !body)
            body = n;
        else if (t == GUMBO_TAG_ARTICLE)
            articles.push_back(n);
        else if (!main && (t == GUMBO_TAG_MAIN || attr(n, "role").toLower() == u"main"))
            main = n;
        return !(t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_HEAD);
    });
    *isBody = false;
    if (!articles.empty()) {
        const GumboNode *best = nullptr;
        qsizetype bestLen = -1;
        for (const GumboNode *a : articles) {
            const qsizetype len = textContent(a).size();
            if (len > bestLen) {
                best = a;
                bestLen = len;
            }
        }
        // An <article> that holds little of the page's text is a teaser card.
        const qsizetype bodyLen = body ? textContent(body).size() : 0;
        if (bestLen * 4 >= bodyLen || bestLen > 2000)
            return best;
    }
    if (main)
        return main;
    *isBody = true;
    return body ? body : root;
}

/// The first <time datetime> (or itemprop=datePublished) in the page.
QString firstTimeElement(const GumboNode *root)
{
    QString found;
    forEachNode(root, [&](const GumboNode *n) {
        if (!found.isEmpty())
            return false;
        if (n->type != GUMBO_NODE_ELEMENT)
            return true;
        if (attr(n, "itemprop").toLower() == u"datepublished") {
            found = attr(n, "datetime");
            if (found.isEmpty())
                found = attr(n, "content");
            if (found.isEmpty())
                found = textContent(n);
        } else if (n->v.element.tag == GUMBO_TAG_TIME) {
            found = attr(n, "datetime");
        }
        return found.isEmpty();
    });
    return found;
}

QString stripSiteSuffix(QString title, const QString &site)
{
    // "Muse Spark is here | Example News" -> "Muse Spark is here"
    static const QRegularExpression sep(QStringLiteral(R"(\s+[|\x{2013}\x{2014}·:-]\s+)"));
    auto it = sep.globalMatch(title);
    qsizetype lastStart = -1, lastEnd = -1;
    while (it.hasNext()) {
        const auto m = it.next();
        lastStart = m.capturedStart();
        lastEnd = m.capturedEnd();
    }
    if (lastStart <= 0)
        return title;
    const QString suffix = title.mid(lastEnd).trimmed();
    const bool isSite = !site.isEmpty() && suffix.compare(site, Qt::CaseInsensitive) == 0;
    const bool shortBrand = suffix.split(u' ', Qt::SkipEmptyParts).size() <= 3 && lastStart >= 20;
    if (isSite || (shortBrand && title.at(lastStart + 1) == u'|'))
        title.truncate(lastStart);
    return title.trimmed();
}

struct GumboDeleter {
    void operator()(GumboOutput *out) const { gumbo_destroy_output(&kGumboDefaultOptions, out); }
};
using GumboPtr = std::unique_ptr<GumboOutput, GumboDeleter>;

GumboPtr parse(const QByteArray &utf8, GumboTag fragmentContext)
{
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0; // never collect errors: a broken page would fill memory with them
    options.fragment_context = fragmentContext;
    return GumboPtr(gumbo_parse_with_options(&options, utf8.constData(), static_cast<size_t>(utf8.size())));
}

bool isVoidOrAutoClosing(QByteArrayView name)
{
    static const QSet<QByteArray> names{"area", "base", "br",  "col",    "embed", "hr",     "img",
                                        "input", "link", "meta", "param", "source", "track", "wbr",
                                        "p",    "li",   "td",  "th",     "tr",    "dt",     "dd",
                                        "option", "!doctype"};
    return names.contains(name.toByteArray().toLower());
}

} // namespace

QByteArray declaredCharset(QByteArrayView head)
{
    static const QRegularExpression re(QStringLiteral(R"(<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+))"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(QString::fromLatin1(head.first(std::min<qsizetype>(head.size(), 1024))));
    return m.hasMatch() ? m.captured(1).toLatin1() : QByteArray();
}

QByteArray limitNesting(QByteArrayView html, int maxDepth, bool *flattened)
{
    *flattened = false;
    // A cheap tokenizer: enough to count nesting of start and end tags. Raw
    // text elements (script, style) and comments are skipped whole.
    auto scan = [&](QByteArray *out) -> bool {
        int depth = 0;
        bool over = false;
        qsizetype i = 0;
        const qsizetype n = html.size();
        qsizetype copied = 0;
        while (i < n) {
            const qsizetype lt = html.indexOf('<', i);
            if (lt < 0)
                break;
            if (html.sliced(lt).startsWith("<!--")) {
                const qsizetype end = html.indexOf("-->", lt + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            const qsizetype gt = html.indexOf('>', lt + 1);
            if (gt < 0)
                break;
            const bool closing = lt + 1 < n && html[lt + 1] == '/';
            qsizetype s = lt + (closing ? 2 : 1);
            qsizetype e = s;
            while (e < gt && (std::isalnum(static_cast<unsigned char>(html[e])) || html[e] == '!' || html[e] == '-'))
                ++e;
            const QByteArrayView name = html.sliced(s, e - s);
            i = gt + 1;
            if (name.isEmpty())
                continue;
            const QByteArray lname = name.toByteArray().toLower();
            if (!closing && (lname == "script" || lname == "style")) {
                const qsizetype end = html.indexOf(QByteArray("</" + lname), gt);
                i = end < 0 ? n : end;
                continue;
            }
            const bool selfClosing = html[gt - 1] == '/';
            if (isVoidOrAutoClosing(name) || selfClosing)
                continue;
            bool drop = false;
            if (closing) {
                drop = depth > maxDepth;
                depth = std::max(0, depth - 1);
            } else {
                ++depth;
                drop = depth > maxDepth;
            }
            if (drop) {
                over = true;
                if (!out)
                    return true;
                out->append(html.sliced(copied, lt - copied));
                copied = gt + 1;
            }
        }
        if (out)
            out->append(html.sliced(copied));
        return over;
    };
    if (!scan(nullptr))
        return html.toByteArray();
    QByteArray out;
    out.reserve(html.size());
    scan(&out);
    *flattened = true;
    return out;
}

void appendHtmlFragment(QByteArrayView utf8, DocumentBuilder &builder, const ReadOptions &options)
{
    bool flattened = false;
    const QByteArray safe = limitNesting(utf8, options.maxHtmlDepth, &flattened);
    if (flattened)
        builder.warn(QStringLiteral("HTML nested deeper than %1 levels was flattened").arg(options.maxHtmlDepth));
    GumboPtr out = parse(safe, GUMBO_TAG_BODY);
    if (!out)
        return;
    BlockWalker walker(builder, false, false);
    walker.walk(out->root);
    builder.endBlock();
}

Result<Document> readHtml(QByteArrayView bytes, const ReadOptions &options)
{
    if (bytes.size() > options.maxHtmlBytes)
        return fail(ErrorCode::TooLarge,
                    QStringLiteral("HTML page of %1 MB is over the %2 MB limit for HTML")
                        .arg(double(bytes.size()) / 1048576.0, 0, 'f', 1)
                        .arg(options.maxHtmlBytes / 1048576));
    Document doc;
    doc.format = model::Format::Html;
    DecodedText decoded = decodeText(bytes, declaredCharset(bytes));
    doc.warnings = decoded.warnings();

    bool flattened = false;
    const QByteArray utf8 = limitNesting(decoded.text.toUtf8(), options.maxHtmlDepth, &flattened);
    decoded.text.clear();
    if (flattened)
        doc.warnings.append(QStringLiteral("HTML nested deeper than %1 levels was flattened").arg(options.maxHtmlDepth));

    GumboPtr out = parse(utf8, GUMBO_TAG_LAST);
    if (!out)
        return fail(ErrorCode::Invalid, QStringLiteral("the HTML parser could not read the page"));

    const HeadMeta head = readHead(out->root);
    bool isBody = false;
    const GumboNode *root = contentRoot(out->root, &isBody);

    DocumentBuilder builder(doc, options.maxBlockChars);
    BlockWalker walker(builder, true, isBody);
    walker.walk(root);
    builder.endBlock();

    model::Metadata &meta = doc.meta;
    meta.publisher = !head.siteName.isEmpty() ? head.siteName : head.ldPublisher;
    meta.author = !head.ldAuthor.isEmpty() ? head.ldAuthor : head.author;
    if (meta.author.startsWith(u"http"))
        meta.author.clear(); // article:author is often a profile URL
    if (!head.ogTitle.isEmpty()) {
        meta.title = stripSiteSuffix(head.ogTitle, meta.publisher);
        meta.titleFrom = QStringLiteral("og:title");
    } else if (!head.ldHeadline.isEmpty()) {
        meta.title = head.ldHeadline;
        meta.titleFrom = QStringLiteral("json-ld");
    } else if (!head.title.isEmpty()) {
        meta.title = stripSiteSuffix(head.title, meta.publisher);
        meta.titleFrom = QStringLiteral("<title>");
    }
    meta.url = !head.canonical.isEmpty() ? head.canonical : (!head.ogUrl.isEmpty() ? head.ogUrl : head.ldUrl);

    const struct {
        QString value;
        QString from;
    } dates[] = {{head.published, head.publishedFrom},
                 {head.ldDate, QStringLiteral("json-ld datePublished")},
                 {firstTimeElement(root), QStringLiteral("<time>")}};
    for (const auto &d : dates) {
        const model::PartialDate parsed = parseDate(d.value);
        if (parsed.isValid()) {
            meta.published = parsed;
            meta.publishedFrom = d.from;
            break;
        }
    }
    return doc;
}

} // namespace sextant::ingest
