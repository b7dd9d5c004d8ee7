#include "annotate/WebAnnotation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QUrl>

namespace sextant::annotate {

namespace {

const QString kContext = QStringLiteral("http://www.w3.org/ns/anno.jsonld");
const QString kUrnUuid = QStringLiteral("urn:uuid:");

QJsonObject textualBody(const QString &value, const QString &purpose)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("TextualBody")},
                       {QStringLiteral("purpose"), purpose},
                       {QStringLiteral("value"), value},
                       {QStringLiteral("format"), QStringLiteral("text/plain")}};
}

QJsonObject toJson(const Annotation &a, const SourceRef &src)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), QString(kUrnUuid + a.id));
    o.insert(QStringLiteral("type"), QStringLiteral("Annotation"));
    o.insert(QStringLiteral("motivation"), a.note.isEmpty() ? QStringLiteral("highlighting") : QStringLiteral("commenting"));
    if (!a.created.isEmpty())
        o.insert(QStringLiteral("created"), a.created);
    if (!a.modified.isEmpty())
        o.insert(QStringLiteral("modified"), a.modified);
    QJsonArray body;
    if (!a.note.isEmpty())
        body.append(textualBody(a.note, QStringLiteral("commenting")));
    for (const QString &t : a.tags)
        body.append(textualBody(t, QStringLiteral("tagging")));
    if (!body.isEmpty())
        o.insert(QStringLiteral("body"), body);
    o.insert(QStringLiteral("stylesheet"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("CssStylesheet")},
                         {QStringLiteral("value"), QStringLiteral(".%1 { background-color: %2 }").arg(a.color, colorHex(a.color))}});
    QJsonArray selectors{
        QJsonObject{{QStringLiteral("type"), QStringLiteral("TextQuoteSelector")},
                    {QStringLiteral("exact"), a.exact},
                    {QStringLiteral("prefix"), a.prefix},
                    {QStringLiteral("suffix"), a.suffix}},
    };
    if (!a.orphaned) // an orphan's position is in a version that is no longer the source's text
        selectors.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("TextPositionSelector")},
                                     {QStringLiteral("start"), a.start},
                                     {QStringLiteral("end"), a.end()}});
    QJsonObject target{{QStringLiteral("source"), src.iri()},
                       {QStringLiteral("styleClass"), a.color},
                       {QStringLiteral("selector"), selectors}};
    o.insert(QStringLiteral("target"), target);
    return o;
}

/// A JSON-LD value that may be one item or an array of them, as an array.
QJsonArray asArray(const QJsonValue &v)
{
    if (v.isArray())
        return v.toArray();
    if (v.isUndefined() || v.isNull())
        return {};
    return QJsonArray{v};
}

bool isType(const QJsonObject &o, const QString &type)
{
    const QJsonValue t = o.value(QStringLiteral("type")).isUndefined() ? o.value(QStringLiteral("@type")) : o.value(QStringLiteral("type"));
    for (const QJsonValue &v : asArray(t))
        if (v.toString() == type || v.toString().endsWith(u'#' + type) || v.toString().endsWith(u'/' + type))
            return true;
    return false;
}

/// Selectors of a target, including those refining another.
void collectSelectors(const QJsonValue &v, std::vector<QJsonObject> &out, int depth = 0)
{
    if (depth > 4)
        return;
    for (const QJsonValue &s : asArray(v)) {
        const QJsonObject o = s.toObject();
        out.push_back(o);
        collectSelectors(o.value(QStringLiteral("refinedBy")), out, depth + 1);
    }
}

