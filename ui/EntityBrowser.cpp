#include "EntityBrowser.h"

#include "EditController.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTabBar>
#include <QUndoStack>
#include <QAction>
#include <QTableView>
#include <QVBoxLayout>

namespace sextant::ui {

namespace {
constexpr int kKeyRole = Qt::UserRole + 1;
enum Col { Name, Mentions, Sources, Organization, Openness, Origin, Aliases, ColCount };
} // namespace

const QStringList &EntityBrowser::kinds()
{
    static const QStringList k{QStringLiteral("model"),   QStringLiteral("organization"), QStringLiteral("benchmark"),
                               QStringLiteral("person"),  QStringLiteral("license"),      QStringLiteral("product"),
                               QStringLiteral("other")};
    return k;
}

EntityBrowser::EntityBrowser(KnowledgeAccess knowledge, EditController *edits, QWidget *parent)
    : QWidget(parent), m_knowledge(std::move(knowledge)), m_edits(edits)
{
    m_tabs = new QTabBar(this);
    m_tabs->setAccessibleName(tr("Entity kinds"));
    for (const QString &label : {tr("Models"), tr("Organizations"), tr("Benchmarks"), tr("People"), tr("Licenses"), tr("Products"), tr("Other")})
        m_tabs->addTab(label);
    connect(m_tabs, &QTabBar::currentChanged, this, [this] { refresh(); });
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter by name or alias"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter entities"));
    m_model = new QStandardItemModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setSortRole(Qt::UserRole + 2);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    m_table->setAccessibleName(tr("Entities"));
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &cur) {
        if (cur.isValid())
            Q_EMIT entitySelected(cur.siblingAtColumn(Name).data(kKeyRole).toString());
    });

    auto *rename = new QPushButton(tr("Rename…"), this);
    auto *merge = new QPushButton(tr("Merge Into…"), this);
    auto *reject = new QPushButton(tr("Reject"), this);
    auto *confirm = new QPushButton(tr("Confirm"), this);
    rename->setToolTip(tr("Give the entity another name (F2)"));
    merge->setToolTip(tr("Make the selected entities one: the one you name (Ctrl+M)"));
    reject->setToolTip(tr("Not an entity: hide it and what was found about it"));
    confirm->setToolTip(tr("A found entity is right: keep it whatever its confidence"));
    connect(rename, &QPushButton::clicked, this, &EntityBrowser::renameSelected);
    connect(merge, &QPushButton::clicked, this, &EntityBrowser::mergeSelected);
    connect(reject, &QPushButton::clicked, this, &EntityBrowser::rejectSelected);
    connect(confirm, &QPushButton::clicked, this, &EntityBrowser::confirmSelected);
    auto *renameKey = new QAction(this);
    renameKey->setShortcut(Qt::Key_F2);
    renameKey->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(renameKey, &QAction::triggered, this, &EntityBrowser::renameSelected);
    addAction(renameKey);
    auto *mergeKey = new QAction(this);
    mergeKey->setShortcut(QKeySequence(tr("Ctrl+M")));
    mergeKey->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(mergeKey, &QAction::triggered, this, &EntityBrowser::mergeSelected);
    addAction(mergeKey);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(rename);
    bar->addWidget(merge);
    bar->addWidget(reject);
    bar->addWidget(confirm);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
}

QString EntityBrowser::currentKind() const { return kinds().value(m_tabs->currentIndex()); }

void EntityBrowser::showKind(const QString &kind)
{
    const int i = static_cast<int>(kinds().indexOf(kind));
    if (i >= 0 && i != m_tabs->currentIndex())
        m_tabs->setCurrentIndex(i); // refreshes
    else
        refresh();
}

void EntityBrowser::setFilter(const QString &text) { m_filter->setText(text); }

