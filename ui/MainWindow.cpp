#include "MainWindow.h"

#include "AboutDialog.h"
#include "AnnotationsPane.h"
#include "DemoLibrary.h"
#include "EditController.h"
#include "EntityBrowser.h"
#include "IngestWorker.h"
#include "Inspector.h"
#include "ReaderView.h"
#include "SearchPane.h"
#include "Swatch.h"
#include "UrlFetcher.h"
#include "library/Annotations.h"
#include "models/SearchResultsModel.h"
#include "models/SourcesModel.h"
#include "views/CompareView.h"
#include "views/TimelineView.h"

#include "common/Clock.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace sextant::ui {

namespace {

// What a sidebar item opens.
constexpr int kPageRole = Qt::UserRole + 1;
constexpr int kArgRole = Qt::UserRole + 2;
constexpr int kFilterRole = Qt::UserRole + 3; // "all", "recent", "publisher", "tag", "trash"

} // namespace

MainWindow::MainWindow(QString libraryDir, QWidget *parent) : QMainWindow(parent), m_libraryDir(std::move(libraryDir))
{
    setWindowTitle(tr("Sextant"));
    setAcceptDrops(true);
    m_undo = new QUndoStack(this);
    m_edits = new EditController([this] { return m_library.get(); }, m_undo, this);
    m_fetcher = new UrlFetcher(library::LibraryPaths::under(m_libraryDir).root + QStringLiteral("/downloads"), this);
    ensureLibrary();
    buildUi();

    m_worker = new IngestWorker(m_libraryDir);
    m_worker->moveToThread(&m_ingestThread);
    connect(&m_ingestThread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &MainWindow::startIngest, m_worker, &IngestWorker::run, Qt::QueuedConnection);
    connect(this, &MainWindow::startIndexSync, m_worker, &IngestWorker::syncIndex, Qt::QueuedConnection);
    connect(m_worker, &IngestWorker::progressed, this, [this](const QString &phase, qint64 done, qint64 total, qint64 errors) {
        if (!m_ingestRunning)
            return;
        m_status->setText(errors > 0 ? tr("%1… (%2 skipped)").arg(phase).arg(errors) : tr("%1…").arg(phase));
        m_progress->setRange(0, total > 0 ? static_cast<int>(total) : 0);
        m_progress->setValue(static_cast<int>(std::min(done, total)));
    });
    connect(m_worker, &IngestWorker::finished, this, &MainWindow::onIngestFinished);
    connect(m_worker, &IngestWorker::failed, this, &MainWindow::onIngestFailed);
    m_ingestThread.start();
    // What a previous session moved to the trash and did not take back is removed now.
    QMetaObject::invokeMethod(m_worker, &IngestWorker::purgeTrash, Qt::QueuedConnection);

    connect(m_edits, &EditController::annotationsChanged, this, [this](qint64 sourceId) {
        if (sourceId == 0 || sourceId == m_currentSource)
            refreshReader();
        m_annotations->refresh();
        m_sources->reload();
        fillSidebar();
    });
    connect(m_edits, &EditController::sourcesChanged, this, [this] {
        reloadSources();
        invalidateKnowledge();
        if (m_currentSource > 0 && m_library && !m_library->store().sourcesByIds({m_currentSource}).value_or(std::vector<store::SourceSummary>{}).size()) {
            m_currentSource = 0;
            m_reader->showMessage(tr("The source is in the trash (Edit ▸ Undo brings it back)."));
            m_sourceAnnotations->setSource(0);
        }
        Q_EMIT startIndexSync();
        if (!m_search->text().trimmed().isEmpty())
            runSearchNow(true);
    });
    connect(m_edits, &EditController::knowledgeChanged, this, [this] {
        invalidateKnowledge();
        m_entities->refresh();
        m_inspector->refresh();
        refreshView(m_pages->currentIndex());
    });
    connect(m_edits, &EditController::failed, this, [this](const QString &message) {
        showStatus(message);
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Sextant"), message, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open(); // never a nested event loop
    });
    connect(m_fetcher, &UrlFetcher::progressed, this, [this](qint64 got, qint64 total) {
        m_progress->setVisible(true);
        m_progress->setRange(0, total > 0 ? static_cast<int>(total / 1024) : 0);
        m_progress->setValue(static_cast<int>(got / 1024));
    });
    connect(m_fetcher, &UrlFetcher::fetched, this, [this](const QString &path, const QUrl &url) {
        ingestPaths({path}, {url.toString()});
    });
    connect(m_fetcher, &UrlFetcher::failed, this, [this](const QUrl &, const QString &message) {
        m_progress->setVisible(false);
        m_cancel->setVisible(false);
        showStatus(message);
        Q_EMIT urlFailed(message);
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Add from URL"), message, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        fetchNextUrl();
    });

    reloadSources();
    restoreSettings();
}

MainWindow::~MainWindow()
{
    if (m_knowledgeThread)
        m_knowledgeThread->wait(); // its result is dropped: this window is going
    if (m_worker)
        m_worker->cancel();
    m_ingestThread.quit();
    m_ingestThread.wait(); // the engine stops at its next document; committed work is kept
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
}

void MainWindow::saveSettings()
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("window/librarySplit"), m_librarySplit->saveState());
    s.setValue(QStringLiteral("window/page"), m_pages->currentIndex());
    s.setValue(QStringLiteral("reader/zoom"), m_reader->zoomSteps());
    QStringList hidden;
    for (const QString &k : EntityBrowser::kinds())
        if (!m_reader->kindVisible(k))
            hidden << k;
    s.setValue(QStringLiteral("reader/hiddenKinds"), hidden);
    s.setValue(QStringLiteral("library/last"), m_libraryDir);
}

void MainWindow::restoreSettings()
{
    QSettings s;
    restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    m_librarySplit->restoreState(s.value(QStringLiteral("window/librarySplit")).toByteArray());
    m_reader->zoomBy(s.value(QStringLiteral("reader/zoom"), 0).toInt());
    const QStringList hidden = s.value(QStringLiteral("reader/hiddenKinds")).toStringList();
    for (QAction *a : findChildren<QAction *>(QStringLiteral("legendKind")))
        if (hidden.contains(a->data().toString()))
            a->setChecked(false);
    showView(std::clamp(s.value(QStringLiteral("window/page"), 0).toInt(), 0, PageCount - 1));
}

