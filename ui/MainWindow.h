#pragma once

#include "library/IngestEngine.h"
#include "library/Knowledge.h"
#include "library/Library.h"

#include <QMainWindow>
#include <QThread>
#include <QUrl>
#include <memory>
#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;
class QUndoStack;

namespace sextant::ui {

class AnnotationsPane;
class CompareView;
class EditController;
class EntityBrowser;
class IngestWorker;
class Inspector;
class ReaderView;
class SearchPane;
class SearchResultsModel;
class SourcesModel;
class TimelineView;
class UrlFetcher;

/// Sextant's main window. Left, a sidebar: the library (all sources, recent,
/// by publisher, by tag, the trash), entities by kind, and the views. Centre,
/// the current view: sources or search results beside the reader, the entity
/// browser, the timeline, benchmark comparison, annotations, conflicts.
/// Right, the inspector for whatever is selected. Ingest (files, folders,
/// drops, URLs) runs on a worker thread; every edit is undoable.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    enum Page { LibraryPage, EntitiesPage, TimelinePage, ComparePage, AnnotationsPage, ConflictsPage, PageCount };

    explicit MainWindow(QString libraryDir, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Starts an ingest of these paths (what Add Files/Folder and drops do).
    void ingestPaths(const QStringList &paths, const QStringList &urls = {});
    /// Downloads a page and ingests it, keeping its HTML as the original.
    void addFromUrl(const QUrl &url);
    void loadDemo();
    void offerDemo();
    [[nodiscard]] int sourceCount() const;
    void showAbout();
    void showShortcuts();
    [[nodiscard]] bool ingestRunning() const { return m_ingestRunning; }
    [[nodiscard]] QString libraryDir() const { return m_libraryDir; }

    // Search (Ctrl+K): results as you type.
    void setSearchText(const QString &text);
    void runSearchNow(bool force = false);

    // The reader and annotations.
    void openSource(qint64 id);
    bool openPassage(qint64 sourceId, qint64 start, qint64 length);
    /// Highlights the reader's selection (or recolors the annotation under the cursor).
    bool highlightSelection(const QString &color);
    /// Sets the note (and tags, when given) of the selection's annotation, creating it when there is none.
    bool annotateSelection(const QString &note, const QStringList &tags = {}, bool setTags = false);
    bool deleteCurrentAnnotation();

    /// Moves the selected sources to the trash (undoable); asks first unless confirmed.
    void removeSelectedSources(bool confirmed = false);
    void showEntity(const QString &key);

    void showView(int page);
    [[nodiscard]] int currentView() const;

    // For tests.
    QTableView *sourcesView() const { return m_sourcesView; }
    QListView *resultsView() const;
    SearchResultsModel *resultsModel() const;
    SearchPane *searchPane() const { return m_searchPane; }
    ReaderView *reader() const { return m_reader; }
    SourcesModel *sourcesModel() const { return m_sources; }
    TimelineView *timelineView() const { return m_timelineView; }
    CompareView *compareView() const { return m_compareView; }
    EntityBrowser *entityBrowser() const { return m_entities; }
    Inspector *inspector() const { return m_inspector; }
    AnnotationsPane *annotationsPane() const { return m_annotations; }
    AnnotationsPane *sourceAnnotations() const { return m_sourceAnnotations; }
    QTreeWidget *sidebar() const { return m_sidebar; }
    QUndoStack *undoStack() const { return m_undo; }
    EditController *edits() const { return m_edits; }
    library::Library *library() const { return m_library.get(); }
    const library::Knowledge *knowledge();

Q_SIGNALS:
    void ingestFinished();
    void startIngest(const QStringList &paths, const QStringList &urls);
    void startIndexSync();
    void urlFailed(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    QWidget *buildReaderPane();
    void buildSidebar();
    void buildActions();
    void fillSidebar();
    void reloadSources();
    void refreshReader();
    void onIngestFinished(const library::IngestSummary &summary);
    void onIngestFailed(const QString &message);
    void onSidebarItem(QTreeWidgetItem *item);
    bool ensureLibrary();
    void refreshView(int page);
    void invalidateKnowledge();
    void onKnowledgeLoaded();
    void fillConflicts();
    void showStatus(const QString &text);
    void fetchNextUrl();
    void restoreSettings();
    void saveSettings();

    QString m_libraryDir;
    std::unique_ptr<library::Library> m_library; // reads and the user's edits, UI thread only
    std::optional<library::Knowledge> m_knowledge;
    QThread *m_knowledgeThread = nullptr; ///< loading a large library's knowledge
    int m_knowledgeGeneration = 0;        ///< bumped when the library changes; older loads are dropped
    QUndoStack *m_undo = nullptr;
    EditController *m_edits = nullptr;
    QTreeWidget *m_sidebar = nullptr;
    QStackedWidget *m_pages = nullptr;
    QStackedWidget *m_listStack = nullptr;
    QSplitter *m_librarySplit = nullptr;
    SourcesModel *m_sources = nullptr;
    QTableView *m_sourcesView = nullptr;
    QLineEdit *m_sourceFilter = nullptr;
    QLabel *m_listTitle = nullptr;
    SearchPane *m_searchPane = nullptr;
    ReaderView *m_reader = nullptr;
    QWidget *m_findBar = nullptr;
    QLineEdit *m_find = nullptr;
    AnnotationsPane *m_sourceAnnotations = nullptr;
    EntityBrowser *m_entities = nullptr;
    TimelineView *m_timelineView = nullptr;
    CompareView *m_compareView = nullptr;
    AnnotationsPane *m_annotations = nullptr;
    QTreeWidget *m_conflicts = nullptr;
    Inspector *m_inspector = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchTimer = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancel = nullptr;
    QAction *m_restoreAction = nullptr;
    QString m_lastColor = QStringLiteral("yellow");
    qint64 m_currentSource = 0;
    QThread m_ingestThread;
    IngestWorker *m_worker = nullptr;
    UrlFetcher *m_fetcher = nullptr;
    QList<QUrl> m_urlQueue;
    bool m_ingestRunning = false;
};

} // namespace sextant::ui
