#pragma once

#include "common/Error.h"
#include "common/Progress.h"
#include "index/SearchIndex.h"
#include "store/Store.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <memory>

namespace sextant::library {

class WriteLock;

/// Where the parts of a library live inside its folder.
struct LibraryPaths {
    QString root;
    QString database;  ///< root/sextant.db (SQLite, the source of truth)
    QString index;     ///< root/index (Xapian, derived)
    QString originals; ///< root/originals/ab/<sha256>.<ext> (untouched copies)
    QString lockFile;  ///< root/write.lock

    static LibraryPaths under(const QString &root);
};

/// A hit with the source it points at.
struct SearchPage {
    index::SearchResults results;
    std::vector<store::SourceSummary> sources; ///< aligned with results.hits
};

/// A library folder, opened for reading or for writing. Opening for writing
/// creates the folder if needed, migrates the database and takes the write
/// lock; a second writer gets ErrorCode::Busy naming the holder. Readers never
/// lock and keep working while a writer writes. Use one Library per thread.
class Library final {
public:
    /// Read: a reader. Edit: a reader that also writes the user's own edits
    /// (annotations, corrections, saved charts, the trash) to the database;
    /// it takes no write lock and never touches the index, so it works while
    /// an ingest runs (SQLite serializes the two writers). Write: the one
    /// writer that ingests and indexes.
    enum class Access { Read, Edit, Write };

    /// $SEXTANT_LIBRARY, else <user data location>/library.
    static QString defaultLocation();

    /// Errors: NotFound (Read access and no library there), Busy, Corrupt, Io.
    static Result<std::unique_ptr<Library>> open(const QString &folder, Access access);
    ~Library();
    Q_DISABLE_COPY_MOVE(Library)

    [[nodiscard]] const LibraryPaths &paths() const { return m_paths; }
    [[nodiscard]] Access access() const { return m_access; }
    store::Store &store() { return *m_store; }

    /// The search index, opened on first use (writable with Write access).
    Result<index::SearchIndex *> searchIndex();
    /// Closes the index (before its folder is swapped by a rebuild).
    void closeIndex() { m_index.reset(); }

    /// Searches the index. Names in the query that are aliases or codenames
    /// of known entities also find the sources that mention those entities
    /// (added to options.expansions).
    Result<SearchPage> search(const QString &query, const index::SearchOptions &options);

    /// The aliases in a query: known names (pack aliases, entity names and
    /// codenames in the library), longest first, left to right.
    std::vector<index::QueryExpansion> expansionsFor(const QString &query);

    struct EntityLabel {
        QString name;
        QString kind;
    };
    /// Every entity key in the library (and pack) with its name and kind, for facets.
    const QHash<QString, EntityLabel> &entityLabels();

    /// Removes a source: its versions, index entry, and originals no other
    /// version uses. Write access only.
    Result<void> removeSource(qint64 sourceId);
    Result<void> removeVersion(qint64 sourceId, int seq);

    /// Total size in bytes of the library folder (About dialog, `check`).
    [[nodiscard]] qint64 diskUsage() const;

private:
    Library() = default;
    Result<void> deleteObjects(const QStringList &relativePaths);

    LibraryPaths m_paths;
    Access m_access = Access::Read;
    std::unique_ptr<WriteLock> m_lock;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<index::SearchIndex> m_index;
    void refreshNames();
    QHash<QString, QStringList> m_aliases; ///< folded alias -> entity keys
    QHash<QString, EntityLabel> m_labels;
    qint64 m_namesFor = -1; ///< the store's change counter the tables were built at
};

} // namespace sextant::library
