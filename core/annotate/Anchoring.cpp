#include "annotate/Anchoring.h"

#include <algorithm>
#include <vector>

namespace sextant::annotate {

namespace {

/// Characters that `a` ends with in common with `text` ending at `pos`.
int commonBefore(const QString &text, qint64 pos, const QString &a)
{
    int n = 0;
    while (n < a.size() && pos - n - 1 >= 0 && text[pos - n - 1] == a[a.size() - n - 1])
        ++n;
    return n;
}

/// Characters that `a` starts with in common with `text` from `pos`.
int commonAfter(const QString &text, qint64 pos, const QString &a)
{
    int n = 0;
    while (n < a.size() && pos + n < text.size() && text[pos + n] == a[n])
        ++n;
    return n;
}

/// Edit distance with a limit (banded); limit + 1 when over it.
int boundedDistance(QStringView a, QStringView b, int limit)
{
    const qsizetype n = a.size(), m = b.size();
    if (std::abs(n - m) > limit)
        return limit + 1;
    std::vector<int> prev(static_cast<size_t>(m + 1)), cur(static_cast<size_t>(m + 1));
    for (qsizetype j = 0; j <= m; ++j)
        prev[static_cast<size_t>(j)] = static_cast<int>(j);
    for (qsizetype i = 1; i <= n; ++i) {
        cur[0] = static_cast<int>(i);
        int best = cur[0];
        for (qsizetype j = 1; j <= m; ++j) {
            const auto J = static_cast<size_t>(j);
            cur[J] = std::min({prev[J] + 1, cur[J - 1] + 1, prev[J - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            best = std::min(best, cur[J]);
        }
        if (best > limit)
            return limit + 1;
        std::swap(prev, cur);
    }
    return prev[static_cast<size_t>(m)];
}

/// The text with runs of whitespace as one space, and where each kept character was.
struct Collapsed {
    QString text;
    std::vector<qint64> at;
};

Collapsed collapse(const QString &s)
{
    Collapsed c;
    c.text.reserve(s.size());
    c.at.reserve(static_cast<size_t>(s.size()));
    bool space = false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i].isSpace()) {
            if (!space && !c.text.isEmpty()) {
                c.text.append(u' ');
                c.at.push_back(i);
            }
            space = true;
            continue;
        }
        space = false;
        c.text.append(s[i]);
        c.at.push_back(i);
    }
    if (c.text.endsWith(u' ')) {
        c.text.chop(1);
        c.at.pop_back();
    }
    return c;
}

constexpr qsizetype kMaxOccurrences = 2000;
constexpr int kUniqueMinChars = 20; ///< a quote this long found once is taken as itself

} // namespace

Selector selectorFor(const QString &text, qint64 start, qint64 length)
{
    start = std::clamp<qint64>(start, 0, text.size());
    length = std::clamp<qint64>(length, 0, text.size() - start);
    Selector s;
    s.exact = text.mid(start, length);
    const qint64 pre = std::max<qint64>(0, start - kContextChars);
    s.prefix = text.mid(pre, start - pre);
    s.suffix = text.mid(start + length, kContextChars);
    s.start = start;
    return s;
}

Selector selectorOf(const Annotation &a) { return Selector{a.exact, a.prefix, a.suffix, a.start}; }

Anchor anchor(const QString &text, const Selector &sel)
{
    Anchor out;
    const QString &exact = sel.exact;
    if (exact.isEmpty() || text.isEmpty())
        return out;
    const qint64 len = exact.size();
    const int contextWanted = static_cast<int>(sel.prefix.size() + sel.suffix.size());

    const int enough = std::min(contextWanted, 8);
    // 1. Still where it was, with its context or as the only occurrence.
    if (sel.start >= 0 && sel.start + len <= text.size() && QStringView(text).mid(sel.start, len) == exact) {
        const int score = commonBefore(text, sel.start, sel.prefix) + commonAfter(text, sel.start + len, sel.suffix);
        if (score >= enough || (text.indexOf(exact) == sel.start && text.indexOf(exact, sel.start + 1) < 0))
            return Anchor{Anchor::How::Position, sel.start, len};
    }

    // 2-3. Where the quote occurs now, scored by how much of its context agrees.
    std::vector<std::pair<int, qint64>> scored; // (score, start)
    for (qsizetype at = text.indexOf(exact); at >= 0 && static_cast<qsizetype>(scored.size()) < kMaxOccurrences;
         at = text.indexOf(exact, at + 1)) {
        const int score = commonBefore(text, at, sel.prefix) + commonAfter(text, at + len, sel.suffix);
        scored.emplace_back(score, at);
    }
    if (!scored.empty()) {
        std::stable_sort(scored.begin(), scored.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
        const int best = scored[0].first;
        const bool clear = scored.size() == 1 || best > scored[1].first;
        // Context that agrees for at least a few characters places the quote;
        // a lone occurrence without context needs to be long to be trusted.
        if (clear && best >= enough && best > 0)
            return Anchor{Anchor::How::Context, scored[0].second, len};
        if (scored.size() == 1 && len >= kUniqueMinChars)
            return Anchor{Anchor::How::Unique, scored[0].second, len};
        if (scored.size() == 1 && contextWanted == 0)
            return Anchor{Anchor::How::Unique, scored[0].second, len};
        return out; // ambiguous
    }

    // 4. The same words with different spacing (a re-wrapped paragraph).
    {
        const Collapsed t = collapse(text);
        const QString q = collapse(exact).text;
        if (!q.isEmpty()) {
            const qsizetype first = t.text.indexOf(q);
            if (first >= 0 && t.text.indexOf(q, first + 1) < 0 && (q.size() >= kUniqueMinChars || contextWanted == 0)) {
                const qint64 s = t.at[static_cast<size_t>(first)];
                const qint64 e = t.at[static_cast<size_t>(first + q.size() - 1)] + 1;
                return Anchor{Anchor::How::Whitespace, s, e - s};
            }
        }
    }

    // 5. An edited quote between its unchanged context: the prefix and suffix
    // both occur once, in order, with text between them close to the quote.
    if (sel.prefix.size() >= 12 && sel.suffix.size() >= 12 && len <= 4000) {
        const qsizetype p = text.indexOf(sel.prefix);
        if (p >= 0 && text.indexOf(sel.prefix, p + 1) < 0) {
            const qint64 from = p + sel.prefix.size();
            const qsizetype s = text.indexOf(sel.suffix, from);
            if (s >= 0 && text.indexOf(sel.suffix, s + 1) < 0) {
                const QStringView between = QStringView(text).mid(from, s - from);
                const int limit = static_cast<int>(std::max<qint64>(1, len / 5)); // at most a fifth changed
                if (!between.trimmed().isEmpty() && boundedDistance(between, exact, limit) <= limit)
                    return Anchor{Anchor::How::Edited, from, s - from};
            }
        }
    }
    return out;
}

bool reanchor(Annotation &a, qint64 versionId, const QString &text)
{
    if (a.versionId == versionId && !a.orphaned)
        return false;
    const Anchor found = anchor(text, selectorOf(a));
    if (!found.found()) {
        const bool changed = !a.orphaned;
        a.orphaned = true; // keeps its quote, context and the version it was read in
        return changed;
    }
    const Selector now = selectorFor(text, found.start, found.length);
    a.versionId = versionId;
    a.start = found.start;
    a.length = found.length;
    a.exact = now.exact;
    a.prefix = now.prefix;
    a.suffix = now.suffix;
    a.orphaned = false;
    return true;
}

QString howName(Anchor::How how)
{
    switch (how) {
    case Anchor::How::Position: return QStringLiteral("position");
    case Anchor::How::Context: return QStringLiteral("context");
    case Anchor::How::Unique: return QStringLiteral("unique quote");
    case Anchor::How::Whitespace: return QStringLiteral("spacing ignored");
    case Anchor::How::Edited: return QStringLiteral("edited quote");
    case Anchor::How::Orphaned: return QStringLiteral("orphaned");
    }
    return {};
}

} // namespace sextant::annotate
