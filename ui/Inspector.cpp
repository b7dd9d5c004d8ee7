#include "Inspector.h"

#include "library/Library.h"

#include <QUrlQuery>

#include <algorithm>
#include <set>

namespace sextant::ui {

namespace {

QString esc(const QString &s) { return s.toHtmlEscaped(); }

/// The sentence around a mention: from the previous sentence end or line break to the next.
QString sentenceAround(const QString &text, qint64 start, qint64 length)
{
    qint64 a = start, b = start + length;
    const qint64 limit = 240;
    while (a > 0 && start - a < limit) {
        const QChar c = text[a - 1];
        if (c == u'\n' || ((c == u'.' || c == u'!' || c == u'?') && a < text.size() && text[a].isSpace()))
            break;
        --a;
    }
    while (b < text.size() && b - (start + length) < limit) {
        const QChar c = text[b];
        if (c == u'\n')
            break;
        ++b;
        if ((c == u'.' || c == u'!' || c == u'?') && (b >= text.size() || text[b].isSpace()))
            break;
    }
    QString before = text.mid(a, start - a);
    while (!before.isEmpty() && before.front().isSpace())
        before.remove(0, 1);
    return esc(before) + QStringLiteral("<b>%1</b>").arg(esc(text.mid(start, length))) + esc(text.mid(start + length, b - start - length));
}

} // namespace

Inspector::Inspector(KnowledgeAccess knowledge, LibraryAccess library, QWidget *parent)
    : QTextBrowser(parent), m_knowledge(std::move(knowledge)), m_library(std::move(library))
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setAccessibleName(tr("Inspector"));
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() != u"sextant")
            return;
        const QUrlQuery q(url);
        if (url.path() == u"passage")
            Q_EMIT passageRequested(q.queryItemValue(QStringLiteral("source")).toLongLong(),
                                    q.queryItemValue(QStringLiteral("start")).toLongLong(),
                                    q.queryItemValue(QStringLiteral("length")).toLongLong());
        else if (url.path() == u"entity")
            Q_EMIT entityRequested(q.queryItemValue(QStringLiteral("key")));
    });
    showNothing();
}

QVariant Inspector::loadResource(int, const QUrl &) { return {}; }

void Inspector::showNothing()
{
    m_entity.clear();
    m_source = 0;
    setHtml(QStringLiteral("<p style='color:gray'>%1</p>").arg(tr("Select a source, an entity or an annotation to see what is known of it.")));
}

void Inspector::indexTitles()
{
    m_titles.clear();
    if (const library::Knowledge *k = m_knowledge())
        for (const auto &s : k->sources)
            m_titles.insert(s.id, s.title);
}

QString Inspector::sourceTitle(qint64 id) const
{
    const QString t = m_titles.value(id);
    return t.isEmpty() ? tr("Source %1").arg(id) : t;
}

QString Inspector::passageLink(qint64 source, qint64 start, qint64 length, const QString &label) const
{
    QUrl url;
    url.setScheme(QStringLiteral("sextant"));
    url.setPath(QStringLiteral("passage"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("source"), QString::number(source));
    q.addQueryItem(QStringLiteral("start"), QString::number(start));
    q.addQueryItem(QStringLiteral("length"), QString::number(length));
    url.setQuery(q);
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped(), label);
}

void Inspector::refresh()
{
    if (!m_entity.isEmpty())
        showEntity(m_entity);
    else if (m_source > 0)
        showSource(m_source);
}

