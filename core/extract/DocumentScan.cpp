// One document's extraction: mentions, sentences, prose scores, attributes,
// claims and events. Tables are read in TableReader.cpp.

#include "extract/Extractor.h"
#include "extract/TextScan.h"
#include "extract/WordMap.h"

#include "common/Regex.h"

#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <array>
#include <cstring>
#include <cmath>
#include <limits>

namespace sextant::extract {

using model::BlockKind;
using model::PartialDate;
using model::TextRange;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

QString simplified(QStringView s)
{
    QString out = s.toString();
    out.replace(QChar(0x00a0), u' ');
    return out.simplified();
}

bool endsWithAny(QStringView lowerText, const rx::Regex &re) { return rx::match(re, lowerText).hasMatch(); }

const rx::Regex &objectCue()
{
    static const rx::Regex re(QStringLiteral(
        R"((?:behind|than|for|vs\.?|versus|compared\s+(?:to|with)|beat|beats|beating|surpass(?:es|ed|ing)?|outperform(?:s|ed|ing)?|against|unlike|below|above|trails?|trailing|over|rival(?:s|ing)?|like|including|such\s+as|ahead\s+of|after|since|(?:level|capability)\s+(?:level\s+)?as|(?:than|as)\s+(?:the\s+)?(?:previous|its)?)(?:\s+only)?(?:\s+the)?(?:\s+(?:its|their|the)\s+(?:predecessors?|previous|prior|older|earlier)(?:\s+(?:models?|versions?|generations?))?)?[\s(,]*$)"));
    return re;
}

/// "may" the modal verb, not the month after "in", "since", "by", "until", "early", "late", "mid-".
const QString &modalMay()
{
    static const QString re = QStringLiteral(
        R"((?<!\bin\s)(?<!\bsince\s)(?<!\bby\s)(?<!\buntil\s)(?<!\bearly\s)(?<!\blate\s)(?<!\bmid-)may(?!\s+\d))");
    return re;
}

const rx::Regex &clauseBreak()
{
    static const rx::Regex re(QStringLiteral(u"(?:;|,\\s+(?:while|but|whereas|although)\\b|\\bwhile\\b)"));
    return re;
}

/// [start, end) of the clause around pos inside sentence range r.
TextRange clauseAround(QStringView text, TextRange r, qsizetype pos)
{
    const QStringView s = text.mid(r.start, r.length());
    qsizetype start = 0, end = s.size();
    auto it = rx::globalMatch(clauseBreak(), s);
    while (it.hasNext()) {
        const auto m = it.next();
        if (r.start + m.capturedStart() <= pos)
            start = m.capturedEnd();
        else {
            end = m.capturedStart();
            break;
        }
    }
    return {r.start + start, r.start + end};
}

bool isAbbreviation(QStringView before)
{
    static const QSet<QString> abbrevs{
        QStringLiteral("vs"),  QStringLiteral("e.g"), QStringLiteral("i.e"), QStringLiteral("etc"), QStringLiteral("inc"),
        QStringLiteral("mr"),  QStringLiteral("mrs"), QStringLiteral("ms"),  QStringLiteral("dr"),  QStringLiteral("st"),
        QStringLiteral("u.s"), QStringLiteral("no"),  QStringLiteral("approx"), QStringLiteral("fig"), QStringLiteral("al"),
        QStringLiteral("jan"), QStringLiteral("feb"), QStringLiteral("mar"), QStringLiteral("apr"), QStringLiteral("jun"),
        QStringLiteral("jul"), QStringLiteral("aug"), QStringLiteral("sep"), QStringLiteral("sept"), QStringLiteral("oct"),
        QStringLiteral("nov"), QStringLiteral("dec"), QStringLiteral("co"), QStringLiteral("corp"), QStringLiteral("ltd")};
    qsizetype i = before.size();
    while (i > 0 && (before[i - 1].isLetter() || before[i - 1] == u'.'))
        --i;
    const QString word = before.mid(i).toString().toLower();
    // An initial stands alone ("J. Smith"); a letter after a digit ends a size ("… Llama-3.1-8B. It has").
    const bool standsAlone = i == 0 || !(before[i - 1].isLetterOrNumber() || before[i - 1] == u'-');
    return abbrevs.contains(word) || (word.size() == 1 && word[0].isLetter() && standsAlone);
}

double parseNumberText(QStringView digits, int *decimals)
{
    QString clean;
    for (const QChar c : digits)
        if (c != u',')
            clean += c;
    const qsizetype dot = clean.indexOf(u'.');
    *decimals = dot < 0 ? 0 : int(clean.size() - dot - 1);
    return decimalValue(clean);
}

} // namespace

/// A name without the note that ends it: "(17Bx128E)", "[3]", "^a", "*", "†".
QString withoutNote(const QString &name)
{
    QStringView v = QStringView(name).trimmed();
    if (v.endsWith(u')') || v.endsWith(u']')) {
        const QChar close = v.back(), open = close == u')' ? u'(' : u'[';
        const qsizetype previousClose = v.first(v.size() - 1).lastIndexOf(close);
        const qsizetype at = v.indexOf(open, previousClose + 1);
        if (at >= 0 && at < v.size() - 1)
            v = v.first(at);
    } else {
        qsizetype end = v.size();
        while (end > 0 && (v[end - 1] == u'*' || v[end - 1] == u'\u2020' || v[end - 1] == u'\u2021'))
            --end;
        if (end < v.size()) {
            v = v.first(end);
        } else if (const qsizetype caret = v.lastIndexOf(u'^'); caret >= 0) {
            bool spaceAfter = false;
            for (qsizetype i = caret + 1; i < v.size() && !spaceAfter; ++i)
                spaceAfter = v[i].isSpace();
            if (!spaceAfter)
                v = v.first(caret);
        }
    }
    return v.trimmed().toString();
}

namespace {
QString lowerOneToOne(const QString &text)
{
    QString out(text.size(), Qt::Uninitialized);
    QChar *o = out.data();
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        *o++ = u < 128 ? QChar(u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u) : c.toLower();
    }
    return out;
}
} // namespace

bool CuePositions::anyIn(TextRange r) const
{
    const auto it = std::lower_bound(m_at.begin(), m_at.end(), r.start);
    return it != m_at.end() && *it < r.end;
}

const Hit *DocumentScan::hitOverlapping(TextRange r) const
{
    // hits is sorted and free of overlaps: one binary search.
    auto hit = std::lower_bound(hits.begin(), hits.end(), r.start + 1, [](const Hit &h, qsizetype pos) { return h.range.start < pos; });
    if (hit != hits.begin() && std::prev(hit)->range.end > r.start)
        return &*std::prev(hit);
    return hit != hits.end() && hit->range.start < r.end ? &*hit : nullptr;
}

std::span<const qsizetype> CuePositions::in(TextRange r) const
{
    const auto from = std::lower_bound(m_at.begin(), m_at.end(), r.start);
    const auto to = std::lower_bound(from, m_at.end(), r.end);
    return {from, to};
}

DocumentScan::DocumentScan(const Extractor &ex, const model::Document &d) : x(ex), doc(d), lowerText(lowerOneToOne(d.text))
{
    // Cheap screens: every expression of a kind needs one of its cue words. All are found in one pass
    // over the lowered text, looking only at the words that start with the character at hand.
    enum Screen { Openness, Compound, Codename, Role, Example, Discovery, ModelWord, OrgNoun };
    struct Cue {
        QStringView word;
        Screen screen;
    };
    static const std::vector<Cue> cues = [] {
        std::vector<Cue> c;
        for (const char16_t *w : {u"open", u"closed", u"proprietar", u"api", u"download", u"weights", u"\u274c", u"\u2717", u"\u2718"})
            c.push_back({QStringView(w), Openness});
        for (const char16_t *w : {u"-licens", u"-equiv", u"-style"})
            c.push_back({QStringView(w), Compound});
        for (const char16_t *w : {u"code", u"internal", u"dubbed"})
            c.push_back({QStringView(w), Codename});
        for (const char16_t *w : {u"analyst", u"ceo", u"cto", u"cfo", u"founder", u"chief", u"researcher", u"scientist", u"president",
                                  u"director", u"head", u"engineer", u"professor", u"spokes"})
            c.push_back({QStringView(w), Role});
        for (const char16_t *w : {u"model such as", u"models such as", u"model, such as", u"models, such as", u"llm such as",
                                  u"llms such as", u"llms, such as", u"models like", u"llms like", u"models including",
                                  u"models, including", u"llms including"})
            c.push_back({QStringView(w), Example});
        for (const char16_t *w : {u"model", u"llm"})
            c.push_back({QStringView(w), ModelWord});
        for (const char16_t *w : {u"startup", u"start-up", u"company", u"lab", u"firm", u"developer", u"unicorn", u"rival", u"-based"})
            c.push_back({QStringView(w), OrgNoun});
        for (const char16_t *w : {u"released", u"releases", u"launched", u"launches",
                                  u"unveiled", u"unveils", u"introduced", u"introduces", u"announced", u"announces", u"debuted",
                                  u"open-sourced", u"raised", u"raises", u"said", u"says"})
            c.push_back({QStringView(w), Discovery});
        return c;
    }();
    static const std::array<std::vector<int>, 128> byFirst = [] {
        std::array<std::vector<int>, 128> a;
        for (size_t i = 0; i < cues.size(); ++i)
            if (cues[i].word[0].unicode() < 128) {
                Q_ASSERT(cues[i].word.size() >= 2);
                a[cues[i].word[0].unicode()].push_back(int(i));
            }
        return a;
    }();
    CuePositions *screens[] = {&opennessCues, &licenseCompoundCues, &codenameCues, &roleCues, &exampleCues, &discoveryCues, &modelWordCues, &orgNounCues};
    const QStringView lowered(lowerText);
    for (qsizetype i = 0; i < lowered.size(); ++i) {
        const char16_t u = lowered[i].unicode();
        if (u >= 128) {
            if (u == 0x274c || u == 0x2717 || u == 0x2718)
                opennessCues.add(i);
            continue;
        }
        // Every cue word is looked for at the start of a word; the "-licensed" kind after a letter.
        const bool wordStart = i == 0 || !lowered[i - 1].isLetterOrNumber();
        if (!(wordStart || u == u'-') || byFirst[u].empty())
            continue;
        int added = 0; // each screen once per position
        for (const int k : byFirst[u]) {
            const Cue &c = cues[size_t(k)];
            // Every cue that starts with an ASCII character has three or more: the second one
            // turns most candidates away before the comparison of the whole word.
            if (!(added & (1 << c.screen)) && i + c.word.size() <= lowered.size() && lowered[i + 1] == c.word[1]
                && std::memcmp(lowered.data() + i, c.word.data(), size_t(c.word.size()) * sizeof(QChar)) == 0) {
                screens[c.screen]->add(i);
                added |= 1 << c.screen;
            }
        }
    }
    m_docDate = doc.meta.published;
    m_docYear = m_docDate.isValid() ? m_docDate.year : 0;
}

int DocumentScan::internPack(int packIndex)
{
    if (auto it = m_packIndex.constFind(packIndex); it != m_packIndex.constEnd())
        return *it;
    const PackEntity &p = x.pack().entities()[static_cast<size_t>(packIndex)];
    EntityRef ref;
    ref.key = p.id;
    ref.kind = p.kind;
    ref.name = p.name;
    ref.origin = Origin::Pack;
    const int e = out.intern(ref);
    m_packIndex.insert(packIndex, e);
    return e;
}

namespace {

/// What no model is called, wherever it is written (a table's model column, a list of models):
/// a date ("2021/03", "2017-06", "Jan/2024"), a bare version ("V12"), a phrase of the text
/// ("About this sheet").
bool couldNameModel(QStringView name)
{
    static const rx::Regex notAName(QStringLiteral(
        u"^(?:(?:19|20)\\d\\d[-/.](?:0?[1-9]|1[0-2])(?:[-/.]\\d\\d?)?|[A-Za-z]{3,9}\\.?[ /-](?:19|20)\\d\\d|[Vv]\\d+"
        u"|\\S+(?: \\S+)* (?:this|that|these|those|the|a|an|of|to|for|with|about|from|is|are|was|were|and|or)(?: \\S+)*)$"));
    return !rx::match(notAName, name).hasMatch();
}

} // namespace

int DocumentScan::internFound(EntityKind kind, const QString &rawName, double confidence, const QString &parent)
{
    QString name = simplified(rawName);
    while (!name.isEmpty() && (name.endsWith(u'.') || name.endsWith(u',') || name.endsWith(u':')))
        name.chop(1);
    if (name.size() < 2)
        return -1;
    // "Llama-3-8B-Ins" and "Qwen2.5 72B-Inst." in a narrow table column are "…-Instruct".
    if (kind == EntityKind::Model) {
        for (const QLatin1String abbreviation : {QLatin1String("ins"), QLatin1String("inst")}) {
            const qsizetype at = name.size() - abbreviation.size() - 1;
            if (at > 2 && name.endsWith(abbreviation, Qt::CaseInsensitive)
                && (name[at] == u'-' || name[at] == u' ' || name[at] == u'_')) {
                name = name.left(at + 1) + QStringLiteral("Instruct");
                break;
            }
        }
    }
    if (kind == EntityKind::Model && !couldNameModel(name))
        return -1;
    // A name the pack knows, written another way.
    const auto known = x.matcher().find(name);
    if (known.size() == 1 && known[0].range.start == 0 && known[0].range.end == name.size()) {
        const PackEntity &p = x.pack().entities()[static_cast<size_t>(known[0].entity)];
        if (p.kind == kind)
            return internPack(known[0].entity);
        if (kind == EntityKind::Model && p.kind == EntityKind::Organization)
            return -1; // "Anthropic" in a list of models is its maker, not a model
    }
    if (const int folded = x.pack().indexOfFolded(name); folded >= 0 && x.pack().entities()[size_t(folded)].kind == kind)
        return internPack(folded);
    EntityRef ref;
    ref.kind = kind;
    ref.name = name;
    ref.key = keyFor(kind, name);
    ref.origin = Origin::Found;
    ref.confidence = confidence;
    ref.parent = parent;
    return out.intern(ref);
}

bool DocumentScan::namesModel(QStringView raw) const
{
    const QString core = withoutNote(simplified(raw));
    if (core.isEmpty())
        return false;
    const auto known = x.matcher().find(core);
    const bool knownWhole = !known.empty() && known[0].range.start == 0;
    if (knownWhole && known[0].range.end == core.size())
        return x.pack().entities()[static_cast<size_t>(known[0].entity)].kind == EntityKind::Model;
    if (modelNameEnd(x, core, false) == core.size())
        return true;
    return knownWhole && x.pack().entities()[static_cast<size_t>(known[0].entity)].kind == EntityKind::Model
           && modelNameEnd(x, core, true) == core.size();
}

int DocumentScan::resolveWhole(QStringView raw, EntityKind want, double foundConfidence)
{
    QString text = simplified(raw);
    // Notes in brackets and footnote marks are not part of the name.
    QString core = withoutNote(text);
    if (want == EntityKind::Model && core.size() > 2 && core.endsWith(u'.') && core[core.size() - 2].isLetter())
        core.chop(1); // an abbreviation's dot: "Qwen2.5 72B-Inst."
    if (core.isEmpty())
        return -1;
    // A Hugging Face repository id, "mistralai/Mixtral-8x7B-v0.1", names the model after its owner.
    if (want == EntityKind::Model) {
        if (const qsizetype slash = repoOwnerEnd(core); slash > 0)
            return resolveWhole(QStringView(core).mid(slash + 1), want, foundConfidence);
    }
    const auto known = x.matcher().find(core);
    // "Llama 3 (70B)", "Mistral (7B)" in a header: a family (or its version) with a size is that model.
    const qsizetype open = want == EntityKind::Model ? text.lastIndexOf(u'(') : -1;
    if (open > 0 && text.endsWith(u')') && core.size() <= open) {
        const QStringView size = QStringView(text).mid(open + 1, text.size() - open - 2).trimmed();
        const auto coreToks = tokenize(core);
        bool coreIsFamily = !coreToks.empty() && x.family(QStringView(core).first(coreToks[0].end)) >= 0;
        if (!known.empty() && known[0].range.start == 0 && known[0].range.end == core.size()) {
            const PackEntity &p = x.pack().entities()[static_cast<size_t>(known[0].entity)];
            coreIsFamily = coreIsFamily || p.family || p.kind == EntityKind::Organization;
        }
        bool sized = false;
        for (const Token &t : coreToks)
            sized = sized || isSizeToken(QStringView(core).mid(t.start, t.end - t.start));
        if (coreIsFamily && !sized && isSizeToken(size) && !size.contains(u'x') && !size.contains(u'X')) {
            const QString named = core + u' ' + size.toString();
            if (const int e = resolveWhole(named, EntityKind::Model, foundConfidence); e >= 0)
                return e;
        }
    }
    if (!known.empty() && known[0].range.start == 0 && known[0].range.end == core.size()) {
        const PackEntity &p = x.pack().entities()[static_cast<size_t>(known[0].entity)];
        if (want == EntityKind::Other || p.kind == want)
            return internPack(known[0].entity);
    }
    if (want == EntityKind::Model) {
        // "OpenAI o1-1217", "Google Gemini 2.5 Pro" in a header: the maker's name before a model's
        // own name is no part of it.
        if (const qsizetype space = core.indexOf(u' '); space > 0) {
            const auto maker = x.matcher().find(QStringView(core).first(space));
            if (maker.size() == 1 && maker[0].range.start == 0 && maker[0].range.end == space
                && x.pack().entities()[static_cast<size_t>(maker[0].entity)].kind == EntityKind::Organization) {
                const QString rest = core.mid(space + 1);
                const auto names = findModelNames(x, rest);
                const auto restKnown = x.matcher().find(rest);
                const bool named = (names.size() == 1 && names[0].start == 0 && names[0].end == rest.size())
                                   || (!restKnown.empty() && restKnown[0].range.start == 0 && restKnown[0].range.end == rest.size()
                                       && x.pack().entities()[static_cast<size_t>(restKnown[0].entity)].kind == EntityKind::Model);
                if (named)
                    return resolveWhole(rest, want, foundConfidence);
            }
        }
        const qsizetype end = modelNameEnd(x, core, false);
        if (end == core.size()) {
            // A variant when the name ends in a variant word or snapshot: linked to its model.
            QString parent;
            if (const auto names = findModelNames(x, core);
                names.size() == 1 && names[0].start == 0 && names[0].end == core.size() && names[0].coreEnd < core.size()) {
                if (const int p = resolveWhole(QStringView(core).first(names[0].coreEnd), EntityKind::Model, foundConfidence); p >= 0)
                    parent = out.entities[static_cast<size_t>(p)].key;
            }
            return internFound(EntityKind::Model, core, foundConfidence, parent);
        }
        if (!known.empty() && known[0].range.start == 0 && kindOf(internPack(known[0].entity)) == EntityKind::Model) {
            const qsizetype grammarEnd = modelNameEnd(x, core, true);
            if (grammarEnd == core.size())
                return internFound(EntityKind::Model, core, foundConfidence);
        }
        return -1;
    }
    if (foundConfidence > 0 && want != EntityKind::Other && core.size() <= 60 && core[0].isUpper())
        return internFound(want, core, foundConfidence);
    return -1;
}

