#include "cli/Output.h"

#include "extract/ExtractionJson.h"
#include "extract/KnowledgePack.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "model/StructureCodec.h"

#include <cstdio>
#include <unistd.h>

namespace sextant::cli {

namespace {

void write(FILE *f, const QString &s)
{
    const QByteArray b = s.toUtf8();
    std::fwrite(b.constData(), 1, static_cast<size_t>(b.size()), f);
}

void printJson(Output &out, const QJsonValue &v)
{
    const QJsonDocument doc = v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
    out.text(QString::fromUtf8(doc.toJson(QJsonDocument::Indented)));
}

QString size(qint64 bytes)
{
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    if (bytes < 1024 * 1024)
        return QStringLiteral("%1 KB").arg(double(bytes) / 1024.0, 0, 'f', 1);
    return QStringLiteral("%1 MB").arg(double(bytes) / 1048576.0, 0, 'f', 1);
}

QString orDash(const QString &s) { return s.isEmpty() ? QStringLiteral("-") : s; }

QString elide(const QString &s, int width)
{
    return s.size() <= width ? s : s.left(width - 1) + QChar(0x2026);
}

QJsonObject summaryJson(const store::SourceSummary &s)
{
    return QJsonObject{{QStringLiteral("id"), s.id},
                       {QStringLiteral("title"), s.title},
                       {QStringLiteral("publisher"), s.publisher},
                       {QStringLiteral("author"), s.author},
                       {QStringLiteral("published"), s.published.toIso()},
                       {QStringLiteral("url"), s.url},
                       {QStringLiteral("format"), model::formatName(s.format)},
                       {QStringLiteral("path"), s.originalPath},
                       {QStringLiteral("bytes"), s.byteSize},
                       {QStringLiteral("versions"), s.versionCount},
                       {QStringLiteral("added"), s.addedAt},
                       {QStringLiteral("updated"), s.updatedAt}};
}

QJsonArray notes(const std::vector<library::FileNote> &list)
{
    QJsonArray a;
    for (const auto &n : list)
        a.append(QJsonObject{{QStringLiteral("path"), n.path}, {QStringLiteral("reason"), n.message}});
    return a;
}

} // namespace

void Output::text(const QString &s)
{
    write(stdout, s);
    std::fflush(stdout);
}
void Output::line(const QString &s) { text(s + u'\n'); }
void Output::error(const QString &s)
{
    write(stderr, QStringLiteral("sextant: ") + s + u'\n');
    std::fflush(stderr);
}
void Output::note(const QString &s)
{
    write(stderr, s);
    std::fflush(stderr);
}
bool Output::stdoutIsTerminal() const { return ::isatty(STDOUT_FILENO); }

void printIngestSummary(Output &out, const library::IngestSummary &s, bool json)
{
    if (json) {
        printJson(out, QJsonObject{{QStringLiteral("scanned"), s.scanned},
                                   {QStringLiteral("added"), s.added},
                                   {QStringLiteral("updated"), s.updated},
                                   {QStringLiteral("unchanged"), s.unchanged},
                                   {QStringLiteral("duplicates"), s.duplicates},
                                   {QStringLiteral("reindexed"), s.reindexed},
                                   {QStringLiteral("skipped"), notes(s.skipped)},
                                   {QStringLiteral("warnings"), notes(s.warnings)},
                                   {QStringLiteral("bytes"), s.bytesRead},
                                   {QStringLiteral("seconds"), s.seconds},
                                   {QStringLiteral("cancelled"), s.cancelled}});
        return;
    }
    QString text;
    if (s.reindexed > 0)
        text += QStringLiteral("caught up the search index for %1 sources left from an interrupted run\n").arg(s.reindexed);
    for (const auto &n : s.skipped)
        text += QStringLiteral("skipped %1: %2\n").arg(n.path, n.message);
    for (const auto &n : s.warnings)
        text += QStringLiteral("warning %1: %2\n").arg(n.path, n.message);
    text += QStringLiteral("%1 %2 files in %3 s: %4 added, %5 updated, %6 unchanged, %7 duplicates, %8 skipped\n")
                .arg(s.cancelled ? QStringLiteral("Cancelled after") : QStringLiteral("Ingested"))
                .arg(s.scanned)
                .arg(s.seconds, 0, 'f', 1)
                .arg(s.added)
                .arg(s.updated)
                .arg(s.unchanged)
                .arg(s.duplicates)
                .arg(s.skipped.size());
    out.text(text);
}

void printSourceList(Output &out, const std::vector<store::SourceSummary> &rows, bool json)
{
    if (json) {
        QJsonArray a;
        for (const auto &r : rows)
            a.append(summaryJson(r));
        printJson(out, a);
        return;
    }
    QString text;
    text += QStringLiteral("%1  %2  %3  %4  %5\n")
                .arg(QStringLiteral("ID").rightJustified(5), QStringLiteral("PUBLISHED").leftJustified(10),
                     QStringLiteral("FORMAT").leftJustified(8), QStringLiteral("PUBLISHER").leftJustified(18),
                     QStringLiteral("TITLE"));
    for (const auto &r : rows)
        text += QStringLiteral("%1  %2  %3  %4  %5\n")
                    .arg(QString::number(r.id).rightJustified(5), orDash(r.published.toIso()).leftJustified(10),
                         model::formatName(r.format).leftJustified(8), elide(orDash(r.publisher), 18).leftJustified(18),
                         elide(r.title, 90));
    text += QStringLiteral("%1 source%2\n").arg(rows.size()).arg(rows.size() == 1 ? QString() : QStringLiteral("s"));
    out.text(text);
}

void printVersions(Output &out, const std::vector<store::VersionRecord> &versions, bool json)
{
    if (json) {
        QJsonArray a;
        for (const auto &v : versions)
            a.append(QJsonObject{{QStringLiteral("version"), v.seq},
                                 {QStringLiteral("hash"), v.contentHash},
                                 {QStringLiteral("title"), v.meta.title},
                                 {QStringLiteral("path"), v.originalPath},
                                 {QStringLiteral("bytes"), v.byteSize},
                                 {QStringLiteral("ingested"), v.ingestedAt}});
        printJson(out, a);
        return;
    }
    QString text;
    for (const auto &v : versions)
        text += QStringLiteral("%1  %2  %3  %4  %5\n")
                    .arg(QString::number(v.seq).rightJustified(3), v.ingestedAt, v.contentHash.left(12),
                         size(v.byteSize).rightJustified(9), v.originalPath);
    out.text(text);
}

void printExtraction(Output &out, const extract::Extraction &x, const model::Document &doc, bool json)
{
    const QJsonObject o = extract::extractionToJson(x, doc);
    if (json) {
        out.text(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)));
        return;
    }
    QString s;
    s += QStringLiteral("Entities (%1)\n").arg(x.entities.size());
    for (const QJsonValue &v : o.value(QStringLiteral("entities")).toArray()) {
        const QJsonObject e = v.toObject();
        s += QStringLiteral("  %1  %2  [%3%4]  %5 mention(s)\n")
                 .arg(e.value(QStringLiteral("kind")).toString(), -12)
                 .arg(e.value(QStringLiteral("name")).toString(), -32)
                 .arg(e.value(QStringLiteral("origin")).toString(),
                      e.value(QStringLiteral("origin")).toString() == u"found"
                          ? QStringLiteral(" %1").arg(e.value(QStringLiteral("confidence")).toDouble(), 0, 'f', 1)
                          : QString())
                 .arg(e.value(QStringLiteral("mentions")).toArray().size());
    }
    s += QStringLiteral("\nScores (%1)\n").arg(x.scores.size());
    for (const QJsonValue &v : o.value(QStringLiteral("scores")).toArray()) {
        const QJsonObject e = v.toObject();
        const QString setting = e.value(QStringLiteral("setting")).toString();
        s += QStringLiteral("  %1  %2  %3%4%5\n")
                 .arg(e.value(QStringLiteral("model")).toString(), -28)
                 .arg(e.value(QStringLiteral("benchmark")).toString(), -36)
                 .arg(e.value(QStringLiteral("value")).toDouble())
                 .arg(e.value(QStringLiteral("unit")).toString(), setting.isEmpty() ? QString() : QStringLiteral("  (") + setting + u')');
    }
    s += QStringLiteral("\nAttributes (%1)\n").arg(x.attributes.size());
    for (const QJsonValue &v : o.value(QStringLiteral("attributes")).toArray()) {
        const QJsonObject e = v.toObject();
        const QString note = e.value(QStringLiteral("note")).toString();
        s += QStringLiteral("  %1  %2  %3%4\n")
                 .arg(e.value(QStringLiteral("subject")).toString(), -28)
                 .arg(e.value(QStringLiteral("attribute")).toString(), -16)
                 .arg(e.value(QStringLiteral("value")).toString(), note.isEmpty() ? QString() : QStringLiteral("  (") + note + u')');
    }
    s += QStringLiteral("\nEvents (%1)\n").arg(x.events.size());
    for (const QJsonValue &v : o.value(QStringLiteral("events")).toArray()) {
        const QJsonObject e = v.toObject();
        QString date = e.value(QStringLiteral("date")).toString();
        if (e.contains(QStringLiteral("date_end")))
            date += QStringLiteral("..") + e.value(QStringLiteral("date_end")).toString();
        s += QStringLiteral("  %1  %2  %3%4\n")
                 .arg(date, -22)
                 .arg(e.value(QStringLiteral("kind")).toString(), -14)
                 .arg(e.value(QStringLiteral("title")).toString(),
                      e.contains(QStringLiteral("openness")) ? QStringLiteral("  [") + e.value(QStringLiteral("openness")).toString() + u']' : QString());
    }
    out.text(s);
}

