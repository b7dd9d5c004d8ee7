#pragma once

#include "annotate/Annotation.h"
#include "common/Error.h"
#include "extract/Extraction.h"
#include "model/Document.h"

#include <QHash>
#include <QString>
#include <memory>
#include <optional>
#include <tuple>
#include <vector>

namespace sextant::store {

/// A version of a source: one distinct content seen at some path.
struct VersionRecord {
    qint64 id = 0;
    qint64 sourceId = 0;
    int seq = 0;                ///< 1, 2, ... within its source
    QString contentHash;        ///< SHA-256 of the original bytes
    model::Format format = model::Format::Unknown;
    qint64 byteSize = 0;
    QString originalPath;       ///< absolute path the file had when ingested
    QString objectPath;         ///< the untouched copy, relative to the library folder
    model::Metadata meta;
    QString ingestedAt;         ///< ISO 8601 UTC
    QStringList warnings;
};

/// One row of the source list: a source with its current version's metadata.
struct SourceSummary {
    qint64 id = 0;
    qint64 versionId = 0;
    int versionCount = 0;
    QString title;
    QString publisher;
    QString author;
    QString url;
    model::PartialDate published;
    model::Format format = model::Format::Unknown;
    QString addedAt;
    QString updatedAt;
    QString originalPath;
    qint64 byteSize = 0;
    qint64 entityCount = 0;     ///< distinct entities extraction found in the current version
    qint64 annotationCount = 0;
};

struct StoredDocument {
    VersionRecord version;
    model::Document document;
};

/// What the library knows of a file on disk, to skip it when unchanged.
struct FileState {
    QString path;
    qint64 sourceId = 0;
    qint64 versionId = 0;
    qint64 size = 0;
    qint64 mtimeNs = 0;
};

/// A file that failed to ingest; not retried until its size or time changes.
struct FailureRecord {
    QString path;
    qint64 size = 0;
    qint64 mtimeNs = 0;
    QString reason;
    QString at;
};

/// An entity as the library knows it (see extract::EntityRef).
struct EntityRow {
    qint64 id = 0;
    QString key;
    QString kind;
    QString name;
    QString origin; ///< "pack" or "found"
    double confidence = 1;
    QString parent;
    QString codename;
};

/// A fact from a current version: kind "score", "attribute" or "event".
struct FactRow {
    qint64 id = 0;
    qint64 versionId = 0;
    qint64 sourceId = 0;
    QString kind;
    qint64 subject = 0; ///< entity id (model for scores); 0 for events
    QString attribute;  ///< attribute name, or the event's kind
    qint64 object = 0;  ///< benchmark for scores; the value's entity for organization/license
    QString value;
    std::optional<double> number, low, high;
    QString unit, setting, note;
    QString date, dateEnd, title, openness;
    std::vector<qint64> entities; ///< events
    qint64 start = 0;
    qint64 length = 0;
};

struct MentionStat {
    qint64 entityId = 0;
    qint64 mentions = 0;
    qint64 sources = 0;
};

struct MentionRow {
    qint64 sourceId = 0;
    qint64 versionId = 0;
    qint64 entityId = 0;
    qint64 start = 0;
    qint64 length = 0;
};

/// A user's correction (see library/Corrections.h for the actions).
struct CorrectionRow {
    qint64 id = 0;
    QString at;
    QString action;
    QString target;
    QString value;
    QString extra;
    bool undone = false;
};

enum class SourceOrder { Added, Title, Published, Publisher, Id, Entities, Annotations };

/// Which sources the source list shows, in which order, and which page.
struct SourceQuery {
    QString text;       ///< words that must each occur in the title, publisher, author or URL
    QString publisher;  ///< exactly this publisher ("" for any)
    QString tag;        ///< sources with an annotation carrying this tag
    QString addedSince; ///< ISO time: sources added at or after it
    bool trashed = false; ///< the trash instead of the library
    SourceOrder order = SourceOrder::Added;
    bool descending = true;
    qint64 limit = -1;
    qint64 offset = 0;
};

/// Counts for `sextant check`, `list` footers and the About dialog.
struct StoreStats {
    qint64 sources = 0;
    qint64 versions = 0;
    qint64 files = 0;
    qint64 failures = 0;
    qint64 textChars = 0;
};

/// The library's SQLite database: the source of truth. One Store is used by
/// one thread at a time; open one per thread. Any number of readers may run
/// while one writer writes (WAL). Every method reports failures as values;
/// messages name the database file.
class Store final {
public:
    enum class Mode { ReadOnly, ReadWrite };

