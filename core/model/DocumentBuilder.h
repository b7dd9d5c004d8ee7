#pragma once

#include "model/Document.h"

#include <QStringView>
#include <optional>

namespace sextant::model {

/// Builds a Document's text and blocks together, so every block's range is
/// right by construction. All readers (HTML, Markdown, text) write through it.
///
/// Blocks are separated by one '\n'; table cells by '\t' and rows by '\n'.
/// Inline text has runs of white space folded to one space; code keeps its own.
/// A block longer than maxBlockChars is cut at that length with one warning.
class DocumentBuilder final {
public:
    explicit DocumentBuilder(Document &doc, qsizetype maxBlockChars = 1'000'000);

    void beginBlock(BlockKind kind, int level = 0);
    void appendInline(QStringView text);   ///< folds white space
    void appendVerbatim(QStringView text); ///< keeps white space (code blocks)
    void lineBreak();                      ///< a hard '\n' inside the block
    void endBlock();                       ///< an empty block is dropped
    [[nodiscard]] bool inBlock() const { return m_open.has_value(); }
    [[nodiscard]] BlockKind currentKind() const;

    void beginTable();
    void beginRow(bool header = false);
    void beginCell(bool header = false, int rowspan = 1, int colspan = 1);
    void endCell();
    void endRow();
    void endTable(); ///< expands spans into a grid; drops a table with no text
    [[nodiscard]] bool inTable() const { return m_table.has_value(); }
    [[nodiscard]] bool inCell() const { return m_table && m_table->cellOpen; }

    void warn(const QString &line);

private:
    struct RawCell {
        TextRange range;
        bool header;
        int rowspan;
        int colspan;
    };
    struct RawRow {
        std::vector<RawCell> cells;
        bool header;
    };
    struct TableState {
        qsizetype start = 0;
        std::vector<RawRow> rows;
        bool rowOpen = false;
        bool cellOpen = false;
        qsizetype cellStart = 0;
        bool cellHeader = false;
        int rowspan = 1;
        int colspan = 1;
    };
    struct OpenBlock {
        BlockKind kind;
        int level;
        qsizetype start;
    };

    void startSegment();
    void appendChars(QStringView text, bool fold);
    [[nodiscard]] bool roomFor(qsizetype n);
    qsizetype segmentStart() const;

    Document &m_doc;
    qsizetype m_maxBlockChars;
    std::optional<OpenBlock> m_open;
    std::optional<TableState> m_table;
    bool m_pendingSpace = false;
    bool m_truncatedWarned = false;
    bool m_segmentHasText = false;
};

} // namespace sextant::model