namespace {

QJsonValue sourceValue(qint64 source) { return source > 0 ? QJsonValue(source) : QJsonValue(QJsonValue::Null); }

QJsonValue attributeJson(const library::Knowledge &k, const library::KnownEntity &e, const QString &attribute)
{
    const QString v = e.resolved.value(attribute);
    if (attribute == u"openness")
        return v.isEmpty() ? QStringLiteral("unknown") : v;
    if (v.isEmpty())
        return QJsonValue(QJsonValue::Null);
    if (attribute == u"params_total_b" || attribute == u"params_active_b") {
        bool ok = false;
        const double n = v.toDouble(&ok);
        return ok ? QJsonValue(n) : QJsonValue(QJsonValue::Null);
    }
    if (attribute == u"organization" || attribute == u"license") {
        if (const library::KnownEntity *o = k.entity(v)) {
            if (attribute == u"license" && !o->resolved.value(QStringLiteral("spdx")).isEmpty())
                return o->resolved.value(QStringLiteral("spdx"));
            return o->name;
        }
        const auto &pack = extract::KnowledgePack::builtin();
        if (const int i = pack.indexOf(v); i >= 0) {
            if (attribute == u"license")
                for (const extract::PackFact *f : pack.factsAbout(i))
                    if (f->attribute == u"spdx")
                        return f->value;
            return pack.entities()[size_t(i)].name;
        }
        return v;
    }
    return v;
}

QJsonObject entityJson(const library::Knowledge &k, const library::KnownEntity &e, bool withMentions)
{
    QJsonObject attributes;
    for (const QString &a : library::contractAttributes())
        if (e.kind == u"model" || e.resolved.contains(a))
            attributes.insert(a, attributeJson(k, e, a));
    for (auto it = e.resolved.cbegin(); it != e.resolved.cend(); ++it)
        if (!attributes.contains(it.key()) && it.key() != u"access")
            attributes.insert(it.key(), attributeJson(k, e, it.key()));
    QJsonObject o{{QStringLiteral("id"), e.key},
                  {QStringLiteral("name"), e.name},
                  {QStringLiteral("kind"), e.kind},
                  {QStringLiteral("aliases"), QJsonArray::fromStringList(e.aliases)},
                  {QStringLiteral("origin"), e.origin},
                  {QStringLiteral("confidence"), e.confidence},
                  {QStringLiteral("mention_count"), e.mentionCount},
                  {QStringLiteral("source_count"), e.sourceCount},
                  {QStringLiteral("attributes"), attributes}};
    if (withMentions) {
        QJsonArray mentions;
        for (const library::MentionRef &m : e.mentions)
            mentions.append(QJsonObject{{QStringLiteral("source"), m.source},
                                        {QStringLiteral("start"), m.start},
                                        {QStringLiteral("end"), m.start + m.length}});
        o.insert(QStringLiteral("mentions"), mentions);
    } else {
        o.insert(QStringLiteral("mentions"), e.mentionCount);
    }
    if (!e.variantOf.isEmpty())
        o.insert(QStringLiteral("variant_of"), e.variantOf);
    return o;
}

QJsonObject scoreJson(const library::KnownScore &s)
{
    return QJsonObject{{QStringLiteral("model"), s.model},
                       {QStringLiteral("model_id"), s.modelKey},
                       {QStringLiteral("benchmark"), s.benchmark},
                       {QStringLiteral("benchmark_id"), s.benchmarkKey},
                       {QStringLiteral("value"), s.value},
                       {QStringLiteral("unit"), s.unit},
                       {QStringLiteral("setting"), s.setting},
                       {QStringLiteral("source"), s.from.source},
                       {QStringLiteral("quote"), s.from.quote},
                       {QStringLiteral("fact"), s.factSignature}};
}

QString precisionName(const model::PartialDate &d)
{
    using P = model::PartialDate::Precision;
    return d.precision == P::Day ? QStringLiteral("day") : d.precision == P::Month ? QStringLiteral("month") : QStringLiteral("year");
}

QJsonObject eventJson(const library::KnownEvent &e)
{
    QJsonArray sources;
    for (const library::Provenance &p : e.sources)
        sources.append(QJsonObject{{QStringLiteral("source"), p.source}, {QStringLiteral("quote"), p.quote}});
    return QJsonObject{{QStringLiteral("date"), e.date.toIso()},
                       {QStringLiteral("date_end"), e.end.isValid() ? QJsonValue(e.end.toIso()) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("precision"), precisionName(e.date)},
                       {QStringLiteral("kind"), e.kind},
                       {QStringLiteral("title"), e.title},
                       {QStringLiteral("entities"), QJsonArray::fromStringList(e.entityNames)},
                       {QStringLiteral("entity_ids"), QJsonArray::fromStringList(e.entityKeys)},
                       {QStringLiteral("openness"), e.openness.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(e.openness)},
                       {QStringLiteral("source"), e.sources.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(e.sources.front().source)},
                       {QStringLiteral("quote"), e.sources.empty() ? QString() : e.sources.front().quote},
                       {QStringLiteral("sources"), sources}};
}

QJsonObject conflictJson(const library::Conflict &c)
{
    QJsonArray values;
    for (const library::AttributeValue &v : c.values) {
        QJsonObject o{{QStringLiteral("value"), v.display.isEmpty() ? v.value : v.display},
                      {QStringLiteral("source"), sourceValue(v.from.source)},
                      {QStringLiteral("quote"), v.from.quote}};
        if (!v.from.reference.isEmpty())
            o.insert(QStringLiteral("reference"), v.from.reference);
        values.append(o);
    }
    return QJsonObject{{QStringLiteral("subject"), c.subject},
                       {QStringLiteral("subject_id"), c.subjectKey},
                       {QStringLiteral("attribute"), c.attribute},
                       {QStringLiteral("values"), values}};
}

QString cell(const QString &s, int width)
{
    QString t = s;
    if (t.size() > width)
        t = t.left(width - 1) + QChar(0x2026);
    return t.leftJustified(width);
}

void writeJson(Output &out, const QJsonValue &v)
{
    out.text(QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Indented)
                                           : QJsonDocument(v.toObject()).toJson(QJsonDocument::Indented)));
}

} // namespace

