// Inputs built to break parsers: each must end quickly, without a crash,
// with sound ranges, and with what text there is kept or a clear refusal.
#include "TestSupport.h"

#include "ingest/DocumentReader.h"

#include <QElapsedTimer>

#include <catch2/catch.hpp>

using namespace sextant;
using namespace sextant::model;

namespace {

Result<Document> readAs(const QByteArray &bytes, Format format, const QString &name = QStringLiteral("input"))
{
    ingest::ReadOptions opts;
    opts.fileName = name;
    QElapsedTimer t;
    t.start();
    auto doc = ingest::readDocument(bytes, format, opts);
    CHECK(t.elapsed() < 20000);
    if (doc)
        CHECK(test::rangesAreSound(*doc));
    return doc;
}

} // namespace

TEST_CASE("HTML nested 100,000 deep is flattened, keeping its text")
{
    const QByteArray html = "<html><body>" + QByteArray("<div><span>").repeated(50000) + "deep text"
                            + QByteArray("</span></div>").repeated(50000) + "</body></html>";
    auto doc = readAs(html, Format::Html);
    REQUIRE(doc.has_value());
    CHECK(doc->text.contains(u"deep text"));
    CHECK(doc->warnings.join(u' ').contains(u"flattened"));
}

TEST_CASE("unclosed formatting tags and table soup do not blow up")
{
    const QByteArray soup = "<p>" + QByteArray("<b><i><a href=x>x").repeated(5000) + "<table><tr><td>"
                            + QByteArray("<td colspan=999999 rowspan=999999>cell").repeated(200) + "</p>";
    auto doc = readAs(soup, Format::Html);
    REQUIRE(doc.has_value());
    CHECK(doc->text.contains(u"cell"));
}

TEST_CASE("a 10 MB line is truncated with a warning")
{
    QByteArray line;
    line.reserve(10 * 1024 * 1024);
    while (line.size() < 10 * 1024 * 1024)
        line += "lorem ipsum dolor ";
    for (Format f : {Format::Text, Format::Markdown, Format::Html}) {
        auto doc = readAs(f == Format::Html ? "<p>" + line + "</p>" : line, f);
        REQUIRE(doc.has_value());
        CHECK(doc->text.size() <= 1'000'000 + 10);
        CHECK(doc->warnings.join(u' ').contains(u"truncated"));
    }
}

TEST_CASE("Markdown with pathological nesting and delimiters")
{
    auto quotes = readAs(QByteArray(20000, '>') + " deep quote\n", Format::Markdown);
    REQUIRE(quotes.has_value());
    CHECK(quotes->text.contains(u"deep quote"));

    QByteArray lists;
    for (int i = 0; i < 2000; ++i)
        lists += QByteArray(i * 2, ' ') + "- item\n";
    REQUIRE(readAs(lists, Format::Markdown).has_value());

    auto emphasis = readAs(QByteArray("*a **b ").repeated(20000) + "\n| x |\n|---|\n| " + QByteArray(100000, '|') + " |\n",
                           Format::Markdown);
    REQUIRE(emphasis.has_value());

    auto frontMatterOnly = readAs("---\ntitle: Only front matter\n---\n", Format::Markdown);
    REQUIRE(frontMatterOnly.has_value());
    CHECK(frontMatterOnly->meta.title == u"Only front matter");

    auto unclosed = readAs("---\ntitle: never closed\n\n# Heading\n", Format::Markdown);
    REQUIRE(unclosed.has_value()); // not front matter after all: read as Markdown
}

TEST_CASE("random and invalid bytes never crash a reader")
{
    quint32 x = 12345;
    for (int round = 0; round < 40; ++round) {
        QByteArray bytes(4096, '\0');
        for (char &c : bytes) {
            x = x * 1664525u + 1013904223u;
            c = static_cast<char>(0x20 + (x >> 24) % 0xE0); // no NULs: exercise the parsers, not the binary check
        }
        for (Format f : {Format::Html, Format::Markdown, Format::Text, Format::Unknown})
            (void)readAs(bytes, f);
    }
}

TEST_CASE("whitespace-only and markup-only files are refused as empty")
{
    auto blank = readAs("   \n\n\t  \n", Format::Text, QStringLiteral("blank.txt"));
    REQUIRE_FALSE(blank.has_value());
    CHECK(blank.error().code == ErrorCode::Empty);
    auto scripts = readAs("<html><script>only()</script></html>", Format::Html, QStringLiteral("s.html"));
    REQUIRE_FALSE(scripts.has_value());
    CHECK(scripts.error().message.contains(u"s.html"));
}
