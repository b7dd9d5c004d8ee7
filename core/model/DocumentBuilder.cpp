#include "model/DocumentBuilder.h"

#include <algorithm>

namespace sextant::model {

namespace {
constexpr int kMaxSpan = 1000; // a rowspan of 10^9 must not allocate a galaxy

bool isFoldableSpace(QChar c)
{
    return c.isSpace() || c == QChar(0x200B) /* zero-width space */;
}
} // namespace

DocumentBuilder::DocumentBuilder(Document &doc, qsizetype maxBlockChars)
    : m_doc(doc), m_maxBlockChars(maxBlockChars)
{
}

BlockKind DocumentBuilder::currentKind() const
{
    return m_open ? m_open->kind : (m_table ? BlockKind::Table : BlockKind::Paragraph);
}

void DocumentBuilder::startSegment()
{
    // One '\n' between blocks; the first block starts at 0.
    if (!m_doc.text.isEmpty() && !m_doc.text.endsWith(u'\n'))
        m_doc.text.append(u'\n');
    m_pendingSpace = false;
    m_segmentHasText = false;
}

qsizetype DocumentBuilder::segmentStart() const
{
    if (m_table && m_table->cellOpen)
        return m_table->cellStart;
    return m_open ? m_open->start : m_doc.text.size();
}

void DocumentBuilder::beginBlock(BlockKind kind, int level)
{
    if (m_table) {
        // Blocks inside a table cell (a <p> in a <td>) become part of the cell.
        if (m_table->cellOpen && m_segmentHasText)
            m_pendingSpace = true;
        return;
    }
    if (m_open)
        endBlock();
    startSegment();
    m_open = OpenBlock{kind, level, m_doc.text.size()};
}

void DocumentBuilder::endBlock()
{
    if (m_table || !m_open)
        return;
    const OpenBlock open = *m_open;
    m_open.reset();
    // Trailing white space and newlines are not part of the block.
    while (m_doc.text.size() > open.start && m_doc.text.back().isSpace())
        m_doc.text.chop(1);
    if (m_doc.text.size() == open.start) {
        if (m_doc.text.endsWith(u'\n'))
            m_doc.text.chop(1);
        return;
    }
    m_doc.blocks.push_back(Block{open.kind, {open.start, m_doc.text.size()}, open.level, {}});
}

bool DocumentBuilder::roomFor(qsizetype n)
{
    const qsizetype used = m_doc.text.size() - segmentStart();
    if (used + n <= m_maxBlockChars)
        return true;
    if (!m_truncatedWarned) {
        m_truncatedWarned = true;
        warn(QStringLiteral("a block of text longer than %1 characters was truncated").arg(m_maxBlockChars));
    }
    return false;
}

void DocumentBuilder::appendChars(QStringView text, bool fold)
{
    if (m_table && !m_table->cellOpen)
        return; // text between rows belongs to no cell
    if (!m_open && !m_table) {
        // Loose text outside any block becomes a paragraph of its own.
        bool blank = std::all_of(text.begin(), text.end(), [](QChar c) { return c.isSpace(); });
        if (blank)
            return;
        beginBlock(BlockKind::Paragraph);
    }
    const qsizetype start = segmentStart();
    if (!fold) {
        if (!roomFor(text.size())) {
            const qsizetype room = std::max<qsizetype>(0, m_maxBlockChars - (m_doc.text.size() - start));
            text = text.left(room);
        }
        if (!text.isEmpty()) {
            m_doc.text.append(text);
            m_segmentHasText = true;
        }
        return;
    }
    // Folding: append word by word to keep this linear in the input.
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        if (isFoldableSpace(text[i])) {
            if (m_segmentHasText)
                m_pendingSpace = true;
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < n && !isFoldableSpace(text[j]))
            ++j;
        QStringView word = text.mid(i, j - i);
        const qsizetype need = word.size() + (m_pendingSpace ? 1 : 0);
        if (!roomFor(need))
            return;
        if (m_pendingSpace)
            m_doc.text.append(u' ');
        m_doc.text.append(word);
        m_pendingSpace = false;
        m_segmentHasText = true;
        i = j;
    }
}

void DocumentBuilder::appendInline(QStringView text) { appendChars(text, true); }

void DocumentBuilder::appendVerbatim(QStringView text)
{
    if (m_pendingSpace && m_segmentHasText && !text.isEmpty() && !text.front().isSpace()) {
        m_doc.text.append(u' ');
    }
    m_pendingSpace = false;
    appendChars(text, false);
}

void DocumentBuilder::lineBreak()
{
    if (m_table) {
        if (m_table->cellOpen && m_segmentHasText)
            m_pendingSpace = true; // cells stay on one line
        return;
    }
    if (m_open && m_segmentHasText && roomFor(1)) {
        while (m_doc.text.size() > m_open->start && m_doc.text.back() == u' ')
            m_doc.text.chop(1);
        m_doc.text.append(u'\n');
        m_pendingSpace = false;
    }
}

void DocumentBuilder::beginTable()
{
    if (m_table) {
        // A table nested in a cell is flattened into the cell's text.
        if (m_table->cellOpen && m_segmentHasText)
            m_pendingSpace = true;
        return;
    }
    if (m_open)
        endBlock();
    startSegment();
    m_table = TableState{};
    m_table->start = m_doc.text.size();
}

