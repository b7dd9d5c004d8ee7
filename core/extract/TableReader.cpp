// Scores and model facts from tables: structured tables (HTML, Markdown,
// RST, tab-separated) and tables whose cells ran together when a web page was
// copied as plain text ("GLM-5.1Zhipu AI744B / 40BMITAgentic coding").

#include "extract/Extractor.h"
#include "extract/TextScan.h"

#include "common/Regex.h"

#include <QRegularExpression>
#include <QVarLengthArray>
#include <algorithm>
#include <functional>
#include <optional>

namespace sextant::extract {

using model::BlockKind;
using model::TextRange;

namespace {

enum class Role { Unknown, Model, Org, License, Params, ActiveParams, Benchmark, Setting, Category, Text, ModelScores, BenchScores };

struct Cell {
    TextRange range;
    QString text;
};

struct Grid {
    std::vector<Cell> header; // one per column, header rows joined
    std::vector<std::vector<Cell>> rows;
};

QString clean(QStringView s)
{
    QString out = s.toString();
    out.replace(QChar(0x00a0), u' ');
    out.remove(QStringLiteral("**"));
    return out.simplified();
}

/// A header lowered, without what is in brackets and without the marks # * :, spaces collapsed:
/// "# Params (B)" is "params".
QString headerWords(const QString &header)
{
    const QString lower = header.toLower();
    QString out;
    out.reserve(lower.size());
    for (qsizetype i = 0; i < lower.size(); ++i) {
        const QChar c = lower[i];
        if (c == u'(') {
            const qsizetype close = lower.indexOf(u')', i + 1);
            if (close >= 0) {
                i = close;
                continue;
            }
        }
        if (c != u'#' && c != u'*' && c != u':')
            out.append(c);
    }
    return out.simplified();
}

Role roleFromHeader(const QString &header)
{
    const QString h = headerWords(header);
    if (h.isEmpty())
        return Role::Unknown;
    if (h.startsWith(u"benchmark"))
        return Role::Benchmark;
    // One expression, its alternatives in order of precedence ("metric" names a benchmark column
    // before a setting): one match per header, and the many headers that are model or benchmark
    // names fail at their first letters.
    static const rx::Regex roles(QStringLiteral(
        R"(^(?:(?<model>(?:best\s+)?(?:open\s+|closed\s+)?models?(?:\s+name)?|name|llm|system|checkpoint))"
        R"(|(?<org>provider|developer|organi[sz]ation|company|lab|creator|vendor|org|maker|made by|developed by))"
        R"(|(?<license>licen[cs]e(?:\s+type)?|availability|access|openness|(?:open\s+)?weights))"
        R"(|(?<params>params|parameters|param|size|model size|total (?:params|parameters)|parameters \w+))"
        R"(|(?<active>(?:activated|active)\s+(?:params|parameters)))"
        R"(|(?<bench>benchmarks?|tasks?|datasets?|evals?|evaluation|metric|benchmark metric))"
        R"(|(?<setting>shots?|n-shot|metric|setting|mode|eval setting|quanti[sz]ation|precision|quant|dtype))"
        R"(|(?<category>category|domain|type|area|capability))$)"));
    static constexpr Role byGroup[] = {Role::Model,        Role::Org,       Role::License, Role::Params,
                                       Role::ActiveParams, Role::Benchmark, Role::Setting, Role::Category};
    const rx::Match m = rx::match(roles, h);
    for (int g = 1; g <= m.lastCapturedIndex(); ++g)
        if (m.capturedStart(g) >= 0)
            return byGroup[g - 1];
    return Role::Unknown;
}

/// A score cell: "89.5%", "**88.2**", "72.6^a", "~70 (est.)", "—". Sets missing for a dash.
/// Read by hand, not by a regular expression: the run-together table reader tries it on many spans.
std::optional<Number> parseScoreCell(QStringView raw, bool *missing = nullptr)
{
    // Marks dropped: footnote carets with what follows them, bold stars, daggers.
    QVarLengthArray<QChar, 48> s;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QChar c = raw[i];
        if (c == u'^') {
            while (i + 1 < raw.size() && !raw[i + 1].isSpace())
                ++i;
            continue;
        }
        if (c == u'*' || c == u'\u2020' || c == u'\u2021')
            continue;
        s.append(c);
    }
    QStringView v(s.constData(), s.size());
    v = v.trimmed();
    if (missing)
        *missing = v.isEmpty() || v == u"-" || v == u"\u2014" || v == u"\u2013" || v.compare(u"N/A", Qt::CaseInsensitive) == 0;
    qsizetype i = 0;
    if (i < v.size() && (v[i] == u'~' || v[i] == u'\u2248'))
        ++i;
    const qsizetype numStart = i;
    if (i < v.size() && v[i] == u'-')
        ++i;
    const qsizetype intStart = i;
    while (i < v.size() && v[i].isDigit() && v[i].unicode() < 128)
        ++i;
    if (i == intStart || i - intStart > 4)
        return std::nullopt;
    int decimals = 0;
    if (i + 1 < v.size() && v[i] == u'.' && v[i + 1].isDigit() && v[i + 1].unicode() < 128) {
        ++i;
        while (i < v.size() && v[i].isDigit() && v[i].unicode() < 128) {
            ++i;
            ++decimals;
        }
    }
    const QStringView num = v.mid(numStart, i - numStart);
    auto skipSpace = [&] {
        while (i < v.size() && v[i].isSpace())
            ++i;
    };
    skipSpace();
    bool percent = false;
    if (i < v.size() && v[i] == u'%') {
        percent = true;
        ++i;
        skipSpace();
    }
    if (i < v.size() && v[i] == u'(') { // a note in parentheses closes the cell
        const qsizetype close = v.indexOf(u')', i);
        if (close != v.size() - 1)
            return std::nullopt;
        i = v.size();
    }
    if (i != v.size())
        return std::nullopt;
    Number n;
    n.value = decimalValue(num);
    n.decimals = decimals;
    if (percent)
        n.unit = QStringLiteral("%");
    return n;
}

struct Params {
    std::optional<double> total, active;
    QString note;
};

/// "744B / 40B", "1.6T (49B active)", "27B (dense)", "119B MoE", "1T+", "17Bx128E".
Params parseParams(const QString &text)
{
    Params p;
    static const rx::Regex size(QStringLiteral(R"((\d+(?:\.\d+)?)\s*([BT])(\+)?(?:\s*(active|total))?)"), QRegularExpression::CaseInsensitiveOption);
    std::vector<std::pair<double, QString>> values;
    bool plus = false;
    for (auto it = rx::globalMatch(size, text); it.hasNext();) {
        const auto m = it.next();
        double v = decimalValue(m.capturedView(1));
        if (m.captured(2).compare(u"T", Qt::CaseInsensitive) == 0)
            v *= 1000;
        values.emplace_back(v, m.captured(4).toLower());
        plus = plus || !m.captured(3).isEmpty();
    }
    if (values.empty())
        return p;
    if (values.size() == 1) {
        (values[0].second == u"active" ? p.active : p.total) = values[0].first;
    } else if (values.size() == 2 && (values[1].second == u"active" || values[0].first > values[1].first)) {
        p.total = values[0].first;
        p.active = values[1].first;
    } else {
        return p; // several sizes: "3B/8B/30B"
    }
    if (plus)
        p.note = QStringLiteral("more than");
    return p;
}

/// Where a benchmark's name ends and its setting begins: "MMLU (Pass@1)", "MMLU 5-shot", "GPQA Diamond (PhD reasoning)".
QString settingOf(const QString &label, TextRange nameInLabel)
{
    const QString joined = label.left(nameInLabel.start) + u' ' + label.mid(nameInLabel.end);
    const QString rest = joined.simplified();
    static const rx::Regex shotsOrMetric(QStringLiteral(
        R"((\d+-shot(?:,?\s*CoT)?|0-shot|zero-shot|few-shot|pass@\d+|Pass@\d+|EM|F1|acc(?:_norm)?|Acc\.?|exact match|maj@\d+|CoT|avg@\d+|BPB|macro_avg/acc(?:_char)?|em_maj1@1|micro_avg/acc|\d+-turn))"));
    // A short code in brackets is a metric too: "TruthfulQA (MC2)", "DROP (F1)".
    static const rx::Regex code(QStringLiteral(R"(\(([A-Za-z][A-Za-z0-9@._-]{0,11})\))"));
    struct Part {
        qsizetype at;
        QString text;
    };
    // A code in brackets is kept whole ("Pass@1-COT" is not "Pass@1"); metrics outside brackets are read one by one.
    std::vector<Part> found;
    std::vector<std::pair<qsizetype, qsizetype>> codes;
    for (auto it = rx::globalMatch(code, rest); it.hasNext();) {
        const auto m = it.next();
        found.push_back({m.capturedStart(1), m.captured(1)});
        codes.emplace_back(m.capturedStart(1), m.capturedEnd(1));
    }
    for (auto it = rx::globalMatch(shotsOrMetric, rest); it.hasNext();) {
        const auto m = it.next();
        const bool covered = std::any_of(codes.begin(), codes.end(), [&](const auto &c) {
            return m.capturedStart(1) >= c.first && m.capturedStart(1) < c.second;
        });
        if (!covered)
            found.push_back({m.capturedStart(1), m.captured(1)});
    }
    std::sort(found.begin(), found.end(), [](const Part &a, const Part &b) { return a.at < b.at; });
    QStringList parts;
    for (const Part &p : found)
        parts << p.text;
    return parts.join(QStringLiteral(", "));
}

/// A row of a table whose columns are models that states a fact of each
/// model rather than a score. Its label reads as a column header would:
/// "# Total Params" gives params_total_b, "# Activated Params"
/// params_active_b; "Architecture", "Context Length", "License" and the like
/// give "-" (nothing to read, and not a benchmark). Empty for a benchmark's row.
QString rowAttribute(const QString &label)
{
    switch (roleFromHeader(label)) {
    case Role::Params: return QStringLiteral("params_total_b");
    case Role::ActiveParams: return QStringLiteral("params_active_b");
    case Role::Org:
    case Role::License:
    case Role::Category: return QStringLiteral("-");
    default: break;
    }
    static const rx::Regex other(QStringLiteral(
        R"(^(?:architecture|arch|model type|context(?:\s+(?:length|window|size))?|max(?:imum)? context|release(?:d| date)?|date|training tokens|tokens|vocab(?:ulary)?(?:\s+size)?|layers|experts|heads|hidden size|download|link|weights|open weights|access)$)"));
    return rx::match(other, headerWords(label)).hasMatch() ? QStringLiteral("-") : QString();
}

} // namespace