bool MainWindow::ensureLibrary()
{
    const library::LibraryPaths paths = library::LibraryPaths::under(m_libraryDir);
    if (!QFileInfo::exists(paths.database) || !QFileInfo::exists(paths.index)) {
        // A new library: create it with its index, then read it like any other.
        if (auto created = library::Library::open(m_libraryDir, library::Library::Access::Write)) {
            (void)(*created)->searchIndex();
            (void)(*created)->store().setMetaValue(QStringLiteral("index_format"),
                                                   QString::number(index::SearchIndex::formatVersion()));
        }
    }
    auto lib = library::Library::open(m_libraryDir, library::Library::Access::Edit);
    if (!lib) {
        QTimer::singleShot(0, this, [this, message = lib.error().message] {
            showStatus(message);
            QMessageBox::warning(this, tr("Cannot open the library"), message);
        });
        return false;
    }
    m_library = std::move(*lib);
    return true;
}

namespace {
// Up to this many sources the library's knowledge loads at once (well under a
// second); above it, on a thread, and the views show it when it arrives.
constexpr qint64 kKnowledgeInline = 3000;
} // namespace

const library::Knowledge *MainWindow::knowledge()
{
    if (m_knowledge || !m_library)
        return m_knowledge ? &*m_knowledge : nullptr;
    if (m_library->store().countSources({}).value_or(0) <= kKnowledgeInline) {
        auto k = library::Knowledge::load(*m_library);
        if (!k) {
            showStatus(k.error().message);
            return nullptr;
        }
        m_knowledge = std::move(*k);
        return &*m_knowledge;
    }
    if (!m_knowledgeThread) {
        showStatus(tr("Loading what the library knows…"));
        const int generation = m_knowledgeGeneration;
        const QString dir = m_libraryDir;
        QPointer<MainWindow> self(this);
        m_knowledgeThread = QThread::create([self, dir, generation] {
            auto lib = library::Library::open(dir, library::Library::Access::Read);
            auto result = std::make_shared<Result<library::Knowledge>>(lib ? library::Knowledge::load(**lib)
                                                                           : Result<library::Knowledge>(std::unexpected(lib.error())));
            QMetaObject::invokeMethod(qApp, [self, result, generation] {
                if (!self)
                    return;
                self->m_knowledgeThread = nullptr;
                if (generation != self->m_knowledgeGeneration) { // the library changed meanwhile: load again
                    self->onKnowledgeLoaded();
                    return;
                }
                if (!*result) {
                    self->showStatus(result->error().message);
                    return;
                }
                self->m_knowledge = std::move(**result);
                self->onKnowledgeLoaded();
            }, Qt::QueuedConnection);
        });
        connect(m_knowledgeThread, &QThread::finished, m_knowledgeThread, &QObject::deleteLater);
        m_knowledgeThread->start();
    }
    return nullptr;
}

void MainWindow::onKnowledgeLoaded()
{
    if (m_knowledge)
        showStatus(tr("%n entity(ies) known", nullptr, static_cast<int>(m_knowledge->entities.size())));
    m_inspector->refresh();
    refreshView(m_pages->currentIndex());
}

void MainWindow::invalidateKnowledge()
{
    m_knowledge.reset();
    ++m_knowledgeGeneration;
}

void MainWindow::showStatus(const QString &text) { m_status->setText(text); }

// ---------------------------------------------------------------------------

