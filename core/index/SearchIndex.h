#pragma once

#include "common/Error.h"
#include "model/PartialDate.h"

#include <QHash>
#include <QString>
#include <QStringList>
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
    /// Entities extraction found (keys) with their mention counts: searchable,
    /// filterable and counted as facets.
    std::vector<std::pair<QString, int>> entities;
    QStringList openness; ///< "open", "closed": of the models the source mentions
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
    friend PreparedDocument prepareDocumentWithTermGenerator(const IndexFields &fields);
    friend QStringList describeTerms(const PreparedDocument &doc);
    std::unique_ptr<Impl> d;
};

/// Generates the terms of a document. Thread-safe; never throws.
PreparedDocument prepareDocument(const IndexFields &fields);
/// prepareDocument() with Xapian's TermGenerator splitting the words, as the
/// QueryParser splits queries: the reference tests hold prepareDocument() to.
PreparedDocument prepareDocumentWithTermGenerator(const IndexFields &fields);
/// A prepared document's terms, one "term wdf positions..." line each, in term order.
QStringList describeTerms(const PreparedDocument &doc);

/// Narrowing of a search to what facets selected.
struct SearchFilters {
    QStringList entities;   ///< keys; a source must mention each (a key may be "a|b": either)
    QStringList openness;   ///< any of these
    QStringList publishers; ///< any of these, exactly
    QString dateFrom, dateTo; ///< ISO year, month or day; either may be empty

    [[nodiscard]] bool isEmpty() const
    {
        return entities.isEmpty() && openness.isEmpty() && publishers.isEmpty() && dateFrom.isEmpty() && dateTo.isEmpty();
    }
};

/// A name in the query that is an alias of known entities ("Avocado" is
/// Muse Spark's codename): sources mentioning them match too.
struct QueryExpansion {
    QString surface; ///< as typed in the query
    QStringList keys;
};

struct SearchOptions {
    enum class Sort { Relevance, NewestFirst, OldestFirst };
    int offset = 0;
    int limit = 10;
    Sort sort = Sort::Relevance;
    bool snippets = true;
    int snippetLength = 220; ///< characters of text around the best match
    SearchFilters filters;
    std::vector<QueryExpansion> expansions;
    bool facets = false;       ///< count entity, openness, publisher and year facets
    int facetSample = 50000;   ///< matches examined for facet counts at most
};

struct FacetCount {
    QString value;
    qint64 count = 0;
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
    /// "entity" (keys), "openness", "publisher", "year": values with counts, commonest first.
    QHash<QString, std::vector<FacetCount>> facets;
    bool facetsExact = true; ///< false when more matched than were examined
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
    /// What the documents hold (terms, values); a library whose index was
    /// written with another format is reindexed before its next ingest.
    [[nodiscard]] static int formatVersion() { return 2; }

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