namespace {

/// What joins two coordinated names: ", ", " and ", ", and ", " & ".
bool isCoordination(QStringView between)
{
    return between == u", " || between == u" and " || between == u", and " || between == u" & ";
}

/// The text after a score with the change beside it and its bracket dropped:
/// ", +5.8%) on SWE-bench" -> "on SWE-bench". Unchanged when there is none.
QString pastAside(QString after)
{
    static const QRegularExpression aside(QStringLiteral(u"^(?:\\s*[,/]\\s*[+\u2212\u00b1-]?\\d+(?:\\.\\d+)?%?)*\\s*\\)\\s*"));
    if (after.startsWith(u',') || after.startsWith(u')'))
        after.remove(aside);
    return after;
}

/// "glm47", "llama3": letters then digits, all lower case: an identifier in a
/// command or a config, not a name as people write one.
bool isLowercaseIdentifier(QStringView name)
{
    qsizetype i = 0;
    while (i < name.size() && name[i].isLower() && name[i].unicode() < 128)
        ++i;
    const qsizetype letters = i;
    while (i < name.size() && name[i].isDigit())
        ++i;
    return letters > 0 && i > letters && i == name.size();
}

bool isTitleWord(QStringView w)
{
    if (w.size() < 2 || !w[0].isUpper())
        return false;
    for (qsizetype i = 1; i < w.size(); ++i)
        if (!w[i].isLower())
            return false;
    return true;
}

} // namespace

/// "thanks to Neural Magic" does not name Magic, nor "and Sibo Yi" the model
/// Yi: a one-word organization or model written right after a capitalized
/// word in the middle of a sentence is the end of a longer name. Not when that word is a known name ("Google Gemini"),
/// a nationality ("the Chinese Zhipu"), or when the words before it are
/// capitalized too (a headline in title case: "Zuckerberg Says Meta Will").
bool DocumentScan::tailOfLongerName(QStringView s, const Mention &m, const std::vector<Mention> &packHits) const
{
    const PackEntity &e = x.pack().entities()[size_t(m.entity)];
    if (e.kind != EntityKind::Organization && e.kind != EntityKind::Model)
        return false;
    const qsizetype a = m.range.start;
    if (!isTitleWord(s.mid(a, m.range.length())) || a < 2 || s[a - 1] != u' ')
        return false;
    qsizetype w = a - 1;
    while (w > 0 && s[w - 1].isLetter())
        --w;
    const QStringView word = s.mid(w, a - 1 - w);
    if (!isTitleWord(word) || (w > 0 && !s[w - 1].isSpace()))
        return false;
    static const QSet<QString> notNames = {
        QStringLiteral("American"), QStringLiteral("Chinese"), QStringLiteral("French"), QStringLiteral("British"),
        QStringLiteral("German"), QStringLiteral("Japanese"), QStringLiteral("Korean"), QStringLiteral("Canadian"),
        QStringLiteral("Israeli"), QStringLiteral("Indian"), QStringLiteral("European"), QStringLiteral("Swiss"),
        QStringLiteral("Dutch"), QStringLiteral("Italian"), QStringLiteral("Spanish"), QStringLiteral("Swedish"),
        QStringLiteral("Emirati"), QStringLiteral("Saudi"), QStringLiteral("Russian"), QStringLiteral("Taiwanese"),
        QStringLiteral("Singaporean"), QStringLiteral("Australian"), QStringLiteral("Silicon"), QStringLiteral("Big"),
        QStringLiteral("Rival"), QStringLiteral("Startup"), QStringLiteral("Facebook"), QStringLiteral("Alphabet"),
    };
    if (notNames.contains(word.toString()))
        return false;
    for (const Mention &o : packHits)
        if (o.range.start < a - 1 && o.range.end > w)
            return false; // the word before is a known name
    // What precedes that word: a sentence carries on ("to", ",", ":"), not a
    // capitalized word (title case) and not a sentence's end.
    qsizetype p = w - 1;
    while (p >= 0 && s[p] == u' ')
        --p;
    if (p < 0)
        return false;
    if (s[p] == u',' || s[p] == u':' || s[p] == u';' || s[p] == u'(')
        return true;
    if (!s[p].isLetter())
        return false;
    while (p > 0 && s[p - 1].isLetter())
        --p;
    return s[p].isLower(); // "thanks to Neural Magic", not "Zuckerberg Says Meta"
}

/// Where a known benchmark's name goes on with a word that makes another
/// benchmark of it ("SWE-bench Multilingual", "HumanEval Plus"), or m's end.
qsizetype DocumentScan::benchmarkVariantEnd(QStringView s, const Mention &m) const
{
    if (x.pack().entities()[size_t(m.entity)].kind != EntityKind::Benchmark)
        return m.range.end;
    qsizetype a = m.range.end;
    if (a + 2 >= s.size() || (s[a] != u' ' && s[a] != u'-') || !s[a + 1].isUpper())
        return m.range.end;
    qsizetype b = a + 1;
    while (b < s.size() && s[b].isLetter())
        ++b;
    if (b < s.size() && (s[b].isDigit() || s[b] == u'-'))
        return m.range.end;
    static const QSet<QString> qualifiers = {
        QStringLiteral("Verified"), QStringLiteral("Multilingual"), QStringLiteral("Pro"),    QStringLiteral("Lite"),
        QStringLiteral("Hard"),     QStringLiteral("Extended"),     QStringLiteral("Plus"),   QStringLiteral("Full"),
        QStringLiteral("Live"),     QStringLiteral("Redux"),        QStringLiteral("Multimodal"), QStringLiteral("Vision"),
        QStringLiteral("Mini"),     QStringLiteral("Agentic"),      QStringLiteral("Bash"),   QStringLiteral("Text"),
    };
    return qualifiers.contains(s.mid(a + 1, b - a - 1).toString()) ? b : m.range.end;
}

void DocumentScan::findMentions(TextRange r)
{
    const QStringView s = QStringView(doc.text).mid(r.start, r.length());
    const auto packHits = x.matcher().find(s);
    const auto names = findModelNames(x, s);
    std::vector<Hit> local;
    local.reserve(packHits.size() + names.size());
    for (const Mention &m : packHits) {
        // The owner of a repository id is not a mention: "Qwen" in "Qwen/Qwen3-Next-80B-A3B".
        if (m.range.end + 1 < s.size() && s[m.range.end] == u'/'
            && s.mid(m.range.end + 1).startsWith(s.mid(m.range.start, m.range.length()), Qt::CaseInsensitive))
            continue;
        if (tailOfLongerName(s, m, packHits))
            continue;
        if (const qsizetype end = benchmarkVariantEnd(s, m); end > m.range.end) {
            // "SWE-bench Multilingual" is a benchmark of its own, not SWE-bench.
            const int e = internFound(EntityKind::Benchmark, s.mid(m.range.start, end - m.range.start).toString(), 0.7);
            if (e >= 0) {
                local.push_back(Hit{e, {r.start + m.range.start, r.start + end}, 0.7});
                continue;
            }
        }
        local.push_back(Hit{internPack(m.entity), {r.start + m.range.start, r.start + m.range.end}, 1.0});
    }
    for (const NameMatch &n : names) {
        const qsizetype a = r.start + n.start, b = r.start + n.end;
        if (n.spelled.isEmpty() && isLowercaseIdentifier(s.mid(n.start, n.end - n.start)))
            continue;
        bool skip = false;
        for (const Hit &h : local) {
            if (h.range.start == a && h.range.end == b)
                skip = true; // the pack knows it as written
            else if (h.range.start < a && h.range.end > a)
                skip = true; // inside a longer known name
            else if (h.range.start >= a && h.range.start < b && h.range.end > b)
                skip = true;
        }
        if (skip)
            continue;
        QString parent;
        if (n.coreEnd < n.end) {
            const QString core = s.mid(n.start, n.coreEnd - n.start).toString();
            const int p = resolveWhole(core, EntityKind::Model, n.confidence);
            if (p >= 0)
                parent = out.entities[static_cast<size_t>(p)].key;
        }
        const int e = internFound(EntityKind::Model, n.spelled.isEmpty() ? s.mid(n.start, n.end - n.start).toString() : n.spelled,
                                  n.confidence, parent);
        if (e < 0)
            continue;
        std::erase_if(local, [&](const Hit &h) { return h.range.start >= a && h.range.end <= b; });
        local.push_back(Hit{e, {a, b}, n.confidence});
    }
    // "Llama 4 Scout and Maverick": the items after a model name are models of its family too.
    const size_t named = local.size();
    for (size_t i = 0; i < named; ++i) {
        const Hit h = local[i];
        if (kindOf(h.entity) != EntityKind::Model || isFamily(h.entity))
            continue;
        for (const CoordinatedName &c : coordinatedNames(x, s, h.range.start - r.start, h.range.end - r.start)) {
            const TextRange item{r.start + c.start, r.start + c.end};
            if (std::any_of(local.begin(), local.end(),
                            [&](const Hit &o) { return o.range.start < item.end && item.start < o.range.end; }))
                break; // the text names it itself
            const int e = resolveWhole(c.name, EntityKind::Model, 0.7);
            if (e < 0 || kindOf(e) != EntityKind::Model)
                break;
            local.push_back(Hit{e, item, 0.7});
        }
    }
    hits.insert(hits.end(), local.begin(), local.end());
}

bool DocumentScan::isFamily(int entity) const
{
    const int p = x.pack().indexOf(out.entities[size_t(entity)].key);
    return p >= 0 && x.pack().entities()[size_t(p)].family;
}

void DocumentScan::addCellMention(int entity, TextRange r)
{
    if (entity < 0 || r.length() <= 0)
        return;
    // Kept: a mention of the same entity there, or of another of its kind at least as long as its name.
    // Replaced: a shorter name inside the cell ("RWKV-4" in a cell "RWKV-4-Raven-14B").
    const qsizetype nameLength = out.entities[size_t(entity)].name.size();
    // hits is sorted and free of overlaps: those over r are the one before the first starting in
    // r, and those starting in it.
    auto it = std::lower_bound(hits.begin(), hits.end(), r.start, [](const Hit &h, qsizetype pos) { return h.range.start < pos; });
    if (it != hits.begin())
        --it;
    for (; it != hits.end() && it->range.start < r.end; ++it)
        if (r.start < it->range.end
            && (it->entity == entity || (kindOf(it->entity) == kindOf(entity) && it->range.length() >= nameLength)))
            return;
    std::erase_if(hits, [&](const Hit &h) { return h.range.start >= r.start && h.range.end <= r.end; });
    const auto at = std::lower_bound(hits.begin(), hits.end(), r.start, [](const Hit &h, qsizetype pos) { return h.range.start < pos; });
    hits.insert(at, Hit{entity, r, out.entities[size_t(entity)].confidence});
}

std::vector<Hit> DocumentScan::hitsIn(TextRange r) const
{
    std::vector<Hit> out;
    auto it = std::lower_bound(hits.begin(), hits.end(), r.start,
                               [](const Hit &h, qsizetype pos) { return h.range.start < pos; });
    for (; it != hits.end() && it->range.start < r.end; ++it)
        if (it->range.end <= r.end)
            out.push_back(*it);
    return out;
}

void DocumentScan::splitSentences()
{
    const QString &t = doc.text;
    for (size_t b = 0; b < doc.blocks.size(); ++b) {
        const model::Block &block = doc.blocks[b];
        if (block.kind == BlockKind::Table || block.kind == BlockKind::Code)
            continue;
        Sentence base;
        base.block = static_cast<int>(b);
        base.heading = block.kind == BlockKind::Heading;
        base.listItem = block.kind == BlockKind::ListItem;
        qsizetype start = block.range.start;
        const qsizetype end = block.range.end;
        auto emit = [&](qsizetype s, qsizetype e) {
            while (s < e && t[s].isSpace())
                ++s;
            while (e > s && t[e - 1].isSpace())
                --e;
            if (e > s) {
                Sentence sentence = base;
                sentence.range = {s, e};
                m_sentences.push_back(sentence);
            }
        };
        for (qsizetype i = start; i < end; ++i) {
            const QChar c = t[i];
            if (c == u'\n') {
                emit(start, i);
                start = i + 1;
                continue;
            }
            if (c != u'.' && c != u'!' && c != u'?')
                continue;
            qsizetype j = i + 1;
            while (j < end && (t[j] == u'"' || t[j] == u'\u201d' || t[j] == u'\'' || t[j] == u'\u2019' || t[j] == u')'))
                ++j;
            if (j >= end || !t[j].isSpace())
                continue;
            qsizetype k = j;
            while (k < end && t[k].isSpace() && t[k] != u'\n')
                ++k;
            if (k < end && t[k].isLower())
                continue;
            if (c == u'.' && isAbbreviation(QStringView(t).mid(start, i - start)))
                continue;
            emit(start, j);
            start = j;
        }
        emit(start, end);
    }
}

std::vector<Number> DocumentScan::numbersIn(const Sentence &s, const std::vector<Hit> &inS) const
{
    static const rx::Regex re(QStringLiteral(
        R"((?<![\w.,@#/])(?<sign>[$€£])?(?<num>\d{1,3}(?:,\d{3})+|\d+)(?<dec>\.\d+)?(?:\s?(?<pct>%)|(?:\s|-(?=[btm]r?illion))?(?<scale>[BTMK]\b|billion|trillion|million|bn\b))?)"));
    // Group numbers, found once: a lookup by name per match costs more than the match.
    static const int sign = int(re.namedCaptureGroups().indexOf(QStringLiteral("sign")));
    static const int num = int(re.namedCaptureGroups().indexOf(QStringLiteral("num")));
    static const int dec = int(re.namedCaptureGroups().indexOf(QStringLiteral("dec")));
    static const int pct = int(re.namedCaptureGroups().indexOf(QStringLiteral("pct")));
    static const int scaleGroup = int(re.namedCaptureGroups().indexOf(QStringLiteral("scale")));
    std::vector<Number> out;
    const QStringView text = QStringView(doc.text).mid(s.range.start, s.range.length());
    if (std::none_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); }))
        return out;
    auto it = rx::globalMatch(re, text);
    while (it.hasNext()) {
        const auto m = it.next();
        const qsizetype start = s.range.start + m.capturedStart(num);
        const qsizetype end = s.range.start + m.capturedEnd(0);
        bool inside = false;
        for (const Hit &h : inS)
            if (start >= h.range.start && start < h.range.end)
                inside = true;
        if (inside)
            continue;
        // Ordinals and measures glued to letters: "4th", "8h", "2nd".
        if (end < doc.text.size() && doc.text[end].isLetter() && m.capturedStart(scaleGroup) < 0)
            continue;
        Number n;
        n.start = m.capturedStart(sign) >= 0 ? s.range.start + m.capturedStart(0) : start;
        n.end = end;
        const QString digits = m.captured(num) + m.captured(dec);
        n.value = parseNumberText(digits, &n.decimals);
        if (m.capturedStart(pct) >= 0)
            n.unit = QStringLiteral("%");
        const QString scale = m.captured(scaleGroup).toLower();
        if (!scale.isEmpty()) {
            n.unit = scale.startsWith(u'b') ? QStringLiteral("B")
                     : scale.startsWith(u't') ? QStringLiteral("T")
                     : scale.startsWith(u'm') ? QStringLiteral("M")
                                              : QStringLiteral("K");
        }
        if (m.capturedStart(sign) >= 0)
            n.unit.prepend(u'$');
        out.push_back(n);
    }
    return out;
}

bool DocumentScan::isObject(const Sentence &s, const Hit &h) const
{
    // "the first open GPT-4o level model", "a GPT-4-class system": a model that measures another
    // is no subject.
    {
        QStringView after = QStringView(lowerText).mid(h.range.end, 8);
        if (!after.isEmpty() && (after[0] == u'-' || after[0] == u' '))
            after = after.mid(1);
        for (const QStringView word : {u"level", u"class", u"like", u"grade", u"tier"})
            if (after.startsWith(word) && (after.size() == word.size() || !after[word.size()].isLetter()))
                return true;
    }
    qsizetype from = std::max(s.range.start, h.range.start - 40);
    // The nearest mention ending in the 40 characters before h. hits is sorted by start and free
    // of overlaps, so ends are sorted too: it is the last one that ends before h starts.
    const Hit *previous = nullptr;
    auto it = std::lower_bound(hits.begin(), hits.end(), h.range.start,
                               [](const Hit &o, qsizetype pos) { return o.range.start < pos; });
    while (it != hits.begin()) {
        --it;
        if (it->range.end <= h.range.start) {
            if (it->range.end > from) {
                from = it->range.end;
                previous = &*it;
            }
            break;
        }
    }
    const QString before = lowerText.mid(from, h.range.start - from);
    if (endsWithAny(before, objectCue()))
        return true;
    // "beat GPT-5.4 and Claude Opus 4.6": the list goes on.
    if (!previous || previous->range.start < s.range.start || kindOf(previous->entity) != kindOf(h.entity))
        return false;
    // A screen for the expression below: after the spaces, a list goes on with a bracket, a comma, a slash, "and" or "or".
    const QStringView gap = QStringView(before).trimmed();
    if (gap.isEmpty() || !(gap[0] == u'(' || gap[0] == u',' || gap[0] == u'/' || gap.startsWith(u"and") || gap.startsWith(u"or")))
        return false;
    static const rx::Regex conjunction(QStringLiteral(R"(^\s*(?:\([^)]{0,12}\))?\s*(?:,|,?\s+and|,?\s+or|/)\s*$)"));
    if (!rx::match(conjunction, before).hasMatch())
        return false;
    // A bare comma goes on with a list only when one more item follows ("beat A, B and C"); else
    // it closes an opening phrase ("Compared with A, B is open-source": B is the subject).
    if (gap == u",") {
        auto next = std::upper_bound(hits.begin(), hits.end(), h.range.start,
                                     [](qsizetype pos, const Hit &o) { return pos < o.range.start; });
        while (next != hits.end() && next->range.start < h.range.end)
            ++next;
        if (next == hits.end() || next->range.start >= s.range.end || kindOf(next->entity) != kindOf(h.entity)
            || !rx::match(conjunction, QStringView(lowerText).mid(h.range.end, next->range.start - h.range.end)).hasMatch())
            return false;
    }
    return isObject(s, *previous);
}

