#pragma once

#include "store/Store.h"

#include <QAbstractTableModel>
#include <QHash>
#include <functional>
#include <vector>

namespace sextant::ui {

/// The source list: a page-at-a-time view of a store::SourceQuery, so a
/// library of 100,000 sources shows its first rows at once. Sorting and
/// filtering change the query (SQLite does the work); rows are fetched in
/// pages as the view asks for them and kept until the query changes.
class SourcesModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Title, Publisher, Published, Added, Entities, Annotations, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;
    static constexpr int PageSize = 200;

    /// Runs queries on the caller's store (the UI thread's library).
    using Fetch = std::function<Result<std::vector<store::SourceSummary>>(const store::SourceQuery &)>;
    using Count = std::function<Result<qint64>(const store::SourceQuery &)>;

    explicit SourcesModel(QObject *parent = nullptr);
    void setBackend(Fetch fetch, Count count);

    /// Shows the sources a query selects (its order, limit and offset are the model's own).
    void setQuery(const store::SourceQuery &query);
    [[nodiscard]] const store::SourceQuery &query() const { return m_query; }
    /// Queries again (after an ingest or a removal), keeping the order and filter.
    void reload();
    [[nodiscard]] const store::SourceSummary *source(int row) const;
    [[nodiscard]] int rowOf(qint64 sourceId) const; ///< among the rows fetched so far; -1 when none
    [[nodiscard]] QString lastError() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order) override;

private:
    const std::vector<store::SourceSummary> *page(int index) const;

    Fetch m_fetch;
    Count m_count;
    store::SourceQuery m_query;
    qint64 m_total = 0;
    mutable QHash<int, std::vector<store::SourceSummary>> m_pages;
    mutable QString m_error;
};

} // namespace sextant::ui