void printEntities(Output &out, const library::Knowledge &k, const QString &kind, bool json)
{
    QJsonArray array;
    QString text;
    int shown = 0;
    for (const library::KnownEntity &e : k.entities) {
        if (!kind.isEmpty() && e.kind != kind)
            continue;
        ++shown;
        if (json) {
            array.append(entityJson(k, e, false));
            continue;
        }
        QString facts;
        for (const QString &a : library::contractAttributes()) {
            const QJsonValue v = attributeJson(k, e, a);
            if (v.isNull() || (a == u"openness" && v.toString() == u"unknown"))
                continue;
            facts += (facts.isEmpty() ? QString() : QStringLiteral(", ")) + a + u'=' + (v.isDouble() ? QString::number(v.toDouble()) : v.toString());
        }
        text += QStringLiteral("%1  %2  %3  %4  %5\n")
                    .arg(cell(e.kind, 12), cell(e.name, 34))
                    .arg(e.mentionCount, 8)
                    .arg(e.origin == u"found" ? QStringLiteral("found %1").arg(e.confidence, 0, 'f', 1) : cell(e.origin, 9), facts);
    }
    if (json) {
        writeJson(out, array);
        return;
    }
    if (shown == 0) {
        out.note(QStringLiteral("No entities%1 in this library.\n").arg(kind.isEmpty() ? QString() : QStringLiteral(" of kind ") + kind));
        return;
    }
    out.text(QStringLiteral("%1  %2  %3  %4  %5\n").arg(cell(QStringLiteral("KIND"), 12), cell(QStringLiteral("NAME"), 34),
                                                       QStringLiteral("MENTIONS"), cell(QStringLiteral("ORIGIN"), 9),
                                                       QStringLiteral("ATTRIBUTES"))
             + text);
}