    /// Opens (and for ReadWrite creates and migrates) the database at path.
    /// Errors: Io (cannot open), Corrupt (not a Sextant database, or one made
    /// by a newer Sextant), Busy (locked past the busy timeout).
    static Result<std::unique_ptr<Store>> open(const QString &path, Mode mode);
    ~Store();
    Q_DISABLE_COPY_MOVE(Store)

    [[nodiscard]] int schemaVersion() const;
    [[nodiscard]] static int latestSchemaVersion();
    [[nodiscard]] static QString libraryVersion(); ///< SQLite's version, for About
    [[nodiscard]] QString path() const;

    // --- transactions (the writer batches its work in them) ---------------
    Result<void> begin();
    Result<void> commit();
    void rollback();

    // --- ingest --------------------------------------------------------------
    Result<QHash<QString, FileState>> fileStates();
    Result<QHash<QString, FailureRecord>> failures();
    /// The version that has this content, if any: (versionId, sourceId).
    Result<std::optional<std::pair<qint64, qint64>>> versionByHash(const QString &hash);
    Result<qint64> createSource(const QString &now);
    /// Stores a new version with its text and structure; returns its id.
    Result<qint64> insertVersion(const VersionRecord &version, const model::Document &doc);
    Result<void> setCurrentVersion(qint64 sourceId, qint64 versionId, const QString &now);
    Result<void> upsertFile(const FileState &state);
    Result<void> recordFailure(const FailureRecord &failure);
    Result<void> clearFailure(const QString &path);

    // --- extraction -------------------------------------------------------------
    /// Replaces what extraction found in a version (entities are shared across versions).
    Result<void> saveExtraction(qint64 versionId, const extract::Extraction &x, int extractorVersion);
    /// Current versions not yet extracted by this extractor: (version id, source id).
    Result<std::vector<std::pair<qint64, qint64>>> versionsToExtract(int extractorVersion);
    Result<std::vector<EntityRow>> entityRows();
    /// Changes whenever the database may have changed (a commit by any connection): cheap enough per keystroke.
    qint64 changeCounter();
    /// Mention and source counts per entity, over current versions.
    Result<std::vector<MentionStat>> mentionStats();
    /// Every fact of the current versions.
    Result<std::vector<FactRow>> factRows();
    /// The mentions of some entities in current versions, by source.
    /// With a limit: the first mentions in the order they were stored (no sort of them all).
    Result<std::vector<MentionRow>> mentionsOf(const std::vector<qint64> &entityIds, qint64 limit = -1);
    /// The mentions of one version.
    Result<std::vector<MentionRow>> mentionsIn(qint64 versionId);
    /// What the search index records of a version's extraction: (entity key,
    /// kind, mentions), and the openness its models are stated to have (key, value).
    struct VersionEntities {
        std::vector<std::tuple<QString, QString, int>> entities;
        std::vector<std::pair<QString, QString>> openness;
    };
    Result<VersionEntities> versionEntities(qint64 versionId);
    /// A version's mentions with their entity, in text order (the reader's highlights).
    struct NamedMention {
        qint64 start = 0;
        qint64 length = 0;
        QString key, kind, name;
    };
    Result<std::vector<NamedMention>> versionMentions(qint64 versionId);
    /// Entity ids by key (keys not in the library are left out).
    Result<std::vector<qint64>> entityIds(const QStringList &keys);
    Result<qint64> addCorrection(const CorrectionRow &c);
    /// Saved chart definitions: name -> JSON (report::ChartRequest), replaced by name.
    Result<void> saveChart(const QString &name, const QString &definition, const QString &at);
    Result<std::vector<std::pair<QString, QString>>> charts();
    Result<bool> removeChart(const QString &name);
    Result<std::vector<CorrectionRow>> corrections();
    Result<void> setCorrectionUndone(qint64 id, bool undone);

