#include "AnnotationsPane.h"

#include "EditController.h"
#include "Swatch.h"
#include "library/Library.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace sextant::ui {

namespace {
constexpr int kIndexRole = Qt::UserRole + 1;

} // namespace

AnnotationsPane::AnnotationsPane(LibraryAccess library, EditController *edits, bool compact, QWidget *parent)
    : QWidget(parent), m_library(std::move(library)), m_edits(edits), m_compact(compact)
{
    m_text = new QLineEdit(this);
    m_text->setPlaceholderText(tr("Filter annotations"));
    m_text->setClearButtonEnabled(true);
    m_text->setAccessibleName(tr("Filter annotations by text"));
    m_tag = new QComboBox(this);
    m_tag->setAccessibleName(tr("Filter by tag"));
    m_color = new QComboBox(this);
    m_color->setAccessibleName(tr("Filter by color"));
    m_color->addItem(tr("Any color"), QString());
    for (const QString &c : annotate::colorNames())
        m_color->addItem(colorSwatch(QColor(annotate::colorHex(c)), true), c, c);
    m_sourceBox = new QComboBox(this);
    m_sourceBox->setAccessibleName(tr("Filter by source"));
    m_sourceBox->setMaximumWidth(260);
    m_orphans = new QCheckBox(tr("Orphaned only"), this);
    connect(m_text, &QLineEdit::textChanged, this, &AnnotationsPane::fill);
    for (QComboBox *b : {m_tag, m_color, m_sourceBox})
        connect(b, &QComboBox::activated, this, &AnnotationsPane::fill);
    connect(m_orphans, &QCheckBox::toggled, this, &AnnotationsPane::fill);

    m_model = new QStandardItemModel(this);
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_table->setAccessibleName(compact ? tr("Annotations of this source") : tr("Annotations"));
    auto open = [this](const QModelIndex &i) {
        if (!i.isValid())
            return;
        const auto &a = m_shown[static_cast<size_t>(i.siblingAtColumn(0).data(kIndexRole).toInt())];
        Q_EMIT annotationSelected(a);
        if (!a.orphaned)
            Q_EMIT passageRequested(a.sourceId, a.start, a.length);
    };
    connect(m_table, &QTableView::activated, this, open);
    connect(m_table, &QTableView::clicked, this, open);
    auto *del = new QAction(tr("Delete Annotation"), this);
    del->setShortcut(QKeySequence::Delete);
    del->setShortcutContext(Qt::WidgetShortcut);
    connect(del, &QAction::triggered, this, [this] { m_edits->deleteAnnotations(selected()); });
    m_table->addAction(del);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(compact ? 0 : 9, compact ? 0 : 9, compact ? 0 : 9, compact ? 0 : 9);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_text, 1);
    filters->addWidget(m_tag);
    filters->addWidget(m_color);
    if (!compact) {
        filters->addWidget(m_sourceBox);
        filters->addWidget(m_orphans);
        auto *exportMd = new QPushButton(tr("Export…"), this);
        exportMd->setToolTip(tr("Export the annotations shown as Markdown with citations, or as W3C Web Annotation JSON-LD"));
        connect(exportMd, &QPushButton::clicked, this, [this] {
            const QString path = QFileDialog::getSaveFileName(this, tr("Export annotations"), QStringLiteral("annotations.md"),
                                                              tr("Markdown (*.md);;Web Annotation JSON-LD (*.jsonld)"));
            if (!path.isEmpty())
                exportTo(path);
        });
        auto *importBtn = new QPushButton(tr("Import…"), this);
        importBtn->setToolTip(tr("Import W3C Web Annotation JSON-LD; each is anchored in its source's current text"));
        connect(importBtn, &QPushButton::clicked, this, [this] {
            const QString path = QFileDialog::getOpenFileName(this, tr("Import annotations"), {},
                                                              tr("Web Annotation JSON-LD (*.jsonld *.json)"));
            if (!path.isEmpty())
                importFrom(path);
        });
        filters->addWidget(exportMd);
        filters->addWidget(importBtn);
    } else {
        m_sourceBox->hide();
        m_orphans->hide();
    }
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
}

void AnnotationsPane::setSource(qint64 sourceId)
{
    m_source = sourceId;
    refresh();
}

void AnnotationsPane::setFilter(const library::AnnotationFilter &f)
{
    m_text->setText(f.text);
    m_tag->setCurrentIndex(std::max(0, m_tag->findData(f.tag)));
    m_color->setCurrentIndex(std::max(0, m_color->findData(f.color)));
    m_sourceBox->setCurrentIndex(std::max(0, m_sourceBox->findData(f.sourceId)));
    m_orphans->setChecked(f.orphanedOnly);
    fill();
}