// --- structured tables ---------------------------------------------------------

namespace {

struct GridReader {
    DocumentScan &scan;
    const Grid &grid;

    int resolveModelCell(const QString &text, const QString &org)
    {
        // Medals and other symbols before a name are not part of it: "🥇 GPT-4".
        qsizetype first = 0;
        while (first < text.size() && !text[first].isLetterOrNumber())
            ++first;
        QString name = text.mid(first).trimmed();
        if (const qsizetype slash = repoOwnerEnd(name); slash > 0)
            name.remove(0, slash + 1); // "openchat/openchat_3.5": the repository's owner is no part of the name
        if (name.isEmpty())
            return -1;
        // "V4 Pro" under a Provider "DeepSeek" is "DeepSeek V4 Pro".
        const std::vector<Token> toks = tokenize(name);
        if (!org.isEmpty() && !toks.empty()) {
            const QStringView head = QStringView(name).mid(toks[0].start, toks[0].end - toks[0].start);
            if (scan.x.family(head) < 0 && isNameTail(head))
                name = org + u' ' + name;
        }
        const int known = scan.resolveWhole(name, EntityKind::Model, 0.8);
        if (known >= 0)
            return known;
        // In a Model column a name no grammar knows is still a model ("RWKV-4-Raven-14B"), when it is
        // written as a name: short, a capital or a digit in it, no sentence.
        static const rx::Regex nameLike(QStringLiteral(R"(^[\p{L}\d][\p{L}\d.+_/-]*(?: [\p{L}\d][\p{L}\d.+_/-]*){0,4}$)"));
        const bool marked = std::any_of(name.begin(), name.end(), [](QChar c) { return c.isUpper() || c.isDigit(); });
        if (name.size() <= 40 && marked && rx::match(nameLike, name).hasMatch())
            return scan.internFound(EntityKind::Model, name, 0.7);
        return -1;
    }

