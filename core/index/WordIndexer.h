#pragma once

#include <QStringView>

#include <string>

namespace Xapian {
class Document;
class Stem;
} // namespace Xapian

namespace sextant::index {

/// Writes the words of a text into a Xapian document as Xapian's TermGenerator
/// does with STEM_ALL_Z, no stopper and no CJK n-grams: one "Z" + prefix + stem
/// posting per word, at the next position. The words are the same
/// (the QueryParser must split a query as the index was split): runs of word
/// characters, lowercased; acronyms with dots ("U.S.A." is "usa"); an infix
/// inside a word ("AT&T", "don't", "3.5" between digits); up to three '+' or
/// '#' after it ("C++"); a word over 64 bytes is left out. Read straight from
/// UTF-16, with ASCII looked up in tables and anything else asked of
/// Xapian::Unicode, it spares the UTF-8 copy and most of the per-character cost.
class WordIndexer {
public:
    WordIndexer(Xapian::Document &doc, const Xapian::Stem &stem) : m_doc(doc), m_stem(stem) {}

    /// Adds text's words with wdfInc each, under prefix.
    void index(QStringView text, unsigned wdfInc, const std::string &prefix = {});
    /// Leaves a gap in positions, so that no phrase or NEAR spans two fields
    /// (TermGenerator::increase_termpos() leaves 100).
    void skipPositions(unsigned gap = 100) { m_pos += gap; }
    [[nodiscard]] unsigned position() const { return m_pos; }

private:
    void emit(unsigned wdfInc, const std::string &prefix);

    Xapian::Document &m_doc;
    const Xapian::Stem &m_stem;
    unsigned m_pos = 0;
    std::string m_word; // the word being read, lowercased UTF-8
    std::string m_term; // "Z" + prefix + stem
};

} // namespace sextant::index
