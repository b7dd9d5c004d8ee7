// A researcher's day in the real window, offscreen: annotate, reopen and find
// the annotation; re-ingest a changed source; search with facets and
// codenames; remove with undo; add a page from a (local) web server; browse
// and correct entities; keep screenshots of the main views.
#include "TestSupport.h"

#include "AnnotationsPane.h"
#include "EditController.h"
#include "EntityBrowser.h"
#include "Inspector.h"
#include "MainWindow.h"
#include "ReaderView.h"
#include "SearchPane.h"
#include "UrlFetcher.h"
#include "library/Annotations.h"
#include "models/SearchResultsModel.h"
#include "models/SourcesModel.h"

#include <QAbstractButton>
#include <QApplication>
#include <QPalette>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTreeWidget>
#include <QUndoStack>

#include <catch2/catch.hpp>

using namespace sextant;

namespace {

qint64 sourceIdByTitle(library::Library &lib, const QString &title)
{
    auto rows = lib.store().listSources();
    REQUIRE(rows);
    for (const auto &s : *rows)
        if (s.title == title)
            return s.id;
    FAIL("no source titled " << title.toStdString());
    return 0;
}

/// Selects a phrase in the reader as a user would (by the view's positions).
void selectInReader(ui::ReaderView *reader, const QString &phrase)
{
    const qint64 at = reader->sourceText().indexOf(phrase);
    REQUIRE(at >= 0);
    const int a = reader->positionOf(at), b = reader->positionOf(at + phrase.size());
    REQUIRE(a >= 0);
    QTextCursor c(reader->document());
    c.setPosition(a);
    c.setPosition(b, QTextCursor::KeepAnchor);
    reader->setTextCursor(c);
    REQUIRE(reader->selectedRange().has_value());
}

void saveShot(QWidget &w, const char *name)
{
    QDir().mkpath(QStringLiteral(SEXTANT_SCREENSHOT_DIR));
    w.grab().save(QStringLiteral(SEXTANT_SCREENSHOT_DIR "/") + QString::fromLatin1(name));
}

const QByteArray kArticle = "---\ntitle: Meta goes closed\npublisher: Wire One\ndate: 2026-04-09\n---\n\n"
                            "# Meta goes closed\n\n"
                            "Meta released Muse Spark, its new model codenamed \"Avocado\", on April 8, 2026.\n\n"
                            "Unlike Llama 4, Muse Spark has no downloadable weights and is offered only through an API.\n\n"
                            "The company said the license for Llama 4 stays as it was.\n";

} // namespace

