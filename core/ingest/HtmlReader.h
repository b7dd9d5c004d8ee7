#pragma once

#include "common/Error.h"
#include "ingest/ReadOptions.h"
#include "model/Document.h"

namespace sextant::model {
class DocumentBuilder;
}

namespace sextant::ingest {

/// Reads an HTML page: metadata from <head> (title, Open Graph, article:*,
/// JSON-LD, canonical link), the article's text from <article>/<main>/<body>
/// with scripts, styles, navigation and boilerplate dropped. Nothing is ever
/// fetched: images, frames and links are not followed.
Result<model::Document> readHtml(QByteArrayView bytes, const ReadOptions &options);

/// Appends the blocks of an HTML fragment (an HTML block inside Markdown)
/// to a document being built. Metadata in the fragment is ignored.
void appendHtmlFragment(QByteArrayView utf8, model::DocumentBuilder &builder, const ReadOptions &options);

/// The charset an HTML page declares in its first 1024 bytes, if any.
QByteArray declaredCharset(QByteArrayView head);

/// Rewrites HTML so no element nests deeper than maxDepth, keeping all text.
/// Returns the input unchanged (and flattened == false) when it is within the limit.
QByteArray limitNesting(QByteArrayView html, int maxDepth, bool *flattened);

} // namespace sextant::ingest
