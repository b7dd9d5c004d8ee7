#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringView>

/// Regular-expression matching for text that is known to be well-formed UTF-16.
///
/// By default PCRE2 checks that the whole subject is well-formed before every match, even an
/// anchored one at an offset: on a document that is one pass over the text per match. Sextant's
/// texts are well-formed by construction: the readers decode with Qt's codecs, which never produce
/// a lone surrogate, and the extractor repairs any document text that has one (repairUtf16()) before
/// it reads it. A subject cut out of such a text could at worst end in half a pair; PCRE2 then reads
/// the one unit after it, which is still inside the text (or its terminating null).
namespace sextant::rx {

inline QRegularExpressionMatch match(const QRegularExpression &re, const QString &subject, qsizetype from = 0,
                                     QRegularExpression::MatchOptions options = {})
{
    return re.match(subject, from, QRegularExpression::NormalMatch,
                    options | QRegularExpression::DontCheckSubjectStringMatchOption);
}

/// The match refers to the viewed text: keep it alive while the match is read.
inline QRegularExpressionMatch match(const QRegularExpression &re, QStringView subject, qsizetype from = 0,
                                     QRegularExpression::MatchOptions options = {})
{
    return re.match(subject, from, QRegularExpression::NormalMatch,
                    options | QRegularExpression::DontCheckSubjectStringMatchOption);
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
