#pragma once

#include "common/Error.h"
#include "model/PartialDate.h"

#include <QHash>
#include <QString>
#include <functional>
#include <memory>
#include <vector>

namespace sextant::index {

/// What of a source goes into the search index.
struct IndexFields {
    QString title;
    QString text;
    QString publisher;
    QString author;
    QString url;
    QString format; ///< "html", "markdown", "text"
    model::PartialDate published;
};

/// A document whose terms are already generated, ready to be written. Built
/// on any thread (term generation is the costly part of indexing, so ingest
/// does it on its worker threads), written by the one writer.
class PreparedDocument {
public:
    PreparedDocument();
    ~PreparedDocument();
    PreparedDocument(PreparedDocument &&) noexcept;
    PreparedDocument &operator=(PreparedDocument &&) noexcept;

    struct Impl;

private:
    friend class SearchIndex;
    friend PreparedDocument prepareDocument(const IndexFields &fields);
    std::unique_ptr<Impl> d;
};

/// Generates the terms of a document. Thread-safe; never throws.
PreparedDocument prepareDocument(const IndexFields &fields);

struct SearchOptions {
    enum class Sort { Relevance, NewestFirst, OldestFirst };
    int offset = 0;
    int limit = 10;
    Sort sort = Sort::Relevance;
    bool snippets = true;
    int snippetLength = 220; ///< characters of text around the best match
};

struct SearchHit {
    qint64 sourceId = 0;
    int rank = 0; ///< 0-based over the whole result, not the page
    double weight = 0;
    int percent = 0;
    QString snippet;                          ///< plain text
    std::vector<std::pair<int, int>> marks;   ///< (start, length) of matched terms in the snippet
};

struct SearchResults {
    qint64 estimatedTotal = 0;
    std::vector<SearchHit> hits;
    QString correctedQuery; ///< a spelling suggestion when some word matched nothing
};

/// The Xapian index of a library: derived from the store, rebuilt at will.
/// Document ids are source ids; each document records the version it holds.
///
/// Query language: words (stemmed, English), "phrases", AND/OR/NOT/XOR,
/// +must -mustnot, NEAR and NEAR/n, wildcards (llam*), fields title:,
/// publisher: (alias source:), author:, type: (html/markdown/text), site:
/// (a host), and date ranges date:2025-01-01..2026-04-30 (also date:2025..,
/// date:..2024-06). Words are ANDed by default.
class SearchIndex final {
public:
    /// Errors: NotFound (no index there), Busy (another writer), Corrupt, Io.
    static Result<std::unique_ptr<SearchIndex>> openWritable(const QString &path);
    static Result<std::unique_ptr<SearchIndex>> openReadOnly(const QString &path);
    ~SearchIndex();
    Q_DISABLE_COPY_MOVE(SearchIndex)

    [[nodiscard]] static QString libraryVersion(); ///< Xapian's version, for About

    Result<void> replace(qint64 sourceId, qint64 versionId, PreparedDocument &&doc);
    Result<void> remove(qint64 sourceId);
    Result<void> commit();
    /// Sees the latest committed state (readers call it before searching).
    Result<void> refresh();

    /// sourceId -> versionId of every document the index holds.
    Result<QHash<qint64, qint64>> contents();
    [[nodiscard]] qint64 documentCount();

    /// textFor gives the text of hits for snippets (the index keeps no text).
    Result<SearchResults> search(const QString &query, const SearchOptions &options,
                                 const std::function<QHash<qint64, QString>(const std::vector<qint64> &)> &textFor);

private:
    struct Impl;
    explicit SearchIndex(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace sextant::index
