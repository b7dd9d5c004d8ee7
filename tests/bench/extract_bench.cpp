// Extraction throughput (issue: at least 10 MB/s of text per core). Runs the
// mention matcher alone, then the whole extractor (names, tables, scores,
// attributes, dates, events), over generated articles and over the seed
// articles when ../shared is present, on one thread, and reports MB/s of
// UTF-8 text. Not a test: prints figures.
//   sextant-extract-bench [--docs 5000] [--seed-rounds 200]
#include "ArticleGenerator.h"

#include "extract/Extractor.h"
#include "extract/KnowledgePack.h"
#include "ingest/DocumentReader.h"
#include "ingest/Format.h"
#include "extract/MentionMatcher.h"

#include <QCoreApplication>
#include <QDir>
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
        QElapsedTimer t;
        t.start();
        for (int round = 0; round < rounds; ++round)
            for (const model::Document &d : docs) {
                const extract::Extraction e = x.extract(d);
                mentions += e.mentions.size();
                scores += e.scores.size();
                events += e.events.size();
            }
        const double secs = double(t.nsecsElapsed()) / 1e9;
        const double mb = double(rounds) * double(bytes) / 1048576.0;
        std::printf("full extraction, %s: %.1f MB in %.2f s on one thread: %.1f MB/s (%.0f docs/s); per doc %.1f mentions, "
                    "%.2f scores, %.2f events\n",
                    what, mb, secs, mb / secs, double(rounds) * double(docs.size()) / secs,
                    double(mentions) / double(rounds * docs.size()), double(scores) / double(rounds * docs.size()),
                    double(events) / double(rounds * docs.size()));
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
    const QString seeds = QStringLiteral(SEXTANT_BENCH_SHARED "/seeds");
    if (QDir(seeds).exists()) {
        std::vector<model::Document> parsed;
        for (const QString &name : QDir(seeds).entryList(QDir::Files)) {
            QFile f(seeds + u'/' + name);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            ingest::ReadOptions o;
            o.fileName = name;
            auto d = ingest::readDocument(f.readAll(), ingest::formatFromFileName(name), o);
            if (d)
                parsed.push_back(std::move(*d));
        }
        measure("seed articles", parsed, seedRounds);
    } else {
        std::printf("../shared/corpus/seeds absent: the seed-article figure is skipped\n");
    }
    return 0;
}