void printScores(Output &out, const std::vector<const library::KnownScore *> &scores, bool json)
{
    if (json) {
        QJsonArray array;
        for (const library::KnownScore *s : scores)
            array.append(scoreJson(*s));
        writeJson(out, array);
        return;
    }
    if (scores.empty()) {
        out.note(QStringLiteral("No scores match.\n"));
        return;
    }
    QString text = QStringLiteral("%1  %2  %3  %4  %5\n")
                       .arg(cell(QStringLiteral("MODEL"), 28), cell(QStringLiteral("BENCHMARK"), 34), QStringLiteral("   VALUE"),
                            cell(QStringLiteral("SETTING"), 20), QStringLiteral("SOURCE"));
    for (const library::KnownScore *s : scores)
        text += QStringLiteral("%1  %2  %3  %4  %5\n")
                    .arg(cell(s->model, 28), cell(s->benchmark, 34), QString(QString::number(s->value) + s->unit).rightJustified(8),
                         cell(s->setting, 20))
                    .arg(s->from.source);
    out.text(text);
}

void printTimeline(Output &out, const library::Knowledge &k, bool json)
{
    if (json) {
        QJsonArray array;
        for (const library::KnownEvent &e : k.events)
            array.append(eventJson(e));
        writeJson(out, array);
        return;
    }
    if (k.events.empty()) {
        out.note(QStringLiteral("No dated events in this library.\n"));
        return;
    }
    QString text;
    for (const library::KnownEvent &e : k.events) {
        QString date = e.date.toIso();
        if (e.end.isValid())
            date += QStringLiteral("..") + e.end.toIso();
        QStringList sources;
        for (const library::Provenance &p : e.sources)
            if (!sources.contains(QString::number(p.source)))
                sources << QString::number(p.source);
        text += QStringLiteral("%1  %2  %3  %4[%5]\n")
                    .arg(cell(date, 22), cell(e.kind, 13), cell(e.kind == u"release" ? e.openness : QString(), 8), e.title + u' ',
                         QStringLiteral("source ") + sources.join(u','));
    }
    out.text(text);
}

