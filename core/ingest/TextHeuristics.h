#pragma once

#include <QStringView>

namespace sextant::ingest {

/// Site furniture that precedes a headline in pages copied as text:
/// "top of page", "Featured News", "· 3 min read", ...
bool isFurniture(QStringView line);

/// A line that can be a document's title: four words or more, at most 200
/// characters, starting with a capital or digit, not a sentence, not furniture.
bool isHeadline(QStringView line);

} // namespace sextant::ingest
