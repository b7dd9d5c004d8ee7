#include "SearchPane.h"

#include "library/Library.h"
#include "models/SearchResultsModel.h"

#include <QAbstractTextDocumentLayout>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPainter>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTextDocument>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sextant::ui {

namespace {

/// Paints a result's rich text (title, details, snippet with bold matches).
class RichTextDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        QTextDocument doc;
        doc.setHtml(index.data().toString());
        doc.setTextWidth(opt.rect.width() - 8);
        painter->save();
        painter->translate(opt.rect.topLeft() + QPoint(4, 2));
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.palette = opt.palette;
        if (opt.state & QStyle::State_Selected)
            ctx.palette.setColor(QPalette::Text, opt.palette.color(QPalette::HighlightedText));
        doc.documentLayout()->draw(painter, ctx);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QTextDocument doc;
        doc.setHtml(index.data().toString());
        doc.setTextWidth(std::max(200, option.rect.width() - 8));
        return QSize(static_cast<int>(doc.idealWidth()), static_cast<int>(doc.size().height()) + 6);
    }
};

struct Group {
    const char *facet; // index facet name
    const char *kind;  // entity kind for the "entity" facet
    const char *label;
};
constexpr Group kGroups[] = {
    {"entity", "model", QT_TRANSLATE_NOOP("SearchPane", "Models")},
    {"entity", "organization", QT_TRANSLATE_NOOP("SearchPane", "Organizations")},
    {"entity", "benchmark", QT_TRANSLATE_NOOP("SearchPane", "Benchmarks")},
    {"openness", "", QT_TRANSLATE_NOOP("SearchPane", "Openness")},
    {"publisher", "", QT_TRANSLATE_NOOP("SearchPane", "Publisher")},
};
constexpr int kFacetRole = Qt::UserRole + 1;
constexpr int kValueRole = Qt::UserRole + 2;
constexpr int kShownPerGroup = 12;
// Facets count at most this many matches, so a keystroke that matches most of a
// 100,000-source library still shows in well under 100 ms; beyond it the counts
// are said to be from a sample.
constexpr int kFacetSample = 20000;

} // namespace

SearchPane::SearchPane(LibraryAccess library, QWidget *parent) : QWidget(parent), m_library(std::move(library))
{
    m_model = new SearchResultsModel(this);
    m_results = new QListView(this);
    m_results->setModel(m_model);
    m_results->setItemDelegate(new RichTextDelegate(m_results));
    m_results->setWordWrap(true);
    m_results->setUniformItemSizes(false);
    m_results->setAccessibleName(tr("Search results"));
    connect(m_results->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            Q_EMIT sourceActivated(current.data(SearchResultsModel::IdRole).toLongLong());
    });
    m_info = new QLabel(this);
    m_info->setTextFormat(Qt::RichText);
    m_info->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_info->setWordWrap(true);
    connect(m_info, &QLabel::linkActivated, this, [this](const QString &suggestion) { Q_EMIT suggestionChosen(suggestion); });

    m_facets = new QTreeWidget(this);
    m_facets->setHeaderHidden(true);
    m_facets->setAccessibleName(tr("Search facets"));
    m_facets->setRootIsDecorated(false);
    m_facets->setUniformRowHeights(true);
    connect(m_facets, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item) {
        if (m_filling || !item->parent())
            return;
        const QString facet = item->data(0, kFacetRole).toString();
        const QString value = item->data(0, kValueRole).toString();
        QStringList &sel = m_selected[facet];
        if (item->checkState(0) == Qt::Checked) {
            if (!sel.contains(value))
                sel << value;
        } else {
            sel.removeAll(value);
        }
        // Not now: searching again rebuilds the tree, and this item is inside its own signal.
        if (!m_direct)
            QMetaObject::invokeMethod(this, [this] { search(m_query); }, Qt::QueuedConnection);
    });
    m_from = new QComboBox(this);
    m_to = new QComboBox(this);
    m_from->setAccessibleName(tr("From year"));
    m_to->setAccessibleName(tr("To year"));
    for (QComboBox *b : {m_from, m_to})
        connect(b, &QComboBox::activated, this, [this] { search(m_query); });
    auto *years = new QHBoxLayout;
    years->addWidget(new QLabel(tr("Published"), this));
    years->addWidget(m_from, 1);
    years->addWidget(new QLabel(QStringLiteral("–"), this));
    years->addWidget(m_to, 1);

    auto *facetPane = new QWidget(this);
    auto *fl = new QVBoxLayout(facetPane);
    fl->setContentsMargins(0, 0, 0, 0);
    fl->addWidget(m_facets, 1);
    fl->addLayout(years);

    auto *resultsPane = new QWidget(this);
    auto *rl = new QVBoxLayout(resultsPane);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->addWidget(m_info);
    rl->addWidget(m_results, 1);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(resultsPane);
    split->addWidget(facetPane);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
}

index::SearchFilters SearchPane::filters() const
{
    index::SearchFilters f;
    f.entities = m_selected.value(QStringLiteral("entity"));
    f.openness = m_selected.value(QStringLiteral("openness"));
    f.publishers = m_selected.value(QStringLiteral("publisher"));
    f.dateFrom = m_from->currentData().toString();
    f.dateTo = m_to->currentData().toString();
    return f;
}

void SearchPane::clear()
{
    m_query.clear();
    m_lastSignature.clear();
    m_selected.clear();
    m_model->clear();
    m_info->clear();
    m_filling = true;
    m_facets->clear();
    m_from->clear();
    m_to->clear();
    m_filling = false;
}

