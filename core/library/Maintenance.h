#pragma once

#include "common/Error.h"
#include "common/Progress.h"

#include <QList>
#include <QStringList>
#include <utility>
#include <vector>

namespace sextant::library {

class Library;

/// How the search index differs from the store (the truth), judged against
/// the library's record of what the index holds. The record is written only
/// after the index commits, so an interrupted ingest or removal leaves the
/// index *behind* the store with a record that does not claim otherwise:
/// pending work that the next writer finishes. A record that claims a version
/// the index does not hold cannot come from a crash: that is damage.
struct IndexDiff {
    std::vector<std::pair<qint64, qint64>> missing; ///< (source, version) not in the index
    std::vector<std::pair<qint64, qint64>> stale;   ///< indexed with an older version
    QList<qint64> extra;                            ///< in the index, but no such source
    qint64 recordLag = 0;                           ///< indexed, but not yet in the record
    qint64 lost = 0;                                ///< the record claims what the index lacks
    [[nodiscard]] bool inStep() const
    {
        return missing.empty() && stale.empty() && extra.empty() && recordLag == 0 && lost == 0;
    }
    [[nodiscard]] qint64 pending() const
    {
        return static_cast<qint64>(missing.size() + stale.size()) + extra.size();
    }
};

Result<IndexDiff> diffIndex(Library &library);

/// Brings the index in line with the store: indexes missing and stale sources
/// (terms generated on `threads` workers), removes extra ones, rewrites the
/// record. Returns how many documents were written. Write access only.
Result<qint64> syncIndex(Library &library, const IndexDiff &diff, ProgressSink &progress, const CancelFlag &cancel,
                         int threads = 0);

struct ReindexSummary {
    qint64 documents = 0;
    double seconds = 0;
    bool cancelled = false;
};

/// Rebuilds the index from the store into a new folder, then swaps it in; a
/// cancelled or failed rebuild leaves the old index in place.
Result<ReindexSummary> reindexAll(Library &library, ProgressSink &progress, const CancelFlag &cancel, int threads = 0);

struct ExtractSummary {
    qint64 versions = 0;
    double seconds = 0;
    bool cancelled = false;
};

/// Runs extraction over the current versions that the present extractor has
/// not seen (all of them with `all`), in batches of one transaction each.
/// Ingest extracts as it goes; this catches up after an upgrade of Sextant
/// and backs `sextant reextract`.
Result<ExtractSummary> extractPending(Library &library, ProgressSink &progress, const CancelFlag &cancel, bool all = false,
                                      int threads = 0);

struct CheckReport {
    qint64 sources = 0;
    qint64 versions = 0;
    QString integrity;          ///< "ok", or what SQLite's integrity check said
    IndexDiff index;
    bool indexMissing = false;
    QStringList orphanObjects;  ///< originals no version references
    QStringList missingObjects; ///< originals a version references that are gone
    bool repaired = false;
    /// No damage: what an interrupted run leaves (pending index work,
    /// unreferenced originals) is reported but does not count.
    [[nodiscard]] bool healthy() const
    {
        return integrity == u"ok" && index.lost == 0 && !(indexMissing && sources > 0) && missingObjects.isEmpty();
    }
    [[nodiscard]] bool inStep() const { return healthy() && index.inStep() && !indexMissing && orphanObjects.isEmpty(); }
};

/// Verifies the library; with repair (write access) fixes what it can: the
/// index is synced (or rebuilt when missing) and orphaned originals deleted.
/// Missing originals cannot be restored and stay reported.
Result<CheckReport> checkLibrary(Library &library, bool repair, ProgressSink &progress, const CancelFlag &cancel);

} // namespace sextant::library
