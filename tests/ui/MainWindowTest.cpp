// The real main window, offscreen: sources, reader, search, and an ingest
// started from the window running on its worker thread.
#include "TestSupport.h"

#include "AboutDialog.h"
#include "MainWindow.h"
#include "ReaderView.h"
#include "models/SearchResultsModel.h"
#include "models/SourcesModel.h"

#include <QDir>
#include <QFileInfo>
#include <QListView>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

using namespace sextant;

TEST_CASE("the window lists sources, reads one, searches, and ingests off the UI thread")
{
    QTemporaryDir tmp;
    const QString dir = tmp.path() + QStringLiteral("/lib");
    {
        auto lib = test::openWritable(dir);
        test::ingest(*lib, {test::dataPath(QStringLiteral("corpus"))});
    }
    ui::MainWindow window(dir);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK(window.sourcesModel()->rowCount() == 7);

    // Selecting a source shows its structured text.
    QTableView *view = window.sourcesView();
    const QModelIndex kestrel = view->model()->match(view->model()->index(0, 0), Qt::DisplayRole,
                                                     QStringLiteral("Kestrel 2 arrives with a closed API")).value(0);
    REQUIRE(kestrel.isValid());
    view->setCurrentIndex(kestrel);
    CHECK(window.reader()->toPlainText().contains(u"Reasoning score"));
    CHECK(window.reader()->toPlainText().contains(u"Model Notes"));

    // Search with marked snippets, and a spelling suggestion.
    window.setSearchText(QStringLiteral("orbit"));
    CHECK(window.resultsModel()->rowCount() == 4);
    CHECK(window.resultsModel()->index(0).data().toString().contains(u"<b>Orbit</b>"));
    window.resultsView()->setCurrentIndex(window.resultsModel()->index(0));
    CHECK(window.reader()->toPlainText().contains(u"Orbit"));
    window.setSearchText(QStringLiteral("kestral"));
    CHECK(window.resultsModel()->rowCount() == 0);
    CHECK(window.resultsModel()->correctedQuery() == u"kestrel");

    QDir().mkpath(QStringLiteral(SEXTANT_SCREENSHOT_DIR));
    window.setSearchText(QStringLiteral("open weights"));
    window.grab().save(QStringLiteral(SEXTANT_SCREENSHOT_DIR "/main-window-search.png"));

    // Add a folder from the window: the ingest runs on the worker thread.
    const QString more = tmp.path() + QStringLiteral("/more");
    test::writeFile(more + QStringLiteral("/new.md"), "# A new arrival\n\nMore text about Heron models.\n");
    test::writeFile(more + QStringLiteral("/empty.txt"), "");
    QSignalSpy done(&window, &ui::MainWindow::ingestFinished);
    window.ingestPaths({more});
    CHECK(window.ingestRunning());
    REQUIRE(done.wait(30000));
    CHECK_FALSE(window.ingestRunning());
    CHECK(window.sourcesModel()->rowCount() == 8);
    window.grab().save(QStringLiteral(SEXTANT_SCREENSHOT_DIR "/main-window-after-ingest.png"));
}

TEST_CASE("the reader escapes everything from sources and loads nothing")
{
    store::StoredDocument d;
    d.version.meta.title = QStringLiteral("<script>alert(1)</script>Title");
    d.document.text = QStringLiteral("<img src=\"http://tracker.example/x.png\"> & <b>not bold</b>");
    d.document.blocks.push_back(model::Block{model::BlockKind::Paragraph, {0, d.document.text.size()}, 0, {}});
    const QString html = ui::ReaderView::toHtml(d);
    CHECK_FALSE(html.contains(u"<script>"));
    CHECK_FALSE(html.contains(u"<img"));
    CHECK(html.contains(u"&lt;img"));
    ui::ReaderView view;
    view.showDocument(d);
    CHECK(view.toPlainText().contains(u"<b>not bold</b>"));
    CHECK(view.loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("http://tracker.example/x.png"))).isNull());
}

TEST_CASE("first run: an empty library, the demo sources loaded from inside the program, and About")
{
    QTemporaryDir tmp;
    const QString dir = tmp.path() + QStringLiteral("/new-library");
    ui::MainWindow window(dir); // creates the library
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK(QFileInfo::exists(dir + QStringLiteral("/sextant.db")));
    CHECK(window.sourceCount() == 0);

    QSignalSpy done(&window, &ui::MainWindow::ingestFinished);
    window.loadDemo();
    REQUIRE(done.wait(30000));
    CHECK(window.sourceCount() == 4);
    // The demo's copies live in the library, so the sources keep pointing at real files.
    CHECK(QDir(dir + QStringLiteral("/demo-sources")).entryList(QDir::Files).size() == 4);
    window.setSearchText(QStringLiteral("weights"));
    CHECK(window.resultsModel()->rowCount() >= 2);
    QDir().mkpath(QStringLiteral(SEXTANT_SCREENSHOT_DIR));
    window.grab().save(QStringLiteral(SEXTANT_SCREENSHOT_DIR "/first-run-demo.png"));

    const QString about = ui::AboutDialog::aboutHtml(dir, 12345);
    CHECK(about.contains(QStringLiteral(SEXTANT_VERSION)));
    CHECK(about.contains(dir));
    for (const char *part : {"Qt", "SQLite", "Xapian", "cmark", "Gumbo", "GPL-2.0-or-later", "Apache-2.0", "BSD-2-Clause"})
        CHECK(about.contains(QString::fromLatin1(part)));
    ui::AboutDialog dialog(dir, 12345);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    dialog.grab().save(QStringLiteral(SEXTANT_SCREENSHOT_DIR "/about.png"));
}
