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
    [[nodiscard]] const std::vector<char16_t> &form(bool fold) const { return fold ? folded : chars; }
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
        if (name.size() > kLongestName)
            return;
        Normalized normalized;
        normalize(name, normalized);
        std::vector<char16_t> chars = normalized.form(fold);
        while (!chars.empty() && chars.back() == kSep)
            chars.pop_back();
        size_t start = 0;
        while (start < chars.size() && chars[start] == kSep)
            ++start;
        if (chars.size() - start < 2)
            return; // one-letter names would match everywhere
        int node = 0;
        for (size_t i = start; i < chars.size(); ++i) {
            const char16_t c = chars[i];
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
            patterns.push_back({entity, static_cast<int>(chars.size() - start)});
        }
    }

    // The whole automaton as a table: one lookup per character, no failure walks.
    // Characters no name contains share class 0, which always leads back to the root.
    std::vector<uint16_t> classOf = std::vector<uint16_t>(65536, 0);
    size_t classes = 1;
    std::vector<int> delta; // node * classes + class -> node

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
    }

    void scan(QStringView text, const Normalized &n, std::vector<Mention> &out) const
    {
        if (patterns.empty())
            return;
        const std::vector<char16_t> &chars = n.form(fold);
        int state = 0;
        const size_t len = chars.size();
        for (size_t i = 0; i < len; ++i) {
            state = delta[static_cast<size_t>(state) * classes + classOf[chars[i]]];
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
    void prefixes(const Normalized &n, std::vector<Mention> &out) const
    {
        const std::vector<char16_t> &chars = n.form(fold);
        int state = 0;
        for (size_t i = 0; i < chars.size(); ++i) {
            state = child(state, chars[i]);
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
    thread_local Normalized n;
    normalize(text, n);
    m_folded->scan(text, n, all);
    m_sensitive->scan(text, n, all);
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
    thread_local Normalized n;
    normalize(text.left(kLongestName), n); // no name is longer: the rest of a long text is never read
    m_folded->prefixes(n, out);
    m_sensitive->prefixes(n, out);
    std::sort(out.begin(), out.end(), [](const Mention &a, const Mention &b) { return a.range.end > b.range.end; });
    return out;
}

} // namespace sextant::extract
