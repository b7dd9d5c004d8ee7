#pragma once

#include "common/Error.h"
#include "common/Progress.h"
#include "ingest/ReadOptions.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <vector>

namespace sextant::library {

class Library;

struct IngestRequest {
    QStringList paths;      ///< files and folders
    QStringList globs;      ///< when set, only files whose name matches one (e.g. "*.md")
    bool recursive = true;  ///< descend into sub-folders
    qint64 maxFileBytes = 50LL * 1024 * 1024;
    ingest::ReadOptions read; ///< fileName (and url) are set per file
    QHash<QString, QString> urls; ///< file path -> the URL it was downloaded from
    int threads = 0;        ///< parse threads; 0 = one per core
    /// Documents per transaction and index commit. Xapian's writer keeps a
    /// batch's postings in in-memory maps that get slower as they grow: in
    /// tests/bench 250 spent about a tenth less than 1000, and 4000 a third more.
    int batchSize = 250;
};

/// One line about one file.
struct FileNote {
    QString path;
    QString message;
};

struct IngestSummary {
    qint64 scanned = 0;    ///< files considered
    qint64 added = 0;      ///< new sources
    qint64 updated = 0;    ///< new versions of known sources
    qint64 unchanged = 0;  ///< same size and time as last ingest, not read
    qint64 duplicates = 0; ///< content the library already had, at another path
    qint64 reindexed = 0;  ///< sources whose index entry was caught up
    qint64 bytesRead = 0;
    std::vector<FileNote> skipped;  ///< with the reason
    std::vector<FileNote> warnings; ///< ingested, but with something to say
    bool cancelled = false;
    double seconds = 0;
    double indexBusySeconds = 0; ///< CPU time of the index writer's thread (figures for tests/bench)

    [[nodiscard]] bool anyFailed() const { return !skipped.empty(); }
};

/// Adds files to a library (opened for writing). A pure engine: no event
/// loop; progress goes to the sink; the cancel flag is honoured between
/// documents, and whatever was committed stays consistent. A file that fails
/// is recorded with its reason and skipped until it changes. Killing the
/// process at any moment leaves a library that opens; running the same
/// request again completes the work.
class IngestEngine final {
public:
    explicit IngestEngine(Library &library) : m_library(library) {}

    /// Errors only for the library itself (I/O on the database or index);
    /// problems with input files are reported in the summary.
    Result<IngestSummary> run(const IngestRequest &request, ProgressSink &progress, const CancelFlag &cancel);

private:
    Library &m_library;
};

} // namespace sextant::library