void MainWindow::buildUi()
{
    setWindowIcon(QIcon(QStringLiteral(":/icons/sextant.svg")));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    // Centre: the pages.
    m_pages = new QStackedWidget(this);
    m_pages->setAccessibleName(tr("Views"));

    // The library page: sources (or search results) beside the reader.
    m_sources = new SourcesModel(this);
    m_sourcesView = new QTableView(this);
    m_sourcesView->setModel(m_sources);
    m_sourcesView->setSortingEnabled(true);
    m_sourcesView->horizontalHeader()->setSortIndicator(SourcesModel::Added, Qt::DescendingOrder);
    m_sourcesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_sourcesView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_sourcesView->verticalHeader()->hide();
    m_sourcesView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_sourcesView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_sourcesView->horizontalHeader()->setSectionResizeMode(SourcesModel::Title, QHeaderView::Stretch);
    m_sourcesView->horizontalHeader()->setSectionsMovable(true);
    m_sourcesView->horizontalHeader()->setMinimumSectionSize(40);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_sourcesView->setColumnWidth(SourcesModel::Publisher, 9 * em);
    m_sourcesView->setColumnWidth(SourcesModel::Published, 7 * em);
    m_sourcesView->setColumnWidth(SourcesModel::Added, 7 * em);
    m_sourcesView->setColumnWidth(SourcesModel::Entities, 5 * em);
    m_sourcesView->setColumnWidth(SourcesModel::Annotations, 4 * em);
    m_sourcesView->setAccessibleName(tr("Sources"));
    m_sourcesView->setAlternatingRowColors(true);
    m_sourcesView->setWordWrap(false);
    m_sourcesView->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_sourcesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            openSource(current.data(SourcesModel::IdRole).toLongLong());
    });
    m_sourceFilter = new QLineEdit(this);
    m_sourceFilter->setPlaceholderText(tr("Filter sources by title, publisher, author or URL"));
    m_sourceFilter->setClearButtonEnabled(true);
    m_sourceFilter->setAccessibleName(tr("Filter sources"));
    connect(m_sourceFilter, &QLineEdit::textChanged, this, [this](const QString &text) {
        store::SourceQuery q = m_sources->query();
        q.text = text;
        m_sources->setQuery(q);
    });
    m_listTitle = new QLabel(this);
    QFont bold = m_listTitle->font();
    bold.setBold(true);
    m_listTitle->setFont(bold);
    auto *sourcesPage = new QWidget(this);
    auto *sl = new QVBoxLayout(sourcesPage);
    sl->setContentsMargins(0, 0, 0, 0);
    auto *head = new QHBoxLayout;
    head->addWidget(m_listTitle);
    head->addWidget(m_sourceFilter, 1);
    sl->addLayout(head);
    sl->addWidget(m_sourcesView, 1);
    m_sources->setBackend([this](const store::SourceQuery &q) -> Result<std::vector<store::SourceSummary>> {
        if (!m_library)
            return std::vector<store::SourceSummary>{};
        return m_library->store().querySources(q);
    },
                          [this](const store::SourceQuery &q) -> Result<qint64> {
                              if (!m_library)
                                  return 0;
                              return m_library->store().countSources(q);
                          });

    m_searchPane = new SearchPane([this] { return m_library.get(); }, this);
    connect(m_searchPane, &SearchPane::sourceActivated, this, &MainWindow::openSource);
    connect(m_searchPane, &SearchPane::suggestionChosen, this, &MainWindow::setSearchText);
    m_listStack = new QStackedWidget(this);
    m_listStack->addWidget(sourcesPage);
    m_listStack->addWidget(m_searchPane);

    m_librarySplit = new QSplitter(Qt::Horizontal, this);
    m_librarySplit->addWidget(m_listStack);
    m_librarySplit->addWidget(buildReaderPane());
    m_librarySplit->setStretchFactor(0, 4);
    m_librarySplit->setStretchFactor(1, 5);
    m_pages->addWidget(m_librarySplit);

    auto knowledgeFn = [this]() -> const library::Knowledge * { return knowledge(); };
    m_entities = new EntityBrowser(knowledgeFn, m_edits, this);
    connect(m_entities, &EntityBrowser::entitySelected, this, [this](const QString &key) { m_inspector->showEntity(key); });
    m_pages->addWidget(m_entities);

    auto loadKnowledge = [this]() -> Result<library::Knowledge> {
        if (!m_library)
            return fail(ErrorCode::NotFound, tr("No library is open."));
        return library::Knowledge::load(*m_library);
    };
    m_timelineView = new TimelineView(loadKnowledge, this);
    m_compareView = new CompareView(
        loadKnowledge,
        [this](const QString &name, const QString &json) -> QString {
            if (!m_library)
                return tr("No library is open.");
            auto saved = m_library->store().saveChart(name, json, Clock::nowIso());
            return saved ? QString() : saved.error().message;
        },
        [this]() {
            std::vector<std::pair<QString, QString>> out;
            if (m_library)
                if (auto saved = m_library->store().charts())
                    out = std::move(*saved);
            return out;
        },
        this);
    connect(m_timelineView, &TimelineView::openSourceRequested, this,
            [this](qint64 id, qint64 start, qint64 length) { openPassage(id, start, length); });
    m_pages->addWidget(m_timelineView);
    m_pages->addWidget(m_compareView);

    m_annotations = new AnnotationsPane([this] { return m_library.get(); }, m_edits, false, this);
    connect(m_annotations, &AnnotationsPane::passageRequested, this, &MainWindow::openPassage);
    connect(m_annotations, &AnnotationsPane::annotationSelected, this,
            [this](const annotate::Annotation &a) { m_inspector->showAnnotation(a); });
    connect(m_annotations, &AnnotationsPane::message, this, &MainWindow::showStatus);
    m_pages->addWidget(m_annotations);

    m_conflicts = new QTreeWidget(this);
    m_conflicts->setHeaderLabels({tr("Subject / value"), tr("Attribute / source"), tr("Quote")});
    m_conflicts->setAccessibleName(tr("Conflicts"));
    m_conflicts->setAlternatingRowColors(true);
    m_conflicts->setWordWrap(true);
    connect(m_conflicts, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QVariantList at = item->data(0, kArgRole).toList();
        if (at.size() == 3)
            openPassage(at[0].toLongLong(), at[1].toLongLong(), at[2].toLongLong());
        else if (!item->data(0, kPageRole).toString().isEmpty())
            m_inspector->showEntity(item->data(0, kPageRole).toString());
    });
    m_pages->addWidget(m_conflicts);
    connect(m_pages, &QStackedWidget::currentChanged, this, [this](int page) { refreshView(page); });
    setCentralWidget(m_pages);

    // Right: the inspector.
    m_inspector = new Inspector([this]() -> const library::Knowledge * { return knowledge(); }, [this] { return m_library.get(); }, this);
    connect(m_inspector, &Inspector::passageRequested, this, &MainWindow::openPassage);
    connect(m_inspector, &Inspector::entityRequested, this, &MainWindow::showEntity);
    auto *inspectorDock = new QDockWidget(tr("Inspector"), this);
    inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
    inspectorDock->setWidget(m_inspector);
    m_inspector->setMinimumWidth(280);
    addDockWidget(Qt::RightDockWidgetArea, inspectorDock);

    // Left: the sidebar.
    buildSidebar();
    buildActions();

    m_status = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_progress->setVisible(false);
    m_cancel = new QToolButton(this);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAccessibleName(tr("Cancel ingest"));
    m_cancel->setVisible(false);
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        m_worker->cancel();
        m_fetcher->cancel();
        m_urlQueue.clear();
        m_status->setText(tr("Cancelling…"));
    });
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    resize(1480, 900);
}

