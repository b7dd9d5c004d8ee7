// Search with facets: entity, openness, publisher and year counts over the
// matches; filters that narrow; aliases and codenames that find their entity.
#include "TestSupport.h"

#include "library/Library.h"

#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace sextant;

namespace {

qint64 countOf(const std::vector<index::FacetCount> &facet, const QString &value)
{
    for (const auto &f : facet)
        if (f.value == value)
            return f.count;
    return 0;
}

QStringList titles(const library::SearchPage &page)
{
    QStringList out;
    for (const auto &s : page.sources)
        out << s.title;
    out.sort();
    return out;
}

} // namespace

TEST_CASE("facets count what the matches mention, and filters narrow to a facet's value")
{
    QTemporaryDir tmp;
    const QString in = tmp.path() + QStringLiteral("/in");
    test::writeFile(in + QStringLiteral("/a.md"),
                    "---\ntitle: Meta goes closed\npublisher: Wire One\ndate: 2026-04-09\n---\n\n"
                    "Meta released Muse Spark, its new model codenamed \"Avocado\", on April 8, 2026. "
                    "Unlike Llama 4, Muse Spark has no downloadable weights.\n");
    test::writeFile(in + QStringLiteral("/b.md"),
                    "---\ntitle: Muse Spark benchmarks\npublisher: Wire Two\ndate: 2026-04-10\n---\n\n"
                    "Muse Spark scored 52 on the Artificial Analysis Intelligence Index, behind GPT-5.4 (57).\n");
    test::writeFile(in + QStringLiteral("/c.md"),
                    "---\ntitle: Llama history\npublisher: Wire One\ndate: 2024-07-23\n---\n\n"
                    "Meta released Llama 3.1 405B with open weights in July 2024; Llama models stay open.\n");
    test::writeFile(in + QStringLiteral("/d.md"),
                    "---\ntitle: Unrelated\npublisher: Wire Three\ndate: 2023-01-01\n---\n\n"
                    "A note about gardening, with nothing about Meta.\n");
    auto lib = test::openWritable(tmp.path() + QStringLiteral("/lib"));
    test::ingest(*lib, {in});

    index::SearchOptions opts;
    opts.limit = 20;
    opts.facets = true;
    auto all = lib->search(QStringLiteral("Meta"), opts);
    REQUIRE(all);
    CHECK(all->results.facetsExact);
    const auto &pubs = all->results.facets.value(QStringLiteral("publisher"));
    CHECK(countOf(pubs, QStringLiteral("Wire One")) == 2);
    CHECK(countOf(pubs, QStringLiteral("Wire Three")) == 1);
    const auto &years = all->results.facets.value(QStringLiteral("year"));
    CHECK(countOf(years, QStringLiteral("2026")) >= 1);
    CHECK(countOf(years, QStringLiteral("2024")) == 1);
    const auto &openness = all->results.facets.value(QStringLiteral("openness"));
    CHECK(countOf(openness, QStringLiteral("open")) >= 1);
    CHECK(countOf(openness, QStringLiteral("closed")) >= 1);
    const auto &entities = all->results.facets.value(QStringLiteral("entity"));
    CHECK(countOf(entities, QStringLiteral("model:muse-spark")) >= 1);
    CHECK(countOf(entities, QStringLiteral("org:meta")) >= 2);
    // Names for the facet's keys.
    CHECK(lib->entityLabels().value(QStringLiteral("model:muse-spark")).name == u"Muse Spark");

    // Each filter narrows; they combine.
    index::SearchOptions one = opts;
    one.filters.publishers = {QStringLiteral("Wire One")};
    auto byPublisher = lib->search(QStringLiteral("Meta"), one);
    REQUIRE(byPublisher);
    CHECK(titles(*byPublisher) == QStringList{QStringLiteral("Llama history"), QStringLiteral("Meta goes closed")});
    one.filters.dateFrom = QStringLiteral("2025");
    auto recent = lib->search(QStringLiteral("Meta"), one);
    REQUIRE(recent);
    CHECK(titles(*recent) == QStringList{QStringLiteral("Meta goes closed")});

    index::SearchOptions open = opts;
    open.filters.openness = {QStringLiteral("open")};
    auto opened = lib->search(QString(), open); // filters alone, no words
    REQUIRE(opened);
    CHECK(titles(*opened).contains(u"Llama history"));
    CHECK_FALSE(titles(*opened).contains(u"Unrelated"));

    index::SearchOptions about = opts;
    about.filters.entities = {QStringLiteral("model:muse-spark")};
    auto muse = lib->search(QString(), about);
    REQUIRE(muse);
    CHECK(titles(*muse) == QStringList{QStringLiteral("Meta goes closed"), QStringLiteral("Muse Spark benchmarks")});
}

TEST_CASE("searching for a codename or alias finds the sources about its entity")
{
    QTemporaryDir tmp;
    const QString in = tmp.path() + QStringLiteral("/in");
    test::writeFile(in + QStringLiteral("/a.md"),
                    "---\ntitle: Meta goes closed\n---\n\nMeta released Muse Spark, a model codenamed \"Avocado\", "
                    "on April 8, 2026.\n");
    test::writeFile(in + QStringLiteral("/b.md"),
                    "---\ntitle: Muse Spark benchmarks\n---\n\nMuse Spark scored 52 on the Artificial Analysis "
                    "Intelligence Index.\n");
    test::writeFile(in + QStringLiteral("/c.md"), "---\ntitle: Fruit\n---\n\nAn avocado a day, says the grocer.\n");
    auto lib = test::openWritable(tmp.path() + QStringLiteral("/lib"));
    test::ingest(*lib, {in});

    const auto expansions = lib->expansionsFor(QStringLiteral("avocado benchmarks"));
    REQUIRE(expansions.size() == 1);
    CHECK(expansions[0].surface == u"avocado");
    CHECK(expansions[0].keys.contains(u"model:muse-spark"));

    index::SearchOptions opts;
    opts.limit = 10;
    auto found = lib->search(QStringLiteral("Avocado"), opts);
    REQUIRE(found);
    // The word itself (the fruit too) and every source about Muse Spark.
    CHECK(titles(*found) == QStringList{QStringLiteral("Fruit"), QStringLiteral("Meta goes closed"),
                                        QStringLiteral("Muse Spark benchmarks")});
    // With another word: that word must still match.
    auto narrowed = lib->search(QStringLiteral("Avocado intelligence"), opts);
    REQUIRE(narrowed);
    CHECK(titles(*narrowed) == QStringList{QStringLiteral("Muse Spark benchmarks")});
    // An operator next to the name stays valid once the name is taken out.
    auto withOperator = lib->search(QStringLiteral("Avocado AND intelligence"), opts);
    REQUIRE(withOperator);
    CHECK(titles(*withOperator) == QStringList{QStringLiteral("Muse Spark benchmarks")});
    // A query with OR, NOT or brackets is searched as written.
    CHECK(lib->expansionsFor(QStringLiteral("grocer OR Avocado")).empty());
    auto orOperator = lib->search(QStringLiteral("grocer OR Avocado"), opts);
    REQUIRE(orOperator);
    CHECK(titles(*orOperator) == QStringList{QStringLiteral("Fruit"), QStringLiteral("Meta goes closed")});
    // Field syntax and operators are left alone.
    CHECK(lib->expansionsFor(QStringLiteral("title:avocado OR NOT")).empty());
}
