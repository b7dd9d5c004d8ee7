// kill -9 at several moments of a folder ingest: after each kill the library
// opens and passes `sextant check`; running the same command again
// completes the work.
#include "ArticleGenerator.h"
#include "CliRunner.h"
#include "TestSupport.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>

#include <catch2/catch.hpp>

using namespace sextant;

TEST_CASE("kill -9 during ingest leaves a library that checks clean and resumes")
{
    QTemporaryDir tmp;
    const QString corpus = tmp.path() + QStringLiteral("/corpus");
    const QString lib = tmp.path() + QStringLiteral("/lib");
    const int docs = 3000;
    bench::ArticleGenerator(7).writeTo(corpus, 0, docs);

    int killedMidway = 0;
    for (int delayMs : {60, 200, 350, 500, 700, 900, 1200, 1600}) {
        QProcess p;
        p.start(QStringLiteral(SEXTANT_BINARY), {QStringLiteral("-q"), QStringLiteral("--library"), lib,
                                                 QStringLiteral("ingest"), QStringLiteral("--threads"), QStringLiteral("2"), corpus});
        REQUIRE(p.waitForStarted());
        QThread::msleep(static_cast<unsigned long>(delayMs));
        if (p.state() == QProcess::Running) {
            p.kill(); // SIGKILL
            ++killedMidway;
        }
        p.waitForFinished(60000);

        const test::CliResult check = test::runCli(lib, {QStringLiteral("check")});
        INFO("after a kill at " << delayMs << " ms:\n" << check.out.toStdString() << check.err.toStdString());
        // Killed before its database was made whole (a loaded machine starts slowly), there is no
        // library yet, and check says so; a half-made one would fail it.
        if (!QFileInfo::exists(lib + QStringLiteral("/sextant.db")))
            CHECK(check.err.contains(u"no library at"));
        else
            CHECK(check.exitCode == 0);
    }
    CHECK(killedMidway >= 3);

    const test::CliResult finish = test::runCli(lib, {QStringLiteral("ingest"), corpus});
    INFO(finish.out.toStdString() << finish.err.toStdString());
    CHECK(finish.exitCode == 0);
    const test::CliResult check = test::runCli(lib, {QStringLiteral("check")});
    INFO(check.out.toStdString());
    CHECK(check.exitCode == 0);
    CHECK(check.out.contains(QStringLiteral("%1 sources").arg(docs)));
    CHECK(check.out.contains(u"in step"));
    CHECK(check.out.contains(u"0 unreferenced, 0 missing"));

    // Nothing was ingested twice, and everything is searchable.
    const test::CliResult again = test::runCli(lib, {QStringLiteral("ingest"), QStringLiteral("--json"), corpus});
    CHECK(again.out.contains(QStringLiteral("\"unchanged\": %1").arg(docs)));
    const test::CliResult search = test::runCli(lib, {QStringLiteral("search"), QStringLiteral("--json"), QStringLiteral("benchmark")});
    CHECK(search.exitCode == 0);
    CHECK(search.out.contains(u"\"results\""));
}
