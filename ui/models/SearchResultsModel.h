#pragma once

#include "library/Library.h"

#include <QAbstractListModel>

namespace sextant::ui {

/// One page of search results. DisplayRole is rich text: the title, where and
/// when, and the snippet with its matched words in bold (all escaped).
class SearchResultsModel final : public QAbstractListModel {
    Q_OBJECT
public:
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit SearchResultsModel(QObject *parent = nullptr);
    void setPage(library::SearchPage page);
    void clear();
    [[nodiscard]] qint64 estimatedTotal() const { return m_page.results.estimatedTotal; }
    [[nodiscard]] QString correctedQuery() const { return m_page.results.correctedQuery; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    /// The snippet as HTML with <b> around the matched words.
    static QString snippetHtml(const index::SearchHit &hit);

private:
    library::SearchPage m_page;
};

} // namespace sextant::ui