void printConflicts(Output &out, const library::Knowledge &k, bool json)
{
    if (json) {
        QJsonArray array;
        for (const library::Conflict &c : k.conflicts)
            array.append(conflictJson(c));
        writeJson(out, array);
        return;
    }
    if (k.conflicts.empty()) {
        out.note(QStringLiteral("No conflicts: the sources agree.\n"));
        return;
    }
    QString text;
    for (const library::Conflict &c : k.conflicts) {
        text += c.subject + QStringLiteral(" — ") + c.attribute + u'\n';
        for (const library::AttributeValue &v : c.values) {
            const QString where = v.from.source > 0 ? QStringLiteral("source %1").arg(v.from.source)
                                                    : QStringLiteral("knowledge pack (%1)").arg(v.from.reference);
            text += QStringLiteral("  %1  %2  %3\n").arg(cell(v.display.isEmpty() ? v.value : v.display, 28), cell(where, 24),
                                                        v.from.quote.isEmpty() ? QString() : u'"' + cell(v.from.quote, 100).trimmed() + u'"');
        }
    }
    out.text(text);
}

void printExport(Output &out, const library::Knowledge &k)
{
    QJsonArray sources, entities, scores, events, conflicts;
    for (const store::SourceSummary &s : k.sources)
        sources.append(QJsonObject{{QStringLiteral("id"), s.id},
                                   {QStringLiteral("title"), s.title},
                                   {QStringLiteral("path"), s.originalPath},
                                   {QStringLiteral("published"), s.published.isValid() ? QJsonValue(s.published.toIso()) : QJsonValue(QJsonValue::Null)},
                                   {QStringLiteral("url"), s.url.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s.url)},
                                   {QStringLiteral("publisher"), s.publisher}});
    for (const library::KnownEntity &e : k.entities)
        entities.append(entityJson(k, e, true));
    for (const library::KnownScore &s : k.scores)
        scores.append(scoreJson(s));
    for (const library::KnownEvent &e : k.events)
        events.append(eventJson(e));
    for (const library::Conflict &c : k.conflicts)
        conflicts.append(conflictJson(c));
    writeJson(out, QJsonObject{{QStringLiteral("sextant"), QStringLiteral(SEXTANT_VERSION)},
                               {QStringLiteral("sources"), sources},
                               {QStringLiteral("entities"), entities},
                               {QStringLiteral("scores"), scores},
                               {QStringLiteral("events"), events},
                               {QStringLiteral("conflicts"), conflicts}});
}