int DocumentScan::subjectModel(const Sentence &s, const std::vector<Hit> &inS, qsizetype before) const
{
    // "Both trail GPT-5, which OpenAI launched on Thursday and which scored 94.6%": the model a
    // relative clause is about, when the number is inside it (no other model, no clause break between).
    for (auto it = inS.rbegin(); it != inS.rend(); ++it) {
        if (it->range.end > before || kindOf(it->entity) != EntityKind::Model)
            continue;
        const QStringView after = QStringView(lowerText).mid(it->range.end, before - it->range.end);
        if ((after.startsWith(u", which ") || after.startsWith(u", who ")) && !after.contains(u';'))
            return it->entity;
        break;
    }
    // "A scores 75.1, while B reaches 74.2": the subject of the clause the number is in, first.
    const TextRange clause = clauseAround(doc.text, s.range, before);
    if (clause.start > s.range.start)
        for (const Hit &h : inS) {
            if (h.range.start >= before)
                break;
            if (h.range.start >= clause.start && kindOf(h.entity) == EntityKind::Model && !isObject(s, h))
                return h.entity;
        }
    for (const Hit &h : inS) {
        if (h.range.start >= before)
            break;
        if (kindOf(h.entity) == EntityKind::Model && !isObject(s, h))
            return h.entity;
    }
    return m_contextModel;
}

PartialDate DocumentScan::anchorBefore(qsizetype position) const
{
    PartialDate best;
    qsizetype bestAt = -1;
    for (const auto *list : {&m_absoluteDates, &m_resolvedDates})
        for (const DatedAt &d : *list)
            if (d.position < position && d.position > bestAt) {
                best = d.date;
                bestAt = d.position;
            }
    return best.isValid() ? best : m_docDate;
}

void DocumentScan::addScore(int modelEntity, int benchEntity, const Number &n, const QString &setting, TextRange quote)
{
    if (modelEntity < 0 || benchEntity < 0)
        return;
    if (isFamily(modelEntity))
        return; // "Vicuna 1054": a family has no one score; the text means one of its models
    if (n.unit == u"%" && (n.value < 0 || n.value > 100))
        return;
    const QString bench = out.entities[static_cast<size_t>(benchEntity)].name.toLower();
    const bool openScale = bench.contains(u"arena") || bench.contains(u"elo") || bench.contains(u"codeforces");
    if (!openScale && n.value > 100)
        return;
    for (const Score &s : out.scores)
        if (s.model == modelEntity && s.benchmark == benchEntity && s.value == n.value && s.setting == setting)
            return; // the same score said twice in one source
    Score sc;
    sc.model = modelEntity;
    sc.benchmark = benchEntity;
    sc.value = n.value;
    sc.unit = n.unit == u"%" ? n.unit : QString();
    sc.setting = setting;
    sc.quote = quote;
    out.scores.push_back(sc);
}

void DocumentScan::addAttribute(int subject, const QString &attribute, const QString &value, TextRange quote,
                                int valueEntity, const QString &note)
{
    Attribute a;
    a.subject = subject;
    a.attribute = attribute;
    a.value = value;
    a.valueEntity = valueEntity;
    a.note = note;
    a.quote = quote;
    pushAttribute(std::move(a));
}

void DocumentScan::addNumericClaim(int subject, const QString &attribute, double low, double high, const QString &value,
                                   TextRange quote, const QString &note)
{
    Attribute a;
    a.subject = subject;
    a.attribute = attribute;
    a.value = value;
    a.low = low;
    a.high = high;
    a.note = note;
    a.quote = quote;
    pushAttribute(std::move(a));
}

void DocumentScan::pushAttribute(Attribute a)
{
    if (a.subject < 0 || a.value.isEmpty())
        return;
    for (const Attribute &o : out.attributes)
        if (o.subject == a.subject && o.attribute == a.attribute && o.value == a.value && o.note == a.note)
            return; // said twice in one source
    out.attributes.push_back(std::move(a));
}

// --- names no pack or grammar knows, found from what the text says of them ------

namespace {

/// Capitalized words that begin a sentence or a phrase, never a name.
bool isCommonCapitalized(QStringView w)
{
    static const WordMap words = [] {
        WordMap m;
        for (const char16_t *t : {u"the", u"this", u"that", u"these", u"those", u"it", u"its", u"we", u"our", u"they", u"their",
                                  u"in", u"on", u"at", u"for", u"with", u"and", u"but", u"or", u"as", u"by", u"from", u"to", u"a",
                                  u"an", u"if", u"when", u"while", u"after", u"before", u"since", u"today", u"yesterday", u"now",
                                  u"new", u"both", u"all", u"each", u"one", u"two", u"his", u"her", u"he", u"she", u"you",
                                  u"i", u"there", u"here", u"what", u"which", u"who", u"why", u"how", u"also", u"only", u"then",
                                  u"monday", u"tuesday", u"wednesday", u"thursday", u"friday", u"saturday", u"sunday",
                                  u"january", u"february", u"march", u"april", u"may", u"june", u"july", u"august", u"september",
                                  u"october", u"november", u"december", u"version", u"table", u"figure", u"section", u"step",
                                  u"generative", u"responsible", u"agentic", u"physical", u"sovereign", u"open", u"frontier",
                                  u"conversational", u"artificial", u"general", u"enterprise", u"edge", u"applied", u"explainable"})
            m.insert(QStringView(t), 1);
        return m;
    }();
    return words.contains(w);
}

/// The words that end many organizations' names: "Nimbus AI", "Rookery Labs", "Vega Systems".
const std::array<const char16_t *, 13> &orgSuffixes()
{
    static const std::array<const char16_t *, 13> words = {u"AI",       u"Lab",     u"Labs",      u"Research", u"Technologies",
                                                           u"Intelligence", u"Robotics", u"Systems", u"Computing", u"Compute",
                                                           u"Software", u"Inc",     u"Corp"};
    return words;
}

/// orgSuffixes() as an alternation for the expressions: "AI|Lab|Labs|...".
QString orgSuffixPattern()
{
    QStringList words;
    for (const char16_t *w : orgSuffixes())
        words << QString::fromUtf16(w);
    return words.join(u'|');
}

/// Whether one of orgSuffixes() follows a space in text, as a word.
bool hasOrgSuffix(QStringView text)
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i + 2 < n; ++i) {
        if (text[i] != u' ' || text[i + 1].unicode() < u'A' || text[i + 1].unicode() > u'Z')
            continue;
        for (const char16_t *suffix : orgSuffixes()) {
            qsizetype k = 0;
            while (suffix[k] && i + 1 + k < n && text[i + 1 + k].unicode() == suffix[k])
                ++k;
            if (!suffix[k] && (i + 1 + k == n || !text[i + 1 + k].isLetterOrNumber()))
                return true;
        }
    }
    return false;
}

/// Whether two characters follow each other somewhere in text (", ", "'s"), without a string search.
bool hasPair(QStringView text, char16_t a, char16_t b)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i)
        if (text[i].unicode() == a && text[i + 1].unicode() == b)
            return true;
    return false;
}

/// Whether lowered text holds the word "the".
bool hasWordThe(QStringView lower)
{
    for (qsizetype i = 0; i + 3 <= lower.size(); ++i)
        if (lower[i] == u't' && lower[i + 1] == u'h' && lower[i + 2] == u'e' && (i == 0 || !lower[i - 1].isLetter())
            && (i + 3 == lower.size() || !lower[i + 3].isLetter()))
            return true;
    return false;
}

bool hasDigit(QStringView s)
{
    return std::any_of(s.begin(), s.end(), [](QChar c) { return c.isDigit(); });
}

} // namespace

