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
struct Normalized {
    std::vector<char16_t> chars;
    std::vector<qsizetype> origin;
};

void normalize(QStringView text, bool fold, Normalized &out)
{
    out.chars.clear();
    out.origin.clear();
    out.chars.reserve(static_cast<size_t>(text.size()) + 16);
    out.origin.reserve(static_cast<size_t>(text.size()) + 16);
    QChar prev;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (isSeparator(c)) {
            if (!out.chars.empty() && out.chars.back() != kSep) {
                out.chars.push_back(kSep);
                out.origin.push_back(i);
            }
            prev = c;
            continue;
        }
        if (c.isDigit() && prev.isLetter() && !out.chars.empty() && out.chars.back() != kSep) {
            out.chars.push_back(kSep); // "Qwen2.5" reads as "Qwen 2.5"
            out.origin.push_back(i);
        }
        char16_t u = c.unicode();
        if (u == u'\u2019' || u == u'\u2018' || u == u'\u02bc')
            u = u'\''; // "Humanity’s" = "Humanity's"
        out.chars.push_back(fold ? (u < 128 ? (u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u) : c.toLower().unicode()) : u);
        out.origin.push_back(i);
        prev = c;
    }
}

bool isWordChar(QChar c) { return c.isLetterOrNumber(); }

} // namespace

struct MentionMatcher::Automaton {
    bool fold;
    struct Node {
        std::vector<std::pair<char16_t, int>> next; // sorted by char
        int fail = 0;
        int output = -1;     // pattern ending here
        int outputLink = -1; // next node on the fail chain with an output
    };
    std::vector<Node> nodes{Node{}};
    std::vector<int> rootNext = std::vector<int>(65536, -1); // the root is dense: most steps fail back to it
    struct Pattern {
        int entity;
        int length; // in normalized units
    };
    std::vector<Pattern> patterns;

    explicit Automaton(bool f) : fold(f) {}

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

    void add(QStringView name, int entity)
    {
        Normalized n;
        normalize(name, fold, n);
        while (!n.chars.empty() && n.chars.back() == kSep)
            n.chars.pop_back();
        size_t start = 0;
        while (start < n.chars.size() && n.chars[start] == kSep)
            ++start;
        if (n.chars.size() - start < 2)
            return; // one-letter names would match everywhere
        int node = 0;
        for (size_t i = start; i < n.chars.size(); ++i) {
            const char16_t c = n.chars[i];
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
        if (nodes[static_cast<size_t>(node)].output < 0) {
            nodes[static_cast<size_t>(node)].output = static_cast<int>(patterns.size());
            patterns.push_back({entity, static_cast<int>(n.chars.size() - start)});
        }
    }

    void build()
    {
        std::deque<int> queue;
        for (int c = 0; c < 65536; ++c)
            if (rootNext[static_cast<size_t>(c)] > 0)
                queue.push_back(rootNext[static_cast<size_t>(c)]);
        while (!queue.empty()) {
            const int node = queue.front();
            queue.pop_front();
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
            }
        }
    }

    void scan(QStringView text, std::vector<Mention> &out) const
    {
        if (patterns.empty())
            return;
        thread_local Normalized n;
        normalize(text, fold, n);
        int state = 0;
        const size_t len = n.chars.size();
        for (size_t i = 0; i < len; ++i) {
            const char16_t c = n.chars[i];
            int to;
            while ((to = child(state, c)) < 0 && state != 0)
                state = nodes[static_cast<size_t>(state)].fail;
            state = to < 0 ? 0 : to;
            for (int o = nodes[static_cast<size_t>(state)].output >= 0 ? state : nodes[static_cast<size_t>(state)].outputLink;
                 o >= 0; o = nodes[static_cast<size_t>(o)].outputLink) {
                const Pattern &p = patterns[static_cast<size_t>(nodes[static_cast<size_t>(o)].output)];
                const size_t first = i + 1 - static_cast<size_t>(p.length);
                const qsizetype start = n.origin[first];
                const qsizetype end = n.origin[i] + 1;
                if (accept(text, start, end))
                    out.push_back(Mention{p.entity, {start, end}});
            }
        }
    }

    /// Patterns that match at the very start of text, whatever follows them.
    void prefixes(QStringView text, std::vector<Mention> &out) const
    {
        thread_local Normalized n;
        normalize(text, fold, n);
        int state = 0;
        for (size_t i = 0; i < n.chars.size(); ++i) {
            state = child(state, n.chars[i]);
            if (state < 0)
                return;
            const int o = nodes[static_cast<size_t>(state)].output;
            if (o >= 0)
                out.push_back(Mention{patterns[static_cast<size_t>(o)].entity, {0, n.origin[i] + 1}});
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

MentionMatcher::MentionMatcher()
    : m_folded(std::make_unique<Automaton>(true)), m_sensitive(std::make_unique<Automaton>(false))
{
}
MentionMatcher::~MentionMatcher() = default;
MentionMatcher::MentionMatcher(MentionMatcher &&) noexcept = default;
MentionMatcher &MentionMatcher::operator=(MentionMatcher &&) noexcept = default;

void MentionMatcher::add(const QString &name, int entity, bool caseSensitive)
{
    (caseSensitive ? m_sensitive : m_folded)->add(name, entity);
}

void MentionMatcher::build()
{
    m_folded->build();
    m_sensitive->build();
}

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
    m_folded->scan(text, all);
    m_sensitive->scan(text, all);
    // Leftmost, then longest; no overlaps.
    std::sort(all.begin(), all.end(), [](const Mention &a, const Mention &b) {
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
    m_folded->prefixes(text, out);
    m_sensitive->prefixes(text, out);
    std::sort(out.begin(), out.end(), [](const Mention &a, const Mention &b) { return a.range.end > b.range.end; });
    return out;
}

} // namespace sextant::extract
