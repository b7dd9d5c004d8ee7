#pragma once


// Internal to the extract library: one document's extraction in progress.

#include "extract/DateFinder.h"
#include "extract/Extraction.h"
#include "extract/MentionMatcher.h"

#include <QHash>
#include <QSet>
#include <charconv>
#include <optional>
#include <span>

namespace sextant::extract {

using model::PartialDate;
using model::TextRange;

class Extractor;

/// The value of a number written in ASCII digits with an optional sign, point and exponent
/// ("-12.5"), as QStringView::toDouble() gives it, without its cost (it goes through the
/// locale machinery, thousands of instructions a call). Anything else goes to toDouble().
inline double decimalValue(QStringView s)
{
    char buffer[32];
    const qsizetype n = s.size();
    bool plain = n > 0 && n < qsizetype(sizeof buffer);
    for (qsizetype i = 0; plain && i < n; ++i) {
        const char16_t c = s[i].unicode();
        plain = (c >= u'0' && c <= u'9') || c == u'.' || c == u'-' || c == u'e' || c == u'E';
        buffer[i] = char(c);
    }
    double v = 0;
    if (plain) {
        const auto [end, ec] = std::from_chars(buffer, buffer + n, v);
        if (ec == std::errc() && end == buffer + n)
            return v;
    }
    return s.toDouble();
}

/// A run of letters and digits (with dots and a trailing "+" inside names:
/// "3.6", "Z.ai", "R+") in a text.
struct Token {
    qsizetype start = 0;
    qsizetype end = 0;
};
std::vector<Token> tokenize(QStringView text);

/// A number as written: "42.8%", "1,000", "1.6T".
struct Number {
    qsizetype start = 0;
    qsizetype end = 0; ///< after the unit, when there is one
    double value = 0;
    int decimals = 0;
    QString unit; ///< "%", "B", "T", "M" (parameter or money scales) or empty
};

/// A name found by how model names are written.
struct NameMatch {
    qsizetype start = 0;
    qsizetype end = 0;
    qsizetype coreEnd = 0; ///< end without variant words (Instruct, a snapshot date, a size note)
    int family = -1;       ///< pack index of the family, -1 when none
    double confidence = 0;
    QString spelled;       ///< the name when the text does not write it whole ("Llama 2-13B" in "Llama 2-7|13|70B"); else empty
};

/// Model names in text from the name grammar: a family, then versions,
/// sizes and tier words ("Qwen 3.6-Plus", "DeepSeek-R1-Distill-Qwen-32B").
std::vector<NameMatch> findModelNames(const Extractor &x, QStringView text);
/// The name grammar without a family: versions, sizes and tiers after a
/// capitalized word or alone ("V4 Pro" in a Model column). -1 when not a name.
qsizetype modelNameEnd(const Extractor &x, QStringView text, bool requireFamily);
/// A version, size or tier word: what follows a family name ("V4", "Medium").
bool isNameTail(QStringView token);

/// A model named by coordination after another: "Maverick" in "Llama 4 Scout
/// and Maverick" is Llama 4 Maverick, "Sonnet 4" in "Claude Opus 4 or Sonnet 4"
/// is Claude Sonnet 4.
struct CoordinatedName {
    qsizetype start = 0; ///< the item as written
    qsizetype end = 0;
    QString name; ///< the name it stands for
};
/// The names coordinated after the model name text[nameStart, nameEnd): the
/// name's words before its first tier word, joined to each item that is a
/// tier word (with what the grammar lets follow it) after ", ", "and", "or",
/// "&" or "/"; or, for a name ending in a size, the name's words before it
/// joined to each item that is a size. Empty when the name has neither.
std::vector<CoordinatedName> coordinatedNames(const Extractor &x, QStringView text, qsizetype nameStart, qsizetype nameEnd);
/// A name without the note that ends it: "(17Bx128E)", "[3]", "^a", "*", "†".
QString withoutNote(const QString &name);
/// A parameter count as written in names: 7B, 8x7B, 17Bx128E, A3B.
bool isSizeToken(QStringView token);
/// Where the owner of a repository id ends: the slash of "mistralai/Mixtral-8x7B-v0.1" (an
/// identifier, a slash, a name starting with a letter, no spaces). 0 when the text is not one;
/// "Qwen2.5-7B/72B-Instruct" (sizes paired by a slash) is not.
qsizetype repoOwnerEnd(QStringView text);

struct Hit {
    int entity = -1; ///< index into Extraction::entities
    TextRange range;
    double confidence = 1.0;
};

struct Sentence {
    TextRange range;
    int block = -1;
    bool heading = false;
    bool listItem = false;
};

/// Where a cue occurs in a document, found in one pass; sentences then ask by range,
/// much cheaper than running a screen per sentence.
class CuePositions {
public:
    CuePositions() = default;
    void add(qsizetype at) { m_at.push_back(at); } ///< in increasing order
    [[nodiscard]] bool anyIn(TextRange r) const;
    [[nodiscard]] bool empty() const { return m_at.empty(); }
    /// The positions in r.
    [[nodiscard]] std::span<const qsizetype> in(TextRange r) const;

private:
    std::vector<qsizetype> m_at; // sorted
};

class DocumentScan {
public:
    DocumentScan(const Extractor &x, const model::Document &doc);
    Extraction run();

