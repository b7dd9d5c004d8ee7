#pragma once

#include "common/Error.h"
#include "ingest/ReadOptions.h"
#include "model/Document.h"

namespace sextant::ingest {

/// Turns one file's bytes into a structured Document: picks the reader for
/// the format (sniffing content when the format is Unknown), then fills
/// metadata the format did not give: a title from the first heading or a
/// headline-like first line, a published date from a dateline near the top
/// ("2026-04-13 by AICC") or from the file name ("2024-07-23-llama31.md").
///
/// Errors: Empty (no bytes or no text), Binary (not text), Unsupported (PDF),
/// TooLarge (HTML over its parse limit). Never throws.
Result<model::Document> readDocument(QByteArrayView bytes, model::Format format, const ReadOptions &options);

/// The metadata fallbacks on their own, for readers' tests.
void completeMetadata(model::Document &doc, const QString &fileName);

} // namespace sextant::ingest
