#include "model/StructureCodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sextant::model {

QByteArray encodeStructure(const std::vector<Block> &blocks)
{
    QJsonArray out;
    for (const Block &b : blocks) {
        QJsonArray jb{static_cast<int>(b.kind), static_cast<qint64>(b.range.start), static_cast<qint64>(b.range.end),
                      b.level};
        if (b.kind == BlockKind::Table) {
            QJsonArray rows;
            for (const TableRow &r : b.rows) {
                QJsonArray cells;
                for (const TableCell &c : r.cells)
                    cells.append(QJsonArray{static_cast<qint64>(c.range.start), static_cast<qint64>(c.range.end),
                                            (c.header ? 1 : 0) | (c.spanned ? 2 : 0)});
                rows.append(QJsonArray{r.header ? 1 : 0, cells});
            }
            jb.append(rows);
        }
        out.append(jb);
    }
    return QJsonDocument(out).toJson(QJsonDocument::Compact);
}

Result<std::vector<Block>> decodeStructure(const QByteArray &json, qsizetype textLength)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError || !doc.isArray())
        return fail(ErrorCode::Corrupt, QStringLiteral("document structure is not valid JSON: %1").arg(err.errorString()));
    auto inText = [&](qint64 s, qint64 e) { return s >= 0 && e >= s && e <= textLength; };
    std::vector<Block> blocks;
    const QJsonArray arr = doc.array();
    blocks.reserve(static_cast<size_t>(arr.size()));
    for (const QJsonValue &v : arr) {
        const QJsonArray jb = v.toArray();
        if (jb.size() < 4)
            return fail(ErrorCode::Corrupt, QStringLiteral("document structure has a malformed block"));
        const int kind = jb[0].toInt(-1);
        if (kind < 0 || kind > static_cast<int>(BlockKind::Quote))
            return fail(ErrorCode::Corrupt, QStringLiteral("document structure has an unknown block kind %1").arg(kind));
        Block b{static_cast<BlockKind>(kind), {jb[1].toInteger(), jb[2].toInteger()}, jb[3].toInt(), {}};
        if (!inText(b.range.start, b.range.end))
            return fail(ErrorCode::Corrupt, QStringLiteral("document structure points outside the text"));
        if (b.kind == BlockKind::Table && jb.size() > 4) {
            for (const QJsonValue &rv : jb[4].toArray()) {
                const QJsonArray jr = rv.toArray();
                TableRow row;
                row.header = jr[0].toInt() != 0;
                for (const QJsonValue &cv : jr[1].toArray()) {
                    const QJsonArray jc = cv.toArray();
                    TableCell c{{jc[0].toInteger(), jc[1].toInteger()}, (jc[2].toInt() & 1) != 0, (jc[2].toInt() & 2) != 0};
                    if (!inText(c.range.start, c.range.end))
                        return fail(ErrorCode::Corrupt, QStringLiteral("a table cell points outside the text"));
                    row.cells.push_back(c);
                }
                b.rows.push_back(std::move(row));
            }
        }
        blocks.push_back(std::move(b));
    }
    return blocks;
}

QByteArray structureToReadableJson(const Document &doc)
{
    QJsonArray out;
    for (const Block &b : doc.blocks) {
        QJsonObject jb{{QStringLiteral("kind"), blockKindName(b.kind)},
                       {QStringLiteral("start"), static_cast<qint64>(b.range.start)},
                       {QStringLiteral("end"), static_cast<qint64>(b.range.end)}};
        if (b.level)
            jb.insert(QStringLiteral("level"), b.level);
        if (b.kind == BlockKind::Table) {
            QJsonArray rows;
            for (const TableRow &r : b.rows) {
                QJsonArray cells;
                for (const TableCell &c : r.cells)
                    cells.append(doc.slice(c.range));
                rows.append(QJsonObject{{QStringLiteral("header"), r.header}, {QStringLiteral("cells"), cells}});
            }
            jb.insert(QStringLiteral("rows"), rows);
        } else {
            jb.insert(QStringLiteral("text"), doc.slice(b.range));
        }
        out.append(jb);
    }
    return QJsonDocument(out).toJson(QJsonDocument::Compact);
}

} // namespace sextant::model