void DocumentScan::findNamesFromContext()
{
    const QString &t = doc.text;
    // A name as written: a capitalized word, then up to three words that are capitalized, numbers or versions.
    const QString name = QStringLiteral(R"((?<![\w.-])(?<name>[A-Z][A-Za-z0-9]*(?:[.-][A-Za-z0-9]+)*(?:\s(?:[A-Z0-9][A-Za-z0-9.]*(?:-[A-Za-z0-9.]+)*|v\d[\w.]*)){0,3}))");
    // "its new model Quasar 3", "a reasoning model called Quasar"
    static const rx::Regex introduced(QString::fromUtf16(
        uR"(\b(?i:its|their|his|her|our|the|a|an)\s+(?:(?:(?<fresh>new|newest|latest|next|next-generation|flagship|first|upcoming|own)|open|open-weights?|open-source|closed|closed-source|proprietary|frontier|reasoning|small|smaller|large|larger|multimodal|coding|compact|lightweight)\s+){0,4}(?:(?:AI|language|foundation|reasoning|frontier|coding|base)\s+)?(?:model|LLM)\s+(?:(?<called>called|named|dubbed|known\s+as)\s+)?[“"']?)")
        + name);
    // "INSAIT's pioneering Bulgarian-first model, BgGPT": a maker's model, named after it.
    static const rx::Regex owned(QStringLiteral(
        R"((?<![\w.-])[A-Z][\w.-]*['’]s\s+(?:[\w-]+\s+){0,3}?(?:model|LLM),?\s+[“"']?%1)").arg(name));
    // "Stratus 2, a 236-billion-parameter mixture-of-experts model"
    static const rx::Regex apposition(QStringLiteral(
        R"(%1,\s+(?i:(?:a|an|its|their|the\s+(?:company|firm|lab|startup)'s)\s+(?:(?!(?:that|which|who|whose|with|for|of|by|from|behind|and|or|to|in|on|at|company|startup|lab|firm|maker|developer|rival|version)\b)[\w-]+\s+){0,6}?(?:ai\s+)?(?:model|llm))\b)").arg(name));
    // "the Stratus 2 model"
    static const rx::Regex theModel(QStringLiteral(
        R"((?i:\bthe\s+(?:(?:new|latest|open|open-weights?|open-source|closed|proprietary)\s+){0,2})%1\s+(?i:models?|llms?)\b)").arg(name));
    // "Nimbus AI on Thursday released", "startup Nimbus Labs", "San Francisco-based Nimbus AI"
    const QString org = QStringLiteral(R"((?<![\w.-])(?<org>[A-Z][A-Za-z0-9]+(?:\s[A-Z][A-Za-z0-9]+)?\s(?:%1))\b)").arg(orgSuffixPattern());
    static const rx::Regex orgActs(QStringLiteral(
        R"(%1(?:\s+(?:on|in|last|this)\s+\w+)?\s+(?:released|releases|launched|launches|unveiled|unveils|introduced|introduces|announced|announces|debuted|open-sourced|raised|raises|said|says)\b)").arg(org));
    static const rx::Regex orgNamed(QStringLiteral(
        R"((?i:\b(?:startup|start-up|company|lab|firm|rival)\s+|-based\s+|\b(?:models?|llms?)\s+(?:(?:developed|built|made|trained|released)\s+)?(?:by|from)\s+)%1)").arg(org));
    // "Helix Robotics, a Boston startup", "Zorblat, the Paris-based lab"
    static const rx::Regex orgApposition(QStringLiteral(
        R"((?<![\w.-])(?<org>[A-Z][A-Za-z0-9]+(?:\s[A-Z][A-Za-z0-9]+){0,2}),\s+(?i:an?|the)\s+(?:[\w-]+\s+){0,3}?(?i:startup|start-up|company|lab|firm|developer|unicorn|ai\s+lab)\b(?!['’]s))"));

    std::vector<NamedInText> named;
    // base: where the text m was matched in starts (a sentence, or what follows a maker).
    auto take = [&](EntityKind kind, qsizetype base, const rx::Match &m, const QString &group, bool needDigit) {
        qsizetype a = base + m.capturedStart(group), b = base + m.capturedEnd(group);
        while (b > a && (t[b - 1] == u'.' || t[b - 1] == u','))
            --b;
        // "Google DeepMind Stratus 2": a name already known before it is no part of it.
        while (a < b) {
            const Hit *h = hitOverlapping({a, b});
            if (!h || h->range.start > a)
                break;
            a = h->range.end;
            while (a < b && t[a].isSpace())
                ++a;
        }
        if (b - a < 2 || hitOverlapping({a, b}))
            return;
        const QStringView text = QStringView(t).mid(a, b - a);
        const qsizetype space = text.indexOf(u' ');
        const QStringView first = space < 0 ? text : text.first(space);
        if (isCommonCapitalized(first) || (needDigit && !hasDigit(text)) || (kind == EntityKind::Model && !couldNameModel(text)))
            return;
        if (kind == EntityKind::Organization) {
            // "utilized by the AI, the company said": a common noun, not a name.
            if ((space < 0 && text.size() <= 3) || QStringView(lowerText).mid(std::max<qsizetype>(0, a - 4), std::min<qsizetype>(a, 4)) == u"the ")
                return;
            // "Earlier, the company said": one word before a comma at a sentence's start is an adverb.
            if (space < 0 && a == base && b < t.size() && t[b] == u',')
                return;
        }
        if (kind == EntityKind::Model && space > 0 && hasOrgSuffix(text.mid(text.lastIndexOf(u' '))))
            return; // "Rookery Labs" is a maker
        named.push_back({kind, text.toString()});
    };
    for (const Sentence &s : m_sentences) {
        // "What the Model Does": a heading's capitals say nothing
        if (s.heading || m_tableBlocks.contains(s.block))
            continue;
        const auto modelWords = modelWordCues.in(s.range);
        const bool aModel = !modelWords.empty();
        const bool verbCue = discoveryCues.anyIn(s.range);
        const bool nounCue = orgNounCues.anyIn(s.range);
        if (!aModel && !verbCue && !nounCue)
            continue;
        const QStringView text = QStringView(t).mid(s.range.start, s.range.length());
        const bool comma = nounCue && hasPair(text, u',', u' ');
        // What comes shortly before the word "model": a comma ("X, a … model"), "the" ("the X 2 model"), a possessive.
        // And "its new model", "a model called": a word that introduces a name, near the word "model".
        static const WordMap introducing = [] {
            WordMap w;
            for (const char16_t *word : {u"new", u"newest", u"latest", u"next", u"next-generation", u"flagship", u"first", u"upcoming",
                                         u"own", u"called", u"named", u"dubbed", u"known"})
                w.insert(QStringView(word), 1);
            return w;
        }();
        bool commaBeforeModel = false, theBeforeModel = false, possessiveBeforeModel = false, introduces = false;
        for (const qsizetype at : modelWords) {
            const qsizetype from = std::max(s.range.start, at - 80);
            const QStringView before = QStringView(lowerText).mid(from, at - from);
            commaBeforeModel = commaBeforeModel || hasPair(before, u',', u' ');
            theBeforeModel = theBeforeModel || hasWordThe(before);
            possessiveBeforeModel = possessiveBeforeModel || hasPair(before, u'\'', u's') || hasPair(before, u'\u2019', u's');
            const qsizetype to = std::min(s.range.end, at + 24);
            for (qsizetype i = std::max(s.range.start, at - 48); i < to && !introduces;) {
                while (i < to && !lowerText[i].isLetter())
                    ++i;
                const qsizetype w = i;
                while (i < to && (lowerText[i].isLetter() || lowerText[i] == u'-'))
                    ++i;
                introduces = i > w && introducing.contains(QStringView(lowerText).mid(w, i - w));
            }
        }
        if (introduces)
            for (auto it = rx::globalMatch(introduced, text); it.hasNext();) {
                // "its new model Quasar", "a model called Quasar"; not "the open LLM Leaderboard"
                const auto m = it.next();
                if (m.capturedLength(QStringLiteral("fresh")) > 0 || m.capturedLength(QStringLiteral("called")) > 0)
                    take(EntityKind::Model, s.range.start, m, QStringLiteral("name"), false);
            }
        if (possessiveBeforeModel)
            for (auto it = rx::globalMatch(owned, text); it.hasNext();)
                take(EntityKind::Model, s.range.start, it.next(), QStringLiteral("name"), false);
        if (commaBeforeModel)
            for (auto it = rx::globalMatch(apposition, text); it.hasNext();)
                take(EntityKind::Model, s.range.start, it.next(), QStringLiteral("name"), true);
        if (theBeforeModel)
            for (auto it = rx::globalMatch(theModel, text); it.hasNext();)
                take(EntityKind::Model, s.range.start, it.next(), QStringLiteral("name"), true);
        // A maker's name ends in AI, Labs... just before a verb ("Nimbus AI on Thursday released") or just
        // after a noun ("startup Nimbus Labs"): look there only.
        auto suffixNear = [&](const CuePositions &cues, qsizetype before, qsizetype after) {
            for (const qsizetype at : cues.in(s.range)) {
                const qsizetype from = std::max(s.range.start, at - before), to = std::min(s.range.end, at + after);
                if (hasOrgSuffix(QStringView(t).mid(from, to - from)))
                    return true;
            }
            return false;
        };
        if (verbCue && suffixNear(discoveryCues, 48, 0))
            for (auto it = rx::globalMatch(orgActs, text); it.hasNext();)
                take(EntityKind::Organization, s.range.start, it.next(), QStringLiteral("org"), false);
        if ((nounCue && suffixNear(orgNounCues, 0, 64)) || (aModel && suffixNear(modelWordCues, 0, 64)))
            for (auto it = rx::globalMatch(orgNamed, text); it.hasNext();)
                take(EntityKind::Organization, s.range.start, it.next(), QStringLiteral("org"), false);
        if (nounCue && comma)
            for (auto it = rx::globalMatch(orgApposition, text); it.hasNext();)
                take(EntityKind::Organization, s.range.start, it.next(), QStringLiteral("org"), false);
    }
    commitNames(named, true, true);

    // "Nimbus AI unveils Stratus 2", "Mistral AI on Tuesday released Zephyr 9": what a maker the text
    // names releases is a model, headlines included, when its name has a version or a size.
    static const rx::Regex releases(QStringLiteral(
        R"(^(?:\s+(?:on|in|last|this|earlier|today)\s+\w+)?\s+(?:releases|released|unveils|unveiled|launches|launched|introduces|introduced|debuts|debuted|open-sources|open-sourced|ships|shipped|announces|announced|rolls\s+out|rolled\s+out)\s+(?:(?:its|their|the|a|an|new|newest|latest|first|next-generation|flagship|frontier|open-weights?|open-source|open|AI|model|LLM)\s+)*%1)").arg(name));
    named.clear();
    auto aboutModels = [this](int block) {
        if (block < 0 || size_t(block) >= doc.blocks.size())
            return false;
        const TextRange r = doc.blocks[size_t(block)].range;
        if (modelWordCues.anyIn(r))
            return true;
        for (const Hit &h : hitsIn(r))
            if (kindOf(h.entity) == EntityKind::Model || kindOf(h.entity) == EntityKind::Benchmark)
                return true;
        return false;
    };
    const bool docAboutModels = !modelWordCues.empty() || std::any_of(hits.begin(), hits.end(), [&](const Hit &h) {
        return kindOf(h.entity) == EntityKind::Model || kindOf(h.entity) == EntityKind::Benchmark;
    });
    for (const Sentence &s : m_sentences) {
        if (!discoveryCues.anyIn(s.range))
            continue;
        for (const Hit &h : hitsIn(s.range)) {
            if (kindOf(h.entity) != EntityKind::Organization)
                continue;
            const QStringView after = QStringView(t).mid(h.range.end, std::min<qsizetype>(120, s.range.end - h.range.end));
            const auto m = rx::match(releases, after);
            if (!m.hasMatch())
                continue;
            // Only where the text is about models ("Samsung launched the Galaxy S26" is not): the word "model"
            // or "LLM", or a model or benchmark already known, in the paragraph (or, for a headline, the next
            // three); or a name without "the" (products take it, models seldom do) released by a maker found
            // by its AI, Labs or Research, or in a text that is about models.
            const bool withThe = QStringView(lowerText).mid(h.range.end, m.capturedStart(QStringLiteral("name"))).contains(u" the ");
            const bool aiMaker = out.entities[static_cast<size_t>(h.entity)].origin == Origin::Found;
            if (aboutModels(s.block) || (s.heading && (aboutModels(s.block + 1) || aboutModels(s.block + 2) || aboutModels(s.block + 3)))
                || (!withThe && (aiMaker || docAboutModels)))
                take(EntityKind::Model, h.range.end, m, QStringLiteral("name"), true);
        }
    }
    commitNames(named);
}

void DocumentScan::commitNames(const std::vector<NamedInText> &named, bool withFamilies, bool headsOfFound)
{
    if (named.empty() && !headsOfFound)
        return;
    const QString &t = doc.text;
    auto overlapping = [this](TextRange r) { return hitOverlapping(r) != nullptr; };
    // Every mention of a name found so, and of the names of its family ("Stratus 1", "Stratus 2 Mini"
    // once "Stratus 2" is known a model).
    std::vector<Hit> added;
    auto addAll = [&](const QString &what, int entity, double confidence) {
        qsizetype from = 0;
        while ((from = t.indexOf(what, from)) >= 0) {
            const qsizetype end = from + what.size();
            const bool leftOk = from == 0 || !(t[from - 1].isLetterOrNumber() || t[from - 1] == u'-' || t[from - 1] == u'.');
            const bool rightOk = end >= t.size() || !(t[end].isLetterOrNumber() || (t[end] == u'-' && end + 1 < t.size() && t[end + 1].isLetterOrNumber()));
            const TextRange r{from, end};
            if (leftOk && rightOk && !overlapping(r)
                && std::none_of(added.begin(), added.end(), [&](const Hit &h) { return h.range.start < r.end && r.start < h.range.end; }))
                added.push_back(Hit{entity, r, confidence});
            from = end;
        }
    };
    QSet<QString> families;
    if (withFamilies && headsOfFound) {
        // The heads of the models found by their shape too ("Tianmu" of "Tianmu-2-32B" names "Tianmu-2");
        // not a leaderboard's many, whose rows name their models whole.
        QSet<QString> heads;
        QSet<int> seen;
        for (const Hit &h : hits) {
            if (kindOf(h.entity) != EntityKind::Model || seen.contains(h.entity))
                continue;
            seen.insert(h.entity);
            const EntityRef &e = out.entities[static_cast<size_t>(h.entity)];
            if (e.origin != Origin::Found)
                continue;
            const auto toks = tokenize(e.name);
            if (toks.size() < 2 || toks[0].start != 0 || e.name.size() <= toks[0].end || e.name[toks[0].end] != u'-')
                continue;
            const QStringView head = QStringView(e.name).first(toks[0].end);
            if (head.size() >= 4 && head[0].isUpper() && x.family(head) < 0 && !isCommonCapitalized(head)
                && std::all_of(head.begin(), head.end(), [](QChar c) { return c.isLetter(); }))
                heads.insert(head.toString());
        }
        if (heads.size() <= 8)
            families = heads;
    }
    for (const NamedInText &n : named) {
        if (n.kind != EntityKind::Model || !withFamilies)
            continue;
        const auto toks = tokenize(n.text);
        if (toks.size() >= 2 && toks[0].start == 0) {
            const QStringView head = QStringView(n.text).first(toks[0].end);
            if (head.size() >= 3 && x.family(head) < 0 && isNameTail(QStringView(n.text).mid(toks[1].start, toks[1].end - toks[1].start)))
                families.insert(head.toString());
        }
    }
    // The family's names first: "Stratus 2 Mini" is not "Stratus 2".
    for (const QString &family : std::as_const(families)) {
        qsizetype from = 0;
        while ((from = t.indexOf(family, from)) >= 0) {
            const qsizetype at = from;
            from += family.size();
            if (at > 0 && (t[at - 1].isLetterOrNumber() || t[at - 1] == u'-'))
                continue;
            const qsizetype end = modelNameEnd(x, QStringView(t).mid(at, std::min<qsizetype>(64, t.size() - at)), false);
            if (end <= family.size())
                continue;
            const TextRange r{at, at + end};
            if (overlapping(r) || std::any_of(added.begin(), added.end(), [&](const Hit &h) { return h.range.start < r.end && r.start < h.range.end; }))
                continue;
            const int e = internFound(EntityKind::Model, t.mid(at, end), 0.7);
            if (e >= 0)
                added.push_back(Hit{e, r, 0.7});
        }
    }
    struct Wanted {
        QString text;
        int entity;
        double confidence;
    };
    std::vector<Wanted> wanted;
    for (const NamedInText &n : named) {
        const int e = n.entity >= 0 ? n.entity : internFound(n.kind, n.text, 0.7);
        if (e < 0)
            continue;
        wanted.push_back({n.text, e, 0.8});
        // "Nimbus AI" ... "Nimbus raised": an organization is called by its name without "AI" or "Labs" too.
        if (n.kind == EntityKind::Organization) {
            const QString base = n.text.left(n.text.lastIndexOf(u' '));
            if (base.size() >= 4 && !isCommonCapitalized(base) && x.matcher().find(base).empty())
                wanted.push_back({base, e, 0.7});
        }
    }
    const size_t familyHits = added.size(); // the family's names, found above
    if (wanted.size() <= 4) {
        for (const Wanted &w : wanted)
            addAll(w.text, w.entity, w.confidence);
    } else {
        // Many names (a leaderboard's models): one walk over the text's words, each looked up by the
        // first word of the names, instead of one search of the whole text per name.
        QHash<QStringView, std::vector<size_t>> byHead;
        std::array<bool, 128> firstChar{};   // a cheap screen before the hash: the first character (ASCII) ...
        std::array<bool, 65> headLength{};   // ... and the length of some name's first word
        bool otherFirst = false;
        for (size_t k = 0; k < wanted.size(); ++k) {
            const QString &w = wanted[k].text;
            qsizetype end = 0;
            while (end < w.size() && w[end].isLetterOrNumber())
                ++end;
            if (end == 0)
                continue;
            byHead[QStringView(w).first(end)].push_back(k);
            if (w[0].unicode() < 128)
                firstChar[w[0].unicode()] = true;
            else
                otherFirst = true;
            headLength[std::min<qsizetype>(end, 64)] = true;
        }
        const qsizetype n = t.size();
        for (qsizetype i = 0; i < n;) {
            if (!t[i].isLetterOrNumber()) {
                ++i;
                continue;
            }
            qsizetype j = i + 1;
            while (j < n && t[j].isLetterOrNumber())
                ++j;
            const char16_t first = t[i].unicode();
            const bool screened = (first < 128 ? firstChar[first] : otherFirst) && headLength[std::min<qsizetype>(j - i, 64)];
            const bool leftOk = screened && (i == 0 || !(t[i - 1] == u'-' || t[i - 1] == u'.'));
            const auto it = leftOk ? byHead.constFind(QStringView(t).mid(i, j - i)) : byHead.constEnd();
            if (it != byHead.constEnd()) {
                // The longest name that starts here.
                const Wanted *best = nullptr;
                for (const size_t k : *it) {
                    const Wanted &w = wanted[k];
                    const qsizetype end = i + w.text.size();
                    if (end > n || QStringView(t).mid(i, w.text.size()) != w.text)
                        continue;
                    const bool rightOk = end >= n || !(t[end].isLetterOrNumber() || (t[end] == u'-' && end + 1 < n && t[end + 1].isLetterOrNumber()));
                    if (rightOk && (!best || w.text.size() > best->text.size()))
                        best = &w;
                }
                if (best) {
                    const TextRange r{i, i + best->text.size()};
                    if (!overlapping(r) && std::none_of(added.begin(), added.begin() + long(familyHits), [&](const Hit &h) {
                            return h.range.start < r.end && r.start < h.range.end;
                        })) {
                        added.push_back(Hit{best->entity, r, best->confidence});
                        j = std::max(j, r.end);
                    }
                }
            }
            i = j;
        }
    }
    hits.insert(hits.end(), added.begin(), added.end());
    std::sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) { return a.range.start < b.range.start; });
}

void DocumentScan::spreadFoundModels()
{
    // A model no pack knows, named in a table ("Falconet 3" in a Model column), is the same model
    // wherever the text names it so: when its name has a digit, a hyphen or a capital inside, so
    // that "Pi" or "Ask" in a leaderboard's column does not claim every such word.
    std::vector<NamedInText> names;
    QSet<int> seen;
    for (const Hit &h : hits) {
        if (seen.contains(h.entity) || kindOf(h.entity) != EntityKind::Model)
            continue;
        seen.insert(h.entity);
        const EntityRef &e = out.entities[static_cast<size_t>(h.entity)];
        if (e.origin != Origin::Found || e.name.size() < 4)
            continue;
        const bool marked = std::any_of(e.name.begin() + 1, e.name.end(), [](QChar c) { return c.isDigit() || c.isUpper() || c == u'-'; });
        if (!marked || QStringView(doc.text).mid(h.range.start, h.range.length()) != e.name)
            continue;
        // A name the grammar reads wherever it is written needs no spreading.
        const auto grammar = findModelNames(x, e.name);
        if (grammar.size() == 1 && grammar[0].start == 0 && grammar[0].end == e.name.size())
            continue;
        names.push_back({EntityKind::Model, e.name, h.entity});
    }
    commitNames(names, false);
}

// --- codenames and people ----------------------------------------------------

void DocumentScan::findCodenamesAndPeople()
{
    const QString &t = doc.text;
    // "codenamed “Avocado”", "the internal code name was “Avocado,”"
    static const rx::Regex codename(QStringLiteral(
        u"\\b(?:code[- ]?named|code[- ]name(?:d)?(?:\\s+was)?|internal(?:ly)?\\s+(?:code\\s+)?(?:name|called)(?:\\s+was)?|dubbed)\\s*[\u201c\"']?(?<name>[A-Z][\\w-]{2,30})[\u201d\"']?"));
    // "analyst Arun Chandrasekaran", "CEO Jane Doe"
    static const rx::Regex role(QStringLiteral(
        R"(\b(?:analyst|CEO|CTO|CFO|founder|co-founder|cofounder|chief\s+\w+\s+officer|chief\s+executive|chief\s+scientist|researcher|scientist|president|director|head\s+of\s+\w+|engineer|professor|spokesperson|spokesman|spokeswoman)\s+(?<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})\b)"));
    struct NewHit {
        int entity;
        TextRange range;
        double confidence;
    };
    std::vector<NewHit> added;
    auto overlapsHit = [this](TextRange r) { return hitOverlapping(r) != nullptr; };
    for (size_t si = 0; si < m_sentences.size(); ++si) {
        const Sentence &s = m_sentences[si];
        const QStringView text = QStringView(t).mid(s.range.start, s.range.length());
        const bool codenameCue = codenameCues.anyIn(s.range);
        const bool roleCue = roleCues.anyIn(s.range);
        auto it = codenameCue ? rx::globalMatch(codename, text) : rx::MatchIterator();
        while (it.hasNext()) {
            const auto m = it.next();
            const QString name = m.captured(QStringLiteral("name"));
            const qsizetype at = s.range.start + m.capturedStart(QStringLiteral("name"));
            // Tie it to the model the sentence names (the nearest before it), else the one the text is about.
            int model = -1;
            for (const Hit &h : hitsIn(s.range))
                if (kindOf(h.entity) == EntityKind::Model && h.range.start < at)
                    model = h.entity;
            if (model < 0) {
                for (const Hit &h : hitsIn(s.range))
                    if (kindOf(h.entity) == EntityKind::Model) {
                        model = h.entity;
                        break;
                    }
            }
            static const rx::Regex another(QStringLiteral(R"(\b(?:second|another|new|other|upcoming)\b[^.]{0,40}$)"));
            // "Muse Spark, its new model codenamed Avocado": an apposition names the model before it, not another one.
            static const rx::Regex apposition(QStringLiteral(
                R"(^\s*,\s*(?:its|their|the|a|an)?\s*(?:(?:new|latest|next|first|flagship|upcoming|proprietary|closed|open)\s+)*(?:\w+\s+){0,2}?(?:model|system|LLM|AI)?\s*,?\s*$)"));
            bool appositive = false;
            for (const Hit &h : hitsIn(s.range))
                if (kindOf(h.entity) == EntityKind::Model && h.range.end <= s.range.start + m.capturedStart(0))
                    appositive = rx::match(apposition, QStringView(t).mid(h.range.end, s.range.start + m.capturedStart(0) - h.range.end)).hasMatch();
            const bool secondModel = !appositive && rx::match(another, text.left(m.capturedStart(0))).hasMatch();
            if (model < 0 && !secondModel) {
                // The subject of the sentences before it (a family only when nothing more precise is there).
                int family = -1;
                for (size_t back = si; back-- > 0 && model < 0 && si - back <= 6;) {
                    for (const Hit &h : hitsIn(m_sentences[back].range)) {
                        if (kindOf(h.entity) != EntityKind::Model || isObject(m_sentences[back], h))
                            continue;
                        if (isFamily(h.entity)) {
                            if (family < 0)
                                family = h.entity;
                            continue;
                        }
                        model = h.entity;
                        break;
                    }
                }
                if (model < 0)
                    model = family >= 0 ? family : m_titleModel;
            }
            if (model < 0 || secondModel) {
                model = internFound(EntityKind::Model, name, 0.6);
            } else {
                EntityRef &ref = out.entities[static_cast<size_t>(model)];
                if (ref.codename.isEmpty())
                    ref.codename = name;
            }
            if (model < 0)
                continue;
            // Every mention of the codename in the document is a mention of the model.
            qsizetype from = 0;
            while ((from = t.indexOf(name, from)) >= 0) {
                const qsizetype end = from + name.size();
                const bool leftOk = from == 0 || !t[from - 1].isLetterOrNumber();
                const bool rightOk = end >= t.size() || !t[end].isLetterOrNumber();
                if (leftOk && rightOk)
                    added.push_back({model, {from, end}, 0.9});
                from = end;
            }
        }
        // "open models, such as Zephyr and OpenHermes": examples of models are models.
        if (exampleCues.anyIn(s.range)) {
            static const rx::Regex examples(QStringLiteral(
                R"(\b(?:[Mm]odels?|LLMs?),?\s+(?:such as|like|including)\s+(?<list>[A-Z][\w.+-]*(?:\s+[\dA-Z][\w.+-]*){0,2}(?:(?:,\s+|,?\s+(?:and|or)\s+)[A-Z][\w.+-]*(?:\s+[\dA-Z][\w.+-]*){0,2}){0,5}))"));
            static const rx::Regex separators(QStringLiteral(R"(,\s+|,?\s+(?:and|or)\s+)"));
            for (auto et = rx::globalMatch(examples, text); et.hasNext();) {
                const auto m = et.next();
                const QString list = m.captured(QStringLiteral("list"));
                qsizetype at = s.range.start + m.capturedStart(QStringLiteral("list"));
                qsizetype pos = 0;
                auto sep = rx::globalMatch(separators, list);
                while (pos < list.size()) {
                    const auto next = sep.hasNext() ? sep.next() : rx::Match();
                    const qsizetype end = next.hasMatch() ? next.capturedStart() : list.size();
                    QString item = list.mid(pos, end - pos);
                    while (!item.isEmpty() && (item.endsWith(u'.') || item.endsWith(u'-')))
                        item.chop(1);
                    const TextRange r{at + pos, at + pos + item.size()};
                    const int e = item.size() >= 3 && !overlapsHit(r) ? internFound(EntityKind::Model, item, 0.6) : -1;
                    if (e >= 0)
                        added.push_back({e, r, 0.6});
                    pos = next.hasMatch() ? next.capturedEnd() : list.size();
                }
            }
        }
        // "Marco Lindqvist, the company's co-founder"
        static const rx::Regex roleAfter(QStringLiteral(
            R"((?<![\w.-])(?<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}),\s+(?:the\s+(?:company|firm|lab|startup)'s|its|their|the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:co-?founder|founder|CEO|CTO|CFO|chief\s+\w+(?:\s+officer)?|president|vice\s+president|head|director|researcher|scientist|engineer|analyst|spokes(?:person|man|woman)|professor)\b)"));
        for (const rx::Regex *byRole : {&role, &roleAfter}) {
            if (!roleCue)
                break;
            for (auto rt = rx::globalMatch(*byRole, text); rt.hasNext();) {
                const auto m = rt.next();
                const QString name = m.captured(QStringLiteral("name"));
                if (isCommonCapitalized(QStringView(name).first(name.indexOf(u' '))))
                    continue; // "Earlier Today, the company's CEO": no name
                const qsizetype a = s.range.start + m.capturedStart(QStringLiteral("name"));
                const int e = internFound(EntityKind::Person, name, 0.7);
                if (e >= 0)
                    added.push_back({e, {a, a + name.size()}, 0.7});
            }
        }
    }
    std::vector<Hit> accepted;
    for (const NewHit &n : added) {
        const bool clash = overlapsHit(n.range) || std::any_of(accepted.begin(), accepted.end(), [&](const Hit &h) {
                               return h.range.start < n.range.end && n.range.start < h.range.end;
                           });
        if (!clash)
            accepted.push_back(Hit{n.entity, n.range, n.confidence});
    }
    hits.insert(hits.end(), accepted.begin(), accepted.end());
    std::sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) { return a.range.start < b.range.start; });

    // A person named in full may be called by the surname alone later on ("Alexandr Wang" ... "Wang").
    QHash<QString, int> surnames;
    for (const Hit &h : hits) {
        if (kindOf(h.entity) != EntityKind::Person)
            continue;
        const QString name = out.entities[static_cast<size_t>(h.entity)].name;
        const qsizetype space = name.lastIndexOf(u' ');
        if (space > 0)
            surnames.insert(name.mid(space + 1), h.entity);
    }
    std::vector<Hit> more;
    for (auto it = surnames.cbegin(); it != surnames.cend(); ++it) {
        const QString &surname = it.key();
        if (surname.size() < 3 || !surname[0].isUpper())
            continue;
        qsizetype from = 0;
        while ((from = t.indexOf(surname, from)) >= 0) {
            const qsizetype end = from + surname.size();
            const bool leftOk = from == 0 || !t[from - 1].isLetterOrNumber();
            const bool rightOk = end >= t.size() || !t[end].isLetterOrNumber();
            if (leftOk && rightOk && !overlapsHit({from, end}))
                more.push_back(Hit{it.value(), {from, end}, 0.9});
            from = end;
        }
    }
    hits.insert(hits.end(), more.begin(), more.end());
    std::sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) { return a.range.start < b.range.start; });
}

