#include "report/Bibliography.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace sextant::report {

QString escapeHtml(const QString &text) { return text.toHtmlEscaped().replace(u'\'', QStringLiteral("&#39;")); }

QString escapeMarkdown(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'\\': case u'`': case u'*': case u'_': case u'[': case u']': case u'#': case u'|': case u'!': case u'{': case u'}':
            out += u'\\';
            out += c;
            break;
        case u'<': out += QStringLiteral("&lt;"); break;
        case u'>': out += QStringLiteral("&gt;"); break;
        case u'&': out += QStringLiteral("&amp;"); break;
        case u'\n': case u'\r': out += u' '; break;
        default: out += c;
        }
    }
    return out;
}

QString citationKey(const store::SourceSummary &s)
{
    auto word = [](const QString &text) {
        static const QRegularExpression w(QStringLiteral(R"([A-Za-z]{3,})"));
        static const QSet<QString> stop{QStringLiteral("the"), QStringLiteral("and"), QStringLiteral("for"), QStringLiteral("with")};
        for (auto it = w.globalMatch(text); it.hasNext();) {
            const QString x = it.next().captured(0).toLower();
            if (!stop.contains(x))
                return x;
        }
        return QString();
    };
    QString who = word(s.publisher.isEmpty() ? s.author : s.publisher);
    if (who.isEmpty())
        who = QStringLiteral("source");
    const QString year = s.published.isValid() ? QString::number(s.published.year) : QStringLiteral("nd");
    return who + year + word(s.title) + QString::number(s.id);
}

QString cslJson(const std::vector<store::SourceSummary> &sources)
{
    QJsonArray items;
    for (const store::SourceSummary &s : sources) {
        QJsonObject o;
        o[QStringLiteral("id")] = citationKey(s);
        o[QStringLiteral("type")] = QStringLiteral("article");
        o[QStringLiteral("title")] = s.title;
        if (!s.publisher.isEmpty())
            o[QStringLiteral("container-title")] = s.publisher;
        if (!s.author.isEmpty())
            o[QStringLiteral("author")] = QJsonArray{QJsonObject{{QStringLiteral("literal"), s.author}}};
        if (!s.url.isEmpty())
            o[QStringLiteral("URL")] = s.url;
        if (s.published.isValid()) {
            QJsonArray parts{s.published.year};
            if (s.published.month)
                parts.append(s.published.month);
            if (s.published.day)
                parts.append(s.published.day);
            o[QStringLiteral("issued")] = QJsonObject{{QStringLiteral("date-parts"), QJsonArray{parts}}};
        }
        items.append(o);
    }
    return QString::fromUtf8(QJsonDocument(items).toJson(QJsonDocument::Indented));
}

namespace {
QString bibEscape(QString s)
{
    // Braces balanced and TeX specials escaped: a title cannot close the field.
    QString out;
    for (const QChar c : s) {
        switch (c.unicode()) {
        case u'{': out += QStringLiteral("\\{"); break;
        case u'}': out += QStringLiteral("\\}"); break;
        case u'\\': out += QStringLiteral("\\textbackslash{}"); break;
        case u'%': case u'&': case u'$': case u'#': case u'_': out += u'\\'; out += c; break;
        case u'~': out += QStringLiteral("\\textasciitilde{}"); break;
        case u'^': out += QStringLiteral("\\textasciicircum{}"); break;
        case u'\n': case u'\r': out += u' '; break;
        default: out += c;
        }
    }
    return out;
}
} // namespace

QString bibtex(const std::vector<store::SourceSummary> &sources)
{
    QString out;
    for (const store::SourceSummary &s : sources) {
        out += QStringLiteral("@online{%1,\n").arg(citationKey(s));
        out += QStringLiteral("  title = {%1},\n").arg(bibEscape(s.title));
        if (!s.author.isEmpty())
            out += QStringLiteral("  author = {{%1}},\n").arg(bibEscape(s.author));
        if (!s.publisher.isEmpty())
            out += QStringLiteral("  organization = {%1},\n").arg(bibEscape(s.publisher));
        if (s.published.isValid())
            out += QStringLiteral("  date = {%1},\n").arg(s.published.toIso());
        if (!s.url.isEmpty())
            out += QStringLiteral("  url = {%1},\n").arg(bibEscape(s.url));
        out += QStringLiteral("}\n\n");
    }
    return out;
}

QString markdownBibliography(const std::vector<store::SourceSummary> &sources)
{
    QString out;
    for (const store::SourceSummary &s : sources) {
        QString line = QStringLiteral("- ") + escapeMarkdown(s.title.isEmpty() ? QStringLiteral("Untitled") : s.title) + u'.';
        if (!s.publisher.isEmpty())
            line += u' ' + escapeMarkdown(s.publisher) + (s.published.isValid() ? QStringLiteral(",") : QStringLiteral("."));
        if (s.published.isValid())
            line += u' ' + s.published.toIso() + u'.';
        if (s.url.startsWith(u"http://") || s.url.startsWith(u"https://"))
            line += QStringLiteral(" <%1>").arg(QString(s.url).replace(u'>', QStringLiteral("%3E")).replace(u'<', QStringLiteral("%3C")).replace(u' ', QStringLiteral("%20")));
        out += line + u'\n';
    }
    return out;
}

} // namespace sextant::report
