#pragma once

#include "common/Error.h"
#include "extract/Extraction.h"
#include "index/SearchIndex.h"
#include "model/Document.h"
#include "store/Store.h"

namespace sextant::library {

/// What the search index records of a document, its entities and the
/// openness of the models it mentions included (as stated in it, else as the
/// knowledge pack has it), from a fresh extraction...
index::IndexFields indexFields(const model::Document &doc, const extract::Extraction &x);
/// ... or from what the store kept of one (reindexing).
Result<index::IndexFields> indexFields(store::Store &store, const store::StoredDocument &doc);

/// The openness the knowledge pack gives a model key ("" when none).
QString packOpenness(const QString &key);

} // namespace sextant::library