TEST_CASE("annotate in the reader, reopen the library and find the annotation; undo and redo")
{
    QTemporaryDir tmp;
    const QString dir = tmp.path() + QStringLiteral("/lib");
    const QString file = tmp.path() + QStringLiteral("/in/meta.md");
    test::writeFile(file, kArticle);
    test::buildLibrary(dir, {file});
    QString annotationId;
    {
        ui::MainWindow window(dir);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        const qint64 id = sourceIdByTitle(*window.library(), QStringLiteral("Meta goes closed"));
        window.openSource(id);
        selectInReader(window.reader(), QStringLiteral("no downloadable weights"));
        // The Highlight action, as the menu, toolbar or Ctrl+H would trigger it.
        QAction *highlight = window.findChild<QAction *>(QStringLiteral("highlightAction"));
        REQUIRE(highlight);
        highlight->trigger();
        auto saved = window.library()->store().annotations(id);
        REQUIRE(saved);
        REQUIRE(saved->size() == 1);
        annotationId = saved->front().id;
        CHECK(saved->front().exact == u"no downloadable weights");
        CHECK(saved->front().color == u"yellow");

        // A note and tags on it; undo takes them back, redo again.
        selectInReader(window.reader(), QStringLiteral("no downloadable weights"));
        REQUIRE(window.annotateSelection(QStringLiteral("Closed weights, per Meta"), {QStringLiteral("policy")}, true));
        CHECK(window.library()->store().annotation(annotationId)->value().note == u"Closed weights, per Meta");
        window.undoStack()->undo();
        CHECK(window.library()->store().annotation(annotationId)->value().note.isEmpty());
        window.undoStack()->redo();
        CHECK(window.library()->store().annotation(annotationId)->value().tags == QStringList{QStringLiteral("policy")});
        CHECK(window.sourceAnnotations()->shown().size() == 1);

        // A second highlight, green, then deleted and restored by undo.
        selectInReader(window.reader(), QStringLiteral("offered only through an API"));
        REQUIRE(window.highlightSelection(QStringLiteral("green")));
        CHECK(window.library()->store().annotations(id)->size() == 2);
        selectInReader(window.reader(), QStringLiteral("offered only through an API"));
        REQUIRE(window.deleteCurrentAnnotation());
        CHECK(window.library()->store().annotations(id)->size() == 1);
        window.undoStack()->undo();
        CHECK(window.library()->store().annotations(id)->size() == 2);
        saveShot(window, "reader-annotations.png");
        // A dark system palette: the window follows it, highlights included.
        const QPalette light = QApplication::palette();
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b2b2b));
        dark.setColor(QPalette::WindowText, QColor(0xe6e6e6));
        dark.setColor(QPalette::Base, QColor(0x1e1e1e));
        dark.setColor(QPalette::AlternateBase, QColor(0x262626));
        dark.setColor(QPalette::Text, QColor(0xe6e6e6));
        dark.setColor(QPalette::Button, QColor(0x333333));
        dark.setColor(QPalette::ButtonText, QColor(0xe6e6e6));
        dark.setColor(QPalette::Highlight, QColor(0x2f6fba));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::PlaceholderText, QColor(0x9a9a9a));
        dark.setColor(QPalette::Link, QColor(0x6cb4ff));
        QApplication::setPalette(dark);
        QTest::qWait(50); // palette change events reach the widgets
        window.openSource(id);
        CHECK(window.reader()->palette().color(QPalette::Base).lightness() < 128);
        saveShot(window, "reader-dark.png");
        QApplication::setPalette(light);
        QTest::qWait(50);
    } // the window is gone; everything was saved as it happened

    ui::MainWindow again(dir);
    again.show();
    REQUIRE(QTest::qWaitForWindowExposed(&again));
    again.showView(ui::MainWindow::AnnotationsPage);
    ui::AnnotationsPane *pane = again.annotationsPane();
    REQUIRE(pane->shown().size() == 2);
    library::AnnotationFilter byTag;
    byTag.tag = QStringLiteral("policy");
    pane->setFilter(byTag);
    REQUIRE(pane->shown().size() == 1);
    CHECK(pane->shown().front().id == annotationId);
    // Its row opens the passage in the reader.
    pane->table()->setCurrentIndex(pane->table()->model()->index(0, 0));
    Q_EMIT pane->table()->activated(pane->table()->model()->index(0, 0));
    CHECK(again.currentView() == ui::MainWindow::LibraryPage);
    CHECK(again.reader()->textCursor().selectedText() == u"no downloadable weights");
    // The sidebar lists the tag.
    CHECK_FALSE(again.sidebar()->findItems(QStringLiteral("#policy"), Qt::MatchStartsWith | Qt::MatchRecursive).isEmpty());
    // Export as Markdown with its citation and as JSON-LD.
    QTemporaryDir out;
    pane->setFilter({});
    REQUIRE(pane->exportTo(out.filePath(QStringLiteral("notes.md"))));
    QFile md(out.filePath(QStringLiteral("notes.md")));
    REQUIRE(md.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(md.readAll());
    CHECK(text.contains(u"> no downloadable weights"));
    CHECK(text.contains(u"*Meta goes closed*, Wire One, 2026-04-09"));
    REQUIRE(pane->exportTo(out.filePath(QStringLiteral("notes.jsonld"))));
    again.showView(ui::MainWindow::AnnotationsPage);
    saveShot(again, "annotations-view.png");
}

