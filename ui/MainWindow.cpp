#include "MainWindow.h"

#include "AboutDialog.h"
#include "DemoLibrary.h"
#include "IngestWorker.h"
#include "ReaderView.h"
#include "models/SearchResultsModel.h"
#include "models/SourcesModel.h"
#include "views/CompareView.h"
#include "views/TimelineView.h"

#include <QDateTime>

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QListView>
#include <QMessageBox>
#include <QPainter>
#include <QProgressBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QTextDocument>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
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

} // namespace

MainWindow::MainWindow(QString libraryDir, QWidget *parent) : QMainWindow(parent), m_libraryDir(std::move(libraryDir))
{
    setWindowTitle(tr("Sextant"));
    buildUi();

    m_worker = new IngestWorker(m_libraryDir);
    m_worker->moveToThread(&m_ingestThread);
    connect(&m_ingestThread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &MainWindow::startIngest, m_worker, &IngestWorker::run, Qt::QueuedConnection);
    connect(m_worker, &IngestWorker::progressed, this, [this](const QString &phase, qint64 done, qint64 total, qint64 errors) {
        m_status->setText(errors > 0 ? tr("%1… (%2 skipped)").arg(phase).arg(errors) : tr("%1…").arg(phase));
        m_progress->setRange(0, total > 0 ? static_cast<int>(total) : 0);
        m_progress->setValue(static_cast<int>(std::min(done, total)));
    });
    connect(m_worker, &IngestWorker::finished, this, &MainWindow::onIngestFinished);
    connect(m_worker, &IngestWorker::failed, this, &MainWindow::onIngestFailed);
    m_ingestThread.start();

    if (ensureLibrary())
        reloadSources();
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
}

MainWindow::~MainWindow()
{
    if (m_worker)
        m_worker->cancel();
    m_ingestThread.quit();
    m_ingestThread.wait(); // the engine stops at its next document; committed work is kept
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
    event->accept();
}

void MainWindow::buildUi()
{
    setWindowIcon(QIcon(QStringLiteral(":/icons/sextant.svg")));
    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setMovable(false);
    QAction *addFiles = toolbar->addAction(tr("Add Files…"));
    addFiles->setShortcut(QKeySequence::Open);
    connect(addFiles, &QAction::triggered, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(
            this, tr("Add files to the library"), {},
            tr("Articles (*.html *.htm *.xhtml *.md *.markdown *.mdx *.txt *.text);;All files (*)"));
        if (!files.isEmpty())
            ingestPaths(files);
    });
    QAction *addFolder = toolbar->addAction(tr("Add Folder…"));
    addFolder->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    connect(addFolder, &QAction::triggered, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Add a folder to the library"));
        if (!dir.isEmpty())
            ingestPaths({dir});
    });
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(addFiles);
    fileMenu->addAction(addFolder);
    QAction *demo = fileMenu->addAction(tr("Load Demo Sources"));
    connect(demo, &QAction::triggered, this, &MainWindow::loadDemo);
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *about = helpMenu->addAction(tr("&About Sextant"));
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);

    toolbar->addSeparator();
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search the library (Ctrl+K)  —  e.g. \"open weights\" date:2025..2026"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search"));
    m_search->setMinimumWidth(420);
    toolbar->addWidget(m_search);
    auto *focusSearch = new QAction(this);
    focusSearch->setShortcut(QKeySequence(tr("Ctrl+K")));
    connect(focusSearch, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    addAction(focusSearch);

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(120); // results as you type, without a query per keystroke
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &MainWindow::runSearchNow);
    connect(m_searchTimer, &QTimer::timeout, this, &MainWindow::runSearchNow);

    m_sources = new SourcesModel(this);
    m_sourcesProxy = new QSortFilterProxyModel(this);
    m_sourcesProxy->setSourceModel(m_sources);
    m_sourcesProxy->setSortRole(SourcesModel::SortRole);
    m_sourcesProxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_sourcesView = new QTableView(this);
    m_sourcesView->setModel(m_sourcesProxy);
    m_sourcesView->setSortingEnabled(true);
    m_sourcesView->sortByColumn(SourcesModel::Added, Qt::DescendingOrder);
    m_sourcesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_sourcesView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_sourcesView->verticalHeader()->hide();
    m_sourcesView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_sourcesView->horizontalHeader()->setSectionResizeMode(SourcesModel::Title, QHeaderView::Stretch);
    m_sourcesView->setAccessibleName(tr("Sources"));
    m_sourcesView->setAlternatingRowColors(true);
    m_sourcesView->setWordWrap(false);
    connect(m_sourcesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            openSource(current.data(SourcesModel::IdRole).toLongLong());
    });

    m_results = new SearchResultsModel(this);
    m_resultsView = new QListView(this);
    m_resultsView->setModel(m_results);
    m_resultsView->setItemDelegate(new RichTextDelegate(m_resultsView));
    m_resultsView->setWordWrap(true);
    m_resultsView->setUniformItemSizes(false);
    m_resultsView->setAccessibleName(tr("Search results"));
    connect(m_resultsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            openSource(current.data(SearchResultsModel::IdRole).toLongLong());
    });
    m_searchInfo = new QLabel(this);
    m_searchInfo->setTextFormat(Qt::RichText);
    m_searchInfo->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_searchInfo, &QLabel::linkActivated, this, [this](const QString &suggestion) { setSearchText(suggestion); });
    auto *resultsPane = new QWidget(this);
    auto *resultsLayout = new QVBoxLayout(resultsPane);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->addWidget(m_searchInfo);
    resultsLayout->addWidget(m_resultsView);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_sourcesView, tr("Sources"));
    m_tabs->addTab(resultsPane, tr("Search"));

    m_reader = new ReaderView(this);
    m_reader->showMessage(tr("Select a source to read it."));

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_tabs);
    splitter->addWidget(m_reader);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 4);

    // The views: the library (sources, search, reader), the timeline, and benchmark comparison.
    auto loadKnowledge = [this]() -> Result<library::Knowledge> {
        if (!m_library)
            return fail(ErrorCode::NotFound, tr("No library is open."));
        return library::Knowledge::load(*m_library);
    };
    m_timelineView = new TimelineView(loadKnowledge, this);
    m_compareView = new CompareView(
        loadKnowledge,
        [this](const QString &name, const QString &json) -> QString {
            auto lib = library::Library::open(m_libraryDir, library::Library::Access::Write);
            if (!lib)
                return lib.error().message;
            auto saved = (*lib)->store().saveChart(name, json, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
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
    connect(m_timelineView, &TimelineView::openSourceRequested, this, [this](qint64 id, qint64 start, qint64) {
        m_views->setCurrentIndex(0);
        openSource(id);
        m_reader->showPassage(start); // the passage the event was read from
    });
    m_views = new QTabWidget(this);
    m_views->setDocumentMode(true);
    m_views->addTab(splitter, tr("Library"));
    m_views->addTab(m_timelineView, tr("Timeline"));
    m_views->addTab(m_compareView, tr("Compare"));
    m_views->setAccessibleName(tr("Views"));
    connect(m_views, &QTabWidget::currentChanged, this, [this](int index) { refreshView(index); });
    for (int i = 0; i < 3; ++i) {
        auto *go = new QAction(this);
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(go, &QAction::triggered, this, [this, i] { m_views->setCurrentIndex(i); });
        addAction(go);
    }
    setCentralWidget(m_views);

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
        m_status->setText(tr("Cancelling…"));
    });
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    resize(1280, 800);
}

