#include "TestSupport.h"

#include "model/DocumentBuilder.h"
#include "model/StructureCodec.h"

#include <catch2/catch.hpp>

using namespace sextant;
using namespace sextant::model;

TEST_CASE("builder folds white space and gives each block its exact range")
{
    Document doc;
    DocumentBuilder b(doc);
    b.beginBlock(BlockKind::Heading, 1);
    b.appendInline(u"  Orbit\n  3   ships ");
    b.endBlock();
    b.beginBlock(BlockKind::Paragraph);
    b.appendInline(u"First");
    b.appendInline(u" ");
    b.appendInline(u"line");
    b.endBlock();
    b.beginBlock(BlockKind::Paragraph); // empty blocks are dropped
    b.appendInline(u"   ");
    b.endBlock();

    REQUIRE(doc.blocks.size() == 2);
    CHECK(doc.slice(doc.blocks[0].range) == u"Orbit 3 ships");
    CHECK(doc.blocks[0].level == 1);
    CHECK(doc.slice(doc.blocks[1].range) == u"First line");
    CHECK(doc.text == u"Orbit 3 ships\nFirst line");
    CHECK(test::rangesAreSound(doc));
}

TEST_CASE("builder expands rowspan and colspan into a full grid")
{
    Document doc;
    DocumentBuilder b(doc);
    b.beginTable();
    b.beginRow(true);
    b.beginCell(true, 2, 1); b.appendInline(u"Benchmark"); b.endCell();
    b.beginCell(true, 1, 2); b.appendInline(u"Orbit 3"); b.endCell();
    b.beginRow(true);
    b.beginCell(true); b.appendInline(u"8B"); b.endCell();
    b.beginCell(true); b.appendInline(u"70B"); b.endCell();
    b.beginRow();
    b.beginCell(); b.appendInline(u"MMLU"); b.endCell();
    b.beginCell(); b.appendInline(u"68.2"); b.endCell();
    b.endTable();

    REQUIRE(doc.blocks.size() == 1);
    const Block &t = doc.blocks[0];
    REQUIRE(t.rows.size() == 3);
    for (const auto &row : t.rows)
        CHECK(row.cells.size() == 3);
    CHECK(doc.slice(t.rows[1].cells[0].range) == u"Benchmark"); // rowspan copy
    CHECK(t.rows[1].cells[0].spanned);
    CHECK(doc.slice(t.rows[0].cells[2].range) == u"Orbit 3");    // colspan copy
    CHECK(doc.slice(t.rows[1].cells[2].range) == u"70B");
    CHECK(t.rows[0].header);
    CHECK(t.rows[1].header);
    CHECK_FALSE(t.rows[2].header);
    CHECK(t.rows[2].cells[2].range.length() == 0); // a missing cell is empty, not invented
    CHECK(test::rangesAreSound(doc));
}

TEST_CASE("builder truncates an enormous block once, with a warning")
{
    Document doc;
    DocumentBuilder b(doc, 1000);
    b.beginBlock(BlockKind::Paragraph);
    for (int i = 0; i < 500; ++i)
        b.appendInline(u"word ");
    b.endBlock();
    REQUIRE(doc.blocks.size() == 1);
    CHECK(doc.blocks[0].range.length() <= 1000);
    CHECK(doc.warnings.size() == 1);
}

TEST_CASE("structure survives encoding, and corrupt structure is refused")
{
    Document doc;
    DocumentBuilder b(doc);
    b.beginBlock(BlockKind::Heading, 2);
    b.appendInline(u"Scores");
    b.endBlock();
    b.beginTable();
    b.beginRow(true);
    b.beginCell(true); b.appendInline(u"Model"); b.endCell();
    b.beginRow();
    b.beginCell(); b.appendInline(u"Kestrel 2"); b.endCell();
    b.endTable();

    auto decoded = decodeStructure(encodeStructure(doc.blocks), doc.text.size());
    REQUIRE(decoded.has_value());
    REQUIRE(decoded->size() == doc.blocks.size());
    CHECK((*decoded)[1].rows[1].cells[0].range == doc.blocks[1].rows[1].cells[0].range);
    CHECK((*decoded)[0].level == 2);

    CHECK_FALSE(decodeStructure("not json", 10).has_value());
    CHECK_FALSE(decodeStructure(encodeStructure(doc.blocks), 3).has_value()); // points past the text
}

TEST_CASE("partial dates keep their precision")
{
    CHECK(PartialDate::fromIso(u"2026").toIso() == u"2026");
    CHECK(PartialDate::fromIso(u"2025-06").toIso() == u"2025-06");
    CHECK(PartialDate::fromIso(u"2025-04-29T04:00:00+08:00").toIso() == u"2025-04-29");
    CHECK_FALSE(PartialDate::fromIso(u"2025-02-30").isValid());
    CHECK_FALSE(PartialDate::fromIso(u"yesterday").isValid());
    CHECK(PartialDate::fromIso(u"2025").sortKey() == u"20250000");
    CHECK(PartialDate::fromIso(u"2025").sortKey() < PartialDate::fromIso(u"2025-01-01").sortKey());
}

TEST_CASE("a table ending in empty cells keeps every range inside the text")
{
    Document doc;
    DocumentBuilder b(doc);
    b.beginTable();
    b.beginRow(true);
    b.beginCell(true); b.appendInline(u"Model"); b.endCell();
    b.beginCell(true); b.appendInline(u"Score"); b.endCell();
    b.beginRow();
    b.beginCell(); b.endCell();
    b.beginCell(); b.appendInline(u"  "); b.endCell();
    b.endTable();
    REQUIRE(doc.blocks.size() == 1);
    CHECK(test::rangesAreSound(doc));
    CHECK(decodeStructure(encodeStructure(doc.blocks), doc.text.size()).has_value());
}
