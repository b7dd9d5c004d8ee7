#include "extract/MentionMatcher.h"

#include "extract/KnowledgePack.h"

#include <algorithm>
#include <deque>

namespace sextant::extract {

namespace {

constexpr char16_t kSep = u' ';

bool isSeparator(QChar c)
{
    return c == u' ' || c == u'-' || c == u'_' || c == u'\u00a0' || c == u'\u2010' || c == u'\u2011' || c == u'\t'
           || c == u'\n';
}

/// The normalized form of a text, with each normalized unit's offset in the
/// original. Separator runs become one kSep; a separator is implied between a
/// letter and a following digit.
/// Both forms, folded and as written, share one pass and one origin table.
struct Normalized {
    std::vector<char16_t> chars;  // as written
    std::vector<char16_t> folded; // lowered
    std::vector<qsizetype> origin;
};

void normalize(QStringView text, Normalized &out)
{
    out.chars.clear();
    out.folded.clear();
    out.origin.clear();
    out.chars.reserve(static_cast<size_t>(text.size()) + 16);
    out.folded.reserve(static_cast<size_t>(text.size()) + 16);
    out.origin.reserve(static_cast<size_t>(text.size()) + 16);
    auto push = [&out](char16_t raw, char16_t lowered, qsizetype at) {
        out.chars.push_back(raw);
        out.folded.push_back(lowered);
        out.origin.push_back(at);
    };
    bool prevLetter = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        char16_t u = c.unicode();
        if (isSeparator(c)) {
            if (!out.chars.empty() && out.chars.back() != kSep)
                push(kSep, kSep, i);
            prevLetter = false;
            continue;
        }
        const bool ascii = u < 128;
        const bool digit = ascii ? (u >= u'0' && u <= u'9') : c.isDigit();
        if (digit && prevLetter && !out.chars.empty() && out.chars.back() != kSep)
            push(kSep, kSep, i); // "Qwen2.5" reads as "Qwen 2.5"
        prevLetter = ascii ? ((u | 0x20) >= u'a' && (u | 0x20) <= u'z') : c.isLetter();
        if (u == u'\u2019' || u == u'\u2018' || u == u'\u02bc')
            u = u'\''; // "Humanity’s" = "Humanity's"
        push(u, ascii ? (u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u) : QChar(u).toLower().unicode(), i);
    }
}

bool isWordChar(QChar c) { return c.isLetterOrNumber(); }

} // namespace

constexpr qsizetype kLongestName = 160;

struct MentionMatcher::Automaton {
    struct Node {
        std::vector<std::pair<char16_t, int>> next; // sorted by char
        int fail = 0;
        int output = -1;     // first pattern ending here (a chain through Pattern::next)
        int outputLink = -1; // next node on the fail chain with an output
    };
    std::vector<Node> nodes{Node{}};
    std::vector<int> rootNext = std::vector<int>(65536, -1); // the root is dense: most steps fail back to it
    struct Pattern {
        int entity;
        int length;                // in normalized units
        std::vector<char16_t> exact; // as written, for a case-sensitive pattern; empty when case does not matter
        int next = -1;             // the next pattern ending at the same node
    };
    std::vector<Pattern> patterns;

    int child(int node, char16_t c) const
    {
        if (node == 0)
            return rootNext[c];
        const auto &next = nodes[static_cast<size_t>(node)].next;
        for (const auto &[ch, to] : next)
            if (ch == c)
                return to;
        return -1;
    }

    void add(QStringView name, int entity, bool caseSensitive)
    {
        if (name.size() > kLongestName)
            return;
        Normalized normalized;
        normalize(name, normalized);
        size_t end = normalized.folded.size();
        while (end > 0 && normalized.folded[end - 1] == kSep)
            --end;
        size_t start = 0;
        while (start < end && normalized.folded[start] == kSep)
            ++start;
        if (end - start < 2)
            return; // one-letter names would match everywhere
        int node = 0;
        for (size_t i = start; i < end; ++i) {
            const char16_t c = normalized.folded[i];
            int to = child(node, c);
            if (to < 0) {
                to = static_cast<int>(nodes.size());
                nodes.push_back(Node{});
                if (node == 0)
                    rootNext[c] = to;
                else
                    nodes[static_cast<size_t>(node)].next.emplace_back(c, to);
            }
            node = to;
        }
        Pattern p{entity, static_cast<int>(end - start), {}, -1};
        if (caseSensitive)
            p.exact.assign(normalized.chars.begin() + static_cast<std::ptrdiff_t>(start),
                           normalized.chars.begin() + static_cast<std::ptrdiff_t>(end));
        // The first name added for a spelling wins: one pattern per folded form, and one per exact form.
        int *link = &nodes[static_cast<size_t>(node)].output;
        while (*link >= 0) {
            const Pattern &q = patterns[static_cast<size_t>(*link)];
            if (q.exact == p.exact)
                return;
            link = &patterns[static_cast<size_t>(*link)].next;
        }
        *link = static_cast<int>(patterns.size());
        patterns.push_back(std::move(p));
    }

