#pragma once

#include "model/PartialDate.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

namespace sextant::model {

/// The formats Sextant reads. The name is what `type:` searches and the CLI print.
enum class Format : std::uint8_t { Unknown, Html, Markdown, Text, Pdf };
QString formatName(Format format);
Format formatFromName(const QString &name);

/// A half-open range [start, end) of UTF-16 code units in Document::text.
/// Every later layer (snippets, mentions, annotations) points into the text
/// with these; they are stable for a given version of a source.
struct TextRange {
    qsizetype start = 0;
    qsizetype end = 0;
    [[nodiscard]] qsizetype length() const { return end - start; }
    bool operator==(const TextRange &) const = default;
};

enum class BlockKind : std::uint8_t { Heading, Paragraph, ListItem, Table, Code, Quote };
QString blockKindName(BlockKind kind);

struct TableCell {
    TextRange range;
    bool header = false;  ///< a <th>, or a cell of a header row
    bool spanned = false; ///< a copy made by expanding rowspan/colspan; range is the origin cell's
};

struct TableRow {
    std::vector<TableCell> cells;
    bool header = false; ///< a header row (<thead>, all <th>, or the row above a Markdown delimiter)
};

/// One block of a document. Tables are grids: rowspan/colspan are already
/// expanded, so every row of a table has the same number of cells.
struct Block {
    BlockKind kind = BlockKind::Paragraph;
    TextRange range;
    int level = 0; ///< heading level 1-6; list nesting depth from 1; 0 otherwise
    std::vector<TableRow> rows;
};

/// Where a metadata value came from, for `show` and for debugging extraction.
struct Metadata {
    QString title;
    QString author;
    QString publisher;
    QString url;
    PartialDate published;
    QString titleFrom;     ///< e.g. "og:title", "front matter", "first heading"
    QString publishedFrom; ///< e.g. "json-ld", "file name", "dateline"
};

struct Document {
    QString text;
    std::vector<Block> blocks;
    Metadata meta;
    Format format = Format::Unknown;
    QStringList warnings; ///< one line each: truncations, replaced bytes, fallbacks

    [[nodiscard]] QString slice(TextRange r) const { return text.mid(r.start, r.length()); }
};

} // namespace sextant::model
