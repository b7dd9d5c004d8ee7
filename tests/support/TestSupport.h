#pragma once

#include "common/Progress.h"
#include "library/IngestEngine.h"
#include "library/Library.h"
#include "model/Document.h"

#include <QByteArray>
#include <QString>
#include <memory>

namespace sextant::test {

/// A fixture file under tests/data.
QString dataPath(const QString &relative);
QByteArray readData(const QString &relative);

/// ../shared/corpus when present, else an empty string (tests then skip).
QString sharedCorpus();

/// Writes bytes to a file, creating folders.
void writeFile(const QString &path, const QByteArray &bytes);

/// Opens (creating) a library for writing; fails the test on error.
std::unique_ptr<library::Library> openWritable(const QString &dir);
library::IngestSummary ingest(library::Library &lib, const QStringList &paths);
/// A library at dir holding these paths, closed again (for a window or the command line to open).
void buildLibrary(const QString &dir, const QStringList &paths);

/// Every block's and cell's range lies inside the text and in order.
bool rangesAreSound(const model::Document &doc);

/// The text of every block of a kind, in order.
QStringList blockTexts(const model::Document &doc, model::BlockKind kind);

} // namespace sextant::test
