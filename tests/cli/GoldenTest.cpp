// Golden end-to-end tests of the command line: each case runs the real
// binary over tests/data and compares exit code, stdout and stderr with
// tests/cli/golden/NAME.txt. Paths and durations are normalized.
// SEXTANT_UPDATE_GOLDEN=1 rewrites the files (review the diff!).
#include "CliRunner.h"
#include "TestSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#ifdef SEXTANT_CLI_CAN_DRAW
#include <QImage>
#endif

#include <catch2/catch.hpp>

using namespace sextant;

namespace {

QString normalize(QString s, const QString &library)
{
    s.replace(QDir::cleanPath(QStringLiteral(SEXTANT_TEST_DATA)), QStringLiteral("<DATA>"));
    s.replace(QDir::cleanPath(library), QStringLiteral("<LIB>"));
    static const QRegularExpression seconds(QStringLiteral(R"(in \d+\.\d s)"));
    s.replace(seconds, QStringLiteral("in N s"));
    static const QRegularExpression secondsJson(QStringLiteral(R"("seconds": [0-9.e-]+)"));
    s.replace(secondsJson, QStringLiteral("\"seconds\": N"));
    // Annotations carry random ids.
    static const QRegularExpression uuid(QStringLiteral(R"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"));
    s.replace(uuid, QStringLiteral("UUID"));
    static const QRegularExpression shortId(QStringLiteral(R"((?m)^[0-9a-f]{8}(?=  source ))"));
    s.replace(shortId, QStringLiteral("ID"));

    return s;
}

void golden(const QString &name, const QString &library, const QStringList &args)
{
    const test::CliResult r = test::runCli(library, args);
    const QString actual = normalize(QStringLiteral("$ sextant %1\nexit: %2\n--- stdout\n%3--- stderr\n%4")
                                         .arg(args.join(u' '))
                                         .arg(r.exitCode)
                                         .arg(r.out, r.err),
                                     library);
    const QString path = QStringLiteral(SEXTANT_GOLDEN_DIR "/") + name + QStringLiteral(".txt");
    if (qEnvironmentVariableIsSet("SEXTANT_UPDATE_GOLDEN")) {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(actual.toUtf8());
        return;
    }
    QFile f(path);
    INFO("golden file " << path.toStdString());
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QString expected = QString::fromUtf8(f.readAll());
    CHECK(actual.toStdString() == expected.toStdString());
}

} // namespace

TEST_CASE("golden: a session at the command line")
{
    QTemporaryDir tmp;
    const QString lib = tmp.path() + QStringLiteral("/lib");
    const QString data = QDir::cleanPath(QStringLiteral(SEXTANT_TEST_DATA));
    golden(QStringLiteral("01-list-no-library"), lib, {QStringLiteral("list")});
    golden(QStringLiteral("02-ingest"), lib, {QStringLiteral("ingest"), data + QStringLiteral("/corpus"), data + QStringLiteral("/bad")});
    golden(QStringLiteral("03-ingest-again"), lib, {QStringLiteral("ingest"), QStringLiteral("--json"), data + QStringLiteral("/corpus")});
    golden(QStringLiteral("04-list"), lib, {QStringLiteral("list")});
    golden(QStringLiteral("05-list-by-date-json"), lib, {QStringLiteral("list"), QStringLiteral("--sort"), QStringLiteral("published"), QStringLiteral("--desc"), QStringLiteral("--limit"), QStringLiteral("2"), QStringLiteral("--json")});
    golden(QStringLiteral("06-show-html"), lib, {QStringLiteral("show"), QStringLiteral("4")});
    golden(QStringLiteral("07-show-json"), lib, {QStringLiteral("show"), QStringLiteral("--json"), QStringLiteral("2")});
    golden(QStringLiteral("08-search"), lib, {QStringLiteral("search"), QStringLiteral("orbit")});
    golden(QStringLiteral("09-search-fields-json"), lib, {QStringLiteral("search"), QStringLiteral("--json"), QStringLiteral("title:kestrel OR publisher:heron")});
    golden(QStringLiteral("10-search-spelling"), lib, {QStringLiteral("search"), QStringLiteral("kestral")});
    golden(QStringLiteral("11-search-date-range"), lib, {QStringLiteral("search"), QStringLiteral("date:2025-01..2025-06 model")});
    golden(QStringLiteral("12-check"), lib, {QStringLiteral("check")});
    golden(QStringLiteral("13-remove"), lib, {QStringLiteral("remove"), QStringLiteral("3")});
    golden(QStringLiteral("14-show-missing"), lib, {QStringLiteral("show"), QStringLiteral("3")});
    golden(QStringLiteral("15-usage-errors"), lib, {QStringLiteral("search")});
    golden(QStringLiteral("16-unknown-command"), lib, {QStringLiteral("frobnicate")});
    golden(QStringLiteral("17-bad-query"), lib, {QStringLiteral("search"), QStringLiteral("title:(")});
    golden(QStringLiteral("18-reindex"), lib, {QStringLiteral("reindex")});
    golden(QStringLiteral("19-check-json"), lib, {QStringLiteral("check"), QStringLiteral("--json")});
    golden(QStringLiteral("20-help-search"), lib, {QStringLiteral("search"), QStringLiteral("--help")});
}

