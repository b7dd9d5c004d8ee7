#pragma once

#include "library/Knowledge.h"

#include <QWidget>
#include <functional>

class QLineEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTabBar;
class QTableView;

namespace sextant::ui {

class EditController;

/// The entities of the library, a table per kind (models, organizations,
/// benchmarks, people, licenses, products, other) with their mention and
/// source counts, a filter, and the corrections: rename, merge into another,
/// reject, confirm, all undoable.
class EntityBrowser final : public QWidget {
    Q_OBJECT
public:
    using KnowledgeAccess = std::function<const library::Knowledge *()>;
    EntityBrowser(KnowledgeAccess knowledge, EditController *edits, QWidget *parent = nullptr);

    static const QStringList &kinds(); ///< "model", "organization", ...
    void showKind(const QString &kind);
    [[nodiscard]] QString currentKind() const;
    void refresh();
    void setFilter(const QString &text);
    [[nodiscard]] QStringList selectedKeys() const;
    bool selectKey(const QString &key);
    QTableView *table() const { return m_table; }

    void renameSelected();
    void mergeSelected();
    void rejectSelected();
    void confirmSelected();

Q_SIGNALS:
    void entitySelected(const QString &key);

private:
    /// One undoable step for the whole selection.
    void correctSelected(const QString &action, const QString &label);

    KnowledgeAccess m_knowledge;
    EditController *m_edits;
    QTabBar *m_tabs = nullptr;
    QLineEdit *m_filter = nullptr;
    QStandardItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace sextant::ui
