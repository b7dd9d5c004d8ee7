#pragma once

#include "store/Store.h"

#include <QAbstractTableModel>
#include <vector>

namespace sextant::ui {

/// The library's sources as a table (title, publisher, published, format,
/// added). Adapts store::SourceSummary; sorting is done by a proxy.
class SourcesModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Title, Publisher, Published, Format, Added, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;
    static constexpr int SortRole = Qt::UserRole + 2;

    explicit SourcesModel(QObject *parent = nullptr);

    void setSources(std::vector<store::SourceSummary> rows);
    [[nodiscard]] const store::SourceSummary *source(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<store::SourceSummary> m_rows;
};

} // namespace sextant::ui
