#include "store/Store.h"

#include "common/Logging.h"
#include "model/StructureCodec.h"
#include "store/Migrations.h"

#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSet>

#include <sqlite3.h>

#include <array>
#include <set>
#include <unordered_map>

namespace sextant::store {

namespace {

/// A prepared statement, reset on each use. Owned by Store::Impl's cache.
class Statement {
public:
    explicit Statement(sqlite3_stmt *s) : m_s(s) {}
    ~Statement() { sqlite3_finalize(m_s); }
    Q_DISABLE_COPY_MOVE(Statement)

    sqlite3_stmt *get() const { return m_s; }

private:
    sqlite3_stmt *m_s;
};

/// Binds and steps one use of a cached statement; resets it on destruction.
class Query {
public:
    Query(sqlite3 *db, sqlite3_stmt *s) : m_db(db), m_s(s) {}
    ~Query()
    {
        if (m_s) {
            sqlite3_reset(m_s);
            sqlite3_clear_bindings(m_s);
        }
    }
    Q_DISABLE_COPY_MOVE(Query)

    Query &bind(int i, qint64 v)
    {
        sqlite3_bind_int64(m_s, i, v);
        return *this;
    }
    Query &bind(int i, const QString &v)
    {
        const QByteArray u = v.toUtf8();
        sqlite3_bind_text(m_s, i, u.constData(), static_cast<int>(u.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Query &bind(int i, int v) { return bind(i, qint64(v)); }
    Query &bind(int i, double v)
    {
        sqlite3_bind_double(m_s, i, v);
        return *this;
    }
    Query &bindOptional(int i, const std::optional<double> &v)
    {
        if (v)
            sqlite3_bind_double(m_s, i, *v);
        else
            sqlite3_bind_null(m_s, i);
        return *this;
    }
    Query &bind(int i, const QByteArray &v)
    {
        sqlite3_bind_text(m_s, i, v.constData(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    /// SQLITE_ROW -> true, SQLITE_DONE -> false; errors in lastError().
    bool step()
    {
        const int rc = sqlite3_step(m_s);
        if (rc == SQLITE_ROW)
            return true;
        if (rc != SQLITE_DONE)
            m_rc = rc;
        return false;
    }
    [[nodiscard]] bool failed() const { return m_rc != SQLITE_OK; }
    [[nodiscard]] QString error() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }
    [[nodiscard]] int rc() const { return m_rc; }

    qint64 i64(int col) const { return sqlite3_column_int64(m_s, col); }
    double f64(int col) const { return sqlite3_column_double(m_s, col); }
    std::optional<double> optional(int col) const
    {
        if (sqlite3_column_type(m_s, col) == SQLITE_NULL)
            return std::nullopt;
        return sqlite3_column_double(m_s, col);
    }
    QString str(int col) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_s, col));
        return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_s, col)) : QString();
    }
    QByteArray bytes(int col) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_s, col));
        return p ? QByteArray(p, sqlite3_column_bytes(m_s, col)) : QByteArray();
    }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_s;
    int m_rc = SQLITE_OK;
};

const char *kSummaryColumns =
    "s.id, v.id, (SELECT COUNT(*) FROM versions c WHERE c.source_id = s.id), v.title, v.publisher, v.author, "
    "v.url, v.published, v.format, s.added_at, s.updated_at, v.original_path, v.byte_size, v.entity_count, "
    "(SELECT COUNT(*) FROM annotations a WHERE a.source_id = s.id)";

SourceSummary readSummary(const Query &q)
{
    SourceSummary s;
    s.id = q.i64(0);
    s.versionId = q.i64(1);
    s.versionCount = static_cast<int>(q.i64(2));
    s.title = q.str(3);
    s.publisher = q.str(4);
    s.author = q.str(5);
    s.url = q.str(6);
    s.published = model::PartialDate::fromIso(q.str(7));
    s.format = model::formatFromName(q.str(8));
    s.addedAt = q.str(9);
    s.updatedAt = q.str(10);
    s.originalPath = q.str(11);
    s.byteSize = q.i64(12);
    s.entityCount = q.i64(13);
    s.annotationCount = q.i64(14);
    return s;
}

const char *kVersionColumns =
    "id, source_id, seq, content_hash, format, byte_size, original_path, object_path, title, title_from, author, "
    "publisher, url, published, published_from, warnings, ingested_at";

VersionRecord readVersion(const Query &q)
{
    VersionRecord v;
    v.id = q.i64(0);
    v.sourceId = q.i64(1);
    v.seq = static_cast<int>(q.i64(2));
    v.contentHash = q.str(3);
    v.format = model::formatFromName(q.str(4));
    v.byteSize = q.i64(5);
    v.originalPath = q.str(6);
    v.objectPath = q.str(7);
    v.meta.title = q.str(8);
    v.meta.titleFrom = q.str(9);
    v.meta.author = q.str(10);
    v.meta.publisher = q.str(11);
    v.meta.url = q.str(12);
    v.meta.published = model::PartialDate::fromIso(q.str(13));
    v.meta.publishedFrom = q.str(14);
    const QString w = q.str(15);
    v.warnings = w.isEmpty() ? QStringList() : w.split(u'\n');
    v.ingestedAt = q.str(16);
    return v;
}

} // namespace

struct Store::Impl {
    sqlite3 *db = nullptr;
    QString path;
    Mode mode = Mode::ReadOnly;
    int schema = 0;
    std::unordered_map<std::string, std::unique_ptr<Statement>> cache;

    ~Impl()
    {
        cache.clear();
        if (db)
            sqlite3_close_v2(db);
    }

    Error sqlError(const QString &what, int rc = SQLITE_ERROR) const
    {
        const ErrorCode code = (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) ? ErrorCode::Busy
                               : (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB) ? ErrorCode::Corrupt
                                                                               : ErrorCode::Io;
        return Error{code, QStringLiteral("%1: %2: %3").arg(path, what, QString::fromUtf8(sqlite3_errmsg(db)))};
    }

