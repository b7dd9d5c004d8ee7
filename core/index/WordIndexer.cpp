#include "index/WordIndexer.h"

#include <xapian.h>

namespace sextant::index {

namespace {

constexpr char32_t kIgnore = 0xFFFFFFFF; // an infix that joins without being written (zero-width space)
constexpr size_t kMaxWordBytes = 64;     // TermGenerator's default max_word_length

/// The code point at i and how many UTF-16 units it takes; a lone surrogate is U+FFFD.
inline char32_t codePoint(QStringView s, qsizetype i, int &len)
{
    const char16_t c = s[i].unicode();
    len = 1;
    if (c < 0xD800 || c > 0xDFFF)
        return c;
    if (QChar::isHighSurrogate(c) && i + 1 < s.size() && QChar::isLowSurrogate(s[i + 1].unicode())) {
        len = 2;
        return QChar::surrogateToUcs4(c, s[i + 1].unicode());
    }
    return 0xFFFD;
}

inline bool isWordChar(char32_t c)
{
    if (c < 128)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    return Xapian::Unicode::is_wordchar(unsigned(c));
}

/// The character lowercased when it is a word character, else 0.
inline char32_t lowerWordChar(char32_t c)
{
    if (c < 128) {
        if (c >= 'A' && c <= 'Z')
            return c + 32;
        return isWordChar(c) ? c : 0;
    }
    return Xapian::Unicode::is_wordchar(unsigned(c)) ? char32_t(Xapian::Unicode::tolower(unsigned(c))) : 0;
}

inline bool isAsciiUpper(QChar c) { return c.unicode() >= 'A' && c.unicode() <= 'Z'; }

inline bool isDigit(char32_t c)
{
    if (c < 128)
        return c >= '0' && c <= '9';
    return Xapian::Unicode::get_category(unsigned(c)) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
}

inline bool isZeroWidth(char32_t c) { return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF; }

/// What may join two parts of one word: "AT&T", "don't" (a typographic apostrophe is written as ').
char32_t infixInWord(char32_t c)
{
    if (c == '\'' || c == '&' || c == 0xB7 || c == 0x5F4 || c == 0x2027)
        return c;
    if (c == 0x2019 || c == 0x201B)
        return '\'';
    return isZeroWidth(c) ? kIgnore : 0;
}

/// What may join two digits of one number: "3.5", "1,000".
char32_t infixBetweenDigits(char32_t c)
{
    switch (c) {
    case ',': case '.': case ';': case 0x037E: case 0x0589: case 0x060D:
    case 0x07F8: case 0x2044: case 0xFE10: case 0xFE13: case 0xFE14:
        return c;
    default:
        return isZeroWidth(c) ? kIgnore : 0;
    }
}

inline void append(std::string &s, char32_t c)
{
    if (c < 128)
        s.push_back(char(c));
    else
        Xapian::Unicode::append_utf8(s, unsigned(c));
}

} // namespace

void WordIndexer::index(QStringView s, unsigned wdfInc, const std::string &prefix)
{
    const qsizetype n = s.size();
    qsizetype i = 0;
    int len = 1;
    for (;;) {
        char32_t ch = 0;
        while (i < n && !(ch = lowerWordChar(codePoint(s, i, len))))
            i += len;
        if (i >= n)
            return;
        m_word.clear();

        // Capitals with dots between them are one word ("U.S.A." is "usa"), unless a word
        // character follows; one capital alone is no acronym.
        if (isAsciiUpper(s[i])) {
            qsizetype p = i;
            bool more = true;
            while (more) {
                m_word.push_back(char(s[p].unicode() + 32));
                ++p;
                more = p < n && s[p] == u'.' && ++p < n && isAsciiUpper(s[p]);
            }
            int plen = 1;
            if (m_word.size() > 1 && (p >= n || !isWordChar(codePoint(s, p, plen)))) {
                i = p;
                emit(wdfInc, prefix);
                continue;
            }
            m_word.clear();
        }

        bool atEnd = false;
        for (;;) {
            char32_t prev = 0;
            do {
                append(m_word, ch);
                prev = ch;
                i += len;
                if (i >= n) {
                    atEnd = true;
                    break;
                }
                ch = lowerWordChar(codePoint(s, i, len));
            } while (ch);
            if (atEnd)
                break;
            // s[i] is no word character: it joins the word when an infix stands between word characters.
            const char32_t raw = codePoint(s, i, len);
            const qsizetype next = i + len;
            if (next >= n)
                break;
            int nextLen = 1;
            const char32_t nextRaw = codePoint(s, next, nextLen);
            const char32_t nextCh = lowerWordChar(nextRaw);
            if (!nextCh)
                break;
            const char32_t infix = isDigit(prev) && isDigit(nextRaw) ? infixBetweenDigits(raw) : infixInWord(raw);
            if (!infix)
                break;
            if (infix != kIgnore)
                append(m_word, infix);
            ch = nextCh;
            i = next;
            len = nextLen;
        }
        if (!atEnd) {
            // "C++", "C#": up to three, and none when a word character follows ("fish+chips").
            const size_t base = m_word.size();
            int count = 0;
            for (;;) {
                const char32_t c = codePoint(s, i, len);
                if (c != '+' && c != '#') {
                    if (isWordChar(c))
                        m_word.resize(base);
                    break;
                }
                if (++count > 3) {
                    m_word.resize(base);
                    break;
                }
                m_word.push_back(char(c));
                i += len;
                if (i >= n)
                    break;
            }
        }
        emit(wdfInc, prefix);
    }
}

void WordIndexer::emit(unsigned wdfInc, const std::string &prefix)
{
    if (m_word.size() > kMaxWordBytes)
        return;
    const std::string stem = m_stem(m_word);
    if (stem.empty())
        return;
    m_term.assign(1, 'Z');
    m_term += prefix;
    m_term += stem;
    m_doc.add_posting(m_term, ++m_pos, wdfInc);
}

} // namespace sextant::index
