#pragma once

#include "common/Error.h"

#include <QStringList>

namespace sextant::ui {

/// The demo sources embedded in the program (short articles written for
/// Sextant about public model releases), copied into LIBRARY/demo-sources so
/// the library keeps pointing at real files. Returns the copied paths, ready
/// to ingest.
Result<QStringList> writeDemoSources(const QString &libraryRoot);

} // namespace sextant::ui
