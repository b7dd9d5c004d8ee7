#pragma once

#include "index/SearchIndex.h"

#include <QHash>
#include <QWidget>
#include <functional>

class QComboBox;
class QLabel;
class QListView;
class QTreeWidget;
class QTreeWidgetItem;

namespace sextant::library {
class Library;
}

namespace sextant::ui {

class SearchResultsModel;

/// Search results as you type, with facets to narrow them: the models,
/// organizations and benchmarks the matching sources mention, openness,
/// publisher and a range of years, each value with its count.
class SearchPane final : public QWidget {
    Q_OBJECT
public:
    using LibraryAccess = std::function<library::Library *()>;
    explicit SearchPane(LibraryAccess library, QWidget *parent = nullptr);

    /// Runs a query with the facets selected; returns false on an error (shown in the pane).
    /// Does nothing when neither the query nor the facets changed, unless forced (new sources).
    bool search(const QString &query, bool force = false);
    void clear();
    [[nodiscard]] const QString &query() const { return m_query; }
    [[nodiscard]] index::SearchFilters filters() const;

    /// Checks a facet value ("publisher", "Wire One"), as a click would.
    bool selectFacet(const QString &facet, const QString &value);
    void setYearRange(const QString &from, const QString &to);

    QListView *resultsView() const { return m_results; }
    SearchResultsModel *resultsModel() const { return m_model; }
    QTreeWidget *facetsView() const { return m_facets; }

Q_SIGNALS:
    void sourceActivated(qint64 id);
    void suggestionChosen(const QString &query);

private:
    void fillFacets(const QHash<QString, std::vector<index::FacetCount>> &facets);

    LibraryAccess m_library;
    QString m_query;
    QListView *m_results = nullptr;
    SearchResultsModel *m_model = nullptr;
    QLabel *m_info = nullptr;
    QTreeWidget *m_facets = nullptr;
    QComboBox *m_from = nullptr;
    QComboBox *m_to = nullptr;
    QHash<QString, QStringList> m_selected; ///< facet -> values checked
    bool m_filling = false;
    bool m_direct = false;
    QString m_lastSignature; ///< selectFacet() searches itself
};

} // namespace sextant::ui