TEST_CASE("a second writer is refused with the holder's pid; readers are not")
{
    QTemporaryDir tmp;
    const QString lib = tmp.path() + QStringLiteral("/lib");
    REQUIRE(test::runCli(lib, {QStringLiteral("ingest"), test::dataPath(QStringLiteral("corpus"))}).exitCode == 0);
    auto holder = library::Library::open(lib, library::Library::Access::Write); // this process holds the lock
    REQUIRE(holder.has_value());
    const test::CliResult second = test::runCli(lib, {QStringLiteral("ingest"), test::dataPath(QStringLiteral("corpus"))});
    CHECK(second.exitCode == 3);
    CHECK(second.err.contains(QStringLiteral("pid %1").arg(QCoreApplication::applicationPid())));
    const test::CliResult reader = test::runCli(lib, {QStringLiteral("search"), QStringLiteral("orbit")});
    CHECK(reader.exitCode == 0);
    CHECK(reader.out.contains(u"Orbit Labs"));
}

TEST_CASE("golden: what extraction found, at the command line")
{
    QTemporaryDir tmp;
    const QString lib = tmp.path() + QStringLiteral("/lib");
    const QString data = QDir::cleanPath(QStringLiteral(SEXTANT_TEST_DATA));
    golden(QStringLiteral("21-ingest-knowledge"), lib, {QStringLiteral("ingest"), data + QStringLiteral("/knowledge")});
    golden(QStringLiteral("22-entities-models"), lib, {QStringLiteral("entities"), QStringLiteral("--kind"), QStringLiteral("model")});
    golden(QStringLiteral("23-scores-json"), lib, {QStringLiteral("scores"), QStringLiteral("--benchmark"), QStringLiteral("GPQA Diamond"), QStringLiteral("--json")});
    golden(QStringLiteral("24-timeline"), lib, {QStringLiteral("timeline")});
    golden(QStringLiteral("25-conflicts-json"), lib, {QStringLiteral("conflicts"), QStringLiteral("--json")});
    golden(QStringLiteral("26-correct"), lib, {QStringLiteral("correct"), QStringLiteral("rename"), QStringLiteral("Gemma 9"), QStringLiteral("Gemma Nine")});
    golden(QStringLiteral("27-export-json"), lib, {QStringLiteral("export"), QStringLiteral("--json")});
    golden(QStringLiteral("28-correct-undo"), lib, {QStringLiteral("correct"), QStringLiteral("--undo")});
    golden(QStringLiteral("29-scores-unknown"), lib, {QStringLiteral("scores"), QStringLiteral("--model"), QStringLiteral("Nothing Like It")});
}

TEST_CASE("golden: annotations at the command line")
{
    QTemporaryDir tmp;
    const QString lib = tmp.path() + QStringLiteral("/lib");
    const QString data = QDir::cleanPath(QStringLiteral(SEXTANT_TEST_DATA));
    REQUIRE(test::runCli(lib, {QStringLiteral("ingest"), data + QStringLiteral("/corpus")}).exitCode == 0);
    golden(QStringLiteral("40-annotate"), lib, {QStringLiteral("annotate"), QStringLiteral("4"), QStringLiteral("--quote"), QStringLiteral("Apache 2.0"), QStringLiteral("--color"), QStringLiteral("green"), QStringLiteral("--note"), QStringLiteral("The license"), QStringLiteral("--tag"), QStringLiteral("license, open weights")});
    golden(QStringLiteral("41-annotate-missing"), lib, {QStringLiteral("annotate"), QStringLiteral("4"), QStringLiteral("--quote"), QStringLiteral("nowhere in it")});
    golden(QStringLiteral("42-annotations"), lib, {QStringLiteral("annotations")});
    golden(QStringLiteral("43-annotations-markdown"), lib, {QStringLiteral("annotations"), QStringLiteral("--markdown"), QStringLiteral("--tag"), QStringLiteral("license")});
    golden(QStringLiteral("44-annotations-json"), lib, {QStringLiteral("annotations"), QStringLiteral("--json")});
    // Export, delete, import back: the same annotation returns.
    const test::CliResult exported = test::runCli(lib, {QStringLiteral("annotations"), QStringLiteral("--json")});
    test::writeFile(lib + QStringLiteral("/../mine.jsonld"), exported.out.toUtf8());
    const QString id = exported.out.section(QStringLiteral("urn:uuid:"), 1).left(36);
    REQUIRE(test::runCli(lib, {QStringLiteral("annotations"), QStringLiteral("--delete"), id.left(8)}).exitCode == 0);
    CHECK(test::runCli(lib, {QStringLiteral("annotations")}).out.isEmpty());
    golden(QStringLiteral("45-annotations-import"), lib, {QStringLiteral("annotations"), QStringLiteral("--import"), lib + QStringLiteral("/../mine.jsonld")});
    CHECK(test::runCli(lib, {QStringLiteral("annotations")}).out.contains(u"Apache 2.0"));
}