QWidget *MainWindow::buildReaderPane()
{
    m_reader = new ReaderView(this);
    m_reader->showMessage(tr("Select a source to read it."));
    connect(m_reader, &ReaderView::entityActivated, this, [this](const QString &key) { m_inspector->showEntity(key); });
    connect(m_reader, &ReaderView::annotationActivated, this, [this](const QString &id) {
        if (!m_library)
            return;
        if (auto a = m_library->store().annotation(id); a && *a)
            m_inspector->showAnnotation(**a);
    });

    // The legend: one switch per entity kind, in its color.
    auto *bar = new QToolBar(this);
    bar->setIconSize(QSize(14, 14));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setAccessibleName(tr("Reader tools"));
    const QStringList labels{tr("Models"), tr("Organizations"), tr("Benchmarks"), tr("People"), tr("Licenses"), tr("Products"), tr("Other")};
    for (int i = 0; i < EntityBrowser::kinds().size(); ++i) {
        const QString kind = EntityBrowser::kinds()[i];
        QAction *a = bar->addAction(colorSwatch(ReaderView::kindColor(kind)), labels[i]);
        a->setObjectName(QStringLiteral("legendKind"));
        a->setData(kind);
        a->setCheckable(true);
        a->setChecked(true);
        a->setToolTip(tr("Highlight %1 in the text").arg(labels[i].toLower()));
        connect(a, &QAction::toggled, this, [this, kind](bool on) { m_reader->setKindVisible(kind, on); });
    }

    // Find in page.
    m_findBar = new QWidget(this);
    m_find = new QLineEdit(m_findBar);
    m_find->setPlaceholderText(tr("Find in source"));
    m_find->setClearButtonEnabled(true);
    m_find->setAccessibleName(tr("Find in source"));
    auto *findStatus = new QLabel(m_findBar);
    auto doFind = [this, findStatus](bool backward) {
        const QString text = m_find->text();
        if (text.isEmpty())
            return;
        QTextDocument::FindFlags flags;
        if (backward)
            flags |= QTextDocument::FindBackward;
        bool found = m_reader->find(text, flags);
        if (!found) { // wrap around
            QTextCursor c = m_reader->textCursor();
            c.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
            m_reader->setTextCursor(c);
            found = m_reader->find(text, flags);
        }
        findStatus->setText(found ? QString() : tr("Not found"));
    };
    connect(m_find, &QLineEdit::returnPressed, this, [doFind] { doFind(false); });
    connect(m_find, &QLineEdit::textChanged, this, [this, doFind] {
        QTextCursor c = m_reader->textCursor();
        c.setPosition(c.selectionStart());
        m_reader->setTextCursor(c);
        doFind(false);
    });
    auto *fl = new QHBoxLayout(m_findBar);
    fl->setContentsMargins(4, 2, 4, 2);
    fl->addWidget(m_find, 1);
    auto *prev = new QToolButton(m_findBar);
    prev->setText(QStringLiteral("▲"));
    prev->setAccessibleName(tr("Find previous"));
    auto *next = new QToolButton(m_findBar);
    next->setText(QStringLiteral("▼"));
    next->setAccessibleName(tr("Find next"));
    connect(prev, &QToolButton::clicked, this, [doFind] { doFind(true); });
    connect(next, &QToolButton::clicked, this, [doFind] { doFind(false); });
    fl->addWidget(prev);
    fl->addWidget(next);
    fl->addWidget(findStatus);
    m_findBar->setVisible(false);
    auto *findNext = new QAction(tr("Find Next"), this);
    findNext->setShortcut(QKeySequence::FindNext);
    connect(findNext, &QAction::triggered, this, [doFind] { doFind(false); });
    auto *findPrev = new QAction(tr("Find Previous"), this);
    findPrev->setShortcut(QKeySequence::FindPrevious);
    connect(findPrev, &QAction::triggered, this, [doFind] { doFind(true); });
    auto *closeFind = new QAction(m_findBar);
    closeFind->setShortcut(Qt::Key_Escape);
    closeFind->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(closeFind, &QAction::triggered, this, [this] {
        m_findBar->hide();
        m_reader->setFocus();
    });
    m_findBar->addAction(closeFind);
    addAction(findNext);
    addAction(findPrev);

    m_sourceAnnotations = new AnnotationsPane([this] { return m_library.get(); }, m_edits, true, this);
    connect(m_sourceAnnotations, &AnnotationsPane::passageRequested, this, &MainWindow::openPassage);
    connect(m_sourceAnnotations, &AnnotationsPane::annotationSelected, this,
            [this](const annotate::Annotation &a) { m_inspector->showAnnotation(a); });

    auto *readerBox = new QWidget(this);
    auto *rl = new QVBoxLayout(readerBox);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->setSpacing(0);
    rl->addWidget(bar);
    rl->addWidget(m_findBar);
    rl->addWidget(m_reader, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(readerBox);
    split->addWidget(m_sourceAnnotations);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 1);
    return split;
}

void MainWindow::buildSidebar()
{
    m_sidebar = new QTreeWidget(this);
    m_sidebar->setHeaderHidden(true);
    m_sidebar->setAccessibleName(tr("Sidebar"));
    m_sidebar->setRootIsDecorated(true);
    m_sidebar->setIndentation(12);
    m_sidebar->setUniformRowHeights(true);
    m_sidebar->setMinimumWidth(190);
    connect(m_sidebar, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            onSidebarItem(item);
    });
    auto *dock = new QDockWidget(tr("Library"), this);
    dock->setObjectName(QStringLiteral("sidebarDock"));
    dock->setWidget(m_sidebar);
    dock->setFeatures(QDockWidget::DockWidgetMovable);
    dock->setTitleBarWidget(new QWidget(dock));
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    resizeDocks({dock}, {210}, Qt::Horizontal);
    fillSidebar();
}