void Inspector::showEntity(const QString &key)
{
    const library::Knowledge *k = m_knowledge();
    if (!k) { // a large library's knowledge is still loading: shown when it arrives (refresh())
        m_entity = key;
        m_source = 0;
        setHtml(QStringLiteral("<p style='color:gray'>%1</p>").arg(tr("Loading what the library knows of %1…").arg(esc(key))));
        return;
    }
    const library::KnownEntity *e = k->entity(key);
    if (!e) {
        m_entity.clear();
        setHtml(QStringLiteral("<p>%1</p>").arg(tr("Nothing is known of %1 in this library.").arg(esc(key))));
        return;
    }
    m_entity = key;
    m_source = 0;
    indexTitles(); // once: every passage below names its source
    QString h = QStringLiteral("<h2>%1</h2><p style='color:gray'>%2").arg(esc(e->name), esc(e->kind));
    if (e->origin == u"found")
        h += tr(" · found in the text (confidence %1%2)").arg(qRound(e->confidence * 100)).arg(e->confirmed ? tr(", confirmed") : QString());
    else
        h += tr(" · from the knowledge pack");
    h += tr(" · %n mention(s)", nullptr, static_cast<int>(e->mentionCount)) + tr(" in %n source(s)", nullptr, static_cast<int>(e->sourceCount));
    h += QStringLiteral("</p>");
    if (!e->aliases.isEmpty())
        h += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Also called"), esc(e->aliases.join(QStringLiteral(", "))));
    if (!e->variantOf.isEmpty())
        if (const auto *p = k->entity(e->variantOf))
            h += QStringLiteral("<p>%1 <a href=\"sextant:entity?key=%2\">%3</a></p>")
                     .arg(tr("A variant of"), QString::fromUtf8(QUrl::toPercentEncoding(p->key)), esc(p->name));

    // Attributes: every value with who states it; values that differ side by side.
    if (!e->attributes.isEmpty()) {
        h += QStringLiteral("<h3>%1</h3><table cellspacing='0' cellpadding='3' width='100%'>").arg(tr("Attributes"));
        for (auto it = e->attributes.cbegin(); it != e->attributes.cend(); ++it) {
            std::set<QString> distinct;
            for (const auto &v : it.value())
                distinct.insert(v.value);
            const bool conflict = distinct.size() > 1;
            h += QStringLiteral("<tr><td valign='top'><b>%1</b>%2</td><td>")
                     .arg(esc(it.key()), conflict ? QStringLiteral("<br><span style='color:#dc2626'>%1</span>").arg(tr("sources differ")) : QString());
            QStringList cells;
            for (const auto &v : it.value()) {
                QString from;
                if (v.from.source > 0)
                    from = passageLink(v.from.source, v.from.start, v.from.length, esc(sourceTitle(v.from.source)));
                else
                    from = esc(v.from.reference == u"user" ? tr("your correction") : tr("knowledge pack: %1").arg(v.from.reference));
                QString cell = QStringLiteral("%1 — %2").arg(esc(v.display.isEmpty() ? v.value : v.display), from);
                if (!v.note.isEmpty())
                    cell += QStringLiteral(" <i>(%1)</i>").arg(esc(v.note));
                if (!v.from.quote.isEmpty())
                    cell += QStringLiteral("<br><span style='color:gray'>“%1”</span>").arg(esc(v.from.quote.left(300)));
                cells << cell;
            }
            h += cells.join(QStringLiteral("<br>")) + QStringLiteral("</td></tr>");
        }
        h += QStringLiteral("</table>");
    }

    // Scores.
    std::vector<const library::KnownScore *> scores;
    for (const auto &s : k->scores)
        if (s.modelKey == key || s.benchmarkKey == key)
            scores.push_back(&s);
    // At most this many rows of each list: the inspector summarizes; the views list everything.
    constexpr size_t kRows = 100;
    const size_t allScores = scores.size();
    if (scores.size() > kRows)
        scores.resize(kRows);
    if (!scores.empty()) {
        const bool isBenchmark = e->kind == u"benchmark";
        h += QStringLiteral("<h3>%1</h3><table border='1' cellspacing='0' cellpadding='3'><tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>")
                 .arg(tr("Scores"), isBenchmark ? tr("Model") : tr("Benchmark"), tr("Value"), tr("Setting"), tr("Source"));
        for (const auto *s : scores)
            h += QStringLiteral("<tr><td>%1</td><td align='right'>%2%3</td><td>%4</td><td>%5</td></tr>")
                     .arg(esc(isBenchmark ? s->model : s->benchmark), QString::number(s->value), esc(s->unit), esc(s->setting),
                          passageLink(s->from.source, s->from.start, s->from.length, esc(sourceTitle(s->from.source))));
        h += QStringLiteral("</table>");
        if (allScores > kRows)
            h += QStringLiteral("<p style='color:gray'>%1</p>").arg(tr("… and %n more", nullptr, static_cast<int>(allScores - kRows)));
    }

    // Events.
    QString events;
    size_t eventCount = 0;
    for (const auto &ev : k->events) {
        if (!ev.entityKeys.contains(key))
            continue;
        if (++eventCount > kRows)
            continue;
        QStringList from;
        for (const auto &p : ev.sources)
            if (p.source > 0)
                from << passageLink(p.source, p.start, p.length, esc(sourceTitle(p.source)));
        events += QStringLiteral("<li><b>%1</b> %2 (%3)%4 — %5</li>")
                      .arg(ev.date.toIso(), esc(ev.title), esc(ev.kind),
                           ev.openness.isEmpty() ? QString() : QStringLiteral(", ") + esc(ev.openness), from.join(QStringLiteral(", ")));
    }
    if (eventCount > kRows)
        events += QStringLiteral("<li style='color:gray'>%1</li>").arg(tr("… and %n more", nullptr, static_cast<int>(eventCount - kRows)));
    if (!events.isEmpty())
        h += QStringLiteral("<h3>%1</h3><ul>%2</ul>").arg(tr("Events"), events);

    // Mentions with their sentences (the first 100).
    if (library::Library *lib = m_library()) {
        auto ids = lib->store().entityIds({key});
        auto mentions = ids && !ids->empty() ? lib->store().mentionsOf(*ids, 100) : Result<std::vector<store::MentionRow>>{};
        if (mentions)
            std::stable_sort(mentions->begin(), mentions->end(), [](const store::MentionRow &a, const store::MentionRow &b) {
                return a.sourceId != b.sourceId ? a.sourceId < b.sourceId : a.start < b.start;
            });
        if (mentions && !mentions->empty()) {
            std::vector<qint64> sourceIds;
            for (const auto &m : *mentions)
                if (sourceIds.empty() || sourceIds.back() != m.sourceId)
                    sourceIds.push_back(m.sourceId);
            if (sourceIds.size() > 40)
                sourceIds.resize(40);
            auto texts = lib->store().texts(sourceIds);
            h += QStringLiteral("<h3>%1</h3>").arg(tr("Mentions"));
            int shown = 0;
            qint64 lastSource = -1;
            for (const auto &m : *mentions) {
                if (!texts || !texts->contains(m.sourceId) || shown >= 100)
                    continue;
                if (m.sourceId != lastSource) {
                    h += QStringLiteral("<p><b>%1</b></p>").arg(esc(sourceTitle(m.sourceId)));
                    lastSource = m.sourceId;
                }
                h += QStringLiteral("<p style='margin-left:12px'>%1</p>")
                         .arg(passageLink(m.sourceId, m.start, m.length, sentenceAround(texts->value(m.sourceId), m.start, m.length)));
                ++shown;
            }
            if (e->mentionCount > shown)
                h += QStringLiteral("<p style='color:gray'>%1</p>").arg(tr("… and %n more", nullptr, static_cast<int>(e->mentionCount - shown)));
        }
    }
    setHtml(h);
}