void printCorrections(Output &out, const std::vector<store::CorrectionRow> &rows, bool json)
{
    if (json) {
        QJsonArray array;
        for (const store::CorrectionRow &c : rows)
            array.append(QJsonObject{{QStringLiteral("id"), c.id}, {QStringLiteral("at"), c.at}, {QStringLiteral("action"), c.action},
                                     {QStringLiteral("target"), c.target}, {QStringLiteral("value"), c.value},
                                     {QStringLiteral("extra"), c.extra}, {QStringLiteral("undone"), c.undone}});
        writeJson(out, array);
        return;
    }
    if (rows.empty()) {
        out.note(QStringLiteral("No corrections yet.\n"));
        return;
    }
    QString text;
    for (const store::CorrectionRow &c : rows)
        text += QStringLiteral("%1  %2  %3  %4 %5 %6%7\n")
                    .arg(c.id, 4)
                    .arg(c.at, cell(c.action, 15), c.target, c.value, c.extra, c.undone ? QStringLiteral("  (undone)") : QString());
    out.text(text);
}

QString renderPlain(const model::Document &doc)
{
    QString text;
    for (size_t i = 0; i < doc.blocks.size(); ++i) {
        const auto &b = doc.blocks[i];
        if (i > 0 && doc.blocks[i - 1].kind == model::BlockKind::ListItem && b.kind != model::BlockKind::ListItem)
            text += u'\n';
        switch (b.kind) {
        case model::BlockKind::Heading:
            text += QString(std::clamp(b.level, 1, 6), u'#') + u' ' + doc.slice(b.range) + QStringLiteral("\n\n");
            break;
        case model::BlockKind::ListItem:
            text += QString((std::max(1, b.level) - 1) * 2, u' ') + QStringLiteral("- ") + doc.slice(b.range) + u'\n';
            break;
        case model::BlockKind::Quote:
            text += QStringLiteral("> ") + doc.slice(b.range) + QStringLiteral("\n\n");
            break;
        case model::BlockKind::Code:
            text += QStringLiteral("```\n") + doc.slice(b.range) + QStringLiteral("\n```\n\n");
            break;
        case model::BlockKind::Table: {
            bool headerDone = false;
            for (const auto &row : b.rows) {
                QStringList cells;
                for (const auto &c : row.cells)
                    cells << doc.slice(c.range).replace(u'|', QStringLiteral("\\|"));
                text += QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
                if (row.header && !headerDone) {
                    text += u'|' + QStringList(cells.size(), QStringLiteral(" --- ")).join(u'|') + QStringLiteral("|\n");
                    headerDone = true;
                }
            }
            text += u'\n';
            break;
        }
        case model::BlockKind::Paragraph:
            text += doc.slice(b.range) + QStringLiteral("\n\n");
            break;
        }
    }
    return text.trimmed() + u'\n';
}

