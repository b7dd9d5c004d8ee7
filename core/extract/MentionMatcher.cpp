#include "extract/MentionMatcher.h"

#include "extract/KnowledgePack.h"

#include <algorithm>
#include <array>

namespace sextant::extract {

namespace {

constexpr char16_t kSep = u' ';

/// The normalized form of a text, with each normalized unit's offset in the
/// original. Separator runs become one kSep; a separator is implied between a
/// letter and a following digit. Only the folded (lowered) form is kept: the
/// form as written, which case-sensitive names need, is read back through the
/// offsets (written()). The buffers grow and are reused, never shrunk: find()
/// runs once per sentence and table cell, so its fixed cost matters as much as
/// its cost per character.
struct Normalized {
    std::unique_ptr<char16_t[]> folded;
    std::unique_ptr<qsizetype[]> origin;
    size_t size = 0;
    size_t capacity = 0;

    void reserve(size_t n)
    {
        if (n <= capacity)
            return;
        capacity = std::max(n, capacity * 2);
        folded.reset(new char16_t[capacity]);
        origin.reset(new qsizetype[capacity]);
    }
};

enum AsciiClass : unsigned char { Other, Separator, Digit, Upper, Lower };

constexpr std::array<unsigned char, 128> asciiClasses()
{
    std::array<unsigned char, 128> a{};
    for (char16_t c : {u' ', u'-', u'_', u'\t', u'\n'})
        a[c] = Separator;
    for (int c = '0'; c <= '9'; ++c)
        a[size_t(c)] = Digit;
    for (int c = 'A'; c <= 'Z'; ++c)
        a[size_t(c)] = Upper;
    for (int c = 'a'; c <= 'z'; ++c)
        a[size_t(c)] = Lower;
    return a;
}
constexpr std::array<unsigned char, 128> kAscii = asciiClasses();

char16_t foldQuote(char16_t u) { return (u == u'\u2019' || u == u'\u2018' || u == u'\u02bc') ? u'\'' : u; }

void normalize(QStringView text, Normalized &out)
{
    out.reserve(2 * static_cast<size_t>(text.size()) + 1); // at most an implied separator before each unit
    char16_t *f = out.folded.get();
    qsizetype *o = out.origin.get();
    size_t k = 0;
    auto separate = [&](qsizetype at) { // one kSep for a run, none at the start
        if (k > 0 && f[k - 1] != kSep) {
            f[k] = kSep;
            o[k++] = at;
        }
    };
    bool prevLetter = false; // the last unit written is a letter (so not kSep)
    const char16_t *src = text.utf16();
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t u = src[i];
        if (u < 128) {
            const unsigned char c = kAscii[u];
            if (c == Separator) {
                separate(i);
                prevLetter = false;
                continue;
            }
            if (c == Digit && prevLetter)
                separate(i); // "Qwen2.5" reads as "Qwen 2.5"
            prevLetter = c >= Upper;
            f[k] = c == Upper ? char16_t(u + 32) : u;
            o[k++] = i;
            continue;
        }
        if (u == u'\u00a0' || u == u'\u2010' || u == u'\u2011') {
            separate(i);
            prevLetter = false;
            continue;
        }
        const QChar q(u);
        if (q.isDigit() && prevLetter)
            separate(i);
        prevLetter = q.isLetter();
        const char16_t quoted = foldQuote(u); // "Humanity’s" = "Humanity's"
        f[k] = quoted < 128 ? quoted : QChar(quoted).toLower().unicode();
        o[k++] = i;
    }
    out.size = k;
}

/// Normalized unit j as written: the separator, or the text's own character.
char16_t written(const Normalized &n, QStringView text, size_t j)
{
    return n.folded[j] == kSep ? kSep : foldQuote(text[n.origin[j]].unicode());
}

bool isWordChar(QChar c) { return c.isLetterOrNumber(); }

} // namespace

constexpr qsizetype kLongestName = 160;

struct MentionMatcher::Automaton {
    struct Node {
        std::vector<std::pair<char16_t, int>> next;
        int output = -1; // first pattern ending here (a chain through Pattern::next)
    };
    std::vector<Node> nodes{Node{}};
    std::vector<int> rootNext = std::vector<int>(65536, -1); // the root's children, dense
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
        size_t end = normalized.size;
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
            for (size_t i = start; i < end; ++i)
                p.exact.push_back(written(normalized, name, i));
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
    static bool caseMatches(const Pattern &p, const Normalized &n, QStringView text, size_t last)
    {
        if (p.exact.empty())
            return true;
        const size_t first = last + 1 - static_cast<size_t>(p.length);
        for (size_t k = 0; k < p.exact.size(); ++k)
            if (written(n, text, first + k) != p.exact[k])
                return false;
        return true;
    }

    // The trie, compact enough to stay in the cache. Characters no name contains share class 0.
    // Nodes are numbered breadth first, so the children of a node have consecutive numbers, from
    // firstChild[node] to firstChild[node + 1]; label[child] is the class of the edge into the
    // child (children in increasing class), with kHasOutput set when a name ends there. The
    // root and its children, which nearly every walk passes, have dense rows (about 15 KB). Node 0
    // (the root) is never a child, so 0 also means "no such child". (A dense table of every
    // node's row was 1.9 MB, and its loads missed the cache.)
    static constexpr uint32_t kHasOutput = 0x80000000u;
    std::vector<uint16_t> classOf = std::vector<uint16_t>(65536, 0);
    size_t classes = 1;
    std::vector<uint32_t> shallow;    // node * classes + class -> child, for nodes below shallowEnd
    size_t shallowEnd = 0;
    std::vector<uint32_t> firstChild; // per node, and one past the last
    std::vector<uint32_t> label;      // per node: class of its edge | kHasOutput
    std::vector<int> outputOf;        // per node: Node::output

