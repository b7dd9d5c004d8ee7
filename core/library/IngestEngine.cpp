#include "library/IngestEngine.h"

#include "common/Clock.h"
#include "common/Hash.h"
#include "common/Logging.h"
#include "extract/Extractor.h"
#include "library/Annotations.h"
#include "library/Indexing.h"
#include "library/IndexWriter.h"
#include "index/SearchIndex.h"
#include "ingest/DocumentReader.h"
#include "ingest/Format.h"
#include "library/Library.h"
#include "library/Maintenance.h"
#include "library/OrderedPipeline.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QThread>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sextant::library {

namespace {

struct Candidate {
    QString path;
    qint64 size = 0;
    qint64 mtimeNs = 0;
};

struct Parsed {
    Candidate file;
    QString hash;
    QString objectPath; // relative to the library root
    model::Document doc;
    std::optional<index::PreparedDocument> prepared;
    std::optional<extract::Extraction> extraction;
    std::optional<Error> error;
};

bool statFile(const QString &path, qint64 *size, qint64 *mtimeNs)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return false;
    *size = static_cast<qint64>(st.st_size);
    *mtimeNs = static_cast<qint64>(st.st_mtim.tv_sec) * 1'000'000'000LL + st.st_mtim.tv_nsec;
    return S_ISREG(st.st_mode);
}

QString mb(qint64 bytes) { return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1); }

/// Folders are walked depth-first in name order, so ingest order (and so
/// source ids) is the same on every run. Hidden files and folders, and the
/// library's own folder, are left out.
class Scanner {
public:
    Scanner(const IngestRequest &req, const QString &libraryRoot) : m_req(req), m_libraryRoot(libraryRoot)
    {
        for (const QString &g : req.globs)
            m_globs.append(QRegularExpression(QRegularExpression::wildcardToRegularExpression(g)));
    }

    std::vector<Candidate> scan(std::vector<FileNote> &problems, const CancelFlag &cancel, ProgressSink &progress)
    {
        std::vector<Candidate> out;
        QSet<QString> seen;
        for (const QString &arg : m_req.paths) {
            const QFileInfo info(arg);
            const QString path = QDir::cleanPath(info.absoluteFilePath());
            if (!info.exists()) {
                problems.push_back({path, QStringLiteral("no such file or folder")});
                continue;
            }
            if (info.isDir()) {
                walk(path, out, seen, problems, cancel, progress);
            } else {
                add(path, out, seen, problems); // a file named explicitly is taken whatever its name
            }
        }
        return out;
    }

private:
    bool wanted(const QString &name) const
    {
        if (!m_globs.isEmpty())
            return std::any_of(m_globs.begin(), m_globs.end(), [&](const QRegularExpression &re) { return re.match(name).hasMatch(); });
        const QString suffix = QFileInfo(name).suffix().toLower();
        return suffix.isEmpty() || ingest::supportedExtensions().contains(suffix);
    }

    void add(const QString &path, std::vector<Candidate> &out, QSet<QString> &seen, std::vector<FileNote> &problems)
    {
        if (seen.contains(path))
            return;
        seen.insert(path);
        Candidate c{path, 0, 0};
        if (!statFile(path, &c.size, &c.mtimeNs)) {
            problems.push_back({path, QStringLiteral("not a regular file, or cannot be read")});
            return;
        }
        out.push_back(c);
    }

    void walk(const QString &root, std::vector<Candidate> &out, QSet<QString> &seen, std::vector<FileNote> &problems,
              const CancelFlag &cancel, ProgressSink &progress)
    {
        std::vector<QString> stack{root};
        while (!stack.empty() && !cancel.load()) {
            const QString dir = stack.back();
            stack.pop_back();
            if (dir == m_libraryRoot || dir.startsWith(m_libraryRoot + u'/'))
                continue;
            QDir d(dir);
            const QStringList files = d.entryList(QDir::Files | QDir::System, QDir::Name);
            const QStringList dirs = m_req.recursive ? d.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks, QDir::Name)
                                                     : QStringList();
            for (const QString &f : files)
                if (wanted(f))
                    add(dir + u'/' + f, out, seen, problems);
            for (auto it = dirs.crbegin(); it != dirs.crend(); ++it)
                stack.push_back(dir + u'/' + *it);
            progress.report({QStringLiteral("scanning"), static_cast<qint64>(out.size()), 0, 0, dir});
        }
    }

    const IngestRequest &m_req;
    QString m_libraryRoot;
    QList<QRegularExpression> m_globs;
};

