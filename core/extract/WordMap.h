#pragma once

#include <QString>
#include <QStringView>
#include <array>
#include <utility>
#include <vector>

namespace sextant::extract {

/// Words (matched regardless of ASCII case) to values, for the lookups made once per word of
/// every document: a word is compared only with the few keys of its length and first letter,
/// with no allocation and no string hashing.
class WordMap {
public:
    static constexpr qsizetype kMaxLength = 48;

    /// Keeps the first value given for a word.
    void insert(QStringView word, int value)
    {
        if (word.isEmpty() || word.size() > kMaxLength || this->value(word) >= 0)
            return;
        m_buckets[bucketOf(word)].emplace_back(word.toString().toLower(), value);
    }
    /// The word's value, or -1.
    [[nodiscard]] int value(QStringView word) const
    {
        if (word.isEmpty() || word.size() > kMaxLength)
            return -1;
        for (const auto &[key, v] : m_buckets[bucketOf(word)])
            if (sameIgnoringCase(key, word))
                return v;
        return -1;
    }
    [[nodiscard]] bool contains(QStringView word) const { return value(word) >= 0; }

private:
    static char16_t lowerAscii(char16_t u) { return u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u; }
    static size_t bucketOf(QStringView word)
    {
        const char16_t first = lowerAscii(word[0].unicode());
        return size_t(word.size()) * 128 + (first < 128 ? first : 127);
    }
    static bool sameIgnoringCase(const QString &lowerKey, QStringView word)
    {
        for (qsizetype i = 0; i < word.size(); ++i) {
            const char16_t u = word[i].unicode();
            const char16_t k = lowerKey[i].unicode();
            if (u == k || lowerAscii(u) == k)
                continue;
            if (u < 128 || QChar(u).toLower().unicode() != k)
                return false;
        }
        return true;
    }

    std::array<std::vector<std::pair<QString, int>>, (kMaxLength + 1) * 128> m_buckets;
};

} // namespace sextant::extract