    void read()
    {
        const size_t cols = grid.header.size();
        std::vector<Role> roles(cols, Role::Unknown);
        std::vector<int> columnEntity(cols, -1);
        std::vector<QString> columnSetting(cols);
        int modelColumns = 0, benchColumns = 0;
        for (size_t c = 0; c < cols; ++c) {
            const QString &h = grid.header[c].text;
            roles[c] = roleFromHeader(h);
            if (roles[c] != Role::Unknown || h.isEmpty())
                continue;
            // A header that names a benchmark, or a model.
            const auto found = scan.x.matcher().find(h);
            for (const Mention &m : found) {
                if (scan.x.pack().entities()[static_cast<size_t>(m.entity)].kind == EntityKind::Benchmark) {
                    roles[c] = Role::BenchScores;
                    columnEntity[c] = scan.internPack(m.entity);
                    columnSetting[c] = settingOf(h, {m.range.start, m.range.end});
                    ++benchColumns;
                    break;
                }
            }
            if (roles[c] != Role::Unknown)
                continue;
            const int model = scan.resolveWhole(h, EntityKind::Model, 0.8);
            if (model >= 0) {
                roles[c] = Role::ModelScores;
                columnEntity[c] = model;
                ++modelColumns;
                scan.addCellMention(model, grid.header[c].range);
            }
        }
        const auto find = [&](Role r) {
            for (size_t c = 0; c < cols; ++c)
                if (roles[c] == r)
                    return int(c);
            return -1;
        };
        const int modelCol = find(Role::Model);
        const int orgCol = find(Role::Org);
        const int licenseCol = find(Role::License);
        const int paramsCol = find(Role::Params);
        const int activeCol = find(Role::ActiveParams);
        // Where rows name their benchmark when models are columns: the Benchmark column, else the
        // label column filled in most rows. A column filled in a few rows ("English" above a group of
        // benchmarks, "Code" above the next) is a category, not a name.
        int labelCol = find(Role::Benchmark);
        if (labelCol < 0) {
            size_t best = 0;
            const int firstScores = find(Role::ModelScores);
            for (size_t c = 0; c < cols && (firstScores < 0 || int(c) < firstScores); ++c) {
                if (roles[c] != Role::Unknown)
                    continue;
                size_t filled = 0;
                for (const auto &row : grid.rows)
                    if (c < row.size() && !row[c].text.isEmpty() && !parseScoreCell(row[c].text))
                        ++filled;
                if (filled > 0 && filled >= best) { // a tie goes to the column nearer the scores
                    best = filled;
                    labelCol = int(c);
                }
            }
        }

        for (const auto &row : grid.rows) {
            if (row.size() != cols)
                continue;
            const TextRange quote{row.front().range.start, row.back().range.end};
            if (modelColumns > 0 && modelColumns >= benchColumns) {
                // Models are columns; each row a benchmark, or a fact of every model ("# Total Params").
                QString setting;
                for (size_t c = 0; c < cols; ++c)
                    if (roles[c] == Role::Setting && !row[c].text.isEmpty())
                        setting = setting.isEmpty() ? row[c].text : setting + QStringLiteral(", ") + row[c].text;
                const QString &labelText = labelCol >= 0 ? row[size_t(labelCol)].text : QString();
                if (const QString attribute = rowAttribute(labelText); !attribute.isEmpty()) {
                    if (attribute.startsWith(u"params"))
                        for (size_t c = 0; c < cols; ++c) {
                            if (roles[c] != Role::ModelScores)
                                continue;
                            const Params p = parseParams(row[c].text);
                            if (p.total)
                                scan.addAttribute(columnEntity[c], attribute, QString::number(*p.total, 'g', 6), quote, -1, p.note);
                            if (p.active && attribute == u"params_total_b") // "671B (37B active)"
                                scan.addAttribute(columnEntity[c], QStringLiteral("params_active_b"), QString::number(*p.active, 'g', 6), quote);
                        }
                    continue; // a fact of the models, not a benchmark
                }
                const bool anyScore = std::any_of(row.begin(), row.end(), [&](const Cell &cell) {
                    return roles[size_t(&cell - row.data())] == Role::ModelScores && parseScoreCell(cell.text).has_value();
                });
                if (!anyScore)
                    continue;
                int bench = -1;
                QString label;
                TextRange nameRange;
                auto packBench = [&](size_t c) {
                    for (const Mention &m : scan.x.matcher().find(row[c].text))
                        if (scan.x.pack().entities()[static_cast<size_t>(m.entity)].kind == EntityKind::Benchmark) {
                            bench = scan.internPack(m.entity);
                            label = row[c].text;
                            nameRange = m.range;
                        }
                };
                // A known benchmark in the label column, else in another label cell, else the label cell as written.
                if (labelCol >= 0 && !labelText.isEmpty())
                    packBench(size_t(labelCol));
                for (size_t c = 0; c < cols && bench < 0; ++c)
                    if (int(c) != labelCol && (roles[c] == Role::Unknown || roles[c] == Role::Benchmark) && !row[c].text.isEmpty())
                        packBench(c);
                if (bench < 0 && labelCol >= 0 && !labelText.isEmpty()) {
                    if (!parseScoreCell(labelText)) {
                        label = labelText;
                        QString name = label;
                        static const QRegularExpression qualifier(QStringLiteral(R"(\s*\([^)]*\)|\s+\d+-shot.*$)"));
                        name.remove(qualifier);
                        name = name.trimmed();
                        // An average of the table's columns is not a benchmark.
                        static const rx::Regex aggregate(QStringLiteral(R"(^(?:average|avg\.?|mean|overall|total)$)"),
                                                                  QRegularExpression::CaseInsensitiveOption);
                        if (name.size() >= 2 && name.size() <= 40 && name[0].isLetter() && !rx::match(aggregate, name).hasMatch())
                            bench = scan.internFound(EntityKind::Benchmark, name, 0.6);
                        nameRange = {label.indexOf(name), label.indexOf(name) + name.size()};
                        if (bench >= 0) {
                            const Cell &cell = row[size_t(labelCol)];
                            const qsizetype at = scan.doc.text.indexOf(name, cell.range.start);
                            if (at >= 0 && at + name.size() <= cell.range.end)
                                scan.addCellMention(bench, {at, at + name.size()});
                        }
                    }
                }
                if (bench < 0)
                    continue;
                QString labelSetting = settingOf(label, nameRange);
                if (!labelSetting.isEmpty())
                    setting = setting.isEmpty() ? labelSetting : labelSetting + QStringLiteral(", ") + setting;
                for (size_t c = 0; c < cols; ++c) {
                    if (roles[c] != Role::ModelScores)
                        continue;
                    if (auto n = parseScoreCell(row[c].text))
                        scan.addScore(columnEntity[c], bench, *n, setting, quote);
                }
                continue;
            }
            // Models are rows.
            QString org;
            int orgEntity = -1;
            if (orgCol >= 0 && !row[size_t(orgCol)].text.isEmpty()) {
                org = row[size_t(orgCol)].text;
                orgEntity = scan.resolveWhole(org, EntityKind::Organization, 0.6);
            }
            int model = -1;
            if (modelCol >= 0)
                model = resolveModelCell(row[size_t(modelCol)].text, org);
            else if (!row.empty() && roles[0] != Role::Org)
                model = scan.resolveWhole(row[0].text, EntityKind::Model, 0.8);
            if (model < 0)
                continue;
            scan.addCellMention(model, modelCol >= 0 ? row[size_t(modelCol)].range : row[0].range);
            if (orgEntity < 0 && modelCol >= 0) {
                // "mistralai/Mixtral-8x7B-v0.1": a known maker owns the repository. An owner the
                // pack does not know (a user who quantized the model, say) is not taken for one.
                const QString cell = row[size_t(modelCol)].text.trimmed();
                if (const qsizetype slash = repoOwnerEnd(cell); slash > 0)
                    if (const int owner = scan.x.pack().indexOfFolded(QStringView(cell).first(slash));
                        owner >= 0 && scan.x.pack().entities()[size_t(owner)].kind == EntityKind::Organization)
                        orgEntity = scan.internPack(owner);
            }
            if (orgEntity < 0) {
                // A description column: "a chatbot fine-tuned from MPT-7B by MosaicML", "ChatGPT-4 by OpenAI".
                static const rx::Regex byOrg(QStringLiteral(R"(\bby\s+(?:the\s+)?([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})\s*\.?$)"));
                for (size_t c = 0; c < cols && orgEntity < 0; ++c) {
                    if (roles[c] != Role::Unknown || int(c) == modelCol)
                        continue;
                    const auto m = rx::match(byOrg, row[c].text);
                    if (m.hasMatch())
                        orgEntity = scan.resolveWhole(m.captured(1), EntityKind::Organization, 0.6);
                    // "Stability AI language models": a known maker before what it makes.
                    static const rx::Regex orgModels(QStringLiteral(
                        R"(^([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})\s+(?:(?:large\s+)?language\s+|open\s+|chat\s+)?(?:models?|llms?|LLMs?)$)"));
                    if (const auto om = rx::match(orgModels, row[c].text); orgEntity < 0 && om.hasMatch())
                        orgEntity = scan.resolveWhole(om.captured(1), EntityKind::Organization, 0);
                }
            }
            if (orgEntity >= 0)
                scan.addAttribute(model, QStringLiteral("organization"), scan.out.entities[size_t(orgEntity)].key, quote, orgEntity);
            if (licenseCol >= 0 && !row[size_t(licenseCol)].text.isEmpty()) {
                const QString text = row[size_t(licenseCol)].text;
                const auto found = scan.x.matcher().prefixes(text);
                int license = -1;
                for (const Mention &m : found)
                    if (scan.x.pack().entities()[size_t(m.entity)].kind == EntityKind::License) {
                        license = scan.internPack(m.entity);
                        break;
                    }
                const QString lower = text.toLower();
                const QString note = lower.contains(u"equiv") ? QStringLiteral("equivalent") : QString();
                if (license >= 0) {
                    scan.addAttribute(model, QStringLiteral("license"), scan.out.entities[size_t(license)].key, quote, license, note);
                    scan.addAttribute(model, QStringLiteral("openness"), QStringLiteral("open"), quote, -1, QStringLiteral("weights under a license"));
                } else if (lower.startsWith(u"open") || lower.contains(u"weights available")) {
                    // "Weights available; Non-commercial": open weights, restricted use.
                    const bool restricted = lower.contains(u"non-commercial") || lower.contains(u"noncommercial")
                                            || lower.contains(u"research");
                    scan.addAttribute(model, QStringLiteral("openness"), QStringLiteral("open"), quote, -1,
                                      restricted ? QStringLiteral("restricted use") : QString());
                } else if (lower.contains(u"proprietary") || lower.contains(u"closed") || lower == u"api") {
                    scan.addAttribute(model, QStringLiteral("openness"), QStringLiteral("closed"), quote);
                }
            }
            if (paramsCol >= 0) {
                const Params p = parseParams(row[size_t(paramsCol)].text);
                if (p.total)
                    scan.addAttribute(model, QStringLiteral("params_total_b"), QString::number(*p.total, 'g', 6), quote, -1, p.note);
                if (p.active)
                    scan.addAttribute(model, QStringLiteral("params_active_b"), QString::number(*p.active, 'g', 6), quote);
            }
            if (activeCol >= 0) {
                const Params p = parseParams(row[size_t(activeCol)].text);
                if (p.total && !(paramsCol >= 0 && parseParams(row[size_t(paramsCol)].text).active))
                    scan.addAttribute(model, QStringLiteral("params_active_b"), QString::number(*p.total, 'g', 6), quote);
            }
            // A Quantization or Shots column is the setting of every score in its row.
            QString rowSetting;
            for (size_t c = 0; c < cols; ++c)
                if (roles[c] == Role::Setting && !row[c].text.isEmpty())
                    rowSetting = rowSetting.isEmpty() ? row[c].text : rowSetting + QStringLiteral(", ") + row[c].text;
            for (size_t c = 0; c < cols; ++c) {
                if (roles[c] == Role::BenchScores) {
                    const QString setting = columnSetting[c].isEmpty() ? rowSetting
                                            : rowSetting.isEmpty()     ? columnSetting[c]
                                                                       : columnSetting[c] + QStringLiteral(", ") + rowSetting;
                    if (auto n = parseScoreCell(row[c].text))
                        scan.addScore(model, columnEntity[c], *n, setting, quote);
                }
            }
        }
    }
};

} // namespace

