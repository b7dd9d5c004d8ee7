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

int Extractor::version() { return 2; }

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
    if (token.isEmpty() || token.size() > 48)
        return -1;
    // Lowered into a buffer on the stack: called for every word of every document.
    char16_t buffer[48];
    for (qsizetype k = 0; k < token.size(); ++k) {
        const char16_t u = token[k].unicode();
        buffer[k] = u < 128 ? (u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u) : token[k].toLower().unicode();
    }
    const QString lower = QString::fromRawData(reinterpret_cast<const QChar *>(buffer), token.size());
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