void EntityBrowser::refresh()
{
    const QStringList keep = selectedKeys();
    m_model->clear();
    m_model->setHorizontalHeaderLabels({tr("Name"), tr("Mentions"), tr("Sources"), tr("Organization"), tr("Openness"), tr("Origin"), tr("Aliases")});
    const library::Knowledge *k = m_knowledge();
    if (!k)
        return;
    const QString kind = currentKind();
    for (const library::KnownEntity &e : k->entities) {
        if (e.kind != kind || e.mentionCount == 0)
            continue;
        auto item = [](const QString &text, const QVariant &sortKey) {
            auto *i = new QStandardItem(text);
            i->setData(sortKey, Qt::UserRole + 2);
            return i;
        };
        QList<QStandardItem *> row;
        row << item(e.name, e.name.toLower());
        row.front()->setData(e.key, kKeyRole);
        row.front()->setToolTip(e.key);
        row << item(QString::number(e.mentionCount), e.mentionCount) << item(QString::number(e.sourceCount), e.sourceCount);
        const QString org = e.resolved.value(QStringLiteral("organization"));
        const library::KnownEntity *orgEntity = org.isEmpty() ? nullptr : k->entity(org);
        row << item(orgEntity ? orgEntity->name : org, org);
        row << item(e.resolved.value(QStringLiteral("openness")), e.resolved.value(QStringLiteral("openness")));
        QString origin = e.origin == u"found" ? tr("found (%1%)").arg(qRound(e.confidence * 100)) : e.origin;
        if (e.confirmed)
            origin += tr(", confirmed");
        row << item(origin, origin) << item(e.aliases.join(QStringLiteral(", ")), e.aliases.join(u','));
        row[Mentions]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        row[Sources]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_model->appendRow(row);
    }
    m_table->sortByColumn(Mentions, Qt::DescendingOrder);
    for (const QString &key : keep)
        selectKey(key);
}

QStringList EntityBrowser::selectedKeys() const
{
    QStringList out;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows(Name))
        out << i.data(kKeyRole).toString();
    return out;
}

bool EntityBrowser::selectKey(const QString &key)
{
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const QModelIndex i = m_proxy->index(r, Name);
        if (i.data(kKeyRole).toString() == key) {
            m_table->setCurrentIndex(i);
            m_table->scrollTo(i);
            return true;
        }
    }
    return false;
}

void EntityBrowser::renameSelected()
{
    const QStringList keys = selectedKeys();
    const library::Knowledge *k = m_knowledge();
    if (keys.size() != 1 || !k || !k->entity(keys.front()))
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename"), tr("New name for %1:").arg(k->entity(keys.front())->name),
                                               QLineEdit::Normal, k->entity(keys.front())->name, &ok)
                             .trimmed();
    if (ok && !name.isEmpty())
        m_edits->correct({QStringLiteral("rename"), keys.front(), name, {}}, tr("Rename to %1").arg(name));
}

void EntityBrowser::mergeSelected()
{
    const QStringList keys = selectedKeys();
    const library::Knowledge *k = m_knowledge();
    if (keys.isEmpty() || !k)
        return;
    // Into one of the selection (when several) or any entity of this kind.
    QStringList names;
    QStringList targets;
    for (const library::KnownEntity &e : k->entities)
        if (e.kind == currentKind() && (keys.size() < 2 || keys.contains(e.key))) {
            names << e.name;
            targets << e.key;
        }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Merge"), tr("Merge the selected entities into:"), names, 0, true, &ok);
    if (!ok)
        return;
    const qsizetype i = names.indexOf(chosen);
    const QString target = i >= 0 ? targets[i] : chosen;
    m_edits->undoStack()->beginMacro(tr("Merge into %1").arg(chosen));
    for (const QString &key : keys)
        if (key != target)
            m_edits->correct({QStringLiteral("merge"), key, target, {}}, tr("Merge"));
    m_edits->undoStack()->endMacro();
}

void EntityBrowser::correctSelected(const QString &action, const QString &label)
{
    const QStringList keys = selectedKeys();
    if (keys.isEmpty())
        return;
    m_edits->undoStack()->beginMacro(label.arg(keys.size()));
    for (const QString &key : keys)
        m_edits->correct({action, key, {}, {}}, label.arg(1));
    m_edits->undoStack()->endMacro();
}

void EntityBrowser::rejectSelected() { correctSelected(QStringLiteral("reject-entity"), tr("Reject Entities (%1)")); }

void EntityBrowser::confirmSelected() { correctSelected(QStringLiteral("confirm-entity"), tr("Confirm Entities (%1)")); }

} // namespace sextant::ui
