// Extraction throughput (issue: at least 10 MB/s of text per core). Runs the
// mention matcher over generated articles, one thread, and reports MB/s of
// UTF-8 text and mentions found. Not a test: prints figures.
//   sextant-extract-bench [--docs 5000]
#include "ArticleGenerator.h"

#include "extract/KnowledgePack.h"
#include "extract/MentionMatcher.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace sextant;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int docs = 5000;
    const QStringList args = app.arguments();
    if (const qsizetype i = args.indexOf(QStringLiteral("--docs")); i > 0 && i + 1 < args.size())
        docs = args[i + 1].toInt();

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
    return 0;
}
