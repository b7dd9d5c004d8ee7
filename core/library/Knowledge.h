#pragma once

#include "common/Error.h"
#include "model/PartialDate.h"
#include "store/Store.h"

#include <QHash>
#include <QMap>
#include <QString>
#include <optional>
#include <vector>

namespace sextant::library {

class Library;

/// Where a value came from: a source (id and quote), the knowledge pack
/// (a reference), or the user.
struct Provenance {
    qint64 source = 0; ///< 0 for the pack and the user
    QString quote;
    qint64 start = 0;
    qint64 length = 0;
    QString reference; ///< the pack's reference, or "user"
};

struct AttributeValue {
    QString value;   ///< canonical: an entity key for organization/license, a number, a date, open/closed
    QString display; ///< as a reader wants it: a name, "more than 9%"
    QString note;
    std::optional<double> low, high;
    Provenance from;
};

struct MentionRef {
    qint64 source = 0;
    qint64 start = 0;
    qint64 length = 0;
};

struct KnownEntity {
    QString key;
    QString name;
    QString kind;
    QString origin; ///< pack, found or user
    double confidence = 1;
    bool confirmed = false;
    QStringList aliases;
    QString variantOf; ///< key
    qint64 mentionCount = 0;
    qint64 sourceCount = 0;
    std::vector<MentionRef> mentions; ///< filled when Options::withMentions
    QMap<QString, std::vector<AttributeValue>> attributes; ///< every value stated, by attribute
    QMap<QString, QString> resolved;                       ///< the value Sextant shows, by attribute
};

struct KnownScore {
    QString model, modelKey, benchmark, benchmarkKey;
    double value = 0;
    QString unit, setting;
    Provenance from;
    QString factSignature;
};

struct KnownEvent {
    model::PartialDate date, end;
    QString kind, title, openness;
    QStringList entityKeys, entityNames;
    std::vector<Provenance> sources;
};

struct Conflict {
    QString subject, subjectKey, attribute;
    std::vector<AttributeValue> values;
};

/// The library's knowledge, corrections applied: entities with attributes,
/// scores, events (one per happening, with every source that reports it) and
/// conflicts. Computed from the store (and the pack) on load; cheap enough
/// for the command line and views, and never written back.
class Knowledge {
public:
    struct Options {
        bool withQuotes = true;      ///< slice quotes from the sources' texts
        bool includeRejected = false;
        bool withMentions = false;   ///< every mention's source and range
    };
    static Result<Knowledge> load(Library &library, const Options &options);
    static Result<Knowledge> load(Library &library) { return load(library, Options{}); }

    std::vector<KnownEntity> entities; ///< sorted by kind, then mentions (most first), then name
    std::vector<KnownScore> scores;
    std::vector<KnownEvent> events; ///< by date
    std::vector<Conflict> conflicts;
    std::vector<store::SourceSummary> sources;

    [[nodiscard]] const KnownEntity *entity(const QString &key) const;
    /// The entity a user names: key, name or alias (case-insensitive); nullptr when none or ambiguous.
    [[nodiscard]] const KnownEntity *find(const QString &nameOrKey) const;

private:
    QHash<QString, int> m_byKey;
};

/// The user's corrections: rename, merge, split, reject-entity, confirm-entity,
/// reject-mention, reject-fact, set, add. Kept in the library, applied by
/// Knowledge::load over whatever extraction found, and undoable. Names are
/// resolved against the current knowledge; errors name what was not found.
struct CorrectionRequest {
    QString action;
    QString entity;  ///< key, name or alias
    QString value;   ///< new name, target entity, attribute, ...
    QString extra;   ///< attribute value, surface to split off, kind, mention position
};
Result<store::CorrectionRow> addCorrection(Library &library, const CorrectionRequest &request);
/// Marks the newest correction in effect as undone (or the newest undone one as redone); nullopt when none.
Result<std::optional<store::CorrectionRow>> undoCorrection(Library &library, bool redo = false);
const QStringList &correctionActions();

/// The attributes the export contract names, in order.
const QStringList &contractAttributes();

} // namespace sextant::library