// --- the whole document ------------------------------------------------------

Extraction DocumentScan::run()
{
    for (const model::Block &block : doc.blocks) {
        if (block.kind == BlockKind::Table) {
            for (const model::TableRow &row : block.rows)
                for (const model::TableCell &cell : row.cells)
                    if (!cell.spanned)
                        findMentions(cell.range);
        } else {
            findMentions(block.range);
        }
    }
    std::sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) { return a.range.start < b.range.start; });

    // What the document is about: the first model its title names.
    if (!doc.meta.title.isEmpty()) {
        for (const NameMatch &n : findModelNames(x, doc.meta.title)) {
            m_titleModel = internFound(EntityKind::Model, n.spelled.isEmpty() ? doc.meta.title.mid(n.start, n.end - n.start) : n.spelled,
                                       n.confidence);
            break;
        }
        for (int pass = 0; pass < 2 && m_titleModel < 0; ++pass)
            for (const Mention &m : x.matcher().find(doc.meta.title)) {
                const PackEntity &p = x.pack().entities()[static_cast<size_t>(m.entity)];
                if (p.kind == EntityKind::Model && (pass == 1 || !p.family)) {
                    m_titleModel = internPack(m.entity);
                    break;
                }
            }
    }
    m_contextModel = m_titleModel;

    splitSentences();
    findNamesFromContext();
    findCodenamesAndPeople();
    readTables();
    readRunTogetherTables();
    spreadFoundModels();

    // Dates once per sentence; absolute ones first, so that relative ones can lean on them.
    auto datesOf = [&](const Sentence &s, int year, bool *yearMissing) {
        return findDates(QStringView(doc.text).mid(s.range.start, s.range.length()), year, yearMissing);
    };
    m_sentenceDates.reserve(m_sentences.size());
    std::vector<size_t> yearless; // sentences with a date that needs the document's year
    for (size_t i = 0; i < m_sentences.size(); ++i) {
        bool yearMissing = false;
        m_sentenceDates.push_back(datesOf(m_sentences[i], m_docYear, &yearMissing));
        if (yearMissing)
            yearless.push_back(i);
    }
    if (m_docYear == 0) {
        // No date of its own: the latest year the text names completes "April 8".
        for (const auto &dates : m_sentenceDates)
            for (const DateMention &d : dates)
                if (!d.relative && d.date.year <= 2100)
                    m_docYear = std::max(m_docYear, d.date.year);
        if (m_docYear != 0)
            for (const size_t i : yearless)
                m_sentenceDates[i] = datesOf(m_sentences[i], m_docYear, nullptr);
    }
    // A month or day written without its year, months after the document's own date, is most
    // likely last year's: "in December" in a January article. Within a quarter it may be coming.
    if (m_docDate.isValid() && m_docDate.precision != PartialDate::Precision::Year)
        for (auto &dates : m_sentenceDates)
            for (DateMention &d : dates)
                if (d.yearInferred && d.date.year == m_docDate.year && d.date.month - m_docDate.month > 3) {
                    const PartialDate earlier = PartialDate::ymd(d.date.year - 1, d.date.month, d.date.day);
                    if (earlier.isValid()) {
                        d.date = earlier;
                        if (d.end.isValid())
                            d.end = PartialDate::ymd(d.end.year - 1, d.end.month, d.end.day);
                    }
                }
    for (size_t i = 0; i < m_sentences.size(); ++i)
        for (const DateMention &d : m_sentenceDates[i])
            if (!d.relative)
                m_absoluteDates.push_back({m_sentences[i].range.start + d.range.start, d.date});

    m_contextModel = m_titleModel;
    for (size_t i = 0; i < m_sentences.size(); ++i)
        readSentence(m_sentences[i], i);
    finish();

    out.mentions.reserve(hits.size());
    for (const Hit &h : hits)
        out.mentions.push_back(FoundMention{h.entity, h.range, h.confidence});
    return std::move(out);
}

void DocumentScan::readSentence(const Sentence &s, size_t index)
{
    m_sentenceIndex = index;
    if (m_tableBlocks.contains(s.block))
        return;
    const std::vector<Hit> inS = hitsIn(s.range);
    const std::vector<Number> numbers = numbersIn(s, inS);
    if (!numbers.empty()) {
        readScores(s, inS, numbers);
        readClaims(s, inS);
    }
    readAttributes(s, inS, numbers);
    readEvents(s, inS, m_sentenceDates[index]);

    // What the following sentences are about.
    int subject = -1;
    for (const Hit &h : inS)
        if (kindOf(h.entity) == EntityKind::Model && !isObject(s, h)) {
            subject = h.entity;
            break;
        }
    if (subject >= 0 && !s.listItem)
        m_contextModel = subject;
    for (const Hit &h : inS)
        if (kindOf(h.entity) == EntityKind::Benchmark && !s.listItem) {
            m_contextBench = h.entity;
            m_contextBenchBlock = s.block;
            m_contextBenchSentence = index;
        }
}

// --- scores in prose ---------------------------------------------------------

void DocumentScan::readScores(const Sentence &s, const std::vector<Hit> &inS, const std::vector<Number> &numbers)
{
    const QString &t = doc.text;
    std::vector<const Hit *> models, benches;
    for (const Hit &h : inS) {
        const EntityKind k = kindOf(h.entity);
        if (k == EntityKind::Model)
            models.push_back(&h);
        else if (k == EntityKind::Benchmark)
            benches.push_back(&h);
    }
    const bool listContext = s.listItem && m_contextBench >= 0;
    const bool followsBench = m_contextBench >= 0 && m_contextBenchSentence + 1 == m_sentenceIndex && m_contextBenchBlock == s.block;
    if (benches.empty() && !listContext && !followsBench)
        return;

    auto between = [&](qsizetype a, qsizetype b) { return a <= b ? QStringView(t).mid(a, b - a) : QStringView(); };
    auto benchFor = [&](qsizetype pos, qsizetype end) -> int {
        // "N on B": the benchmark right after the number.
        for (const Hit *b : benches) {
            if (b->range.start >= end) {
                // "(73.8%, +5.8%) on SWE-bench": past the change and the bracket.
                const QString gap = pastAside(between(end, b->range.start).toString().toLower().simplified());
                if (gap == u"on" || gap == u"on the" || gap == u"in" || gap == u"in the" || gap == u"on the new")
                    return b->entity;
                // "74.2 on general benchmarks like MMLU", "49.8 on math challenges such as MATH"
                static const rx::Regex example(QStringLiteral(R"(^(?:on|in)\s+(?:[\w-]+\s+){0,3}?(?:like|such as|including|e\.g\.,?)$)"));
                if (rx::match(example, gap).hasMatch())
                    return b->entity;
                break;
            }
        }
        // Else the nearest named before it in the clause, else any in the sentence.
        const TextRange clause = clauseAround(t, s.range, pos);
        int best = -1;
        for (const Hit *b : benches)
            if (b->range.start < pos && b->range.start >= clause.start)
                best = b->entity;
        if (best < 0)
            for (const Hit *b : benches)
                if (b->range.start < pos)
                    best = b->entity;
        if (best < 0 && !benches.empty())
            best = benches.front()->entity;
        if (best < 0 && listContext)
            best = m_contextBench;
        // "… Claude Opus 4.6 at 53. DeepSeek V4 sits at 52.": the benchmark of the sentence just before, in the same paragraph.
        if (best < 0 && followsBench)
            best = m_contextBench;
        return best;
    };
    auto isScoreNumber = [&](const Number &n) {
        if (!n.unit.isEmpty() && n.unit != u"%")
            return false;
        if (n.decimals == 0 && n.value >= 1900 && n.value <= 2100)
            return false; // a year
        if (n.start > 0 && (t[n.start - 1] == u'#' || t[n.start - 1] == u'$'))
            return false;
        // "+5.8%", "±0.56": a change or an error, not a score.
        if (n.start > 0 && (t[n.start - 1] == u'+' || t[n.start - 1] == u'\u00b1'))
            return false;
        static const rx::Regex after(QStringLiteral(
            R"(^\s*(?:[-\s]?(?:billion|million|thousand|trillion|x\b|times|params|parameters?|physicians|users|people|downloads|days|months|years|weeks|hours|minutes|seconds|tokens|languages|experts|GPUs|nodes|layers|heads|countries|percent of|word|words|stars|shots?|examples|samples|runs|trials|seeds|turns|steps|epochs|prompts|questions|problems|tasks|requests|benchmarks|datasets|metrics|categories|subjects|domains|models|points?\s+(?:higher|lower)))|^-(?:word|year|day|month|hour|person|shot|turn))"));
        return !rx::match(after, between(n.end, std::min<qsizetype>(n.end + 24, s.range.end))).hasMatch();
    };
    // The setting a sentence states: shots, a mode.
    QString setting;
    {
        static const rx::Regex shots(QStringLiteral(R"(\b(\d+)[- ]shots?\b)"));
        static const rx::Regex mode(QStringLiteral(R"(\b([A-Z][a-z]+)\s+[Mm]ode\b)"));
        const QStringView text = QStringView(t).mid(s.range.start, s.range.length());
        if (const auto m = rx::match(shots, text); m.hasMatch())
            setting = m.captured(1) + QStringLiteral("-shot");
        else if (const auto m2 = rx::match(mode, text); m2.hasMatch())
            setting = m2.captured(1) + QStringLiteral(" mode");
    }
    std::vector<bool> used(numbers.size(), false);
    // Runs of numbers said "respectively": "55.5, 75.1 and 88.2". runEnd(i): one past the last number of the run from i.
    const bool respectively = QStringView(lowerText).mid(s.range.start, s.range.length()).contains(u"respectively");
    auto runEnd = [&](size_t i) {
        static const rx::Regex joiner(QStringLiteral(R"(^(?:\s*,\s*(?:and\s+)?|\s+and\s+)$)"));
        size_t j = i + 1;
        while (j < numbers.size() && isScoreNumber(numbers[j]) && rx::match(joiner, between(numbers[j - 1].end, numbers[j].start)).hasMatch())
            ++j;
        return j;
    };
    // "X achieves 55.5, 75.1 and 88.2 on A, B and C, respectively, outperforming Y with 32.2, 69.2 and 80.2":
    // each run of as many numbers as the benchmarks named goes to them in order.
    if (benches.size() >= 2 && respectively) {
        std::vector<const Hit *> listed; // the benchmarks, once each, in order
        for (const Hit *b : benches)
            if (std::none_of(listed.begin(), listed.end(), [&](const Hit *o) { return o->entity == b->entity; }))
                listed.push_back(b);
        for (size_t i = 0, j = 0; i < numbers.size(); i = j) {
            j = runEnd(i);
            if (j - i != listed.size() || !isScoreNumber(numbers[i]))
                continue;
            // The model: one named just before the run ("Y with"), else the sentence's subject.
            int model = -1;
            for (auto it = models.rbegin(); it != models.rend() && model < 0; ++it)
                if ((*it)->range.end <= numbers[i].start && numbers[i].start - (*it)->range.end <= 16)
                    model = (*it)->entity;
            if (model < 0)
                model = subjectModel(s, inS, numbers[i].start);
            if (model >= 0)
                for (size_t k = i; k < j; ++k) {
                    addScore(model, listed[k - i]->entity, numbers[k], setting, s.range);
                    used[k] = true;
                }
        }
    }
    // "A and B score 71.4 and 78.9 on X, respectively": one benchmark, the models in order.
    if (models.size() >= 2 && !benches.empty() && respectively
        && std::all_of(benches.begin(), benches.end(), [&](const Hit *b) { return b->entity == benches.front()->entity; })) {
        for (size_t i = 0, j = 0; i < numbers.size(); i = j) {
            j = runEnd(i);
            std::vector<int> inOrder; // the models named before the run, once each
            for (const Hit *m : models)
                if (m->range.end <= numbers[i].start && std::find(inOrder.begin(), inOrder.end(), m->entity) == inOrder.end())
                    inOrder.push_back(m->entity);
            if (j - i < 2 || j - i != inOrder.size() || !isScoreNumber(numbers[i])
                || std::any_of(used.begin() + long(i), used.begin() + long(j), [](bool u) { return u; }))
                continue;
            for (size_t k = i; k < j; ++k) {
                addScore(inOrder[k - i], benches.front()->entity, numbers[k], setting, s.range);
                used[k] = true;
            }
            break;
        }
    }
    // Pairs that name their model: "48.4% for Gemini 3.1 Deep Think", "GPT-5.5 (59)", "GPT-5.4's 57", "Grok 4.2: 20.3".
    for (size_t i = 0; i < numbers.size(); ++i) {
        const Number &n = numbers[i];
        if (used[i] || !isScoreNumber(n))
            continue;
        int model = -1;
        for (const Hit *m : models) {
            if (m->range.start >= n.end) {
                const QString gap = between(n.end, m->range.start).toString().toLower().simplified();
                if (gap == u"for" || gap == u"by" || gap == u"from")
                    model = m->entity;
                break;
            }
        }
        if (model < 0) {
            for (auto it = models.rbegin(); it != models.rend(); ++it) {
                const Hit *m = *it;
                if (m->range.end > n.start)
                    continue;
                const QString gap = between(m->range.end, n.start).toString().simplified();
                static const rx::Regex named(QStringLiteral(
                    u"^(?:\\(|[\u2019']s|:|\\s*scores?d?|\\s*scoring|\\s*at|\\s*with|\\s*hits?|\\s*achieves?d?|\\s*gets?|\\s*reached|\\s*reaches|=)\\s*$"));
                if (gap.isEmpty() || rx::match(named, gap).hasMatch())
                    model = m->entity;
                break;
            }
        }
        if (model < 0)
            continue;
        used[i] = true;
        addScore(model, benchFor(n.start, n.end), n, QString(), s.range);
    }
    // Numbers said of the subject: "scoring 52 on ...", "achieves a score of 42.8", "with 59.0 on ...".
    for (size_t i = 0; i < numbers.size(); ++i) {
        if (used[i])
            continue;
        const Number &n = numbers[i];
        if (!isScoreNumber(n))
            continue;
        static const rx::Regex cueBefore(QStringLiteral(
            R"((?:scor(?:e|es|ed|ing)(?:\s+of)?|achiev(?:e|es|ed|ing)(?:\s+(?:a\s+)?(?:score|result)\s+of)?|reach(?:es|ed|ing)?|hits?|hitting|with|gets?|got|posts?|posted|just|of|at|to)\s*$)"));
        static const rx::Regex onAfter(QStringLiteral(R"(^\s*(?:on|in)\s)"));
        const QString before = between(std::max(s.range.start, n.start - 30), n.start).toString().toLower();
        const bool cued = rx::match(cueBefore, before).hasMatch();
        // "scoring 52 on", or a pair "(73.8%, +5.8%) on".
        const bool onBench = rx::match(onAfter, pastAside(between(n.end, std::min<qsizetype>(n.end + 40, s.range.end)).toString())).hasMatch();
        const bool bulletValue = s.listItem && between(s.range.start, n.start).contains(u':');
        bool benchColon = false; // "(HealthBench Hard: 42.8%)"
        for (const Hit *b : benches)
            if (b->range.end <= n.start && between(b->range.end, n.start).trimmed() == u":")
                benchColon = true;
        if (!cued && !onBench && !bulletValue && !benchColon)
            continue;
        const int bench = benchFor(n.start, n.end);
        if (bench < 0)
            continue;
        int model = subjectModel(s, inS, n.start);
        if (model < 0 || sharesSubject(inS, model, n.start))
            continue;
        addScore(model, bench, n, setting, s.range);
    }
}

