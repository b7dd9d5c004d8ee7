#include "extract/KnowledgePack.h"

#include "common/Logging.h"
#include "extract/Extraction.h"

#include <QFile>

namespace sextant::extract {

namespace {
/// Non-comment lines split at tabs, with their 1-based line numbers.
template <typename F>
bool forEachRow(QByteArrayView tsv, F &&row)
{
    int lineNo = 0;
    for (QByteArrayView line : QByteArray::fromRawData(tsv.data(), tsv.size()).split('\n')) {
        ++lineNo;
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QStringList cols = QString::fromUtf8(line).split(u'\t');
        if (!row(cols, lineNo))
            return false;
    }
    return true;
}
} // namespace

Result<KnowledgePack> KnowledgePack::parse(QByteArrayView entitiesTsv, QByteArrayView factsTsv)
{
    KnowledgePack pack;
    QString problem;
    const bool ok = forEachRow(entitiesTsv, [&](const QStringList &c, int line) {
        if (c.size() < 3 || c[0].isEmpty() || c[2].isEmpty()) {
            problem = QStringLiteral("entities line %1: expected id, kind, name").arg(line);
            return false;
        }
        PackEntity e;
        e.id = c[0];
        e.kind = entityKindFromName(c[1]);
        e.name = c[2];
        if (c.size() > 3 && !c[3].isEmpty())
            e.aliases = c[3].split(u'|', Qt::SkipEmptyParts);
        const QStringList flags = c.size() > 4 ? c[4].split(u',') : QStringList();
        e.caseSensitive = flags.contains(QStringLiteral("cs"));
        e.family = flags.contains(QStringLiteral("family"));
        pack.m_byId.insert(e.id, static_cast<int>(pack.m_entities.size()));
        pack.m_entities.push_back(std::move(e));
        return true;
    });
    if (!ok)
        return fail(ErrorCode::Corrupt, QStringLiteral("knowledge pack: ") + problem);
    for (size_t i = 0; i < pack.m_entities.size(); ++i) {
        const PackEntity &e = pack.m_entities[i];
        auto add = [&](const QString &name) {
            const QString folded = foldName(name);
            if (folded.size() < 4)
                return;
            const auto it = pack.m_byFolded.constFind(folded);
            if (it == pack.m_byFolded.constEnd())
                pack.m_byFolded.insert(folded, int(i));
            else if (*it != int(i))
                pack.m_byFolded[folded] = -1;
        };
        add(e.name);
        for (const QString &a : e.aliases)
            add(a);
    }
    const bool factsOk = forEachRow(factsTsv, [&](const QStringList &c, int line) {
        const int entity = c.isEmpty() ? -1 : pack.m_byId.value(c[0], -1);
        if (c.size() < 4 || entity < 0) {
            problem = QStringLiteral("facts line %1: expected a known entity, attribute, value, reference").arg(line);
            return false;
        }
        pack.m_factsByEntity[entity].push_back(static_cast<int>(pack.m_facts.size()));
        pack.m_facts.push_back(PackFact{entity, c[1], c[2], c[3]});
        return true;
    });
    if (!factsOk)
        return fail(ErrorCode::Corrupt, QStringLiteral("knowledge pack: ") + problem);
    return pack;
}

const KnowledgePack &KnowledgePack::builtin()
{
    static const KnowledgePack pack = [] {
        auto read = [](const char *path) {
            QFile f(QString::fromLatin1(path));
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        auto parsed = parse(read(":/knowledge/entities.tsv"), read(":/knowledge/facts.tsv"));
        if (!parsed) {
            // A broken built-in pack is a build defect; extraction goes on without it.
            qCWarning(lcIngest) << parsed.error().message;
            return KnowledgePack();
        }
        return std::move(*parsed);
    }();
    return pack;
}

int KnowledgePack::indexOfFolded(QStringView name) const { return m_byFolded.value(foldName(name), -1); }

std::vector<const PackFact *> KnowledgePack::factsAbout(int entity) const
{
    std::vector<const PackFact *> out;
    for (int i : m_factsByEntity.value(entity))
        out.push_back(&m_facts[static_cast<size_t>(i)]);
    return out;
}

} // namespace sextant::extract
