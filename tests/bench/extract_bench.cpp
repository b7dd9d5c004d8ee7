// Extraction throughput (issue: at least 10 MB/s of text per core). Runs the
// mention matcher alone, then the whole extractor (names, tables, scores,
// attributes, dates, events), over generated articles and over the seed
// articles and the external documents when ../shared is present, on one
// thread, and reports MB/s of UTF-8 text. Not a test: prints figures.
//   sextant-extract-bench [--docs 5000] [--seed-rounds 200]
#include "ArticleGenerator.h"

#include "extract/Extractor.h"
#include "extract/KnowledgePack.h"
#include "ingest/DocumentReader.h"
#include "ingest/Format.h"
#include "extract/MentionMatcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>

using namespace sextant;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int docs = 5000;
    int seedRounds = 200;
    const QStringList args = app.arguments();
    if (const qsizetype i = args.indexOf(QStringLiteral("--docs")); i > 0 && i + 1 < args.size())
        docs = args[i + 1].toInt();
    if (const qsizetype i = args.indexOf(QStringLiteral("--seed-rounds")); i > 0 && i + 1 < args.size())
        seedRounds = std::max(1, args[i + 1].toInt());

    QElapsedTimer load;
    load.start();
    const extract::KnowledgePack &pack = extract::KnowledgePack::builtin();
    const extract::MentionMatcher matcher = extract::MentionMatcher::fromPack(pack);
    std::printf("knowledge pack: %zu entities, %zu facts; pack + matcher ready in %lld ms\n", pack.entities().size(),
                pack.facts().size(), static_cast<long long>(load.elapsed()));

    // Text as the readers produce it: markup gone. Plain-text articles carry the same words.
    bench::ArticleGenerator gen;
    std::vector<QString> texts;
    qint64 bytes = 0;
    for (int i = 0; i < docs; ++i) {
        texts.push_back(QString::fromUtf8(gen.make(static_cast<std::uint64_t>(i)).bytes));
        bytes += texts.back().toUtf8().size();
    }
    size_t found = 0;
    QElapsedTimer t;
    t.start();
    for (int round = 0; round < 3; ++round)
        for (const QString &text : texts)
            found += matcher.find(text).size();
    const double secs = double(t.nsecsElapsed()) / 1e9;
    std::printf("mention matching: %.1f MB of text in %.2f s on one thread: %.1f MB/s, %zu mentions (%.1f per article)\n",
                3.0 * double(bytes) / 1048576.0, secs, 3.0 * double(bytes) / 1048576.0 / secs, found,
                double(found) / (3.0 * docs));

    // The whole extractor, on documents as the readers produce them.
    auto measure = [](const char *what, const std::vector<model::Document> &docs, int rounds) {
        const extract::Extractor &x = extract::Extractor::builtin();
        qint64 bytes = 0;
        for (const model::Document &d : docs)
            bytes += d.text.toUtf8().size();
        size_t mentions = 0, scores = 0, events = 0;
        // Each round timed alone too: this machine's speed swings from minute to minute (a
        // virtual machine with neighbours), and the best round is the least disturbed.
        double total = 0;
        std::vector<double> times;
        for (int round = 0; round < rounds; ++round) {
            QElapsedTimer t;
            t.start();
            for (const model::Document &d : docs) {
                const extract::Extraction e = x.extract(d);
                mentions += e.mentions.size();
                scores += e.scores.size();
                events += e.events.size();
            }
            const double secs = double(t.nsecsElapsed()) / 1e9;
            total += secs;
            times.push_back(secs);
        }
        std::sort(times.begin(), times.end());
        const double best = times.front(), median = times[times.size() / 2];
        const double mb = double(rounds) * double(bytes) / 1048576.0;
        std::printf("full extraction, %s: %.1f MB in %.2f s on one thread: %.1f MB/s (%.0f docs/s), rounds: best %.1f MB/s, "
                    "median %.1f MB/s; per doc %.1f mentions, %.2f scores, %.2f events\n",
                    what, mb, total, mb / total, double(rounds) * double(docs.size()) / total,
                    double(bytes) / 1048576.0 / best, double(bytes) / 1048576.0 / median, double(mentions) / double(rounds * docs.size()),
                    double(scores) / double(rounds * docs.size()), double(events) / double(rounds * docs.size()));
    };
    {
        std::vector<model::Document> parsed;
        ingest::ReadOptions o;
        o.fileName = QStringLiteral("article.html");
        for (int i = 0; i < docs; ++i) {
            const bench::ArticleGenerator::Article a = gen.make(static_cast<std::uint64_t>(i));
            auto d = ingest::readDocument(a.bytes, ingest::formatFromFileName(a.fileName), o);
            if (d)
                parsed.push_back(std::move(*d));
        }
        measure("generated articles", parsed, 3);
    }
    // Real documents: the seed news articles, and the external model cards, READMEs and blog posts
    // (Markdown, MDX, reStructuredText, HTML, text; the CSV/TSV data tables are not articles).
    auto readAll = [](const QString &dir, bool recursive) {
        std::vector<model::Document> parsed;
        const QStringList articles{QStringLiteral("*.md"), QStringLiteral("*.mdx"), QStringLiteral("*.rst"),
                                   QStringLiteral("*.txt"), QStringLiteral("*.html"), QStringLiteral("*.htm")};
        QDirIterator it(dir, articles, QDir::Files, recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
        QStringList paths;
        while (it.hasNext())
            paths << it.next();
        paths.sort();
        for (const QString &path : std::as_const(paths)) {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            ingest::ReadOptions o;
            o.fileName = path;
            auto d = ingest::readDocument(f.readAll(), ingest::formatFromFileName(path), o);
            if (d)
                parsed.push_back(std::move(*d));
        }
        return parsed;
    };
    const QString seeds = QStringLiteral(SEXTANT_BENCH_SHARED "/seeds");
    const QString external = QStringLiteral(SEXTANT_BENCH_SHARED "/external");
    if (QDir(seeds).exists()) {
        measure("seed articles", readAll(seeds, false), seedRounds);
        if (QDir(external).exists())
            measure("external documents", readAll(external, true), std::max(1, seedRounds / 10));
    } else {
        std::printf("../shared/corpus absent: the real-document figures are skipped\n");
    }
    return 0;
}
