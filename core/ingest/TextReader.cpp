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
    for (size_t g = 0; g < groups.size(); ++g) {
        const auto &lines = groups[g];
        // Tab-separated lines with the same number of columns: a table.
        const qsizetype tabs = lines.front().count(u'\t');
        const bool table = lines.size() >= 2 && tabs >= 1
                           && std::all_of(lines.begin(), lines.end(), [&](QStringView l) { return l.count(u'\t') == tabs; });
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
            titleFound = true;
            b.beginBlock(BlockKind::Heading, 1);
            b.appendInline(lines[0]);
            b.endBlock();
            doc.meta.title = lines[0].trimmed().toString();
            doc.meta.titleFrom = QStringLiteral("first line");
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
