// The ingest and search benchmark of the foundation issue. Not a test: it
// prints figures. Run it by hand (see README, "Benchmarks"):
//   sextant-bench [--docs 20000] [--big 100000] [--threads N] [--batch N] [--dir DIR]

#include "ArticleGenerator.h"

#include "common/Progress.h"
#include "library/IngestEngine.h"
#include "library/Library.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

using namespace sextant;

namespace {

qint64 peakRssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

void resetPeakRss()
{
    // Writing 5 to clear_refs resets VmHWM to the current RSS (Linux >= 4.0).
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

/// CPU seconds (user and system, all threads) this process has used.
double cpuSeconds()
{
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

/// The system part of cpuSeconds(): the kernel's work for this process (files, pages).
double systemSeconds()
{
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    return double(u.ru_stime.tv_sec) + double(u.ru_stime.tv_usec) / 1e6;
}

struct IngestFigures {
    double seconds;
    double cpu;
    double sys;
    double indexCpu;
    qint64 docs;
    qint64 bytes;
    qint64 peakKb;
};

/// batch: documents per transaction, 0 for the engine's default.
IngestFigures runIngest(const QString &libDir, const QString &corpus, int threads, int batch)
{
    auto lib = library::Library::open(libDir, library::Library::Access::Write);
    if (!lib) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(lib.error().message));
        std::exit(1);
    }
    library::IngestRequest req;
    req.paths = {corpus};
    req.threads = threads;
    if (batch > 0)
        req.batchSize = batch;
    NullProgress progress;
    CancelFlag cancel{false};
    resetPeakRss();
    QElapsedTimer t;
    t.start();
    const double cpu0 = cpuSeconds();
    const double sys0 = systemSeconds();
    auto s = library::IngestEngine(**lib).run(req, progress, cancel);
    const double secs = double(t.nsecsElapsed()) / 1e9;
    const double cpu = cpuSeconds() - cpu0;
    const double sys = systemSeconds() - sys0;
    if (!s) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(s.error().message));
        std::exit(1);
    }
    return {secs, cpu, sys, s->indexBusySeconds, s->added + s->updated, s->bytesRead, peakRssKb()};
}

double reingest(const QString &libDir, const QString &corpus)
{
    QElapsedTimer t;
    t.start();
    auto lib = library::Library::open(libDir, library::Library::Access::Write);
    library::IngestRequest req;
    req.paths = {corpus};
    NullProgress progress;
    CancelFlag cancel{false};
    auto s = library::IngestEngine(**lib).run(req, progress, cancel);
    const double secs = double(t.nsecsElapsed()) / 1e9;
    if (!s || s->added + s->updated != 0) {
        std::fprintf(stderr, "bench: re-ingest did work it should not have\n");
        std::exit(1);
    }
    return secs;
}

