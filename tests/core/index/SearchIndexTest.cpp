#include "TestSupport.h"

#include "index/SearchIndex.h"
#include "ingest/DocumentReader.h"
#include "ingest/Format.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace sextant;
using namespace sextant::index;

namespace {

struct Fixture {
    QTemporaryDir dir;
    std::unique_ptr<SearchIndex> index;
    QHash<qint64, QString> texts;

    Fixture()
    {
        auto w = SearchIndex::openWritable(dir.path() + QStringLiteral("/index"));
        REQUIRE(w.has_value());
        index = std::move(*w);
        add(1, QStringLiteral("Orbit Labs opens Orbit 3"), QStringLiteral("The startup released open weights for its models under Apache 2.0."),
            QStringLiteral("Example Wire"), QStringLiteral("html"), QStringLiteral("2025-03-14"), QStringLiteral("https://www.wire.example.org/a"));
        add(2, QStringLiteral("Kestrel 2 arrives with a closed API"), QStringLiteral("Kestrel AI keeps the weights closed; access through the API only."),
            QStringLiteral("Model Notes"), QStringLiteral("markdown"), QStringLiteral("2025-11"), {});
        add(3, QStringLiteral("Heron evaluation notes"), QStringLiteral("Reviewers checked the benchmark answers of open models twice in 2023."),
            QStringLiteral("Heron Research"), QStringLiteral("text"), QStringLiteral("2023"), {});
        REQUIRE(index->commit().has_value());
    }

    void add(qint64 id, const QString &title, const QString &text, const QString &publisher, const QString &format,
             const QString &date, const QString &url)
    {
        texts.insert(id, text);
        IndexFields f{title, text, publisher, {}, url, format, model::PartialDate::fromIso(date)};
        REQUIRE(index->replace(id, id * 10, prepareDocument(f)).has_value());
    }

    std::vector<qint64> ids(const QString &query)
    {
        SearchOptions opts;
        opts.limit = 50;
        auto r = index->search(query, opts, [&](const std::vector<qint64> &want) {
            QHash<qint64, QString> out;
            for (qint64 i : want)
                out.insert(i, texts.value(i));
            return out;
        });
        INFO(query.toStdString());
        REQUIRE(r.has_value());
        std::vector<qint64> out;
        for (const auto &h : r->hits)
            out.push_back(h.sourceId);
        std::sort(out.begin(), out.end());
        return out;
    }
};

using Ids = std::vector<qint64>;

} // namespace

TEST_CASE("search: stemming, phrases, booleans, NEAR and wildcards")
{
    Fixture f;
    CHECK(f.ids(QStringLiteral("model")) == Ids{1, 3});          // "models" stems to model
    CHECK(f.ids(QStringLiteral("\"open weights\"")) == Ids{1});
    CHECK(f.ids(QStringLiteral("weights closed")) == Ids{2});     // words are ANDed
    CHECK(f.ids(QStringLiteral("weights OR reviewers")) == Ids{1, 2, 3});
    CHECK(f.ids(QStringLiteral("weights NOT closed")) == Ids{1});
    CHECK(f.ids(QStringLiteral("weights -apache")) == Ids{2});
    CHECK(f.ids(QStringLiteral("startup NEAR/3 weights")) == Ids{1});
    CHECK(f.ids(QStringLiteral("reviewers NEAR/2 weights")).empty());
    CHECK(f.ids(QStringLiteral("kest*")) == Ids{2});
}

TEST_CASE("search: fields and date ranges of every precision")
{
    Fixture f;
    CHECK(f.ids(QStringLiteral("title:kestrel")) == Ids{2});
    CHECK(f.ids(QStringLiteral("title:weights")).empty());
    CHECK(f.ids(QStringLiteral("publisher:heron")) == Ids{3});
    CHECK(f.ids(QStringLiteral("source:\"model notes\"")) == Ids{2});
    CHECK(f.ids(QStringLiteral("type:markdown")) == Ids{2});
    CHECK(f.ids(QStringLiteral("site:wire.example.org")) == Ids{1});
    CHECK(f.ids(QStringLiteral("date:2025-01-01..2025-12-31")) == Ids{1, 2});
    CHECK(f.ids(QStringLiteral("date:2025-11-05..2025-11-30")).empty()); // November, day unknown: not claimed to be inside
    CHECK(f.ids(QStringLiteral("date:2025..2025")) == Ids{1, 2});
    CHECK(f.ids(QStringLiteral("date:2025-11..2026")) == Ids{2});
    CHECK(f.ids(QStringLiteral("date:..2024")) == Ids{3});
    CHECK(f.ids(QStringLiteral("weights date:2025-03..")) == Ids{1, 2});
}