bool DocumentScan::sharesSubject(const std::vector<Hit> &inS, int model, qsizetype before) const
{
    // "Qwen2.5-7/72B are improved from 70.3 to 74.2 and 84.2 to 86.1", "A and B score 90": which
    // number is whose is not said (a "respectively" is read before this).
    static const rx::Regex coordinator(QStringLiteral(R"(^\s*(?:,|,?\s*and|,?\s*or|/|\||&)\s*$)"));
    for (size_t i = 0; i + 1 < inS.size(); ++i) {
        if (inS[i].entity != model || inS[i].range.end > before)
            continue;
        const Hit &next = inS[i + 1];
        const Hit *prev = i > 0 ? &inS[i - 1] : nullptr;
        auto joined = [&](const Hit &a, const Hit &b) {
            return kindOf(a.entity) == EntityKind::Model && kindOf(b.entity) == EntityKind::Model && b.range.end <= before
                   && rx::match(coordinator, QStringView(lowerText).mid(a.range.end, b.range.start - a.range.end)).hasMatch();
        };
        return joined(inS[i], next) || (prev && joined(*prev, inS[i]));
    }
    return false;
}

// --- attributes --------------------------------------------------------------

void DocumentScan::readAttributes(const Sentence &s, const std::vector<Hit> &inS, const std::vector<Number> &numbers)
{
    const QString &t = doc.text;
    const QStringView text = QStringView(t).mid(s.range.start, s.range.length());
    const QStringView lower = QStringView(lowerText).mid(s.range.start, s.range.length());

    std::vector<const Hit *> models, orgs, licenses;
    for (const Hit &h : inS) {
        switch (kindOf(h.entity)) {
        case EntityKind::Model: models.push_back(&h); break;
        case EntityKind::Organization: orgs.push_back(&h); break;
        case EntityKind::License: licenses.push_back(&h); break;
        default: break;
        }
    }
    // The models coordinated with models[k] ("A, B and C"): the first and the last of them.
    auto coordinated = [&](size_t k) {
        auto joined = [&](size_t a) {
            return isCoordination(QStringView(t).mid(models[a]->range.end, models[a + 1]->range.start - models[a]->range.end));
        };
        size_t first = k, last = k;
        while (first > 0 && models[first - 1]->range.end <= models[first]->range.start && joined(first - 1))
            --first;
        while (last + 1 < models.size() && models[last]->range.end <= models[last + 1]->range.start && joined(last))
            ++last;
        return std::pair{first, last};
    };
    auto modelsInClause = [&](qsizetype pos) {
        std::vector<int> out;
        const TextRange c = clauseAround(t, s.range, pos);
        for (const Hit *m : models)
            if (m->range.start >= c.start && m->range.end <= c.end && !isObject(s, *m)
                && std::find(out.begin(), out.end(), m->entity) == out.end())
                out.push_back(m->entity);
        return out;
    };
    // The sentence starts by pointing back: "It", "Its", "The model", "This model", "The new model", "The weights".
    const bool pronoun = [&] {
        for (const QStringView start : {u"it", u"its", u"it's", u"it\u2019s", u"the model", u"this model", u"the new model",
                                        u"the weights"})
            if (lower.startsWith(start) && (lower.size() == start.size() || !lower[start.size()].isLetterOrNumber()))
                return true;
        return false;
    }();

    // Openness, said of a model: "Muse Spark is proprietary", "X, which Y launched in May, is proprietary", "X, its first closed-source model",
    // "the open-weight Gemma 4", "Kimi K2.6 are all open-weight", "Llama 4 weights remain available";
    // or of the model the text is about: "It's also completely closed.", a bullet "Open weight ❌".
    {
        static const QString closedCue = QStringLiteral(
            u"(?:proprietary|closed[- ]source|closed[- ]weights?|closed|api[- ]only|not open[- ]source|not open[- ]weights?)");
        // "open LLMs", "open models" (not the "Open LLM Leaderboard").
        static const QString openCue = QStringLiteral(
            u"(?:open[- ]weights?|open[- ]source[d]?|open[- ]sourcing|openly licensed|downloadable"
            u"|open[- ](?:llms?|models?|language models?)(?![- ]leaderboard))");
        // Words that make a sentence compare the model with open or closed ones rather than call it one.
        static const QString comparing = QStringLiteral(u"(?:than|as|like|vs|versus|compared|other|others|rivals?|beats?|outperforms?|against)");
        static const rx::Regex afterCopula(QStringLiteral(
            u"^(?:[^.;:]{0,30}?|,\\s*(?:which|that)\\b[^.;:]{0,80}?,\\s*)\\b(?:is|are|was|were|remains?|stays?|became|becomes|being)\\b(?:\\s+(?!%3\\b)(?:\\S+)){0,5}?\\s+(?:(?<closed>%1)|(?<open>%2))\\b")
                                                       .arg(closedCue, openCue, comparing),
                                                   QRegularExpression::CaseInsensitiveOption);
        static const rx::Regex apposition(QStringLiteral(
            u"^\\s*(?:(?:series|family|models?|lineup|collection)\\s*)?(?:,|\u2014|\u2013|-)\\s*(?:its|their|a|an|the|which is|now|[\\w.-]+(?:'s|\u2019s))\\b(?:(?!\\b%3\\b)[^,;.]){0,60}?\\b(?:(?<closed>%1)|(?<open>%2))\\b")
                                                       .arg(closedCue, openCue, comparing),
                                                   QRegularExpression::CaseInsensitiveOption);
        // "released A and B with open weights", "A ships as open weights", "both models, A and B, with open weights".
        static const rx::Regex withWeights(QStringLiteral(
            u"^,?\\s*(?:(?:ships?|shipped|comes?|came|is|was|are|were|launched|released|published)\\s+(?:today\\s+)?)?(?:with|as|under)\\s+(?:(?:fully|publicly|freely|its|their|the)\\s+)?(?:available\\s+)?(?<open>open[- ]weights?|open[- ]source)\\b"),
                                           QRegularExpression::CaseInsensitiveOption);
        // "X was released by Y in July as an open-weight model" (not "as capable as an open model").
        static const rx::Regex asModel(QStringLiteral(
            u"^(?:(?!\\bas\\b)[^.;:]){0,60}?\\bas\\s+an?\\s+(?:(?:fully|new|first)\\s+)?(?:(?<closed>%1)|(?<open>%2))[- ]?(?:models?|llms?|release|language models?)\\b")
                                           .arg(closedCue, openCue),
                                       QRegularExpression::CaseInsensitiveOption);
        static const rx::Regex weightsAvailable(QStringLiteral(
            u"^\\s*(?:'s|\u2019s)?\\s*weights\\s+(?:are|remain)\\s+(?:still\\s+)?(?:publicly\\s+|freely\\s+)?available"),
                                                         QRegularExpression::CaseInsensitiveOption);
        static const rx::Regex before(QStringLiteral(u"\\b(?:(?<closed>%1)|(?<open>%2))\\s+$").arg(closedCue, openCue),
                                               QRegularExpression::CaseInsensitiveOption);
        static const rx::Regex negated(QStringLiteral(u"\\b(?:not|no|never|isn't|isn\u2019t|aren't|aren\u2019t)\\s+(?:\\S+\\s+){0,2}$"),
                                                QRegularExpression::CaseInsensitiveOption);
        static const rx::Regex hedge(QStringLiteral(
            R"(\b(?:will|would|plans?|planned|hopes?|promis\w*|future|upcoming|next[- ]generation|%1|might|could|should|if|whether|expect\w*)\b)").arg(modalMay()));
        auto valueOf = [&](const rx::Match &m, QStringView textBefore) -> QString {
            QString v = m.capturedStart(QStringLiteral("closed")) >= 0 ? QStringLiteral("closed") : QStringLiteral("open");
            if (rx::match(negated, textBefore).hasMatch())
                v = v == u"open" ? QStringLiteral("closed") : QStringLiteral("open");
            return v;
        };
        // Every cue has one of these words: most sentences skip the expressions below.
        const bool cue = opennessCues.anyIn(s.range); // every cue below has one of its words
        // "Grok 9 will not be open-sourced": a plan not to open is a closed model now (the hedge below
        // passes over every other future).
        if (cue && !s.heading) {
            static const rx::Regex wontOpen(QStringLiteral(
                u"^[^.;:]{0,24}?\\b(?:will\\s+not|won't|won’t|would\\s+not|has\\s+no\\s+plans?\\s+to|does\\s+not\\s+plan\\s+to|doesn't\\s+plan\\s+to)\\s+(?:be\\s+)?(?:open[- ]sourced?|releas(?:e|ed)\\s+(?:the|its)\\s+weights|made\\s+open)"),
                QRegularExpression::CaseInsensitiveOption);
            for (const Hit *m : models)
                if (!isObject(s, *m) && !isFamily(m->entity)
                    && rx::match(wontOpen, QStringView(t).mid(m->range.end, std::min<qsizetype>(90, s.range.end - m->range.end))).hasMatch())
                    addAttribute(m->entity, QStringLiteral("openness"), QStringLiteral("closed"), s.range);
        }
        if (cue && !s.heading && !rx::match(hedge, lower).hasMatch()) {
            // What follows a model, up to the next model, at most 90 characters.
            auto afterModel = [&](const Hit *h) {
                qsizetype stop = s.range.end;
                for (const Hit *o : models)
                    if (o->range.start > h->range.end) {
                        stop = o->range.start;
                        break;
                    }
                return QStringView(t).mid(h->range.end, std::min<qsizetype>(stop, h->range.end + 90) - h->range.end);
            };
            for (size_t k = 0; k < models.size(); ++k) {
                const Hit *m = models[k];
                if (isObject(s, *m) || isFamily(m->entity))
                    continue;
                QStringView after = afterModel(m);
                rx::Match hit = rx::match(afterCopula, after);
                if (!hit.hasMatch())
                    hit = rx::match(apposition, after);
                // "o1 and o4-mini are closed": what is said after the last of coordinated models is said of each.
                if (const size_t last = coordinated(k).second; !hit.hasMatch() && last > k) {
                    after = afterModel(models[last]);
                    hit = rx::match(afterCopula, after);
                }
                if (!hit.hasMatch())
                    hit = rx::match(withWeights, after);
                if (!hit.hasMatch())
                    hit = rx::match(asModel, after);
                if (hit.hasMatch()) {
                    const qsizetype cueAt = std::max(hit.capturedStart(QStringLiteral("closed")), hit.capturedStart(QStringLiteral("open")));
                    addAttribute(m->entity, QStringLiteral("openness"), valueOf(hit, after.left(cueAt)), s.range);
                    continue;
                }
                if (rx::match(weightsAvailable, after).hasMatch()) {
                    addAttribute(m->entity, QStringLiteral("openness"), QStringLiteral("open"), s.range);
                    continue;
                }
                // How the weights are had, or not: "weights can be downloaded", "is available for download on
                // Kaggle", "is available only via API", "'s weights have not been released".
                static const rx::Regex downloadable(QStringLiteral(
                    u"^(?:\\s*(?:'s|’s)?\\s*weights\\s+(?:can|may)\\s+(?:now\\s+)?be\\s+(?:freely\\s+)?downloaded"
                    u"|[^.;:]{0,24}?\\b(?:is|are|was|were)\\s+(?:now\\s+)?(?:freely\\s+|publicly\\s+)?available\\s+(?:for|to)\\s+download"
                    u"|[^.;:]{0,24}?\\bcan\\s+(?:now\\s+)?be\\s+downloaded)"),
                    QRegularExpression::CaseInsensitiveOption);
                static const rx::Regex hosted(QStringLiteral(
                    u"^(?:[^.;:]{0,24}?\\b(?:is|are|was|were|remains?)\\s+(?:\\S+\\s+){0,2}?(?:available|offered|accessible)\\s+only\\s+(?:via|through|in|on|as)\\b"
                    u"|[^.;:]{0,24}?\\b(?:is|are|was|were|remains?)\\s+(?:only\\s+)?(?:available|offered|accessible)\\s+(?:only\\s+)?(?:via|through)\\s+(?:an?\\s+|its\\s+|their\\s+|the\\s+(?:company's\\s+)?)?(?:paid\\s+)?(?:api|app|chatbot|subscription)\\b"
                    u"|\\s*(?:'s|’s)\\s+weights\\s+(?:have|has|had|were|are)\\s+(?:not|never)\\s+(?:been\\s+)?(?:released|published|made\\s+public|shared)"
                    u"|\\s+(?:have|has|had|were|are)\\s+(?:not|never)\\s+(?:been\\s+)?(?:released|published|made\\s+public|shared))"),
                    QRegularExpression::CaseInsensitiveOption);
                if (rx::match(downloadable, after).hasMatch()) {
                    addAttribute(m->entity, QStringLiteral("openness"), QStringLiteral("open"), s.range);
                    continue;
                }
                if (const auto h = rx::match(hosted, after); h.hasMatch()) {
                    // "The weights of X have not been released": only when the weights are what the sentence is about.
                    const bool ofWeights = QStringView(lowerText).mid(std::max(s.range.start, m->range.start - 16),
                                                                      m->range.start - std::max(s.range.start, m->range.start - 16))
                                               .endsWith(u"weights of ");
                    const bool direct = !after.trimmed().startsWith(u"have") && !after.trimmed().startsWith(u"has")
                                        && !after.trimmed().startsWith(u"had") && !after.trimmed().startsWith(u"were")
                                        && !after.trimmed().startsWith(u"are");
                    if (direct || ofWeights) {
                        addAttribute(m->entity, QStringLiteral("openness"), QStringLiteral("closed"), s.range);
                        continue;
                    }
                }
                const qsizetype from = std::max(s.range.start, m->range.start - 30);
                const QStringView ahead = QStringView(t).mid(from, m->range.start - from);
                const auto b = rx::match(before, ahead);
                if (b.hasMatch())
                    addAttribute(m->entity, QStringLiteral("openness"), valueOf(b, ahead.left(b.capturedStart())), s.range);
            }
            // "It's also completely closed.", "No open weights.", a bullet "Open weight ❌" under "Muse Spark is:".
            static const rx::Regex any(QStringLiteral(u"\\b(?:(?<closed>%1)|(?<open>%2))\\b").arg(closedCue, openCue),
                                                QRegularExpression::CaseInsensitiveOption);
            static const rx::Regex cross(QStringLiteral(u"[\u274c\u2717\u2718]"));
            // Not a category ("Closed-source Models" in a table of contents).
            static const rx::Regex category(QStringLiteral(R"(\b(?:models|llms|systems|lms)\b)"));
            const bool bullet = s.listItem && s.range.length() < 48
                                && (rx::match(cross, lower).hasMatch() || rx::match(any, lower).capturedStart() == 0)
                                && !rx::match(category, lower).hasMatch();
            // "… for open-sourcing the model": the model the text is about.
            static const rx::Regex theModel(QStringLiteral(
                R"(\b(?:open[- ]sourc(?:ing|ed|es)|releas(?:ing|ed|es) the weights of)\s+(?:the|this)\s+model\b)"));
            if (models.empty() && !pronoun && !bullet && m_contextModel >= 0 && !isFamily(m_contextModel)
                && rx::match(theModel, lower).hasMatch())
                addAttribute(m_contextModel, QStringLiteral("openness"), QStringLiteral("open"), s.range);
            if (models.empty() && (pronoun || bullet) && m_contextModel >= 0) {
                const auto m = rx::match(any, lower);
                if (m.hasMatch()) {
                    QString v = valueOf(m, QStringView(lower).left(m.capturedStart()));
                    if (rx::match(cross, lower).hasMatch() && v == u"open")
                        v = QStringLiteral("closed");
                    if (!isFamily(m_contextModel))
                        addAttribute(m_contextModel, QStringLiteral("openness"), v, s.range);
                }
            }
        }
    }

    // License: "GLM-5.1 under the MIT license", "(MIT, 1.6T params)", "MIT-licensed", "MIT-equivalent licenses".
    // The matcher leaves out compounds ("MIT-licensed" is not "MIT" followed by a word); find them here.
    std::vector<Hit> compounds;
    {
        static const rx::Regex compound(QStringLiteral(R"(\b([A-Z][\w.]*(?:[ -]\d(?:\.\d)?)?)-(?:licensed|equivalent|equiv|style)\b)"));
        const bool maybe = licenseCompoundCues.anyIn(s.range);
        for (auto it = maybe ? rx::globalMatch(compound, text) : rx::MatchIterator(); it.hasNext();) {
            const auto m = it.next();
            const auto known = x.matcher().find(m.captured(1));
            if (known.size() == 1 && known[0].range.length() == m.capturedLength(1)
                && x.pack().entities()[size_t(known[0].entity)].kind == EntityKind::License)
                compounds.push_back(Hit{const_cast<DocumentScan *>(this)->internPack(known[0].entity),
                                        {s.range.start + m.capturedStart(1), s.range.start + m.capturedEnd(1)}, 1.0});
        }
        for (const Hit &c : compounds)
            licenses.push_back(&c);
    }
    // "A and B are governed by L1 and L2, respectively": in order, when the clause names as many
    // models before the licenses as it names licenses.
    std::vector<const Hit *> paired;
    if (licenses.size() >= 2 && lower.contains(u"respectively")) {
        const qsizetype at = s.range.start + lower.indexOf(u"respectively");
        const TextRange clause = clauseAround(doc.text, s.range, at);
        for (const Hit *l : licenses)
            if (l->range.start >= clause.start && l->range.end <= at)
                paired.push_back(l);
        std::sort(paired.begin(), paired.end(), [](const Hit *a, const Hit *b) { return a->range.start < b->range.start; });
        std::vector<int> inOrder;
        for (const Hit *m : models)
            if (!paired.empty() && m->range.start >= clause.start && m->range.end <= paired.front()->range.start)
                inOrder.push_back(m->entity);
        if (paired.size() < 2 || inOrder.size() != paired.size()) {
            paired.clear();
        } else {
            for (size_t i = 0; i < paired.size(); ++i) {
                addAttribute(inOrder[i], QStringLiteral("license"), out.entities[static_cast<size_t>(paired[i]->entity)].key, s.range,
                             paired[i]->entity);
                addAttribute(inOrder[i], QStringLiteral("openness"), QStringLiteral("open"), s.range, -1,
                             QStringLiteral("weights under a license"));
            }
        }
    }
    for (const Hit *l : licenses) {
        if (std::find(paired.begin(), paired.end(), l) != paired.end())
            continue;
        const QString after = t.mid(l->range.end, 16).toLower();
        const QString before = t.mid(std::max(s.range.start, l->range.start - 12), l->range.start - std::max(s.range.start, l->range.start - 12)).toLower();
        const bool cue = before.contains(u"under") || after.startsWith(u" licen") || after.startsWith(u"-licen")
                         || after.startsWith(u"-equiv") || after.startsWith(u" license") || before.endsWith(u"(")
                         || before.endsWith(u"still ") || after.startsWith(u",") || after.startsWith(u")");
        if (!cue)
            continue;
        QString note;
        if (after.startsWith(u"-equiv") || after.startsWith(u" equiv"))
            note = QStringLiteral("equivalent");
        // The model: the one right before a bracket, else the models of the clause.
        std::vector<int> subjects;
        if (before.endsWith(u"(")) {
            for (const Hit *m : models)
                if (m->range.end <= l->range.start && l->range.start - m->range.end <= 3)
                    subjects.push_back(m->entity);
        }
        if (subjects.empty())
            subjects = modelsInClause(l->range.start);
        if (subjects.empty() && pronoun && m_contextModel >= 0)
            subjects.push_back(m_contextModel);
        const QString key = out.entities[static_cast<size_t>(l->entity)].key;
        for (int m : subjects) {
            addAttribute(m, QStringLiteral("license"), key, s.range, l->entity, note);
            addAttribute(m, QStringLiteral("openness"), QStringLiteral("open"), s.range, -1,
                         QStringLiteral("weights under a license"));
        }
    }

    // Parameters: "(MIT, 1.6T params)", "400B-parameter", "up to 31B dense parameters", "(49B active)".
    auto isCount = [](const Number &c) { return c.unit == u"B" || c.unit == u"T"; };
    auto billions = [](const Number &c) { return QString::number(c.unit == u"T" ? c.value * 1000 : c.value, 'g', 6); };
    // "(49B active)", "… of which 39B are active"
    auto isActive = [&](const Number &c) {
        const QStringView after = QStringView(lowerText).mid(c.end, 24);
        return after.startsWith(u" active") || after.startsWith(u" are active") || after.startsWith(u" is active")
               || after.startsWith(u" were active") || after.startsWith(u" activated") || after.startsWith(u" of them active")
               || after.startsWith(u" of them are active") || after.startsWith(u" of which are active");
    };
    const auto totals = std::count_if(numbers.begin(), numbers.end(), [&](const Number &c) { return isCount(c) && !isActive(c); });
    // "A and B feature 120 billion and 20 billion parameters, respectively": in order, when the
    // sentence names as many models before its first count as it gives counts.
    std::vector<int> inOrder;
    if (totals >= 2 && lower.contains(u"respectively")) {
        for (const Hit *m : models)
            if (std::find(inOrder.begin(), inOrder.end(), m->entity) == inOrder.end()
                && std::all_of(numbers.begin(), numbers.end(), [&](const Number &c) { return !isCount(c) || c.start >= m->range.end; }))
                inOrder.push_back(m->entity);
        // Counts of parameters, not of tokens: the last is followed by "parameters".
        const auto last = std::find_if(numbers.rbegin(), numbers.rend(), [&](const Number &c) { return isCount(c) && !isActive(c); });
        const QStringView after = QStringView(lowerText).mid(last->end, 12);
        if (qsizetype(inOrder.size()) != totals || !(after.startsWith(u" param") || after.startsWith(u"-param")))
            inOrder.clear();
    }
    size_t nthTotal = 0;
    for (const Number &n : numbers) {
        if (!isCount(n))
            continue;
        if (!inOrder.empty()) {
            if (!isActive(n))
                addAttribute(inOrder[nthTotal++], QStringLiteral("params_total_b"), billions(n), s.range);
            continue;
        }
        const QStringView after = QStringView(lowerText).mid(n.end, 24);
        const QStringView before = QStringView(lowerText).mid(std::max(s.range.start, n.start - 10), n.start - std::max(s.range.start, n.start - 10));
        const bool active = isActive(n);
        const bool paramWord = active || after.startsWith(u" param") || after.startsWith(u"-param") || after.startsWith(u" total")
                               || after.startsWith(u" dense") || after.startsWith(u" (dense") || after.startsWith(u" moe");
        if (!paramWord)
            continue;
        // Not the model's size: "doesn't have 56B parameters", "is not 56B"; another model's, or
        // none's: "at the speed of a 12B parameter-dense model", "more than a 70B model".
        static const rx::Regex notItsSize(QStringLiteral(
            R"((?:\bnot|n't(?:\s+have)?|\bnever|\b(?:speed|cost|latency|price|performance|quality|level|capabilit(?:y|ies)|power) of an?|\b(?:than|like) an?)\s+(?:about\s+|around\s+|~)?$)"));
        if (rx::match(notItsSize, QStringView(lowerText).mid(std::max(s.range.start, n.start - 32), n.start - std::max(s.range.start, n.start - 32))).hasMatch())
            continue;
        int subject = -1;
        // "the 70-billion-parameter Llama 3.3": the count names the model right after it.
        for (const Hit *m : models) {
            if (m->range.start < n.end)
                continue;
            QString gap = t.mid(n.end, m->range.start - n.end).toLower();
            gap.remove(u'-').remove(u' ');
            if (gap == u"parameter" || gap == u"param" || gap == u"parameters" || gap == u"params")
                subject = m->entity;
            break;
        }
        for (auto it = models.rbegin(); it != models.rend() && subject < 0; ++it)
            if ((*it)->range.end <= n.start && n.start - (*it)->range.end <= 40)
                subject = (*it)->entity;
        if (subject < 0) {
            const auto inClause = modelsInClause(n.start);
            if (inClause.size() == 1)
                subject = inClause.front();
        }
        // "It has 80B total parameters", said of the model the text is about; not when the sentence
        // gives several totals ("It comes in two sizes, 9 billion and 27 billion").
        if (subject < 0 && models.empty() && pronoun && m_contextModel >= 0 && !isFamily(m_contextModel) && totals == 1)
            subject = m_contextModel;
        if (subject < 0 || (isFamily(subject) && totals > 1))
            continue; // a family's sizes, not one model's: "the Aya Expanse family, featuring 8B and 32B parameter models"
        const QString note = before.endsWith(u"up to ") ? QStringLiteral("up to") : QString();
        addAttribute(subject, active ? QStringLiteral("params_active_b") : QStringLiteral("params_total_b"), billions(n),
                     s.range, -1, note);
    }

    // Organization: "Google's Gemma 4", "X, developed by Y", "Meta launched Llama 4", "Anthropic, which released X".
    // madeBy(o, first, last): the models from models[first] to models[last] are o's.
    auto madeBy = [&](const Hit *o, size_t first, size_t last) {
        for (size_t c = first; c <= last; ++c)
            addAttribute(models[c]->entity, QStringLiteral("organization"), out.entities[static_cast<size_t>(o->entity)].key, s.range,
                         o->entity);
    };
    for (const Hit *o : orgs) {
        const QString after = t.mid(o->range.end, 3);
        const bool possessive = after.startsWith(u"'s ") || after.startsWith(u"\u2019s ");
        if (possessive) {
            // "the gpt-oss series, OpenAI's open-weight models": the model named just before.
            static const rx::Regex possessiveAfter(QStringLiteral(
                u"^(?:'s|\u2019s)\\s+(?:[\\w-]+\\s+){0,3}?(?:models?|llms?|family|series|generation|lineup|flagship)\\b"),
                                                            QRegularExpression::CaseInsensitiveOption);
            static const rx::Regex apposed(QStringLiteral(u"^\\s*(?:(?:series|family|models?|lineup|collection)\\s*)?[,\u2014]\\s*$"));
            for (size_t k = models.size(); k-- > 0;) {
                const Hit *m = models[k];
                if (m->range.end > o->range.start)
                    continue;
                if (rx::match(apposed, t.mid(m->range.end, o->range.start - m->range.end)).hasMatch()
                    && rx::match(possessiveAfter, QStringView(t).mid(o->range.end, std::min<qsizetype>(60, s.range.end - o->range.end))).hasMatch())
                    madeBy(o, k, k);
                break;
            }
            for (size_t k = 0; k < models.size(); ++k) {
                const Hit *m = models[k];
                if (m->range.start < o->range.end)
                    continue;
                // "Google's new Gemma 4", "OpenAI's big GPT-5 launch", "OpenAI's two new language models, A and B".
                const QString gap = t.mid(o->range.end + 3, m->range.start - o->range.end - 3).toLower().simplified();
                static const rx::Regex fill(QStringLiteral(
                    R"(^(?:(?:own|new|first|latest|newest|flagship|previous|best|open|closed|proprietary|frontier|ai|model|models|upcoming|midsize|big|biggest|recent|powerful|small|smaller|large|larger|reasoning|language|open-weights?|open-source|two|three|both|\s)+,?)?$)"));
                if (!rx::match(fill, gap).hasMatch())
                    break;
                madeBy(o, k, coordinated(k).second); // ... and the models coordinated after it
                break;
            }
            continue;
        }
        static const rx::Regex releaseVerb(QStringLiteral(
            R"(^\s*(?:,\s*which\s+)?(?:(?:has|had|was|is|have|just|quietly|officially|also|then|finally|today|yesterday|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s+)*(?:launch(?:ed|es)?|releas(?:ed|es)|unveil(?:ed|s)|introduc(?:ed|es)|publish(?:ed|es|ing)|announc(?:ed|es)|ship(?:ped|s)|open-sourc(?:ed|es)|debut(?:ed|s)|built|developed|trained)\s+(?:(?:its|their|the|a|an|new|newest|first|latest|own|next-generation|flagship|frontier|reasoning|language|AI|coding|multimodal|small|smaller|large|larger|compact|lightweight|open-weights?|open-source|model|LLM|proprietary|open|closed|called|named|dubbed)\s+)*$)"));
        for (size_t k = 0; k < models.size(); ++k) {
            const Hit *m = models[k];
            if (m->range.start < o->range.end)
                continue;
            // "Anthropic Claude-instant-v1", "Google Gemini 3": the maker's name before the model's.
            const bool compound = m->range.start == o->range.end + 1 && (t[o->range.end] == u' ' || t[o->range.end] == u'\u00a0');
            if (compound)
                madeBy(o, k, k);
            else if (rx::match(releaseVerb, t.mid(o->range.end, m->range.start - o->range.end)).hasMatch()) // "Meta released A and B"
                madeBy(o, k, coordinated(k).second);
            break;
        }
        // "X, which Y launched on ...": the maker inside a relative clause after the model.
        static const rx::Regex whichMade(QStringLiteral(
            R"(^\s+(?:(?:has|had|just|quietly|officially|first)\s+)*(?:launch|releas|unveil|introduc|develop|buil|train|ship|announc|open-sourc)\w*\b)"));
        for (size_t k = models.size(); k-- > 0;) {
            const Hit *m = models[k];
            if (m->range.end > o->range.start)
                continue;
            static const rx::Regex which(QStringLiteral(R"(^,\s*(?:which|that)\s+(?:the\s+)?$)"));
            if (rx::match(which, t.mid(m->range.end, o->range.start - m->range.end)).hasMatch()
                && rx::match(whichMade, QStringView(t).mid(o->range.end, std::min<qsizetype>(40, s.range.end - o->range.end))).hasMatch())
                madeBy(o, k, k);
            break;
        }
        // "X, developed by Y", "X is developed by Y", "X from Y"; "A and B, developed by Y"
        for (size_t k = models.size(); k-- > 0;) {
            const Hit *m = models[k];
            if (m->range.end > o->range.start)
                continue;
            // "X, the latest generation of foundation models from the Qwen team"
            static const rx::Regex byOrg(QStringLiteral(
                R"(^\s*(?:\([^()]{0,40}\)\s*)?,?\s*(?:(?:which|that)\s+)?(?:(?:is|was|are|were|has\s+been|had\s+been|have\s+been)\s+)?(?:(?:a|an|the)\s+[\w\s-]{0,30}?)?(?:developed|built|made|created|trained|released|published|designed|offered|provided|maintained)(?:\s+(?:on|in|last|earlier|this)\s+[^;:.()]{1,30}?)?,?\s+by\s+(?:the\s+)?$|^\s+from\s+(?:the\s+)?$|^(?:,\s*|\s+(?:is|was)\s+)(?:a|an|the|its|their)\s+[\w\s-]{0,50}?\b(?:models?|llms?|LLMs?|family|generation|release|version)\s+(?:from|by)\s+(?:the\s+)?$)"));
            if (rx::match(byOrg, t.mid(m->range.end, o->range.start - m->range.end)).hasMatch())
                madeBy(o, coordinated(k).first, k);
            break;
        }
    }
}