bool MainWindow::ensureLibrary()
{
    auto lib = library::Library::open(m_libraryDir, library::Library::Access::Read);
    if (!lib && lib.error().code == ErrorCode::NotFound) {
        // A new library: create it, then read it like any other.
        if (auto created = library::Library::open(m_libraryDir, library::Library::Access::Write); !created) {
            m_status->setText(created.error().message);
            return false;
        }
        lib = library::Library::open(m_libraryDir, library::Library::Access::Read);
    }
    if (!lib) {
        m_status->setText(lib.error().message);
        QMessageBox::warning(this, tr("Cannot open the library"), lib.error().message);
        return false;
    }
    m_library = std::move(*lib);
    return true;
}

void MainWindow::reloadSources()
{
    if (!m_library)
        return;
    auto rows = m_library->store().listSources(store::SourceOrder::Added, true);
    if (!rows) {
        m_status->setText(rows.error().message);
        return;
    }
    const qsizetype count = static_cast<qsizetype>(rows->size());
    m_sources->setSources(std::move(*rows));
    if (!m_ingestRunning)
        m_status->setText(tr("%n source(s) in %1", nullptr, static_cast<int>(count)).arg(m_libraryDir));
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
    m_reader->showDocument(*doc);
}

void MainWindow::setSearchText(const QString &text)
{
    m_search->setText(text);
    runSearchNow();
}

void MainWindow::runSearchNow()
{
    m_searchTimer->stop();
    const QString query = m_search->text().trimmed();
    if (query.isEmpty() || !m_library) {
        m_results->clear();
        m_searchInfo->clear();
        m_tabs->setCurrentIndex(0);
        return;
    }
    index::SearchOptions opts;
    opts.limit = 50;
    auto page = m_library->search(query, opts);
    m_tabs->setCurrentIndex(1);
    if (!page) {
        m_results->clear();
        m_searchInfo->setText(page.error().message.toHtmlEscaped());
        return;
    }
    m_results->setPage(std::move(*page));
    QString info = tr("About %n result(s)", nullptr, static_cast<int>(m_results->estimatedTotal()));
    if (!m_results->correctedQuery().isEmpty())
        info += QStringLiteral(" — ") + tr("did you mean <a href=\"%1\">%2</a>?")
                                             .arg(m_results->correctedQuery().toHtmlEscaped(), m_results->correctedQuery().toHtmlEscaped());
    m_searchInfo->setText(info);
}

void MainWindow::ingestPaths(const QStringList &paths)
{
    if (m_ingestRunning) {
        QMessageBox::information(this, tr("Ingest running"), tr("Wait for the current ingest to finish, or cancel it."));
        return;
    }
    m_ingestRunning = true;
    m_progress->setVisible(true);
    m_progress->setRange(0, 0);
    m_cancel->setVisible(true);
    m_status->setText(tr("Adding %n item(s)…", nullptr, static_cast<int>(paths.size())));
    Q_EMIT startIngest(paths);
}

int MainWindow::sourceCount() const { return m_sources->rowCount(); }

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
    reloadSources();
    if (!m_search->text().trimmed().isEmpty())
        runSearchNow();
    refreshView(m_views->currentIndex()); // charts and the timeline are drawn again from the new sources
    m_status->setText(tr("%1: %2 added, %3 updated, %4 unchanged, %5 skipped")
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
}

void MainWindow::onIngestFailed(const QString &message)
{
    m_ingestRunning = false;
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    m_status->setText(message);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Ingest failed"), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    Q_EMIT ingestFinished();
}

void MainWindow::refreshView(int index)
{
    if (index == 1)
        m_timelineView->refresh();
    else if (index == 2)
        m_compareView->refresh();
}

void MainWindow::showView(int index) { m_views->setCurrentIndex(index); }

} // namespace sextant::ui