TEST_CASE("search: snippets mark the matched words; spelling is suggested")
{
    Fixture f;
    SearchOptions opts;
    auto textFor = [&](const std::vector<qint64> &want) {
        QHash<qint64, QString> out;
        for (qint64 i : want)
            out.insert(i, f.texts.value(i));
        return out;
    };
    auto r = f.index->search(QStringLiteral("reviewers"), opts, textFor);
    REQUIRE(r.has_value());
    REQUIRE(r->hits.size() == 1);
    const auto &hit = r->hits[0];
    REQUIRE(hit.marks.size() == 1);
    CHECK(hit.snippet.mid(hit.marks[0].first, hit.marks[0].second) == u"Reviewers");

    auto miss = f.index->search(QStringLiteral("kestral"), opts, textFor);
    REQUIRE(miss.has_value());
    CHECK(miss->hits.empty());
    CHECK(miss->correctedQuery == u"kestrel");

    // Xapian's parser is lenient: a malformed query is read as words, not refused.
    auto lenient = f.index->search(QStringLiteral("title:(kestrel"), opts, textFor);
    REQUIRE(lenient.has_value());
    REQUIRE(lenient->hits.size() == 1);
    CHECK(lenient->hits[0].sourceId == 2);
}

TEST_CASE("search: paging, replace and remove")
{
    Fixture f;
    SearchOptions page;
    page.limit = 1;
    page.offset = 1;
    auto r = f.index->search(QStringLiteral("weights OR reviewers"), page, {});
    REQUIRE(r.has_value());
    CHECK(r->hits.size() == 1);
    CHECK(r->hits[0].rank == 1);
    CHECK(r->estimatedTotal == 3);

    f.add(2, QStringLiteral("Kestrel 2 now open"), QStringLiteral("Kestrel AI published the weights after all."), {}, QStringLiteral("text"), {}, {});
    REQUIRE(f.index->remove(3).has_value());
    REQUIRE(f.index->remove(99).has_value()); // removing what is not there is fine
    REQUIRE(f.index->commit().has_value());
    CHECK(f.ids(QStringLiteral("published")) == Ids{2});
    CHECK(f.ids(QStringLiteral("reviewers")).empty());
    auto contents = f.index->contents();
    REQUIRE(contents.has_value());
    CHECK(contents->value(1) == 10);
    CHECK(contents->value(2) == 20);
    CHECK_FALSE(contents->contains(3));
}

TEST_CASE("search: wildcards in fields, and every form of a word is highlighted")
{
    Fixture f;
    CHECK(f.ids(QStringLiteral("title:kest*")) == Ids{2});
    CHECK(f.ids(QStringLiteral("title:weig*")).empty());
    CHECK(f.ids(QStringLiteral("revie* weights")) == Ids{});
    CHECK(f.ids(QStringLiteral("revie* OR kest*")) == Ids{2, 3});
    SearchOptions opts;
    auto r = f.index->search(QStringLiteral("open weight"), opts, [&](const std::vector<qint64> &want) {
        QHash<qint64, QString> out;
        for (qint64 i : want)
            out.insert(i, f.texts.value(i));
        return out;
    });
    REQUIRE(r.has_value());
    REQUIRE(r->hits.size() == 1);
    QStringList marked;
    for (const auto &[s, l] : r->hits[0].marks)
        marked << r->hits[0].snippet.mid(s, l);
    CHECK(marked.contains(QStringLiteral("weights"))); // the query said "weight"
    CHECK(marked.contains(QStringLiteral("open")));
}

