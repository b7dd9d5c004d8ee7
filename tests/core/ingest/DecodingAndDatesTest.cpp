#include "TestSupport.h"

#include "ingest/DateParsing.h"
#include "ingest/Format.h"
#include "ingest/TextDecoder.h"

#include <catch2/catch.hpp>

using namespace sextant;
using namespace sextant::ingest;

TEST_CASE("decoding honours BOMs, validates UTF-8 and falls back to Windows-1252")
{
    CHECK(decodeText("\xEF\xBB\xBFhello").text == u"hello");
    CHECK(decodeText(QByteArray("\xFF\xFEh\0i\0", 6)).text == u"hi");
    CHECK(decodeText(QByteArray("\xFE\xFF\0h\0i", 6)).text == u"hi");
    const DecodedText utf8 = decodeText("caf\xC3\xA9");
    CHECK(utf8.text == QStringLiteral("caf\u00e9"));
    CHECK(utf8.encoding == u"UTF-8");

    const DecodedText legacy = decodeText("caf\xE9 \x93quoted\x94 \x80");
    CHECK(legacy.encoding == u"windows-1252");
    CHECK(legacy.text == QStringLiteral("caf\u00e9 \u201cquoted\u201d \u20ac"));

    const DecodedText damaged = decodeText("ok \xC3\xA9 bad \xFF ok \xC3\xA9");
    CHECK(damaged.encoding == u"UTF-8");
    CHECK(damaged.replaced == 1);
    CHECK(damaged.text.contains(QChar(QChar::ReplacementCharacter)));

    CHECK(decodeText("plain", "iso-8859-1").text == u"plain");
}

TEST_CASE("binary content is told from text")
{
    CHECK(looksBinary(QByteArray("\x00\x01\x02\x03text", 8)));
    CHECK_FALSE(looksBinary("An ordinary sentence.\n"));
    CHECK_FALSE(looksBinary(QByteArray("\xFF\xFEh\0i\0", 6)));
}

TEST_CASE("dates standing alone are parsed with their precision")
{
    CHECK(parseDate(u"2026-04-13").toIso() == u"2026-04-13");
    CHECK(parseDate(u"April 8, 2026").toIso() == u"2026-04-08");
    CHECK(parseDate(u"8 April 2026").toIso() == u"2026-04-08");
    CHECK(parseDate(u"Sept 3rd, 2024").toIso() == u"2024-09-03");
    CHECK(parseDate(u"June 2025").toIso() == u"2025-06");
    CHECK(parseDate(u"2023").toIso() == u"2023");
    CHECK(parseDate(u"2026/04/08").toIso() == u"2026-04-08");
    CHECK(parseDate(u"Wed, 08 Apr 2026 10:00:00 GMT").toIso() == u"2026-04-08");
    CHECK(parseDate(u"February 30, 2026").precision != model::PartialDate::Precision::Day);
    CHECK_FALSE(parseDate(u"The company said on April 8, 2026 that it would release the weights of its model later").isValid());
}

TEST_CASE("a dateline's date is found inside a line, and file names carry dates")
{
    const DateMatch m = findDate(u"2026-04-13 by AICC");
    CHECK(m.date.toIso() == u"2026-04-13");
    CHECK(m.start == 0);
    CHECK(dateFromFileName(QStringLiteral("/posts/2024-07-23-llama31.md")).toIso() == u"2024-07-23");
    CHECK(dateFromFileName(QStringLiteral("report_2025_01_30.html")).toIso() == u"2025-01-30");
    CHECK_FALSE(dateFromFileName(QStringLiteral("model-2024.md")).isValid());
}

TEST_CASE("formats come from the extension, or are sniffed")
{
    CHECK(formatFromFileName(QStringLiteral("a.HTM")) == model::Format::Html);
    CHECK(formatFromFileName(QStringLiteral("b.mdx")) == model::Format::Markdown);
    CHECK(formatFromFileName(QStringLiteral("c")) == model::Format::Unknown);
    CHECK(sniffFormat("<!DOCTYPE html><html><body>x</body></html>") == model::Format::Html);
    CHECK(sniffFormat("---\ntitle: x\n---\n# Hi\n") == model::Format::Markdown);
    CHECK(sniffFormat("# Title\n\nSome text\n\n- item\n- item\n") == model::Format::Markdown);
    CHECK(sniffFormat("Just a note.\nAnother line.\n") == model::Format::Text);
    CHECK(sniffFormat("%PDF-1.7\n") == model::Format::Pdf);
}
