#include "library/Maintenance.h"

#include "extract/Extractor.h"
#include "library/Indexing.h"

#include "common/Logging.h"
#include "library/Library.h"
#include "library/OrderedPipeline.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QThread>

namespace sextant::library {

namespace {

int threadCount(int requested)
{
    return requested > 0 ? requested : std::max(1, QThread::idealThreadCount());
}

struct Prepared {
    qint64 sourceId = 0;
    qint64 versionId = 0;
    std::optional<index::PreparedDocument> doc;
    QString error;
};

/// Indexes (source, version) pairs read from the store into `target`.
Result<qint64> indexPairs(Library &library, index::SearchIndex &target,
                          const std::vector<std::pair<qint64, qint64>> &pairs, ProgressSink &progress,
                          const CancelFlag &cancel, int threads)
{
    const int n = threadCount(threads);
    std::vector<std::unique_ptr<store::Store>> readers(static_cast<size_t>(n));
    const QString dbPath = library.paths().database;
    auto produce = [&](size_t i, int worker) -> Prepared {
        Prepared p{pairs[i].first, pairs[i].second, std::nullopt, {}};
        auto &reader = readers[static_cast<size_t>(worker)];
        if (!reader) {
            auto s = store::Store::open(dbPath, store::Store::Mode::ReadOnly);
            if (!s) {
                p.error = s.error().message;
                return p;
            }
            reader = std::move(*s);
        }
        auto doc = reader->documentByVersion(p.versionId);
        if (!doc) {
            p.error = doc.error().message;
            return p;
        }
        auto fields = indexFields(*reader, *doc);
        if (!fields) {
            p.error = fields.error().message;
            return p;
        }
        p.doc = index::prepareDocument(*fields);
        return p;
    };
    qint64 written = 0;
    std::optional<Error> failure;
    QElapsedTimer clock;
    clock.start();
    qint64 lastReport = -1000;
    auto consume = [&](size_t i, Prepared &&p) -> bool {
        if (!p.error.isEmpty()) {
            failure = Error{ErrorCode::Corrupt, p.error};
            return false;
        }
        if (auto r = target.replace(p.sourceId, p.versionId, std::move(*p.doc)); !r) {
            failure = r.error();
            return false;
        }
        ++written;
        if (written % 2000 == 0) {
            if (auto r = target.commit(); !r) {
                failure = r.error();
                return false;
            }
        }
        if (clock.elapsed() - lastReport >= 100 || i + 1 == pairs.size()) {
            lastReport = clock.elapsed();
            progress.report({QStringLiteral("indexing"), static_cast<qint64>(i + 1), static_cast<qint64>(pairs.size()), 0, {}});
        }
        return true;
    };
    runOrdered<Prepared>(pairs.size(), n, 256, produce, consume, cancel);
    if (failure)
        return std::unexpected(*failure);
    if (auto r = target.commit(); !r)
        return std::unexpected(r.error());
    return written;
}

bool removeTree(const QString &path)
{
    QDir dir(path);
    return !dir.exists() || dir.removeRecursively();
}

} // namespace

Result<IndexDiff> diffIndex(Library &library)
{
    auto idx = library.searchIndex();
    if (!idx)
        return std::unexpected(idx.error());
    auto current = library.store().currentVersions();
    if (!current)
        return std::unexpected(current.error());
    auto record = library.store().indexedRecord();
    if (!record)
        return std::unexpected(record.error());
    auto actual = (*idx)->contents();
    if (!actual)
        return std::unexpected(actual.error());
    IndexDiff diff;
    for (auto it = current->cbegin(); it != current->cend(); ++it) {
        const auto found = actual->constFind(it.key());
        const qint64 held = found == actual->cend() ? -1 : found.value();
        if (held == it.value())
            continue;
        if (held < 0)
            diff.missing.emplace_back(it.key(), it.value());
        else
            diff.stale.emplace_back(it.key(), it.value());
    }
    for (auto it = actual->cbegin(); it != actual->cend(); ++it) {
        if (!current->contains(it.key()))
            diff.extra.append(it.key());
        if (!record->contains(it.key()))
            ++diff.recordLag; // indexed, committed, but the record was not yet written
    }
    // What the record claims must be in the index as claimed.
    for (auto it = record->cbegin(); it != record->cend(); ++it) {
        const auto found = actual->constFind(it.key());
        if (found == actual->cend() || found.value() != it.value()) {
            // A newer version in the index than the record says is the record
            // lagging behind a committed index, not damage.
            const bool newer = found != actual->cend() && current->value(it.key()) == found.value();
            if (newer)
                ++diff.recordLag;
            else
                ++diff.lost;
        }
    }
    auto byId = [](const auto &a, const auto &b) { return a.first < b.first; };
    std::sort(diff.missing.begin(), diff.missing.end(), byId);
    std::sort(diff.stale.begin(), diff.stale.end(), byId);
    std::sort(diff.extra.begin(), diff.extra.end());
    return diff;
}

Result<qint64> syncIndex(Library &library, const IndexDiff &diff, ProgressSink &progress, const CancelFlag &cancel,
                         int threads)
{
    auto idx = library.searchIndex();
    if (!idx)
        return std::unexpected(idx.error());
    for (qint64 id : diff.extra)
        if (auto r = (*idx)->remove(id); !r)
            return std::unexpected(r.error());
    std::vector<std::pair<qint64, qint64>> todo = diff.missing;
    todo.insert(todo.end(), diff.stale.begin(), diff.stale.end());
    auto written = indexPairs(library, **idx, todo, progress, cancel, threads);
    if (!written)
        return written;
    // Rewrite the record from the index itself, which is now the truth of
    // what it holds.
    auto actual = (*idx)->contents();
    if (!actual)
        return std::unexpected(actual.error());
    store::Store &store = library.store();
    if (auto r = store.begin(); !r)
        return std::unexpected(r.error());
    auto r = store.clearAllIndexed();
    for (auto it = actual->cbegin(); r && it != actual->cend(); ++it)
        r = store.setIndexed(it.key(), it.value());
    if (!r) {
        store.rollback();
        return std::unexpected(r.error());
    }
    if (auto c = store.commit(); !c)
        return std::unexpected(c.error());
    return *written;
}

Result<ReindexSummary> reindexAll(Library &library, ProgressSink &progress, const CancelFlag &cancel, int threads)
{
    QElapsedTimer clock;
    clock.start();
    const QString live = library.paths().index;
    const QString fresh = live + QStringLiteral(".rebuild");
    const QString old = live + QStringLiteral(".old");
    removeTree(fresh);
    removeTree(old);
    auto current = library.store().currentVersions();
    if (!current)
        return std::unexpected(current.error());
    std::vector<std::pair<qint64, qint64>> pairs(current->keyValueBegin(), current->keyValueEnd());
    std::sort(pairs.begin(), pairs.end());

    ReindexSummary summary;
    {
        auto target = index::SearchIndex::openWritable(fresh);
        if (!target)
            return std::unexpected(target.error());
        auto written = indexPairs(library, **target, pairs, progress, cancel, threads);
        if (!written) {
            target->reset();
            removeTree(fresh);
            return std::unexpected(written.error());
        }
        summary.documents = *written;
    }
    if (cancel.load()) {
        removeTree(fresh);
        summary.cancelled = true;
        summary.seconds = double(clock.elapsed()) / 1000.0;
        return summary;
    }
    library.closeIndex();
    if (QFileInfo::exists(live) && !QDir().rename(live, old))
        return fail(ErrorCode::Io, QStringLiteral("%1: cannot move the old index aside").arg(live));
    if (!QDir().rename(fresh, live)) {
        QDir().rename(old, live);
        return fail(ErrorCode::Io, QStringLiteral("%1: cannot move the new index in place").arg(live));
    }
    removeTree(old);

    store::Store &store = library.store();
    if (auto r = store.begin(); !r)
        return std::unexpected(r.error());
    auto r = store.clearAllIndexed();
    for (const auto &[sid, vid] : pairs)
        if (r)
            r = store.setIndexed(sid, vid);
    if (!r) {
        store.rollback();
        return std::unexpected(r.error());
    }
    if (auto c = store.commit(); !c)
        return std::unexpected(c.error());
    if (auto m = store.setMetaValue(QStringLiteral("index_format"), QString::number(index::SearchIndex::formatVersion())); !m)
        return std::unexpected(m.error());
    summary.seconds = double(clock.elapsed()) / 1000.0;
    return summary;
}

Result<CheckReport> checkLibrary(Library &library, bool repair, ProgressSink &progress, const CancelFlag &cancel)
{
    CheckReport report;
    store::Store &store = library.store();
    progress.report({QStringLiteral("checking database"), 0, 0, 0, {}});
    auto integrity = store.integrityCheck();
    if (!integrity)
        return std::unexpected(integrity.error());
    report.integrity = *integrity;
    auto stats = store.stats();
    if (!stats)
        return std::unexpected(stats.error());
    report.sources = stats->sources;
    report.versions = stats->versions;

    progress.report({QStringLiteral("checking originals"), 0, 0, 0, {}});
    auto referenced = store.objectPaths();
    if (!referenced)
        return std::unexpected(referenced.error());
    const QString root = library.paths().root;
    QSet<QString> present;
    QDirIterator it(library.paths().originals, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString rel = QDir(root).relativeFilePath(it.next());
        present.insert(rel);
        if (!referenced->contains(rel))
            report.orphanObjects.append(rel);
    }
    for (const QString &rel : *referenced)
        if (!present.contains(rel))
            report.missingObjects.append(rel);
    report.orphanObjects.sort();
    report.missingObjects.sort();

    progress.report({QStringLiteral("checking index"), 0, 0, 0, {}});
    report.indexMissing = !QFileInfo(library.paths().index).isDir();
    if (!report.indexMissing) {
        auto diff = diffIndex(library);
        if (!diff)
            return std::unexpected(diff.error());
        report.index = std::move(*diff);
    }
    if (!repair || report.inStep())
        return report;

    if (report.indexMissing) {
        auto r = reindexAll(library, progress, cancel);
        if (!r)
            return std::unexpected(r.error());
    } else if (!report.index.inStep()) {
        auto r = syncIndex(library, report.index, progress, cancel);
        if (!r)
            return std::unexpected(r.error());
    }
    for (const QString &rel : std::as_const(report.orphanObjects))
        QFile::remove(root + u'/' + rel);
    report.repaired = true;
    return report;
}

Result<ExtractSummary> extractPending(Library &library, ProgressSink &progress, const CancelFlag &cancel, bool all, int threads)
{
    QElapsedTimer clock;
    clock.start();
    ExtractSummary summary;
    store::Store &store = library.store();
    auto todo = store.versionsToExtract(all ? -1 : extract::Extractor::version());
    if (!todo)
        return std::unexpected(todo.error());
    if (todo->empty())
        return summary;
    struct Extracted {
        qint64 versionId = 0;
        std::optional<extract::Extraction> x;
        std::optional<index::PreparedDocument> prepared;
        QString error;
    };
    // The index records entities too: a writable library updates it as it goes.
    index::SearchIndex *idx = nullptr;
    if (library.access() == Library::Access::Write) {
        auto i = library.searchIndex();
        if (!i)
            return std::unexpected(i.error());
        idx = *i;
    }
    const int n = threadCount(threads);
    std::vector<std::unique_ptr<store::Store>> readers(static_cast<size_t>(n));
    const QString dbPath = library.paths().database;
    auto produce = [&](size_t i, int worker) -> Extracted {
        Extracted e{(*todo)[i].first, std::nullopt, std::nullopt, {}};
        auto &reader = readers[static_cast<size_t>(worker)];
        if (!reader) {
            auto s = store::Store::open(dbPath, store::Store::Mode::ReadOnly);
            if (!s) {
                e.error = s.error().message;
                return e;
            }
            reader = std::move(*s);
        }
        auto doc = reader->documentByVersion(e.versionId);
        if (!doc) {
            e.error = doc.error().message;
            return e;
        }
        e.x = extract::Extractor::builtin().extract(doc->document);
        if (idx) {
            index::IndexFields fields = indexFields(doc->document, *e.x);
            fields.format = model::formatName(doc->version.format);
            e.prepared = index::prepareDocument(fields);
        }
        return e;
    };
    std::optional<Error> failure;
    bool inTx = false;
    qint64 lastReport = -1000;
    auto consume = [&](size_t i, Extracted &&e) -> bool {
        if (!e.error.isEmpty()) {
            failure = Error{ErrorCode::Corrupt, e.error};
            return false;
        }
        if (!inTx) {
            if (auto r = store.begin(); !r) {
                failure = r.error();
                return false;
            }
            inTx = true;
        }
        if (auto r = store.saveExtraction(e.versionId, *e.x, extract::Extractor::version()); !r) {
            failure = r.error();
            return false;
        }
        if (idx && e.prepared) {
            if (auto r = idx->replace((*todo)[i].second, e.versionId, std::move(*e.prepared)); !r) {
                failure = r.error();
                return false;
            }
        }
        ++summary.versions;
        if (summary.versions % 1000 == 0) {
            if (idx) {
                if (auto r = idx->commit(); !r) {
                    failure = r.error();
                    return false;
                }
            }
            if (auto r = store.commit(); !r) {
                failure = r.error();
                return false;
            }
            inTx = false;
        }
        if (clock.elapsed() - lastReport >= 100 || i + 1 == todo->size()) {
            lastReport = clock.elapsed();
            progress.report({QStringLiteral("extracting"), static_cast<qint64>(i + 1), static_cast<qint64>(todo->size()), 0, {}});
        }
        return true;
    };
    runOrdered<Extracted>(todo->size(), n, 256, produce, consume, cancel);
    if (!failure && idx) {
        if (auto r = idx->commit(); !r)
            failure = r.error();
    }
    if (!failure && inTx) {
        if (auto r = store.commit(); !r)
            failure = r.error();
        inTx = false;
    }
    if (failure) {
        store.rollback();
        return std::unexpected(*failure);
    }
    summary.cancelled = cancel.load();
    summary.seconds = double(clock.elapsed()) / 1000.0;
    return summary;
}

} // namespace sextant::library