void MainWindow::fillSidebar()
{
    if (!m_sidebar)
        return;
    // Keep what was selected.
    QString keep;
    if (QTreeWidgetItem *cur = m_sidebar->currentItem())
        keep = cur->data(0, kFilterRole).toString() + u'|' + cur->data(0, kArgRole).toString() + u'|' + QString::number(cur->data(0, kPageRole).toInt());
    const QSignalBlocker block(m_sidebar);
    m_sidebar->clear();
    auto section = [this](const QString &title) {
        auto *s = new QTreeWidgetItem(m_sidebar, {title.toUpper()});
        QFont f = s->font(0);
        f.setBold(true);
        f.setPointSizeF(f.pointSizeF() * 0.85);
        s->setFont(0, f);
        s->setFlags(Qt::ItemIsEnabled);
        s->setForeground(0, palette().color(QPalette::PlaceholderText));
        s->setExpanded(true);
        return s;
    };
    auto item = [](QTreeWidgetItem *parent, const QString &text, int page, const QString &filter, const QVariant &arg = {}) {
        auto *i = new QTreeWidgetItem(parent, {text});
        i->setData(0, kPageRole, page);
        i->setData(0, kFilterRole, filter);
        i->setData(0, kArgRole, arg);
        return i;
    };
    QTreeWidgetItem *lib = section(tr("Library"));
    const qint64 total = m_library ? m_library->store().countSources({}).value_or(0) : 0;
    item(lib, tr("All Sources (%1)").arg(total), LibraryPage, QStringLiteral("all"));
    item(lib, tr("Recent"), LibraryPage, QStringLiteral("recent"));
    QTreeWidgetItem *pubs = item(lib, tr("By Publisher"), LibraryPage, QStringLiteral("all"));
    pubs->setFlags(Qt::ItemIsEnabled);
    if (m_library)
        if (auto counts = m_library->store().publisherCounts())
            for (const auto &[name, n] : *counts)
                item(pubs, QStringLiteral("%1 (%2)").arg(name).arg(n), LibraryPage, QStringLiteral("publisher"), name);
    QTreeWidgetItem *tags = item(lib, tr("Tags"), AnnotationsPage, QStringLiteral("all"));
    tags->setFlags(Qt::ItemIsEnabled);
    if (m_library)
        if (auto counts = m_library->store().annotationTags())
            for (const auto &[name, n] : *counts)
                item(tags, QStringLiteral("#%1 (%2)").arg(name).arg(n), LibraryPage, QStringLiteral("tag"), name);
    store::SourceQuery trash;
    trash.trashed = true;
    const qint64 trashed = m_library ? m_library->store().countSources(trash).value_or(0) : 0;
    item(lib, trashed > 0 ? tr("Trash (%1)").arg(trashed) : tr("Trash"), LibraryPage, QStringLiteral("trash"));

    QTreeWidgetItem *ents = section(tr("Entities"));
    const QStringList labels{tr("Models"), tr("Organizations"), tr("Benchmarks"), tr("People"), tr("Licenses")};
    for (int i = 0; i < labels.size(); ++i)
        item(ents, labels[i], EntitiesPage, QStringLiteral("kind"), EntityBrowser::kinds()[i])
            ->setIcon(0, colorSwatch(ReaderView::kindColor(EntityBrowser::kinds()[i])));

    QTreeWidgetItem *views = section(tr("Views"));
    item(views, tr("Timeline"), TimelinePage, QStringLiteral("view"));
    item(views, tr("Compare"), ComparePage, QStringLiteral("view"));
    item(views, tr("Annotations"), AnnotationsPage, QStringLiteral("view"));
    item(views, tr("Conflicts"), ConflictsPage, QStringLiteral("view"));
    for (QTreeWidgetItemIterator it(m_sidebar); *it; ++it) {
        QTreeWidgetItem *i = *it;
        i->setExpanded(true);
        const QString id = i->data(0, kFilterRole).toString() + u'|' + i->data(0, kArgRole).toString() + u'|' + QString::number(i->data(0, kPageRole).toInt());
        if (!keep.isEmpty() && id == keep)
            m_sidebar->setCurrentItem(i);
    }
}

void MainWindow::onSidebarItem(QTreeWidgetItem *item)
{
    if (!(item->flags() & Qt::ItemIsSelectable))
        return;
    const int page = item->data(0, kPageRole).toInt();
    const QString filter = item->data(0, kFilterRole).toString();
    const QString arg = item->data(0, kArgRole).toString();
    if (page == LibraryPage) {
        store::SourceQuery q;
        q.text = m_sourceFilter->text();
        if (filter == u"recent")
            q.addedSince = QDateTime::currentDateTimeUtc().addDays(-7).toString(Qt::ISODate);
        else if (filter == u"publisher")
            q.publisher = arg;
        else if (filter == u"tag")
            q.tag = arg;
        else if (filter == u"trash")
            q.trashed = true;
        m_sources->setQuery(q);
        m_listTitle->setText(item->text(0).section(QStringLiteral(" ("), 0, 0));
        m_restoreAction->setVisible(q.trashed);
        m_search->clear();
        m_listStack->setCurrentIndex(0);
    } else if (page == EntitiesPage) {
        m_entities->showKind(arg);
    }
    m_pages->setCurrentIndex(page);
}