// --- numeric claims: stock moves, ages, investments ---------------------------

void DocumentScan::readClaims(const Sentence &s, const std::vector<Hit> &inS)
{
    const QString &t = doc.text;
    const QStringView text = QStringView(t).mid(s.range.start, s.range.length());
    auto qualified = [](const QString &q, double n, int decimals, double *low, double *high) {
        const double half = 0.5 * std::pow(10.0, -decimals);
        const QString w = q.toLower().simplified();
        if (w == u"more than" || w == u"over" || w == u"above" || w == u"at least") {
            *low = n;
            *high = kInf;
        } else if (w == u"nearly" || w == u"almost" || w == u"close to" || w == u"just under") {
            *low = n * 0.9;
            *high = n;
        } else if (w == u"about" || w == u"around" || w == u"roughly" || w == u"approximately" || w == u"some") {
            *low = n * 0.9;
            *high = n * 1.1;
        } else if (w == u"less than" || w == u"under") {
            *low = -kInf;
            *high = n;
        } else {
            *low = n - half;
            *high = n + half;
        }
    };
    auto orgBefore = [&](qsizetype pos) {
        int best = -1;
        for (const Hit &h : inS)
            if (h.range.start < pos && kindOf(h.entity) == EntityKind::Organization)
                best = h.entity;
        return best;
    };
    auto orgAfter = [&](qsizetype pos) {
        for (const Hit &h : inS)
            if (h.range.start >= pos && kindOf(h.entity) == EntityKind::Organization)
                return h.entity;
        return -1;
    };
    // Stock moves: "Meta stock jumped 6.5% on the announcement day", "stock price increased more than 9%".
    static const rx::Regex stock(QStringLiteral(
        R"(\b(?:stock|shares|share price)(?:\s+price)?\s+(?<verb>rose|jumped|climbed|gained|surged|increased|rallied|soared|fell|dropped|declined|slid|sank|tumbled|plunged)\s+(?:by\s+)?(?<q>more than|over|about|nearly|almost|around|roughly|some)?\s*(?<n>\d+(?:\.\d+)?)\s?%(?<rest>[^.;]{0,40}))"));
    for (auto it = rx::globalMatch(stock, text); it.hasNext();) {
        const auto m = it.next();
        const int org = orgBefore(s.range.start + m.capturedStart());
        if (org < 0)
            continue;
        int decimals = 0;
        double n = parseNumberText(m.capturedView(QStringLiteral("n")), &decimals);
        const QString verb = m.captured(QStringLiteral("verb"));
        const bool down = verb == u"fell" || verb == u"dropped" || verb == u"declined" || verb == u"slid"
                          || verb == u"sank" || verb == u"tumbled" || verb == u"plunged";
        double low = 0, high = 0;
        qualified(m.captured(QStringLiteral("q")), n, decimals, &low, &high);
        if (down) {
            n = -n;
            std::swap(low, high);
            low = -low;
            high = -high;
        }
        const QString rest = m.captured(QStringLiteral("rest")).toLower();
        const QString note = (rest.contains(u"launch") || rest.contains(u"announcement") || rest.contains(u"the day"))
                                 ? QStringLiteral("on launch day")
                                 : QString();
        QString value = (m.captured(QStringLiteral("q")).isEmpty() ? QString() : m.captured(QStringLiteral("q")) + u' ')
                        + QString::number(n, 'g', 6) + u'%';
        addNumericClaim(org, QStringLiteral("stock_change_pct"), low, high, value, s.range, note);
    }
    // Ages: "Alexandr Wang, 29, former ...", "At 27 when he was recruited".
    {
        static const rx::Regex appositive(QStringLiteral(R"(^,\s+(?<n>[1-9]\d),\s)"));
        static const rx::Regex leading(QStringLiteral(R"(^At\s+(?:age\s+)?(?<n>[1-9]\d)\b(?!\s*(?:%|percent|billion|million)))"));
        static const rx::Regex yearOld(QStringLiteral(R"(\b(?<n>[1-9]\d)-year-old\s+$)"));
        for (const Hit &h : inS) {
            if (kindOf(h.entity) != EntityKind::Person)
                continue;
            const auto m = rx::match(appositive, QStringView(t).mid(h.range.end, 8));
            if (m.hasMatch())
                addNumericClaim(h.entity, QStringLiteral("age"), decimalValue(m.capturedView(1)), decimalValue(m.capturedView(1)),
                                m.captured(1), s.range);
            const qsizetype from = std::max(s.range.start, h.range.start - 14);
            const auto y = rx::match(yearOld, QStringView(t).mid(from, h.range.start - from));
            if (y.hasMatch())
                addNumericClaim(h.entity, QStringLiteral("age"), decimalValue(y.capturedView(1)), decimalValue(y.capturedView(1)),
                                y.captured(1), s.range);
        }
        const auto lead = rx::match(leading, text);
        if (lead.hasMatch()) {
            // The person: the one this sentence or the one before names.
            int person = -1;
            for (const Hit &h : inS)
                if (kindOf(h.entity) == EntityKind::Person) {
                    person = h.entity;
                    break;
                }
            if (person < 0) {
                for (auto it = hits.rbegin(); it != hits.rend(); ++it)
                    if (it->range.start < s.range.start && kindOf(it->entity) == EntityKind::Person) {
                        if (s.range.start - it->range.end < 400)
                            person = it->entity;
                        break;
                    }
            }
            if (person >= 0)
                addNumericClaim(person, QStringLiteral("age"), decimalValue(lead.capturedView(1)), decimalValue(lead.capturedView(1)),
                                lead.captured(1), s.range);
        }
    }
    // Investments: "invested $14.3 billion in Scale AI", "the $14.3B Scale AI deal", "nearly $15 billion acquisition of Scale AI".
    static const rx::Regex money(QStringLiteral(
        R"((?<q>nearly|almost|about|around|roughly|over|more than|some|approximately)?\s*\$(?<n>\d+(?:\.\d+)?)\s?(?<u>billion|bn|B|million|M|trillion)\b)"));
    static const rx::Regex investCue(QStringLiteral(R"(\b(?:invest\w*|acqui\w+|deal|stake|bought|buy|purchase\w*|funding)\b)"));
    static const rx::Regex revenueCue(QStringLiteral(R"(^\s*(?:in\s+)?(?:annuali[sz]ed\s+)?(?:revenue|sales)\b)"));
    for (auto it = rx::globalMatch(money, text); it.hasNext();) {
        const auto m = it.next();
        int decimals = 0;
        double n = parseNumberText(m.capturedView(QStringLiteral("n")), &decimals);
        const QString u = m.captured(QStringLiteral("u")).toLower();
        double scale = (u.startsWith(u'm')) ? 0.001 : u.startsWith(u't') ? 1000.0 : 1.0;
        double low = 0, high = 0;
        qualified(m.captured(QStringLiteral("q")), n, decimals, &low, &high);
        const QString value = (m.captured(QStringLiteral("q")).isEmpty() ? QString() : m.captured(QStringLiteral("q")) + u' ')
                              + u'$' + m.captured(QStringLiteral("n")) + u' ' + (scale == 1.0 ? QStringLiteral("billion") : u);
        const qsizetype end = s.range.start + m.capturedEnd();
        const TextRange clause = clauseAround(t, s.range, end);
        const QStringView rest = QStringView(t).mid(end, clause.end - end);
        if (rx::match(revenueCue, rest).hasMatch()) {
            const int org = orgBefore(s.range.start + m.capturedStart());
            if (org >= 0)
                addNumericClaim(org, QStringLiteral("revenue_usd_b"), low * scale, high * scale, value, s.range);
            continue;
        }
        const QStringView clauseText = QStringView(t).mid(clause.start, clause.length());
        if (!rx::match(investCue, clauseText).hasMatch())
            continue;
        const int target = orgAfter(end);
        if (target < 0 || (target >= 0 && [&] {
                for (const Hit &h : inS)
                    if (h.entity == target && h.range.start >= end)
                        return h.range.start > clause.end;
                return true;
            }()))
            continue;
        addNumericClaim(target, QStringLiteral("investment_usd_b"), low * scale, high * scale, value, s.range);
    }
}