    // --- shared by the table reader ------------------------------------
    const Extractor &x;
    const model::Document &doc;
    /// doc.text lowered character by character: the same offsets, lowered once per document.
    const QString lowerText;
    CuePositions opennessCues, licenseCompoundCues, codenameCues, roleCues, exampleCues, discoveryCues, modelWordCues, orgNounCues;
    Extraction out;
    std::vector<Hit> hits; // sorted by start, never overlapping

    /// Pack and grammar mentions in [r.start, r.end), added to hits.
    void findMentions(TextRange r);
    /// The entity a short text (a table cell, a header) names as a whole, or -1.
    int resolveWhole(QStringView text, EntityKind want, double foundConfidence);
    /// Whether a short text names a model as a whole, as resolveWhole would; nothing is recorded.
    [[nodiscard]] bool namesModel(QStringView text) const;
    int internPack(int packIndex);
    /// A mention of an entity resolved from a whole cell, unless a mention is already there.
    void addCellMention(int entity, TextRange r);
    int internFound(EntityKind kind, const QString &name, double confidence, const QString &parent = {});
    [[nodiscard]] EntityKind kindOf(int entity) const { return out.entities[static_cast<size_t>(entity)].kind; }
    /// A model family from the pack ("Llama"): mentioned, but not the subject of a model's facts.
    [[nodiscard]] bool isFamily(int entity) const;
    void addScore(int modelEntity, int benchEntity, const Number &n, const QString &setting, TextRange quote);
    void addAttribute(int subject, const QString &attribute, const QString &value, TextRange quote,
                      int valueEntity = -1, const QString &note = {});
    void addNumericClaim(int subject, const QString &attribute, double low, double high, const QString &value,
                         TextRange quote, const QString &note = {});

private:
    void pushAttribute(Attribute a);
    bool tailOfLongerName(QStringView s, const Mention &m, const std::vector<Mention> &packHits) const;
    qsizetype benchmarkVariantEnd(QStringView s, const Mention &m) const;
    void splitSentences();
    void readTables();
    void readRunTogetherTables();
    void findCodenamesAndPeople();
    void findNamesFromContext();
    struct NamedInText {
        EntityKind kind;
        QString text;
        int entity = -1; ///< the entity when it is known already
    };
    /// Adds the names found from context as entities, with every mention of them and of their family.
    void commitNames(const std::vector<NamedInText> &named, bool withFamilies = true, bool headsOfFound = false);
    void spreadFoundModels();
    void readSentence(const Sentence &s, size_t index);
    void readScores(const Sentence &s, const std::vector<Hit> &inS, const std::vector<Number> &numbers);
    void readAttributes(const Sentence &s, const std::vector<Hit> &inS, const std::vector<Number> &numbers);
    void readClaims(const Sentence &s, const std::vector<Hit> &inS);
    void readEvents(const Sentence &s, const std::vector<Hit> &inS, const std::vector<DateMention> &dates);
    void noteAnnouncement(const Sentence &s, const std::vector<Hit> &inS);
    void finish();

    std::vector<Hit> hitsIn(TextRange r) const;
    /// The hit that overlaps r, or nullptr.
    const Hit *hitOverlapping(TextRange r) const;
    bool isObject(const Sentence &s, const Hit &h) const;
    int subjectModel(const Sentence &s, const std::vector<Hit> &inS, qsizetype before) const;
    /// Whether `model` is one of coordinated models ("A and B", "A/B") before `before`: a number said of them is no one's.
    bool sharesSubject(const std::vector<Hit> &inS, int model, qsizetype before) const;
    std::vector<Number> numbersIn(const Sentence &s, const std::vector<Hit> &inS) const;
    PartialDate anchorBefore(qsizetype position) const;

    std::vector<Sentence> m_sentences;
    std::vector<std::vector<DateMention>> m_sentenceDates; // parallel to m_sentences
    int m_docYear = 0;
    PartialDate m_docDate;
    int m_contextModel = -1;  // the model the text is about lately
    int m_contextBench = -1;  // the benchmark lately named (for lists that follow)
    int m_contextBenchBlock = -1;                  // ... in this block
    size_t m_contextBenchSentence = size_t(-2);    // ... in this sentence
    size_t m_sentenceIndex = 0;                    // the sentence being read
    int m_titleModel = -1;
    struct DatedAt {
        qsizetype position;
        PartialDate date;
    };
    std::vector<DatedAt> m_absoluteDates; // in text order
    std::vector<DatedAt> m_resolvedDates; // relative dates once resolved
    QHash<int, PartialDate> m_releases;    // model entity -> release date found here
    std::vector<std::pair<int, TextRange>> m_announced; // releases announced without a date, and where
    QHash<int, int> m_packIndex;           // pack index -> entity index
    QSet<int> m_tableBlocks;               // paragraphs read as a table whose cells ran together
};

} // namespace sextant::extract