bool SearchPane::search(const QString &query, bool force)
{
    m_query = query.trimmed();
    library::Library *lib = m_library();
    const index::SearchFilters f = filters();
    if (!lib || (m_query.isEmpty() && f.isEmpty())) {
        m_model->clear();
        m_info->clear();
        return true;
    }
    // A keystroke that does not change the query (a trailing space) changes nothing.
    const QString signature = m_query.simplified() + u'\x1f' + f.entities.join(u'|') + u'\x1f' + f.openness.join(u'|') + u'\x1f'
                              + f.publishers.join(u'|') + u'\x1f' + f.dateFrom + u'\x1f' + f.dateTo;
    if (signature == m_lastSignature && !force)
        return true;
    m_lastSignature = signature;
    index::SearchOptions opts;
    opts.limit = 50;
    opts.facets = true;
    opts.facetSample = kFacetSample;
    opts.filters = f;
    auto page = lib->search(m_query, opts);
    if (!page) {
        m_model->clear();
        m_info->setText(page.error().message.toHtmlEscaped());
        return false;
    }
    const auto facets = std::move(page->results.facets); // the model keeps the hits, the pane the facets
    const bool exact = page->results.facetsExact;
    m_model->setPage(std::move(*page));
    QString info = tr("About %n result(s)", nullptr, static_cast<int>(m_model->estimatedTotal()));
    if (!exact)
        info += tr(" (facet counts from %1 of them)").arg(QLocale().toString(opts.facetSample));
    if (!m_model->correctedQuery().isEmpty())
        info += QStringLiteral(" — ") + tr("did you mean <a href=\"%1\">%2</a>?")
                                             .arg(m_model->correctedQuery().toHtmlEscaped(), m_model->correctedQuery().toHtmlEscaped());
    m_info->setText(info);
    fillFacets(facets);
    return true;
}

void SearchPane::fillFacets(const QHash<QString, std::vector<index::FacetCount>> &facets)
{
    library::Library *lib = m_library();
    m_filling = true;
    m_facets->clear();
    const auto &labels = lib->entityLabels();
    for (const Group &g : kGroups) {
        const QString facet = QString::fromLatin1(g.facet);
        const QString kind = QString::fromLatin1(g.kind);
        auto *group = new QTreeWidgetItem(m_facets, {tr(g.label)});
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setFlags(Qt::ItemIsEnabled);
        const QStringList selected = m_selected.value(facet);
        int shown = 0;
        QStringList present;
        for (const index::FacetCount &fc : facets.value(facet)) {
            QString label = fc.value;
            if (facet == u"entity") {
                const auto it = labels.constFind(fc.value);
                if (it == labels.cend() || it->kind != kind)
                    continue;
                label = it->name;
            }
            const bool checked = selected.contains(fc.value);
            if (shown >= kShownPerGroup && !checked)
                continue;
            auto *item = new QTreeWidgetItem(group, {QStringLiteral("%1  (%2)").arg(label).arg(fc.count)});
            item->setData(0, kFacetRole, facet);
            item->setData(0, kValueRole, fc.value);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
            item->setToolTip(0, fc.value);
            present << fc.value;
            ++shown;
        }
        // A checked value that no longer matches stays visible, so it can be unchecked.
        for (const QString &v : selected) {
            if (present.contains(v) || (facet == u"entity" && labels.value(v).kind != kind))
                continue;
            auto *item = new QTreeWidgetItem(group, {QStringLiteral("%1  (0)").arg(facet == u"entity" ? labels.value(v).name : v)});
            item->setData(0, kFacetRole, facet);
            item->setData(0, kValueRole, v);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(0, Qt::Checked);
        }
        if (group->childCount() == 0)
            delete group;
        else
            group->setExpanded(true);
    }
    // Years: keep the choice, offer the years the matches have.
    const QString from = m_from->currentData().toString(), to = m_to->currentData().toString();
    QStringList years;
    for (const index::FacetCount &fc : facets.value(QStringLiteral("year")))
        years << fc.value;
    for (const QString &y : {from, to})
        if (!y.isEmpty() && !years.contains(y))
            years << y;
    years.sort();
    QHash<QString, qint64> counts;
    for (const index::FacetCount &fc : facets.value(QStringLiteral("year")))
        counts.insert(fc.value, fc.count);
    for (QComboBox *b : {m_from, m_to}) {
        const QString keep = b == m_from ? from : to;
        b->clear();
        b->addItem(b == m_from ? tr("any year") : tr("any year"), QString());
        for (const QString &y : std::as_const(years))
            b->addItem(QStringLiteral("%1 (%2)").arg(y).arg(counts.value(y)), y);
        b->setCurrentIndex(std::max(0, b->findData(keep)));
    }
    m_filling = false;
}

bool SearchPane::selectFacet(const QString &facet, const QString &value)
{
    for (int g = 0; g < m_facets->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_facets->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            if (item->data(0, kFacetRole).toString() == facet && item->data(0, kValueRole).toString() == value) {
                m_direct = true;
                item->setCheckState(0, item->checkState(0) == Qt::Checked ? Qt::Unchecked : Qt::Checked);
                m_direct = false;
                search(m_query);
                return true;
            }
        }
    }
    return false;
}

void SearchPane::setYearRange(const QString &from, const QString &to)
{
    m_from->setCurrentIndex(std::max(0, m_from->findData(from)));
    m_to->setCurrentIndex(std::max(0, m_to->findData(to)));
    search(m_query);
}

} // namespace sextant::ui
