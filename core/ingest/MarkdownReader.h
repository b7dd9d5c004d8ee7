#pragma once

#include "common/Error.h"
#include "ingest/ReadOptions.h"
#include "model/Document.h"

namespace sextant::ingest {

/// Reads CommonMark with cmark, plus what real-world Markdown carries: YAML or
/// TOML front matter (into metadata), GitHub pipe tables, HTML blocks (their
/// tables included), and Hugo/Jekyll shortcodes and MDX imports and components,
/// which are removed rather than leaking into the text.
Result<model::Document> readMarkdown(QByteArrayView bytes, const ReadOptions &options);

/// cmark's version, for About.
QString markdownLibraryVersion();

} // namespace sextant::ingest
