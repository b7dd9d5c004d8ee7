#include "TestSupport.h"

#include "library/Maintenance.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>

#include <map>

#include <catch2/catch.hpp>

using namespace sextant;
using namespace sextant::library;

namespace {

QStringList searchTitles(Library &lib, const QString &query)
{
    auto page = lib.search(query, {});
    INFO(query.toStdString());
    REQUIRE(page.has_value());
    QStringList out;
    for (const auto &s : page->sources)
        out << s.title;
    return out;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

} // namespace

TEST_CASE("ingest a folder: sources, untouched originals, search; bad files skipped with reasons")
{
    QTemporaryDir tmp;
    auto lib = test::openWritable(tmp.path() + QStringLiteral("/lib"));
    const IngestSummary s = test::ingest(*lib, {test::dataPath(QStringLiteral("corpus")), test::dataPath(QStringLiteral("bad"))});
    CHECK(s.added == 8);
    CHECK(s.skipped.size() == 3);
    QStringList reasons;
    for (const auto &n : s.skipped)
        reasons << QFileInfo(n.path).fileName() + u": " + n.message;
    reasons.sort();
    CHECK(reasons == QStringList{QStringLiteral("blob: not a text file (binary content)"),
                                 QStringLiteral("empty.txt: the file is empty"),
                                 QStringLiteral("report.pdf: PDF is not supported yet (planned); convert it to text or HTML")});

    auto rows = lib->store().listSources();
    REQUIRE(rows.has_value());
    REQUIRE(rows->size() == 8);
    for (const auto &row : *rows) {
        auto doc = lib->store().document(row.id);
        REQUIRE(doc.has_value());
        // The copy in the library is byte for byte the original.
        CHECK(readFile(lib->paths().root + u'/' + doc->version.objectPath) == readFile(row.originalPath));
        CHECK(test::rangesAreSound(doc->document));
    }
    CHECK(searchTitles(*lib, QStringLiteral("kestrel")).contains(QStringLiteral("Kestrel 2 arrives with a closed API")));
    CHECK(searchTitles(*lib, QStringLiteral("title:orbit")) == QStringList{QStringLiteral("Orbit Labs opens the weights of Orbit 3")});
}

TEST_CASE("re-ingest does no work; copies are one source; changes are new versions; failures wait for a change")
{
    QTemporaryDir tmp;
    const QString in = tmp.path() + QStringLiteral("/in");
    test::writeFile(in + QStringLiteral("/a.md"), "# Alpha\n\nFirst version about Orbit.\n");
    test::writeFile(in + QStringLiteral("/b.txt"), "Beta note on the Kestrel release schedule\n\nBody text.\n");
    test::writeFile(in + QStringLiteral("/empty.txt"), "");
    auto lib = test::openWritable(tmp.path() + QStringLiteral("/lib"));

    IngestSummary first = test::ingest(*lib, {in});
    CHECK(first.added == 2);
    CHECK(first.skipped.size() == 1);

    IngestSummary again = test::ingest(*lib, {in});
    CHECK(again.added + again.updated + again.duplicates == 0);
    CHECK(again.unchanged == 2);
    REQUIRE(again.skipped.size() == 1);
    CHECK(again.skipped[0].message.contains(u"unchanged since it failed"));

    // The same content at another path is the same source.
    test::writeFile(in + QStringLiteral("/copy/a-again.md"), "# Alpha\n\nFirst version about Orbit.\n");
    IngestSummary dup = test::ingest(*lib, {in});
    CHECK(dup.duplicates == 1);
    CHECK(dup.added == 0);

    // A changed file is a new version of its source; the old one stays.
    QThread::msleep(20);
    test::writeFile(in + QStringLiteral("/a.md"), "# Alpha\n\nSecond version, now about Kestrel.\n");
    test::writeFile(in + QStringLiteral("/empty.txt"), "Now with text that is long enough to read\n");
    IngestSummary changed = test::ingest(*lib, {in});
    CHECK(changed.updated == 1);
    CHECK(changed.added == 1); // the once-empty file, retried because it changed
    CHECK(changed.skipped.empty());

    auto rows = lib->store().listSources();
    REQUIRE(rows->size() == 3);
    const auto alpha = std::find_if(rows->begin(), rows->end(), [](const auto &r) { return r.title == u"Alpha"; });
    REQUIRE(alpha != rows->end());
    CHECK(alpha->versionCount == 2);
    auto v1 = lib->store().document(alpha->id, 1);
    REQUIRE(v1.has_value());
    CHECK(v1->document.text.contains(u"First version"));
    CHECK(searchTitles(*lib, QStringLiteral("second")) == QStringList{QStringLiteral("Alpha")});
    CHECK(searchTitles(*lib, QStringLiteral("first version")).isEmpty()); // the index holds the current version

    // Removing an old version keeps the source; removing the source removes its originals.
    REQUIRE(lib->removeVersion(alpha->id, 1).has_value());
    CHECK_FALSE(lib->removeVersion(alpha->id, 2).has_value()); // the current one
    auto current = lib->store().document(alpha->id);
    REQUIRE(current.has_value());
    const QString copy = lib->paths().root + u'/' + current->version.objectPath;
    CHECK(QFileInfo::exists(copy));
    REQUIRE(lib->removeSource(alpha->id).has_value());
    CHECK_FALSE(QFileInfo::exists(copy));
    CHECK(searchTitles(*lib, QStringLiteral("second")).isEmpty());
    CHECK(lib->removeSource(alpha->id).error().code == ErrorCode::NotFound);
}

TEST_CASE("one writer at a time; readers keep working")
{
    QTemporaryDir tmp;
    const QString dir = tmp.path() + QStringLiteral("/lib");
    auto writer = test::openWritable(dir);
    test::ingest(*writer, {test::dataPath(QStringLiteral("corpus"))});

    auto second = Library::open(dir, Library::Access::Write);
    REQUIRE_FALSE(second.has_value());
    CHECK(second.error().code == ErrorCode::Busy);
    CHECK(second.error().message.contains(QString::number(QCoreApplication::applicationPid())));
    CHECK(second.error().message.contains(QDir::cleanPath(dir)));

    auto reader = Library::open(dir, Library::Access::Read);
    REQUIRE(reader.has_value());
    CHECK_FALSE(searchTitles(**reader, QStringLiteral("orbit")).isEmpty());

    writer.reset(); // the lock goes with the writer
    CHECK(Library::open(dir, Library::Access::Write).has_value());

    auto missing = Library::open(tmp.path() + QStringLiteral("/nothing"), Library::Access::Read);
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code == ErrorCode::NotFound);
}

