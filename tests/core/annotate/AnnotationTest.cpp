// Annotations: anchoring that survives new versions, W3C Web Annotation
// JSON-LD both ways, Markdown with citations, and the store and ingest
// keeping them.
#include "TestSupport.h"

#include "annotate/Anchoring.h"
#include "annotate/WebAnnotation.h"
#include "library/Annotations.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace sextant;
using annotate::Anchor;

namespace {

const QString kText = QStringLiteral(
    "Meta released Llama 3.1 405B with open weights in July 2024. The license allows commercial use.\n"
    "Analysts called it the largest open model. Meta later moved to a closed model, Muse Spark.\n"
    "The license allows commercial use, with limits for very large companies.");

qint64 at(const QString &text, const QString &what, int nth = 0)
{
    qint64 pos = -1;
    for (int i = 0; i <= nth; ++i)
        pos = text.indexOf(what, pos + 1);
    REQUIRE(pos >= 0);
    return pos;
}

} // namespace

TEST_CASE("a passage is found again where it is, where it moved, or not at all")
{
    const qint64 start = at(kText, QStringLiteral("the largest open model"));
    const annotate::Selector sel = annotate::selectorFor(kText, start, 22);
    CHECK(sel.exact == u"the largest open model");
    CHECK(sel.prefix.size() == annotate::kContextChars);
    CHECK(sel.prefix.endsWith(u"Analysts called it "));
    CHECK(sel.suffix.startsWith(u". Meta later"));

    SECTION("unchanged text: at its position")
    {
        const Anchor a = annotate::anchor(kText, sel);
        CHECK(a.how == Anchor::How::Position);
        CHECK(a.start == start);
    }
    SECTION("text inserted before it: moved with its context")
    {
        const QString changed = QStringLiteral("Update: corrected the date.\n\n") + kText;
        const Anchor a = annotate::anchor(changed, sel);
        CHECK(a.how == Anchor::How::Context);
        CHECK(changed.mid(a.start, a.length) == u"the largest open model");
        CHECK(a.start == start + 29);
    }
    SECTION("the passage deleted: orphaned")
    {
        QString changed = kText;
        changed.replace(QStringLiteral("Analysts called it the largest open model. "), QString());
        CHECK_FALSE(annotate::anchor(changed, sel).found());
    }
    SECTION("re-wrapped: found with spacing ignored")
    {
        QString changed = kText;
        changed.replace(QStringLiteral("the largest open"), QStringLiteral("the\n  largest   open"));
        const Anchor a = annotate::anchor(changed, sel);
        CHECK(a.how == Anchor::How::Whitespace);
        CHECK(changed.mid(a.start, a.length) == u"the\n  largest   open model");
    }
    SECTION("a typo fixed inside the quote, context unchanged: found as edited")
    {
        const qint64 s2 = at(kText, QStringLiteral("Meta released"));
        const annotate::Selector longSel = annotate::selectorFor(kText, at(kText, QStringLiteral("Analysts")), 41);
        QString changed = kText;
        changed.replace(QStringLiteral("Analysts called it"), QStringLiteral("Analysts have called it"));
        changed.insert(s2, QStringLiteral("New: "));
        const Anchor a = annotate::anchor(changed, longSel);
        CHECK(a.how == Anchor::How::Edited);
        CHECK(changed.mid(a.start, a.length) == u"Analysts have called it the largest open model");
    }
}

TEST_CASE("a repeated quote goes where its context says, and nowhere when nothing says")
{
    // "The license allows commercial use" occurs twice; the annotation is on the second.
    const qint64 second = at(kText, QStringLiteral("The license allows commercial use"), 1);
    const annotate::Selector sel = annotate::selectorFor(kText, second, 33);
    const QString moved = QStringLiteral("Preface.\n") + kText;
    const Anchor a = annotate::anchor(moved, sel);
    REQUIRE(a.found());
    CHECK(a.start == second + 9);

    // Same quote, no context that agrees with either occurrence: ambiguous, so orphaned.
    annotate::Selector bare = sel;
    bare.prefix = QStringLiteral("something else entirely here");
    bare.suffix = QStringLiteral("!! nothing like it");
    bare.start = 3;
    CHECK_FALSE(annotate::anchor(moved, bare).found());

    // A short quote that now occurs once, elsewhere, with other context, is not trusted.
    annotate::Selector shortSel = annotate::selectorFor(kText, at(kText, QStringLiteral("Muse Spark")), 10);
    const QString rewritten = QStringLiteral("A different article that names Muse Spark once.");
    CHECK_FALSE(annotate::anchor(rewritten, shortSel).found());
}