    Result<void> exec(const char *sql)
    {
        char *msg = nullptr;
        const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &msg);
        if (rc != SQLITE_OK) {
            const QString m = QString::fromUtf8(msg ? msg : "unknown error");
            sqlite3_free(msg);
            const ErrorCode code = rc == SQLITE_BUSY ? ErrorCode::Busy
                                   : (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB) ? ErrorCode::Corrupt
                                                                                   : ErrorCode::Io;
            return std::unexpected(Error{code, QStringLiteral("%1: %2").arg(path, m)});
        }
        return {};
    }

    std::unordered_map<QString, qint64> entityIds; // entity key -> id, filled as the writer meets them
    qint64 freshVersion = 0; // the version insertVersion() made last, until its extraction is saved

    Result<sqlite3_stmt *> prepare(const char *sql)
    {
        auto it = cache.find(sql);
        if (it != cache.end())
            return it->second->get();
        sqlite3_stmt *s = nullptr;
        const int rc = sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr);
        if (rc != SQLITE_OK)
            return std::unexpected(sqlError(QStringLiteral("cannot prepare a query"), rc));
        cache.emplace(sql, std::make_unique<Statement>(s));
        return s;
    }

    /// Runs a statement that returns no rows.
    template <typename Bind>
    Result<void> run(const char *sql, Bind &&bind)
    {
        auto s = prepare(sql);
        if (!s)
            return std::unexpected(s.error());
        Query q(db, *s);
        bind(q);
        q.step();
        if (q.failed())
            return std::unexpected(sqlError(QStringLiteral("write failed"), q.rc()));
        return {};
    }

    Result<void> migrate()
    {
        const QByteArrayList &all = migrations();
        if (schema > all.size())
            return std::unexpected(Error{ErrorCode::Corrupt,
                                         QStringLiteral("%1: the library has schema version %2, newer than this "
                                                        "Sextant knows (%3); use a newer Sextant")
                                             .arg(path)
                                             .arg(schema)
                                             .arg(all.size())});
        for (int v = schema; v < all.size(); ++v) {
            if (auto r = exec("BEGIN IMMEDIATE"); !r)
                return r;
            auto r = exec(all[v].constData());
            if (r)
                r = exec(QByteArray("PRAGMA user_version = " + QByteArray::number(v + 1)).constData());
            if (!r) {
                exec("ROLLBACK");
                return std::unexpected(Error{r.error().code, QStringLiteral("migration %1 failed: %2").arg(v + 1).arg(r.error().message)});
            }
            if (auto c = exec("COMMIT"); !c)
                return c;
            qCInfo(lcStore) << "migrated" << path << "to schema" << v + 1;
            schema = v + 1;
        }
        return {};
    }
};

