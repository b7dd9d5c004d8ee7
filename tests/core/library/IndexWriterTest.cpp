#include "TestSupport.h"

#include "library/IndexWriter.h"

#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace sextant;
using namespace sextant::library;

namespace {

index::PreparedDocument prepared(qint64 id)
{
    index::IndexFields f;
    f.title = QStringLiteral("Report %1").arg(id);
    f.text = QStringLiteral("Source %1 compares open and closed models, word%1.").arg(id);
    return index::prepareDocument(f);
}

} // namespace

TEST_CASE("index writer: documents and commits are done in order, and commits report what they made durable")
{
    QTemporaryDir dir;
    const QString path = dir.path() + QStringLiteral("/index");
    auto index = index::SearchIndex::openWritable(path);
    REQUIRE(index.has_value());
    {
        IndexWriter writer(**index, 8); // a small queue: replace() must wait for room, not drop
        IndexWriter::Indexed batch;
        for (qint64 id = 1; id <= 300; ++id) {
            REQUIRE(writer.replace(id, id * 10, prepared(id)).has_value());
            batch.emplace_back(id, id * 10);
            if (id % 100 == 0)
                REQUIRE(writer.commit(std::exchange(batch, {})).has_value());
        }
        for (qint64 id = 301; id <= 305; ++id) // queued, never committed
            REQUIRE(writer.replace(id, id * 10, prepared(id)).has_value());
        REQUIRE(writer.finish().has_value());
        const IndexWriter::Indexed done = writer.takeCommitted();
        REQUIRE(done.size() == 300);
        for (size_t i = 0; i < done.size(); ++i)
            CHECK(done[i] == std::pair<qint64, qint64>(qint64(i) + 1, (qint64(i) + 1) * 10));
        CHECK(writer.takeCommitted().empty()); // taken once
        CHECK(writer.busySeconds() > 0);

        // A reader sees the commits, not the five documents queued after the last one.
        auto reader = index::SearchIndex::openReadOnly(path);
        REQUIRE(reader.has_value());
        auto contents = (*reader)->contents();
        REQUIRE(contents.has_value());
        CHECK(contents->size() == 300);
        CHECK(contents->value(300) == 3000);
        CHECK_FALSE(contents->contains(301));
    }
}

TEST_CASE("index writer: after an error nothing more is written and every call returns the error")
{
    QTemporaryDir dir;
    const QString path = dir.path() + QStringLiteral("/index");
    {
        auto w = index::SearchIndex::openWritable(path);
        REQUIRE(w.has_value());
        REQUIRE((*w)->commit().has_value());
    }
    auto readOnly = index::SearchIndex::openReadOnly(path);
    REQUIRE(readOnly.has_value());
    IndexWriter writer(**readOnly);
    // The first replace is queued, then fails on the writer's thread.
    REQUIRE(writer.replace(1, 10, prepared(1)).has_value());
    auto finished = writer.finish();
    REQUIRE_FALSE(finished.has_value());
    CHECK(finished.error().message.contains(QStringLiteral("read-only")));
    CHECK_FALSE(writer.replace(2, 20, prepared(2)).has_value());
    CHECK_FALSE(writer.commit({{2, 20}}).has_value());
    CHECK(writer.takeCommitted().empty());
}