TEST_CASE("annotations go to W3C Web Annotation JSON-LD and come back unchanged")
{
    annotate::Annotation a;
    a.id = annotate::newAnnotationId();
    a.sourceId = 7;
    a.versionId = 9;
    a.start = 20;
    a.length = 12;
    a.exact = QStringLiteral("Llama 3.1 40");
    a.prefix = QStringLiteral("Meta released ");
    a.suffix = QStringLiteral("5B with open");
    a.color = QStringLiteral("green");
    a.note = QStringLiteral("Check the \"open\" claim");
    a.tags = {QStringLiteral("open weights"), QStringLiteral("llama")};
    a.created = QStringLiteral("2026-11-20T10:00:00Z");
    a.modified = QStringLiteral("2026-11-21T09:30:00Z");
    const annotate::SourceRef ref{7, QStringLiteral("Llama news"), QStringLiteral("Wire"), QStringLiteral("2024-07-23"),
                                  QStringLiteral("https://example.org/llama"), QStringLiteral("/tmp/llama.html")};
    const QByteArray json = annotate::toWebAnnotationJson({a}, [&](qint64) { return ref; });

    const QJsonObject root = QJsonDocument::fromJson(json).object();
    CHECK(root.value(u"@context").toString() == u"http://www.w3.org/ns/anno.jsonld");
    CHECK(root.value(u"type").toString() == u"AnnotationCollection");
    CHECK(root.value(u"total").toInt() == 1);
    const QJsonObject item = root.value(u"first").toObject().value(u"items").toArray().at(0).toObject();
    CHECK(item.value(u"id").toString() == u"urn:uuid:" + a.id);
    CHECK(item.value(u"motivation").toString() == u"commenting");
    const QJsonObject target = item.value(u"target").toObject();
    CHECK(target.value(u"source").toString() == u"https://example.org/llama");
    const QJsonArray selectors = target.value(u"selector").toArray();
    REQUIRE(selectors.size() == 2);
    CHECK(selectors.at(0).toObject().value(u"type").toString() == u"TextQuoteSelector");
    CHECK(selectors.at(1).toObject().value(u"end").toInteger() == 32);

    auto back = annotate::fromWebAnnotationJson(json, QStringLiteral("x.jsonld"));
    REQUIRE(back);
    REQUIRE(back->annotations.size() == 1);
    CHECK(back->problems.isEmpty());
    const annotate::Annotation &b = back->annotations[0].annotation;
    CHECK(back->annotations[0].sourceIri == u"https://example.org/llama");
    CHECK(b.id == a.id);
    CHECK(b.exact == a.exact);
    CHECK(b.prefix == a.prefix);
    CHECK(b.suffix == a.suffix);
    CHECK(b.start == a.start);
    CHECK(b.length == a.length);
    CHECK(b.color == a.color);
    CHECK(b.note == a.note);
    CHECK(b.tags == a.tags);
    CHECK(b.created == a.created);
    CHECK(b.modified == a.modified);
}

TEST_CASE("JSON-LD from other tools is read, and what cannot be used is named")
{
    const QByteArray json = R"([
      {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "http://example.org/anno1", "type": "Annotation",
       "body": {"type": "TextualBody", "value": "A comment"},
       "target": {"source": "http://example.org/page",
                  "selector": {"type": "FragmentSelector", "value": "p1",
                               "refinedBy": {"type": "TextQuoteSelector", "exact": "open weights"}}}},
      {"type": "Annotation", "target": "http://example.org/page"},
      {"type": "Annotation", "target": {"source": "http://example.org/page", "selector": {"type": "CssSelector", "value": "p"}}},
      {"type": "Dataset"}
    ])";
    auto r = annotate::fromWebAnnotationJson(json, QStringLiteral("other.json"));
    REQUIRE(r);
    REQUIRE(r->annotations.size() == 1);
    CHECK(r->annotations[0].annotation.exact == u"open weights");
    CHECK(r->annotations[0].annotation.note == u"A comment");
    CHECK(r->annotations[0].annotation.start == -1); // no position: anchored by the quote alone
    REQUIRE(r->problems.size() == 3);
    CHECK(r->problems[0].contains(u"other.json: item 2"));
    CHECK(r->problems[1].contains(u"no TextQuoteSelector"));
    CHECK(r->problems[2].contains(u"not an Annotation"));

    auto bad = annotate::fromWebAnnotationJson("{not json", QStringLiteral("broken.jsonld"));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.startsWith(u"broken.jsonld: not JSON"));
}

TEST_CASE("tags are parsed from what the user types")
{
    CHECK(annotate::parseTags(QStringLiteral(" open weights, #policy;; Policy \n license ")) ==
          QStringList{QStringLiteral("open weights"), QStringLiteral("policy"), QStringLiteral("license")});
    CHECK(annotate::parseTags(QStringLiteral(" , ")).isEmpty());
}

