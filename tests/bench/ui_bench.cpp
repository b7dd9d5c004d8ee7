// The window on a large library, offscreen: how long until the window and the
// first page of the source list are on screen, and how long each keystroke
// in the search box takes to show results with facets.
//
//   sextant-ui-bench [--sources 100000] [--dir DIR] [--threads N]
//
// Builds the library in DIR (generated articles, real ingest with
// extraction) unless DIR already holds one, then measures. Figures go to stdout.
#include "ArticleGenerator.h"
#include "Inspector.h"
#include "MainWindow.h"
#include "models/SearchResultsModel.h"
#include "models/SourcesModel.h"

#include "library/IngestEngine.h"
#include "library/Library.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QListView>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace sextant;

namespace {

class QuietProgress final : public ProgressSink {
public:
    void report(const Progress &p) override
    {
        if (p.done % 10000 == 0 && p.done > 0)
            std::printf("  %s %lld/%lld\n", qPrintable(p.phase), static_cast<long long>(p.done), static_cast<long long>(p.total));
    }
};

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[static_cast<size_t>(std::min<double>(double(v.size() - 1), p * double(v.size() - 1) + 0.5))];
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    qint64 sources = 100000;
    QString dir;
    int threads = 0;
    const QStringList args = QApplication::arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == u"--sources")
            sources = args[++i].toLongLong();
        else if (args[i] == u"--dir")
            dir = args[++i];
        else if (args[i] == u"--threads")
            threads = args[++i].toInt();
    }
    QTemporaryDir scratch;
    if (dir.isEmpty())
        dir = scratch.path();
    const QString libDir = dir + QStringLiteral("/library");
    const QString inDir = dir + QStringLiteral("/articles");

    if (!QFileInfo::exists(libDir + QStringLiteral("/sextant.db"))) {
        QElapsedTimer t;
        t.start();
        const qint64 bytes = bench::ArticleGenerator().writeTo(inDir, 0, static_cast<std::uint64_t>(sources));
        std::printf("generated %lld articles (%.0f MB) in %.1f s\n", static_cast<long long>(sources), double(bytes) / 1048576.0,
                    double(t.elapsed()) / 1000.0);
        t.restart();
        auto lib = library::Library::open(libDir, library::Library::Access::Write);
        if (!lib) {
            std::fprintf(stderr, "%s\n", qPrintable(lib.error().message));
            return 1;
        }
        library::IngestRequest req;
        req.paths = {inDir};
        req.threads = threads;
        QuietProgress progress;
        CancelFlag cancel{false};
        auto summary = library::IngestEngine(**lib).run(req, progress, cancel);
        if (!summary) {
            std::fprintf(stderr, "%s\n", qPrintable(summary.error().message));
            return 1;
        }
        std::printf("ingested %lld sources in %.1f s (%.0f/s)\n", static_cast<long long>(summary->added), summary->seconds,
                    double(summary->added) / summary->seconds);
    }

    // 1. Opening: the window constructed, shown, and the list's first page painted.
    std::vector<double> opens;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer t;
        t.start();
        auto window = std::make_unique<ui::MainWindow>(libDir);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return 1;
        window->sourcesView()->viewport()->repaint(); // the first page fetched and drawn
        const double ms = double(t.nsecsElapsed()) / 1e6;
        opens.push_back(ms);
        if (run == 0)
            std::printf("open, first run: %.0f ms (%d sources listed)\n", ms, window->sourcesModel()->rowCount());
    }
    std::printf("open: median %.0f ms, max %.0f ms (target < 1000 ms)\n", percentile(opens, 0.5),
                *std::max_element(opens.begin(), opens.end()));

    // 2. Typing in the search box: each prefix runs a search with facets and shows it.
    ui::MainWindow window(libDir);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    const QStringList queries{QStringLiteral("open weights"), QStringLiteral("llama license"), QStringLiteral("benchmark score"),
                              QStringLiteral("released model"), QStringLiteral("gpt mmlu"), QStringLiteral("anthropic claude")};
    std::vector<double> keys;
    window.setSearchText(QStringLiteral("warm")); // the first query loads the names of entities
    for (const QString &q : queries) {
        for (qsizetype n = 1; n <= q.size(); ++n) {
            QElapsedTimer t;
            t.start();
            window.setSearchText(q.left(n));
            window.resultsView()->viewport()->repaint();
            keys.push_back(double(t.nsecsElapsed()) / 1e6);
            if (keys.back() > 50)
                std::printf("  slow keystroke: \"%s\" %.1f ms (about %lld matches)\n", qPrintable(q.left(n)), keys.back(),
                            static_cast<long long>(window.resultsModel()->estimatedTotal()));
        }
    }
    std::printf("search per keystroke (%zu keystrokes, results + facets drawn): median %.1f ms, p95 %.1f ms, max %.1f ms "
                "(target < 100 ms)\n",
                keys.size(), percentile(keys, 0.5), percentile(keys, 0.95), *std::max_element(keys.begin(), keys.end()));
    std::printf("last query: %d results shown of about %lld\n", window.resultsModel()->rowCount(),
                static_cast<long long>(window.resultsModel()->estimatedTotal()));

    // 3. An entity in the inspector: what the library knows loads on a thread; the window stays responsive.
    QElapsedTimer t;
    t.start();
    window.showEntity(QStringLiteral("org:meta"));
    const double call = double(t.nsecsElapsed()) / 1e6;
    double longestGap = 0;
    QElapsedTimer gap;
    while (window.inspector()->toPlainText().startsWith(u"Loading") && t.elapsed() < 120000) {
        gap.start();
        QApplication::processEvents(QEventLoop::AllEvents, 50);
        longestGap = std::max(longestGap, double(gap.nsecsElapsed()) / 1e6);
        QThread::msleep(5);
    }
    std::printf("inspector: showEntity returned in %.1f ms; the entity was shown after %.1f s; longest event-loop turn meanwhile %.0f ms\n",
                call, double(t.elapsed()) / 1000.0, longestGap);
    return 0;
}