std::optional<ImportedAnnotation> readAnnotation(const QJsonObject &o, QString &why)
{
    ImportedAnnotation in;
    Annotation &a = in.annotation;
    QString id = o.value(QStringLiteral("id")).toString(o.value(QStringLiteral("@id")).toString());
    if (id.startsWith(kUrnUuid))
        id = id.mid(kUrnUuid.size());
    a.id = id.isEmpty() ? newAnnotationId() : id;
    a.created = o.value(QStringLiteral("created")).toString();
    a.modified = o.value(QStringLiteral("modified")).toString();
    QStringList notes;
    for (const QJsonValue &b : asArray(o.value(QStringLiteral("body")))) {
        if (b.isString()) { // an IRI body: kept as a note, so nothing is lost
            notes << b.toString();
            continue;
        }
        const QJsonObject body = b.toObject();
        const QString value = body.value(QStringLiteral("value")).toString().trimmed();
        if (value.isEmpty())
            continue;
        const QString purpose = body.value(QStringLiteral("purpose")).toString();
        if (purpose == u"tagging") {
            if (!a.tags.contains(value, Qt::CaseInsensitive))
                a.tags << value;
        } else if (purpose == u"highlighting" && colorNames().contains(value)) {
            a.color = value;
        } else {
            notes << value;
        }
    }
    a.note = notes.join(QStringLiteral("\n\n"));
    const QJsonArray targets = asArray(o.value(QStringLiteral("target")));
    if (targets.isEmpty()) {
        why = QStringLiteral("it has no target");
        return std::nullopt;
    }
    const QJsonValue t0 = targets.first();
    if (t0.isString()) {
        why = QStringLiteral("its target %1 selects no passage").arg(t0.toString());
        return std::nullopt;
    }
    const QJsonObject target = t0.toObject();
    const QJsonValue source = target.value(QStringLiteral("source"));
    in.sourceIri = source.isObject() ? source.toObject().value(QStringLiteral("id")).toString() : source.toString();
    const QString style = target.value(QStringLiteral("styleClass")).toString();
    if (colorNames().contains(style))
        a.color = style;
    std::vector<QJsonObject> selectors;
    collectSelectors(target.value(QStringLiteral("selector")), selectors);
    bool quote = false, position = false;
    for (const QJsonObject &s : selectors) {
        if (isType(s, QStringLiteral("TextQuoteSelector")) && !quote) {
            a.exact = s.value(QStringLiteral("exact")).toString();
            a.prefix = s.value(QStringLiteral("prefix")).toString();
            a.suffix = s.value(QStringLiteral("suffix")).toString();
            quote = !a.exact.isEmpty();
        } else if (isType(s, QStringLiteral("TextPositionSelector")) && !position) {
            const qint64 start = s.value(QStringLiteral("start")).toInteger(-1);
            const qint64 end = s.value(QStringLiteral("end")).toInteger(-1);
            if (start >= 0 && end >= start) {
                a.start = start;
                a.length = end - start;
                position = true;
            }
        }
    }
    if (in.sourceIri.isEmpty()) {
        why = QStringLiteral("its target names no source");
        return std::nullopt;
    }
    if (!quote) {
        why = QStringLiteral("its target has no TextQuoteSelector");
        return std::nullopt;
    }
    if (!position)
        a.start = -1; // no hint: anchoring goes by the quote
    a.length = a.exact.size();
    return in;
}

QString citation(const SourceRef &s)
{
    QStringList parts;
    parts << (s.title.isEmpty() ? QStringLiteral("Untitled source") : QStringLiteral("*%1*").arg(s.title));
    if (!s.publisher.isEmpty())
        parts << s.publisher;
    if (!s.published.isEmpty())
        parts << s.published;
    QString out = parts.join(QStringLiteral(", "));
    if (!s.url.isEmpty())
        out += QStringLiteral(". <%1>").arg(s.url);
    return out;
}

QString quoteLines(const QString &text)
{
    QString out;
    for (const QString &line : text.split(u'\n'))
        out += QStringLiteral("> %1\n").arg(line.trimmed());
    return out;
}

} // namespace

QString SourceRef::iri() const
{
    if (!url.isEmpty())
        return url;
    if (!path.isEmpty())
        return QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded);
    return QStringLiteral("urn:sextant:source:%1").arg(id);
}

QByteArray toWebAnnotationJson(const std::vector<Annotation> &annotations, const std::function<SourceRef(qint64)> &sourceOf)
{
    QJsonArray items;
    QHash<qint64, SourceRef> cache;
    for (const Annotation &a : annotations) {
        auto it = cache.find(a.sourceId);
        if (it == cache.end())
            it = cache.insert(a.sourceId, sourceOf(a.sourceId));
        items.append(toJson(a, *it));
    }
    QJsonObject page{{QStringLiteral("type"), QStringLiteral("AnnotationPage")},
                     {QStringLiteral("startIndex"), 0},
                     {QStringLiteral("items"), items}};
    QJsonObject collection{{QStringLiteral("@context"), kContext},
                           {QStringLiteral("type"), QStringLiteral("AnnotationCollection")},
                           {QStringLiteral("label"), QStringLiteral("Annotations exported from Sextant")},
                           {QStringLiteral("total"), static_cast<qint64>(annotations.size())},
                           {QStringLiteral("first"), page}};
    return QJsonDocument(collection).toJson(QJsonDocument::Indented);
}

