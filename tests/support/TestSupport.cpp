#include "TestSupport.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace sextant::test {

QString dataPath(const QString &relative) { return QStringLiteral(SEXTANT_TEST_DATA "/") + relative; }

QByteArray readData(const QString &relative)
{
    QFile f(dataPath(relative));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

QString sharedCorpus()
{
    const QString p = QDir::cleanPath(QStringLiteral(SEXTANT_SHARED_CORPUS));
    return QFileInfo(p).isDir() ? p : QString();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(f.write(bytes) == bytes.size());
}

std::unique_ptr<library::Library> openWritable(const QString &dir)
{
    auto lib = library::Library::open(dir, library::Library::Access::Write);
    INFO((lib ? QString() : lib.error().message).toStdString());
    REQUIRE(lib.has_value());
    return std::move(*lib);
}

library::IngestSummary ingest(library::Library &lib, const QStringList &paths)
{
    library::IngestRequest req;
    req.paths = paths;
    NullProgress progress;
    CancelFlag cancel{false};
    auto s = library::IngestEngine(lib).run(req, progress, cancel);
    INFO((s ? QString() : s.error().message).toStdString());
    REQUIRE(s.has_value());
    return *s;
}

bool rangesAreSound(const model::Document &doc)
{
    qsizetype last = 0;
    for (const auto &b : doc.blocks) {
        if (b.range.start < last || b.range.end < b.range.start || b.range.end > doc.text.size())
            return false;
        last = b.range.end;
        for (const auto &row : b.rows)
            for (const auto &c : row.cells)
                if (c.range.start < b.range.start || c.range.end > b.range.end || c.range.end < c.range.start)
                    return false;
    }
    return true;
}

QStringList blockTexts(const model::Document &doc, model::BlockKind kind)
{
    QStringList out;
    for (const auto &b : doc.blocks)
        if (b.kind == kind)
            out << doc.slice(b.range);
    return out;
}

void buildLibrary(const QString &dir, const QStringList &paths)
{
    auto lib = openWritable(dir);
    ingest(*lib, paths);
}

} // namespace sextant::test
