#pragma once

#include "model/Document.h"

#include <QByteArrayView>
#include <QString>

namespace sextant::ingest {

/// The format of a file by its extension; Unknown for none or an unknown one.
model::Format formatFromFileName(const QString &fileName);

/// The format of a file by its first bytes (for files with no extension):
/// HTML by its doctype or tags, Markdown by front matter or Markdown
/// constructs, otherwise text. The caller checks for binary content first.
model::Format sniffFormat(QByteArrayView head);

/// Extensions Sextant reads, for folder scans and the file dialog.
const QStringList &supportedExtensions();

} // namespace sextant::ingest