Result<ImportResult> fromWebAnnotationJson(const QByteArray &json, const QString &fileName)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError)
        return fail(ErrorCode::Invalid, QStringLiteral("%1: not JSON: %2 at byte %3").arg(fileName, err.errorString()).arg(err.offset));
    QJsonArray items;
    if (doc.isArray()) {
        items = doc.array();
    } else {
        const QJsonObject root = doc.object();
        if (isType(root, QStringLiteral("AnnotationCollection"))) {
            // The first page, then each page's next (inline pages only).
            QJsonValue page = root.value(QStringLiteral("first"));
            for (int n = 0; page.isObject() && n < 10000; ++n) {
                for (const QJsonValue &v : asArray(page.toObject().value(QStringLiteral("items"))))
                    items.append(v);
                page = page.toObject().value(QStringLiteral("next"));
            }
        } else if (isType(root, QStringLiteral("AnnotationPage"))) {
            items = asArray(root.value(QStringLiteral("items")));
        } else if (isType(root, QStringLiteral("Annotation"))) {
            items.append(root);
        } else {
            return fail(ErrorCode::Invalid,
                        QStringLiteral("%1: not a Web Annotation, AnnotationPage or AnnotationCollection").arg(fileName));
        }
    }
    ImportResult out;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject o = items.at(i).toObject();
        QString why;
        if (!isType(o, QStringLiteral("Annotation"))) {
            out.problems << QStringLiteral("%1: item %2 is not an Annotation").arg(fileName).arg(i + 1);
            continue;
        }
        if (auto a = readAnnotation(o, why))
            out.annotations.push_back(std::move(*a));
        else
            out.problems << QStringLiteral("%1: item %2 skipped: %3").arg(fileName).arg(i + 1).arg(why);
    }
    return out;
}

QString toMarkdown(const std::vector<Annotation> &annotations, const std::function<SourceRef(qint64)> &sourceOf,
                   const QString &title)
{
    QString md = QStringLiteral("# %1\n").arg(title);
    // By source (in the order sources first appear), each in passage order.
    QList<qint64> order;
    QHash<qint64, std::vector<const Annotation *>> bySource;
    for (const Annotation &a : annotations) {
        if (!bySource.contains(a.sourceId))
            order << a.sourceId;
        bySource[a.sourceId].push_back(&a);
    }
    for (qint64 id : order) {
        const SourceRef src = sourceOf(id);
        auto &list = bySource[id];
        std::stable_sort(list.begin(), list.end(), [](const Annotation *a, const Annotation *b) {
            return a->orphaned != b->orphaned ? b->orphaned : a->start < b->start;
        });
        md += QStringLiteral("\n## %1\n\n%2\n").arg(src.title.isEmpty() ? QStringLiteral("Untitled source") : src.title, citation(src));
        for (const Annotation *a : list) {
            md += u'\n' + quoteLines(a->exact);
            QString cite = QStringLiteral("— %1").arg(citation(src));
            if (a->orphaned)
                cite += QStringLiteral(" (this passage is no longer in the source's current version)");
            md += QStringLiteral(">\n> %1\n").arg(cite);
            if (!a->note.isEmpty())
                md += u'\n' + a->note.trimmed() + u'\n';
            QStringList meta;
            if (!a->tags.isEmpty()) {
                QStringList tags;
                for (const QString &t : a->tags)
                    tags << u'`' + t + u'`';
                meta << QStringLiteral("Tags: %1").arg(tags.join(QStringLiteral(", ")));
            }
            meta << QStringLiteral("Highlight: %1").arg(a->color);
            md += u'\n' + meta.join(QStringLiteral(" · ")) + u'\n';
        }
    }
    if (annotations.empty())
        md += QStringLiteral("\nNo annotations.\n");
    return md;
}

} // namespace sextant::annotate