    void build()
    {
        for (int c = 0; c < 65536; ++c)
            if (rootNext[static_cast<size_t>(c)] > 0)
                classOf[static_cast<size_t>(c)] = static_cast<uint16_t>(classes++);
        for (const Node &node : nodes)
            for (const auto &[c, to] : node.next)
                if (classOf[c] == 0)
                    classOf[c] = static_cast<uint16_t>(classes++);
        // Children in increasing class, so that a node's labels are sorted.
        std::vector<std::vector<std::pair<uint32_t, int>>> kids(nodes.size());
        for (int c = 0; c < 65536; ++c)
            if (const int to = rootNext[static_cast<size_t>(c)]; to > 0)
                kids[0].emplace_back(classOf[static_cast<size_t>(c)], to);
        for (size_t k = 1; k < nodes.size(); ++k) {
            for (const auto &[c, to] : nodes[k].next)
                kids[k].emplace_back(classOf[c], to);
            std::sort(kids[k].begin(), kids[k].end());
        }
        // Breadth-first numbering: order[new] = old.
        std::vector<int> order{0};
        order.reserve(nodes.size());
        label.assign(1, 0);
        firstChild.assign(nodes.size() + 1, 0);
        for (size_t k = 0; k < order.size(); ++k) {
            firstChild[k] = static_cast<uint32_t>(order.size());
            for (const auto &[cls, to] : kids[static_cast<size_t>(order[k])]) {
                order.push_back(to);
                label.push_back(cls);
            }
        }
        firstChild[order.size()] = static_cast<uint32_t>(order.size());
        shallowEnd = firstChild[1]; // the root and its children
        shallow.assign(shallowEnd * classes, 0);
        for (size_t k = 0; k < shallowEnd; ++k)
            for (uint32_t j = firstChild[k]; j < firstChild[k + 1]; ++j)
                shallow[k * classes + label[j]] = j;
        outputOf.assign(order.size(), -1);
        for (size_t k = 1; k < order.size(); ++k) {
            outputOf[k] = nodes[static_cast<size_t>(order[k])].output;
            if (outputOf[k] >= 0)
                label[k] |= kHasOutput;
        }
    }

    /// The child of node along character c, or 0 when there is none.
    size_t step(size_t node, char16_t c) const
    {
        const uint16_t cls = classOf[c];
        if (node < shallowEnd)
            return shallow[node * classes + cls];
        if (cls == 0)
            return 0;
        for (uint32_t k = firstChild[node], end = firstChild[node + 1]; k < end; ++k) {
            const uint32_t l = label[k] & ~kHasOutput;
            if (l >= cls)
                return l == cls ? k : 0;
        }
        return 0;
    }

    /// The leftmost-longest mentions, without overlaps, in text order. A name is accepted only
    /// where a word starts (accept()), so the trie is walked from word starts alone, and only as
    /// far as some name goes: a step or two for most words. (An Aho-Corasick scan read every
    /// character through a table too large for the cache.)
    void scan(QStringView text, const Normalized &n, std::vector<Mention> &out) const
    {
        if (patterns.empty())
            return;
        const char16_t *chars = n.folded.get();
        const size_t len = n.size;
        qsizetype taken = -1; // end of the last mention taken: a match starting before it overlaps
        for (size_t p = 0; p < len; ++p) {
            if (chars[p] == kSep)
                continue;
            const qsizetype start = n.origin[p];
            if (start < taken || (start > 0 && isWordChar(text[start - 1])))
                continue;
            // The longest match accepted from here; of patterns on one range, the first added.
            int entity = -1;
            qsizetype end = -1;
            size_t node = 0;
            for (size_t i = p; i < len; ++i) {
                node = step(node, chars[i]);
                if (node == 0)
                    break;
                if (!(label[node] & kHasOutput))
                    continue;
                for (int k = outputOf[node]; k >= 0; k = patterns[static_cast<size_t>(k)].next) {
                    const Pattern &pat = patterns[static_cast<size_t>(k)];
                    if (!caseMatches(pat, n, text, i))
                        continue;
                    if (accept(text, start, n.origin[i] + 1)) {
                        entity = pat.entity;
                        end = n.origin[i] + 1;
                    }
                    break; // accept() depends on the range alone
                }
            }
            if (entity >= 0) {
                out.push_back(Mention{entity, {start, end}});
                taken = end;
            }
        }
    }

    /// Patterns that match at the very start of text, whatever follows them.
    void prefixes(QStringView text, const Normalized &n, std::vector<Mention> &out) const
    {
        if (patterns.empty())
            return;
        const char16_t *chars = n.folded.get();
        size_t node = 0;
        for (size_t i = 0; i < n.size; ++i) {
            node = step(node, chars[i]);
            if (node == 0)
                return;
            if (!(label[node] & kHasOutput))
                continue;
            for (int k = outputOf[node]; k >= 0; k = patterns[static_cast<size_t>(k)].next)
                if (caseMatches(patterns[static_cast<size_t>(k)], n, text, i))
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
    thread_local Normalized n;
    normalize(text, n);
    std::vector<Mention> out;
    m_automaton->scan(text, n, out);
    return out;
}

std::vector<Mention> MentionMatcher::prefixes(QStringView text) const
{
    std::vector<Mention> out;
    thread_local Normalized n;
    const QStringView head = text.left(kLongestName); // no name is longer: the rest of a long text is never read
    normalize(head, n);
    m_automaton->prefixes(head, n, out);
    std::stable_sort(out.begin(), out.end(), [](const Mention &a, const Mention &b) { return a.range.end > b.range.end; });
    return out;
}

} // namespace sextant::extract
