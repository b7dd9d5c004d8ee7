#pragma once

#include "extract/Extraction.h"
#include "extract/KnowledgePack.h"
#include "extract/MentionMatcher.h"
#include "extract/WordMap.h"

#include <QHash>
#include <array>

namespace sextant::extract {

/// Turns a structured document into entities, mentions, scores, attributes
/// and events (see docs/ARCHITECTURE.md, "Extraction"). Built once from a
/// knowledge pack; extract() is const and may run on any number of threads.
///
/// Known names come from the pack through the mention matcher; unknown
/// models from how model names are written (a family, versions, sizes, tier
/// words) and from context ("codenamed X", a Model column); scores from
/// tables (also tables whose cells ran together in a plain-text copy) and
/// from prose; dates with their precision, relative ones resolved; events
/// from dated sentences; attributes and numeric claims from their phrasing.
class Extractor {
public:
    /// The extractor over the built-in pack.
    static const Extractor &builtin();
    explicit Extractor(const KnowledgePack &pack);

    [[nodiscard]] Extraction extract(const model::Document &doc) const;

    /// Bumped whenever extraction changes what it finds; stored with each
    /// version so a library can tell what to re-extract.
    static int version();

    [[nodiscard]] const KnowledgePack &pack() const { return *m_pack; }
    [[nodiscard]] const MentionMatcher &matcher() const { return m_matcher; }
    /// The family a token names ("Qwen" in "Qwen2.5"), as a pack entity index, or -1.
    [[nodiscard]] int family(QStringView token, qsizetype *prefixLength = nullptr) const;

private:
    const KnowledgePack *m_pack;
    MentionMatcher m_matcher;
    WordMap m_families; // family name (any case) -> entity index
};

} // namespace sextant::extract
