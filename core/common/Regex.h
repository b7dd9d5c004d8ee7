#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QVarLengthArray>

#include <utility>
#include <vector>

/// Regular-expression matching for the extractor's hot paths, straight on PCRE2 (the engine under
/// QRegularExpression, with the same pattern syntax and options), for text that is known to be
/// well-formed UTF-16.
///
/// Why not QRegularExpression: each of its matches allocates a match context, match data, a
/// private match object and its offset list, and takes a mutex, about a thousand instructions
/// before PCRE2 starts; the extractor makes hundreds of thousands of small matches. Here the
/// pattern is compiled and JIT-compiled once, the match data is reused per thread, and a Match
/// keeps its offsets inline.
///
/// Well-formed subjects: PCRE2 is told not to check them (by default it checks the whole subject
/// before every match, even an anchored one at an offset: on a document that is one pass over
/// the text per match). Sextant's texts are well-formed by construction: the readers decode with
/// Qt's codecs, which never produce a lone surrogate, and the extractor repairs any document
/// text that has one (repairUtf16()) before it reads it. A subject cut out of such a text could
/// at worst end in half a pair; PCRE2 then reads the one unit after it, which is still inside
/// the text (or its terminating null).
namespace sextant::rx {

class Match;
class Regex;
/// Not for callers: match() and globalMatch() below.
Match matchIn(const Regex &re, const QString *owner, QStringView subject, qsizetype from, unsigned pcreOptions);

class Regex
{
public:
    /// Takes QRegularExpression's pattern options (case-insensitive, multiline, dot-all,
    /// extended syntax, inverted greediness, no auto-capture, Unicode properties).
    explicit Regex(const QString &pattern, QRegularExpression::PatternOptions options = {});
    ~Regex();
    Regex(const Regex &) = delete;
    Regex &operator=(const Regex &) = delete;

    bool isValid() const { return m_code != nullptr; }
    QString errorString() const { return m_error; }
    const QString &pattern() const { return m_pattern; }
    /// The number of capturing groups, not counting the whole match.
    int captureCount() const { return m_captures; }
    /// The number of the group with this name, or -1.
    int groupIndex(QStringView name) const;
    /// As QRegularExpression::namedCaptureGroups(): one entry per group from 0, empty for unnamed.
    QStringList namedCaptureGroups() const;

private:
    friend class Match;
    friend class MatchIterator;
    friend Match matchIn(const Regex &, const QString *, QStringView, qsizetype, unsigned);
    void *m_code = nullptr; // pcre2_code_16
    QString m_pattern;
    QString m_error;
    int m_captures = 0;
    bool m_jit = false;
    std::vector<std::pair<QString, int>> m_names;
};

class Match
{
public:
    Match() = default;
    bool hasMatch() const { return m_matched; }
    /// The highest group that took part, as QRegularExpressionMatch::lastCapturedIndex().
    int lastCapturedIndex() const { return m_matched ? int(m_offsets.size() / 2) - 1 : -1; }

    /// -1 for a group that did not take part (or does not exist).
    qsizetype capturedStart(int n = 0) const { return inRange(n) ? m_offsets[2 * n] : -1; }
    qsizetype capturedEnd(int n = 0) const { return inRange(n) && m_offsets[2 * n] >= 0 ? m_offsets[2 * n + 1] : -1; }
    qsizetype capturedLength(int n = 0) const
    {
        return inRange(n) && m_offsets[2 * n] >= 0 ? m_offsets[2 * n + 1] - m_offsets[2 * n] : 0;
    }
    /// A view into the subject: the subject must outlive it. Null for a group that did not take part.
    QStringView capturedView(int n = 0) const
    {
        return inRange(n) && m_offsets[2 * n] >= 0 ? m_subject.mid(m_offsets[2 * n], capturedLength(n)) : QStringView();
    }
    QString captured(int n = 0) const { return capturedView(n).toString(); }

