#include "ingest/TextReader.h"

#include "ingest/DateParsing.h"
#include "ingest/TextDecoder.h"
#include "ingest/TextHeuristics.h"
#include "model/DocumentBuilder.h"

#include <QRegularExpression>

namespace sextant::ingest {

using model::BlockKind;
using model::Document;
using model::DocumentBuilder;

namespace {

/// Cells glued together: "4.6GPT", "89.5%92.7%", "LicenseSpecialty" twice or more in a line.
bool looksRunTogether(QStringView line)
{
    int junctions = 0, numeric = 0;
    for (qsizetype i = 1; i < line.size(); ++i) {
        const QChar a = line[i - 1], b = line[i];
        if (b.isUpper() && a.isLower())
            ++junctions;
        else if ((b.isUpper() && (a.isDigit() || a == u'%' || a == u')')) || ((a == u'%' || a == u')') && b.isDigit()))
            ++numeric; // "4.6GPT", "89.5%92.7%", "(5-shot)71.2"
    }
    return junctions + numeric >= 3 || numeric >= 2 || (numeric >= 1 && junctions >= 1);
}

bool isBullet(QStringView line, qsizetype *skip)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*(?:[-*+\x{2022}\x{2023}\x{25E6}]|\d{1,3}[.)])\s+)"));
    const auto m = re.match(line);
    if (!m.hasMatch())
        return false;
    *skip = m.capturedEnd();
    return true;
}

bool isUnderline(QStringView line, QChar c)
{
    const QStringView t = line.trimmed();
    return t.size() >= 3 && std::all_of(t.begin(), t.end(), [c](QChar x) { return x == c; });
}

/// A line that reads like a headline rather than a sentence.
bool looksLikeHeading(QStringView line, qsizetype nextLength)
{
    const QStringView t = line.trimmed();
    if (t.size() < 4 || t.size() > 120)
        return false;
    const QChar last = t.back();
    if (last == u'.' || last == u',' || last == u';' || last == u':' || last == u'!')
        return false;
    const auto words = t.split(u' ', Qt::SkipEmptyParts);
    if (words.size() < 2 || words.size() > 16)
        return false;
    if (!(t.front().isUpper() || t.front().isDigit()))
        return false;
    if (findDate(t).date.isValid())
        return false; // a dateline ("2025-06-30 by Heron Research"), not a heading
    // A headline is followed by a paragraph longer than itself.
    return nextLength > t.size();
}

/// A short line that is mostly a date, perhaps with a byline: "March 4, 2026", "By Dana Lee | March 4, 2026",
/// "Published: 2026-03-04".
bool isDatelineLike(QStringView line)
{
    const QStringView t = line.trimmed();
    if (t.size() > 90)
        return false;
    const DateMatch m = findDate(t);
    return m.date.isValid() && (m.end - m.start) * 3 >= t.size() - 30;
}

/// A reStructuredText grid table's border: "+-----+----+" or "+=====+====+", or a
/// row separator under a spanning cell: "+     +----+".
bool isGridBorder(QStringView line)
{
    const QStringView t = line.trimmed();
    if (t.size() < 3 || t.front() != u'+' || t.back() != u'+')
        return false;
    bool rule = false;
    for (const QChar c : t) {
        if (c == u'-' || c == u'=')
            rule = true;
        else if (c != u'+' && c != u' ')
            return false;
    }
    return rule;
}

/// All lines of a group are a grid table: borders and "| cell | cell |" rows.
bool isGridTable(const std::vector<QStringView> &lines)
{
    if (lines.size() < 3 || !isGridBorder(lines.front()) || !isGridBorder(lines.back()))
        return false;
    return std::all_of(lines.begin(), lines.end(), [](QStringView l) {
        const QStringView t = l.trimmed();
        return isGridBorder(l) || (t.size() >= 2 && t.front() == u'|' && t.back() == u'|');
    });
}