TEST_CASE("a changed source: its annotations follow their passage or are kept as orphans")
{
    QTemporaryDir tmp;
    const QString dir = tmp.path() + QStringLiteral("/lib");
    const QString file = tmp.path() + QStringLiteral("/in/meta.md");
    test::writeFile(file, kArticle);
    test::buildLibrary(dir, {file});
    ui::MainWindow window(dir);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    const qint64 id = sourceIdByTitle(*window.library(), QStringLiteral("Meta goes closed"));
    window.openSource(id);
    selectInReader(window.reader(), QStringLiteral("offered only through an API"));
    REQUIRE(window.highlightSelection(QStringLiteral("blue")));
    selectInReader(window.reader(), QStringLiteral("the license for Llama 4 stays as it was"));
    REQUIRE(window.highlightSelection(QStringLiteral("pink")));

    QByteArray changed = kArticle;
    changed.replace("# Meta goes closed\n\n", "# Meta goes closed\n\nUpdated on April 10 with the company's statement.\n\n");
    changed.replace("The company said the license for Llama 4 stays as it was.\n", "The company did not comment on licenses.\n");
    test::writeFile(file, changed);
    QSignalSpy done(&window, &ui::MainWindow::ingestFinished);
    window.ingestPaths({file});
    REQUIRE(done.wait(30000));

    // In the reader: the first is highlighted where its words now are.
    auto list = library::annotationsOf(*window.library(), id);
    REQUIRE(list);
    REQUIRE(list->size() == 2);
    const annotate::Annotation &moved = list->front().orphaned ? list->back() : list->front();
    const annotate::Annotation &orphan = list->front().orphaned ? list->front() : list->back();
    CHECK_FALSE(moved.orphaned);
    CHECK(orphan.orphaned);
    CHECK(window.reader()->sourceText().mid(moved.start, moved.length) == u"offered only through an API");
    CHECK(window.reader()->sourceText().contains(u"Updated on April 10"));
    CHECK(window.reader()->positionOf(moved.start) >= 0);
    // The orphan is listed for the source, marked, with its quote.
    bool listed = false;
    auto *model = window.sourceAnnotations()->table()->model();
    for (int r = 0; r < model->rowCount(); ++r)
        listed = listed || model->index(r, 0).data().toString().startsWith(u"[orphaned] the license for Llama 4");
    CHECK(listed);
}

TEST_CASE("search with facets, and a codename finds its model's sources")
{
    QTemporaryDir tmp;
    const QString in = tmp.path() + QStringLiteral("/in");
    test::writeFile(in + QStringLiteral("/a.md"), kArticle);
    test::writeFile(in + QStringLiteral("/b.md"),
                    "---\ntitle: Muse Spark benchmarks\npublisher: Wire Two\ndate: 2026-04-10\n---\n\n"
                    "Muse Spark scored 52 on the Artificial Analysis Intelligence Index, behind GPT-5.4 (57). Meta did not comment.\n");
    test::writeFile(in + QStringLiteral("/c.md"),
                    "---\ntitle: Llama history\npublisher: Wire One\ndate: 2024-07-23\n---\n\n"
                    "Meta released Llama 3.1 405B with open weights in July 2024.\n");
    const QString dir = tmp.path() + QStringLiteral("/lib");
    test::buildLibrary(dir, {in});
    ui::MainWindow window(dir);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    window.setSearchText(QStringLiteral("Meta"));
    CHECK(window.resultsModel()->rowCount() == 3);
    ui::SearchPane *pane = window.searchPane();
    REQUIRE(pane->selectFacet(QStringLiteral("publisher"), QStringLiteral("Wire One")));
    CHECK(window.resultsModel()->rowCount() == 2);
    REQUIRE(pane->selectFacet(QStringLiteral("entity"), QStringLiteral("model:muse-spark")));
    CHECK(window.resultsModel()->rowCount() == 1);
    saveShot(window, "search-facets.png");
    // Unchecking brings the rest back.
    REQUIRE(pane->selectFacet(QStringLiteral("entity"), QStringLiteral("model:muse-spark")));
    REQUIRE(pane->selectFacet(QStringLiteral("publisher"), QStringLiteral("Wire One")));
    CHECK(window.resultsModel()->rowCount() == 3);
    pane->setYearRange(QStringLiteral("2026"), QStringLiteral("2026"));
    CHECK(window.resultsModel()->rowCount() == 2);

    window.setSearchText(QStringLiteral("Avocado"));
    CHECK(window.resultsModel()->rowCount() == 2); // the article that says it, and the one that only says Muse Spark
}

