#pragma once

#include "common/Error.h"
#include "ingest/ReadOptions.h"
#include "model/Document.h"

namespace sextant::ingest {

/// Reads plain text, including text copied from web pages: paragraphs split at
/// blank lines (hard-wrapped lines joined), setext underlines and short
/// headline-like lines as headings, bullets as list items, tab-separated lines
/// as tables.
Result<model::Document> readText(QByteArrayView bytes, const ReadOptions &options);

} // namespace sextant::ingest