void DocumentBuilder::beginRow(bool header)
{
    if (!m_table)
        beginTable();
    if (m_table->cellOpen) { // a nested table's row: keep flattening
        m_pendingSpace = m_segmentHasText;
        return;
    }
    if (m_table->rowOpen)
        endRow();
    if (!m_table->rows.empty())
        m_doc.text.append(u'\n');
    m_table->rows.push_back(RawRow{{}, header});
    m_table->rowOpen = true;
}

void DocumentBuilder::beginCell(bool header, int rowspan, int colspan)
{
    if (!m_table || !m_table->rowOpen)
        beginRow(false);
    if (m_table->cellOpen) { // a nested table's cell
        m_pendingSpace = m_segmentHasText;
        return;
    }
    if (!m_table->rows.back().cells.empty())
        m_doc.text.append(u'\t');
    m_table->cellOpen = true;
    m_table->cellStart = m_doc.text.size();
    m_table->cellHeader = header;
    m_table->rowspan = std::clamp(rowspan, 0, kMaxSpan);
    m_table->colspan = std::clamp(colspan, 1, kMaxSpan);
    m_pendingSpace = false;
    m_segmentHasText = false;
}

void DocumentBuilder::endCell()
{
    if (!m_table || !m_table->cellOpen)
        return;
    while (m_doc.text.size() > m_table->cellStart && m_doc.text.back().isSpace())
        m_doc.text.chop(1);
    m_table->rows.back().cells.push_back(RawCell{{m_table->cellStart, m_doc.text.size()},
                                                 m_table->cellHeader, m_table->rowspan, m_table->colspan});
    m_table->cellOpen = false;
    m_pendingSpace = false;
}

void DocumentBuilder::endRow()
{
    if (!m_table || !m_table->rowOpen)
        return;
    if (m_table->cellOpen)
        endCell();
    m_table->rowOpen = false;
}

void DocumentBuilder::endTable()
{
    if (!m_table)
        return;
    endRow();
    TableState table = std::move(*m_table);
    m_table.reset();

    // Rows that ended up with no cells add nothing.
    std::erase_if(table.rows, [](const RawRow &r) { return r.cells.empty(); });
    const bool anyText = std::any_of(table.rows.begin(), table.rows.end(), [](const RawRow &r) {
        return std::any_of(r.cells.begin(), r.cells.end(), [](const RawCell &c) { return c.range.length() > 0; });
    });
    while (m_doc.text.size() > table.start && m_doc.text.back().isSpace())
        m_doc.text.chop(1);
    // Trailing empty cells sat after separators that were just trimmed.
    for (RawRow &row : table.rows)
        for (RawCell &cell : row.cells) {
            cell.range.start = std::min(cell.range.start, m_doc.text.size());
            cell.range.end = std::min(cell.range.end, m_doc.text.size());
        }
    if (!anyText) {
        m_doc.text.truncate(table.start);
        if (m_doc.text.endsWith(u'\n'))
            m_doc.text.chop(1);
        return;
    }

    // Expand rowspan/colspan into a full grid (the HTML table model, simplified:
    // a rowspan of 0 reaches to the last row).
    const qsizetype nrows = static_cast<qsizetype>(table.rows.size());
    std::vector<std::vector<std::optional<TableCell>>> grid(static_cast<size_t>(nrows));
    size_t width = 0;
    for (qsizetype r = 0; r < nrows; ++r) {
        auto &out = grid[static_cast<size_t>(r)];
        size_t col = 0;
        for (const RawCell &cell : table.rows[static_cast<size_t>(r)].cells) {
            while (col < out.size() && out[col].has_value())
                ++col;
            const qsizetype span = cell.rowspan == 0 ? nrows - r : std::min<qsizetype>(cell.rowspan, nrows - r);
            for (qsizetype dr = 0; dr < span; ++dr) {
                auto &row = grid[static_cast<size_t>(r + dr)];
                for (int dc = 0; dc < cell.colspan; ++dc) {
                    const size_t c = col + static_cast<size_t>(dc);
                    if (row.size() <= c)
                        row.resize(c + 1);
                    if (!row[c].has_value())
                        row[c] = TableCell{cell.range, cell.header, dr != 0 || dc != 0};
                }
            }
            col += static_cast<size_t>(cell.colspan);
        }
    }
    for (const auto &row : grid)
        width = std::max(width, row.size());

    Block block{BlockKind::Table, {table.start, m_doc.text.size()}, 0, {}};
    block.rows.reserve(static_cast<size_t>(nrows));
    for (qsizetype r = 0; r < nrows; ++r) {
        TableRow row;
        row.cells.reserve(width);
        bool allHeader = true;
        for (size_t c = 0; c < width; ++c) {
            const auto &slot = c < grid[static_cast<size_t>(r)].size() ? grid[static_cast<size_t>(r)][c] : std::nullopt;
            TableCell cell = slot.value_or(TableCell{{block.range.end, block.range.end}, false, false});
            if (!cell.header && cell.range.length() > 0)
                allHeader = false;
            row.cells.push_back(cell);
        }
        row.header = table.rows[static_cast<size_t>(r)].header || allHeader;
        block.rows.push_back(std::move(row));
    }
    m_doc.blocks.push_back(std::move(block));
}

void DocumentBuilder::warn(const QString &line)
{
    if (!m_doc.warnings.contains(line))
        m_doc.warnings.append(line);
}

} // namespace sextant::model