TEST_CASE("check finds what is wrong with the index and originals, and repair fixes it")
{
    QTemporaryDir tmp;
    auto lib = test::openWritable(tmp.path() + QStringLiteral("/lib"));
    test::ingest(*lib, {test::dataPath(QStringLiteral("corpus"))});
    NullProgress progress;
    CancelFlag cancel{false};

    auto ok = checkLibrary(*lib, false, progress, cancel);
    REQUIRE(ok.has_value());
    CHECK(ok->inStep());
    CHECK(ok->sources == 7);

    // Damage: an index document disappears behind the library's back.
    auto idx = lib->searchIndex();
    REQUIRE(idx.has_value());
    REQUIRE((*idx)->remove(3).has_value());
    REQUIRE((*idx)->commit().has_value());
    // And a stray file lands among the originals.
    test::writeFile(lib->paths().originals + QStringLiteral("/zz/stray.txt"), "stray");

    auto bad = checkLibrary(*lib, false, progress, cancel);
    REQUIRE(bad.has_value());
    CHECK(bad->index.lost == 1);
    CHECK_FALSE(bad->healthy());
    CHECK(bad->orphanObjects == QStringList{QStringLiteral("originals/zz/stray.txt")});

    auto fixed = checkLibrary(*lib, true, progress, cancel);
    REQUIRE(fixed.has_value());
    CHECK(fixed->repaired);
    auto after = checkLibrary(*lib, false, progress, cancel);
    REQUIRE(after.has_value());
    CHECK(after->inStep());

    // A deleted index is rebuilt by reindex, and search works again.
    lib->closeIndex();
    QDir(lib->paths().index).removeRecursively();
    auto gone = checkLibrary(*lib, false, progress, cancel);
    REQUIRE(gone.has_value());
    CHECK(gone->indexMissing);
    CHECK_FALSE(gone->healthy());
    auto rebuilt = reindexAll(*lib, progress, cancel);
    REQUIRE(rebuilt.has_value());
    CHECK(rebuilt->documents == 7);
    CHECK_FALSE(searchTitles(*lib, QStringLiteral("kestrel")).isEmpty());
    CHECK(checkLibrary(*lib, false, progress, cancel)->inStep());
}