void MainWindow::buildActions()
{
    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setMovable(false);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *addFiles = fileMenu->addAction(tr("Add &Files…"));
    addFiles->setShortcut(QKeySequence::Open);
    connect(addFiles, &QAction::triggered, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(
            this, tr("Add files to the library"), {},
            tr("Articles (*.html *.htm *.xhtml *.md *.markdown *.mdx *.txt *.text *.rst);;All files (*)"));
        if (!files.isEmpty())
            ingestPaths(files);
    });
    QAction *addFolder = fileMenu->addAction(tr("Add F&older…"));
    addFolder->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    connect(addFolder, &QAction::triggered, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Add a folder to the library"));
        if (!dir.isEmpty())
            ingestPaths({dir});
    });
    QAction *addUrl = fileMenu->addAction(tr("Add from &URL…"));
    addUrl->setShortcut(QKeySequence(tr("Ctrl+L")));
    connect(addUrl, &QAction::triggered, this, [this] {
        bool ok = false;
        const QString typed = QInputDialog::getText(this, tr("Add from URL"), tr("Address of the page to add:"), QLineEdit::Normal, {}, &ok);
        if (!ok || typed.trimmed().isEmpty())
            return;
        const QUrl url = UrlFetcher::parse(typed);
        if (!url.isValid()) {
            QMessageBox::warning(this, tr("Add from URL"), tr("“%1” is not an http or https address.").arg(typed));
            return;
        }
        addFromUrl(url);
    });
    toolbar->addAction(addFiles);
    toolbar->addAction(addFolder);
    toolbar->addAction(addUrl);
    QAction *demo = fileMenu->addAction(tr("Load Demo Sources"));
    connect(demo, &QAction::triggered, this, &MainWindow::loadDemo);
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    editMenu->addSeparator();
    QAction *find = editMenu->addAction(tr("&Find in Source…"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        showView(LibraryPage);
        m_findBar->show();
        m_find->setFocus();
        m_find->selectAll();
    });
    QAction *focusSearch = editMenu->addAction(tr("&Search the Library"));
    focusSearch->setShortcut(QKeySequence(tr("Ctrl+K")));
    connect(focusSearch, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    editMenu->addSeparator();
    QAction *remove = editMenu->addAction(tr("Move Source to &Trash"));
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, [this] { removeSelectedSources(false); });
    m_sourcesView->addAction(remove);
    m_restoreAction = new QAction(tr("Restore from Trash"), this);
    m_restoreAction->setVisible(false);
    connect(m_restoreAction, &QAction::triggered, this, [this] {
        std::vector<qint64> ids;
        for (const QModelIndex &i : m_sourcesView->selectionModel()->selectedRows())
            ids.push_back(i.data(SourcesModel::IdRole).toLongLong());
        if (!ids.empty() && m_edits->setTrashed(ids, false))
            showStatus(tr("Restored %n source(s)", nullptr, static_cast<int>(ids.size())));
    });
    m_sourcesView->addAction(m_restoreAction);

    QMenu *annotate = menuBar()->addMenu(tr("&Annotate"));
    QAction *highlight = annotate->addAction(colorSwatch(QColor(annotate::colorHex(m_lastColor)), true), tr("&Highlight"));
    highlight->setObjectName(QStringLiteral("highlightAction"));
    highlight->setShortcut(QKeySequence(tr("Ctrl+H")));
    connect(highlight, &QAction::triggered, this, [this] { highlightSelection(m_lastColor); });
    QMenu *colors = annotate->addMenu(tr("Highlight &Color"));
    for (int i = 0; i < annotate::colorNames().size(); ++i) {
        const QString c = annotate::colorNames()[i];
        QAction *a = colors->addAction(colorSwatch(QColor(annotate::colorHex(c)), true), c);
        a->setShortcut(QKeySequence(QStringLiteral("Alt+%1").arg(i + 1)));
        connect(a, &QAction::triggered, this, [this, c, highlight] {
            m_lastColor = c;
            highlight->setIcon(colorSwatch(QColor(annotate::colorHex(c)), true));
            highlightSelection(c);
        });
    }
    QAction *note = annotate->addAction(tr("Add &Note…"));
    note->setShortcut(QKeySequence(tr("Ctrl+Shift+N")));
    connect(note, &QAction::triggered, this, [this] {
        const annotate::Annotation *cur = m_reader->currentAnnotation();
        if (!cur && !m_reader->selectedRange()) {
            showStatus(tr("Select some text to annotate."));
            return;
        }
        bool ok = false;
        const QString text = QInputDialog::getMultiLineText(this, tr("Note"), tr("Note on the passage:"), cur ? cur->note : QString(), &ok);
        if (ok)
            annotateSelection(text);
    });
    QAction *tagsAction = annotate->addAction(tr("&Tags…"));
    tagsAction->setShortcut(QKeySequence(tr("Ctrl+T")));
    connect(tagsAction, &QAction::triggered, this, [this] {
        const annotate::Annotation *cur = m_reader->currentAnnotation();
        if (!cur && !m_reader->selectedRange()) {
            showStatus(tr("Select some text to tag."));
            return;
        }
        bool ok = false;
        const QString typed = QInputDialog::getText(this, tr("Tags"), tr("Tags, separated by commas:"), QLineEdit::Normal,
                                                    cur ? cur->tags.join(QStringLiteral(", ")) : QString(), &ok);
        if (ok)
            annotateSelection(cur ? cur->note : QString(), annotate::parseTags(typed), true);
    });
    QAction *delAnn = annotate->addAction(tr("&Delete Annotation"));
    delAnn->setShortcut(QKeySequence(tr("Ctrl+Shift+D")));
    connect(delAnn, &QAction::triggered, this, &MainWindow::deleteCurrentAnnotation);
    m_reader->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_reader, &QWidget::customContextMenuRequested, this, [this, highlight, colors, note, tagsAction, delAnn](const QPoint &pos) {
        QMenu *menu = m_reader->createStandardContextMenu(pos);
        menu->addSeparator();
        menu->addAction(highlight);
        menu->addMenu(colors);
        menu->addAction(note);
        menu->addAction(tagsAction);
        menu->addAction(delAnn);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_reader->viewport()->mapToGlobal(pos));
    });
    toolbar->addSeparator();
    toolbar->addAction(highlight);
    toolbar->addAction(note);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    const QStringList pageNames{tr("&Library"), tr("&Entities"), tr("&Timeline"), tr("&Compare"), tr("&Annotations"), tr("C&onflicts")};
    for (int i = 0; i < PageCount; ++i) {
        QAction *go = viewMenu->addAction(pageNames[i]);
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(go, &QAction::triggered, this, [this, i] { showView(i); });
    }
    viewMenu->addSeparator();
    QAction *zoomIn = viewMenu->addAction(tr("Zoom &In"));
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(tr("Ctrl+="))});
    connect(zoomIn, &QAction::triggered, this, [this] { m_reader->zoomBy(1); });
    QAction *zoomOut = viewMenu->addAction(tr("Zoom &Out"));
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    connect(zoomOut, &QAction::triggered, this, [this] { m_reader->zoomBy(-1); });
    QAction *zoomReset = viewMenu->addAction(tr("&Actual Size"));
    zoomReset->setShortcut(QKeySequence(tr("Ctrl+0")));
    connect(zoomReset, &QAction::triggered, this, [this] { m_reader->resetZoom(); });
    viewMenu->addSeparator();
    for (QDockWidget *d : findChildren<QDockWidget *>())
        viewMenu->addAction(d->toggleViewAction());

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *keys = helpMenu->addAction(tr("&Keyboard Shortcuts"));
    keys->setShortcuts({QKeySequence::HelpContents, QKeySequence(tr("Ctrl+/"))});
    connect(keys, &QAction::triggered, this, &MainWindow::showShortcuts);
    QAction *about = helpMenu->addAction(tr("&About Sextant"));
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);

    toolbar->addSeparator();
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search the library (Ctrl+K)  —  e.g. \"open weights\" date:2025..2026"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search"));
    m_search->setMinimumWidth(420);
    toolbar->addWidget(m_search);
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(120); // results as you type, without a query per keystroke
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] { runSearchNow(true); });
    connect(m_searchTimer, &QTimer::timeout, this, [this] { runSearchNow(false); });
}