/// Reads a grid table into the builder. Column edges are the '+' of the top
/// border; a separator blank under a column continues its cell (a row span);
/// a row line with no '|' at an edge joins the columns (a column span).
void readGridTable(const std::vector<QStringView> &lines, DocumentBuilder &b)
{
    const QStringView top = lines.front();
    std::vector<qsizetype> edges;
    for (qsizetype i = 0; i < top.size(); ++i)
        if (top[i] == u'+')
            edges.push_back(i);
    const size_t columns = edges.size() - 1;
    if (columns == 0)
        return;
    struct Band {
        std::vector<QString> text;    // per column
        std::vector<bool> continues;  // the cell above goes on into this band
        std::vector<int> colspan;     // 0 for a column inside a span
        bool header = false;
    };
    std::vector<Band> bands;
    auto segmentOf = [&](QStringView line, size_t c) {
        const qsizetype from = edges[c] + 1, to = std::min(edges[c + 1], line.size());
        return from < to ? line.mid(from, to - from) : QStringView();
    };
    Band cur;
    auto startBand = [&](QStringView separator) {
        cur = Band{};
        cur.text.assign(columns, QString());
        cur.continues.assign(columns, false);
        cur.colspan.assign(columns, 1);
        for (size_t c = 0; c < columns; ++c) {
                const QStringView seg = segmentOf(separator, c);
            cur.continues[c] = seg.trimmed().isEmpty() && !bands.empty();
        }
    };
    bool haveBand = false, bandHasText = false;
    for (size_t i = 0; i < lines.size(); ++i) {
        const QStringView line = lines[i];
        if (isGridBorder(line)) {
            if (haveBand && bandHasText)
                bands.push_back(cur);
            if (line.contains(u'=') && !bands.empty())
                for (Band &band : bands)
                    band.header = true; // everything above the '=' rule is the header
            startBand(line);
            haveBand = true;
            bandHasText = false;
            continue;
        }
        // A row line: text per column, joining columns where no '|' stands at an edge.
        size_t c = 0;
        while (c < columns) {
            size_t d = c + 1;
            while (d < columns && (edges[d] >= line.size() || line[edges[d]] != u'|'))
                ++d;
            const qsizetype from = edges[c] + 1, to = std::min(edges[d], line.size());
            const QStringView text = from < to ? line.mid(from, to - from).trimmed() : QStringView();
            if (!text.isEmpty()) {
                QString &cell = cur.text[c];
                if (!cell.isEmpty())
                    cell += u' ';
                cell += text.toString();
                bandHasText = true;
            }
            cur.colspan[c] = static_cast<int>(d - c);
            for (size_t k = c + 1; k < d; ++k)
                cur.colspan[k] = 0;
            c = d;
        }
    }
    if (bands.empty())
        return;
    b.beginTable();
    for (size_t r = 0; r < bands.size(); ++r) {
        b.beginRow(bands[r].header);
        for (size_t c = 0; c < columns; ++c) {
            if (bands[r].continues[c] || bands[r].colspan[c] == 0)
                continue; // covered by the cell above or to the left
            int rowspan = 1;
            while (r + static_cast<size_t>(rowspan) < bands.size() && bands[r + static_cast<size_t>(rowspan)].continues[c])
                ++rowspan;
            // A spanning cell's text may go on in the bands it covers.
            QString text = bands[r].text[c];
            for (int k = 1; k < rowspan; ++k)
                if (!bands[r + static_cast<size_t>(k)].text[c].isEmpty())
                    text += u' ' + bands[r + static_cast<size_t>(k)].text[c];
            b.beginCell(bands[r].header, rowspan, bands[r].colspan[c]);
            b.appendInline(text);
            b.endCell();
        }
        b.endRow();
    }
    b.endTable();
}

} // namespace

