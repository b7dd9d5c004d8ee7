#pragma once

#include "extract/Entity.h"
#include "model/Document.h"

#include <QString>
#include <optional>
#include <vector>

namespace sextant::extract {

/// How an entity is known: from the knowledge pack, or found in the text
/// from how names are written or what surrounds them.
enum class Origin : std::uint8_t { Pack, Found };

/// An entity as one document's extraction names it. `key` is the identity
/// across documents: the pack id ("model:gpt-5.4"), or for a found entity
/// its kind and folded name ("model:qwen3.6-plus"), so that two documents
/// finding the same name find the same entity.
struct EntityRef {
    QString key;
    EntityKind kind = EntityKind::Other;
    QString name;
    Origin origin = Origin::Pack;
    double confidence = 1.0;
    QString parent; ///< key of the model this one is a variant of ("GPT-4o 0513" of GPT-4o)
    QString codename; ///< an alias the text ties to it ("codenamed Avocado")
};

struct FoundMention {
    int entity = -1; ///< index into Extraction::entities
    model::TextRange range;
    double confidence = 1.0;
};

/// A benchmark score. The quote is the range of the sentence or table row
/// that states it.
struct Score {
    int model = -1;
    int benchmark = -1;
    double value = 0;
    QString unit;    ///< "%" when written as a percentage, else empty
    QString setting; ///< metric, shots, variant, mode ("5-shot", "Pass@1", "Contemplating")
    model::TextRange quote;
};

/// A dated or undated statement about an entity: organization, license,
/// openness, params_total_b, params_active_b, released, and claims such as
/// age, stock_change_pct, investment_usd_b.
struct Attribute {
    int subject = -1;
    QString attribute;
    QString value;      ///< for organization/license: the entity's key; numbers as written normalized
    int valueEntity = -1;
    std::optional<double> low; ///< numeric claims as an interval ("more than 9%" is (9, inf))
    std::optional<double> high;
    QString note; ///< nuance, e.g. "restricted-use open weights", "MIT-equivalent"
    model::TextRange quote;
};

struct Event {
    model::PartialDate date;
    model::PartialDate dateEnd; ///< a range's end ("April 6-7, 2026"); invalid otherwise
    QString kind;               ///< release, announcement, license_change, acquisition, investment, partnership, report, organization
    QString title;
    std::vector<int> entities;
    QString openness; ///< for releases: open, closed, unknown
    bool relative = false; ///< the date was resolved from a relative expression
    model::TextRange quote;
};

/// What extraction found in one document.
struct Extraction {
    std::vector<EntityRef> entities;
    std::vector<FoundMention> mentions;
    std::vector<Score> scores;
    std::vector<Attribute> attributes;
    std::vector<Event> events;

    /// Index of the entity with this key, adding it when new.
    int intern(const EntityRef &ref);
};

/// Folds a name into the key form: lower case, separators dropped except
/// between two numbers ("Qwen 3.6-Plus", "qwen3.6 plus" -> "qwen3.6plus").
QString foldName(QStringView name);
/// "model:~qwen3.6plus": found entities' keys carry a "~" after the kind,
/// so they never collide with the pack's ids ("model:gpt-5.4").
QString keyFor(EntityKind kind, QStringView name);
QString keyPrefix(EntityKind kind); ///< "model", "org", "bench", "person", "license", "product", "other"

} // namespace sextant::extract