    qsizetype capturedStart(QStringView name) const { return capturedStart(index(name)); }
    qsizetype capturedEnd(QStringView name) const { return capturedEnd(index(name)); }
    qsizetype capturedLength(QStringView name) const { return capturedLength(index(name)); }
    QStringView capturedView(QStringView name) const { return capturedView(index(name)); }
    QString captured(QStringView name) const { return captured(index(name)); }

private:
    friend class MatchIterator;
    friend Match matchIn(const Regex &, const QString *, QStringView, qsizetype, unsigned);
    bool inRange(int n) const { return n >= 0 && 2 * qsizetype(n) + 1 < m_offsets.size(); }
    int index(QStringView name) const { return m_re ? m_re->groupIndex(name) : -1; }

    const Regex *m_re = nullptr;
    QString m_owner; // keeps a QString subject alive, as QRegularExpressionMatch does
    QStringView m_subject;
    QVarLengthArray<qsizetype, 24> m_offsets; // start, end per group; -1, -1 for a group not taking part
    bool m_matched = false;
};

/// Successive non-overlapping matches, with QRegularExpressionMatchIterator's rule for empty
/// matches: after one, the next must be non-empty at the same place, or start one character on.
class MatchIterator
{
public:
    MatchIterator() = default;
    MatchIterator(const Regex &re, const QString *owner, QStringView subject);
    bool hasNext() const { return m_next.hasMatch(); }
    Match next();

private:
    Match m_next;
};

inline Match match(const Regex &re, const QString &subject, qsizetype from = 0)
{
    return matchIn(re, &subject, subject, from, 0);
}

/// The match refers to the viewed text: keep it alive while the match is read.
inline Match match(const Regex &re, QStringView subject, qsizetype from = 0)
{
    return matchIn(re, nullptr, subject, from, 0);
}

inline MatchIterator globalMatch(const Regex &re, const QString &subject)
{
    return MatchIterator(re, &subject, subject);
}

inline MatchIterator globalMatch(const Regex &re, QStringView subject)
{
    return MatchIterator(re, nullptr, subject);
}

/// For the expressions that stay QRegularExpression (replace, split): its matches without the
/// subject check.
inline QRegularExpressionMatch match(const QRegularExpression &re, const QString &subject, qsizetype from = 0)
{
    return re.match(subject, from, QRegularExpression::NormalMatch,
                    QRegularExpression::DontCheckSubjectStringMatchOption);
}

inline QRegularExpressionMatch match(const QRegularExpression &re, QStringView subject, qsizetype from = 0)
{
    return re.match(subject, from, QRegularExpression::NormalMatch,
                    QRegularExpression::DontCheckSubjectStringMatchOption);
}

inline QRegularExpressionMatchIterator globalMatch(const QRegularExpression &re, const QString &subject)
{
    return re.globalMatch(subject, 0, QRegularExpression::NormalMatch,
                          QRegularExpression::DontCheckSubjectStringMatchOption);
}

inline QRegularExpressionMatchIterator globalMatch(const QRegularExpression &re, QStringView subject)
{
    return re.globalMatch(subject, 0, QRegularExpression::NormalMatch,
                          QRegularExpression::DontCheckSubjectStringMatchOption);
}

/// Whether the text has no lone surrogate.
inline bool isWellFormedUtf16(QStringView text)
{
    const char16_t *p = text.utf16();
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        // Blocks with no surrogate at all, the common case, are passed over 32 units at a time.
        if (i + 32 <= n) {
            bool any = false;
            for (qsizetype j = 0; j < 32; ++j)
                any |= (p[i + j] & 0xf800) == 0xd800;
            if (!any) {
                i += 32;
                continue;
            }
        }
        const char16_t u = p[i];
        if ((u & 0xf800) == 0xd800) {
            if (u >= 0xdc00 || i + 1 == n || (p[i + 1] & 0xfc00) != 0xdc00)
                return false;
            ++i;
        }
        ++i;
    }
    return true;
}

/// The text with each lone surrogate replaced by U+FFFD: the same length, so every offset into it
/// still points at the same character.
inline QString repairUtf16(const QString &text)
{
    if (isWellFormedUtf16(text))
        return text;
    QString out = text;
    char16_t *p = reinterpret_cast<char16_t *>(out.data());
    const qsizetype n = out.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t u = p[i];
        if ((u & 0xf800) != 0xd800)
            continue;
        if (u < 0xdc00 && i + 1 < n && (p[i + 1] & 0xfc00) == 0xdc00)
            ++i; // a pair
        else
            p[i] = 0xfffd;
    }
    return out;
}

} // namespace sextant::rx