    /// Whether pattern p matches the text as written, ending at normalized unit `last`.
    bool caseMatches(const Pattern &p, const Normalized &n, size_t last) const
    {
        if (p.exact.empty())
            return true;
        const size_t first = last + 1 - static_cast<size_t>(p.length);
        return std::equal(p.exact.begin(), p.exact.end(), n.chars.begin() + static_cast<std::ptrdiff_t>(first));
    }

    // The whole automaton as a table: one lookup per character, no failure walks.
    // Characters no name contains share class 0, which always leads back to the root.
    std::vector<uint16_t> classOf = std::vector<uint16_t>(65536, 0);
    size_t classes = 1;
    std::vector<int> delta;        // node * classes + class -> node (built, then narrowed when it fits)
    std::vector<uint16_t> delta16; // the same in half the memory: the scan's table stays in cache
    std::vector<int> reportFrom;   // per node: where its chain of outputs starts (itself or its output link), -1 when none

    void build()
    {
        std::deque<int> queue;
        std::vector<int> order{0}; // breadth first: a node's failure target comes before it
        for (int c = 0; c < 65536; ++c)
            if (rootNext[static_cast<size_t>(c)] > 0) {
                queue.push_back(rootNext[static_cast<size_t>(c)]);
                classOf[static_cast<size_t>(c)] = static_cast<uint16_t>(classes++);
            }
        while (!queue.empty()) {
            const int node = queue.front();
            queue.pop_front();
            order.push_back(node);
            for (const auto &[c, to] : nodes[static_cast<size_t>(node)].next) {
                int f = nodes[static_cast<size_t>(node)].fail;
                while (f != 0 && child(f, c) < 0)
                    f = nodes[static_cast<size_t>(f)].fail;
                const int target = child(f, c);
                Node &t = nodes[static_cast<size_t>(to)];
                t.fail = (target >= 0 && target != to) ? target : 0;
                const Node &fn = nodes[static_cast<size_t>(t.fail)];
                t.outputLink = fn.output >= 0 ? t.fail : fn.outputLink;
                queue.push_back(to);
                if (classOf[c] == 0)
                    classOf[c] = static_cast<uint16_t>(classes++);
            }
        }
        delta.assign(nodes.size() * classes, 0);
        for (int c = 0; c < 65536; ++c)
            if (const int to = rootNext[static_cast<size_t>(c)]; to > 0)
                delta[classOf[static_cast<size_t>(c)]] = to;
        for (size_t k = 1; k < order.size(); ++k) {
            const auto node = static_cast<size_t>(order[k]);
            const auto fail = static_cast<size_t>(nodes[node].fail);
            std::copy_n(delta.begin() + static_cast<std::ptrdiff_t>(fail * classes), classes,
                        delta.begin() + static_cast<std::ptrdiff_t>(node * classes));
            for (const auto &[c, to] : nodes[node].next)
                delta[node * classes + classOf[c]] = to;
        }
        reportFrom.resize(nodes.size());
        for (size_t k = 0; k < nodes.size(); ++k)
            reportFrom[k] = nodes[k].output >= 0 ? static_cast<int>(k) : nodes[k].outputLink;
        if (nodes.size() <= 65536) {
            delta16.assign(delta.begin(), delta.end());
            std::vector<int>().swap(delta);
        }
    }

    void scan(QStringView text, const Normalized &n, std::vector<Mention> &out) const
    {
        if (patterns.empty())
            return;
        if (!delta16.empty())
            scanWith(delta16, text, n, out);
        else
            scanWith(delta, text, n, out);
    }

