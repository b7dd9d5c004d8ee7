#pragma once

#include "model/Document.h"

#include <QString>
#include <memory>
#include <vector>

namespace sextant::extract {

class KnowledgePack;

struct Mention {
    int entity = -1; ///< the pattern's entity (an index chosen by whoever added it)
    model::TextRange range;
    bool operator==(const Mention &) const = default;
};

/// Finds known names in text in one pass (a compact trie walked from each word start), tolerant of how
/// names are written: case (unless a name is a common word and so marked case
/// sensitive), spaces, hyphens and underscores are one separator, and a letter
/// followed by a digit may have one or not ("GPT 5.4" = "GPT-5.4", "ARC AGI 2"
/// = "ARC-AGI-2", "Qwen2.5" = "Qwen 2.5"). Matches respect word boundaries and
/// versions: "meta" in "meta-analysis", "GPT-4" in "GPT-4o" and "GPT-5" in
/// "GPT-5.4" are not matches. Overlaps resolve to the leftmost, then longest.
///
/// Build once, then find() from any number of threads.
class MentionMatcher {
public:
    MentionMatcher();
    ~MentionMatcher();
    MentionMatcher(MentionMatcher &&) noexcept;
    MentionMatcher &operator=(MentionMatcher &&) noexcept;

    /// Every entity's name and aliases; entity = index in the pack.
    static MentionMatcher fromPack(const KnowledgePack &pack);

    void add(const QString &name, int entity, bool caseSensitive);
    /// Call after the last add(), before find().
    void build();

    [[nodiscard]] std::vector<Mention> find(QStringView text) const;
    /// Names that match at the start of text, whatever follows them (for text
    /// whose spaces were lost, as in "GLM-5.1Zhipu AI"), longest first.
    [[nodiscard]] std::vector<Mention> prefixes(QStringView text) const;

private:
    // One trie over the case-folded text; a case-sensitive pattern is
    // checked against the text as written when it matches (one scan, not two).
    struct Automaton;
    std::unique_ptr<Automaton> m_automaton;
};

} // namespace sextant::extract