TEST_CASE("a library whose creation was killed halfway is made whole by the next ingest")
{
    QTemporaryDir tmp;
    const QString in = tmp.path() + QStringLiteral("/in");
    test::writeFile(in + QStringLiteral("/a.txt"), "Kestrel notes\n\nThe Kestrel 7B model was released in March 2026.\n");
    const QString root = tmp.path() + QStringLiteral("/lib");
    // What a process killed while Xapian was creating the index (by an older Sextant) left: the
    // folder with some of its files, no version file; and a database file being made beside.
    test::writeFile(root + QStringLiteral("/index/flintlock"), "");
    test::writeFile(root + QStringLiteral("/index/postlist.glass"), "");
    test::writeFile(root + QStringLiteral("/sextant.db.new"), "half a database");
    {
        auto lib = test::openWritable(root);
        const IngestSummary s = test::ingest(*lib, {in});
        CHECK(s.added == 1);
        CHECK(searchTitles(*lib, QStringLiteral("kestrel")) == QStringList{QStringLiteral("Kestrel notes")});
    }
    CHECK_FALSE(QFileInfo::exists(root + QStringLiteral("/sextant.db.new")));
    CHECK_FALSE(QFileInfo::exists(root + QStringLiteral("/index.new")));
    auto reader = Library::open(root, Library::Access::Read);
    REQUIRE(reader.has_value());
    NullProgress progress;
    CancelFlag cancel{false};
    auto checked = checkLibrary(**reader, false, progress, cancel);
    REQUIRE(checked.has_value());
    CHECK(checked->inStep());
    CHECK(checked->sources == 1);
}

TEST_CASE("a cancelled ingest keeps what it committed, and the next run finishes")
{
    QTemporaryDir tmp;
    const QString in = tmp.path() + QStringLiteral("/in");
    for (int i = 0; i < 300; ++i)
        test::writeFile(in + QStringLiteral("/n%1.txt").arg(i, 3, 10, QChar(u'0')),
                        QStringLiteral("Note number %1 about model releases\n\nBody of note %1.\n").arg(i).toUtf8());
    auto lib = test::openWritable(tmp.path() + QStringLiteral("/lib"));

    struct CancelAfter final : ProgressSink {
        CancelFlag *flag;
        void report(const Progress &p) override
        {
            if (p.phase == u"ingesting" && p.done >= 1)
                flag->store(true);
        }
    };
    CancelFlag cancel{false};
    CancelAfter sink;
    sink.flag = &cancel;
    IngestRequest req;
    req.paths = {in};
    req.batchSize = 40;
    auto first = IngestEngine(*lib).run(req, sink, cancel);
    REQUIRE(first.has_value());
    CHECK(first->cancelled);
    CHECK(first->added < 300);
    NullProgress quiet;
    CancelFlag no{false};
    auto afterCancel = checkLibrary(*lib, false, quiet, no);
    REQUIRE(afterCancel.has_value());
    INFO("pending " << afterCancel->index.pending() << " lag " << afterCancel->index.recordLag << " lost "
                    << afterCancel->index.lost << " orphans " << afterCancel->orphanObjects.size());
    CHECK(afterCancel->healthy());

    const IngestSummary rest = test::ingest(*lib, {in});
    CHECK(rest.added + first->added == 300);
    CHECK(lib->store().listSources()->size() == 300);
    CHECK(checkLibrary(*lib, false, quiet, no)->inStep()); // originals parsed ahead are referenced now
}

TEST_CASE("a library of schema 5 migrates: each mention kept once, in its version, at its range")
{
    QTemporaryDir tmp;
    const QString db = tmp.path() + QStringLiteral("/sextant.db");
    REQUIRE(QFile::copy(test::dataPath(QStringLiteral("schema5/sextant.db")), db));
    QFile(db).setPermissions(QFile::ReadOwner | QFile::WriteOwner);

    // Read-only, an old schema is refused with a way out; read-write migrates it.
    auto old = store::Store::open(db, store::Store::Mode::ReadOnly);
    REQUIRE_FALSE(old.has_value());
    CHECK(old.error().message.contains(QStringLiteral("needs upgrading")));
    auto store = store::Store::open(db, store::Store::Mode::ReadWrite);
    REQUIRE(store.has_value());

    QFile expected(test::dataPath(QStringLiteral("schema5/expected-mentions.tsv")));
    REQUIRE(expected.open(QIODevice::ReadOnly | QIODevice::Text));
    std::map<qint64, QStringList> want;
    for (const QByteArray &line : expected.readAll().split('\n')) {
        const QList<QByteArray> f = line.split('\t');
        if (line.startsWith('#') || f.size() != 4)
            continue;
        want[f[0].toLongLong()] << QStringLiteral("%1@%2+%3").arg(QString::fromUtf8(f[1]), QString::fromUtf8(f[2]), QString::fromUtf8(f[3]));
    }
    REQUIRE(want.size() == 3);
    for (const auto &[version, mentions] : want) {
        auto got = (*store)->versionMentions(version);
        REQUIRE(got.has_value());
        QStringList seen;
        for (const auto &m : *got)
            seen << QStringLiteral("%1@%2+%3").arg(m.key).arg(m.start).arg(m.length);
        QStringList sorted = mentions;
        sorted.sort();
        seen.sort();
        CHECK(seen == sorted); // the row stored twice by the old schema is one mention now
    }
}