void printDocument(Output &out, const store::StoredDocument &d, int versionCount, const QString &libraryRoot, bool json,
                   bool metaOnly)
{
    const auto &v = d.version;
    const auto &m = v.meta;
    if (json) {
        QJsonObject o{{QStringLiteral("id"), v.sourceId},
                      {QStringLiteral("version"), v.seq},
                      {QStringLiteral("versions"), versionCount},
                      {QStringLiteral("title"), m.title},
                      {QStringLiteral("title_from"), m.titleFrom},
                      {QStringLiteral("publisher"), m.publisher},
                      {QStringLiteral("author"), m.author},
                      {QStringLiteral("published"), m.published.toIso()},
                      {QStringLiteral("published_from"), m.publishedFrom},
                      {QStringLiteral("url"), m.url},
                      {QStringLiteral("format"), model::formatName(v.format)},
                      {QStringLiteral("bytes"), v.byteSize},
                      {QStringLiteral("hash"), v.contentHash},
                      {QStringLiteral("path"), v.originalPath},
                      {QStringLiteral("original"), QString(libraryRoot + u'/' + v.objectPath)},
                      {QStringLiteral("ingested"), v.ingestedAt},
                      {QStringLiteral("warnings"), QJsonArray::fromStringList(v.warnings)}};
        if (!metaOnly) {
            o.insert(QStringLiteral("text"), d.document.text);
            o.insert(QStringLiteral("blocks"), QJsonDocument::fromJson(model::structureToReadableJson(d.document)).array());
        }
        printJson(out, o);
        return;
    }
    auto field = [](const QString &name, const QString &value) {
        return QStringLiteral("%1%2\n").arg(QString(name + u':').leftJustified(12), value);
    };
    QString text;
    text += field(QStringLiteral("Title"), m.title);
    text += field(QStringLiteral("Source"), QStringLiteral("%1 (version %2 of %3)").arg(v.sourceId).arg(v.seq).arg(versionCount));
    text += field(QStringLiteral("Publisher"), orDash(m.publisher));
    text += field(QStringLiteral("Author"), orDash(m.author));
    text += field(QStringLiteral("Published"), m.published.isValid()
                                                   ? QStringLiteral("%1 (from %2)").arg(m.published.toIso(), m.publishedFrom)
                                                   : QStringLiteral("-"));
    text += field(QStringLiteral("URL"), orDash(m.url));
    text += field(QStringLiteral("Format"), QStringLiteral("%1, %2").arg(model::formatName(v.format), size(v.byteSize)));
    text += field(QStringLiteral("Original"), v.originalPath);
    text += field(QStringLiteral("Copy"), libraryRoot + u'/' + v.objectPath);
    text += field(QStringLiteral("Ingested"), v.ingestedAt);
    for (const QString &w : v.warnings)
        text += field(QStringLiteral("Warning"), w);
    if (!metaOnly)
        text += u'\n' + renderPlain(d.document);
    out.text(text);
}

