#pragma once

#include "common/Error.h"
#include "extract/Entity.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <vector>

namespace sextant::extract {

struct PackEntity {
    QString id; ///< stable, e.g. "model:llama-3.1-405b", "org:meta"
    EntityKind kind = EntityKind::Other;
    QString name;
    QStringList aliases;
    bool caseSensitive = false; ///< a common word ("Meta", "Gemini"): match only as written
    bool family = false;        ///< a model family name that versions follow ("Llama" 4)
};

/// A known fact with where it came from. Values that name an entity hold its id.
struct PackFact {
    int entity = -1; ///< index into entities()
    QString attribute; ///< organization, released, license, openness, access, params_total_b, ...
    QString value;
    QString reference;
};

/// Sextant's curated knowledge: canonical entities with aliases and facts,
/// each with a reference (resources/knowledge; see build_pack.py there).
class KnowledgePack {
public:
    /// The pack built into the program, parsed on first use (thread-safe).
    static const KnowledgePack &builtin();
    /// Errors: Corrupt, naming the line.
    static Result<KnowledgePack> parse(QByteArrayView entitiesTsv, QByteArrayView factsTsv);

    [[nodiscard]] const std::vector<PackEntity> &entities() const { return m_entities; }
    [[nodiscard]] const std::vector<PackFact> &facts() const { return m_facts; }
    /// Index of the entity with this id, or -1.
    [[nodiscard]] int indexOf(const QString &id) const { return m_byId.value(id, -1); }
    /// Index of the entity whose name or an alias folds (foldName) as this name does, or -1
    /// (also when two entities fold alike): "AGI Eval" is AGIEval, "BigBench Hard" BIG-Bench Hard.
    [[nodiscard]] int indexOfFolded(QStringView name) const;
    /// The facts about one entity.
    [[nodiscard]] std::vector<const PackFact *> factsAbout(int entity) const;

private:
    std::vector<PackEntity> m_entities;
    std::vector<PackFact> m_facts;
    QHash<QString, int> m_byId;
    QHash<QString, int> m_byFolded; // -1 where ambiguous
    QHash<int, std::vector<int>> m_factsByEntity;
};

} // namespace sextant::extract
