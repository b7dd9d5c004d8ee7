#pragma once

#include "extract/Extraction.h"
#include "index/SearchIndex.h"
#include "library/IngestEngine.h"
#include "library/Knowledge.h"
#include "library/Library.h"
#include "library/Maintenance.h"
#include "store/Store.h"

#include <QString>

namespace sextant::cli {

/// Results go to stdout, messages to stderr, both UTF-8.
class Output {
public:
    void text(const QString &s);  ///< stdout, as is
    void line(const QString &s);  ///< stdout, with a newline
    void error(const QString &s); ///< stderr: "sextant: ..."
    void note(const QString &s);  ///< stderr, as is
    [[nodiscard]] bool stdoutIsTerminal() const;
};

void printIngestSummary(Output &out, const library::IngestSummary &s, bool json);
void printSourceList(Output &out, const std::vector<store::SourceSummary> &rows, bool json);
void printVersions(Output &out, const std::vector<store::VersionRecord> &versions, bool json);
void printDocument(Output &out, const store::StoredDocument &doc, int versionCount, const QString &libraryRoot, bool json,
                   bool metaOnly);
void printSearch(Output &out, const QString &query, const index::SearchOptions &opts, const library::SearchPage &page, bool json);
void printCheck(Output &out, const library::CheckReport &r, bool json);

void printExtraction(Output &out, const extract::Extraction &x, const model::Document &doc, bool json);

void printEntities(Output &out, const library::Knowledge &k, const QString &kind, bool json);
void printScores(Output &out, const std::vector<const library::KnownScore *> &scores, bool json);
void printTimeline(Output &out, const library::Knowledge &k, bool json);
void printConflicts(Output &out, const library::Knowledge &k, bool json);
void printExport(Output &out, const library::Knowledge &k);
void printCorrections(Output &out, const std::vector<store::CorrectionRow> &rows, bool json);

/// The structured text as Markdown-like plain text (headings, lists, tables).
QString renderPlain(const model::Document &doc);

} // namespace sextant::cli
