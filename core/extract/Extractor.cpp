#include "extract/Extractor.h"

#include "extract/DateFinder.h"
#include "extract/TextScan.h"

#include <QRegularExpression>
#include <algorithm>

namespace sextant::extract {

using model::Block;
using model::BlockKind;
using model::PartialDate;
using model::TextRange;

int Extractor::version() { return 1; }

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
            m_families.insert(entities[i].name.toLower(), static_cast<int>(i));
            for (const QString &alias : entities[i].aliases) // "Mistral" for Mistral AI
                if (!alias.contains(u' '))
                    m_families.insert(alias.toLower(), static_cast<int>(i));
        }
}

int Extractor::family(QStringView token, qsizetype *prefixLength) const
{
    if (token.isEmpty())
        return -1;
    const QString lower = token.toString().toLower();
    if (auto it = m_families.constFind(lower); it != m_families.constEnd()) {
        if (prefixLength)
            *prefixLength = token.size();
        return *it;
    }
    // "Qwen2.5", "GLM4": a family name glued to its version.
    qsizetype i = lower.size();
    while (i > 0 && (lower[i - 1].isDigit() || lower[i - 1] == u'.'))
        --i;
    if (i > 1 && i < lower.size() && lower[i].isDigit()) {
        if (auto it = m_families.constFind(lower.left(i)); it != m_families.constEnd()) {
            if (prefixLength)
                *prefixLength = i;
            return *it;
        }
    }
    return -1;
}

Extraction Extractor::extract(const model::Document &doc) const
{
    DocumentScan scan(*this, doc);
    return scan.run();
}

} // namespace sextant::extract
