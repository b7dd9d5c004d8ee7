#include "library/Library.h"

#include "common/Clock.h"
#include "common/Logging.h"
#include "extract/KnowledgePack.h"
#include "library/WriteLock.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>

namespace sextant::library {

LibraryPaths LibraryPaths::under(const QString &root)
{
    const QString r = QDir::cleanPath(QFileInfo(root).absoluteFilePath());
    return LibraryPaths{r, r + QStringLiteral("/sextant.db"), r + QStringLiteral("/index"),
                        r + QStringLiteral("/originals"), r + QStringLiteral("/write.lock")};
}

QString Library::defaultLocation()
{
    const QString env = qEnvironmentVariable("SEXTANT_LIBRARY");
    if (!env.isEmpty())
        return env;
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/share");
    return base + QStringLiteral("/sextant/library");
}

Result<std::unique_ptr<Library>> Library::open(const QString &folder, Access access)
{
    std::unique_ptr<Library> lib(new Library());
    lib->m_paths = LibraryPaths::under(folder);
    lib->m_access = access;
    const LibraryPaths &p = lib->m_paths;

    if (access != Access::Write) {
        if (!QFileInfo::exists(p.database))
            return fail(ErrorCode::NotFound,
                        QStringLiteral("no library at %1 (create one by adding sources: sextant ingest PATH)").arg(p.root));
    } else {
        if (!QDir().mkpath(p.root) || !QDir().mkpath(p.originals))
            return fail(ErrorCode::Io, QStringLiteral("%1: cannot create the library folder").arg(p.root));
        auto lock = WriteLock::acquire(p.lockFile, p.root);
        if (!lock)
            return std::unexpected(lock.error());
        lib->m_lock = std::move(*lock);
    }
    auto store = store::Store::open(p.database, access == Access::Read ? store::Store::Mode::ReadOnly
                                                                        : store::Store::Mode::ReadWrite);
    if (!store)
        return std::unexpected(store.error());
    lib->m_store = std::move(*store);
    if (access == Access::Write) {
        auto created = lib->m_store->metaValue(QStringLiteral("created_at"));
        if (created && created->isEmpty()) {
            (void)lib->m_store->setMetaValue(QStringLiteral("created_at"), Clock::nowIso());
            (void)lib->m_store->setMetaValue(QStringLiteral("created_by"), QStringLiteral("Sextant " SEXTANT_VERSION));
        }
    }
    return lib;
}

Library::~Library()
{
    m_index.reset(); // close the index before the lock goes
    m_store.reset();
    m_lock.reset();
}

Result<index::SearchIndex *> Library::searchIndex()
{
    if (!m_index) {
        auto idx = m_access == Access::Write ? index::SearchIndex::openWritable(m_paths.index)
                                             : index::SearchIndex::openReadOnly(m_paths.index);
        if (!idx)
            return std::unexpected(idx.error());
        m_index = std::move(*idx);
    } else if (m_access != Access::Write) {
        if (auto r = m_index->refresh(); !r)
            return std::unexpected(r.error());
    }
    return m_index.get();
}

Result<SearchPage> Library::search(const QString &query, const index::SearchOptions &options)
{
    auto idx = searchIndex();
    if (!idx)
        return std::unexpected(idx.error());
    auto textFor = [this](const std::vector<qint64> &ids) {
        auto t = m_store->texts(ids);
        return t ? *t : QHash<qint64, QString>();
    };
    index::SearchOptions opts = options;
    if (opts.expansions.empty())
        opts.expansions = expansionsFor(query);
    auto results = (*idx)->search(query, opts, textFor);
    if (!results)
        return std::unexpected(results.error());
    std::vector<qint64> ids;
    for (const auto &h : results->hits)
        ids.push_back(h.sourceId);
    auto summaries = m_store->sourcesByIds(ids);
    if (!summaries)
        return std::unexpected(summaries.error());
    SearchPage page;
    // A hit whose source is gone (removed while the index lagged) is dropped.
    QHash<qint64, const store::SourceSummary *> byId;
    for (const auto &s : *summaries)
        byId.insert(s.id, &s);
    for (auto &h : results->hits) {
        if (const auto *s = byId.value(h.sourceId)) {
            page.sources.push_back(*s);
            page.results.hits.push_back(std::move(h));
        }
    }
    page.results.estimatedTotal = results->estimatedTotal;
    page.results.correctedQuery = results->correctedQuery;
    page.results.facets = std::move(results->facets);
    page.results.facetsExact = results->facetsExact;
    return page;
}

void Library::refreshNames()
{
    const qint64 now = m_store->changeCounter();
    if (now == m_namesFor && !m_labels.isEmpty())
        return;
    m_namesFor = now;
    m_aliases.clear();
    m_labels.clear();
    auto add = [this](const QString &name, const QString &key) {
        const QString folded = extract::foldName(name);
        if (folded.size() < 2)
            return;
        QStringList &keys = m_aliases[folded];
        if (!keys.contains(key))
            keys << key;
    };
    const extract::KnowledgePack &pack = extract::KnowledgePack::builtin();
    for (const extract::PackEntity &e : pack.entities()) {
        m_labels.insert(e.id, EntityLabel{e.name, extract::entityKindName(e.kind)});
        add(e.name, e.id);
        for (const QString &a : e.aliases)
            add(a, e.id);
    }
    if (auto rows = m_store->entityRows()) {
        for (const store::EntityRow &r : *rows) {
            m_labels.insert(r.key, EntityLabel{r.name, r.kind});
            add(r.name, r.key);
            if (!r.codename.isEmpty())
                add(r.codename, r.key);
        }
    }
}

const QHash<QString, Library::EntityLabel> &Library::entityLabels()
{
    refreshNames();
    return m_labels;
}

std::vector<index::QueryExpansion> Library::expansionsFor(const QString &query)
{
    // Only a query of words (ANDed) can take "(query) OR (the other words AND the entity)";
    // one with OR, NOT, NEAR or brackets is searched as written.
    static const QRegularExpression structured(QStringLiteral(R"(\b(?:OR|XOR|NOT|NEAR|ADJ)\b|[()]|(?:^|\s)-\S)"));
    if (structured.match(query).hasMatch())
        return {};
    refreshNames();
    // Words of the query as typed, without field names, operators or the
    // quotes and brackets around them.
    struct Word {
        qsizetype start, end;
    };
    static const QSet<QString> operators{QStringLiteral("AND"), QStringLiteral("OR"), QStringLiteral("NOT"),
                                         QStringLiteral("XOR"), QStringLiteral("NEAR"), QStringLiteral("ADJ")};
    std::vector<Word> words;
    qsizetype i = 0;
    while (i < query.size()) {
        while (i < query.size() && query[i].isSpace())
            ++i;
        qsizetype j = i;
        while (j < query.size() && !query[j].isSpace())
            ++j;
        qsizetype a = i, b = j;
        while (a < b && (query[a] == u'"' || query[a] == u'(' || query[a] == u'+' || query[a] == u'-'))
            ++a;
        while (b > a && (query[b - 1] == u'"' || query[b - 1] == u')' || query[b - 1] == u',' || query[b - 1] == u'?'))
            --b;
        const QString w = query.mid(a, b - a);
        if (!w.isEmpty() && !w.contains(u':') && !w.contains(u'*') && !operators.contains(w) && !(a > i && query[a - 1] == u'-'))
            words.push_back({a, b});
        else
            words.push_back({-1, -1}); // breaks a run of words
        i = j;
    }
    std::vector<index::QueryExpansion> out;
    for (size_t w = 0; w < words.size();) {
        if (words[w].start < 0) {
            ++w;
            continue;
        }
        bool found = false;
        for (size_t n = std::min<size_t>(6, words.size() - w); n >= 1 && !found; --n) {
            bool contiguous = true;
            for (size_t k = w; k < w + n; ++k)
                contiguous = contiguous && words[k].start >= 0;
            if (!contiguous)
                continue;
            const QString surface = query.mid(words[w].start, words[w + n - 1].end - words[w].start);
            const auto it = m_aliases.constFind(extract::foldName(surface));
            if (it != m_aliases.cend()) {
                out.push_back(index::QueryExpansion{surface, *it});
                w += n;
                found = true;
            }
        }
        if (!found)
            ++w;
    }
    return out;
}

Result<void> Library::deleteObjects(const QStringList &relativePaths)
{
    for (const QString &rel : relativePaths) {
        const QString abs = m_paths.root + u'/' + rel;
        if (QFileInfo::exists(abs) && !QFile::remove(abs))
            qCWarning(lcLibrary) << "cannot delete" << abs;
    }
    return {};
}

Result<void> Library::removeSource(qint64 sourceId)
{
    if (m_access != Access::Write)
        return fail(ErrorCode::Internal, QStringLiteral("removing needs write access"));
    // SQLite first (the truth), then the index; a crash in between leaves an
    // extra index entry that search ignores and `check` removes.
    if (auto r = m_store->begin(); !r)
        return r;
    auto orphans = m_store->removeSource(sourceId);
    if (!orphans) {
        m_store->rollback();
        return std::unexpected(orphans.error());
    }
    if (auto r = m_store->commit(); !r)
        return r;
    auto idx = searchIndex();
    if (!idx)
        return std::unexpected(idx.error());
    if (auto r = (*idx)->remove(sourceId); !r)
        return r;
    if (auto r = (*idx)->commit(); !r)
        return r;
    return deleteObjects(*orphans);
}

Result<void> Library::removeVersion(qint64 sourceId, int seq)
{
    if (m_access != Access::Write)
        return fail(ErrorCode::Internal, QStringLiteral("removing needs write access"));
    if (auto r = m_store->begin(); !r)
        return r;
    auto orphans = m_store->removeVersion(sourceId, seq);
    if (!orphans) {
        m_store->rollback();
        return std::unexpected(orphans.error());
    }
    if (auto r = m_store->commit(); !r)
        return r;
    return deleteObjects(*orphans);
}

qint64 Library::diskUsage() const
{
    qint64 total = 0;
    QDirIterator it(m_paths.root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

} // namespace sextant::library
