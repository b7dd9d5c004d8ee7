#include "models/SourcesModel.h"

namespace sextant::ui {

SourcesModel::SourcesModel(QObject *parent) : QAbstractTableModel(parent) {}

void SourcesModel::setSources(std::vector<store::SourceSummary> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

const store::SourceSummary *SourcesModel::source(int row) const
{
    return row >= 0 && row < static_cast<int>(m_rows.size()) ? &m_rows[static_cast<size_t>(row)] : nullptr;
}

int SourcesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SourcesModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant SourcesModel::data(const QModelIndex &index, int role) const
{
    const store::SourceSummary *s = source(index.row());
    if (!s)
        return {};
    if (role == IdRole)
        return s->id;
    if (role == Qt::ToolTipRole)
        return s->originalPath;
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (index.column()) {
    case Title: return s->title;
    case Publisher: return s->publisher;
    case Published: return role == SortRole ? s->published.sortKey() : s->published.toIso();
    case Format: return model::formatName(s->format);
    case Added: return role == SortRole ? s->addedAt : s->addedAt.left(10);
    default: return {};
    }
}

QVariant SourcesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title: return tr("Title");
    case Publisher: return tr("Publisher");
    case Published: return tr("Published");
    case Format: return tr("Format");
    case Added: return tr("Added");
    default: return {};
    }
}

} // namespace sextant::ui