TEST_CASE("sources go to the trash after a confirmation, and undo brings them back")
{
    QTemporaryDir tmp;
    const QString dir = tmp.path() + QStringLiteral("/lib");
    test::buildLibrary(dir, {test::dataPath(QStringLiteral("corpus"))});
    ui::MainWindow window(dir);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    const int before = window.sourceCount();
    REQUIRE(before == 7);
    window.setSearchText(QStringLiteral("orbit"));
    const int hitsBefore = window.resultsModel()->rowCount();
    REQUIRE(hitsBefore > 0);
    window.setSearchText(QString());
    QTableView *view = window.sourcesView();
    view->selectRow(0);
    view->selectionModel()->select(view->model()->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    window.removeSelectedSources(false);
    auto *box = window.findChild<QMessageBox *>();
    REQUIRE(box);
    CHECK(box->text().contains(u"2 sources"));
    box->button(QMessageBox::Yes)->click();
    QTRY_COMPARE(window.sourceCount(), before - 2);
    CHECK(window.sourcesModel()->rowCount() == before - 2);
    window.undoStack()->undo();
    CHECK(window.sourceCount() == before);
    // Restored sources are found again once the worker has put them back in the index.
    window.setSearchText(QStringLiteral("orbit"));
    QTRY_COMPARE_WITH_TIMEOUT((window.setSearchText(QStringLiteral("orbit")), window.resultsModel()->rowCount()), hitsBefore, 10000);
    window.undoStack()->redo();
    CHECK(window.sourceCount() == before - 2);
}

namespace {

/// A tiny HTTP server for Add from URL: one page, and 404 for anything else.
class PageServer final : public QObject {
public:
    PageServer()
    {
        REQUIRE(m_server.listen(QHostAddress::LocalHost));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [s] {
                    const QByteArray request = s->readAll();
                    const bool page = request.startsWith("GET /news/muse-spark ");
                    const QByteArray body = page ? QByteArray("<!DOCTYPE html><html><head><title>Muse Spark is closed | Local Wire</title>"
                                                              "<meta property=\"og:site_name\" content=\"Local Wire\"></head><body><article>"
                                                              "<h1>Muse Spark is closed</h1><p>Meta released Muse Spark on April 8, 2026, "
                                                              "without downloadable weights.</p><img src=\"http://tracker.invalid/x.gif\">"
                                                              "<script>alert(1)</script></article></body></html>")
                                                 : QByteArray("not here");
                    s->write((page ? "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                                   : "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\n")
                             + QByteArray("Content-Length: ") + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                    s->disconnectFromHost();
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    QUrl url(const QString &path) const { return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path)); }

private:
    QTcpServer m_server;
};

} // namespace

TEST_CASE("Add from URL downloads the page, keeps its HTML as the original, and says why when it cannot")
{
    QTemporaryDir tmp;
    const QString dir = tmp.path() + QStringLiteral("/lib");
    PageServer server;
    ui::MainWindow window(dir);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QSignalSpy done(&window, &ui::MainWindow::ingestFinished);
    const QUrl url = server.url(QStringLiteral("/news/muse-spark"));
    window.addFromUrl(url);
    REQUIRE(done.wait(30000));
    REQUIRE(window.sourceCount() == 1);
    auto rows = window.library()->store().listSources();
    REQUIRE(rows);
    const store::SourceSummary &s = rows->front();
    CHECK(s.title == u"Muse Spark is closed");
    CHECK(s.publisher == u"Local Wire");
    CHECK(s.url == url.toString()); // the page names no URL of its own: where it came from
    auto doc = window.library()->store().document(s.id);
    REQUIRE(doc);
    CHECK(doc->version.format == model::Format::Html);
    QFile original(dir + u'/' + doc->version.objectPath);
    REQUIRE(original.open(QIODevice::ReadOnly));
    CHECK(original.readAll().contains("<script>alert(1)</script>")); // untouched
    CHECK_FALSE(doc->document.text.contains(u"alert(1)"));

    QSignalSpy failed(&window, &ui::MainWindow::urlFailed);
    window.addFromUrl(server.url(QStringLiteral("/missing")));
    REQUIRE(failed.wait(30000));
    CHECK(failed.front().front().toString().contains(u"404"));
    CHECK(failed.front().front().toString().contains(u"/missing"));
    CHECK(window.sourceCount() == 1);
    CHECK_FALSE(ui::UrlFetcher::parse(QStringLiteral("ftp://example.org/x")).isValid());
    CHECK(ui::UrlFetcher::parse(QStringLiteral("example.org/a")).toString() == u"https://example.org/a");
}

TEST_CASE("the entity browser lists, merges and undoes; the inspector explains an entity with its mentions")
{
    QTemporaryDir tmp;
    const QString dir = tmp.path() + QStringLiteral("/lib");
    const QString in = tmp.path() + QStringLiteral("/in");
    test::writeFile(in + QStringLiteral("/a.md"), kArticle);
    test::writeFile(in + QStringLiteral("/b.md"),
                    "---\ntitle: Llama license\npublisher: Wire Two\n---\n\nMeta released Llama 3.1 405B under the Llama 3.1 "
                    "Community License, with open weights. Llama 3.1 405B scored 88.6 on MMLU.\n");
    test::buildLibrary(dir, {in});
    ui::MainWindow window(dir);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    window.showView(ui::MainWindow::EntitiesPage);
    ui::EntityBrowser *browser = window.entityBrowser();
    browser->showKind(QStringLiteral("model"));
    const int models = browser->table()->model()->rowCount();
    REQUIRE(models >= 3);
    REQUIRE(browser->selectKey(QStringLiteral("model:muse-spark")));
    const QString about = window.inspector()->toPlainText();
    CHECK(about.contains(u"Muse Spark"));
    CHECK(about.contains(u"Mentions"));
    CHECK(about.contains(u"has no downloadable weights")); // a mention's sentence
    saveShot(window, "entities-view.png");

    // Merge Llama 4 into Muse Spark (wrong, to undo it).
    window.edits()->correct({QStringLiteral("merge"), QStringLiteral("Llama 4"), QStringLiteral("Muse Spark"), {}},
                            QStringLiteral("Merge"));
    CHECK(browser->table()->model()->rowCount() == models - 1);
    window.undoStack()->undo();
    CHECK(browser->table()->model()->rowCount() == models);
    window.undoStack()->redo();
    CHECK(browser->table()->model()->rowCount() == models - 1);
    window.undoStack()->undo();

    // Scores and attributes in the inspector, with their sources.
    window.showEntity(QStringLiteral("model:llama-3.1-405b"));
    const QString llama = window.inspector()->toPlainText();
    CHECK(llama.contains(u"Scores"));
    CHECK(llama.contains(u"88.6"));
    CHECK(llama.contains(u"Llama license"));
}
