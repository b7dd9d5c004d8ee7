// Tokens, numbers and the grammar of model names.

#include "extract/Extractor.h"
#include "extract/TextScan.h"

#include "extract/WordMap.h"

namespace sextant::extract {

namespace {

bool isTokenChar(QChar c) { return c.isLetterOrNumber(); }

bool isGapSeparator(QStringView gap)
{
    if (gap.isEmpty())
        return true;
    if (gap.size() > 1)
        return false;
    const QChar c = gap[0];
    return c == u' ' || c == u'-' || c == u'_' || c == u'\u00a0' || c == u'\u2011';
}

const WordMap &tierWords()
{
    static const WordMap words = [] {
        WordMap w;
        for (const char16_t *word :
             {u"pro", u"plus", u"max", u"mini", u"nano", u"flash", u"lite", u"ultra", u"turbo", u"opus", u"sonnet", u"haiku",
              u"scout", u"maverick", u"behemoth", u"instruct", u"chat", u"base", u"coder", u"vision", u"vl", u"omni", u"small",
              u"medium", u"large", u"deep", u"think", u"thinking", u"reasoner", u"distill", u"preview", u"exp", u"air", u"next",
              u"spark", u"oss", u"it", u"hf", u"heavy", u"fast", u"edge", u"math", u"audio", u"moe", u"express", u"sft", u"rl",
              u"dpo", u"experimental", u"ins", u"inst", u"instant"})
            w.insert(QStringView(word), 1);
        return w;
    }();
    return words;
}

const WordMap &variantWords()
{
    static const WordMap words = [] {
        WordMap w;
        for (const char16_t *word : {u"instruct", u"chat", u"base", u"it", u"hf", u"sft", u"dpo", u"rl", u"ins", u"inst"})
            w.insert(QStringView(word), 1);
        return w;
    }();
    return words;
}

bool allDigits(QStringView t)
{
    for (const QChar c : t)
        if (!c.isDigit())
            return false;
    return !t.isEmpty();
}

/// 7B, 1.6T, 8x7B, 17Bx128E, A22B, E4B
bool isSize(QStringView t)
{
    qsizetype i = 0;
    if (!t.isEmpty() && (t[0] == u'A' || t[0] == u'a' || t[0] == u'E' || t[0] == u'e') && t.size() > 2 && t[1].isDigit())
        i = 1;
    const qsizetype digitsStart = i;
    while (i < t.size() && (t[i].isDigit() || t[i] == u'.'))
        ++i;
    if (i == digitsStart || i >= t.size())
        return false;
    if (t[i] == u'x' || t[i] == u'X') { // 8x7B
        ++i;
        const qsizetype s = i;
        while (i < t.size() && (t[i].isDigit() || t[i] == u'.'))
            ++i;
        if (i == s || i >= t.size())
            return false;
    }
    const QChar unit = t[i].toUpper();
    if (unit != u'B' && unit != u'M' && unit != u'T')
        return false;
    ++i;
    if (i == t.size())
        return true;
    // 17Bx128E
    if (t[i] != u'x' && t[i] != u'X')
        return false;
    ++i;
    const qsizetype s = i;
    while (i < t.size() && t[i].isDigit())
        ++i;
    return i > s && i + 1 == t.size() && (t[i] == u'E' || t[i] == u'e');
}

/// 4, 3.5, 4o, V2.5, K2.6, R1, 4.1
bool isVersion(QStringView t)
{
    qsizetype i = 0;
    if (t.size() > 1 && (t[0] == u'V' || t[0] == u'v' || t[0] == u'K' || t[0] == u'k' || t[0] == u'R' || t[0] == u'r'
                         || t[0] == u'M' || t[0] == u'o')
        && t[1].isDigit())
        i = 1;
    const qsizetype s = i;
    while (i < t.size() && (t[i].isDigit() || t[i] == u'.'))
        ++i;
    if (i == s || t[i - 1] == u'.')
        return false;
    const QStringView digits = t.mid(s, i - s);
    if (digits.size() >= 4 && !digits.contains(u'.'))
        return false; // a year or a count, not a version
    if (i == t.size())
        return true;
    return i + 1 == t.size() && t[i].isLower() && t[i] != u'b' && t[i] != u'm' && t[i] != u't';
}

/// A context length inside a name: 128K, 4k, 32K (never the name's first token)
bool isContextLength(QStringView t)
{
    if (t.size() < 2 || t.size() > 5 || (t.back() != u'k' && t.back() != u'K'))
        return false;
    return allDigits(t.first(t.size() - 1));
}

/// A snapshot after a version or a tier word: 0513, 0613 (MMDD); 2411, 2507 (YYMM)
bool isSnapshot(QStringView t)
{
    if (t.size() != 4 || !allDigits(t))
        return false;
    const int a = t.left(2).toInt();
    const int b = t.mid(2).toInt();
    return (a >= 1 && a <= 12 && b >= 1 && b <= 31) || (a >= 20 && a <= 39 && b >= 1 && b <= 12);
}

/// A snapshot written as a date after a hyphen: "GPT-4o-2024-08-06" (tokens j, j+1, j+2)
bool isDateSnapshot(QStringView text, const std::vector<Token> &toks, size_t j)
{
    if (j + 2 >= toks.size() || toks[j].start == 0 || text[toks[j].start - 1] != u'-')
        return false;
    auto part = [&](size_t k) { return text.mid(toks[k].start, toks[k].end - toks[k].start); };
    auto hyphenBefore = [&](size_t k) { return toks[k].start == toks[k - 1].end + 1 && text[toks[k - 1].end] == u'-'; };
    const QStringView y = part(j), m = part(j + 1), d = part(j + 2);
    if (y.size() != 4 || m.size() != 2 || d.size() != 2 || !allDigits(y) || !allDigits(m) || !allDigits(d)
        || !hyphenBefore(j + 1) || !hyphenBefore(j + 2))
        return false;
    const int year = y.toInt(), month = m.toInt(), day = d.toInt();
    return year >= 2020 && year <= 2039 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool startsUpper(QStringView t) { return !t.isEmpty() && (t[0].isUpper() || t[0].isDigit()); }

/// A capitalized word that may name a line of models within a family ("Expanse", "Guard"): letters
/// only, not a tier word, not a month or a weekday ("Qwen May 5" is a date), not a word of a
/// sentence ("Llama Has 8B").
bool isSubBrand(QStringView t)
{
    if (t.size() < 3 || !t[0].isUpper() || tierWords().contains(t))
        return false;
    for (const QChar c : t)
        if (!c.isLetter())
            return false;
    static const WordMap notNames = [] {
        WordMap w;
        for (const char16_t *word : {u"january", u"february", u"march", u"april", u"may", u"june", u"july", u"august",
                                     u"september", u"october", u"november", u"december", u"jan", u"feb", u"mar", u"apr",
                                     u"jun", u"jul", u"aug", u"sep", u"sept", u"oct", u"nov", u"dec", u"monday", u"tuesday",
                                     u"wednesday", u"thursday", u"friday", u"saturday", u"sunday", u"version", u"and", u"the",
                                     u"with", u"for", u"from", u"has", u"was", u"is", u"are", u"had", u"scored", u"scores"})
            w.insert(QStringView(word), 1);
        return w;
    }();
    return !notNames.contains(t);
}

} // namespace

std::vector<Token> tokenize(QStringView text)
{
    std::vector<Token> out;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        if (!isTokenChar(text[i])) {
            ++i;
            continue;
        }
        const qsizetype s = i;
        while (i < n) {
            if (isTokenChar(text[i])) {
                ++i;
            } else if (text[i] == u'.' && i + 1 < n && text[i + 1].isDigit() && i > s && text[i - 1].isLetterOrNumber()) {
                ++i; // 3.6, V2.5
            } else if (text[i] == u'+' && (i + 1 == n || !isTokenChar(text[i + 1]))) {
                ++i; // R+, 1T+
                break;
            } else {
                break;
            }
        }
        out.push_back({s, i});
    }
    return out;
}

namespace {

struct GrammarResult {
    qsizetype end = -1;
    qsizetype coreEnd = -1;
    bool hasVersion = false;
    int tiers = 0;
};

/// Extends a name from token `first` (already accepted as its head).
GrammarResult extend(const Extractor &x, QStringView text, const std::vector<Token> &toks, size_t first,
                     bool headHasVersion)
{
    GrammarResult r;
    r.end = toks[first].end;
    r.coreEnd = r.end;
    r.hasVersion = headHasVersion;
    bool afterDistill = false;
    bool variant = false;
    bool previousWasVersion = headHasVersion;
    for (size_t j = first + 1; j < toks.size(); ++j) {
        const QStringView gap = text.mid(toks[j - 1].end, toks[j].start - toks[j - 1].end);
        if (!isGapSeparator(gap))
            break;
        const QStringView t = text.mid(toks[j].start, toks[j].end - toks[j].start);
        bool ok = false;
        bool isVariant = false;
        if (isSize(t)) {
            ok = true;
            r.hasVersion = true;
        } else if (isVersion(t)) {
            ok = true;
            r.hasVersion = true;
        } else if ((r.hasVersion || r.tiers > 0) && isContextLength(t)) {
            ok = true; // "Phi-3-mini-128k-instruct"
        } else if ((previousWasVersion || r.tiers > 0) && isDateSnapshot(text, toks, j)) {
            ok = true;
            isVariant = true;
            j += 2; // the month and the day
        } else if ((previousWasVersion || r.tiers > 0) && isSnapshot(t)) {
            ok = true;
            isVariant = true;
        } else if (t.size() > 1 && tierWords().contains(t)) {
            // A tier word is part of the name when written as a name is ("Pro", "pro" after a hyphen).
            ok = startsUpper(t) || gap == u"-" || gap.isEmpty();
            if (ok) {
                ++r.tiers;
                isVariant = variantWords().contains(t);
                afterDistill = t.compare(u"distill", Qt::CaseInsensitive) == 0;
            }
        } else if (afterDistill && x.family(t) >= 0) {
            ok = true;
        } else if (j == first + 1 && !headHasVersion && isSubBrand(t) && j + 1 < toks.size()
                   && isGapSeparator(text.mid(toks[j].end, toks[j + 1].start - toks[j].end))) {
            // A line's own word between the family and its size or version: "Aya Expanse 32B",
            // "Llama Guard 3", "Mistral Saba 24B"; never alone ("Gemma Scope" is not read as a name).
            const QStringView next = text.mid(toks[j + 1].start, toks[j + 1].end - toks[j + 1].start);
            ok = isSize(next) || isVersion(next);
        }
        if (!ok)
            break;
        previousWasVersion = isVersion(t);
        r.end = toks[j].end;
        if (isVariant)
            variant = true;
        else if (!variant)
            r.coreEnd = r.end;
    }
    // A size note in brackets: "Llama 4 Maverick (17Bx128E)".
    if (r.end < text.size() && r.hasVersion) {
        qsizetype p = r.end;
        if (p < text.size() && text[p] == u' ')
            ++p;
        if (p < text.size() && text[p] == u'(') {
            const qsizetype close = text.indexOf(u')', p);
            if (close > p + 1 && close - p < 24 && isSize(text.mid(p + 1, close - p - 1)))
                r.end = close + 1;
        }
    }
    return r;
}

/// A capitalized word of letters, then a hyphen and a size ("Ember-7B"): the head of a model's
/// name though no pack knows the word. Not a word that heads anything ("Model-7B", "Top-1B").
bool isShapedHead(QStringView text, const std::vector<Token> &toks, size_t i)
{
    const QStringView t = text.mid(toks[i].start, toks[i].end - toks[i].start);
    if (t.size() < 3 || !t[0].isUpper() || i + 1 >= toks.size() || toks[i + 1].start != toks[i].end + 1 || text[toks[i].end] != u'-')
        return false;
    for (const QChar c : t)
        if (!c.isLetter())
            return false;
    static const WordMap generic = [] {
        WordMap w;
        for (const char16_t *word : {u"model", u"models", u"version", u"top", u"series", u"table", u"figure", u"type", u"class",
                                     u"level", u"tier", u"size", u"base", u"phase", u"stage", u"group", u"team", u"part",
                                     u"chapter", u"section", u"step", u"round", u"batch", u"layer", u"block", u"token", u"tokens",
                                     u"moe", u"dense", u"expert", u"experts"})
            w.insert(QStringView(word), 1);
        return w;
    }();
    if (generic.contains(t))
        return false;
    // The size may come after versions and tier words, all joined by hyphens: "Tianmu-2-7B", "Corvid-3.1-mini-8B".
    for (size_t k = i + 1; k < toks.size() && k <= i + 4; ++k) {
        if (toks[k].start != toks[k - 1].end + 1 || text[toks[k - 1].end] != u'-')
            return false;
        const QStringView part = text.mid(toks[k].start, toks[k].end - toks[k].start);
        if (isSize(part))
            return true;
        if (!isVersion(part) && !tierWords().contains(part))
            return false;
    }
    return false;
}

/// "Llama 2-7|13|70B", "Qwen2.5-7/72B": one name with several sizes, the unit written once, after
/// the last. `name` ends in a bare number (token `last`); when such a list follows, every size is
/// added to `out` as a name of its own, spelled whole, and the index of the list's last token is
/// returned; else `last`.
size_t sharedSizes(QStringView text, const std::vector<Token> &toks, size_t first, size_t last, const NameMatch &name,
                   std::vector<NameMatch> &out)
{
    auto tok = [&](size_t k) { return text.mid(toks[k].start, toks[k].end - toks[k].start); };
    auto number = [](QStringView t) {
        bool dot = false;
        for (qsizetype i = 0; i < t.size(); ++i) {
            if (t[i] == u'.' && !dot && i > 0 && i + 1 < t.size())
                dot = true;
            else if (!t[i].isDigit())
                return false;
        }
        return !t.isEmpty();
    };
    if (last == first || !number(tok(last)) || last + 1 >= toks.size())
        return last;
    const QChar sep = toks[last].end < text.size() ? text[toks[last].end] : QChar();
    if (sep != u'|' && sep != u'/')
        return last;
    size_t k = last + 1;
    QChar unit;
    for (; k < toks.size(); ++k) {
        if (toks[k].start != toks[k - 1].end + 1 || text[toks[k - 1].end] != sep)
            return last; // the same separator, no spaces
        const QStringView t = tok(k);
        if (number(t))
            continue;
        const QChar u = t.back().toUpper();
        if (t.size() < 2 || !number(t.chopped(1)) || (u != u'B' && u != u'M' && u != u'T'))
            return last;
        unit = t.back();
        break;
    }
    if (k >= toks.size() || k - last > 6)
        return last;
    const QString prefix = text.mid(name.start, toks[last].start - name.start).toString();
    NameMatch head = name;
    head.spelled = text.mid(name.start, name.end - name.start).toString() + unit;
    head.coreEnd = head.end;
    out.push_back(head);
    for (size_t j = last + 1; j <= k; ++j) {
        NameMatch item = name;
        item.start = toks[j].start;
        item.end = toks[j].end;
        item.coreEnd = item.end;
        item.spelled = prefix + tok(j).toString() + (j < k ? QString(unit) : QString());
        out.push_back(item);
    }
    return k;
}

} // namespace

std::vector<NameMatch> findModelNames(const Extractor &x, QStringView text)
{
    std::vector<NameMatch> out;
    const std::vector<Token> toks = tokenize(text);
    for (size_t i = 0; i < toks.size(); ++i) {
        const QStringView t = text.mid(toks[i].start, toks[i].end - toks[i].start);
        if (t.size() < 2 || !t[0].isLetter())
            continue;
        // Not the tail of a compound ("non-Llama") or a path.
        if (toks[i].start > 0) {
            const QChar before = text[toks[i].start - 1];
            if (before == u'/') {
                // A repository id names a model ("Qwen/Qwen3-Next-80B-A3B-Instruct"); a URL's path does not.
                qsizetype j = toks[i].start - 1;
                while (j > 0 && (text[j - 1].isLetterOrNumber() || text[j - 1] == u'-' || text[j - 1] == u'_'))
                    --j;
                const bool owner = j < toks[i].start - 1 && (j == 0 || text[j - 1].isSpace() || text[j - 1] == u'`'
                                                               || text[j - 1] == u'"' || text[j - 1] == u'\'' || text[j - 1] == u'(');
                if (!owner)
                    continue;
            } else if (before == u'@' || before == u'.' || before == u'_') {
                continue;
            }
            // "open-mistral-7b" is an API id: its model is "mistral-7b"; "non-Llama" names none.
            if (before == u'-' && toks[i].start > 1 && text[toks[i].start - 2].isLetterOrNumber()
                && !(i > 0 && text.mid(toks[i - 1].start, toks[i - 1].end - toks[i - 1].start) == u"open"
                     && toks[i - 1].end == toks[i].start - 1
                     && (toks[i - 1].start == 0 || !text[toks[i - 1].start - 1].isLetterOrNumber())))
                continue;
        }
        qsizetype prefix = 0;
        const int fam = x.family(t, &prefix);
        // OpenAI's reasoning models are named by a letter and a digit, with no family word before
        // them: "o1-1217", "o3-pro", "o1-2024-12-17" (never "o1" alone: the matcher's business).
        const bool oSeries = fam < 0 && t.size() == 2 && t[0] == u'o' && t[1].isDigit() && t[1] != u'0';
        // A word no pack knows, a hyphen and a size is a model's name by its shape: "Ember-7B",
        // "Orca-13B-Instruct".
        const bool sized = fam < 0 && !oSeries && isShapedHead(text, toks, i);
        if (fam < 0 && !oSeries && !sized)
            continue;
        // "DeepSeek's V4", "Mistral's Medium 3": a maker that names its line, then the model's own words.
        if (fam >= 0 && startsUpper(t) && prefix == t.size() && i + 2 < toks.size() && toks[i + 1].end - toks[i + 1].start == 1
            && (text.mid(toks[i].end, 3) == u"'s " || text.mid(toks[i].end, 3) == u"\u2019s ") && toks[i + 2].start == toks[i].end + 3) {
            const QStringView next = text.mid(toks[i + 2].start, toks[i + 2].end - toks[i + 2].start);
            if (isVersion(next) || (tierWords().contains(next) && startsUpper(next))) {
                const GrammarResult g = extend(x, text, toks, i + 2, isVersion(next));
                if (g.hasVersion) {
                    NameMatch m;
                    m.start = toks[i].start;
                    m.end = g.end;
                    m.coreEnd = g.end;
                    m.family = fam;
                    m.confidence = 0.8;
                    m.spelled = t.toString() + u' ' + text.mid(toks[i + 2].start, g.end - toks[i + 2].start).toString();
                    out.push_back(m);
                    while (i + 1 < toks.size() && toks[i + 1].start < m.end)
                        ++i;
                    continue;
                }
            }
        }
        const bool glued = oSeries || prefix < t.size(); // "Qwen2.5"
        if (!startsUpper(t) && !glued) {
            // lower case ("gpt-oss-120b", "llama-3.1-8b") only with a version or size after a hyphen
            if (i + 1 >= toks.size() || text.mid(toks[i].end, toks[i + 1].start - toks[i].end) != u"-")
                continue;
        }
        const GrammarResult g = extend(x, text, toks, i, glued);
        if ((!g.hasVersion && g.tiers == 0) || (oSeries && g.end == toks[i].end))
            continue; // the family alone, "o1" alone: the matcher's business
        // Without a version, a tier makes a name when capitalized ("Mistral Medium") or in a lower-case
        // id ("mistral-medium", "gemini-pro").
        if (!g.hasVersion && !startsUpper(text.mid(toks[i + 1].start))
            && !(!startsUpper(t) && text.mid(toks[i].end, toks[i + 1].start - toks[i].end) == u"-"))
            continue;
        NameMatch m;
        m.start = toks[i].start;
        m.end = g.end;
        m.coreEnd = g.coreEnd;
        m.family = fam;
        m.confidence = sized ? 0.8 : g.hasVersion ? 0.9 : 0.6;
        size_t last = i;
        while (last + 1 < toks.size() && toks[last + 1].end <= m.end)
            ++last;
        if (const size_t shared = sharedSizes(text, toks, i, last, m, out); shared > last) {
            i = shared;
            continue;
        }
        out.push_back(m);
        while (i + 1 < toks.size() && toks[i + 1].start < m.end)
            ++i;
    }
    return out;
}

qsizetype modelNameEnd(const Extractor &x, QStringView text, bool requireFamily)
{
    const std::vector<Token> toks = tokenize(text);
    if (toks.empty() || toks[0].start != 0)
        return -1;
    const QStringView head = text.mid(0, toks[0].end);
    qsizetype prefix = 0;
    const int fam = x.family(head, &prefix);
    if (requireFamily && fam < 0)
        return -1;
    const bool headIsNamePart = isVersion(head) || isSize(head) || tierWords().contains(head);
    if (fam < 0 && !headIsNamePart && !startsUpper(head))
        return -1;
    const bool glued = fam >= 0 && prefix < head.size(); // "Qwen2.5"
    const GrammarResult g = extend(x, text, toks, 0, isVersion(head) || isSize(head) || glued);
    if (!g.hasVersion && g.tiers == 0)
        return -1;
    return g.end;
}

bool isSizeToken(QStringView token) { return isSize(token); }

qsizetype repoOwnerEnd(QStringView text)
{
    const qsizetype slash = text.indexOf(u'/');
    if (slash <= 0 || slash + 1 >= text.size() || !text[0].isLetterOrNumber() || !text[slash + 1].isLetter())
        return 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (i != slash && !(c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u'.'))
            return 0; // a space, a second slash, anything else
    }
    // Two names paired by a slash are not a repository: "GPT-4/GPT-4o" (the owner ends in a
    // version or size), "Claude/Gemini" (a repository's name has a digit or a dash).
    const QStringView owner = text.first(slash);
    const QStringView last = owner.mid(std::max(owner.lastIndexOf(u'-'), owner.lastIndexOf(u'_')) + 1);
    if (last.isEmpty() || last[0].isDigit() || isSize(last))
        return 0;
    const QStringView name = text.mid(slash + 1);
    if (!std::any_of(name.begin(), name.end(), [](QChar c) { return c.isDigit() || c == u'-'; }))
        return 0;
    return slash;
}

