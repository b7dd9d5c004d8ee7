#include "library/Annotations.h"

#include "annotate/Anchoring.h"
#include "common/Clock.h"
#include "library/Library.h"

#include <QUrl>

namespace sextant::library {

namespace {

Result<annotate::SourceRef> refOf(store::Store &store, qint64 id)
{
    auto s = store.sourcesByIds({id});
    if (!s)
        return std::unexpected(s.error());
    if (s->empty())
        return annotate::SourceRef{id, {}, {}, {}, {}, {}};
    return sourceRef(s->front());
}

/// Runs f in a transaction of the library's store.
template <typename F>
Result<void> inTransaction(store::Store &store, F &&f)
{
    if (auto r = store.begin(); !r)
        return r;
    if (auto r = f(); !r) {
        store.rollback();
        return r;
    }
    return store.commit();
}

} // namespace

bool matches(const annotate::Annotation &a, const AnnotationFilter &f)
{
    if (f.sourceId > 0 && a.sourceId != f.sourceId)
        return false;
    if (!f.tag.isEmpty() && !a.tags.contains(f.tag, Qt::CaseInsensitive))
        return false;
    if (!f.color.isEmpty() && a.color != f.color)
        return false;
    if (f.orphanedOnly && !a.orphaned)
        return false;
    for (const QString &w : f.text.split(u' ', Qt::SkipEmptyParts))
        if (!a.exact.contains(w, Qt::CaseInsensitive) && !a.note.contains(w, Qt::CaseInsensitive)
            && !a.tags.join(u' ').contains(w, Qt::CaseInsensitive))
            return false;
    return true;
}

annotate::SourceRef sourceRef(const store::SourceSummary &s)
{
    return annotate::SourceRef{s.id, s.title, s.publisher, s.published.isValid() ? s.published.toIso() : QString(), s.url,
                               s.originalPath};
}

Result<annotate::Annotation> newAnnotation(Library &library, qint64 sourceId, qint64 start, qint64 length,
                                           const QString &color, const QString &note, const QStringList &tags)
{
    auto doc = library.store().document(sourceId);
    if (!doc)
        return std::unexpected(doc.error());
    const QString &text = doc->document.text;
    if (length <= 0 || start < 0 || start + length > text.size())
        return fail(ErrorCode::Invalid, QStringLiteral("source %1: no text at %2..%3 to annotate").arg(sourceId).arg(start).arg(start + length));
    const annotate::Selector sel = annotate::selectorFor(text, start, length);
    if (sel.exact.trimmed().isEmpty())
        return fail(ErrorCode::Invalid, QStringLiteral("source %1: the selection is only spaces").arg(sourceId));
    annotate::Annotation a;
    a.id = annotate::newAnnotationId();
    a.sourceId = sourceId;
    a.versionId = doc->version.id;
    a.start = start;
    a.length = length;
    a.exact = sel.exact;
    a.prefix = sel.prefix;
    a.suffix = sel.suffix;
    a.color = annotate::colorNames().contains(color) ? color : QStringLiteral("yellow");
    a.note = note;
    a.tags = tags;
    a.created = a.modified = Clock::nowIso();
    return a;
}

Result<annotate::Annotation> createAnnotation(Library &library, qint64 sourceId, qint64 start, qint64 length,
                                              const QString &color, const QString &note, const QStringList &tags)
{
    auto a = newAnnotation(library, sourceId, start, length, color, note, tags);
    if (!a)
        return a;
    if (auto r = library.store().saveAnnotation(*a); !r)
        return std::unexpected(r.error());
    return a;
}

Result<int> reanchorAnnotations(store::Store &store, qint64 sourceId, qint64 versionId, const QString &text)
{
    auto list = store.annotations(sourceId);
    if (!list)
        return std::unexpected(list.error());
    int changed = 0;
    for (annotate::Annotation &a : *list) {
        if (!annotate::reanchor(a, versionId, text))
            continue;
        if (auto r = store.saveAnnotation(a); !r)
            return std::unexpected(r.error());
        ++changed;
    }
    return changed;
}

Result<std::vector<annotate::Annotation>> annotationsOf(Library &library, qint64 sourceId)
{
    store::Store &store = library.store();
    auto list = store.annotations(sourceId);
    if (!list)
        return std::unexpected(list.error());
    auto current = store.currentVersions();
    if (!current)
        return std::unexpected(current.error());
    // Annotations made on a version that an ingest has since replaced (the
    // ingest anchors those it knows of; one made meanwhile is caught here).
    std::vector<annotate::Annotation> out;
    out.reserve(list->size());
    QHash<qint64, QString> texts;
    for (annotate::Annotation &a : *list) {
        const qint64 cur = current->value(a.sourceId);
        if (cur == 0)
            continue; // its source is in the trash
        if (cur != a.versionId && !a.orphaned) {
            if (!texts.contains(a.sourceId))
                if (auto d = store.document(a.sourceId))
                    texts.insert(a.sourceId, d->document.text);
            if (annotate::reanchor(a, cur, texts.value(a.sourceId)) && library.access() != Library::Access::Read)
                if (auto r = store.saveAnnotation(a); !r)
                    return std::unexpected(r.error());
        }
        out.push_back(std::move(a));
    }
    return out;
}

Result<AnnotationImport> importAnnotations(Library &library, const QByteArray &json, const QString &fileName)
{
    auto parsed = annotate::fromWebAnnotationJson(json, fileName);
    if (!parsed)
        return std::unexpected(parsed.error());
    store::Store &store = library.store();
    auto sources = store.listSources();
    if (!sources)
        return std::unexpected(sources.error());
    // A target's IRI names a source by its page URL or the file it came from.
    QHash<QString, qint64> byIri;
    for (const store::SourceSummary &s : *sources) {
        if (!s.url.isEmpty())
            byIri.insert(s.url, s.id);
        if (!s.originalPath.isEmpty())
            byIri.insert(QUrl::fromLocalFile(s.originalPath).toString(QUrl::FullyEncoded), s.id);
        byIri.insert(QStringLiteral("urn:sextant:source:%1").arg(s.id), s.id);
    }
    AnnotationImport out;
    out.problems = parsed->problems;
    QHash<qint64, store::StoredDocument> docs;
    auto r = inTransaction(store, [&]() -> Result<void> {
        for (annotate::ImportedAnnotation &in : parsed->annotations) {
            annotate::Annotation &a = in.annotation;
            QString iri = in.sourceIri;
            qint64 id = byIri.value(iri);
            if (id == 0 && QUrl(iri).isLocalFile())
                id = byIri.value(QUrl::fromLocalFile(QUrl(iri).toLocalFile()).toString(QUrl::FullyEncoded));
            if (id == 0) {
                out.problems << QStringLiteral("%1: annotation %2: no source in this library for %3").arg(fileName, a.id, iri);
                continue;
            }
            auto existing = store.annotation(a.id);
            if (!existing)
                return std::unexpected(existing.error());
            if (*existing && (*existing)->sourceId != id) {
                out.problems << QStringLiteral("%1: annotation %2 already exists on another source").arg(fileName, a.id);
                continue;
            }
            if (*existing && (a.modified.isEmpty() || a.modified <= (*existing)->modified)) {
                ++out.unchanged;
                continue;
            }
            if (!docs.contains(id)) {
                auto d = store.document(id);
                if (!d)
                    return std::unexpected(d.error());
                docs.insert(id, std::move(*d));
            }
            const store::StoredDocument &doc = docs[id];
            a.sourceId = id;
            a.versionId = 0; // anchored below in the current version
            a.orphaned = false;
            if (a.created.isEmpty())
                a.created = Clock::nowIso();
            if (a.modified.isEmpty())
                a.modified = a.created;
            annotate::reanchor(a, doc.version.id, doc.document.text);
            if (a.orphaned) {
                a.versionId = doc.version.id;
                a.start = std::max<qint64>(0, a.start);
                ++out.orphaned;
            }
            if (auto w = store.saveAnnotation(a); !w)
                return std::unexpected(w.error());
            ++(*existing ? out.updated : out.added);
        }
        return {};
    });
    if (!r)
        return std::unexpected(r.error());
    return out;
}

Result<QByteArray> exportAnnotationsJson(Library &library, const std::vector<annotate::Annotation> &annotations)
{
    std::optional<Error> failure;
    QByteArray json = annotate::toWebAnnotationJson(annotations, [&](qint64 id) {
        auto ref = refOf(library.store(), id);
        if (!ref) {
            failure = ref.error();
            return annotate::SourceRef{id, {}, {}, {}, {}, {}};
        }
        return *ref;
    });
    if (failure)
        return std::unexpected(*failure);
    return json;
}

Result<QString> exportAnnotationsMarkdown(Library &library, const std::vector<annotate::Annotation> &annotations,
                                          const QString &title)
{
    std::optional<Error> failure;
    QString md = annotate::toMarkdown(
        annotations,
        [&](qint64 id) {
            auto ref = refOf(library.store(), id);
            if (!ref) {
                failure = ref.error();
                return annotate::SourceRef{id, {}, {}, {}, {}, {}};
            }
            return *ref;
        },
        title);
    if (failure)
        return std::unexpected(*failure);
    return md;
}

Result<void> trashSources(Library &library, const std::vector<qint64> &ids)
{
    if (library.access() == Library::Access::Read)
        return fail(ErrorCode::Internal, QStringLiteral("removing needs a library open for editing"));
    const QString now = Clock::nowIso();
    return inTransaction(library.store(), [&]() -> Result<void> {
        for (qint64 id : ids)
            if (auto r = library.store().trashSource(id, now); !r)
                return r;
        return {};
    });
}

Result<void> restoreSources(Library &library, const std::vector<qint64> &ids)
{
    if (library.access() == Library::Access::Read)
        return fail(ErrorCode::Internal, QStringLiteral("restoring needs a library open for editing"));
    return inTransaction(library.store(), [&]() -> Result<void> {
        for (qint64 id : ids)
            if (auto r = library.store().restoreSource(id); !r)
                return r;
        return {};
    });
}

Result<int> purgeTrash(Library &library)
{
    auto ids = library.store().trashedSources();
    if (!ids)
        return std::unexpected(ids.error());
    for (qint64 id : *ids)
        if (auto r = library.removeSource(id); !r)
            return std::unexpected(r.error());
    return static_cast<int>(ids->size());
}

} // namespace sextant::library
