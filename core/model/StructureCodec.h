#pragma once

#include "common/Error.h"
#include "model/Document.h"

#include <QByteArray>

namespace sextant::model {

/// Serializes a document's blocks (not its text) to compact JSON, the form
/// the store keeps: [[kind, start, end, level, rows?], ...] where rows are
/// [[headerFlag, [[start, end, flags], ...]], ...] and flags bit 0 = header
/// cell, bit 1 = spanned copy. Compact because it is written per document.
QByteArray encodeStructure(const std::vector<Block> &blocks);
Result<std::vector<Block>> decodeStructure(const QByteArray &json, qsizetype textLength);

/// The blocks as readable JSON objects, for `show --json` and exports.
QByteArray structureToReadableJson(const Document &doc);

} // namespace sextant::model
