#pragma once

#include "extract/Extraction.h"

#include <QJsonObject>

namespace sextant::extract {

/// One document's extraction as JSON, quotes sliced from its text (for
/// `sextant extract`, a preview of what a file would add to a library).
QJsonObject extractionToJson(const Extraction &x, const model::Document &doc);

} // namespace sextant::extract
