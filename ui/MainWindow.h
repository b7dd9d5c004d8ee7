#pragma once

#include "library/IngestEngine.h"
#include "library/Library.h"

#include <QMainWindow>
#include <QThread>
#include <memory>

class QLabel;
class QLineEdit;
class QListView;
class QProgressBar;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace sextant::ui {

class CompareView;
class IngestWorker;
class TimelineView;
class ReaderView;
class SearchResultsModel;
class SourcesModel;

/// Sextant's main window: the source list, a reader, a search box with
/// results and snippets, and adding files or folders with the ingest on a
/// worker thread (progress and Cancel in the status bar).
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QString libraryDir, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Starts an ingest of these paths (what Add Files/Folder do after their dialogs).
    void ingestPaths(const QStringList &paths);
    /// Copies the embedded demo sources into the library and ingests them.
    void loadDemo();
    /// First run: asks (without blocking) whether to load the demo sources.
    void offerDemo();
    [[nodiscard]] int sourceCount() const;
    void showAbout();
    [[nodiscard]] bool ingestRunning() const { return m_ingestRunning; }

    // For tests and for the command line's `--search`.
    void setSearchText(const QString &text);
    void runSearchNow();
    void openSource(qint64 id);
    QTableView *sourcesView() const { return m_sourcesView; }
    QListView *resultsView() const { return m_resultsView; }
    ReaderView *reader() const { return m_reader; }
    SourcesModel *sourcesModel() const { return m_sources; }
    SearchResultsModel *resultsModel() const { return m_results; }
    TimelineView *timelineView() const { return m_timelineView; }
    CompareView *compareView() const { return m_compareView; }
    /// 0: library, 1: timeline, 2: compare (Ctrl+1..3).
    void showView(int index);

Q_SIGNALS:
    void ingestFinished();
    void startIngest(const QStringList &paths);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildUi();
    void reloadSources();
    void onIngestFinished(const library::IngestSummary &summary);
    void onIngestFailed(const QString &message);
    bool ensureLibrary();
    void refreshView(int index);

    QString m_libraryDir;
    std::unique_ptr<library::Library> m_library; // read access, UI thread only
    SourcesModel *m_sources = nullptr;
    QSortFilterProxyModel *m_sourcesProxy = nullptr;
    SearchResultsModel *m_results = nullptr;
    QTableView *m_sourcesView = nullptr;
    QListView *m_resultsView = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTabWidget *m_views = nullptr;
    TimelineView *m_timelineView = nullptr;
    CompareView *m_compareView = nullptr;
    ReaderView *m_reader = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_searchInfo = nullptr;
    QTimer *m_searchTimer = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancel = nullptr;
    QThread m_ingestThread;
    IngestWorker *m_worker = nullptr;
    bool m_ingestRunning = false;
};

} // namespace sextant::ui