/// Writes the untouched copy of an original under its content's name,
/// straight to that name: same name is same content, so a copy whose size is
/// the content's was written whole, and a copy cut short (a killed process, a
/// full disk) has another size and is written again by the next ingest that
/// meets the content. No temporary name and rename, no mkdir per file, no
/// fsync: each file created costs the kernel more than the rest of a small
/// document's ingest (SQLite's WAL is not synced per commit either), and
/// `sextant check` reports a copy that went missing. Two workers writing the
/// same content write the same bytes at the same offsets.
Result<void> storeOriginal(const QString &target, const QByteArray &bytes)
{
    const QByteArray path = QFile::encodeName(target);
    struct stat st {};
    if (::stat(path.constData(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size == bytes.size())
        return {};
    auto why = [](int err) { return QString::fromLocal8Bit(std::strerror(err)); };
    int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0 && errno == ENOENT) { // the first copy under this two-letter folder
        const QString dir = QFileInfo(target).absolutePath();
        if (!QDir().mkpath(dir))
            return fail(ErrorCode::Io, QStringLiteral("cannot create %1 in the library").arg(dir));
        fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    }
    if (fd < 0)
        return fail(ErrorCode::Io, QStringLiteral("cannot store a copy in the library: %1").arg(why(errno)));
    const char *p = bytes.constData();
    qint64 left = bytes.size();
    int err = 0;
    while (left > 0) {
        const ssize_t n = ::write(fd, p, static_cast<size_t>(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            err = n < 0 ? errno : ENOSPC;
            break;
        }
        p += n;
        left -= n;
    }
    if (::close(fd) != 0 && err == 0 && errno != EINTR)
        err = errno;
    if (err != 0) {
        ::unlink(path.constData()); // a copy cut short must not stay under the content's name
        return fail(ErrorCode::Io, QStringLiteral("cannot store a copy in the library: %1").arg(why(err)));
    }
    return {};
}

/// Reads, hashes, parses and prepares one file. Runs on a worker thread.
Parsed parseFile(const Candidate &c, const IngestRequest &req, const LibraryPaths &paths)
{
    Parsed p;
    p.file = c;
    auto failWith = [&](ErrorCode code, const QString &msg) {
        p.error = Error{code, msg};
        return std::move(p);
    };
    if (c.size > req.maxFileBytes)
        return failWith(ErrorCode::TooLarge, QStringLiteral("file of %1 MB is over the %2 MB limit (--max-size)")
                                                 .arg(mb(c.size), mb(req.maxFileBytes)));
    QFile f(c.path);
    if (!f.open(QIODevice::ReadOnly))
        return failWith(ErrorCode::Io, QStringLiteral("cannot read: %1").arg(f.errorString()));
    const QByteArray bytes = f.read(req.maxFileBytes + 1);
    if (f.error() != QFileDevice::NoError)
        return failWith(ErrorCode::Io, QStringLiteral("cannot read: %1").arg(f.errorString()));
    if (bytes.size() > req.maxFileBytes)
        return failWith(ErrorCode::TooLarge, QStringLiteral("file grew over the %1 MB limit while being read").arg(mb(req.maxFileBytes)));
    p.file.size = bytes.size();
    p.hash = contentHash(bytes);

    ingest::ReadOptions opts = req.read;
    opts.fileName = c.path;
    opts.url = req.urls.value(c.path);
    auto doc = ingest::readDocument(bytes, ingest::formatFromFileName(c.path), opts);
    if (!doc) {
        // readDocument names the file; the summary names it too, so keep the reason only.
        QString msg = doc.error().message;
        const QString prefix = QFileInfo(c.path).fileName() + QStringLiteral(": ");
        if (msg.startsWith(prefix))
            msg.remove(0, prefix.size());
        return failWith(doc.error().code, msg);
    }
    p.doc = std::move(*doc);

    // The untouched original, named by its content; written before the
    // database refers to it, so a crash leaves at worst an unreferenced file.
    const QString suffix = QFileInfo(c.path).suffix().toLower();
    p.objectPath = QStringLiteral("originals/%1/%2%3")
                       .arg(p.hash.left(2), p.hash, suffix.isEmpty() || suffix.size() > 10 ? QString() : u'.' + suffix);
    const QString target = paths.root + u'/' + p.objectPath;
    if (auto stored = storeOriginal(target, bytes); !stored)
        return failWith(ErrorCode::Io, stored.error().message);
    p.extraction = extract::Extractor::builtin().extract(p.doc);
    p.prepared = index::prepareDocument(indexFields(p.doc, *p.extraction));
    return p;
}

} // namespace

Result<IngestSummary> IngestEngine::run(const IngestRequest &request, ProgressSink &progress, const CancelFlag &cancel)
{
    QElapsedTimer clock;
    clock.start();
    IngestSummary summary;
    store::Store &store = m_library.store();
    // An index written by an older Sextant lacks what search now expects: rebuild it first.
    if (auto format = store.metaValue(QStringLiteral("index_format")); !format) {
        return std::unexpected(format.error());
    } else if (*format != QString::number(index::SearchIndex::formatVersion())) {
        auto current = store.currentVersions();
        if (!current)
            return std::unexpected(current.error());
        if (!current->isEmpty()) {
            qCInfo(lcIngest) << "the index has format" << *format << "; rebuilding it";
            auto r = reindexAll(m_library, progress, cancel, request.threads);
            if (!r)
                return std::unexpected(r.error());
            if (r->cancelled) {
                summary.cancelled = true;
                return summary;
            }
        } else if (auto m = store.setMetaValue(QStringLiteral("index_format"), QString::number(index::SearchIndex::formatVersion())); !m) {
            return std::unexpected(m.error());
        }
    }
    auto index = m_library.searchIndex();
    if (!index)
        return std::unexpected(index.error());

    // A previous run that was killed may have left the index behind the
    // store: catch up first, so this run ends with a consistent library.
    {
        auto diff = diffIndex(m_library);
        if (!diff)
            return std::unexpected(diff.error());
        if (!diff->inStep()) {
            qCInfo(lcIngest) << "catching up the index:" << diff->missing.size() << "missing," << diff->stale.size() << "stale";
            auto n = syncIndex(m_library, *diff, progress, cancel, request.threads);
            if (!n)
                return std::unexpected(n.error());
            summary.reindexed = *n;
        }
    }

    auto known = store.fileStates();
    if (!known)
        return std::unexpected(known.error());
    auto failed = store.failures();
    if (!failed)
        return std::unexpected(failed.error());

    Scanner scanner(request, m_library.paths().root);
    const std::vector<Candidate> all = scanner.scan(summary.skipped, cancel, progress);
    summary.scanned = static_cast<qint64>(all.size());

    std::vector<Candidate> todo;
    for (const Candidate &c : all) {
        const auto k = known->constFind(c.path);
        if (k != known->cend() && k->size == c.size && k->mtimeNs == c.mtimeNs) {
            ++summary.unchanged;
            continue;
        }
        const auto f = failed->constFind(c.path);
        if (f != failed->cend() && f->size == c.size && f->mtimeNs == c.mtimeNs) {
            summary.skipped.push_back({c.path, f->reason + QStringLiteral(" (unchanged since it failed)")});
            continue;
        }
        todo.push_back(c);
    }

    const QString now = Clock::nowIso();
    std::optional<Error> fatal;
    bool inTx = false;
    std::vector<std::pair<qint64, qint64>> batchIndexed;
    qint64 inBatch = 0;
    qint64 lastReport = -1000;

    auto ensureTx = [&]() -> bool {
        if (inTx)
            return true;
        if (auto r = store.begin(); !r) {
            fatal = r.error();
            return false;
        }
        inTx = true;
        return true;
    };
    // The index is written on a thread of its own (IndexWriter). SQLite
    // commits first, then the index; what an index commit made durable is
    // recorded in the store in the next transaction, so a crash in between
    // leaves sources the next run finds unindexed and indexes again.
    IndexWriter indexWriter(**index);
    auto recordIndexed = [&]() -> bool {
        for (const auto &[sid, vid] : indexWriter.takeCommitted()) {
            if (auto r = store.setIndexed(sid, vid); !r) {
                fatal = r.error();
                return false;
            }
        }
        return true;
    };
    auto commitBatch = [&]() -> bool {
        if (!inTx)
            return true;
        if (!recordIndexed())
            return false;
        inTx = false;
        if (auto r = store.commit(); !r) {
            fatal = r.error();
            return false;
        }
        if (auto r = indexWriter.commit(std::exchange(batchIndexed, {})); !r) {
            fatal = r.error();
            return false;
        }
        inBatch = 0;
        return true;
    };

    auto consume = [&](size_t i, Parsed &&p) -> bool {
        if (!ensureTx())
            return false;
        const QString &path = p.file.path;
        if (p.error) {
            summary.skipped.push_back({path, p.error->message});
            if (auto r = store.recordFailure({path, p.file.size, p.file.mtimeNs, p.error->message, now}); !r) {
                fatal = r.error();
                return false;
            }
        } else {
            auto existing = store.versionByHash(p.hash);
            if (!existing) {
                fatal = existing.error();
                return false;
            }
            qint64 sourceId = 0, versionId = 0;
            if (*existing) {
                // Content the library has: one source, one more place it lives.
                versionId = (*existing)->first;
                sourceId = (*existing)->second;
                const auto k = known->constFind(path);
                if (k != known->cend() && k->versionId == versionId)
                    ++summary.unchanged; // touched, not changed
                else
                    ++summary.duplicates;
            } else {
                const auto k = known->constFind(path);
                const bool update = k != known->cend();
                if (update) {
                    sourceId = k->sourceId;
                } else {
                    auto s = store.createSource(now);
                    if (!s) {
                        fatal = s.error();
                        return false;
                    }
                    sourceId = *s;
                }
                store::VersionRecord v;
                v.sourceId = sourceId;
                v.contentHash = p.hash;
                v.format = p.doc.format;
                v.byteSize = p.file.size;
                v.originalPath = path;
                v.objectPath = p.objectPath;
                v.meta = p.doc.meta;
                v.ingestedAt = now;
                v.warnings = p.doc.warnings;
                auto vid = store.insertVersion(v, p.doc);
                if (!vid) {
                    fatal = vid.error();
                    return false;
                }
                versionId = *vid;
                if (auto r = store.setCurrentVersion(sourceId, versionId, now); !r) {
                    fatal = r.error();
                    return false;
                }
                if (auto r = store.saveExtraction(versionId, *p.extraction, extract::Extractor::version()); !r) {
                    fatal = r.error();
                    return false;
                }
                // The user's annotations follow their passages into the new version, or become orphans.
                if (update) {
                    if (auto r = reanchorAnnotations(store, sourceId, versionId, p.doc.text); !r) {
                        fatal = r.error();
                        return false;
                    }
                }
                if (auto r = indexWriter.replace(sourceId, versionId, std::move(*p.prepared)); !r) {
                    fatal = r.error();
                    return false;
                }
                batchIndexed.emplace_back(sourceId, versionId);
                ++(update ? summary.updated : summary.added);
                for (const QString &w : std::as_const(p.doc.warnings))
                    summary.warnings.push_back({path, w});
            }
            auto r = store.upsertFile({path, sourceId, versionId, p.file.size, p.file.mtimeNs});
            if (r && failed->contains(path))
                r = store.clearFailure(path);
            if (!r) {
                fatal = r.error();
                return false;
            }
            summary.bytesRead += p.file.size;
        }
        if (++inBatch >= request.batchSize && !commitBatch())
            return false;
        if (clock.elapsed() - lastReport >= 100 || i + 1 == todo.size()) {
            lastReport = clock.elapsed();
            progress.report({QStringLiteral("ingesting"), static_cast<qint64>(i + 1), static_cast<qint64>(todo.size()),
                             static_cast<qint64>(summary.skipped.size()), path});
        }
        return true;
    };

    const int threads = request.threads > 0 ? request.threads : std::max(1, QThread::idealThreadCount());
    const LibraryPaths paths = m_library.paths();
    runOrdered<Parsed>(
        todo.size(), threads, 64, [&](size_t i, int) { return parseFile(todo[i], request, paths); }, consume, cancel);

    if (!fatal)
        commitBatch();
    if (!fatal) {
        if (auto r = indexWriter.finish(); !r)
            fatal = r.error();
        else if (ensureTx() && recordIndexed()) {
            inTx = false;
            if (auto c = store.commit(); !c)
                fatal = c.error();
        }
    }
    if (fatal) {
        store.rollback();
        return std::unexpected(*fatal);
    }
    summary.cancelled = cancel.load();
    summary.indexBusySeconds = indexWriter.busySeconds();
    // Sources extracted by an older Sextant (or before extraction existed) catch up.
    if (!summary.cancelled) {
        if (auto r = extractPending(m_library, progress, cancel, false, request.threads); !r)
            return std::unexpected(r.error());
    }
    summary.seconds = double(clock.elapsed()) / 1000.0;
    return summary;
}

} // namespace sextant::library