void Inspector::showSource(qint64 sourceId)
{
    library::Library *lib = m_library();
    if (!lib)
        return;
    auto rows = lib->store().sourcesByIds({sourceId});
    if (!rows || rows->empty()) {
        showNothing();
        return;
    }
    m_entity.clear();
    m_source = sourceId;
    const store::SourceSummary &s = rows->front();
    QString h = QStringLiteral("<h2>%1</h2><table cellpadding='2'>").arg(esc(s.title));
    auto row = [&](const QString &k, const QString &v) {
        if (!v.isEmpty())
            h += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(esc(k), esc(v));
    };
    row(tr("Publisher"), s.publisher);
    row(tr("Author"), s.author);
    row(tr("Published"), s.published.isValid() ? s.published.toIso() : QString());
    row(tr("URL"), s.url);
    row(tr("Original file"), s.originalPath);
    row(tr("Format"), model::formatName(s.format));
    row(tr("Added"), s.addedAt);
    row(tr("Versions"), QString::number(s.versionCount));
    row(tr("Entities"), QString::number(s.entityCount));
    row(tr("Annotations"), QString::number(s.annotationCount));
    h += QStringLiteral("</table>");
    if (auto mentions = lib->store().versionMentions(s.versionId)) {
        QMap<QString, std::pair<QString, int>> byKey; // key -> (name, count)
        for (const auto &m : *mentions) {
            auto &e = byKey[m.key];
            e.first = m.name;
            ++e.second;
        }
        std::vector<std::pair<QString, std::pair<QString, int>>> sorted(byKey.keyValueBegin(), byKey.keyValueEnd());
        std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.second.second > b.second.second; });
        if (!sorted.empty()) {
            QStringList links;
            for (size_t i = 0; i < sorted.size() && i < 40; ++i)
                links << QStringLiteral("<a href=\"sextant:entity?key=%1\">%2</a> (%3)")
                             .arg(QString::fromUtf8(QUrl::toPercentEncoding(sorted[i].first)), esc(sorted[i].second.first))
                             .arg(sorted[i].second.second);
            h += QStringLiteral("<h3>%1</h3><p>%2</p>").arg(tr("Entities"), links.join(QStringLiteral(", ")));
        }
    }
    setHtml(h);
}

void Inspector::showAnnotation(const annotate::Annotation &a)
{
    m_entity.clear();
    m_source = 0;
    m_titles.clear();
    if (m_library())
        if (auto rows = m_library()->store().sourcesByIds({a.sourceId}); rows && !rows->empty())
            m_titles.insert(a.sourceId, rows->front().title);
    QString h = QStringLiteral("<h2>%1</h2>").arg(tr("Annotation"));
    h += QStringLiteral("<blockquote style='background:%1'>“%2”</blockquote>").arg(annotate::colorHex(a.color), esc(a.exact));
    if (a.orphaned)
        h += QStringLiteral("<p style='color:#dc2626'>%1</p>")
                 .arg(tr("Orphaned: this passage is not in the source's current version. The annotation is kept as it was."));
    else
        h += QStringLiteral("<p>%1</p>").arg(passageLink(a.sourceId, a.start, a.length, tr("Show in %1").arg(esc(sourceTitle(a.sourceId)))));
    if (!a.note.isEmpty())
        h += QStringLiteral("<p>%1</p>").arg(esc(a.note).replace(u'\n', QStringLiteral("<br>")));
    if (!a.tags.isEmpty())
        h += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Tags:"), esc(a.tags.join(QStringLiteral(", "))));
    h += QStringLiteral("<p style='color:gray'>%1</p>").arg(tr("Created %1 · modified %2").arg(a.created, a.modified));
    setHtml(h);
}

} // namespace sextant::ui
