#include "TestSupport.h"

#include "ingest/DocumentReader.h"
#include "ingest/Format.h"

#include <catch2/catch.hpp>

using namespace sextant;
using namespace sextant::model;
using sextant::ingest::readDocument;

namespace {

Document read(const QString &fixture)
{
    ingest::ReadOptions opts;
    opts.fileName = test::dataPath(fixture);
    auto doc = readDocument(test::readData(fixture), ingest::formatFromFileName(fixture), opts);
    INFO((doc ? QString() : doc.error().message).toStdString());
    REQUIRE(doc.has_value());
    REQUIRE(test::rangesAreSound(*doc));
    return *doc;
}

const Block &firstTable(const Document &doc)
{
    for (const auto &b : doc.blocks)
        if (b.kind == BlockKind::Table)
            return b;
    FAIL("no table");
    return doc.blocks.front();
}

} // namespace

TEST_CASE("HTML: metadata from the head, the article without furniture")
{
    const Document doc = read(QStringLiteral("corpus/orbit-release.html"));
    CHECK(doc.format == Format::Html);
    CHECK(doc.meta.title == u"Orbit Labs opens the weights of Orbit 3"); // site suffix stripped
    CHECK(doc.meta.publisher == u"Example Wire");
    CHECK(doc.meta.author == u"Dana Whitfield");
    CHECK(doc.meta.published.toIso() == u"2025-03-14");
    CHECK(doc.meta.url == u"https://wire.example.org/2025/03/orbit-3-open");

    for (const char *absent : {"should never appear", "font-weight", "Example Wire home", "Chips", "Share on every",
                               "Related: nothing", "\u00a9 Example Wire", "pixel"})
        CHECK_FALSE(doc.text.contains(QString::fromUtf8(absent)));

    CHECK(test::blockTexts(doc, BlockKind::Heading)
          == QStringList{QStringLiteral("Orbit Labs opens the weights of Orbit 3"), QStringLiteral("Benchmark results"),
                         QStringLiteral("What changed")});
    CHECK(test::blockTexts(doc, BlockKind::Quote) == QStringList{QStringLiteral("Open weights were always the plan, said the founder.")});
    CHECK(test::blockTexts(doc, BlockKind::Paragraph).contains(QStringLiteral("Scores reported by Orbit Labs"))); // caption

    // Nested lists keep their depth.
    std::vector<std::pair<QString, int>> items;
    for (const auto &b : doc.blocks)
        if (b.kind == BlockKind::ListItem)
            items.emplace_back(doc.slice(b.range), b.level);
    REQUIRE(items.size() == 3);
    CHECK(items[0] == std::pair{QStringLiteral("Longer context: 128k tokens"), 1});
    CHECK(items[2] == std::pair{QStringLiteral("with better coverage of code"), 2});
}

TEST_CASE("HTML: tables become grids with header rows and marked superscripts")
{
    const Document doc = read(QStringLiteral("corpus/orbit-release.html"));
    const Block &t = firstTable(doc);
    REQUIRE(t.rows.size() == 4);
    auto cell = [&](size_t r, size_t c) { return doc.slice(t.rows[r].cells[c].range); };
    CHECK(t.rows[0].header);
    CHECK(t.rows[1].header);
    CHECK_FALSE(t.rows[2].header);
    CHECK(cell(0, 1) == u"Orbit 3");
    CHECK(cell(0, 2) == u"Orbit 3");
    CHECK(cell(1, 0) == u"Benchmark");
    CHECK(cell(1, 2) == u"70B");
    CHECK(cell(2, 2) == u"84.1^1"); // not 84.11
    CHECK(cell(3, 1) == QStringLiteral("\u2014"));
}

TEST_CASE("Markdown: front matter, pipe tables, and no shortcode or MDX noise")
{
    const Document doc = read(QStringLiteral("corpus/kestrel-launch.md"));
    CHECK(doc.meta.title == u"Kestrel 2 arrives with a closed API");
    CHECK(doc.meta.titleFrom == u"front matter");
    CHECK(doc.meta.published.toIso() == u"2025-11-02");
    CHECK(doc.meta.author == u"Priya Raman");
    CHECK(doc.meta.publisher == u"Model Notes");
    CHECK(doc.meta.url == u"https://notes.example.net/kestrel-2");
    for (const char *noise : {"{{", "{%", "figure src", "import Callout", "newsletter.html", "<Callout", "title:"})
        CHECK_FALSE(doc.text.contains(QString::fromUtf8(noise)));
    CHECK(doc.text.contains(u"Access is by invitation during the preview."));
    CHECK(doc.text.contains(u"Kestrel AI released Kestrel 2 to paying customers only"));

    const Block &t = firstTable(doc);
    REQUIRE(t.rows.size() == 4);
    CHECK(t.rows[0].header);
    CHECK_FALSE(t.rows[1].header);
    CHECK(doc.slice(t.rows[0].cells[2].range) == u"Reasoning score");
    CHECK(doc.slice(t.rows[1].cells[2].range) == u"71.5");
    CHECK(doc.slice(t.rows[3].cells[0].range) == u"Pipe | Test"); // escaped pipe
    CHECK(doc.slice(t.rows[3].cells[2].range) == u"n/a");         // inline code unwrapped
}

TEST_CASE("Markdown: HTML tables split by blank lines are one table; date from the file name")
{
    const Document doc = read(QStringLiteral("corpus/nested/2024-07-23-release-notes.md"));
    CHECK(doc.meta.title == u"Release notes");
    CHECK(doc.meta.published.toIso() == u"2024-07-23");
    CHECK(doc.meta.publishedFrom == u"file name");
    const Block &t = firstTable(doc);
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[0].header); // all-bold first row
    CHECK(doc.slice(t.rows[2].cells[1].range) == u"reads Orbit 3");
}