    // --- what the search index holds ---------------------------------------
    Result<void> setIndexed(qint64 sourceId, qint64 versionId);
    Result<void> clearIndexed(qint64 sourceId);
    Result<void> clearAllIndexed();
    /// (sourceId, versionId) the index record says it holds.
    Result<QHash<qint64, qint64>> indexedRecord();
    /// (sourceId, current versionId) for every source.
    Result<QHash<qint64, qint64>> currentVersions();

    // --- reading -------------------------------------------------------------
    Result<std::vector<SourceSummary>> listSources(SourceOrder order = SourceOrder::Added, bool descending = false,
                                                   qint64 limit = -1, qint64 offset = 0);
    Result<std::vector<SourceSummary>> sourcesByIds(const std::vector<qint64> &ids);
    /// A source's current version, or version `seq` when given.
    Result<StoredDocument> document(qint64 sourceId, std::optional<int> seq = std::nullopt);
    Result<StoredDocument> documentByVersion(qint64 versionId);
    Result<std::vector<VersionRecord>> versions(qint64 sourceId);
    /// Current version's text for several sources at once (search snippets).
    Result<QHash<qint64, QString>> texts(const std::vector<qint64> &sourceIds);
    /// Every object path referenced by some version.
    Result<QSet<QString>> objectPaths();
    Result<StoreStats> stats();
    /// "ok", or SQLite's description of what is damaged.
    Result<QString> integrityCheck();

    /// The source list: a page of sources matching a query, and how many match.
    Result<std::vector<SourceSummary>> querySources(const SourceQuery &query);
    Result<qint64> countSources(const SourceQuery &query);
    /// Publishers of current versions with their source counts, commonest first.
    Result<std::vector<std::pair<QString, qint64>>> publisherCounts();

    // --- annotations -------------------------------------------------------------
    /// A source's annotations (every source's when 0), in passage order.
    Result<std::vector<annotate::Annotation>> annotations(qint64 sourceId = 0);
    Result<std::optional<annotate::Annotation>> annotation(const QString &id);
    /// Inserts or replaces by id.
    Result<void> saveAnnotation(const annotate::Annotation &a);
    Result<bool> deleteAnnotation(const QString &id);
    /// Every tag in use with its annotation count, by name.
    Result<std::vector<std::pair<QString, qint64>>> annotationTags();

    // --- the trash -----------------------------------------------------------------
    /// Moves a source out of the library (its current version put aside, its
    /// files forgotten so adding them again works); restore brings it back.
    Result<void> trashSource(qint64 sourceId, const QString &now);
    Result<void> restoreSource(qint64 sourceId);
    Result<std::vector<qint64>> trashedSources();

    // --- removal ---------------------------------------------------------------
    /// Removes a source with its versions, files and index record. Returns the
    /// object paths that no version references any more (the caller deletes them).
    Result<QStringList> removeSource(qint64 sourceId);
    /// Removes one old version (not the current one) of a source.
    Result<QStringList> removeVersion(qint64 sourceId, int seq);

    // --- key/value settings of the library -------------------------------------
    Result<QString> metaValue(const QString &key);
    Result<void> setMetaValue(const QString &key, const QString &value);

private:
    struct Impl;
    explicit Store(std::unique_ptr<Impl> impl);
    /// open() without making a missing database atomically.
    static Result<std::unique_ptr<Store>> openFile(const QString &path, Mode mode);
    std::unique_ptr<Impl> d;
};

} // namespace sextant::store
