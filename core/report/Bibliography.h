#pragma once

// The library's sources as a report cites them: CSL-JSON, BibTeX, and a
// bibliography in Markdown. Everything from sources is escaped for its format.

#include "store/Store.h"

#include <QString>
#include <vector>

namespace sextant::report {

QString cslJson(const std::vector<store::SourceSummary> &sources);
QString bibtex(const std::vector<store::SourceSummary> &sources);
/// "Title. Publisher, 2026-04-08. <url>" — one Markdown list item per source.
QString markdownBibliography(const std::vector<store::SourceSummary> &sources);
/// A stable citation key: "meta2026muse".
QString citationKey(const store::SourceSummary &source);

/// Escapes text for Markdown inline content (no markup, no raw HTML survives).
QString escapeMarkdown(const QString &text);
/// Escapes text for HTML element content and attribute values.
QString escapeHtml(const QString &text);

} // namespace sextant::report
