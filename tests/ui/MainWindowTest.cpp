// The real main window, offscreen: sources, reader, search, and an ingest
// started from the window running on its worker thread.
#include "TestSupport.h"

#include "AboutDialog.h"
#include "MainWindow.h"
#include "ReaderView.h"
#include "models/SearchResultsModel.h"
#include "models/SourcesModel.h"
#include "views/CompareView.h"
#include "views/TimelineView.h"

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
    test::buildLibrary(dir, {test::dataPath(QStringLiteral("corpus"))});
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

TEST_CASE("the reader shows source text as text and loads nothing")
{
    store::StoredDocument d;
    d.version.meta.title = QStringLiteral("<script>alert(1)</script>Title");
    d.document.text = QStringLiteral("<img src=\"http://tracker.example/x.png\"> & <b>not bold</b>");
    d.document.blocks.push_back(model::Block{model::BlockKind::Paragraph, {0, d.document.text.size()}, 0, {}});
    ui::ReaderView view;
    view.showDocument(d);
    // The markup is shown as the characters it is, never interpreted.
    CHECK(view.toPlainText().contains(u"<script>alert(1)</script>Title"));
    CHECK(view.toPlainText().contains(u"<img src=\"http://tracker.example/x.png\"> & <b>not bold</b>"));
    CHECK_FALSE(view.document()->toHtml().contains(u"<img"));
    CHECK(view.loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("http://tracker.example/x.png"))).isNull());
    // Offsets of the source text map to the view and back.
    const int p = view.positionOf(7);
    REQUIRE(p >= 0);
    CHECK(view.offsetAt(p) == 7);
    CHECK(view.document()->characterAt(p) == d.document.text[7]);

    // A table with a spanning cell: every shown character maps back to its own offset.
    store::StoredDocument t;
    t.document.text = QStringLiteral("Scores\nModelMMLUOrbit84.1Heron");
    model::Block table{model::BlockKind::Table, {7, t.document.text.size()}, 0, {}};
    auto cell = [](qsizetype a, qsizetype b, bool header = false, bool spanned = false) { return model::TableCell{{a, b}, header, spanned}; };
    table.rows.push_back(model::TableRow{{cell(7, 12, true), cell(12, 16, true)}, true});
    table.rows.push_back(model::TableRow{{cell(16, 21), cell(21, 25)}, false});
    table.rows.push_back(model::TableRow{{cell(25, 30), cell(21, 25, false, true)}, false}); // 84.1 spans two rows
    t.document.blocks.push_back(model::Block{model::BlockKind::Paragraph, {0, 6}, 0, {}});
    t.document.blocks.push_back(table);
    view.showDocument(t);
    for (qint64 o : {0, 5, 7, 12, 16, 21, 24, 25, 29}) {
        const int at = view.positionOf(o);
        REQUIRE(at >= 0);
        CHECK(view.offsetAt(at) == o);
        CHECK(view.document()->characterAt(at) == t.document.text[o]);
    }
    CHECK(view.toPlainText().count(u"84.1") == 1); // the spanned copy is not shown twice
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
    // The demo has something to chart and a timeline at once.
    window.resize(1400, 860);
    window.showView(ui::MainWindow::TimelinePage);
    CHECK(window.timelineView()->canvas()->timeline().items.size() >= 4);
    window.grab().save(QStringLiteral(SEXTANT_SCREENSHOT_DIR "/demo-timeline.png"));
    window.showView(ui::MainWindow::ComparePage);
    REQUIRE(window.compareView()->canvas()->chart().has_value());
    CHECK(window.compareView()->canvas()->chart()->bars.size() >= 3);
    window.grab().save(QStringLiteral(SEXTANT_SCREENSHOT_DIR "/demo-compare.png"));
    window.showView(ui::MainWindow::LibraryPage);

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

TEST_CASE("the timeline and compare views draw the library, filter, zoom, and redraw as sources arrive")
{
    QTemporaryDir tmp;
    const QString in = tmp.path() + QStringLiteral("/in");
    test::writeFile(in + QStringLiteral("/a.md"),
                    "# Scores\n\n| Model | MMLU-Pro |\n|---|---|\n| Gemma 9 | 60.0 |\n| Claude Opus 9 | 70.0 |\n\n"
                    "On March 3, 2031, Google released Gemma 9, an open-weight model. "
                    "On May 5, 2031, Anthropic released Claude Opus 9, a proprietary model.\n");
    const QString dir = tmp.path() + QStringLiteral("/lib");
    test::buildLibrary(dir, {in});
    ui::MainWindow window(dir);
    window.resize(1400, 860);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));

    window.showView(ui::MainWindow::TimelinePage);
    ui::TimelineCanvas *canvas = window.timelineView()->canvas();
    CHECK(canvas->timeline().items.size() == 2);
    CHECK(canvas->timeline().lanes.contains(QStringLiteral("Google")));
    const qint64 before = canvas->view().from.daysTo(canvas->view().to);
    QTest::keyClick(canvas, Qt::Key_Plus);
    CHECK(canvas->view().from.daysTo(canvas->view().to) < before);
    QTest::keyClick(canvas, Qt::Key_F);
    CHECK(canvas->view().from.daysTo(canvas->view().to) == before);
    QDir().mkpath(QStringLiteral(SEXTANT_SCREENSHOT_DIR));
    window.grab().save(QStringLiteral(SEXTANT_SCREENSHOT_DIR "/timeline-view.png"));
    QTemporaryDir out;
    CHECK(window.timelineView()->exportTo(out.filePath(QStringLiteral("t.pdf"))).isEmpty());

    // An event's source opens in the reader at its passage.
    const report::TimelineItem &event = canvas->timeline().items.front();
    REQUIRE_FALSE(event.sources.empty());
    const library::Provenance from = event.sources.front();
    REQUIRE(from.source > 0);
    Q_EMIT window.timelineView()->openSourceRequested(from.source, from.start, from.length);
    CHECK(window.reader()->toPlainText().contains(QStringLiteral("open-weight model")));
    CHECK(window.reader()->showPassage(from.start));
    window.showView(ui::MainWindow::TimelinePage);

    window.showView(ui::MainWindow::ComparePage);
    ui::CompareView *compare = window.compareView();
    REQUIRE(compare->canvas()->chart().has_value());
    CHECK(compare->canvas()->chart()->bars.size() == 2);
    CHECK(compare->canvas()->chart()->bars.front().model == QStringLiteral("Claude Opus 9"));
    window.grab().save(QStringLiteral(SEXTANT_SCREENSHOT_DIR "/compare-view.png"));

    // A new source with a score: the chart is drawn again with it.
    test::writeFile(in + QStringLiteral("/b.md"), "# More\n\n| Model | MMLU-Pro |\n|---|---|\n| Qwen 9.1-Max | 65.5 |\n");
    QSignalSpy done(&window, &ui::MainWindow::ingestFinished);
    window.ingestPaths({in + QStringLiteral("/b.md")});
    REQUIRE(done.wait(30000));
    REQUIRE(compare->canvas()->chart().has_value());
    CHECK(compare->canvas()->chart()->bars.size() == 3);
}
