#include "models/SearchResultsModel.h"

namespace sextant::ui {

SearchResultsModel::SearchResultsModel(QObject *parent) : QAbstractListModel(parent) {}

void SearchResultsModel::setPage(library::SearchPage page)
{
    beginResetModel();
    m_page = std::move(page);
    endResetModel();
}

void SearchResultsModel::clear() { setPage({}); }

int SearchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_page.results.hits.size());
}

QString SearchResultsModel::snippetHtml(const index::SearchHit &hit)
{
    QString html;
    int pos = 0;
    for (const auto &[start, len] : hit.marks) {
        html += hit.snippet.mid(pos, start - pos).toHtmlEscaped();
        html += QStringLiteral("<b>") + hit.snippet.mid(start, len).toHtmlEscaped() + QStringLiteral("</b>");
        pos = start + len;
    }
    return html + hit.snippet.mid(pos).toHtmlEscaped();
}

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    const int row = index.row();
    if (row < 0 || row >= rowCount())
        return {};
    const auto &hit = m_page.results.hits[static_cast<size_t>(row)];
    const auto &src = m_page.sources[static_cast<size_t>(row)];
    if (role == IdRole)
        return src.id;
    if (role == Qt::ToolTipRole)
        return src.originalPath;
    if (role == Qt::AccessibleTextRole)
        return src.title;
    if (role != Qt::DisplayRole)
        return {};
    QStringList about;
    if (!src.publisher.isEmpty())
        about << src.publisher;
    if (src.published.isValid())
        about << src.published.toIso();
    return QStringLiteral("<div><b>%1</b><br><span style='color:gray'>%2</span><br>%3</div>")
        .arg(src.title.toHtmlEscaped(), about.join(QStringLiteral(" · ")).toHtmlEscaped(), snippetHtml(hit));
}

} // namespace sextant::ui
