#include "SourcesModel.h"

#include <QDateTime>
#include <QLocale>

namespace sextant::ui {

SourcesModel::SourcesModel(QObject *parent) : QAbstractTableModel(parent) {}

void SourcesModel::setBackend(Fetch fetch, Count count)
{
    m_fetch = std::move(fetch);
    m_count = std::move(count);
    reload();
}

void SourcesModel::setQuery(const store::SourceQuery &query)
{
    const store::SourceOrder order = m_query.order;
    const bool descending = m_query.descending;
    m_query = query;
    m_query.order = order;
    m_query.descending = descending;
    reload();
}

void SourcesModel::reload()
{
    beginResetModel();
    m_pages.clear();
    m_total = 0;
    m_error.clear();
    if (m_count) {
        if (auto n = m_count(m_query))
            m_total = *n;
        else
            m_error = n.error().message;
    }
    endResetModel();
}

const std::vector<store::SourceSummary> *SourcesModel::page(int index) const
{
    auto it = m_pages.find(index);
    if (it != m_pages.end())
        return &*it;
    if (!m_fetch)
        return nullptr;
    store::SourceQuery q = m_query;
    q.limit = PageSize;
    q.offset = qint64(index) * PageSize;
    auto rows = m_fetch(q);
    if (!rows) {
        m_error = rows.error().message;
        return nullptr;
    }
    return &*m_pages.insert(index, std::move(*rows));
}

const store::SourceSummary *SourcesModel::source(int row) const
{
    if (row < 0 || row >= m_total)
        return nullptr;
    const auto *p = page(row / PageSize);
    const size_t at = static_cast<size_t>(row % PageSize);
    return p && at < p->size() ? &(*p)[at] : nullptr;
}

int SourcesModel::rowOf(qint64 sourceId) const
{
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it)
        for (size_t i = 0; i < it->size(); ++i)
            if ((*it)[i].id == sourceId)
                return it.key() * PageSize + static_cast<int>(i);
    return -1;
}

int SourcesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(std::min<qint64>(m_total, std::numeric_limits<int>::max()));
}

int SourcesModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant SourcesModel::data(const QModelIndex &index, int role) const
{
    const store::SourceSummary *s = source(index.row());
    if (!s)
        return {};
    if (role == IdRole)
        return s->id;
    if (role == Qt::TextAlignmentRole && (index.column() == Entities || index.column() == Annotations))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Title)
        return s->originalPath;
    if (role == Qt::ToolTipRole && index.column() == Added)
        return s->addedAt;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Title: return s->title;
    case Publisher: return s->publisher;
    case Published: return s->published.isValid() ? s->published.toIso() : QString();
    case Added: {
        const QDateTime t = QDateTime::fromString(s->addedAt, Qt::ISODate);
        return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd")) : s->addedAt;
    }
    case Entities: return s->entityCount;
    case Annotations: return s->annotationCount > 0 ? QVariant(s->annotationCount) : QVariant(QString());
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
    case Added: return tr("Added");
    case Entities: return tr("Entities");
    case Annotations: return tr("Notes");
    default: return {};
    }
}

void SourcesModel::sort(int column, Qt::SortOrder order)
{
    static const store::SourceOrder byColumn[] = {store::SourceOrder::Title,  store::SourceOrder::Publisher,
                                                  store::SourceOrder::Published, store::SourceOrder::Added,
                                                  store::SourceOrder::Entities, store::SourceOrder::Annotations};
    if (column < 0 || column >= ColumnCount)
        return;
    m_query.order = byColumn[column];
    m_query.descending = order == Qt::DescendingOrder;
    reload();
}

} // namespace sextant::ui