void printSearch(Output &out, const QString &query, const index::SearchOptions &opts, const library::SearchPage &page, bool json)
{
    const auto &r = page.results;
    if (json) {
        QJsonArray hits;
        for (size_t i = 0; i < r.hits.size(); ++i) {
            const auto &h = r.hits[i];
            QJsonObject o = summaryJson(page.sources[i]);
            o.insert(QStringLiteral("rank"), h.rank + 1);
            o.insert(QStringLiteral("percent"), h.percent);
            o.insert(QStringLiteral("snippet"), h.snippet);
            QJsonArray marks;
            for (const auto &[start, len] : h.marks)
                marks.append(QJsonArray{start, len});
            o.insert(QStringLiteral("marks"), marks);
            hits.append(o);
        }
        QJsonObject o{{QStringLiteral("query"), query},
                      {QStringLiteral("estimated_total"), r.estimatedTotal},
                      {QStringLiteral("offset"), opts.offset},
                      {QStringLiteral("results"), hits}};
        if (!r.correctedQuery.isEmpty())
            o.insert(QStringLiteral("did_you_mean"), r.correctedQuery);
        printJson(out, o);
        return;
    }
    const bool tty = out.stdoutIsTerminal();
    const QString open = tty ? QStringLiteral("\033[1m") : QStringLiteral("[");
    const QString close = tty ? QStringLiteral("\033[0m") : QStringLiteral("]");
    QString text;
    if (r.hits.empty()) {
        text += QStringLiteral("No results for \"%1\".\n").arg(query);
    } else {
        text += QStringLiteral("Results %1-%2 of about %3 for \"%4\":\n\n")
                    .arg(opts.offset + 1)
                    .arg(opts.offset + static_cast<int>(r.hits.size()))
                    .arg(r.estimatedTotal)
                    .arg(query);
    }
    for (size_t i = 0; i < r.hits.size(); ++i) {
        const auto &h = r.hits[i];
        const auto &s = page.sources[i];
        QStringList about;
        if (!s.publisher.isEmpty())
            about << s.publisher;
        if (s.published.isValid())
            about << s.published.toIso();
        about << model::formatName(s.format);
        text += QStringLiteral("%1. [%2] %3 (%4)\n").arg(h.rank + 1).arg(s.id).arg(s.title, about.join(QStringLiteral(", ")));
        QString snip = h.snippet;
        for (auto it = h.marks.rbegin(); it != h.marks.rend(); ++it) {
            snip.insert(it->first + it->second, close);
            snip.insert(it->first, open);
        }
        if (!snip.isEmpty())
            text += QStringLiteral("   ") + snip + u'\n';
        text += u'\n';
    }
    if (!r.correctedQuery.isEmpty())
        text += QStringLiteral("Did you mean: %1\n").arg(r.correctedQuery);
    out.text(text);
}

void printCheck(Output &out, const library::CheckReport &r, bool json)
{
    if (json) {
        QJsonObject o{{QStringLiteral("sources"), r.sources},
                      {QStringLiteral("versions"), r.versions},
                      {QStringLiteral("integrity"), r.integrity},
                      {QStringLiteral("index_missing"), r.indexMissing},
                      {QStringLiteral("index_pending_sources"), r.index.pending()},
                      {QStringLiteral("index_record_lag"), r.index.recordLag},
                      {QStringLiteral("index_lost"), r.index.lost},
                      {QStringLiteral("orphan_originals"), QJsonArray::fromStringList(r.orphanObjects)},
                      {QStringLiteral("missing_originals"), QJsonArray::fromStringList(r.missingObjects)},
                      {QStringLiteral("healthy"), r.healthy()},
                      {QStringLiteral("in_step"), r.inStep()},
                      {QStringLiteral("repaired"), r.repaired}};
        printJson(out, o);
        return;
    }
    QString text;
    text += QStringLiteral("%1 sources, %2 versions\n").arg(r.sources).arg(r.versions);
    text += QStringLiteral("database: %1\n").arg(r.integrity);
    if (r.indexMissing)
        text += QStringLiteral("index: missing%1\n").arg(r.sources > 0 ? QStringLiteral(" (run sextant reindex)") : QString());
    else if (r.index.inStep())
        text += QStringLiteral("index: in step with the database\n");
    else {
        if (r.index.pending() > 0 || r.index.recordLag > 0)
            text += QStringLiteral("index: %1 sources waiting to be indexed or removed (an interrupted run; the next "
                                   "ingest or check --repair completes it)\n")
                        .arg(r.index.pending() + r.index.recordLag);
        if (r.index.lost > 0)
            text += QStringLiteral("index: %1 documents the library recorded as indexed are not in the index\n").arg(r.index.lost);
    }
    text += QStringLiteral("originals: %1 unreferenced, %2 missing\n").arg(r.orphanObjects.size()).arg(r.missingObjects.size());
    for (const QString &m : r.missingObjects)
        text += QStringLiteral("missing original: %1\n").arg(m);
    if (r.repaired)
        text += r.healthy() ? QStringLiteral("Repaired.\n") : QStringLiteral("Repaired what could be repaired.\n");
    else if (!r.healthy())
        text += QStringLiteral("Problems found; run `sextant check --repair` to fix what can be fixed.\n");
    else
        text += QStringLiteral("OK\n");
    out.text(text);
}

} // namespace sextant::cli