Store::Store(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
Store::~Store() = default;

QString Store::libraryVersion() { return QString::fromLatin1(sqlite3_libversion()); }
int Store::latestSchemaVersion() { return static_cast<int>(migrations().size()); }
int Store::schemaVersion() const { return d->schema; }
QString Store::path() const { return d->path; }

Result<std::unique_ptr<Store>> Store::open(const QString &path, Mode mode)
{
    if (mode == Mode::ReadOnly && !QFileInfo::exists(path))
        return fail(ErrorCode::NotFound, QStringLiteral("%1: no library database here").arg(path));
    if (mode == Mode::ReadWrite && !QFileInfo::exists(path)) {
        // A new database is made whole beside its place (schema and all) and renamed into it: a
        // process killed while creating it leaves no half-made library behind.
        const QString fresh = path + QStringLiteral(".new");
        for (const QStringView suffix : {u"", u"-wal", u"-shm", u"-journal"})
            QFile::remove(fresh + suffix);
        {
            auto made = openFile(fresh, Mode::ReadWrite);
            if (!made)
                return std::unexpected(made.error());
        } // closed: its write-ahead log is checkpointed into the file and removed
        if (!QFile::rename(fresh, path))
            return fail(ErrorCode::Io, QStringLiteral("%1: cannot create the library database").arg(path));
    }
    return openFile(path, mode);
}

Result<std::unique_ptr<Store>> Store::openFile(const QString &path, Mode mode)
{
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->mode = mode;
    const int flags = (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
                      | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &impl->db, flags, nullptr);
    if (rc != SQLITE_OK)
        return std::unexpected(impl->sqlError(QStringLiteral("cannot open the database"), rc));
    sqlite3_busy_timeout(impl->db, 10'000);
    sqlite3_extended_result_codes(impl->db, 0);

    // Reading user_version also tells us whether this is a database at all.
    {
        auto s = impl->prepare("PRAGMA user_version");
        if (!s)
            return std::unexpected(s.error());
        Query q(impl->db, *s);
        if (!q.step())
            return std::unexpected(impl->sqlError(QStringLiteral("not a Sextant library database"), q.rc()));
        impl->schema = static_cast<int>(q.i64(0));
    }
    if (mode == Mode::ReadWrite) {
        for (const char *pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
                                   "PRAGMA foreign_keys = ON", "PRAGMA temp_store = MEMORY"}) {
            if (auto r = impl->exec(pragma); !r)
                return std::unexpected(r.error());
        }
        if (auto r = impl->migrate(); !r)
            return std::unexpected(r.error());
    } else {
        if (impl->schema == 0)
            return fail(ErrorCode::Corrupt, QStringLiteral("%1: not a Sextant library database").arg(path));
        if (impl->schema > latestSchemaVersion())
            return fail(ErrorCode::Corrupt, QStringLiteral("%1: made by a newer Sextant (schema %2)").arg(path).arg(impl->schema));
        if (impl->schema < latestSchemaVersion())
            return fail(ErrorCode::Corrupt,
                        QStringLiteral("%1: schema %2 needs upgrading; open the library for writing once (e.g. sextant check)")
                            .arg(path)
                            .arg(impl->schema));
    }
    return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Result<void> Store::begin() { return d->exec("BEGIN IMMEDIATE"); }
Result<void> Store::commit() { return d->exec("COMMIT"); }
void Store::rollback()
{
    if (!sqlite3_get_autocommit(d->db))
        (void)d->exec("ROLLBACK");
    d->entityIds.clear(); // entities inserted in the transaction are gone
    d->freshVersion = 0;
}

Result<QHash<QString, FileState>> Store::fileStates()
{
    auto s = d->prepare("SELECT path, source_id, version_id, size, mtime_ns FROM files");
    if (!s)
        return std::unexpected(s.error());
    QHash<QString, FileState> out;
    Query q(d->db, *s);
    while (q.step())
        out.insert(q.str(0), FileState{q.str(0), q.i64(1), q.i64(2), q.i64(3), q.i64(4)});
    if (q.failed())
        return std::unexpected(d->sqlError(QStringLiteral("cannot read file states"), q.rc()));
    return out;
}

Result<QHash<QString, FailureRecord>> Store::failures()
{
    auto s = d->prepare("SELECT path, size, mtime_ns, reason, at FROM failures");
    if (!s)
        return std::unexpected(s.error());
    QHash<QString, FailureRecord> out;
    Query q(d->db, *s);
    while (q.step())
        out.insert(q.str(0), FailureRecord{q.str(0), q.i64(1), q.i64(2), q.str(3), q.str(4)});
    if (q.failed())
        return std::unexpected(d->sqlError(QStringLiteral("cannot read failures"), q.rc()));
    return out;
}

Result<std::optional<std::pair<qint64, qint64>>> Store::versionByHash(const QString &hash)
{
    // Sources in the trash do not count: adding their file again adds it anew.
    auto s = d->prepare("SELECT v.id, v.source_id FROM versions v JOIN sources s ON s.id = v.source_id "
                        "WHERE v.content_hash = ? AND s.removed_at IS NULL ORDER BY v.id LIMIT 1");
    if (!s)
        return std::unexpected(s.error());
    Query q(d->db, *s);
    q.bind(1, hash);
    if (q.step())
        return std::optional<std::pair<qint64, qint64>>(std::pair{q.i64(0), q.i64(1)});
    if (q.failed())
        return std::unexpected(d->sqlError(QStringLiteral("lookup by hash failed"), q.rc()));
    return std::optional<std::pair<qint64, qint64>>();
}

Result<qint64> Store::createSource(const QString &now)
{
    auto r = d->run("INSERT INTO sources (added_at, updated_at) VALUES (?, ?)",
                    [&](Query &q) { q.bind(1, now).bind(2, now); });
    if (!r)
        return std::unexpected(r.error());
    return sqlite3_last_insert_rowid(d->db);
}

Result<qint64> Store::insertVersion(const VersionRecord &v, const model::Document &doc)
{
    auto r = d->run(
        "INSERT INTO versions (source_id, seq, content_hash, format, byte_size, original_path, object_path, title, "
        "title_from, author, publisher, url, published, published_from, text, structure, warnings, ingested_at) "
        "VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM versions WHERE source_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?, ?, ?, ?)",
        [&](Query &q) {
            q.bind(1, v.sourceId)
                .bind(2, v.sourceId)
                .bind(3, v.contentHash)
                .bind(4, model::formatName(v.format))
                .bind(5, v.byteSize)
                .bind(6, v.originalPath)
                .bind(7, v.objectPath)
                .bind(8, v.meta.title)
                .bind(9, v.meta.titleFrom)
                .bind(10, v.meta.author)
                .bind(11, v.meta.publisher)
                .bind(12, v.meta.url)
                .bind(13, v.meta.published.toIso())
                .bind(14, v.meta.publishedFrom)
                .bind(15, doc.text)
                .bind(16, model::encodeStructure(doc.blocks))
                .bind(17, v.warnings.join(u'\n'))
                .bind(18, v.ingestedAt);
        });
    if (!r)
        return std::unexpected(r.error());
    d->freshVersion = sqlite3_last_insert_rowid(d->db);
    return d->freshVersion;
}

Result<void> Store::setCurrentVersion(qint64 sourceId, qint64 versionId, const QString &now)
{
    return d->run("UPDATE sources SET current_version = ?, updated_at = ? WHERE id = ?",
                  [&](Query &q) { q.bind(1, versionId).bind(2, now).bind(3, sourceId); });
}

Result<void> Store::upsertFile(const FileState &f)
{
    return d->run("INSERT INTO files (path, source_id, version_id, size, mtime_ns) VALUES (?, ?, ?, ?, ?) "
                  "ON CONFLICT(path) DO UPDATE SET source_id = excluded.source_id, version_id = excluded.version_id, "
                  "size = excluded.size, mtime_ns = excluded.mtime_ns",
                  [&](Query &q) { q.bind(1, f.path).bind(2, f.sourceId).bind(3, f.versionId).bind(4, f.size).bind(5, f.mtimeNs); });
}

Result<void> Store::recordFailure(const FailureRecord &f)
{
    return d->run("INSERT OR REPLACE INTO failures (path, size, mtime_ns, reason, at) VALUES (?, ?, ?, ?, ?)",
                  [&](Query &q) { q.bind(1, f.path).bind(2, f.size).bind(3, f.mtimeNs).bind(4, f.reason).bind(5, f.at); });
}

Result<void> Store::clearFailure(const QString &path)
{
    return d->run("DELETE FROM failures WHERE path = ?", [&](Query &q) { q.bind(1, path); });
}

Result<void> Store::setIndexed(qint64 sourceId, qint64 versionId)
{
    return d->run("INSERT OR REPLACE INTO index_state (source_id, version_id) VALUES (?, ?)",
                  [&](Query &q) { q.bind(1, sourceId).bind(2, versionId); });
}

Result<void> Store::clearIndexed(qint64 sourceId)
{
    return d->run("DELETE FROM index_state WHERE source_id = ?", [&](Query &q) { q.bind(1, sourceId); });
}

Result<void> Store::clearAllIndexed() { return d->exec("DELETE FROM index_state"); }

namespace {
/// Runs a query and reads each row with `read`: the shape of most reads here.
template <typename T, typename Impl, typename Bind, typename Read>
Result<std::vector<T>> collect(Impl &d, const char *sql, Bind &&bind, Read &&read, const QString &what)
{
    auto s = d.prepare(sql);
    if (!s)
        return std::unexpected(s.error());
    Query q(d.db, *s);
    bind(q);
    std::vector<T> out;
    while (q.step())
        out.push_back(read(q));
    if (q.failed())
        return std::unexpected(d.sqlError(what, q.rc()));
    return out;
}

const auto noBinds = [](Query &) {};

template <typename Impl>
Result<QHash<qint64, qint64>> pairs(Impl &d, const char *sql)
{
    auto s = d.prepare(sql);
    if (!s)
        return std::unexpected(s.error());
    QHash<qint64, qint64> out;
    Query q(d.db, *s);
    while (q.step())
        out.insert(q.i64(0), q.i64(1));
    if (q.failed())
        return std::unexpected(d.sqlError(QStringLiteral("read failed"), q.rc()));
    return out;
}
} // namespace

Result<QHash<qint64, qint64>> Store::indexedRecord() { return pairs(*d, "SELECT source_id, version_id FROM index_state"); }
Result<QHash<qint64, qint64>> Store::currentVersions()
{
    return pairs(*d, "SELECT id, current_version FROM sources WHERE current_version IS NOT NULL");
}

Result<std::vector<SourceSummary>> Store::listSources(SourceOrder order, bool descending, qint64 limit, qint64 offset)
{
    SourceQuery q;
    q.order = order;
    q.descending = descending;
    q.limit = limit;
    q.offset = offset;
    return querySources(q);
}

Result<std::vector<SourceSummary>> Store::sourcesByIds(const std::vector<qint64> &ids)
{
    const QByteArray sql = QByteArray("SELECT ") + kSummaryColumns
                           + " FROM sources s JOIN versions v ON v.id = s.current_version WHERE s.id = ?";
    auto s = d->prepare(sql.constData());
    if (!s)
        return std::unexpected(s.error());
    std::vector<SourceSummary> out;
    out.reserve(ids.size());
    for (qint64 id : ids) {
        Query q(d->db, *s);
        q.bind(1, id);
        if (q.step())
            out.push_back(readSummary(q));
        if (q.failed())
            return std::unexpected(d->sqlError(QStringLiteral("cannot read source %1").arg(id), q.rc()));
    }
    return out;
}

Result<StoredDocument> Store::documentByVersion(qint64 versionId)
{
    const QByteArray sql = QByteArray("SELECT ") + kVersionColumns + ", text, structure FROM versions WHERE id = ?";
    auto s = d->prepare(sql.constData());
    if (!s)
        return std::unexpected(s.error());
    Query q(d->db, *s);
    q.bind(1, versionId);
    if (!q.step()) {
        if (q.failed())
            return std::unexpected(d->sqlError(QStringLiteral("cannot read version %1").arg(versionId), q.rc()));
        return fail(ErrorCode::NotFound, QStringLiteral("no version %1 in %2").arg(versionId).arg(d->path));
    }
    StoredDocument out;
    out.version = readVersion(q);
    out.document.text = q.str(17);
    out.document.format = out.version.format;
    out.document.meta = out.version.meta;
    out.document.warnings = out.version.warnings;
    auto blocks = model::decodeStructure(q.bytes(18), out.document.text.size());
    if (!blocks)
        return fail(ErrorCode::Corrupt, QStringLiteral("%1: version %2: %3").arg(d->path).arg(versionId).arg(blocks.error().message));
    out.document.blocks = std::move(*blocks);
    return out;
}

Result<StoredDocument> Store::document(qint64 sourceId, std::optional<int> seq)
{
    auto s = seq ? d->prepare("SELECT id FROM versions WHERE source_id = ? AND seq = ?")
                 : d->prepare("SELECT current_version FROM sources WHERE id = ?");
    if (!s)
        return std::unexpected(s.error());
    qint64 versionId = 0;
    {
        Query q(d->db, *s);
        q.bind(1, sourceId);
        if (seq)
            q.bind(2, *seq);
        if (q.step())
            versionId = q.i64(0);
        if (q.failed())
            return std::unexpected(d->sqlError(QStringLiteral("cannot read source %1").arg(sourceId), q.rc()));
    }
    if (versionId == 0)
        return fail(ErrorCode::NotFound, seq ? QStringLiteral("source %1 has no version %2").arg(sourceId).arg(*seq)
                                             : QStringLiteral("no source %1 in this library").arg(sourceId));
    return documentByVersion(versionId);
}

Result<std::vector<VersionRecord>> Store::versions(qint64 sourceId)
{
    const QByteArray sql = QByteArray("SELECT ") + kVersionColumns + " FROM versions WHERE source_id = ? ORDER BY seq";
    auto s = d->prepare(sql.constData());
    if (!s)
        return std::unexpected(s.error());
    Query q(d->db, *s);
    q.bind(1, sourceId);
    std::vector<VersionRecord> out;
    while (q.step())
        out.push_back(readVersion(q));
    if (q.failed())
        return std::unexpected(d->sqlError(QStringLiteral("cannot read versions"), q.rc()));
    return out;
}

Result<QHash<qint64, QString>> Store::texts(const std::vector<qint64> &sourceIds)
{
    auto s = d->prepare("SELECT v.text FROM sources s JOIN versions v ON v.id = s.current_version WHERE s.id = ?");
    if (!s)
        return std::unexpected(s.error());
    QHash<qint64, QString> out;
    for (qint64 id : sourceIds) {
        Query q(d->db, *s);
        q.bind(1, id);
        if (q.step())
            out.insert(id, q.str(0));
        if (q.failed())
            return std::unexpected(d->sqlError(QStringLiteral("cannot read text"), q.rc()));
    }
    return out;
}

Result<QSet<QString>> Store::objectPaths()
{
    auto s = d->prepare("SELECT DISTINCT object_path FROM versions");
    if (!s)
        return std::unexpected(s.error());
    QSet<QString> out;
    Query q(d->db, *s);
    while (q.step())
        out.insert(q.str(0));
    if (q.failed())
        return std::unexpected(d->sqlError(QStringLiteral("cannot read object paths"), q.rc()));
    return out;
}

Result<StoreStats> Store::stats()
{
    auto s = d->prepare("SELECT (SELECT COUNT(*) FROM sources), (SELECT COUNT(*) FROM versions), "
                        "(SELECT COUNT(*) FROM files), (SELECT COUNT(*) FROM failures), "
                        "(SELECT COALESCE(SUM(LENGTH(v.text)), 0) FROM sources s JOIN versions v ON v.id = s.current_version)");
    if (!s)
        return std::unexpected(s.error());
    Query q(d->db, *s);
    if (!q.step())
        return std::unexpected(d->sqlError(QStringLiteral("cannot count"), q.rc()));
    return StoreStats{q.i64(0), q.i64(1), q.i64(2), q.i64(3), q.i64(4)};
}

Result<QString> Store::integrityCheck()
{
    auto s = d->prepare("PRAGMA quick_check");
    if (!s)
        return std::unexpected(s.error());
    Query q(d->db, *s);
    QStringList lines;
    while (q.step())
        lines << q.str(0);
    if (q.failed())
        return std::unexpected(d->sqlError(QStringLiteral("integrity check failed"), q.rc()));
    return lines.join(u'\n');
}

namespace {
// Object paths of the given versions that no other version references.
const char *kOrphanedObjects =
    "SELECT DISTINCT object_path FROM versions v WHERE v.source_id = ?1 AND (?2 = 0 OR v.seq = ?2) AND NOT EXISTS "
    "(SELECT 1 FROM versions o WHERE o.object_path = v.object_path AND NOT (o.source_id = ?1 AND (?2 = 0 OR o.seq = ?2)))";
} // namespace

Result<QStringList> Store::removeSource(qint64 sourceId)
{
    auto s = d->prepare(kOrphanedObjects);
    if (!s)
        return std::unexpected(s.error());
    QStringList orphans;
    {
        Query q(d->db, *s);
        q.bind(1, sourceId).bind(2, 0);
        while (q.step())
            orphans << q.str(0);
        if (q.failed())
            return std::unexpected(d->sqlError(QStringLiteral("cannot remove source"), q.rc()));
    }
    bool existed = false;
    {
        auto e = d->prepare("SELECT 1 FROM sources WHERE id = ?");
        if (!e)
            return std::unexpected(e.error());
        Query q(d->db, *e);
        q.bind(1, sourceId);
        existed = q.step();
    }
    if (!existed)
        return fail(ErrorCode::NotFound, QStringLiteral("no source %1 in this library").arg(sourceId));
    for (const char *sql : {"DELETE FROM files WHERE source_id = ?", "DELETE FROM versions WHERE source_id = ?",
                            "DELETE FROM index_state WHERE source_id = ?", "DELETE FROM sources WHERE id = ?"}) {
        if (auto r = d->run(sql, [&](Query &q) { q.bind(1, sourceId); }); !r)
            return std::unexpected(r.error());
    }
    return orphans;
}

Result<QStringList> Store::removeVersion(qint64 sourceId, int seq)
{
    auto doc = document(sourceId, seq);
    if (!doc)
        return std::unexpected(doc.error());
    auto cur = currentVersions();
    if (!cur)
        return std::unexpected(cur.error());
    if (cur->value(sourceId) == doc->version.id)
        return fail(ErrorCode::Invalid,
                    QStringLiteral("version %1 is the current version of source %2; remove the source instead").arg(seq).arg(sourceId));
    auto s = d->prepare(kOrphanedObjects);
    if (!s)
        return std::unexpected(s.error());
    QStringList orphans;
    {
        Query q(d->db, *s);
        q.bind(1, sourceId).bind(2, seq);
        while (q.step())
            orphans << q.str(0);
    }
    const qint64 vid = doc->version.id;
    if (auto r = d->run("DELETE FROM files WHERE version_id = ?", [&](Query &q) { q.bind(1, vid); }); !r)
        return std::unexpected(r.error());
    if (auto r = d->run("DELETE FROM versions WHERE id = ?", [&](Query &q) { q.bind(1, vid); }); !r)
        return std::unexpected(r.error());
    return orphans;
}

Result<QString> Store::metaValue(const QString &key)
{
    auto s = d->prepare("SELECT value FROM meta WHERE key = ?");
    if (!s)
        return std::unexpected(s.error());
    Query q(d->db, *s);
    q.bind(1, key);
    return q.step() ? q.str(0) : QString();
}

Result<void> Store::setMetaValue(const QString &key, const QString &value)
{
    return d->run("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [&](Query &q) { q.bind(1, key).bind(2, value); });
}

// --- extraction ---------------------------------------------------------------

Result<void> Store::saveExtraction(qint64 versionId, const extract::Extraction &x, int extractorVersion)
{
    // A version this store has just inserted has nothing to replace.
    const bool fresh = std::exchange(d->freshVersion, 0) == versionId;
    for (const char *sql : {"DELETE FROM mentions WHERE version_id = ?", "DELETE FROM facts WHERE version_id = ?"})
        if (auto r = fresh ? Result<void>{} : d->run(sql, [&](Query &q) { q.bind(1, versionId); }); !r)
            return r;
    // Entities: one row per key across the library.
    std::vector<qint64> ids(x.entities.size(), 0);
    for (size_t i = 0; i < x.entities.size(); ++i) {
        const extract::EntityRef &e = x.entities[i];
        if (auto it = d->entityIds.find(e.key); it != d->entityIds.end()) {
            ids[i] = it->second;
            continue;
        }
        auto s = d->prepare("SELECT id FROM entities WHERE key = ?");
        if (!s)
            return std::unexpected(s.error());
        qint64 id = 0;
        {
            Query q(d->db, *s);
            q.bind(1, e.key);
            if (q.step())
                id = q.i64(0);
        }
        if (id == 0) {
            auto r = d->run("INSERT INTO entities (key, kind, name, origin, confidence, parent, codename) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            [&](Query &q) {
                                q.bind(1, e.key)
                                    .bind(2, extract::entityKindName(e.kind))
                                    .bind(3, e.name)
                                    .bind(4, e.origin == extract::Origin::Pack ? QStringLiteral("pack") : QStringLiteral("found"))
                                    .bind(5, e.confidence)
                                    .bind(6, e.parent)
                                    .bind(7, e.codename);
                            });
            if (!r)
                return r;
            id = sqlite3_last_insert_rowid(d->db);
        } else if (!e.codename.isEmpty() || !e.parent.isEmpty()) {
            auto r = d->run("UPDATE entities SET codename = CASE WHEN codename = '' THEN ? ELSE codename END, "
                            "parent = CASE WHEN parent = '' THEN ? ELSE parent END, confidence = MAX(confidence, ?) WHERE id = ?",
                            [&](Query &q) { q.bind(1, e.codename).bind(2, e.parent).bind(3, e.confidence).bind(4, id); });
            if (!r)
                return r;
        }
        d->entityIds.emplace(e.key, id);
        ids[i] = id;
    }
    auto idOf = [&](int index) -> qint64 { return index >= 0 && size_t(index) < ids.size() ? ids[size_t(index)] : 0; };
    // Mentions go in by statements of many rows (32, 16, ... 1): one
    // statement's set-up (its cursors, the foreign keys' parents) for a run of
    // mentions, not for each.
    static const std::array<QByteArray, 6> insertRows = [] {
        std::array<QByteArray, 6> all;
        for (size_t k = 0; k < all.size(); ++k) {
            all[k] = "INSERT OR IGNORE INTO mentions (version_id, entity_id, start, len, confidence) VALUES (?, ?, ?, ?, ?)";
            for (size_t i = 1; i < (size_t(32) >> k); ++i)
                all[k] += ", (?, ?, ?, ?, ?)";
        }
        return all;
    }();
    std::set<qint64> mentioned;
    for (size_t from = 0; from < x.mentions.size();) {
        size_t k = 0;
        while ((size_t(32) >> k) > x.mentions.size() - from)
            ++k;
        const size_t rows = size_t(32) >> k;
        const char *sql = insertRows[k].constData();
        auto r = d->run(sql, [&](Query &q) {
            for (size_t i = 0; i < rows; ++i) {
                const extract::FoundMention &m = x.mentions[from + i];
                const int at = int(i) * 5;
                q.bind(at + 1, versionId).bind(at + 2, idOf(m.entity)).bind(at + 3, qint64(m.range.start))
                    .bind(at + 4, qint64(m.range.length())).bind(at + 5, m.confidence);
                mentioned.insert(idOf(m.entity));
            }
        });
        if (!r)
            return r;
        from += rows;
    }
    const char *insertFact =
        "INSERT INTO facts (version_id, kind, subject, attribute, object, value, number, low, high, unit, setting, note, "
        "date, date_end, entities, title, openness, start, len) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    for (const extract::Score &sc : x.scores) {
        auto r = d->run(insertFact, [&](Query &q) {
            q.bind(1, versionId).bind(2, QStringLiteral("score")).bind(3, idOf(sc.model)).bind(4, QString()).bind(5, idOf(sc.benchmark))
                .bind(6, QString::number(sc.value, 'g', 8)).bind(7, sc.value).bindOptional(8, {}).bindOptional(9, {})
                .bind(10, sc.unit).bind(11, sc.setting).bind(12, QString()).bind(13, QString()).bind(14, QString())
                .bind(15, QString()).bind(16, QString()).bind(17, QString())
                .bind(18, qint64(sc.quote.start)).bind(19, qint64(sc.quote.length()));
        });
        if (!r)
            return r;
    }
    for (const extract::Attribute &a : x.attributes) {
        auto r = d->run(insertFact, [&](Query &q) {
            q.bind(1, versionId).bind(2, QStringLiteral("attribute")).bind(3, idOf(a.subject)).bind(4, a.attribute)
                .bind(5, idOf(a.valueEntity)).bind(6, a.value).bindOptional(7, {}).bindOptional(8, a.low).bindOptional(9, a.high)
                .bind(10, QString()).bind(11, QString()).bind(12, a.note).bind(13, QString()).bind(14, QString())
                .bind(15, QString()).bind(16, QString()).bind(17, QString())
                .bind(18, qint64(a.quote.start)).bind(19, qint64(a.quote.length()));
        });
        if (!r)
            return r;
    }
    for (const extract::Event &e : x.events) {
        QStringList entities;
        for (int i : e.entities)
            entities << QString::number(idOf(i));
        auto r = d->run(insertFact, [&](Query &q) {
            q.bind(1, versionId).bind(2, QStringLiteral("event")).bind(3, idOf(e.entities.empty() ? -1 : e.entities.front()))
                .bind(4, e.kind).bind(5, qint64(0)).bind(6, e.relative ? QStringLiteral("relative") : QString())
                .bindOptional(7, {}).bindOptional(8, {}).bindOptional(9, {})
                .bind(10, QString()).bind(11, QString()).bind(12, QString()).bind(13, e.date.toIso()).bind(14, e.dateEnd.toIso())
                .bind(15, entities.join(u' ')).bind(16, e.title).bind(17, e.openness)
                .bind(18, qint64(e.quote.start)).bind(19, qint64(e.quote.length()));
        });
        if (!r)
            return r;
    }
    if (auto r = d->run("UPDATE versions SET entity_count = ? WHERE id = ?",
                        [&](Query &q) { q.bind(1, qint64(mentioned.size())).bind(2, versionId); });
        !r)
        return r;
    return d->run("INSERT OR REPLACE INTO extraction_state (version_id, extractor) VALUES (?, ?)",
                  [&](Query &q) { q.bind(1, versionId).bind(2, qint64(extractorVersion)); });
}

Result<std::vector<std::pair<qint64, qint64>>> Store::versionsToExtract(int extractorVersion)
{
    auto s = d->prepare("SELECT s.current_version, s.id FROM sources s LEFT JOIN extraction_state e ON e.version_id = s.current_version "
                        "WHERE s.current_version IS NOT NULL AND (e.extractor IS NULL OR e.extractor <> ?) ORDER BY s.id");
    if (!s)
        return std::unexpected(s.error());
    Query q(d->db, *s);
    q.bind(1, qint64(extractorVersion));
    std::vector<std::pair<qint64, qint64>> out;
    while (q.step())
        out.emplace_back(q.i64(0), q.i64(1));
    if (q.failed())
        return std::unexpected(d->sqlError(QStringLiteral("cannot read the extraction state"), q.rc()));
    return out;
}

Result<std::vector<EntityRow>> Store::entityRows()
{
    auto s = d->prepare("SELECT id, key, kind, name, origin, confidence, parent, codename FROM entities ORDER BY id");
    if (!s)
        return std::unexpected(s.error());
    Query q(d->db, *s);
    std::vector<EntityRow> out;
    while (q.step())
        out.push_back(EntityRow{q.i64(0), q.str(1), q.str(2), q.str(3), q.str(4), q.f64(5), q.str(6), q.str(7)});
    if (q.failed())
        return std::unexpected(d->sqlError(QStringLiteral("cannot read entities"), q.rc()));
    return out;
}

Result<std::vector<MentionStat>> Store::mentionStats()
{
    auto s = d->prepare("SELECT m.entity_id, COUNT(*), COUNT(DISTINCT s.id) FROM mentions m "
                        "JOIN sources s ON s.current_version = m.version_id GROUP BY m.entity_id");
    if (!s)
        return std::unexpected(s.error());
    Query q(d->db, *s);
    std::vector<MentionStat> out;
    while (q.step())
        out.push_back(MentionStat{q.i64(0), q.i64(1), q.i64(2)});
    if (q.failed())
        return std::unexpected(d->sqlError(QStringLiteral("cannot count mentions"), q.rc()));
    return out;
}

Result<std::vector<FactRow>> Store::factRows()
{
    auto s = d->prepare("SELECT f.id, f.version_id, s.id, f.kind, f.subject, f.attribute, f.object, f.value, f.number, f.low, f.high, "
                        "f.unit, f.setting, f.note, f.date, f.date_end, f.entities, f.title, f.openness, f.start, f.len "
                        "FROM facts f JOIN sources s ON s.current_version = f.version_id ORDER BY s.id, f.id");
    if (!s)
        return std::unexpected(s.error());
    Query q(d->db, *s);
    std::vector<FactRow> out;
    while (q.step()) {
        FactRow f;
        f.id = q.i64(0);
        f.versionId = q.i64(1);
        f.sourceId = q.i64(2);
        f.kind = q.str(3);
        f.subject = q.i64(4);
        f.attribute = q.str(5);
        f.object = q.i64(6);
        f.value = q.str(7);
        f.number = q.optional(8);
        f.low = q.optional(9);
        f.high = q.optional(10);
        f.unit = q.str(11);
        f.setting = q.str(12);
        f.note = q.str(13);
        f.date = q.str(14);
        f.dateEnd = q.str(15);
        for (const QString &id : q.str(16).split(u' ', Qt::SkipEmptyParts))
            f.entities.push_back(id.toLongLong());
        f.title = q.str(17);
        f.openness = q.str(18);
        f.start = q.i64(19);
        f.length = q.i64(20);
        out.push_back(std::move(f));
    }
    if (q.failed())
        return std::unexpected(d->sqlError(QStringLiteral("cannot read facts"), q.rc()));
    return out;
}

Result<std::vector<MentionRow>> Store::mentionsOf(const std::vector<qint64> &entityIds, qint64 limit)
{
    auto s = limit < 0 ? d->prepare("SELECT s.id, m.version_id, m.entity_id, m.start, m.len FROM mentions m "
                                    "JOIN sources s ON s.current_version = m.version_id WHERE m.entity_id = ? ORDER BY s.id, m.start")
                       : d->prepare("SELECT s.id, m.version_id, m.entity_id, m.start, m.len FROM mentions m "
                                    "JOIN sources s ON s.current_version = m.version_id WHERE m.entity_id = ? ORDER BY m.version_id, m.start LIMIT ?");
    if (!s)
        return std::unexpected(s.error());
    std::vector<MentionRow> out;
    for (const qint64 id : entityIds) {
        Query q(d->db, *s);
        q.bind(1, id);
        if (limit >= 0)
            q.bind(2, limit);
        while (q.step())
            out.push_back(MentionRow{q.i64(0), q.i64(1), q.i64(2), q.i64(3), q.i64(4)});
        if (q.failed())
            return std::unexpected(d->sqlError(QStringLiteral("cannot read mentions"), q.rc()));
    }
    return out;
}

Result<std::vector<MentionRow>> Store::mentionsIn(qint64 versionId)
{
    auto s = d->prepare("SELECT v.source_id, m.version_id, m.entity_id, m.start, m.len FROM mentions m "
                        "JOIN versions v ON v.id = m.version_id WHERE m.version_id = ? ORDER BY m.start");
    if (!s)
        return std::unexpected(s.error());
    Query q(d->db, *s);
    q.bind(1, versionId);
    std::vector<MentionRow> out;
    while (q.step())
        out.push_back(MentionRow{q.i64(0), q.i64(1), q.i64(2), q.i64(3), q.i64(4)});
    if (q.failed())
        return std::unexpected(d->sqlError(QStringLiteral("cannot read mentions"), q.rc()));
    return out;
}

Result<std::vector<Store::NamedMention>> Store::versionMentions(qint64 versionId)
{
    return collect<NamedMention>(
        *d,
        "SELECT m.start, m.len, e.key, e.kind, e.name FROM mentions m JOIN entities e ON e.id = m.entity_id "
        "WHERE m.version_id = ? ORDER BY m.start, m.len DESC",
        [&](Query &q) { q.bind(1, versionId); },
        [](const Query &q) { return NamedMention{q.i64(0), q.i64(1), q.str(2), q.str(3), q.str(4)}; },
        QStringLiteral("cannot read mentions"));
}

Result<std::vector<qint64>> Store::entityIds(const QStringList &keys)
{
    auto s = d->prepare("SELECT id FROM entities WHERE key = ?");
    if (!s)
        return std::unexpected(s.error());
    std::vector<qint64> out;
    for (const QString &k : keys) {
        Query q(d->db, *s);
        q.bind(1, k);
        if (q.step())
            out.push_back(q.i64(0));
        if (q.failed())
            return std::unexpected(d->sqlError(QStringLiteral("cannot read entities"), q.rc()));
    }
    return out;
}

qint64 Store::changeCounter()
{
    // data_version moves when another connection commits; total_changes counts this one's writes.
    qint64 version = 0;
    if (auto s = d->prepare("PRAGMA data_version")) {
        Query q(d->db, *s);
        if (q.step())
            version = q.i64(0);
    }
    return (version << 32) ^ static_cast<qint64>(sqlite3_total_changes64(d->db));
}

Result<Store::VersionEntities> Store::versionEntities(qint64 versionId)
{
    auto bind = [&](Query &q) { q.bind(1, versionId); };
    auto entities = collect<std::tuple<QString, QString, int>>(
        *d, "SELECT e.key, e.kind, COUNT(*) FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.version_id = ? GROUP BY e.id",
        bind, [](const Query &q) { return std::tuple{q.str(0), q.str(1), static_cast<int>(q.i64(2))}; },
        QStringLiteral("cannot read mentions"));
    if (!entities)
        return std::unexpected(entities.error());
    auto openness = collect<std::pair<QString, QString>>(
        *d,
        "SELECT e.key, f.value FROM facts f JOIN entities e ON e.id = f.subject "
        "WHERE f.version_id = ? AND f.kind = 'attribute' AND f.attribute = 'openness'",
        bind, [](const Query &q) { return std::pair{q.str(0), q.str(1)}; }, QStringLiteral("cannot read facts"));
    if (!openness)
        return std::unexpected(openness.error());
    return VersionEntities{std::move(*entities), std::move(*openness)};
}

Result<qint64> Store::addCorrection(const CorrectionRow &c)
{
    auto r = d->run("INSERT INTO corrections (at, action, target, value, extra, undone) VALUES (?, ?, ?, ?, ?, 0)",
                    [&](Query &q) { q.bind(1, c.at).bind(2, c.action).bind(3, c.target).bind(4, c.value).bind(5, c.extra); });
    if (!r)
        return std::unexpected(r.error());
    return sqlite3_last_insert_rowid(d->db);
}

Result<std::vector<CorrectionRow>> Store::corrections()
{
    auto s = d->prepare("SELECT id, at, action, target, value, extra, undone FROM corrections ORDER BY id");
    if (!s)
        return std::unexpected(s.error());
    Query q(d->db, *s);
    std::vector<CorrectionRow> out;
    while (q.step())
        out.push_back(CorrectionRow{q.i64(0), q.str(1), q.str(2), q.str(3), q.str(4), q.str(5), q.i64(6) != 0});
    if (q.failed())
        return std::unexpected(d->sqlError(QStringLiteral("cannot read corrections"), q.rc()));
    return out;
}

Result<void> Store::setCorrectionUndone(qint64 id, bool undone)
{
    return d->run("UPDATE corrections SET undone = ? WHERE id = ?", [&](Query &q) { q.bind(1, qint64(undone ? 1 : 0)).bind(2, id); });
}

Result<void> Store::saveChart(const QString &name, const QString &definition, const QString &at)
{
    return d->run("INSERT INTO charts (name, definition, updated_at) VALUES (?, ?, ?) "
                  "ON CONFLICT(name) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at",
                  [&](Query &q) { q.bind(1, name).bind(2, definition).bind(3, at); });
}

Result<std::vector<std::pair<QString, QString>>> Store::charts()
{
    auto s = d->prepare("SELECT name, definition FROM charts ORDER BY name");
    if (!s)
        return std::unexpected(s.error());
    Query q(d->db, *s);
    std::vector<std::pair<QString, QString>> out;
    while (q.step())
        out.emplace_back(q.str(0), q.str(1));
    if (q.failed())
        return std::unexpected(d->sqlError(QStringLiteral("cannot read saved charts"), q.rc()));
    return out;
}

Result<bool> Store::removeChart(const QString &name)
{
    auto r = d->run("DELETE FROM charts WHERE name = ?", [&](Query &q) { q.bind(1, name); });
    if (!r)
        return std::unexpected(r.error());
    return sqlite3_changes(d->db) > 0;
}

// --- the source list ---------------------------------------------------------

namespace {

QByteArray orderClause(SourceOrder order, bool descending)
{
    const char *dir = descending ? " DESC" : " ASC";
    switch (order) {
    case SourceOrder::Added: return QByteArray("s.added_at") + dir + ", s.id" + dir;
    case SourceOrder::Title: return QByteArray("v.title COLLATE NOCASE") + dir + ", s.id";
    case SourceOrder::Published: return QByteArray("v.published") + dir + ", s.id";
    case SourceOrder::Publisher: return QByteArray("v.publisher COLLATE NOCASE") + dir + ", s.id";
    case SourceOrder::Id: return QByteArray("s.id") + dir;
    case SourceOrder::Entities: return QByteArray("v.entity_count") + dir + ", s.id";
    case SourceOrder::Annotations: return QByteArray("15") + dir + ", s.id";
    }
    return "s.id";
}

/// A value as LIKE matches it literally (with ESCAPE '\\').
QString escapeLike(QString value)
{
    return value.replace(u'\\', QStringLiteral("\\\\")).replace(u'%', QStringLiteral("\\%")).replace(u'_', QStringLiteral("\\_"));
}

/// FROM and WHERE of a source query, with the values to bind in order.
QByteArray sourceFilter(const SourceQuery &sq, QStringList &binds)
{
    QByteArray sql = sq.trashed ? " FROM sources s JOIN versions v ON v.id = s.removed_version WHERE s.removed_at IS NOT NULL"
                                : " FROM sources s JOIN versions v ON v.id = s.current_version WHERE 1";
    for (const QString &word : sq.text.split(u' ', Qt::SkipEmptyParts)) {
        sql += " AND (v.title LIKE ? ESCAPE '\\' OR v.publisher LIKE ? ESCAPE '\\' OR v.author LIKE ? ESCAPE '\\'"
               " OR v.url LIKE ? ESCAPE '\\')";
        for (int i = 0; i < 4; ++i)
            binds << u'%' + escapeLike(word) + u'%';
    }
    if (!sq.publisher.isEmpty()) {
        sql += " AND v.publisher = ?";
        binds << sq.publisher;
    }
    if (!sq.tag.isEmpty()) {
        sql += " AND EXISTS (SELECT 1 FROM annotations a WHERE a.source_id = s.id AND "
               "(char(10) || a.tags || char(10)) LIKE ? ESCAPE '\\')";
        binds << QStringLiteral("%\n") + escapeLike(sq.tag) + QStringLiteral("\n%");
    }
    if (!sq.addedSince.isEmpty()) {
        sql += " AND s.added_at >= ?";
        binds << sq.addedSince;
    }
    return sql;
}

} // namespace

Result<std::vector<SourceSummary>> Store::querySources(const SourceQuery &sq)
{
    QStringList binds;
    const QByteArray sql = QByteArray("SELECT ") + kSummaryColumns + sourceFilter(sq, binds) + " ORDER BY "
                           + orderClause(sq.order, sq.descending) + " LIMIT ? OFFSET ?";
    auto s = d->prepare(sql.constData());
    if (!s)
        return std::unexpected(s.error());
    Query q(d->db, *s);
    int i = 1;
    for (const QString &b : std::as_const(binds))
        q.bind(i++, b);
    q.bind(i, sq.limit);
    q.bind(i + 1, sq.offset);
    std::vector<SourceSummary> out;
    while (q.step())
        out.push_back(readSummary(q));
    if (q.failed())
        return std::unexpected(d->sqlError(QStringLiteral("cannot list sources"), q.rc()));
    return out;
}

Result<qint64> Store::countSources(const SourceQuery &sq)
{
    if (sq.text.trimmed().isEmpty() && sq.publisher.isEmpty() && sq.tag.isEmpty()) {
        // Without filters on the version's fields, the sources table alone answers.
        auto s = d->prepare(sq.trashed ? "SELECT COUNT(*) FROM sources WHERE removed_at IS NOT NULL AND removed_version IS NOT NULL AND added_at >= ?"
                                       : "SELECT COUNT(*) FROM sources WHERE current_version IS NOT NULL AND added_at >= ?");
        if (!s)
            return std::unexpected(s.error());
        Query q(d->db, *s);
        q.bind(1, sq.addedSince);
        if (!q.step())
            return std::unexpected(d->sqlError(QStringLiteral("cannot count sources"), q.rc()));
        return q.i64(0);
    }
    QStringList binds;
    const QByteArray sql = QByteArray("SELECT COUNT(*)") + sourceFilter(sq, binds);
    auto s = d->prepare(sql.constData());
    if (!s)
        return std::unexpected(s.error());
    Query q(d->db, *s);
    int i = 1;
    for (const QString &b : std::as_const(binds))
        q.bind(i++, b);
    if (!q.step())
        return std::unexpected(d->sqlError(QStringLiteral("cannot count sources"), q.rc()));
    return q.i64(0);
}

Result<std::vector<std::pair<QString, qint64>>> Store::publisherCounts()
{
    // Reads the publisher index and the small sources table, never the versions' rows (which hold the text).
    return collect<std::pair<QString, qint64>>(
        *d,
        "SELECT publisher, COUNT(*) FROM versions INDEXED BY versions_by_publisher "
        "WHERE publisher <> '' AND id IN (SELECT current_version FROM sources WHERE current_version IS NOT NULL) "
        "GROUP BY publisher ORDER BY 2 DESC, 1 COLLATE NOCASE",
        noBinds, [](const Query &q) { return std::pair{q.str(0), q.i64(1)}; }, QStringLiteral("cannot count publishers"));
}

// --- annotations -----------------------------------------------------------------

namespace {
const char *kAnnotationColumns =
    "id, source_id, version_id, start, len, exact, prefix, suffix, color, note, tags, orphaned, created_at, modified_at";

annotate::Annotation readAnnotation(const Query &q)
{
    annotate::Annotation a;
    a.id = q.str(0);
    a.sourceId = q.i64(1);
    a.versionId = q.i64(2);
    a.start = q.i64(3);
    a.length = q.i64(4);
    a.exact = q.str(5);
    a.prefix = q.str(6);
    a.suffix = q.str(7);
    a.color = q.str(8);
    a.note = q.str(9);
    a.tags = q.str(10).split(u'\n', Qt::SkipEmptyParts);
    a.orphaned = q.i64(11) != 0;
    a.created = q.str(12);
    a.modified = q.str(13);
    return a;
}
} // namespace

Result<std::vector<annotate::Annotation>> Store::annotations(qint64 sourceId)
{
    // Two statements, each cached: one source's, or every source's.
    static const QByteArray one = QByteArray("SELECT ") + kAnnotationColumns
                                  + " FROM annotations WHERE source_id = ? ORDER BY orphaned, start, created_at";
    static const QByteArray all = QByteArray("SELECT ") + kAnnotationColumns
                                  + " FROM annotations ORDER BY source_id, orphaned, start, created_at";
    return collect<annotate::Annotation>(
        *d, (sourceId > 0 ? one : all).constData(),
        [&](Query &q) {
            if (sourceId > 0)
                q.bind(1, sourceId);
        },
        readAnnotation, QStringLiteral("cannot read annotations"));
}

Result<std::optional<annotate::Annotation>> Store::annotation(const QString &id)
{
    const QByteArray sql = QByteArray("SELECT ") + kAnnotationColumns + " FROM annotations WHERE id = ?";
    auto s = d->prepare(sql.constData());
    if (!s)
        return std::unexpected(s.error());
    Query q(d->db, *s);
    q.bind(1, id);
    if (q.step())
        return std::optional<annotate::Annotation>(readAnnotation(q));
    if (q.failed())
        return std::unexpected(d->sqlError(QStringLiteral("cannot read annotation %1").arg(id), q.rc()));
    return std::optional<annotate::Annotation>();
}

Result<void> Store::saveAnnotation(const annotate::Annotation &a)
{
    if (a.id.isEmpty())
        return fail(ErrorCode::Invalid, QStringLiteral("an annotation needs an id"));
    return d->run("INSERT OR REPLACE INTO annotations (id, source_id, version_id, start, len, exact, prefix, suffix, color, note, "
                  "tags, orphaned, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  [&](Query &q) {
                      q.bind(1, a.id).bind(2, a.sourceId).bind(3, a.versionId).bind(4, a.start).bind(5, a.length)
                          .bind(6, a.exact).bind(7, a.prefix).bind(8, a.suffix).bind(9, a.color).bind(10, a.note)
                          .bind(11, a.tags.join(u'\n')).bind(12, qint64(a.orphaned ? 1 : 0)).bind(13, a.created)
                          .bind(14, a.modified);
                  });
}