bool isNameTail(QStringView token)
{
    return isVersion(token) || isSize(token) || tierWords().contains(token);
}

namespace {

/// The length of a coordinator at text[at]: ", ", " and ", " or ", " & ", "/", ", and "; 0 when none.
qsizetype coordinatorAt(QStringView text, qsizetype at)
{
    static const char16_t *const forms[] = {u", and ", u", or ", u" and ", u" or ", u" & ", u", ", u" / ", u"/"};
    for (const char16_t *f : forms) {
        const QStringView form(f);
        if (text.mid(at, form.size()) == form)
            return form.size();
    }
    return 0;
}

/// Words after which a tier word names a plan or a mode, not a model: "Plus and Pro users".
bool endsCoordination(QStringView word)
{
    static const WordMap words = [] {
        WordMap w;
        for (const char16_t *t : {u"user", u"users", u"subscriber", u"subscribers", u"subscription", u"subscriptions", u"plan",
                                  u"plans", u"tier", u"tiers", u"mode", u"modes", u"customer", u"customers", u"account",
                                  u"accounts", u"member", u"members", u"version", u"versions", u"edition", u"editions"})
            w.insert(QStringView(t), 1);
        return w;
    }();
    return words.contains(word);
}

} // namespace

std::vector<CoordinatedName> coordinatedNames(const Extractor &x, QStringView text, qsizetype nameStart, qsizetype nameEnd)
{
    std::vector<CoordinatedName> out;
    const QStringView name = text.mid(nameStart, nameEnd - nameStart);
    const std::vector<Token> toks = tokenize(name);
    // The part the items replace: the name's first tier word after its head ("Scout" in "Llama 4 Scout",
    // "Opus" in "Claude Opus 4"), or else a final size ("8B" in "Llama 3.1 8B and 70B").
    size_t tier = 1;
    while (tier < toks.size() && !tierWords().contains(name.mid(toks[tier].start, toks[tier].end - toks[tier].start)))
        ++tier;
    bool sizes = false;
    if (tier >= toks.size()) {
        if (toks.size() < 2 || toks.back().end != name.size() || !isSize(name.mid(toks.back().start)))
            return out;
        tier = toks.size() - 1;
        sizes = true;
    }
    const QStringView firstTier = name.mid(toks[tier].start, toks[tier].end - toks[tier].start);
    const bool upper = firstTier[0].isUpper();
    QString prefix = name.left(toks[tier].start).toString();
    if (prefix.endsWith(u'-'))
        prefix[prefix.size() - 1] = u' ';
    else if (!prefix.endsWith(u' '))
        prefix += u' ';

    qsizetype at = nameEnd;
    for (int items = 0; items < 4; ++items) {
        const qsizetype gap = coordinatorAt(text, at);
        if (gap == 0)
            break;
        const qsizetype start = at + gap;
        qsizetype wordEnd = start;
        while (wordEnd < text.size() && text[wordEnd].isLetterOrNumber())
            ++wordEnd;
        const QStringView word = text.mid(start, wordEnd - start);
        if (sizes) {
            if (!isSize(word))
                break;
        } else if (word.size() < 2 || !tierWords().contains(word) || word[0].isUpper() != upper) {
            break;
        }
        if (x.family(word) >= 0)
            break; // a family of its own
        qsizetype end = sizes ? -1 : modelNameEnd(x, text.mid(start, std::min<qsizetype>(80, text.size() - start)), false);
        end = end > 0 ? start + end : wordEnd;
        // What follows must not make the item a plan or a mode: "Pro users", "Thinking mode".
        qsizetype next = end;
        while (next < text.size() && text[next] == u' ')
            ++next;
        qsizetype nextEnd = next;
        while (nextEnd < text.size() && text[nextEnd].isLetter())
            ++nextEnd;
        if (nextEnd > next && endsCoordination(text.mid(next, nextEnd - next)))
            break;
        out.push_back({start, end, prefix + text.mid(start, end - start).toString()});
        at = end;
    }
    return out;
}

} // namespace sextant::extract
