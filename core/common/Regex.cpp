#include "common/Regex.h"

#define PCRE2_CODE_UNIT_WIDTH 16
#include <pcre2.h>

#include <QtGlobal>

namespace sextant::rx {

namespace {

pcre2_code_16 *code(void *p) { return static_cast<pcre2_code_16 *>(p); }

uint32_t pcreOptions(QRegularExpression::PatternOptions o)
{
    uint32_t out = PCRE2_UTF;
    if (o & QRegularExpression::CaseInsensitiveOption)
        out |= PCRE2_CASELESS;
    if (o & QRegularExpression::DotMatchesEverythingOption)
        out |= PCRE2_DOTALL;
    if (o & QRegularExpression::MultilineOption)
        out |= PCRE2_MULTILINE;
    if (o & QRegularExpression::ExtendedPatternSyntaxOption)
        out |= PCRE2_EXTENDED;
    if (o & QRegularExpression::InvertedGreedinessOption)
        out |= PCRE2_UNGREEDY;
    if (o & QRegularExpression::DontCaptureOption)
        out |= PCRE2_NO_AUTO_CAPTURE;
    if (o & QRegularExpression::UseUnicodePropertiesOption)
        out |= PCRE2_UCP;
    return out;
}

/// What one thread reuses from match to match: the match data (grown to the largest pattern it
/// has seen) and, once a pattern has needed more than the JIT's default 32 KB stack, a larger one.
struct ThreadState {
    pcre2_match_data_16 *data = nullptr;
    uint32_t pairs = 0;
    pcre2_match_context_16 *context = nullptr;
    pcre2_jit_stack_16 *stack = nullptr;

    ThreadState() = default;
    ThreadState(const ThreadState &) = delete;
    ThreadState &operator=(const ThreadState &) = delete;
    ~ThreadState()
    {
        pcre2_match_data_free_16(data);
        pcre2_match_context_free_16(context);
        pcre2_jit_stack_free_16(stack);
    }

    pcre2_match_data_16 *dataFor(int captures)
    {
        const uint32_t want = uint32_t(captures) + 1;
        if (want > pairs) {
            pcre2_match_data_free_16(data);
            pairs = std::max<uint32_t>(want, 32);
            data = pcre2_match_data_create_16(pairs, nullptr);
        }
        return data;
    }