TEST_CASE("annotations are kept, follow their passage into a new version, or are kept as orphans")
{
    QTemporaryDir tmp;
    const QString dir = tmp.path() + QStringLiteral("/lib");
    const QString file = tmp.path() + QStringLiteral("/in/llama.md");
    const QByteArray v1 = "---\ntitle: Llama goes big\npublisher: Model Notes\ndate: 2024-07-23\n---\n\n"
                          "# Llama goes big\n\nMeta released Llama 3.1 405B with open weights.\n\n"
                          "Analysts called it the largest open model yet, and a challenge to closed labs.\n\n"
                          "The community license has limits for very large companies.\n";
    test::writeFile(file, v1);
    auto lib = test::openWritable(dir);
    test::ingest(*lib, {file});
    auto sources = lib->store().listSources();
    REQUIRE(sources);
    REQUIRE(sources->size() == 1);
    const qint64 sid = sources->front().id;
    auto doc = lib->store().document(sid);
    REQUIRE(doc);
    const QString &text = doc->document.text;
    const qint64 s1 = text.indexOf(u"the largest open model yet");
    const qint64 s2 = text.indexOf(u"limits for very large companies");
    REQUIRE(s1 > 0);
    auto kept = library::createAnnotation(*lib, sid, s1, 26, QStringLiteral("blue"), QStringLiteral("Is it?"),
                                          {QStringLiteral("claims")});
    REQUIRE(kept);
    auto gone = library::createAnnotation(*lib, sid, s2, 31, QStringLiteral("pink"), {}, {QStringLiteral("license")});
    REQUIRE(gone);
    CHECK_FALSE(library::createAnnotation(*lib, sid, text.size() - 2, 10, {}, {}, {}));

    // The source list counts them; a tag finds the source.
    store::SourceQuery q;
    q.tag = QStringLiteral("license");
    auto tagged = lib->store().querySources(q);
    REQUIRE(tagged);
    REQUIRE(tagged->size() == 1);
    CHECK(tagged->front().annotationCount == 2);
    auto tags = lib->store().annotationTags();
    REQUIRE(tags);
    CHECK(tags->size() == 2);

    // Version 2: a paragraph added before, the license paragraph removed.
    QByteArray v2 = v1;
    v2.replace("# Llama goes big\n\n", "# Llama goes big\n\nUpdated with comments from analysts.\n\n");
    v2.replace("The community license has limits for very large companies.\n", "The license text is online.\n");
    test::writeFile(file, v2);
    const auto summary = test::ingest(*lib, {file});
    CHECK(summary.updated == 1);

    auto after = library::annotationsOf(*lib, sid);
    REQUIRE(after);
    REQUIRE(after->size() == 2);
    auto doc2 = lib->store().document(sid);
    REQUIRE(doc2);
    const annotate::Annotation *moved = nullptr, *orphan = nullptr;
    for (const auto &a : *after)
        (a.id == kept->id ? moved : orphan) = &a;
    REQUIRE(moved);
    REQUIRE(orphan);
    CHECK_FALSE(moved->orphaned);
    CHECK(moved->versionId == doc2->version.id);
    CHECK(moved->start == doc2->document.text.indexOf(u"the largest open model yet"));
    CHECK(moved->start != s1);
    CHECK(doc2->document.text.mid(moved->start, moved->length) == u"the largest open model yet");
    CHECK(moved->note == u"Is it?");
    CHECK(orphan->orphaned);
    CHECK(orphan->exact == u"limits for very large companies"); // kept as it was
    CHECK(orphan->tags == QStringList{QStringLiteral("license")});

    // Export both ways, then import into the same library: nothing is duplicated.
    auto json = library::exportAnnotationsJson(*lib, *after);
    REQUIRE(json);
    auto md = library::exportAnnotationsMarkdown(*lib, *after, QStringLiteral("Annotations"));
    REQUIRE(md);
    CHECK(md->contains(u"## Llama goes big"));
    CHECK(md->contains(u"> the largest open model yet"));
    CHECK(md->contains(u"*Llama goes big*, Model Notes, 2024-07-23"));
    CHECK(md->contains(u"Is it?"));
    CHECK(md->contains(u"no longer in the source's current version"));
    auto again = library::importAnnotations(*lib, *json, QStringLiteral("mine.jsonld"));
    REQUIRE(again);
    CHECK(again->added == 0);
    CHECK(again->unchanged == 2);

    // Into a fresh library with the same file: both arrive, the orphan as an orphan.
    const QString dir2 = tmp.path() + QStringLiteral("/lib2");
    auto lib2 = test::openWritable(dir2);
    test::ingest(*lib2, {file});
    auto imported = library::importAnnotations(*lib2, *json, QStringLiteral("mine.jsonld"));
    REQUIRE(imported);
    CHECK(imported->added == 2);
    CHECK(imported->orphaned == 1);
    CHECK(imported->problems.isEmpty());
    auto there = library::annotationsOf(*lib2);
    REQUIRE(there);
    REQUIRE(there->size() == 2);
    for (const auto &a : *there)
        if (!a.orphaned)
            CHECK(a.exact == u"the largest open model yet");

    // Deleting is for good; the trash keeps a source and its annotations until purged.
    REQUIRE(library::trashSources(*lib, {sid}));
    auto listed = lib->store().listSources();
    REQUIRE(listed);
    CHECK(listed->empty());
    store::SourceQuery trash;
    trash.trashed = true;
    CHECK(lib->store().countSources(trash).value_or(-1) == 1);
    REQUIRE(library::restoreSources(*lib, {sid}));
    CHECK(lib->store().listSources()->size() == 1);
    CHECK(library::annotationsOf(*lib, sid)->size() == 2);
    REQUIRE(library::trashSources(*lib, {sid}));
    CHECK(library::purgeTrash(*lib).value_or(-1) == 1);
    CHECK(lib->store().annotations()->empty());
}