void searchLatency(const QString &libDir, qint64 docs)
{
    const QStringList queries{
        QStringLiteral("llama"),
        QStringLiteral("open weights"),
        QStringLiteral("\"technical report\""),
        QStringLiteral("gemini AND benchmark"),
        QStringLiteral("title:claude"),
        QStringLiteral("mmlu date:2024..2025"),
        QStringLiteral("deepseek NEAR/5 scores"),
        QStringLiteral("qwe*"),
        QStringLiteral("publisher:verge"),
        QStringLiteral("anthropic -openai"),
        QStringLiteral("safety researchers model card"),
        QStringLiteral("pricing api enterprise customers"),
        QStringLiteral("\"open weights\" license"),
        QStringLiteral("kimi 3.4 flash"),
        QStringLiteral("type:markdown grok"),
        QStringLiteral("swe-bench verified"),
        QStringLiteral("benchmrk"), // misspelt: no hits, spelling suggestion
    };
    auto lib = library::Library::open(libDir, library::Library::Access::Read);
    index::SearchOptions opts; // 10 hits with snippets, as the CLI and window ask
    opts.snippets = qEnvironmentVariableIsEmpty("BENCH_NO_SNIPPETS");
    for (const QString &q : queries) // warm up
        (void)(*lib)->search(q, opts);
    std::vector<double> ms;
    for (int round = 0; round < 30; ++round) {
        for (const QString &q : queries) {
            QElapsedTimer t;
            t.start();
            auto r = (*lib)->search(q, opts);
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
            if (!r) {
                std::fprintf(stderr, "bench: search failed: %s\n", qPrintable(r.error().message));
                std::exit(1);
            }
        }
    }
    if (qEnvironmentVariableIsSet("BENCH_PER_QUERY")) {
        for (qsizetype q = 0; q < queries.size(); ++q) {
            std::vector<double> mine;
            for (size_t k = static_cast<size_t>(q); k < ms.size(); k += static_cast<size_t>(queries.size()))
                mine.push_back(ms[k]);
            std::sort(mine.begin(), mine.end());
            std::printf("  %-34s median %.2f ms\n", qPrintable(queries[q]), mine[mine.size() / 2]);
        }
    }
    std::sort(ms.begin(), ms.end());
    auto pct = [&](double p) { return ms[std::min(ms.size() - 1, static_cast<size_t>(p * double(ms.size())))]; };
    std::printf("search @ %lld docs: %zu queries, p50 %.2f ms, p95 %.2f ms, max %.2f ms (warm, in-process, 10 hits with snippets)\n",
                static_cast<long long>(docs), ms.size(), pct(0.50), pct(0.95), ms.back());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    qint64 docs = 20000, big = 0;
    int threads = 0, batch = 0;
    QString dir;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == u"--docs")
            docs = args[i + 1].toLongLong();
        else if (args[i] == u"--big")
            big = args[i + 1].toLongLong();
        else if (args[i] == u"--threads")
            threads = args[i + 1].toInt();
        else if (args[i] == u"--batch")
            batch = args[i + 1].toInt();
        else if (args[i] == u"--dir")
            dir = args[i + 1];
        else
            continue;
        ++i;
    }
    QTemporaryDir tmp;
    if (dir.isEmpty())
        dir = tmp.path();
    const QString corpus = dir + QStringLiteral("/corpus");
    const QString libDir = dir + QStringLiteral("/library");
    bench::ArticleGenerator gen;
    if (args.contains(QStringLiteral("--search-only"))) { // re-measure search on a library built before with --dir
        searchLatency(libDir, docs);
        return 0;
    }

    QElapsedTimer t;
    t.start();
    const qint64 bytes = gen.writeTo(corpus, 0, static_cast<std::uint64_t>(docs));
    ::sync(); // the generator's dirty pages are flushed now, not during the timed ingest
    std::printf("generated %lld articles, %.1f MB, in %.1f s\n", static_cast<long long>(docs), double(bytes) / 1048576.0,
                double(t.elapsed()) / 1000.0);

    const IngestFigures f = runIngest(libDir, corpus, threads, batch);
    std::printf("ingest %lld docs: %.2f s, %.0f docs/s, %.2f MB/s, peak RSS %.1f MB, CPU %.2f ms/doc (system %.2f, index writer %.2f)\n",
                static_cast<long long>(f.docs), f.seconds, double(f.docs) / f.seconds, double(f.bytes) / 1048576.0 / f.seconds,
                double(f.peakKb) / 1024.0, f.docs > 0 ? f.cpu * 1000.0 / double(f.docs) : 0.0, f.docs > 0 ? f.sys * 1000.0 / double(f.docs) : 0.0,
                f.docs > 0 ? f.indexCpu * 1000.0 / double(f.docs) : 0.0);
    std::printf("re-ingest unchanged %lld files: %.3f s (open library, scan, compare)\n", static_cast<long long>(docs),
                reingest(libDir, corpus));
    searchLatency(libDir, docs);

    if (big > docs) {
        const QString more = dir + QStringLiteral("/corpus-more");
        gen.writeTo(more, static_cast<std::uint64_t>(docs), static_cast<std::uint64_t>(big - docs));
        ::sync();
        const IngestFigures g = runIngest(libDir, more, threads, batch);
        std::printf("ingest %lld more docs into the library: %.2f s, %.0f docs/s, peak RSS %.1f MB\n",
                    static_cast<long long>(g.docs), g.seconds, double(g.docs) / g.seconds, double(g.peakKb) / 1024.0);
        searchLatency(libDir, big);
    }
    return 0;
}