void AnnotationsPane::refresh()
{
    library::Library *lib = m_library();
    m_all.clear();
    m_titles.clear();
    if (lib) {
        if (m_compact && m_source == 0) {
            // nothing: no source open
        } else if (auto list = library::annotationsOf(*lib, m_source)) {
            m_all = std::move(*list);
        } else {
            Q_EMIT message(list.error().message);
        }
        std::vector<qint64> ids;
        for (const auto &a : m_all)
            if (ids.empty() || ids.back() != a.sourceId)
                ids.push_back(a.sourceId);
        if (auto rows = lib->store().sourcesByIds(ids))
            for (const auto &s : *rows)
                m_titles.insert(s.id, s.title);
    }
    // Tags and sources offered are those in use.
    const QString tag = m_tag->currentData().toString();
    const qint64 source = m_sourceBox->currentData().toLongLong();
    m_tag->clear();
    m_tag->addItem(tr("Any tag"), QString());
    QStringList tags;
    for (const auto &a : m_all)
        for (const QString &t : a.tags)
            if (!tags.contains(t))
                tags << t;
    tags.sort(Qt::CaseInsensitive);
    for (const QString &t : std::as_const(tags))
        m_tag->addItem(t, t);
    m_tag->setCurrentIndex(std::max(0, m_tag->findData(tag)));
    m_sourceBox->clear();
    m_sourceBox->addItem(tr("Every source"), qint64(0));
    for (auto it = m_titles.cbegin(); it != m_titles.cend(); ++it)
        m_sourceBox->addItem(it.value(), it.key());
    m_sourceBox->setCurrentIndex(std::max(0, m_sourceBox->findData(source)));
    fill();
}

void AnnotationsPane::fill()
{
    library::AnnotationFilter f;
    f.text = m_text->text();
    f.tag = m_tag->currentData().toString();
    f.color = m_color->currentData().toString();
    f.sourceId = m_compact ? 0 : m_sourceBox->currentData().toLongLong();
    f.orphanedOnly = m_orphans->isChecked();
    m_shown.clear();
    for (const auto &a : m_all)
        if (library::matches(a, f))
            m_shown.push_back(a);
    m_model->clear();
    if (m_compact)
        m_model->setHorizontalHeaderLabels({tr("Quote"), tr("Note"), tr("Tags")});
    else
        m_model->setHorizontalHeaderLabels({tr("Quote"), tr("Note"), tr("Tags"), tr("Source"), tr("Modified")});
    for (size_t i = 0; i < m_shown.size(); ++i) {
        const auto &a = m_shown[i];
        auto *quote = new QStandardItem(colorSwatch(QColor(annotate::colorHex(a.color)), true), a.exact.simplified().left(200));
        quote->setData(static_cast<int>(i), kIndexRole);
        quote->setToolTip(a.orphaned ? tr("Orphaned: this passage is not in the current version of its source") : a.exact.left(600));
        if (a.orphaned) {
            QFont f = quote->font();
            f.setItalic(true);
            quote->setFont(f);
            quote->setText(tr("[orphaned] ") + quote->text());
        }
        QList<QStandardItem *> row{quote, new QStandardItem(a.note.simplified().left(200)), new QStandardItem(a.tags.join(QStringLiteral(", ")))};
        if (!m_compact)
            row << new QStandardItem(m_titles.value(a.sourceId)) << new QStandardItem(a.modified.left(16).replace(u'T', u' '));
        m_model->appendRow(row);
    }
    m_table->resizeColumnToContents(0);
    m_table->setColumnWidth(0, std::min(m_table->columnWidth(0), m_compact ? 260 : 420));
}

std::vector<annotate::Annotation> AnnotationsPane::shown() const { return m_shown; }

std::vector<annotate::Annotation> AnnotationsPane::selected() const
{
    std::vector<annotate::Annotation> out;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows(0))
        out.push_back(m_shown[static_cast<size_t>(i.data(kIndexRole).toInt())]);
    return out;
}

bool AnnotationsPane::exportTo(const QString &path)
{
    library::Library *lib = m_library();
    if (!lib)
        return false;
    const bool markdown = QFileInfo(path).suffix().compare(u"md", Qt::CaseInsensitive) == 0;
    QByteArray bytes;
    if (markdown) {
        auto md = library::exportAnnotationsMarkdown(*lib, m_shown, tr("Annotations"));
        if (!md) {
            Q_EMIT message(md.error().message);
            return false;
        }
        bytes = md->toUtf8();
    } else {
        auto json = library::exportAnnotationsJson(*lib, m_shown);
        if (!json) {
            Q_EMIT message(json.error().message);
            return false;
        }
        bytes = *json;
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        Q_EMIT message(tr("%1: cannot write: %2").arg(path, f.errorString()));
        return false;
    }
    Q_EMIT message(tr("Exported %n annotation(s) to %1", nullptr, static_cast<int>(m_shown.size())).arg(path));
    return true;
}

bool AnnotationsPane::importFrom(const QString &path)
{
    library::Library *lib = m_library();
    if (!lib)
        return false;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        Q_EMIT message(tr("%1: cannot read: %2").arg(path, f.errorString()));
        return false;
    }
    auto r = library::importAnnotations(*lib, f.read(64 * 1024 * 1024), QFileInfo(path).fileName());
    if (!r) {
        Q_EMIT message(r.error().message);
        QMessageBox::warning(this, tr("Import annotations"), r.error().message);
        return false;
    }
    refresh();
    const QString summary = tr("%1 added, %2 updated, %3 already here, %4 orphaned")
                                .arg(r->added).arg(r->updated).arg(r->unchanged).arg(r->orphaned);
    Q_EMIT message(tr("Imported from %1: %2").arg(QFileInfo(path).fileName(), summary));
    Q_EMIT m_edits->annotationsChanged(0);
    if (!r->problems.isEmpty()) {
        auto *box = new QMessageBox(QMessageBox::Information, tr("Import annotations"),
                                    tr("%1\n\n%n annotation(s) could not be imported.", nullptr, static_cast<int>(r->problems.size())).arg(summary),
                                    QMessageBox::Ok, this);
        box->setDetailedText(r->problems.join(u'\n'));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    return true;
}

} // namespace sextant::ui