void DocumentScan::readTables()
{
    for (const model::Block &block : doc.blocks) {
        if (block.kind != BlockKind::Table || block.rows.size() < 2)
            continue;
        Grid grid;
        const size_t cols = block.rows.front().cells.size();
        grid.header.resize(cols);
        size_t r = 0;
        // Header rows, joined per column ("MMLU" over "5-shot").
        while (r < block.rows.size() && (block.rows[r].header || r == 0)) {
            const model::TableRow &row = block.rows[r];
            for (size_t c = 0; c < cols && c < row.cells.size(); ++c) {
                const QString text = clean(doc.slice(row.cells[c].range));
                Cell &h = grid.header[c];
                if (h.text.isEmpty())
                    h = Cell{row.cells[c].range, text};
                else if (!text.isEmpty() && !h.text.contains(text))
                    h.text += u' ' + text;
            }
            ++r;
            if (r < block.rows.size() && !block.rows[r].header)
                break;
        }
        for (; r < block.rows.size(); ++r) {
            const model::TableRow &row = block.rows[r];
            std::vector<Cell> cells;
            for (size_t c = 0; c < cols && c < row.cells.size(); ++c)
                cells.push_back(Cell{row.cells[c].range, clean(doc.slice(row.cells[c].range))});
            grid.rows.push_back(std::move(cells));
        }
        GridReader{*this, grid}.read();
    }
}