TEST_CASE("search: every form of a word finds its document when more words were indexed than the stem memory keeps")
{
    // Made-up roots, each written in one document as "-ing" and looked up as
    // "-ed": the two forms meet only through their stem (one vowel, then
    // consonants, so Snowball treats both suffixes alike). 40,000 roots in both
    // forms overflow the indexing thread's memory of stems many times, so
    // lookups run through evicted and colliding entries; a root of 16 bytes
    // or more takes the path that bypasses the memory.
    QTemporaryDir dir;
    auto w = SearchIndex::openWritable(dir.path() + QStringLiteral("/index"));
    REQUIRE(w.has_value());
    auto root = [](int i) {
        static const QString consonants = QStringLiteral("bcdfghjklmnpqrstvwxz");
        QString s = QStringLiteral("za");
        for (int n = i; n > 0 || s.size() < 5; n /= 20)
            s += consonants[n % 20];
        if (i % 97 == 0)
            s += QStringLiteral("longerthanfifteen");
        return s;
    };
    constexpr int kRoots = 40000;
    constexpr int kDocs = 40;
    for (int d = 0; d < kDocs; ++d) {
        QString text;
        for (int i = d; i < kRoots; i += kDocs)
            text += root(i) + QStringLiteral("ing blorped ");
        IndexFields f{QStringLiteral("doc %1").arg(d), text, {}, {}, {}, QStringLiteral("text"), {}};
        REQUIRE((*w)->replace(d + 1, d + 1, prepareDocument(f)).has_value());
    }
    REQUIRE((*w)->commit().has_value());
    SearchOptions opts;
    opts.limit = 5;
    opts.snippets = false;
    auto noText = [](const std::vector<qint64> &) { return QHash<qint64, QString>{}; };
    for (int i = 0; i < kRoots; i += 37) {
        auto r = (*w)->search(root(i) + QStringLiteral("ed"), opts, noText);
        REQUIRE(r.has_value());
        INFO(root(i).toStdString());
        REQUIRE(r->hits.size() == 1);
        CHECK(r->hits[0].sourceId == i % kDocs + 1);
    }
}

TEST_CASE("words are split as Xapian's TermGenerator splits them, so queries find what was indexed")
{
    auto same = [](const IndexFields &f) {
        const QStringList ours = describeTerms(prepareDocument(f));
        const QStringList reference = describeTerms(prepareDocumentWithTermGenerator(f));
        REQUIRE_FALSE(reference.isEmpty());
        if (ours != reference) {
            // Name the first difference, not two long lists.
            qsizetype i = 0;
            while (i < ours.size() && i < reference.size() && ours[i] == reference[i])
                ++i;
            INFO("ours: " << (i < ours.size() ? ours[i].toStdString() : "(end)"));
            INFO("TermGenerator: " << (i < reference.size() ? reference[i].toStdString() : "(end)"));
            FAIL_CHECK("the terms differ from TermGenerator's");
        }
    };
    // What splits words differently from one tokenizer to the next.
    const QString hard = QStringLiteral(
        u"The U.S.A. and U.S. government; A.B.c and U.S at the end of a line U.S\n"
        u"AT&T, M&S, don't, don\u2019t, rock \u2019n\u2019 roll, l'homme, x&, &y, 'quoted' words.\n"
        u"3.5 1,000,000 2025-04-08 v1.2.3 10;20 4.5x 0.5% 1.5B .5 7. 3\u200b4 a\u200bb\n"
        u"C++ C# F# fish+chips C++++ x++y a+ +b C+\n"
        u"na\u00efve caf\u00e9 \u00dcn\u00efc\u00f6d\u00e9 \u0130stanbul \u03a3\u0391\u03a3 stra\u00dfe e\u0301t\u00e9 \u0663.\u0665\n"
        u"\u4e2d\u6587\u5b57 \u65e5\u672c\u8a9e\u30c6\u30ad\u30b9\u30c8 \U0001F600 emoji\U0001F600joined \U0001D400bold\n"
        u"snake_case __init__ \u00b7middle\u00b7dot CamelCase ALLCAPS x\u2019 \u2019y\n"
        u"supercalifragilisticexpialidocious-supercalifragilisticexpialidocious-supercalifragilisticexpialidocious\n"
        u"averyveryveryveryveryveryveryveryveryveryveryveryveryveryverylongwordthatisover64bytes ok\n"
        u"lone \xd800 surrogate, GPT-4o, Llama-3.1-8B-Instruct, DeepSeek-V3's, o4-mini's score: 88.1%.");
    same(IndexFields{QStringLiteral("U.S. labs & AT&T: C++ at 3.5"), hard, QStringLiteral("Wire A.P."), QStringLiteral("J.R.R. Tolkien"),
                     {}, QStringLiteral("text"), {}});
    // Every test document, and the shared corpus when it is there.
    QStringList files;
    for (const QString &root : {test::dataPath(QStringLiteral("corpus")), test::sharedCorpus()}) {
        if (root.isEmpty())
            continue;
        QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
    }
    int compared = 0;
    for (const QString &path : std::as_const(files)) {
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        ingest::ReadOptions o;
        o.fileName = path;
        auto doc = ingest::readDocument(file.readAll(), ingest::formatFromFileName(path), o);
        if (!doc)
            continue;
        INFO(path.toStdString());
        same(IndexFields{doc->meta.title, doc->text, doc->meta.publisher, doc->meta.author, {}, {}, {}});
        ++compared;
    }
    CHECK(compared >= 5);
}