    template <typename Table>
    void scanWith(const Table &table, QStringView text, const Normalized &n, std::vector<Mention> &out) const
    {
        const std::vector<char16_t> &chars = n.folded;
        size_t state = 0;
        const size_t len = chars.size();
        for (size_t i = 0; i < len; ++i) {
            state = table[state * classes + classOf[chars[i]]];
            for (int o = reportFrom[state]; o >= 0; o = nodes[static_cast<size_t>(o)].outputLink) {
                for (int k = nodes[static_cast<size_t>(o)].output; k >= 0; k = patterns[static_cast<size_t>(k)].next) {
                    const Pattern &p = patterns[static_cast<size_t>(k)];
                    if (!caseMatches(p, n, i))
                        continue;
                    const size_t first = i + 1 - static_cast<size_t>(p.length);
                    const qsizetype start = n.origin[first];
                    const qsizetype end = n.origin[i] + 1;
                    if (accept(text, start, end))
                        out.push_back(Mention{p.entity, {start, end}});
                }
            }
        }
    }

    /// Patterns that match at the very start of text, whatever follows them.
    void prefixes(const Normalized &n, std::vector<Mention> &out) const
    {
        const std::vector<char16_t> &chars = n.folded;
        int state = 0;
        for (size_t i = 0; i < chars.size(); ++i) {
            state = child(state, chars[i]);
            if (state < 0)
                return;
            for (int k = nodes[static_cast<size_t>(state)].output; k >= 0; k = patterns[static_cast<size_t>(k)].next)
                if (caseMatches(patterns[static_cast<size_t>(k)], n, i))
                    out.push_back(Mention{patterns[static_cast<size_t>(k)].entity, {0, n.origin[i] + 1}});
        }
    }

    static bool accept(QStringView text, qsizetype start, qsizetype end)
    {
        if (start > 0 && isWordChar(text[start - 1]))
            return false;
        if (start > 1 && text[start - 1] == u'-' && isWordChar(text[start - 2]))
            return false; // "non-Meta", a compound's tail
        if (end < text.size()) {
            const QChar next = text[end];
            if (isWordChar(next))
                return false;
            const bool more = end + 1 < text.size() && isWordChar(text[end + 1]);
            if ((next == u'-' || next == u'.' || next == u'_') && more)
                return false; // "meta-analysis", "GPT-5" in "GPT-5.4"
        }
        return true;
    }
};

MentionMatcher::MentionMatcher() : m_automaton(std::make_unique<Automaton>()) {}
MentionMatcher::~MentionMatcher() = default;
MentionMatcher::MentionMatcher(MentionMatcher &&) noexcept = default;
MentionMatcher &MentionMatcher::operator=(MentionMatcher &&) noexcept = default;

void MentionMatcher::add(const QString &name, int entity, bool caseSensitive) { m_automaton->add(name, entity, caseSensitive); }

void MentionMatcher::build() { m_automaton->build(); }

MentionMatcher MentionMatcher::fromPack(const KnowledgePack &pack)
{
    MentionMatcher m;
    const auto &entities = pack.entities();
    for (size_t i = 0; i < entities.size(); ++i) {
        const PackEntity &e = entities[i];
        m.add(e.name, static_cast<int>(i), e.caseSensitive);
        for (const QString &alias : e.aliases)
            m.add(alias, static_cast<int>(i), e.caseSensitive);
    }
    m.build();
    return m;
}

std::vector<Mention> MentionMatcher::find(QStringView text) const
{
    std::vector<Mention> all;
    thread_local Normalized n;
    normalize(text, n);
    m_automaton->scan(text, n, all);
    // Leftmost, then longest; no overlaps. Stable: of two patterns on one range, the first added wins.
    std::stable_sort(all.begin(), all.end(), [](const Mention &a, const Mention &b) {
        return a.range.start != b.range.start ? a.range.start < b.range.start : a.range.end > b.range.end;
    });
    std::vector<Mention> out;
    qsizetype last = -1;
    for (const Mention &m : all) {
        if (m.range.start >= last) {
            out.push_back(m);
            last = m.range.end;
        }
    }
    return out;
}

std::vector<Mention> MentionMatcher::prefixes(QStringView text) const
{
    std::vector<Mention> out;
    thread_local Normalized n;
    normalize(text.left(kLongestName), n); // no name is longer: the rest of a long text is never read
    m_automaton->prefixes(n, out);
    std::stable_sort(out.begin(), out.end(), [](const Mention &a, const Mention &b) { return a.range.end > b.range.end; });
    return out;
}

} // namespace sextant::extract