Result<bool> Store::deleteAnnotation(const QString &id)
{
    if (auto r = d->run("DELETE FROM annotations WHERE id = ?", [&](Query &q) { q.bind(1, id); }); !r)
        return std::unexpected(r.error());
    return sqlite3_changes(d->db) > 0;
}

Result<std::vector<std::pair<QString, qint64>>> Store::annotationTags()
{
    auto s = d->prepare("SELECT tags FROM annotations WHERE tags <> ''");
    if (!s)
        return std::unexpected(s.error());
    Query q(d->db, *s);
    QMap<QString, qint64> counts;
    while (q.step())
        for (const QString &t : q.str(0).split(u'\n', Qt::SkipEmptyParts))
            ++counts[t];
    if (q.failed())
        return std::unexpected(d->sqlError(QStringLiteral("cannot read tags"), q.rc()));
    std::vector<std::pair<QString, qint64>> out;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        out.emplace_back(it.key(), it.value());
    return out;
}

// --- the trash -------------------------------------------------------------------

Result<void> Store::trashSource(qint64 sourceId, const QString &now)
{
    auto r = d->run("UPDATE sources SET removed_at = ?, removed_version = current_version, current_version = NULL "
                    "WHERE id = ? AND removed_at IS NULL AND current_version IS NOT NULL",
                    [&](Query &q) { q.bind(1, now).bind(2, sourceId); });
    if (!r)
        return r;
    if (sqlite3_changes(d->db) == 0)
        return fail(ErrorCode::NotFound, QStringLiteral("no source %1 in this library").arg(sourceId));
    return d->run("DELETE FROM files WHERE source_id = ?", [&](Query &q) { q.bind(1, sourceId); });
}

Result<void> Store::restoreSource(qint64 sourceId)
{
    auto r = d->run("UPDATE sources SET current_version = removed_version, removed_version = NULL, removed_at = NULL "
                    "WHERE id = ? AND removed_at IS NOT NULL",
                    [&](Query &q) { q.bind(1, sourceId); });
    if (!r)
        return r;
    if (sqlite3_changes(d->db) == 0)
        return fail(ErrorCode::NotFound, QStringLiteral("source %1 is not in the trash").arg(sourceId));
    return {};
}

Result<std::vector<qint64>> Store::trashedSources()
{
    return collect<qint64>(
        *d, "SELECT id FROM sources WHERE removed_at IS NOT NULL ORDER BY id", noBinds, [](const Query &q) { return q.i64(0); },
        QStringLiteral("cannot read the trash"));
}

} // namespace sextant::store