// --- tables that ran together --------------------------------------------------

namespace {

/// Positions where one cell may end and the next begin, in text whose cell
/// boundaries were lost: never next to a space.
bool boundaryAllowed(QStringView line, qsizetype i)
{
    return i > 0 && i < line.size() && !line[i - 1].isSpace() && !line[i].isSpace();
}

/// A case or digit junction: "kC" in "SparkClaude", "6G" in "4.6GPT", ")8" in "(x)89.5".
bool isJunction(QStringView line, qsizetype i)
{
    if (!boundaryAllowed(line, i))
        return false;
    const QChar a = line[i - 1], b = line[i];
    if (b.isUpper() && (a.isLower() || a.isDigit() || a == u')' || a == u'%' || a == u'+'))
        return true;
    if (b.isDigit() && (a.isLetter() || a == u')' || a == u'%'))
        return true;
    if (b.isUpper() && a.isUpper() && i + 1 < line.size() && line[i + 1].isLower())
        return true; // "MITAgentic"
    return false;
}

enum class ColType { Label, Number, Model, Org, License, Params, Text };

} // namespace

void DocumentScan::readRunTogetherTables()
{
    const QString &t = doc.text;
    const auto &blocks = doc.blocks;
    for (size_t b = 0; b < blocks.size(); ++b) {
        if (blocks[b].kind != BlockKind::Paragraph)
            continue;
        const TextRange hr = blocks[b].range;
        const QStringView line = QStringView(t).mid(hr.start, hr.length());
        if (line.size() > 200 || line.contains(u'\n') || line.endsWith(u'.') || line.contains(u". "))
            continue;
        int junctions = 0; // a header whose cells ran together has several: "BenchmarkMuse SparkClaude Opus 4.6GPT-5.4"
        for (qsizetype i = 1; i < line.size() && junctions < 2; ++i)
            if (isJunction(line, i))
                ++junctions;
        if (junctions < 2)
            continue;
        // Split the header at junctions, keeping known names whole.
        std::vector<Cell> header;
        qsizetype p = 0;
        while (p < line.size()) {
            qsizetype minEnd = p + 1;
            for (const Mention &m : x.matcher().prefixes(line.mid(p))) {
                minEnd = std::max(minEnd, p + m.range.end);
                break;
            }
            qsizetype e = minEnd;
            while (e < line.size() && !isJunction(line, e))
                ++e;
            header.push_back(Cell{{hr.start + p, hr.start + e}, line.mid(p, e - p).toString().trimmed()});
            p = e;
        }
        if (header.size() < 3)
            continue;
        std::vector<ColType> types;
        int modelCols = 0;
        for (const Cell &h : header) {
            const Role r = roleFromHeader(h.text);
            switch (r) {
            case Role::Model: types.push_back(ColType::Model); break;
            case Role::Org: types.push_back(ColType::Org); break;
            case Role::License: types.push_back(ColType::License); break;
            case Role::Params: types.push_back(ColType::Params); break;
            case Role::Benchmark: types.push_back(ColType::Label); break;
            default:
                if (namesModel(h.text) || modelNameEnd(x, h.text, true) == h.text.size()) {
                    types.push_back(ColType::Number);
                    ++modelCols;
                } else {
                    types.push_back(ColType::Text);
                }
            }
        }
        const bool scoreTable = types.front() == ColType::Label && modelCols >= 1;
        const bool modelTable = std::count(types.begin(), types.end(), ColType::Model) == 1
                                && std::count(types.begin(), types.end(), ColType::Text)
                                       < static_cast<long>(types.size()) - 1;
        if (!scoreTable && !modelTable)
            continue;

        Grid grid;
        grid.header = header;
        // The rows: the paragraphs that follow, each split by what its columns hold.
        size_t next = b + 1;
        size_t lastRow = b;
        int misses = 0;
        for (; next < blocks.size() && blocks[next].kind == BlockKind::Paragraph && misses < 2; ++next) {
            const TextRange rr = blocks[next].range;
            const QStringView row = QStringView(t).mid(rr.start, rr.length());
            if (row.size() > 300 || row.contains(u'\n'))
                break;
            // knownKind: the kind of a pack name the cell is as a whole, when the caller knows it from
            // the prefixes it looked up (cheaper than another lookup per candidate end).
            auto valid = [&](ColType type, QStringView cell, std::optional<EntityKind> knownKind) -> bool {
                if (type == ColType::Number)
                    return parseScoreCell(cell).has_value() || cell == u"\u2014" || cell == u"-";
                if (type == ColType::Model && knownKind == EntityKind::Model)
                    return true;
                if (type == ColType::Org && knownKind == EntityKind::Organization)
                    return true;
                const QString text = cell.toString();
                switch (type) {
                case ColType::Number: return false;
                case ColType::Model: {
                    const QString core = withoutNote(text); // "Llama 4 Maverick (17Bx128E)"
                    if (core.isEmpty() || core.size() > 48)
                        return false;
                    const auto known = x.matcher().find(core);
                    if (known.size() == 1 && known[0].range.start == 0 && known[0].range.end == core.size()
                        && x.pack().entities()[size_t(known[0].entity)].kind == EntityKind::Model)
                        return true;
                    return modelNameEnd(x, core, false) == core.size();
                }
                case ColType::Org: {
                    const auto known = x.matcher().find(text);
                    if (known.size() == 1 && known[0].range.start == 0 && known[0].range.end == text.size())
                        return x.pack().entities()[size_t(known[0].entity)].kind == EntityKind::Organization;
                    // No pack name: a name that does not end in a digit ("Nimbus AI", not "Nimbus AI23" of "Nimbus AI236B").
                    static const rx::Regex name(QStringLiteral(R"(^[A-Z][\w.&]*(?: [A-Z][\w.&]*){0,2}$)"));
                    return !text.back().isDigit() && rx::match(name, text).hasMatch();
                }
                case ColType::License: {
                    static const rx::Regex lic(QStringLiteral(
                        R"(^(?:Open(?: weights?)?|Proprietary|Closed|Custom|Research(?: only)?|Non-commercial|MIT|Apache(?: |-)2\.0|[A-Z][\w.]*(?: [\d.]+)?)(?:-equiv(?:alent)?)?$)"));
                    return rx::match(lic, text).hasMatch();
                }
                case ColType::Params: {
                    static const rx::Regex par(QStringLiteral(
                        R"(^(?:~?\d+(?:\.\d+)?[BTM]\+?(?:\s*(?:/|x)\s*\d+(?:\.\d+)?[BTME])*(?:\s*\((?:dense|MoE|[\d.]+[BT] active|total)\))?(?:\s+(?:MoE|dense|total|active))?|MoE|Dense|Undisclosed|Unknown|Multiple sizes|Various)$)"),
                        QRegularExpression::CaseInsensitiveOption);
                    return rx::match(par, text).hasMatch();
                }
                case ColType::Label: return !text.isEmpty() && text[0].isLetter() && !parseScoreCell(text);
                case ColType::Text: return !text.isEmpty();
                }
                return false;
            };
            // A row holds a number (or a dash for a missing one) per score column: a line with fewer
            // digit runs and dashes is no row, found without the search below.
            {
                qsizetype numbers = 0;
                for (qsizetype i = 0; i < row.size(); ++i)
                    if ((row[i].isDigit() && (i == 0 || !row[i - 1].isDigit()) && (i < 2 || row[i - 1] != u'.' || !row[i - 2].isDigit()))
                        || row[i] == u'\u2014' || row[i] == u'-')
                        ++numbers;
                if (numbers < std::count(types.begin(), types.end(), ColType::Number)) {
                    ++misses;
                    continue;
                }
            }
            // Depth-first over where each cell ends; the first full split wins.
            const size_t n = types.size();
            std::vector<qsizetype> ends(n, -1);
            std::vector<char> dead(n * size_t(row.size() + 1), 0); // (column, start) already failed
            std::function<bool(size_t, qsizetype)> split = [&](size_t col, qsizetype from) -> bool {
                if (col == n)
                    return from == row.size();
                if (from >= row.size() || dead[col * size_t(row.size() + 1) + size_t(from)])
                    return false;
                std::vector<qsizetype> candidates;
                std::vector<std::pair<qsizetype, EntityKind>> knownEnds; // pack names starting at `from`
                if (col + 1 == n) {
                    candidates.push_back(row.size());
                } else {
                    // Known names first (longest), then every allowed boundary.
                    for (const Mention &m : x.matcher().prefixes(row.mid(from))) {
                        knownEnds.emplace_back(from + m.range.end, x.pack().entities()[size_t(m.entity)].kind);
                        if (boundaryAllowed(row, from + m.range.end))
                            candidates.push_back(from + m.range.end);
                    }
                    std::vector<qsizetype> others;
                    for (qsizetype e = from + 1; e < row.size() && e - from <= 64; ++e)
                        if (boundaryAllowed(row, e))
                            others.push_back(e);
                    const ColType type = types[col];
                    if (type == ColType::Model || type == ColType::Params || type == ColType::Org)
                        std::reverse(others.begin(), others.end()); // the longest name first
                    if (type == ColType::Number) // "89.5%92.7%": after a percent sign, else at a junction
                        std::stable_sort(others.begin(), others.end(), [&](qsizetype a, qsizetype c) {
                            return (row[a - 1] == u'%') > (row[c - 1] == u'%');
                        });
                    candidates.insert(candidates.end(), others.begin(), others.end());
                }
                for (const qsizetype e : candidates) {
                    // Two numbers in a row are told apart by a sign ("89.5%92.7%"), never by a guess ("42.842.1").
                    const bool numberEdge = types[col] == ColType::Number || (col + 1 < n && types[col + 1] == ColType::Number);
                    if (numberEdge && e < row.size() && row[e].isDigit() && (row[e - 1].isDigit() || row[e - 1] == u'.'))
                        continue;
                    std::optional<EntityKind> knownKind;
                    const QStringView cell = row.mid(from, e - from);
                    if (cell.size() == cell.trimmed().size())
                        for (const auto &[end, kind] : knownEnds)
                            if (end == e)
                                knownKind = kind;
                    if (!valid(types[col], cell.trimmed(), knownKind))
                        continue;
                    ends[col] = e;
                    if (split(col + 1, e))
                        return true;
                }
                dead[col * size_t(row.size() + 1) + size_t(from)] = 1;
                return false;
            };
            if (!split(0, 0)) {
                ++misses; // a ragged row ("42.8%42.1%" under four models): never guess its cells
                continue;
            }
            misses = 0;
            lastRow = next;
            std::vector<Cell> cells;
            qsizetype from = 0;
            for (size_t c = 0; c < n; ++c) {
                cells.push_back(Cell{{rr.start + from, rr.start + ends[c]}, row.mid(from, ends[c] - from).toString().trimmed()});
                from = ends[c];
            }
            grid.rows.push_back(std::move(cells));
            // The cells are mentions too.
            for (const Cell &c : grid.rows.back()) {
                std::erase_if(hits, [&](const Hit &h) { return h.range.start >= rr.start && h.range.end <= rr.end && h.range.start < c.range.end && h.range.end > c.range.start; });
                findMentions(c.range);
            }
        }
        if (grid.rows.empty())
            continue;
        for (const Cell &c : header) {
            std::erase_if(hits, [&](const Hit &h) { return h.range.start < c.range.end && h.range.end > c.range.start; });
            findMentions(c.range);
        }
        std::sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &bb) { return a.range.start < bb.range.start; });
        GridReader{*this, grid}.read();
        for (size_t k = b; k <= lastRow; ++k)
            m_tableBlocks.insert(int(k));
        b = lastRow; // a ragged row between good ones stays in the table; what follows the last good row does not
    }
}

} // namespace sextant::extract
