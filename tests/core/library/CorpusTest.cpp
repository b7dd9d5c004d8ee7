// Ingests the real documents in ../shared/corpus (skipped when absent) and
// checks what a user would look at: titles, dates, tables, and that search
// finds them. Expected values are facts read off the documents by hand.
#include "TestSupport.h"

#include <QDir>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace sextant;

namespace {

struct Corpus {
    QTemporaryDir tmp;
    std::unique_ptr<library::Library> lib;
    library::IngestSummary summary;
    QHash<QString, store::SourceSummary> byFile; // by file name

    explicit Corpus(const QString &root)
    {
        lib = test::openWritable(tmp.path() + QStringLiteral("/lib"));
        summary = test::ingest(*lib, {root});
        auto rows = lib->store().listSources(); // named: a temporary's value would die before the loop
        REQUIRE(rows.has_value());
        for (const auto &s : *rows)
            byFile.insert(QFileInfo(s.originalPath).fileName() + u'@' + QFileInfo(s.originalPath).dir().dirName(), s);
    }

    store::StoredDocument doc(const QString &key)
    {
        INFO(key.toStdString());
        REQUIRE(byFile.contains(key));
        auto d = lib->store().document(byFile.value(key).id);
        REQUIRE(d.has_value());
        return *d;
    }

    QList<qint64> hits(const QString &query)
    {
        auto page = lib->search(query, {});
        REQUIRE(page.has_value());
        QList<qint64> out;
        for (const auto &s : page->sources)
            out << s.id;
        return out;
    }
};

const model::Block *tableWith(const model::Document &doc, const QString &cellText)
{
    for (const auto &b : doc.blocks)
        for (const auto &row : b.rows)
            for (const auto &c : row.cells)
                if (doc.slice(c.range) == cellText)
                    return &b;
    return nullptr;
}

} // namespace

TEST_CASE("the shared corpus ingests whole, with the right titles, dates and tables")
{
    const QString root = test::sharedCorpus();
    if (root.isEmpty()) {
        WARN("../shared/corpus is absent: skipping the corpus test");
        return;
    }
    Corpus c(root);
    CHECK(c.summary.skipped.empty());
    CHECK(c.summary.added >= 25);

    // Seeds: plain-text copies of web pages, titles after site furniture.
    CHECK(c.doc(QStringLiteral("002_527def5b500aae0d.txt@seeds")).version.meta.title
          == u"Meta's AI Model Loses Open-Source Status: What It Means for Developers");
    CHECK(c.doc(QStringLiteral("002_527def5b500aae0d.txt@seeds")).version.meta.published.toIso() == u"2026-04-13");
    CHECK(c.doc(QStringLiteral("004_416d7c02cae64a78.txt@seeds")).version.meta.title.startsWith(
        QStringLiteral("Meta's First Closed-Source AI Model Arrives")));
    CHECK(c.doc(QStringLiteral("001_7c47345609712b57.txt@seeds")).version.meta.title
          == u"Meta Ends Open-Source AI: What Muse Spark Going Closed Means for Developers");

    // Markdown with front matter, and a date in the file name.
    const auto qwen3 = c.doc(QStringLiteral("index.md@qwen3"));
    CHECK(qwen3.version.meta.title == u"Qwen3: Think Deeper, Act Faster");
    CHECK(qwen3.version.meta.published.toIso() == u"2025-04-29");
    CHECK_FALSE(qwen3.document.text.contains(u"{{<"));
    const auto vllm = c.doc(QStringLiteral("2024-07-23-llama31.md@_posts"));
    CHECK(vllm.version.meta.title == u"Announcing Llama 3.1 Support in vLLM");
    CHECK(vllm.version.meta.published.toIso() == u"2024-07-23");

    // An HTML table inside a model card, with its bold header row.
    const auto card = c.doc(QStringLiteral("MODEL_CARD.md@llama3_1"));
    const model::Block *training = tableWith(card.document, QStringLiteral("Llama 3.1 405B"));
    REQUIRE(training);
    CHECK(training->rows.front().header);
    bool found = false;
    for (const auto &row : training->rows)
        if (card.document.slice(row.cells[0].range) == u"Llama 3.1 405B")
            found = card.document.slice(row.cells[1].range) == u"30.84M";
    CHECK(found);

    // MDX changelog: component tags gone, text kept, date from front matter.
    const auto mdx = c.doc(QStringLiteral("2024-02-26.mdx@en"));
    CHECK(mdx.version.meta.published.toIso() == u"2024-02-26");
    CHECK_FALSE(mdx.document.text.contains(u"<Tag"));
    CHECK(mdx.document.text.contains(u"open-mistral-7b"));

    // Search finds them.
    CHECK(c.hits(QStringLiteral("\"muse spark\"")).size() >= 5);
    CHECK(c.hits(QStringLiteral("title:qwen3")).contains(c.byFile.value(QStringLiteral("index.md@qwen3")).id));
    CHECK(c.hits(QStringLiteral("date:2026-04..2026-04 meta")).contains(c.byFile.value(QStringLiteral("002_527def5b500aae0d.txt@seeds")).id));
}