// --- events ----------------------------------------------------------------------

void DocumentScan::readEvents(const Sentence &s, const std::vector<Hit> &inS, const std::vector<DateMention> &dates)
{
    const QString &t = doc.text;
    const QStringView text = QStringView(t).mid(s.range.start, s.range.length());
    if (dates.empty()) {
        noteAnnouncement(s, inS);
        return;
    }
    // Words inside a relative date's anchor ("before the Muse Spark launch") say nothing about this sentence's event.
    QString masked = text.toString();
    for (const DateMention &d : dates) {
        qsizetype len = d.range.length();
        if (!d.anchorText.isEmpty()) {
            const qsizetype a = masked.indexOf(d.anchorText, d.range.end);
            if (a >= 0)
                len = a + d.anchorText.size() - d.range.start;
        }
        masked.replace(d.range.start, len, QString(len, u' '));
    }
    const QString lower = masked.toLower();

    // Resolve dates.
    struct Dated {
        PartialDate date, end;
        bool relative;
        qsizetype at;
    };
    std::vector<Dated> resolved;
    for (const DateMention &d : dates) {
        if (!d.relative) {
            if (d.date.year > 2100)
                continue;
            resolved.push_back({d.date, d.end, false, d.range.start});
            continue;
        }
        PartialDate anchor;
        if (d.fromDocumentDate) {
            anchor = m_docDate;
        } else if (!d.anchorText.isEmpty()) {
            for (const Hit &h : inS)
                if (h.range.start >= s.range.start + d.range.end && kindOf(h.entity) == EntityKind::Model
                    && m_releases.contains(h.entity)) {
                    anchor = m_releases.value(h.entity);
                    break;
                }
            if (!anchor.isValid()) {
                for (const Hit &h : inS)
                    if (h.range.start >= s.range.start + d.range.end && kindOf(h.entity) == EntityKind::Model) {
                        // The launch it names may be stated later in the text, or in no text at all.
                        for (const Event &e : out.events)
                            if (e.kind == u"release" && !e.entities.empty() && e.entities.front() == h.entity)
                                anchor = e.date;
                        break;
                    }
            }
            if (!anchor.isValid())
                anchor = anchorBefore(s.range.start + d.range.start);
        } else {
            anchor = anchorBefore(s.range.start + d.range.start);
        }
        const PartialDate shifted = shiftDate(anchor, d);
        if (shifted.isValid()) {
            resolved.push_back({shifted, {}, true, d.range.start});
            m_resolvedDates.push_back({s.range.start + d.range.start, shifted});
        }
    }
    if (resolved.empty())
        return;

    static const rx::Regex release(QStringLiteral(
        R"(\b(?:launch(?:es|ed|ing)?|releas(?:e|es|ed|ing)|unveil(?:s|ed|ing)?|ship(?:s|ped)|debut(?:s|ed)|introduc(?:e|es|ed)|publish(?:es|ed|ing)|open-sourc(?:ed|es|ing)|rolled out|went live|came out|comes out|arriv(?:es|ed)|announced)\b)"));
    static const rx::Regex plan(QStringLiteral(
        R"(\b(?:will|plans?|planned|expected|coming|upcoming|would|hopes?|rumou?red|since|until|before the|after the|projected|forecast|estimated|could|%1|might)\b)").arg(modalMay()));
    static const rx::Regex investment(QStringLiteral(R"(\b(?:invest(?:s|ed|ing|ment)?|funding|raised|stake|paid)\b)"));
    static const rx::Regex acquisition(QStringLiteral(R"(\b(?:acqui(?:re|red|res|ring|sition)|bought|buys|takeover|merged with|merger)\b)"));
    static const rx::Regex partnership(QStringLiteral(
        R"(\b(?:partnership|partnered|partners with|alliance|signed (?:a |an )?(?:[\w-]+ ){0,3}(?:deal|agreement|contract|pact))\b)"));
    static const rx::Regex licenseChange(QStringLiteral(
        R"(\b(?:relicens\w*|license change|chang(?:ed|es|ing) (?:its |the )?licen[cs]e|switch(?:ed|es|ing)? (?:its |the )?licen[cs]e|switch(?:ed|es)? to (?:the |an? )?[\w. -]{0,20}licen[cs]e|(?:moved|moves|switched|switches) [\w .-]{0,40}? to (?:the |an? )?(?:apache|mit|open|permissive))\b)"));
    static const rx::Regex report(QStringLiteral(R"(\b(?:report(?:s|ed)?|reveal(?:s|ed)|according to|leak(?:s|ed)?)\b)"));
    static const rx::Regex hire(QStringLiteral(R"(\b(?:recruit(?:s|ed)?|hire[ds]?|hiring|appoint(?:s|ed)?|found(?:s|ed)|restructur(?:e|es|ed)|brought in|reorgani[sz]ed)\b)"));
    static const rx::Regex announce(QStringLiteral(R"(\b(?:announc(?:e|es|ed)|declar(?:e|es|ed|ing)|manifesto|stated|pledged|wrote|published)\b)"));

    std::vector<const Hit *> models;
    for (const Hit &h : inS)
        if (kindOf(h.entity) == EntityKind::Model && !isObject(s, h) && !isFamily(h.entity))
            if (std::none_of(models.begin(), models.end(), [&](const Hit *o) { return o->entity == h.entity; }))
                models.push_back(&h);
    // A dateline ("Published March 3, 2025.", "Updated: 2025-04-01") dates the text, not a happening in it.
    static const rx::Regex dateline(QStringLiteral(
        R"(^[\s*_|·•-]*(?:first |last )?(?:published|updated|posted|modified|last updated|date)\b[\s:,.|·•-]*(?:on|at)?[\s:,.|·•-]*$)"));
    if (rx::match(dateline, lower).hasMatch())
        return;
    QString kind;
    const bool planned = rx::match(plan, lower).hasMatch();
    if (rx::match(release, lower).hasMatch() && !planned && (!models.empty() || lower.startsWith(u"released")))
        kind = QStringLiteral("release");
    else if (rx::match(licenseChange, lower).hasMatch())
        kind = QStringLiteral("license_change");
    else if (rx::match(acquisition, lower).hasMatch() && !planned)
        kind = QStringLiteral("acquisition");
    else if (rx::match(investment, lower).hasMatch() && !planned)
        kind = QStringLiteral("investment");
    else if (rx::match(partnership, lower).hasMatch() && !planned)
        kind = QStringLiteral("partnership");
    else if (rx::match(report, lower).hasMatch() && !planned)
        kind = QStringLiteral("report");
    else if (rx::match(hire, lower).hasMatch() && !planned)
        kind = QStringLiteral("organization");
    else if (rx::match(announce, lower).hasMatch() && !planned)
        kind = QStringLiteral("announcement");
    if (kind.isEmpty())
        return;

    auto title = [&](const QString &k, int model) -> QString {
        if (k == u"release" && model >= 0) {
            QString org;
            for (const Hit &h : inS)
                if (kindOf(h.entity) == EntityKind::Organization && h.range.start < s.range.end) {
                    org = out.entities[static_cast<size_t>(h.entity)].name;
                    break;
                }
            const QString name = out.entities[static_cast<size_t>(model)].name;
            return org.isEmpty() ? QString(name + QStringLiteral(" released")) : QString(org + QStringLiteral(" releases ") + name);
        }
        QString clean = simplified(text);
        static const QRegularExpression lead(QStringLiteral(u"^(?:(?:On|In|By|Since|As of)\\s+[^,]{3,30}(?:,\\s*\\d{4})?,\\s*)"));
        clean.remove(lead);
        if (clean.size() > 110)
            clean = clean.left(107).trimmed() + QStringLiteral("...");
        return clean;
    };

    auto add = [&](const Dated &d, int model) {
        Event e;
        e.date = d.date;
        e.dateEnd = d.end;
        e.kind = kind;
        e.relative = d.relative;
        e.quote = s.range;
        if (model >= 0)
            e.entities.push_back(model);
        for (const Hit &h : inS)
            if (h.entity != model && kindOf(h.entity) != EntityKind::Benchmark
                && std::find(e.entities.begin(), e.entities.end(), h.entity) == e.entities.end()
                && (kind != u"release" || kindOf(h.entity) != EntityKind::Model))
                e.entities.push_back(h.entity);
        e.title = title(kind, model);
        if (kind == u"release")
            e.openness = QStringLiteral("unknown");
        for (const Event &o : out.events)
            if (o.kind == e.kind && o.date == e.date
                && (o.entities == e.entities || (model >= 0 && !o.entities.empty() && o.entities.front() == model)))
                return;
        if (kind == u"release" && model >= 0) {
            if (!m_releases.contains(model))
                m_releases.insert(model, e.date);
            addAttribute(model, QStringLiteral("released"), e.date.toIso(), s.range);
        }
        out.events.push_back(std::move(e));
    };

    if (kind == u"release") {
        if (models.empty() && m_contextModel >= 0)
            add(resolved.front(), m_contextModel);
        else if (models.size() > 1 && models.size() == resolved.size())
            for (size_t i = 0; i < models.size(); ++i)
                add(resolved[i], models[i]->entity); // "Llama 2 and Llama 3, released in 2023 and 2024"
        else if (!models.empty()) {
            add(resolved.front(), models.front()->entity);
            // "releasing gpt-oss-120b and gpt-oss-20b under Apache 2.0": one date, the models coordinated.
            for (size_t i = 1; i < models.size(); ++i) {
                if (!isCoordination(QStringView(t).mid(models[i - 1]->range.end, models[i]->range.start - models[i - 1]->range.end)))
                    break;
                add(resolved.front(), models[i]->entity);
            }
        }
        return;
    }
    add(resolved.front(), -1);
}

/// A release the text announces without a date, as the source's own news:
/// "we are open-sourcing Qwen2.5-3B, Qwen2.5-14B and Qwen2.5-32B", "Introducing
/// X", "X is now available", a changelog's "`mistral-large-2402`: our new
/// flagship model". Kept aside; finish() dates it by the document when the
/// text gives the model no dated release.
void DocumentScan::noteAnnouncement(const Sentence &s, const std::vector<Hit> &inS)
{
    if (!m_docDate.isValid() || m_docDate.precision == PartialDate::Precision::Year || s.heading)
        return;
    if (std::none_of(inS.begin(), inS.end(), [&](const Hit &h) { return kindOf(h.entity) == EntityKind::Model && !isFamily(h.entity); }))
        return;
    const QStringView lower = QStringView(lowerText).mid(s.range.start, s.range.length());
    // Every expression below has one of these words: most sentences skip them.
    if (!lower.contains(u"we") && !lower.contains(u"our") && !lower.contains(u"introducing") && !lower.contains(u"now")
        && !lower.contains(u"new"))
        return;
    // First person, present: the source itself releases.
    static const rx::Regex announcing(QStringLiteral(
        u"\\b(?:we(?:'re|’re| are)?\\s+(?:(?:very\\s+)?(?:excited|pleased|proud|happy|thrilled|delighted)\\s+to\\s+)?"
        u"(?:(?:just\\s+|have\\s+|have\\s+just\\s+)?(?:releas(?:e|ed|ing)|launch(?:ed|ing)?|introduc(?:e|ed|ing)|announc(?:e|ing)"
        u"|open[- ]sourc(?:e|ed|ing)|open[- ]weight(?:ed|ing)|unveil(?:ed|ing)?|offer(?:ing)?)"
        u"|(?:mak(?:e|ing)|made)\\s+(?:\\S+\\s+){0,6}?(?:publicly\\s+|openly\\s+)?available)"
        u"|introducing|today,? we)\\b"));
    // Said of the model: "X is now available", "X: our new flagship model", a bullet "X: new model";
    // not "X is now available in vLLM" (a platform supports it).
    static const rx::Regex isNew(QStringLiteral(
        u"\\b(?:(?:is|are)\\s+now\\s+(?:generally\\s+|publicly\\s+)?(?:available|live|open[- ]sourced?)(?!\\s+(?:in|on|via|through|with|from)\\b)"
        u"|our\\s+(?:brand[- ]new|new|newest|latest)\\s+(?:\\S+\\s+){0,2}?(?:models?|series|family)"
        u"|^[^.]{0,80}:\\s+(?:a\\s+)?new\\s+models?\\b)"));
    static const rx::Regex notNow(QStringLiteral(
        R"(\b(?:will|plans?|planned|expected|coming soon|upcoming|would|hopes?|rumou?red|could|%1|might|previous(?:ly)?|last year|earlier)\b)").arg(modalMay()));
    const auto a = rx::match(announcing, lower);
    const auto n = a.hasMatch() ? rx::Match() : rx::match(isNew, lower);
    if ((!a.hasMatch() && !n.hasMatch()) || rx::match(notNow, lower).hasMatch())
        return;
    const qsizetype after = a.hasMatch() ? s.range.start + a.capturedEnd() : s.range.start;
    if (a.hasMatch()) {
        // "We're excited to announce that vLLM now supports X": the news is not X's release.
        static const rx::Regex that(QStringLiteral(R"(^\s*that\b)"));
        static const rx::Regex released(QStringLiteral(R"(\b(?:releas\w*|launch\w*|available|open[- ]sourc\w*|introduc\w*)\b)"));
        const QStringView rest = QStringView(lowerText).mid(after, s.range.end - after);
        if (rx::match(that, rest).hasMatch() && !rx::match(released, rest).hasMatch())
            return;
    }
    int added = 0;
    qsizetype previousEnd = -1;
    for (const Hit &h : inS) {
        if (h.range.start < after || kindOf(h.entity) != EntityKind::Model || isFamily(h.entity))
            continue;
        if (previousEnd >= 0) {
            // "Mistral Large 2 (`mistral-large-2407`)": another name of the model just named.
            const QString gap = doc.text.mid(previousEnd, h.range.start - previousEnd).simplified();
            if (gap == u"(" || gap == u"(`" || gap == u"(aka" || gap == u"(aka `")
                continue;
        }
        previousEnd = h.range.end;
        // Not isObject(): its cues ("including", "for") also introduce the very models announced.
        static const rx::Regex comparing(QStringLiteral(R"(\b(?:than|vs\.?|versus|compared|outperform\w*|beats?|like|over)\s*$)"));
        const qsizetype from = std::max(s.range.start, h.range.start - 24);
        if (rx::match(comparing, QStringView(lowerText).mid(from, h.range.start - from)).hasMatch())
            break; // the models it is measured against
        if (std::none_of(m_announced.begin(), m_announced.end(), [&](const auto &p) { return p.first == h.entity; }))
            m_announced.emplace_back(h.entity, s.range);
        if (++added == 8 || n.hasMatch())
            break; // "X is now available": X only
    }
}

void DocumentScan::finish()
{
    // Releases announced without a date: dated by the document, unless the text dates them.
    for (const auto &[model, quote] : m_announced) {
        if (std::any_of(out.events.begin(), out.events.end(), [&](const Event &e) {
                return e.kind == u"release" && !e.entities.empty() && e.entities.front() == model;
            }))
            continue;
        Event e;
        e.date = m_docDate;
        e.kind = QStringLiteral("release");
        e.relative = true;
        e.quote = quote;
        e.entities.push_back(model);
        e.title = out.entities[static_cast<size_t>(model)].name + QStringLiteral(" released");
        e.openness = QStringLiteral("unknown");
        addAttribute(model, QStringLiteral("released"), e.date.toIso(), quote, -1, QStringLiteral("the source's date"));
        out.events.push_back(std::move(e));
    }
    // A release's openness: what this source says of the model, else unknown (the library fills it from others).
    for (Event &e : out.events) {
        if (e.kind != u"release" || e.entities.empty())
            continue;
        QString openness;
        for (const Attribute &a : out.attributes)
            if (a.subject == e.entities.front() && a.attribute == u"openness") {
                if (openness.isEmpty() || a.note.isEmpty())
                    openness = a.value;
            }
        if (!openness.isEmpty())
            e.openness = openness;
    }
}

} // namespace sextant::extract