    /// A match context with a JIT stack of up to 512 KB, as QRegularExpression falls back to.
    pcre2_match_context_16 *largeStack()
    {
        if (!context) {
            context = pcre2_match_context_create_16(nullptr);
            stack = pcre2_jit_stack_create_16(32 * 1024, 512 * 1024, nullptr);
            pcre2_jit_stack_assign_16(context, nullptr, stack);
        }
        return context;
    }
};

thread_local ThreadState t_state;

const char16_t kEmpty[] = u"";

} // namespace

Regex::Regex(const QString &pattern, QRegularExpression::PatternOptions options) : m_pattern(pattern)
{
    int error = 0;
    PCRE2_SIZE errorOffset = 0;
    pcre2_code_16 *c = pcre2_compile_16(reinterpret_cast<PCRE2_SPTR16>(pattern.utf16()), PCRE2_SIZE(pattern.size()),
                                        pcreOptions(options), &error, &errorOffset, nullptr);
    if (!c) {
        PCRE2_UCHAR16 buffer[256];
        const int n = pcre2_get_error_message_16(error, buffer, 256);
        m_error = QStringLiteral("%1 at offset %2")
                      .arg(QString::fromUtf16(reinterpret_cast<const char16_t *>(buffer), n > 0 ? n : 0))
                      .arg(errorOffset);
        qWarning("rx::Regex: invalid pattern '%ls': %ls", qUtf16Printable(pattern), qUtf16Printable(m_error));
        return;
    }
    // Without JIT (a build of PCRE2 without it, or no executable memory) matching still works,
    // in the interpreter.
    if (pcre2_jit_compile_16(c, PCRE2_JIT_COMPLETE) == 0) {
        size_t jitSize = 0;
        pcre2_pattern_info_16(c, PCRE2_INFO_JITSIZE, &jitSize);
        m_jit = jitSize > 0;
    }
    m_code = c;
    uint32_t captures = 0;
    pcre2_pattern_info_16(c, PCRE2_INFO_CAPTURECOUNT, &captures);
    m_captures = int(captures);
    uint32_t count = 0, entrySize = 0;
    PCRE2_SPTR16 table = nullptr;
    pcre2_pattern_info_16(c, PCRE2_INFO_NAMECOUNT, &count);
    pcre2_pattern_info_16(c, PCRE2_INFO_NAMEENTRYSIZE, &entrySize);
    pcre2_pattern_info_16(c, PCRE2_INFO_NAMETABLE, &table);
    for (uint32_t i = 0; i < count; ++i) {
        const char16_t *entry = reinterpret_cast<const char16_t *>(table) + size_t(i) * entrySize;
        m_names.emplace_back(QString::fromUtf16(entry + 1), int(entry[0]));
    }
}

Regex::~Regex()
{
    pcre2_code_free_16(code(m_code));
}

int Regex::groupIndex(QStringView name) const
{
    for (const auto &[n, index] : m_names)
        if (n == name)
            return index;
    return -1;
}

QStringList Regex::namedCaptureGroups() const
{
    if (!m_code)
        return {};
    QStringList out(m_captures + 1);
    for (const auto &[n, index] : m_names)
        out[index] = n;
    return out;
}

Match matchIn(const Regex &re, const QString *owner, QStringView subject, qsizetype from, unsigned options)
{
    Match m;
    m.m_re = &re;
    if (!re.m_code || from < 0 || from > subject.size())
        return m;
    const char16_t *units = subject.utf16() ? subject.utf16() : kEmpty;
    pcre2_match_data_16 *data = t_state.dataFor(re.m_captures);
    // The JIT's own entry skips the checks pcre2_match makes before it hands over to the JIT; it
    // takes no anchoring option (the interpreter does).
    const bool jit = re.m_jit && options == 0;
    auto run = [&](pcre2_match_context_16 *context) {
        if (jit)
            return pcre2_jit_match_16(code(re.m_code), reinterpret_cast<PCRE2_SPTR16>(units), PCRE2_SIZE(subject.size()),
                                      PCRE2_SIZE(from), 0, data, context);
        return pcre2_match_16(code(re.m_code), reinterpret_cast<PCRE2_SPTR16>(units), PCRE2_SIZE(subject.size()),
                              PCRE2_SIZE(from), options | PCRE2_NO_UTF_CHECK, data, context);
    };
    int rc = run(t_state.context);
    if (rc == PCRE2_ERROR_JIT_STACKLIMIT && !t_state.stack)
        rc = run(t_state.largeStack());
    if (rc <= 0)
        return m; // no match, or an error (match limit, JIT stack): no match either way
    const PCRE2_SIZE *ov = pcre2_get_ovector_pointer_16(data);
    m.m_offsets.resize(2 * qsizetype(rc));
    for (qsizetype i = 0; i < 2 * qsizetype(rc); ++i)
        m.m_offsets[i] = ov[i] == PCRE2_UNSET ? qsizetype(-1) : qsizetype(ov[i]);
    for (qsizetype i = 0; i < rc; ++i)
        if (m.m_offsets[2 * i] < 0)
            m.m_offsets[2 * i + 1] = -1;
    if (owner)
        m.m_owner = *owner;
    m.m_subject = subject;
    m.m_matched = true;
    return m;
}

MatchIterator::MatchIterator(const Regex &re, const QString *owner, QStringView subject)
    : m_next(matchIn(re, owner, subject, 0, 0))
{
}

Match MatchIterator::next()
{
    Match current = std::move(m_next);
    m_next = Match();
    if (!current.m_matched)
        return current;
    const Regex &re = *current.m_re;
    const QString *owner = current.m_owner.isNull() ? nullptr : &current.m_owner;
    const QStringView subject = current.m_subject;
    qsizetype from = current.m_offsets[1];
    if (current.m_offsets[0] != current.m_offsets[1]) {
        m_next = matchIn(re, owner, subject, from, 0);
    } else {
        // After an empty match: a non-empty one at the same place, else try again one character on.
        m_next = matchIn(re, owner, subject, from, PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED);
        if (!m_next.m_matched) {
            ++from;
            if (from < subject.size() && QChar::isLowSurrogate(subject[from].unicode()))
                ++from;
            m_next = matchIn(re, owner, subject, from, 0);
        }
    }
    return current;
}

} // namespace sextant::rx