TEST_CASE("golden: charts, the timeline and bibliographies at the command line")
{
    QTemporaryDir tmp;
    const QString lib = tmp.path() + QStringLiteral("/lib");
    const QString data = QDir::cleanPath(QStringLiteral(SEXTANT_TEST_DATA));
    REQUIRE(test::runCli(lib, {QStringLiteral("ingest"), data + QStringLiteral("/knowledge")}).exitCode == 0);
    golden(QStringLiteral("30-chart-markdown"), lib, {QStringLiteral("chart"), QStringLiteral("--benchmark"), QStringLiteral("GPQA Diamond")});
    golden(QStringLiteral("31-chart-csv"), lib, {QStringLiteral("chart"), QStringLiteral("--benchmark"), QStringLiteral("GPQA Diamond"), QStringLiteral("--csv")});
    golden(QStringLiteral("32-chart-save"), lib, {QStringLiteral("chart"), QStringLiteral("--benchmark"), QStringLiteral("GPQA Diamond"), QStringLiteral("--title"), QStringLiteral("GPQA so far"), QStringLiteral("--save"), QStringLiteral("gpqa"), QStringLiteral("--csv")});
    golden(QStringLiteral("33-charts"), lib, {QStringLiteral("charts")});
    golden(QStringLiteral("34-chart-unknown"), lib, {QStringLiteral("chart"), QStringLiteral("--benchmark"), QStringLiteral("No Such Bench")});
    golden(QStringLiteral("35-timeline-csv"), lib, {QStringLiteral("timeline"), QStringLiteral("--csv")});
    golden(QStringLiteral("36-bib-bibtex"), lib, {QStringLiteral("bib"), QStringLiteral("--format"), QStringLiteral("bibtex")});
    golden(QStringLiteral("37-chart-bad-kind"), lib, {QStringLiteral("chart"), QStringLiteral("--benchmark"), QStringLiteral("GPQA Diamond"), QStringLiteral("--kind"), QStringLiteral("pie")});

#ifdef SEXTANT_CLI_CAN_DRAW
    // Drawn files, without a display: real content, in well under a second each.
    for (const QString &name : {QStringLiteral("bars.svg"), QStringLiteral("bars.png"), QStringLiteral("bars.pdf")}) {
        const QString out = tmp.filePath(name);
        const test::CliResult r = test::runCli(lib, {QStringLiteral("chart"), QStringLiteral("--name"), QStringLiteral("gpqa"), QStringLiteral("--out"), out});
        INFO(r.err.toStdString());
        CHECK(r.exitCode == 0);
        CHECK(r.err.isEmpty() == false); // "Wrote ..." goes to stderr as a note
        CHECK_FALSE(r.err.contains(QStringLiteral("QStandardPaths")));
        CHECK(QFileInfo(out).size() > 1000);
    }
    QFile svg(tmp.filePath(QStringLiteral("bars.svg")));
    REQUIRE(svg.open(QIODevice::ReadOnly));
    const QByteArray s = svg.readAll();
    CHECK(s.contains("GPQA so far"));
    CHECK(s.contains("Gemma 9"));
    const test::CliResult t = test::runCli(lib, {QStringLiteral("timeline"), QStringLiteral("--out"), tmp.filePath(QStringLiteral("t.png")), QStringLiteral("--scale"), QStringLiteral("1")});
    CHECK(t.exitCode == 0);
    CHECK(QImage(tmp.filePath(QStringLiteral("t.png"))).width() == 1400);
    const test::CliResult report = test::runCli(lib, {QStringLiteral("report"), QStringLiteral("--out"), tmp.filePath(QStringLiteral("r.html"))});
    CHECK(report.exitCode == 0);
    CHECK(QFileInfo(tmp.filePath(QStringLiteral("r.html"))).size() > 2000);
#endif
}
