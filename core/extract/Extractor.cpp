#include "extract/Extractor.h"

#include "extract/DateFinder.h"
#include "extract/TextScan.h"
#include "common/Regex.h"

#include <QRegularExpression>
#include <algorithm>

namespace sextant::extract {

using model::Block;
using model::BlockKind;
using model::PartialDate;
using model::TextRange;

int Extractor::version() { return 8; }

const Extractor &Extractor::builtin()
{
    static const Extractor instance(KnowledgePack::builtin());
    return instance;
}

Extractor::Extractor(const KnowledgePack &pack) : m_pack(&pack), m_matcher(MentionMatcher::fromPack(pack))
{
    const auto &entities = pack.entities();
    for (size_t i = 0; i < entities.size(); ++i)
        if (entities[i].family) {
            m_families.insert(entities[i].name, static_cast<int>(i));
            for (const QString &alias : entities[i].aliases) // "Mistral" for Mistral AI
                if (!alias.contains(u' '))
                    m_families.insert(alias, static_cast<int>(i));
        }
}

int Extractor::family(QStringView token, qsizetype *prefixLength) const
{
    if (token.isEmpty() || token.size() > WordMap::kMaxLength)
        return -1;
    if (const int f = m_families.value(token); f >= 0) {
        if (prefixLength)
            *prefixLength = token.size();
        return f;
    }
    // "Qwen2.5", "GLM4": a family name glued to its version.
    qsizetype i = token.size();
    while (i > 0 && (token[i - 1].isDigit() || token[i - 1] == u'.'))
        --i;
    if (i > 1 && i < token.size() && token[i].isDigit()) {
        if (const int f = m_families.value(token.first(i)); f >= 0) {
            if (prefixLength)
                *prefixLength = i;
            return f;
        }
    }
    return -1;
}

Extraction Extractor::extract(const model::Document &doc) const
{
    // The scan matches without PCRE2's per-match check of the subject (common/Regex.h), so the
    // text it reads must be well-formed UTF-16. A lone surrogate becomes U+FFFD in a copy: the
    // same length, so every offset found still points into the document as stored.
    if (!rx::isWellFormedUtf16(doc.text) || !rx::isWellFormedUtf16(doc.meta.title)) {
        model::Document repaired = doc;
        repaired.text = rx::repairUtf16(doc.text);
        repaired.meta.title = rx::repairUtf16(doc.meta.title);
        DocumentScan scan(*this, repaired);
        return scan.run();
    }
    DocumentScan scan(*this, doc);
    return scan.run();
}

} // namespace sextant::extract