Result<Document> readText(QByteArrayView bytes, const ReadOptions &options)
{
    Document doc;
    doc.format = model::Format::Text;
    const DecodedText decoded = decodeText(bytes);
    doc.warnings = decoded.warnings();
    QString src = normalizeLineEnds(decoded.text);

    // Group consecutive non-blank lines.
    std::vector<std::vector<QStringView>> groups;
    {
        std::vector<QStringView> cur;
        qsizetype pos = 0;
        const QStringView all(src);
        while (pos <= all.size()) {
            qsizetype nl = all.indexOf(u'\n', pos);
            if (nl < 0)
                nl = all.size();
            const QStringView line = all.mid(pos, nl - pos);
            if (line.trimmed().isEmpty()) {
                if (!cur.empty())
                    groups.push_back(std::move(cur));
                cur.clear();
            } else {
                cur.push_back(line);
            }
            pos = nl + 1;
        }
        if (!cur.empty())
            groups.push_back(std::move(cur));
    }

    DocumentBuilder b(doc, options.maxBlockChars);
    auto groupLength = [&](size_t i) -> qsizetype {
        if (i >= groups.size())
            return 0;
        qsizetype n = 0;
        for (QStringView l : groups[i])
            n += l.size();
        return n;
    };

    bool titleFound = false;
    auto emitTitle = [&](QStringView line) {
        titleFound = true;
        b.beginBlock(BlockKind::Heading, 1);
        b.appendInline(line);
        b.endBlock();
        doc.meta.title = line.trimmed().toString();
        doc.meta.titleFrom = QStringLiteral("first line");
    };
    for (size_t g = 0; g < groups.size(); ++g) {
        std::vector<QStringView> lines = groups[g];
        // A headline with its dateline under it, no blank line between ("…\nBy Dana Lee | March 4, 2026"):
        // the title, then the dateline as a block of its own.
        if (!titleFound && g < 12 && lines.size() >= 2 && isHeadline(lines[0]) && isDatelineLike(lines[1])) {
            emitTitle(lines[0]);
            b.beginBlock(BlockKind::Paragraph);
            b.appendInline(lines[1]);
            b.endBlock();
            lines.erase(lines.begin(), lines.begin() + 2);
            if (lines.empty())
                continue;
        }
        // Tab-separated lines with the same number of columns: a table.
        const qsizetype tabs = lines.front().count(u'\t');
        const bool table = lines.size() >= 2 && tabs >= 1
                           && std::all_of(lines.begin(), lines.end(), [&](QStringView l) { return l.count(u'\t') == tabs; });
        if (isGridTable(lines)) { // reStructuredText
            readGridTable(lines, b);
            continue;
        }
        if (table) {
            b.beginTable();
            for (size_t r = 0; r < lines.size(); ++r) {
                b.beginRow(r == 0);
                for (QStringView cell : lines[r].split(u'\t')) {
                    b.beginCell(r == 0);
                    b.appendInline(cell);
                    b.endCell();
                }
                b.endRow();
            }
            b.endTable();
            continue;
        }
        // Setext: "Title\n=====".
        if (lines.size() == 2 && (isUnderline(lines[1], u'=') || isUnderline(lines[1], u'-'))) {
            b.beginBlock(BlockKind::Heading, isUnderline(lines[1], u'=') ? 1 : 2);
            b.appendInline(lines[0]);
            b.endBlock();
            continue;
        }
        if (!titleFound && g < 12 && lines.size() == 1 && isHeadline(lines[0])) {
            emitTitle(lines[0]);
            continue;
        }
        if (lines.size() == 1 && looksLikeHeading(lines[0], groupLength(g + 1))) {
            b.beginBlock(BlockKind::Heading, 2);
            b.appendInline(lines[0]);
            b.endBlock();
            continue;
        }
        // Hard-wrapped prose (lines of similar width) is one paragraph; lines
        // of very different lengths, as web page copies have, stand alone.
        qsizetype longest = 0;
        for (QStringView l : lines)
            longest = std::max(longest, l.size());
        // Rows of a table whose cells ran together when a page was copied
        // ("GLM-5.1Zhipu AI744B / 40BMIT") stay one line each.
        const bool wrapped = lines.size() > 1 && longest <= 100
                             && std::all_of(lines.begin(), lines.end() - 1,
                                            [&](QStringView l) { return l.size() >= longest * 6 / 10; })
                             && std::none_of(lines.begin(), lines.end(), looksRunTogether);
        qsizetype skip = 0;
        for (size_t i = 0; i < lines.size(); ++i) {
            const QStringView line = lines[i];
            if (isBullet(line, &skip)) {
                b.endBlock();
                b.beginBlock(BlockKind::ListItem, 1);
                b.appendInline(line.mid(skip));
                continue;
            }
            if (wrapped && b.inBlock()) {
                b.appendInline(QStringLiteral(" ")); // a wrapped line continues its block
            } else {
                b.endBlock();
                b.beginBlock(BlockKind::Paragraph);
            }
            b.appendInline(line);
        }
        b.endBlock();
    }
    return doc;
}

} // namespace sextant::ingest