// ---------------------------------------------------------------------------

void MainWindow::showShortcuts()
{
    auto *dialog = new QDialog(this);
    dialog->setWindowTitle(tr("Keyboard Shortcuts"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *table = new QTableWidget(dialog);
    table->setColumnCount(2);
    table->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAccessibleName(tr("Keyboard shortcuts"));
    QList<QPair<QString, QString>> rows;
    for (QAction *a : findChildren<QAction *>()) {
        if (a->shortcuts().isEmpty() || a->text().isEmpty())
            continue;
        QStringList keys;
        for (const QKeySequence &k : a->shortcuts())
            keys << k.toString(QKeySequence::NativeText);
        rows.append({a->text().remove(u'&').remove(QStringLiteral("…")), keys.join(QStringLiteral(", "))});
    }
    rows.append({tr("Timeline: zoom, pan, fit"), tr("+ / −, arrow keys, F")});
    rows.append({tr("Entities: rename, merge"), tr("F2, Ctrl+M")});
    rows.append({tr("Close the find bar"), tr("Esc")});
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    table->setRowCount(static_cast<int>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(rows[i].first));
        table->setItem(i, 1, new QTableWidgetItem(rows[i].second));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *l = new QVBoxLayout(dialog);
    l->addWidget(table);
    l->addWidget(buttons);
    dialog->resize(520, 560);
    dialog->open();
}

void MainWindow::showView(int page)
{
    if (page >= 0 && page < PageCount)
        m_pages->setCurrentIndex(page);
}

int MainWindow::currentView() const { return m_pages->currentIndex(); }

void MainWindow::refreshView(int page)
{
    switch (page) {
    case EntitiesPage: m_entities->refresh(); break;
    case TimelinePage: m_timelineView->refresh(); break;
    case ComparePage: m_compareView->refresh(); break;
    case AnnotationsPage: m_annotations->refresh(); break;
    case ConflictsPage: fillConflicts(); break;
    default: break;
    }
}

void MainWindow::fillConflicts()
{
    m_conflicts->clear();
    const library::Knowledge *k = knowledge();
    if (!k)
        return;
    QHash<qint64, QString> titles;
    for (const auto &s : k->sources)
        titles.insert(s.id, s.title);
    for (const library::Conflict &c : k->conflicts) {
        auto *top = new QTreeWidgetItem(m_conflicts, {c.subject, c.attribute, tr("%n value(s)", nullptr, static_cast<int>(c.values.size()))});
        top->setData(0, kPageRole, c.subjectKey);
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        for (const library::AttributeValue &v : c.values) {
            auto *child = new QTreeWidgetItem(top, {v.display.isEmpty() ? v.value : v.display,
                                                    v.from.source > 0 ? titles.value(v.from.source) : v.from.reference,
                                                    v.from.quote.simplified()});
            child->setToolTip(2, v.from.quote);
            if (v.from.source > 0)
                child->setData(0, kArgRole, QVariantList{v.from.source, v.from.start, v.from.length});
        }
        top->setExpanded(true);
    }
    m_conflicts->resizeColumnToContents(0);
    m_conflicts->resizeColumnToContents(1);
}

void MainWindow::reloadSources()
{
    if (!m_library)
        return;
    m_sources->reload();
    if (!m_sources->lastError().isEmpty()) {
        showStatus(m_sources->lastError());
        return;
    }
    fillSidebar();
    if (!m_ingestRunning)
        showStatus(tr("%n source(s) in %1", nullptr, m_sources->rowCount()).arg(m_libraryDir));
}

int MainWindow::sourceCount() const
{
    return m_library ? static_cast<int>(m_library->store().countSources({}).value_or(0)) : 0;
}

void MainWindow::openSource(qint64 id)
{
    if (!m_library)
        return;
    auto doc = m_library->store().document(id);
    if (!doc) {
        m_reader->showMessage(doc.error().message);
        return;
    }
    m_currentSource = id;
    m_reader->showDocument(*doc);
    refreshReader();
    m_sourceAnnotations->setSource(id);
    m_inspector->showSource(id);
}

void MainWindow::refreshReader()
{
    if (!m_library || m_currentSource == 0)
        return;
    if (auto mentions = m_library->store().versionMentions(m_reader->versionId()))
        m_reader->setMentions(std::move(*mentions));
    if (auto list = library::annotationsOf(*m_library, m_currentSource))
        m_reader->setAnnotations(std::move(*list));
    m_sourceAnnotations->refresh();
}

bool MainWindow::openPassage(qint64 sourceId, qint64 start, qint64 length)
{
    showView(LibraryPage);
    if (m_currentSource != sourceId)
        openSource(sourceId);
    return m_reader->showPassage(start, length);
}

void MainWindow::showEntity(const QString &key)
{
    m_inspector->showEntity(key);
}

bool MainWindow::highlightSelection(const QString &color)
{
    if (m_currentSource == 0)
        return false;
    if (const auto sel = m_reader->selectedRange()) {
        if (const annotate::Annotation *cur = m_reader->currentAnnotation();
            cur && cur->start == sel->first && cur->length == sel->second) {
            annotate::Annotation after = *cur;
            after.color = color;
            return m_edits->editAnnotation(*cur, after);
        }
        return m_edits->createAnnotation(m_currentSource, sel->first, sel->second, color);
    }
    if (const annotate::Annotation *cur = m_reader->currentAnnotation()) {
        annotate::Annotation after = *cur;
        after.color = color;
        return m_edits->editAnnotation(*cur, after);
    }
    showStatus(tr("Select some text to highlight."));
    return false;
}

bool MainWindow::annotateSelection(const QString &note, const QStringList &tags, bool setTags)
{
    if (m_currentSource == 0)
        return false;
    const annotate::Annotation *cur = m_reader->currentAnnotation();
    if (cur) {
        annotate::Annotation after = *cur;
        after.note = note.trimmed();
        if (setTags)
            after.tags = tags;
        return m_edits->editAnnotation(*cur, after);
    }
    const auto sel = m_reader->selectedRange();
    if (!sel)
        return false;
    return m_edits->createAnnotation(m_currentSource, sel->first, sel->second, m_lastColor, note.trimmed(), tags);
}

bool MainWindow::deleteCurrentAnnotation()
{
    if (const annotate::Annotation *cur = m_reader->currentAnnotation())
        return m_edits->deleteAnnotations({*cur});
    const auto chosen = m_sourceAnnotations->selected();
    return m_edits->deleteAnnotations(chosen);
}

void MainWindow::removeSelectedSources(bool confirmed)
{
    std::vector<qint64> ids;
    QStringList titles;
    for (const QModelIndex &i : m_sourcesView->selectionModel()->selectedRows()) {
        ids.push_back(i.data(SourcesModel::IdRole).toLongLong());
        titles << i.siblingAtColumn(SourcesModel::Title).data().toString();
    }
    if (ids.empty() || m_sources->query().trashed)
        return;
    auto run = [this, ids] {
        m_edits->trashSources(ids, tr("Move %n Source(s) to Trash", nullptr, static_cast<int>(ids.size())));
        showStatus(tr("Moved %n source(s) to the trash. Edit ▸ Undo brings them back.", nullptr, static_cast<int>(ids.size())));
    };
    if (confirmed) {
        run();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Move to Trash"),
                                ids.size() == 1 ? tr("Move “%1” to the trash?").arg(titles.front())
                                                : tr("Move %n sources to the trash?", nullptr, static_cast<int>(ids.size())),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setInformativeText(tr("Their annotations go with them. Undo (Ctrl+Z) brings them back; the trash is emptied when Sextant next starts."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [run](int result) {
        if (result == QMessageBox::Yes)
            run();
    });
    box->open();
}

void MainWindow::setSearchText(const QString &text)
{
    m_search->setText(text);
    runSearchNow(true);
}

void MainWindow::runSearchNow(bool force)
{
    m_searchTimer->stop();
    const QString query = m_search->text().trimmed();
    if (query.isEmpty()) {
        m_searchPane->clear();
        m_listStack->setCurrentIndex(0);
        return;
    }
    showView(LibraryPage);
    m_listStack->setCurrentIndex(1);
    m_searchPane->search(query, force);
}

QListView *MainWindow::resultsView() const { return m_searchPane->resultsView(); }
SearchResultsModel *MainWindow::resultsModel() const { return m_searchPane->resultsModel(); }

// --- ingest -------------------------------------------------------------------

void MainWindow::ingestPaths(const QStringList &paths, const QStringList &urls)
{
    if (m_ingestRunning) {
        QMessageBox::information(this, tr("Ingest running"), tr("Wait for the current ingest to finish, or cancel it."));
        return;
    }
    m_ingestRunning = true;
    m_progress->setVisible(true);
    m_progress->setRange(0, 0);
    m_cancel->setVisible(true);
    showStatus(tr("Adding %n item(s)…", nullptr, static_cast<int>(paths.size())));
    Q_EMIT startIngest(paths, urls);
}

void MainWindow::addFromUrl(const QUrl &url)
{
    m_urlQueue << url;
    if (!m_fetcher->busy() && m_urlQueue.size() == 1)
        fetchNextUrl();
}

void MainWindow::fetchNextUrl()
{
    if (m_urlQueue.isEmpty() || m_fetcher->busy() || m_ingestRunning)
        return;
    const QUrl url = m_urlQueue.takeFirst();
    m_progress->setVisible(true);
    m_progress->setRange(0, 0);
    m_cancel->setVisible(true);
    showStatus(tr("Downloading %1…").arg(url.toString()));
    m_fetcher->fetch(url);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_sidebar)
        fillSidebar(); // section titles are drawn in the palette's secondary color
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList files;
    for (const QUrl &u : event->mimeData()->urls()) {
        if (u.isLocalFile())
            files << u.toLocalFile();
        else if (u.scheme() == u"http" || u.scheme() == u"https")
            addFromUrl(u);
    }
    if (!files.isEmpty())
        ingestPaths(files);
    event->acceptProposedAction();
}

void MainWindow::loadDemo()
{
    auto files = writeDemoSources(m_libraryDir);
    if (!files) {
        QMessageBox::warning(this, tr("Demo sources"), files.error().message);
        return;
    }
    ingestPaths(*files);
}

void MainWindow::offerDemo()
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Welcome to Sextant"),
                                tr("Your library at %1 is new and empty.\n\nLoad a few demo sources (short articles "
                                   "about public model releases) to try search and the reader?")
                                    .arg(m_libraryDir),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this](int result) {
        if (result == QMessageBox::Yes)
            loadDemo();
    });
    box->open();
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(m_libraryDir, m_library ? m_library->diskUsage() : 0, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::onIngestFinished(const library::IngestSummary &s)
{
    m_ingestRunning = false;
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    invalidateKnowledge();
    reloadSources();
    if (!m_search->text().trimmed().isEmpty())
        runSearchNow(true);
    if (m_currentSource > 0) // a new version re-anchors annotations
        openSource(m_currentSource);
    refreshView(m_pages->currentIndex()); // charts, the timeline and lists are drawn again from the new sources
    showStatus(tr("%1: %2 added, %3 updated, %4 unchanged, %5 skipped")
                   .arg(s.cancelled ? tr("Cancelled") : tr("Done"))
                   .arg(s.added)
                   .arg(s.updated)
                   .arg(s.unchanged + s.duplicates)
                   .arg(s.skipped.size()));
    if (!s.skipped.empty()) {
        QStringList lines;
        for (const auto &n : s.skipped)
            lines << n.path + QStringLiteral(": ") + n.message;
        auto *box = new QMessageBox(QMessageBox::Information, tr("Some files were skipped"),
                                    tr("%n file(s) could not be added.", nullptr, static_cast<int>(s.skipped.size())),
                                    QMessageBox::Ok, this);
        box->setDetailedText(lines.join(u'\n'));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open(); // not exec(): no nested event loop
    }
    Q_EMIT ingestFinished();
    fetchNextUrl();
}

void MainWindow::onIngestFailed(const QString &message)
{
    m_ingestRunning = false;
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    showStatus(message);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Ingest failed"), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    Q_EMIT ingestFinished();
    fetchNextUrl();
}

} // namespace sextant::ui