TEST_CASE("Text: headline title, dateline, setext heading, bullets, tab tables")
{
    const Document doc = read(QStringLiteral("corpus/heron-notes.txt"));
    CHECK(doc.meta.title == u"Heron Research Publishes Its Evaluation Notes");
    CHECK(doc.meta.published.toIso() == u"2025-06-30");
    CHECK(doc.meta.publishedFrom == u"dateline");
    CHECK(doc.meta.author == u"Heron Research");
    CHECK(test::blockTexts(doc, BlockKind::Heading).contains(QStringLiteral("Method")));
    CHECK(test::blockTexts(doc, BlockKind::ListItem).size() == 2);
    const Block &t = firstTable(doc);
    REQUIRE(t.rows.size() == 3);
    CHECK(doc.slice(t.rows[2].cells[1].range) == u"431");
}

TEST_CASE("Text: a headline with its dateline right under it, the byline first")
{
    ingest::ReadOptions opts;
    opts.fileName = QStringLiteral("copied.txt");
    const QByteArray text = "Orbit Labs Ships Its Fourth Model To Paying Customers\nBy Dana Lee | March 4, 2026\n\n"
                            "The first paragraph of the story is longer than the headline above it.\n";
    auto doc = readDocument(text, ingest::formatFromFileName(opts.fileName), opts);
    REQUIRE(doc.has_value());
    REQUIRE(test::rangesAreSound(*doc));
    CHECK(doc->meta.title == u"Orbit Labs Ships Its Fourth Model To Paying Customers");
    CHECK(doc->meta.published.toIso() == u"2026-03-04");
    CHECK(doc->meta.publishedFrom == u"dateline");
    CHECK(doc->meta.author == u"Dana Lee");
    CHECK(test::blockTexts(*doc, BlockKind::Heading) == QStringList{QStringLiteral("Orbit Labs Ships Its Fourth Model To Paying Customers")});
}

TEST_CASE("files without an extension are sniffed; legacy encodings are read")
{
    const Document page = read(QStringLiteral("corpus/nested/saved-page"));
    CHECK(page.format == Format::Html);
    CHECK(page.meta.title == u"A page saved without an extension");

    const Document legacy = read(QStringLiteral("corpus/legacy-cp1252.txt"));
    CHECK(legacy.text.contains(QStringLiteral("Caf\u00e9 cr\u00e8me \u2013")));
    CHECK(legacy.warnings.join(u' ').contains(u"Windows-1252"));

    const Document utf16 = read(QStringLiteral("corpus/utf16-note.txt"));
    CHECK(utf16.text.contains(QStringLiteral("na\u00efve r\u00e9sum\u00e9")));
}

TEST_CASE("bad input is refused with a reason naming the file")
{
    ingest::ReadOptions opts;
    opts.fileName = QStringLiteral("/x/empty.txt");
    auto empty = readDocument("", Format::Text, opts);
    REQUIRE_FALSE(empty.has_value());
    CHECK(empty.error().code == ErrorCode::Empty);
    CHECK(empty.error().message.contains(u"empty.txt"));

    opts.fileName = QStringLiteral("/x/blob");
    auto binary = readDocument(test::readData(QStringLiteral("bad/blob")), Format::Unknown, opts);
    REQUIRE_FALSE(binary.has_value());
    CHECK(binary.error().code == ErrorCode::Binary);

    opts.fileName = QStringLiteral("/x/report.pdf");
    auto pdf = readDocument(test::readData(QStringLiteral("bad/report.pdf")), Format::Pdf, opts);
    REQUIRE_FALSE(pdf.has_value());
    CHECK(pdf.error().code == ErrorCode::Unsupported);
    CHECK(pdf.error().message.contains(u"PDF"));
}

TEST_CASE("HTML: JSON-LD and <time> give metadata when meta tags do not")
{
    ingest::ReadOptions opts;
    opts.fileName = QStringLiteral("/x/page.html");
    const QByteArray withLd = R"(<html><head><title>Fallback title</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
{"@type":"NewsArticle","headline":"Heron 4 is announced","datePublished":"2026-02-03T10:00:00+01:00",
"author":[{"@type":"Person","name":"Ana Ruiz"}],"publisher":{"@type":"Organization","name":"Signal Desk"}}]}</script>
</head><body><main><p>Body text about the Heron 4 announcement.</p></main></body></html>)";
    auto ld = ingest::readDocument(withLd, Format::Html, opts);
    REQUIRE(ld.has_value());
    CHECK(ld->meta.title == u"Heron 4 is announced");
    CHECK(ld->meta.published.toIso() == u"2026-02-03");
    CHECK(ld->meta.publishedFrom.contains(u"json-ld"));
    CHECK(ld->meta.author == u"Ana Ruiz");
    CHECK(ld->meta.publisher == u"Signal Desk");

    const QByteArray withTime = R"(<html><head><title>Notes | Lab Blog</title></head><body><article>
<h1>Notes</h1><p>Posted <time datetime="2024-09-19">Sept 19</time>.</p><p>Text of the notes, long enough.</p>
</article></body></html>)";
    auto time = ingest::readDocument(withTime, Format::Html, opts);
    REQUIRE(time.has_value());
    CHECK(time->meta.published.toIso() == u"2024-09-19");
    CHECK(time->meta.publishedFrom == u"<time>");

    const QByteArray broken = R"(<html><head><script type="application/ld+json">{ not json</script></head>
<body><p>Still readable text.</p></body></html>)";
    auto bad = ingest::readDocument(broken, Format::Html, opts);
    REQUIRE(bad.has_value());
    CHECK(bad->text.contains(u"Still readable text."));
}
