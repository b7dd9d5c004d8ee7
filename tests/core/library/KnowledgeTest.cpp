// The library's knowledge: facts stored with each version, events merged
// across sources, conflicts, and corrections that survive re-extraction.
#include "TestSupport.h"

#include "library/Knowledge.h"
#include "library/Maintenance.h"

#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace sextant;

namespace {

const library::Conflict *conflict(const library::Knowledge &k, const QString &subject, const QString &attribute)
{
    for (const auto &c : k.conflicts)
        if (c.subject == subject && c.attribute.startsWith(attribute))
            return &c;
    return nullptr;
}

} // namespace

TEST_CASE("knowledge: merged events, conflicts with sources, and corrections that can be undone")
{
    QTemporaryDir tmp;
    const QString dir = tmp.path() + QStringLiteral("/in");
    test::writeFile(dir + QStringLiteral("/a.txt"),
                    "Orion ships\n\nOn May 2, 2031, Google released Gemma 9. Google shares rose 3% on launch day. "
                    "Gemma 9 posts 61.5 on GPQA Diamond.\n");
    test::writeFile(dir + QStringLiteral("/b.txt"),
                    "A second look\n\nGoogle released Gemma 9 on May 2, 2031. Google stock fell 2% on the announcement day. "
                    "Gemma 9 scores 64.0 on GPQA Diamond.\n");
    auto lib = test::openWritable(tmp.path() + QStringLiteral("/lib"));
    test::ingest(*lib, {dir});

    auto k = library::Knowledge::load(*lib);
    REQUIRE(k);
    // One release, two sources.
    int releases = 0;
    for (const auto &e : k->events)
        if (e.kind == u"release" && e.entityNames.contains(QStringLiteral("Gemma 9"))) {
            ++releases;
            CHECK(e.sources.size() == 2);
            CHECK(e.date.toIso() == QStringLiteral("2031-05-02"));
        }
    CHECK(releases == 1);
    const library::Conflict *stock = conflict(*k, QStringLiteral("Google"), QStringLiteral("stock_change_pct"));
    REQUIRE(stock);
    CHECK(stock->values.size() == 2);
    for (const auto &v : stock->values)
        CHECK(!v.from.quote.isEmpty());
    const library::Conflict *score = conflict(*k, QStringLiteral("Gemma 9"), QStringLiteral("score: GPQA Diamond"));
    REQUIRE(score);

    // Corrections: rename, then merge another name into it; both survive re-extraction; undo restores.
    REQUIRE(library::addCorrection(*lib, {QStringLiteral("rename"), QStringLiteral("Gemma 9"), QStringLiteral("Gemma Nine"), {}}));
    // Reject the first source's GPQA score: the conflict must go with it.
    QString fact;
    for (const auto &s : k->scores)
        if (s.benchmark == u"GPQA Diamond" && s.value == 61.5)
            fact = s.factSignature;
    REQUIRE(!fact.isEmpty());
    REQUIRE(library::addCorrection(*lib, {QStringLiteral("reject-fact"), fact, {}, {}}));
    NullProgress progress;
    CancelFlag cancel{false};
    REQUIRE(library::extractPending(*lib, progress, cancel, true));
    auto after = library::Knowledge::load(*lib);
    REQUIRE(after);
    REQUIRE(after->find(QStringLiteral("Gemma Nine")));
    CHECK(after->find(QStringLiteral("Gemma Nine"))->key == QStringLiteral("model:~gemma9"));
    CHECK(after->scores.size() == k->scores.size() - 1);
    CHECK_FALSE(conflict(*after, QStringLiteral("Gemma Nine"), QStringLiteral("score: GPQA Diamond")));

    auto undone = library::undoCorrection(*lib);
    REQUIRE(undone);
    REQUIRE(*undone);
    CHECK((*undone)->action == QStringLiteral("reject-fact"));
    auto again = library::Knowledge::load(*lib);
    REQUIRE(again);
    CHECK(again->scores.size() == k->scores.size());

    // Merge and reject.
    REQUIRE(library::addCorrection(*lib, {QStringLiteral("reject-entity"), QStringLiteral("Google"), {}, {}}));
    auto rejected = library::Knowledge::load(*lib);
    REQUIRE(rejected);
    CHECK_FALSE(rejected->find(QStringLiteral("Google")));
    CHECK_FALSE(library::addCorrection(*lib, {QStringLiteral("merge"), QStringLiteral("Gemma Nine"), QStringLiteral("No Such Thing"), {}}));
    CHECK_FALSE(library::addCorrection(*lib, {QStringLiteral("frobnicate"), QStringLiteral("Gemma Nine"), {}, {}}));
}

TEST_CASE("knowledge: a lab and the company it is part of do not conflict as a model's maker; two companies do")
{
    QTemporaryDir tmp;
    const QString dir = tmp.path() + QStringLiteral("/in");
    test::writeFile(dir + QStringLiteral("/a.txt"), "Lab news\n\nMuse 9 is developed by Meta Superintelligence Labs. "
                                                    "Mistral Large 9 is developed by Mistral AI.\n");
    test::writeFile(dir + QStringLiteral("/b.txt"), "Company news\n\nMuse 9 is developed by Meta. Mistral Large 9 is developed by OpenAI.\n");
    auto lib = test::openWritable(tmp.path() + QStringLiteral("/lib"));
    test::ingest(*lib, {dir});
    auto k = library::Knowledge::load(*lib);
    REQUIRE(k);
    REQUIRE(k->find(QStringLiteral("Muse 9")));
    CHECK(k->find(QStringLiteral("Muse 9"))->attributes.value(QStringLiteral("organization")).size() == 2);
    CHECK_FALSE(conflict(*k, QStringLiteral("Muse 9"), QStringLiteral("organization")));
    const library::Conflict *other = conflict(*k, QStringLiteral("Mistral Large 9"), QStringLiteral("organization"));
    REQUIRE(other);
    CHECK(other->values.size() >= 2);
}

TEST_CASE("knowledge: a snapshot shares its model's maker and openness though no text names the model")
{
    QTemporaryDir tmp;
    const QString dir = tmp.path() + QStringLiteral("/in");
    test::writeFile(dir + QStringLiteral("/a.md"), "| Benchmark | o1-0917 |\n|---|---|\n| MMLU | 90.1 |\n");
    auto lib = test::openWritable(tmp.path() + QStringLiteral("/lib"));
    test::ingest(*lib, {dir});
    auto k = library::Knowledge::load(*lib);
    REQUIRE(k);
    const library::KnownEntity *snapshot = k->find(QStringLiteral("o1-0917"));
    REQUIRE(snapshot);
    CHECK(snapshot->variantOf == QStringLiteral("model:o1"));
    CHECK(snapshot->resolved.value(QStringLiteral("openness")) == QStringLiteral("closed"));
    CHECK(snapshot->resolved.value(QStringLiteral("organization")) == QStringLiteral("org:openai"));
}
