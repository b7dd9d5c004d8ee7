#include "cli/Cli.h"

#include "cli/Output.h"
#include "common/Progress.h"
#include "extract/Extractor.h"
#include "ingest/DocumentReader.h"
#include "ingest/Format.h"
#include "library/IngestEngine.h"
#include "library/Library.h"
#include "library/Annotations.h"
#include "library/Knowledge.h"
#include "library/Maintenance.h"
#include "model/StructureCodec.h"
#include "report/Bibliography.h"
#include "report/Charts.h"
#include "report/Timeline.h"

#ifdef SEXTANT_WITH_RENDER
#include "render/Render.h"
#include "render/ReportWriter.h"
#endif

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>
#include <cstdio>
#include <mutex>
#include <unistd.h>

namespace sextant::cli {

namespace {

using library::Library;

// ---------------------------------------------------------------------------
// Argument specs

struct OptSpec {
    QString name;      // without the dashes
    QString valueName; // empty for a flag
    QString help;
};

struct CmdSpec {
    QString name;
    QString usage;
    QString summary;
    std::vector<OptSpec> options;
};

const std::vector<CmdSpec> &commands()
{
    static const std::vector<CmdSpec> all{
        {QStringLiteral("ingest"), QStringLiteral("PATH..."),
         QStringLiteral("Add files and folders (recursively) to the library"),
         {{QStringLiteral("glob"), QStringLiteral("PATTERN"), QStringLiteral("only files whose name matches (repeatable), e.g. '*.md'")},
          {QStringLiteral("no-recursive"), {}, QStringLiteral("do not descend into sub-folders")},
          {QStringLiteral("max-size"), QStringLiteral("MB"), QStringLiteral("skip files larger than this (default 50)")},
          {QStringLiteral("threads"), QStringLiteral("N"), QStringLiteral("parse threads (default: one per core)")},
          {QStringLiteral("json"), {}, QStringLiteral("print the summary as JSON")}}},
        {QStringLiteral("list"), QString(), QStringLiteral("List the sources in the library"),
         {{QStringLiteral("sort"), QStringLiteral("KEY"), QStringLiteral("added (default), title, published, publisher or id")},
          {QStringLiteral("desc"), {}, QStringLiteral("sort in descending order")},
          {QStringLiteral("limit"), QStringLiteral("N"), QStringLiteral("show at most N sources")},
          {QStringLiteral("offset"), QStringLiteral("N"), QStringLiteral("skip the first N sources")},
          {QStringLiteral("json"), {}, QStringLiteral("print JSON")}}},
        {QStringLiteral("show"), QStringLiteral("ID"), QStringLiteral("Show a source's metadata and structured text"),
         {{QStringLiteral("version"), QStringLiteral("N"), QStringLiteral("show version N instead of the current one")},
          {QStringLiteral("versions"), {}, QStringLiteral("list the source's versions")},
          {QStringLiteral("meta"), {}, QStringLiteral("metadata only, no text")},
          {QStringLiteral("json"), {}, QStringLiteral("print JSON (text, blocks with offsets, tables)")}}},
        {QStringLiteral("search"), QStringLiteral("QUERY..."), QStringLiteral("Search the library's full text"),
         {{QStringLiteral("limit"), QStringLiteral("N"), QStringLiteral("results per page (default 10)")},
          {QStringLiteral("offset"), QStringLiteral("N"), QStringLiteral("skip the first N results")},
          {QStringLiteral("sort"), QStringLiteral("ORDER"), QStringLiteral("relevance (default), newest or oldest")},
          {QStringLiteral("json"), {}, QStringLiteral("print JSON")}}},
        {QStringLiteral("remove"), QStringLiteral("ID..."), QStringLiteral("Remove sources (or one old version) from the library"),
         {{QStringLiteral("version"), QStringLiteral("N"), QStringLiteral("remove only version N of the source")}}},
        {QStringLiteral("reindex"), QString(), QStringLiteral("Rebuild the search index from the database"),
         {{QStringLiteral("threads"), QStringLiteral("N"), QStringLiteral("threads (default: one per core)")}}},
        {QStringLiteral("entities"), QString(), QStringLiteral("List the models, organizations, benchmarks, people and licenses found"),
         {{QStringLiteral("kind"), QStringLiteral("KIND"), QStringLiteral("model, organization, benchmark, person, license, product or other")},
          {QStringLiteral("all"), {}, QStringLiteral("include rejected entities")},
          {QStringLiteral("json"), {}, QStringLiteral("print JSON")}}},
        {QStringLiteral("scores"), QString(), QStringLiteral("List benchmark scores with their sources"),
         {{QStringLiteral("benchmark"), QStringLiteral("B"), QStringLiteral("only this benchmark (name or alias)")},
          {QStringLiteral("model"), QStringLiteral("M"), QStringLiteral("only this model (name or alias)")},
          {QStringLiteral("json"), {}, QStringLiteral("print JSON")}}},
        {QStringLiteral("timeline"), QString(), QStringLiteral("List dated events in date order, or draw the open-versus-closed timeline"),
         {{QStringLiteral("out"), QStringLiteral("FILE"), QStringLiteral("draw it to FILE.svg, .png or .pdf")},
          {QStringLiteral("from"), QStringLiteral("DATE"), QStringLiteral("from this date (YYYY, YYYY-MM or YYYY-MM-DD)")},
          {QStringLiteral("to"), QStringLiteral("DATE"), QStringLiteral("up to this date")},
          {QStringLiteral("org"), QStringLiteral("O"), QStringLiteral("only this organization (repeat for more)")},
          {QStringLiteral("kind"), QStringLiteral("K"), QStringLiteral("only this kind of event: release, investment, ... (repeat)")},
          {QStringLiteral("openness"), QStringLiteral("O"), QStringLiteral("only open, closed or unknown releases (repeat)")},
          {QStringLiteral("lanes"), QStringLiteral("BY"), QStringLiteral("lanes by org (default) or openness")},
          {QStringLiteral("pack"), {}, QStringLiteral("add every release the knowledge pack knows")},
          {QStringLiteral("csv"), {}, QStringLiteral("print the timeline's rows as CSV")},
          {QStringLiteral("scale"), QStringLiteral("N"), QStringLiteral("PNG scale (default 2)")},
          {QStringLiteral("json"), {}, QStringLiteral("print JSON")}}},
        {QStringLiteral("chart"), QString(), QStringLiteral("Compare models on a benchmark: bars, a scatter, or the open-closed gap"),
         {{QStringLiteral("benchmark"), QStringLiteral("B"), QStringLiteral("the benchmark (repeat for grouped bars)")},
          {QStringLiteral("model"), QStringLiteral("M"), QStringLiteral("a model (repeat; default: every model with a score)")},
          {QStringLiteral("kind"), QStringLiteral("KIND"), QStringLiteral("bars (default), scatter or gap")},
          {QStringLiteral("x"), QStringLiteral("AXIS"), QStringLiteral("scatter against params (default) or released")},
          {QStringLiteral("setting"), QStringLiteral("S"), QStringLiteral("only scores in this setting; * for all, each labelled")},
          {QStringLiteral("title"), QStringLiteral("T"), QStringLiteral("the chart's title")},
          {QStringLiteral("footnote"), QStringLiteral("F"), QStringLiteral("the chart's footnote (default: its sources)")},
          {QStringLiteral("limit"), QStringLiteral("N"), QStringLiteral("at most N models (default 20)")},
          {QStringLiteral("out"), QStringLiteral("FILE"), QStringLiteral("draw it to FILE.svg, .png or .pdf")},
          {QStringLiteral("scale"), QStringLiteral("N"), QStringLiteral("PNG scale (default 2)")},
          {QStringLiteral("csv"), {}, QStringLiteral("print the data as CSV")},
          {QStringLiteral("markdown"), {}, QStringLiteral("print the data as a Markdown table (the default without --out)")},
          {QStringLiteral("save"), QStringLiteral("NAME"), QStringLiteral("save the definition in the library")},
          {QStringLiteral("name"), QStringLiteral("NAME"), QStringLiteral("draw a saved definition")},
          {QStringLiteral("suggest"), {}, QStringLiteral("list the models with a score on the benchmark")}}},
        {QStringLiteral("charts"), QString(), QStringLiteral("List saved chart definitions"),
         {{QStringLiteral("remove"), QStringLiteral("NAME"), QStringLiteral("remove a saved definition")}}},
        {QStringLiteral("report"), QString(), QStringLiteral("Write a report: timeline, charts, tables, disagreements, bibliography"),
         {{QStringLiteral("out"), QStringLiteral("FILE"), QStringLiteral("FILE.md (figures beside it), .html (self-contained) or .pdf")},
          {QStringLiteral("benchmark"), QStringLiteral("B"), QStringLiteral("a bar chart of this benchmark (repeat; default: saved charts, else the three most scored)")},
          {QStringLiteral("title"), QStringLiteral("T"), QStringLiteral("the report's title")},
          {QStringLiteral("no-timeline"), {}, QStringLiteral("leave the timeline out")}}},
        {QStringLiteral("bib"), QString(), QStringLiteral("Print the library's sources as a bibliography"),
         {{QStringLiteral("format"), QStringLiteral("F"), QStringLiteral("csl (CSL-JSON, default), bibtex or markdown")}}},
        {QStringLiteral("annotate"), QStringLiteral("SOURCE-ID"), QStringLiteral("Highlight a passage of a source, with a note and tags"),
         {{QStringLiteral("quote"), QStringLiteral("TEXT"), QStringLiteral("the passage, as it is in the source's text")},
          {QStringLiteral("occurrence"), QStringLiteral("N"), QStringLiteral("the Nth place the quote occurs (default 1)")},
          {QStringLiteral("color"), QStringLiteral("C"), QStringLiteral("yellow (default), green, blue, pink, purple or orange")},
          {QStringLiteral("note"), QStringLiteral("TEXT"), QStringLiteral("a note")},
          {QStringLiteral("tag"), QStringLiteral("T"), QStringLiteral("a tag (repeat for more)")}}},
        {QStringLiteral("annotations"), QString(), QStringLiteral("List, export or import annotations"),
         {{QStringLiteral("source"), QStringLiteral("ID"), QStringLiteral("only this source's")},
          {QStringLiteral("tag"), QStringLiteral("T"), QStringLiteral("only those with this tag")},
          {QStringLiteral("color"), QStringLiteral("C"), QStringLiteral("only those of this color")},
          {QStringLiteral("orphaned"), {}, QStringLiteral("only those whose passage is gone")},
          {QStringLiteral("json"), {}, QStringLiteral("print W3C Web Annotation JSON-LD")},
          {QStringLiteral("markdown"), {}, QStringLiteral("print Markdown with citations")},
          {QStringLiteral("import"), QStringLiteral("FILE"), QStringLiteral("import W3C Web Annotation JSON-LD")},
          {QStringLiteral("delete"), QStringLiteral("ID"), QStringLiteral("delete an annotation (its id or the id's start)")}}},
        {QStringLiteral("conflicts"), QString(), QStringLiteral("List where sources disagree, with each value's source and quote"),
         {{QStringLiteral("json"), {}, QStringLiteral("print JSON")}}},
        {QStringLiteral("export"), QString(), QStringLiteral("Export sources, entities, scores, events and conflicts"),
         {{QStringLiteral("json"), {}, QStringLiteral("one JSON object (the format other tools read)")}}},
        {QStringLiteral("correct"), QStringLiteral("ACTION ENTITY [VALUE] [EXTRA]"),
         QStringLiteral("Correct extraction: rename, merge, split, reject-entity, confirm-entity, reject-mention, reject-fact, set, add"),
         {{QStringLiteral("list"), {}, QStringLiteral("list the corrections made so far")},
          {QStringLiteral("undo"), {}, QStringLiteral("undo the newest correction")},
          {QStringLiteral("redo"), {}, QStringLiteral("redo the newest undone correction")},
          {QStringLiteral("json"), {}, QStringLiteral("print JSON")}}},
        {QStringLiteral("reextract"), QString(), QStringLiteral("Run extraction again over every source (after an upgrade)"),
         {{QStringLiteral("threads"), QStringLiteral("N"), QStringLiteral("threads (default: one per core)")}}},
        {QStringLiteral("extract"), QStringLiteral("FILE"),
         QStringLiteral("Show what extraction finds in a file, without adding it to a library"),
         {{QStringLiteral("json"), {}, QStringLiteral("print JSON")}}},
        {QStringLiteral("check"), QString(), QStringLiteral("Verify the database, originals and search index"),
         {{QStringLiteral("repair"), {}, QStringLiteral("fix what can be fixed (index, unreferenced originals)")},
          {QStringLiteral("json"), {}, QStringLiteral("print JSON")}}},
    };
    return all;
}

const CmdSpec *findCommand(const QString &name)
{
    for (const CmdSpec &c : commands())
        if (c.name == name)
            return &c;
    return nullptr;
}

struct Args {
    QHash<QString, QStringList> values;
    QSet<QString> flags;
    QStringList positional;
    bool help = false;

    QString value(const QString &k, const QString &fallback = {}) const
    {
        const QStringList v = values.value(k);
        return v.isEmpty() ? fallback : v.last();
    }
    bool has(const QString &k) const { return flags.contains(k) || values.contains(k); }
};

Result<Args> parseArgs(const CmdSpec &spec, const QStringList &args)
{
    Args out;
    bool onlyPositional = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (onlyPositional || !a.startsWith(u'-') || a == u"-") {
            out.positional << a;
            continue;
        }
        if (a == u"--") {
            onlyPositional = true;
            continue;
        }
        if (a == u"-h" || a == u"--help") {
            out.help = true;
            continue;
        }
        QString name = a.mid(a.startsWith(u"--") ? 2 : 1);
        QString value;
        bool hasValue = false;
        if (const qsizetype eq = name.indexOf(u'='); eq > 0) {
            value = name.mid(eq + 1);
            name.truncate(eq);
            hasValue = true;
        }
        const auto opt = std::find_if(spec.options.begin(), spec.options.end(), [&](const OptSpec &o) { return o.name == name; });
        if (opt == spec.options.end())
            return fail(ErrorCode::Invalid, QStringLiteral("%1: unknown option '%2' (see sextant %1 --help)").arg(spec.name, a));
        if (opt->valueName.isEmpty()) {
            if (hasValue)
                return fail(ErrorCode::Invalid, QStringLiteral("%1: option --%2 takes no value").arg(spec.name, name));
            out.flags.insert(name);
            continue;
        }
        if (!hasValue) {
            if (i + 1 >= args.size())
                return fail(ErrorCode::Invalid, QStringLiteral("%1: option --%2 needs a value (%3)").arg(spec.name, name, opt->valueName));
            value = args[++i];
        }
        out.values[name] << value;
    }
    return out;
}

Result<qint64> intOption(const Args &args, const QString &cmd, const QString &name, qint64 fallback, qint64 min)
{
    if (!args.values.contains(name))
        return fallback;
    bool ok = false;
    const qint64 v = args.value(name).toLongLong(&ok);
    if (!ok || v < min)
        return fail(ErrorCode::Invalid, QStringLiteral("%1: --%2 needs a whole number of at least %3, not '%4'")
                                            .arg(cmd, name)
                                            .arg(min)
                                            .arg(args.value(name)));
    return v;
}

QString commandHelp(const CmdSpec &c)
{
    QString out = QStringLiteral("Usage: sextant [--library DIR] %1%2\n\n%3.\n").arg(c.name, c.usage.isEmpty() ? QString() : u' ' + c.usage, c.summary);
    if (!c.options.empty()) {
        out += QStringLiteral("\nOptions:\n");
        for (const OptSpec &o : c.options) {
            const QString left = QStringLiteral("--") + o.name + (o.valueName.isEmpty() ? QString() : u' ' + o.valueName);
            out += QStringLiteral("  %1%2\n").arg(left.leftJustified(20), o.help);
        }
        out += QStringLiteral("  %1%2\n").arg(QStringLiteral("-h, --help").leftJustified(20), QStringLiteral("show this help"));
    }
    if (c.name == u"search")
        out += QStringLiteral(
            "\nQuery language: words are ANDed and stemmed; \"exact phrase\"; AND, OR, NOT, XOR;\n"
            "+required -excluded; a NEAR b, a NEAR/3 b; wildcards (llam*); fields title:, publisher:\n"
            "(or source:), author:, type:html|markdown|text, site:example.com; date ranges\n"
            "date:2025-01-01..2026-04-30, date:2025.., date:..2024-06.\n");
    return out;
}

QString mainHelp()
{
    QString out = QStringLiteral(
        "Sextant %1: a research knowledge base for people who follow the AI industry.\n\n"
        "Usage: sextant [GLOBAL OPTIONS] COMMAND [OPTIONS] [ARGS]\n"
        "       sextant [--library DIR]          (no command: open the window)\n\n"
        "Commands:\n")
                      .arg(QStringLiteral(SEXTANT_VERSION));
    for (const CmdSpec &c : commands())
        out += QStringLiteral("  %1%2\n").arg(c.name.leftJustified(12), c.summary);
    out += QStringLiteral(
        "\nGlobal options (before the command):\n"
        "  --library DIR       the library folder (default: $SEXTANT_LIBRARY, else\n"
        "                      %1)\n"
        "  -q, --quiet         no progress bar or notes on stderr\n"
        "  --demo              (window) fill an empty library with the demo sources\n"
        "  -h, --help          show this help; `sextant COMMAND --help` for a command\n"
        "  --version           print the version\n\n"
        "Exit codes: 0 ok; 1 some input failed or check found problems; 2 usage error;\n"
        "3 the library is being written by another process; 4 the library cannot be\n"
        "opened or written; 5 no such source; 130 interrupted (committed work is kept).\n")
               .arg(Library::defaultLocation());
    return out;
}

// ---------------------------------------------------------------------------
// Interrupts: the first Ctrl+C asks the running engine to stop at a safe
// point; the second one ends the process at once.

CancelFlag g_cancel{false};

extern "C" void onInterrupt(int)
{
    if (g_cancel.exchange(true)) {
        std::signal(SIGINT, SIG_DFL);
        std::raise(SIGINT);
    }
}

/// A one-line progress bar on stderr, only when stderr is a terminal.
class TerminalProgress final : public ProgressSink {
public:
    explicit TerminalProgress(bool enabled) : m_enabled(enabled && ::isatty(STDERR_FILENO)) { m_clock.start(); }
    ~TerminalProgress() override { finish(); }

    void report(const Progress &p) override
    {
        if (!m_enabled)
            return;
        std::lock_guard lock(m_mutex);
        // Only long work gets a bar, and at most ten redraws a second.
        if (m_clock.elapsed() < 300 || (m_clock.elapsed() - m_last < 100 && p.phase == m_phase))
            return;
        m_last = m_clock.elapsed();
        m_phase = p.phase;
        QString line;
        if (p.total > 0) {
            const int width = 24;
            const int filled = static_cast<int>(width * std::min<qint64>(p.done, p.total) / p.total);
            line = QStringLiteral("%1 [%2%3] %4/%5").arg(p.phase, QString(filled, u'#'), QString(width - filled, u'.')).arg(p.done).arg(p.total);
        } else {
            line = QStringLiteral("%1 %2").arg(p.phase).arg(p.done);
        }
        if (p.errors > 0)
            line += QStringLiteral(" (%1 skipped)").arg(p.errors);
        std::fprintf(stderr, "\r\033[K%s", line.left(120).toLocal8Bit().constData());
        std::fflush(stderr);
        m_drawn = true;
    }

    void finish()
    {
        std::lock_guard lock(m_mutex);
        if (m_drawn) {
            std::fprintf(stderr, "\r\033[K");
            std::fflush(stderr);
            m_drawn = false;
        }
    }

private:
    bool m_enabled;
    bool m_drawn = false;
    std::mutex m_mutex;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    QString m_phase;
};

int exitFor(const Error &e)
{
    switch (e.code) {
    case ErrorCode::Busy: return ExitBusy;
    case ErrorCode::NotFound: return ExitLibrary;
    case ErrorCode::Invalid: return ExitUsage;
    case ErrorCode::Cancelled: return ExitCancelled;
    default: return ExitLibrary;
    }
}

int report(Output &out, const Error &e)
{
    out.error(e.message);
    return exitFor(e);
}

struct Context {
    QString libraryDir;
    bool quiet = false;
    Output &out;
};

Result<std::unique_ptr<Library>> openLibrary(const Context &ctx, Library::Access access)
{
    return Library::open(ctx.libraryDir, access);
}

// ---------------------------------------------------------------------------
// Commands

int cmdIngest(const Context &ctx, const Args &args)
{
    Output &out = ctx.out;
    if (args.positional.isEmpty()) {
        out.error(QStringLiteral("ingest: name at least one file or folder (see sextant ingest --help)"));
        return ExitUsage;
    }
    library::IngestRequest req;
    req.paths = args.positional;
    req.globs = args.values.value(QStringLiteral("glob"));
    req.recursive = !args.has(QStringLiteral("no-recursive"));
    auto maxSize = intOption(args, QStringLiteral("ingest"), QStringLiteral("max-size"), 50, 1);
    auto threads = intOption(args, QStringLiteral("ingest"), QStringLiteral("threads"), 0, 1);
    if (!maxSize || !threads)
        return report(out, !maxSize ? maxSize.error() : threads.error());
    req.maxFileBytes = *maxSize * 1024 * 1024;
    req.threads = static_cast<int>(*threads);

    auto lib = openLibrary(ctx, Library::Access::Write);
    if (!lib)
        return report(out, lib.error());
    TerminalProgress progress(!ctx.quiet);
    library::IngestEngine engine(**lib);
    auto summary = engine.run(req, progress, g_cancel);
    progress.finish();
    if (!summary)
        return report(out, summary.error());
    printIngestSummary(out, *summary, args.has(QStringLiteral("json")));
    if (summary->cancelled)
        return ExitCancelled;
    return summary->anyFailed() ? ExitSomeFailed : ExitOk;
}

int cmdList(const Context &ctx, const Args &args)
{
    Output &out = ctx.out;
    const QString sortName = args.value(QStringLiteral("sort"), QStringLiteral("added"));
    static const QHash<QString, store::SourceOrder> orders{{QStringLiteral("added"), store::SourceOrder::Added},
                                                           {QStringLiteral("title"), store::SourceOrder::Title},
                                                           {QStringLiteral("published"), store::SourceOrder::Published},
                                                           {QStringLiteral("publisher"), store::SourceOrder::Publisher},
                                                           {QStringLiteral("id"), store::SourceOrder::Id}};
    if (!orders.contains(sortName)) {
        out.error(QStringLiteral("list: --sort takes added, title, published, publisher or id, not '%1'").arg(sortName));
        return ExitUsage;
    }
    auto limit = intOption(args, QStringLiteral("list"), QStringLiteral("limit"), -1, 0);
    auto offset = intOption(args, QStringLiteral("list"), QStringLiteral("offset"), 0, 0);
    if (!limit || !offset)
        return report(out, !limit ? limit.error() : offset.error());
    auto lib = openLibrary(ctx, Library::Access::Read);
    if (!lib)
        return report(out, lib.error());
    auto rows = (*lib)->store().listSources(orders.value(sortName), args.has(QStringLiteral("desc")), *limit, *offset);
    if (!rows)
        return report(out, rows.error());
    printSourceList(out, *rows, args.has(QStringLiteral("json")));
    return ExitOk;
}

Result<qint64> sourceId(const QString &cmd, const QString &text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        return fail(ErrorCode::Invalid, QStringLiteral("%1: '%2' is not a source id (see sextant list)").arg(cmd, text));
    return id;
}

int cmdShow(const Context &ctx, const Args &args)
{
    Output &out = ctx.out;
    if (args.positional.size() != 1) {
        out.error(QStringLiteral("show: name one source id (see sextant list)"));
        return ExitUsage;
    }
    auto id = sourceId(QStringLiteral("show"), args.positional.first());
    if (!id)
        return report(out, id.error());
    auto seq = intOption(args, QStringLiteral("show"), QStringLiteral("version"), 0, 1);
    if (!seq)
        return report(out, seq.error());
    auto lib = openLibrary(ctx, Library::Access::Read);
    if (!lib)
        return report(out, lib.error());
    store::Store &store = (*lib)->store();
    if (args.has(QStringLiteral("versions"))) {
        auto versions = store.versions(*id);
        if (!versions)
            return report(out, versions.error());
        if (versions->empty()) {
            out.error(QStringLiteral("show: no source %1 in this library").arg(*id));
            return ExitNotFound;
        }
        printVersions(out, *versions, args.has(QStringLiteral("json")));
        return ExitOk;
    }
    auto doc = store.document(*id, *seq > 0 ? std::optional<int>(static_cast<int>(*seq)) : std::nullopt);
    if (!doc) {
        out.error(doc.error().message);
        return doc.error().code == ErrorCode::NotFound ? ExitNotFound : ExitLibrary;
    }
    auto versions = store.versions(*id);
    const int count = versions ? static_cast<int>(versions->size()) : 1;
    printDocument(out, *doc, count, (*lib)->paths().root, args.has(QStringLiteral("json")), args.has(QStringLiteral("meta")));
    return ExitOk;
}

int cmdSearch(const Context &ctx, const Args &args)
{
    Output &out = ctx.out;
    const QString query = args.positional.join(u' ');
    if (query.trimmed().isEmpty()) {
        out.error(QStringLiteral("search: give a query (see sextant search --help)"));
        return ExitUsage;
    }
    index::SearchOptions opts;
    auto limit = intOption(args, QStringLiteral("search"), QStringLiteral("limit"), 10, 1);
    auto offset = intOption(args, QStringLiteral("search"), QStringLiteral("offset"), 0, 0);
    if (!limit || !offset)
        return report(out, !limit ? limit.error() : offset.error());
    opts.limit = static_cast<int>(std::min<qint64>(*limit, 10000));
    opts.offset = static_cast<int>(std::min<qint64>(*offset, 1'000'000));
    const QString sort = args.value(QStringLiteral("sort"), QStringLiteral("relevance"));
    if (sort == u"newest")
        opts.sort = index::SearchOptions::Sort::NewestFirst;
    else if (sort == u"oldest")
        opts.sort = index::SearchOptions::Sort::OldestFirst;
    else if (sort != u"relevance") {
        out.error(QStringLiteral("search: --sort takes relevance, newest or oldest, not '%1'").arg(sort));
        return ExitUsage;
    }
    auto lib = openLibrary(ctx, Library::Access::Read);
    if (!lib)
        return report(out, lib.error());
    auto page = (*lib)->search(query, opts);
    if (!page)
        return report(out, page.error());
    printSearch(out, query, opts, *page, args.has(QStringLiteral("json")));
    return ExitOk;
}

int cmdRemove(const Context &ctx, const Args &args)
{
    Output &out = ctx.out;
    if (args.positional.isEmpty()) {
        out.error(QStringLiteral("remove: name at least one source id (see sextant list)"));
        return ExitUsage;
    }
    auto seq = intOption(args, QStringLiteral("remove"), QStringLiteral("version"), 0, 1);
    if (!seq)
        return report(out, seq.error());
    std::vector<qint64> ids;
    for (const QString &p : args.positional) {
        auto id = sourceId(QStringLiteral("remove"), p);
        if (!id)
            return report(out, id.error());
        ids.push_back(*id);
    }
    auto lib = openLibrary(ctx, Library::Access::Write);
    if (!lib)
        return report(out, lib.error());
    int rc = ExitOk;
    for (qint64 id : ids) {
        auto r = *seq > 0 ? (*lib)->removeVersion(id, static_cast<int>(*seq)) : (*lib)->removeSource(id);
        if (!r) {
            out.error(r.error().message);
            rc = r.error().code == ErrorCode::NotFound ? ExitNotFound : (r.error().code == ErrorCode::Invalid ? ExitUsage : ExitLibrary);
            continue;
        }
        out.line(*seq > 0 ? QStringLiteral("removed version %1 of source %2").arg(*seq).arg(id)
                          : QStringLiteral("removed source %1").arg(id));
    }
    return rc;
}

int cmdReindex(const Context &ctx, const Args &args)
{
    Output &out = ctx.out;
    auto threads = intOption(args, QStringLiteral("reindex"), QStringLiteral("threads"), 0, 1);
    if (!threads)
        return report(out, threads.error());
    auto lib = openLibrary(ctx, Library::Access::Write);
    if (!lib)
        return report(out, lib.error());
    TerminalProgress progress(!ctx.quiet);
    auto r = library::reindexAll(**lib, progress, g_cancel, static_cast<int>(*threads));
    progress.finish();
    if (!r)
        return report(out, r.error());
    if (r->cancelled) {
        out.line(QStringLiteral("reindex cancelled; the previous index is unchanged"));
        return ExitCancelled;
    }
    out.line(QStringLiteral("reindexed %1 sources in %2 s").arg(r->documents).arg(r->seconds, 0, 'f', 1));
    return ExitOk;
}

int cmdCheck(const Context &ctx, const Args &args)
{
    Output &out = ctx.out;
    const bool repair = args.has(QStringLiteral("repair"));
    auto lib = openLibrary(ctx, repair ? Library::Access::Write : Library::Access::Read);
    if (!lib)
        return report(out, lib.error());
    TerminalProgress progress(!ctx.quiet);
    auto r = library::checkLibrary(**lib, repair, progress, g_cancel);
    progress.finish();
    if (!r)
        return report(out, r.error());
    printCheck(out, *r, args.has(QStringLiteral("json")));
    return r->healthy() ? ExitOk : ExitSomeFailed;
}

} // namespace

bool needsPainting(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        if (a == u"--library") {
            ++i;
            continue;
        }
        if (a.startsWith(u'-'))
            continue;
        if (a == u"report")
            return true;
        if (a == u"chart" || a == u"timeline")
            return arguments.mid(i + 1).contains(QStringLiteral("--out"))
                   || std::any_of(arguments.begin() + i + 1, arguments.end(), [](const QString &x) { return x.startsWith(u"--out="); });
        return false;
    }
    return false;
}

bool isCommandLine(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        if (a == u"--library") {
            ++i;
            continue;
        }
        if (a.startsWith(u"--library=") || a == u"-q" || a == u"--quiet" || a == u"--demo")
            continue; // options of the window
        // Files handed over by the desktop ("Open with Sextant") open the window.
        if (!findCommand(a) && !a.startsWith(u'-') && QFileInfo::exists(a))
            continue;
        return true; // a command, --help, --version, or something to complain about
    }
    return false;
}

/// Opens the library for reading, loads its knowledge, and hands it to `use`; errors are reported.
template <typename Use>
int withKnowledge(const Context &ctx, const library::Knowledge::Options &options, Use &&use)
{
    auto lib = openLibrary(ctx, Library::Access::Read);
    if (!lib)
        return report(ctx.out, lib.error());
    auto k = library::Knowledge::load(**lib, options);
    if (!k)
        return report(ctx.out, k.error());
    return use(*k);
}

int cmdEntities(const Context &ctx, const Args &args)
{
    Output &out = ctx.out;
    const QString kind = args.value(QStringLiteral("kind"));
    if (!kind.isEmpty() && extract::entityKindFromName(kind) == extract::EntityKind::Other && kind != u"other") {
        out.error(QStringLiteral("entities: unknown kind '%1' (model, organization, benchmark, person, license, product, other)").arg(kind));
        return ExitUsage;
    }
    library::Knowledge::Options options;
    options.withQuotes = false; // the list shows no quotes
    options.includeRejected = args.has(QStringLiteral("all"));
    return withKnowledge(ctx, options, [&](const library::Knowledge &k) {
        printEntities(out, k, kind.isEmpty() ? QString() : extract::entityKindName(extract::entityKindFromName(kind)),
                      args.has(QStringLiteral("json")));
        return int(ExitOk);
    });
}

int showScores(const Context &ctx, const Args &args, const library::Knowledge &k)
{
    Output &out = ctx.out;
    QString benchKey, modelKey;
    for (const auto &[option, key] : {std::pair{QStringLiteral("benchmark"), &benchKey}, std::pair{QStringLiteral("model"), &modelKey}}) {
        const QString name = args.value(option);
        if (name.isEmpty())
            continue;
        const library::KnownEntity *e = k.find(name);
        if (!e) {
            out.error(QStringLiteral("scores: no %1 named '%2' in this library (see sextant entities --kind %1)").arg(option, name));
            return ExitNotFound;
        }
        *key = e->key;
    }
    std::vector<const library::KnownScore *> scores;
    for (const library::KnownScore &s : k.scores)
        if ((benchKey.isEmpty() || s.benchmarkKey == benchKey) && (modelKey.isEmpty() || s.modelKey == modelKey))
            scores.push_back(&s);
    // By benchmark, then best first.
    std::stable_sort(scores.begin(), scores.end(), [](const library::KnownScore *x, const library::KnownScore *y) {
        if (x->benchmark != y->benchmark)
            return x->benchmark < y->benchmark;
        return x->value > y->value;
    });
    printScores(out, scores, args.has(QStringLiteral("json")));
    return ExitOk;
}

int cmdScores(const Context &ctx, const Args &args)
{
    return withKnowledge(ctx, {}, [&](const library::Knowledge &k) { return showScores(ctx, args, k); });
}

/// Draws with the renderer; a build without QtGui says it cannot.
int cannotDraw(Output &out)
{
    out.error(QStringLiteral("this build of Sextant cannot draw (built without the window); use --csv or --markdown"));
    return ExitUsage;
}

[[maybe_unused]] double scaleOf(const Args &args) { return std::clamp(args.value(QStringLiteral("scale"), QStringLiteral("2")).toDouble(), 0.25, 8.0); }

int drawTimeline(const Context &ctx, const library::Knowledge &k, const report::Timeline &t, const Args &args)
{
#ifdef SEXTANT_WITH_RENDER
    const QString path = args.value(QStringLiteral("out"));
    const QString title = QStringLiteral("Releases and events, %1 to %2").arg(t.first.toString(Qt::ISODate), t.last.toString(Qt::ISODate));
    const QString error = render::exportTimeline(path, t, {}, title, report::timelineFootnote(k, t), scaleOf(args));
    if (!error.isEmpty()) {
        ctx.out.error(QStringLiteral("timeline: ") + error);
        return ExitLibrary;
    }
    if (!ctx.quiet)
        ctx.out.note(QStringLiteral("Wrote %1: %2 event(s) in %3 lane(s)\n").arg(path).arg(t.items.size()).arg(t.lanes.size()));
    return ExitOk;
#else
    Q_UNUSED(k) Q_UNUSED(t) Q_UNUSED(args)
    return cannotDraw(ctx.out);
#endif
}

Result<report::ChartRequest> chartRequestOf(const Args &args)
{
    report::ChartRequest r;
    const auto kind = report::chartKindFromName(args.value(QStringLiteral("kind"), QStringLiteral("bars")));
    if (!kind)
        return fail(ErrorCode::Invalid, QStringLiteral("chart: --kind is bars, scatter or gap, not '%1'").arg(args.value(QStringLiteral("kind"))));
    r.kind = *kind;
    r.benchmarks = args.values.value(QStringLiteral("benchmark"));
    r.models = args.values.value(QStringLiteral("model"));
    r.setting = args.value(QStringLiteral("setting"));
    r.xAxis = args.value(QStringLiteral("x"), QStringLiteral("params"));
    if (r.xAxis != u"params" && r.xAxis != u"released")
        return fail(ErrorCode::Invalid, QStringLiteral("chart: --x is params or released, not '%1'").arg(r.xAxis));
    r.title = args.value(QStringLiteral("title"));
    r.footnote = args.value(QStringLiteral("footnote"));
    if (args.has(QStringLiteral("limit")))
        r.limit = args.value(QStringLiteral("limit")).toInt();
    return r;
}

int cmdChart(const Context &ctx, const Args &args)
{
    Output &out = ctx.out;
    report::ChartRequest request;
    if (args.has(QStringLiteral("name"))) {
        auto lib = openLibrary(ctx, Library::Access::Read);
        if (!lib)
            return report(out, lib.error());
        auto saved = (*lib)->store().charts();
        if (!saved)
            return report(out, saved.error());
        const QString name = args.value(QStringLiteral("name"));
        const auto it = std::find_if(saved->begin(), saved->end(), [&](const auto &c) { return c.first == name; });
        if (it == saved->end()) {
            out.error(QStringLiteral("chart: no saved chart named '%1' (see sextant charts)").arg(name));
            return ExitNotFound;
        }
        auto r = report::ChartRequest::fromJson(it->second);
        if (!r)
            return report(out, r.error());
        request = *r;
    } else {
        auto r = chartRequestOf(args);
        if (!r)
            return report(out, r.error());
        request = *r;
    }
    if (request.benchmarks.isEmpty()) {
        out.error(QStringLiteral("chart: choose a benchmark with --benchmark B (see sextant entities --kind benchmark)"));
        return ExitUsage;
    }
    if (args.has(QStringLiteral("save"))) {
        auto lib = openLibrary(ctx, Library::Access::Write);
        if (!lib)
            return report(out, lib.error());
        auto saved = (*lib)->store().saveChart(args.value(QStringLiteral("save")), request.toJson(),
                                               QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        if (!saved)
            return report(out, saved.error());
        if (!ctx.quiet)
            out.note(QStringLiteral("Saved chart '%1'\n").arg(args.value(QStringLiteral("save"))));
    }
    return withKnowledge(ctx, {}, [&](const library::Knowledge &k) {
        if (args.has(QStringLiteral("suggest"))) {
            for (const QString &m : report::suggestModels(k, request.benchmarks.front(), 50))
                out.text(m + u'\n');
            return int(ExitOk);
        }
        auto chart = report::buildChart(k, request);
        if (!chart)
            return report(out, chart.error());
        if (args.has(QStringLiteral("csv"))) {
            out.text(report::chartCsv(*chart, k));
            return int(ExitOk);
        }
        if (!args.has(QStringLiteral("out"))) {
            out.text(report::chartMarkdown(*chart, k));
            return int(ExitOk);
        }
#ifdef SEXTANT_WITH_RENDER
        const QString path = args.value(QStringLiteral("out"));
        const QString error = render::exportChart(path, *chart, scaleOf(args));
        if (!error.isEmpty()) {
            out.error(QStringLiteral("chart: ") + error);
            return int(ExitLibrary);
        }
        if (!ctx.quiet)
            out.note(QStringLiteral("Wrote %1: %2\n").arg(path, chart->title));
        return int(ExitOk);
#else
        return cannotDraw(out);
#endif
    });
}

int cmdCharts(const Context &ctx, const Args &args)
{
    Output &out = ctx.out;
    if (args.has(QStringLiteral("remove"))) {
        auto lib = openLibrary(ctx, Library::Access::Write);
        if (!lib)
            return report(out, lib.error());
        auto removed = (*lib)->store().removeChart(args.value(QStringLiteral("remove")));
        if (!removed)
            return report(out, removed.error());
        if (!*removed) {
            out.error(QStringLiteral("charts: no saved chart named '%1'").arg(args.value(QStringLiteral("remove"))));
            return ExitNotFound;
        }
        return ExitOk;
    }
    auto lib = openLibrary(ctx, Library::Access::Read);
    if (!lib)
        return report(out, lib.error());
    auto saved = (*lib)->store().charts();
    if (!saved)
        return report(out, saved.error());
    for (const auto &[name, json] : *saved)
        out.text(name + u'\t' + json + u'\n');
    return ExitOk;
}

int cmdReport(const Context &ctx, const Args &args)
{
    Output &out = ctx.out;
    if (!args.has(QStringLiteral("out"))) {
        out.error(QStringLiteral("report: name the file with --out FILE.md, FILE.html or FILE.pdf"));
        return ExitUsage;
    }
#ifdef SEXTANT_WITH_RENDER
    std::vector<report::ChartRequest> requests;
    for (const QString &b : args.values.value(QStringLiteral("benchmark"))) {
        report::ChartRequest r;
        r.benchmarks = {b};
        requests.push_back(r);
    }
    auto lib = openLibrary(ctx, Library::Access::Read);
    if (!lib)
        return report(out, lib.error());
    if (requests.empty()) {
        auto saved = (*lib)->store().charts();
        if (!saved)
            return report(out, saved.error());
        for (const auto &c : *saved)
            if (auto r = report::ChartRequest::fromJson(c.second))
                requests.push_back(*r);
    }
    auto k = library::Knowledge::load(**lib);
    if (!k)
        return report(out, k.error());
    if (requests.empty()) { // the three benchmarks with the most scored models
        const auto benches = report::scoredBenchmarks(*k);
        for (size_t i = 0; i < benches.size() && i < 3; ++i) {
            report::ChartRequest r;
            r.benchmarks = {benches[i].first};
            requests.push_back(r);
        }
    }
    render::ReportContent content;
    if (args.has(QStringLiteral("title")))
        content.title = args.value(QStringLiteral("title"));
    for (const report::ChartRequest &r : requests) {
        auto chart = report::buildChart(*k, r);
        if (!chart)
            return report(out, chart.error());
        content.charts.push_back(*chart);
    }
    if (!args.has(QStringLiteral("no-timeline")))
        content.timeline = report::buildTimeline(*k, {});
    const QString path = args.value(QStringLiteral("out"));
    const QString error = render::writeReport(path, *k, content);
    if (!error.isEmpty()) {
        out.error(QStringLiteral("report: ") + error);
        return ExitLibrary;
    }
    if (!ctx.quiet)
        out.note(QStringLiteral("Wrote %1: %2 chart(s)%3\n").arg(path).arg(content.charts.size()).arg(content.timeline ? QStringLiteral(" and the timeline") : QString()));
    return ExitOk;
#else
    Q_UNUSED(args)
    return cannotDraw(out);
#endif
}

int cmdBib(const Context &ctx, const Args &args)
{
    Output &out = ctx.out;
    const QString format = args.value(QStringLiteral("format"), QStringLiteral("csl"));
    if (format != u"csl" && format != u"bibtex" && format != u"markdown") {
        out.error(QStringLiteral("bib: --format is csl, bibtex or markdown, not '%1'").arg(format));
        return ExitUsage;
    }
    return withKnowledge(ctx, {}, [&](const library::Knowledge &k) {
        out.text(format == u"csl" ? report::cslJson(k.sources) : format == u"bibtex" ? report::bibtex(k.sources) : report::markdownBibliography(k.sources));
        return int(ExitOk);
    });
}

QDate dayOf(const QString &text, bool end)
{
    const model::PartialDate d = model::PartialDate::fromIso(text);
    if (!d.isValid())
        return {};
    const auto [first, last] = report::daysOf(d);
    return end ? last : first;
}

int cmdTimeline(const Context &ctx, const Args &args)
{
    Output &out = ctx.out;
    const bool draw = args.has(QStringLiteral("out")), csv = args.has(QStringLiteral("csv"));
    if (!draw && !csv)
        return withKnowledge(ctx, {}, [&](const library::Knowledge &k) {
            printTimeline(ctx.out, k, args.has(QStringLiteral("json")));
            return int(ExitOk);
        });
    report::TimelineRequest request;
    for (const char *key : {"from", "to"}) {
        const QString v = args.value(QString::fromLatin1(key));
        if (v.isEmpty())
            continue;
        const QDate d = dayOf(v, qstrcmp(key, "to") == 0);
        if (!d.isValid()) {
            out.error(QStringLiteral("timeline: --%1 wants a date as YYYY, YYYY-MM or YYYY-MM-DD, not '%2'").arg(QString::fromLatin1(key), v));
            return ExitUsage;
        }
        (qstrcmp(key, "to") == 0 ? request.to : request.from) = d;
    }
    request.organizations = args.values.value(QStringLiteral("org"));
    request.kinds = args.values.value(QStringLiteral("kind"));
    request.openness = args.values.value(QStringLiteral("openness"));
    request.lanesByOpenness = args.value(QStringLiteral("lanes")) == u"openness";
    request.wholePack = args.has(QStringLiteral("pack"));
    return withKnowledge(ctx, {}, [&](const library::Knowledge &k) {
        const report::Timeline t = report::buildTimeline(k, request);
        if (csv) {
            out.text(report::timelineCsv(t));
            return int(ExitOk);
        }
        return drawTimeline(ctx, k, t, args);
    });
}

int cmdAnnotate(const Context &ctx, const Args &args)
{
    Output &out = ctx.out;
    bool ok = false;
    const qint64 id = args.positional.value(0).toLongLong(&ok);
    const QString quote = args.value(QStringLiteral("quote"));
    if (!ok || args.positional.size() != 1 || quote.isEmpty()) {
        out.error(QStringLiteral("annotate: give a source id and --quote TEXT"));
        return ExitUsage;
    }
    const QString color = args.value(QStringLiteral("color"), QStringLiteral("yellow"));
    if (!annotate::colorNames().contains(color)) {
        out.error(QStringLiteral("annotate: unknown color '%1' (choose %2)").arg(color, annotate::colorNames().join(QStringLiteral(", "))));
        return ExitUsage;
    }
    auto lib = openLibrary(ctx, Library::Access::Edit);
    if (!lib)
        return report(out, lib.error());
    auto doc = (*lib)->store().document(id);
    if (!doc)
        return report(out, doc.error());
    const int nth = std::max(1, args.value(QStringLiteral("occurrence"), QStringLiteral("1")).toInt());
    qsizetype at = -1;
    for (int i = 0; i < nth; ++i) {
        at = doc->document.text.indexOf(quote, at + 1);
        if (at < 0)
            break;
    }
    if (at < 0) {
        out.error(QStringLiteral("annotate: source %1 does not contain \"%2\"%3")
                      .arg(id)
                      .arg(quote, nth > 1 ? QStringLiteral(" %1 times").arg(nth) : QString()));
        return ExitNotFound;
    }
    QStringList tags;
    for (const QString &t : args.values.value(QStringLiteral("tag")))
        tags << annotate::parseTags(t);
    auto made = library::createAnnotation(**lib, id, at, quote.size(), color, args.value(QStringLiteral("note")), tags);
    if (!made)
        return report(out, made.error());
    out.text(made->id + u'\n');
    return ExitOk;
}

int cmdAnnotations(const Context &ctx, const Args &args)
{
    Output &out = ctx.out;
    const bool edits = args.has(QStringLiteral("import")) || args.has(QStringLiteral("delete"));
    auto lib = openLibrary(ctx, edits ? Library::Access::Edit : Library::Access::Read);
    if (!lib)
        return report(out, lib.error());
    if (args.has(QStringLiteral("import"))) {
        const QString path = args.value(QStringLiteral("import"));
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            out.error(QStringLiteral("%1: cannot read: %2").arg(path, f.errorString()));
            return ExitNotFound;
        }
        auto r = library::importAnnotations(**lib, f.readAll(), QFileInfo(path).fileName());
        if (!r)
            return report(out, r.error());
        for (const QString &p : std::as_const(r->problems))
            out.error(p);
        out.text(QStringLiteral("%1 added, %2 updated, %3 already here, %4 orphaned, %5 skipped\n")
                     .arg(r->added).arg(r->updated).arg(r->unchanged).arg(r->orphaned).arg(r->problems.size()));
        return r->problems.isEmpty() ? ExitOk : ExitSomeFailed;
    }
    auto all = library::annotationsOf(**lib, args.value(QStringLiteral("source"), QStringLiteral("0")).toLongLong());
    if (!all)
        return report(out, all.error());
    if (args.has(QStringLiteral("delete"))) {
        const QString want = args.value(QStringLiteral("delete"));
        std::vector<QString> hits;
        for (const auto &a : *all)
            if (a.id.startsWith(want, Qt::CaseInsensitive))
                hits.push_back(a.id);
        if (hits.size() != 1 || want.size() < 4) {
            out.error(hits.empty() ? QStringLiteral("annotations: no annotation %1").arg(want)
                                   : QStringLiteral("annotations: '%1' names %2 annotations; give more of the id").arg(want).arg(hits.size()));
            return hits.empty() ? ExitNotFound : ExitUsage;
        }
        auto r = (*lib)->store().deleteAnnotation(hits.front());
        return r ? ExitOk : report(out, r.error());
    }
    library::AnnotationFilter f;
    f.tag = args.value(QStringLiteral("tag"));
    f.color = args.value(QStringLiteral("color"));
    f.orphanedOnly = args.has(QStringLiteral("orphaned"));
    std::vector<annotate::Annotation> shown;
    for (const auto &a : *all)
        if (library::matches(a, f))
            shown.push_back(a);
    if (args.has(QStringLiteral("json"))) {
        auto json = library::exportAnnotationsJson(**lib, shown);
        if (!json)
            return report(out, json.error());
        out.text(QString::fromUtf8(*json));
        return ExitOk;
    }
    if (args.has(QStringLiteral("markdown"))) {
        auto md = library::exportAnnotationsMarkdown(**lib, shown, QStringLiteral("Annotations"));
        if (!md)
            return report(out, md.error());
        out.text(*md);
        return ExitOk;
    }
    for (const auto &a : shown) {
        QString line = QStringLiteral("%1  source %2  %3..%4  %5%6  \"%7\"")
                           .arg(a.id.left(8))
                           .arg(a.sourceId)
                           .arg(a.start)
                           .arg(a.end())
                           .arg(a.color, a.orphaned ? QStringLiteral(" ORPHANED") : QString(), a.exact.simplified().left(80));
        if (!a.note.isEmpty())
            line += QStringLiteral("  note: %1").arg(a.note.simplified().left(80));
        if (!a.tags.isEmpty())
            line += QStringLiteral("  tags: %1").arg(a.tags.join(QStringLiteral(", ")));
        out.text(line + u'\n');
    }
    return ExitOk;
}

int cmdConflicts(const Context &ctx, const Args &args)
{
    return withKnowledge(ctx, {}, [&](const library::Knowledge &k) {
        printConflicts(ctx.out, k, args.has(QStringLiteral("json")));
        return int(ExitOk);
    });
}

int cmdExport(const Context &ctx, const Args &args)
{
    Output &out = ctx.out;
    if (!args.has(QStringLiteral("json"))) {
        out.error(QStringLiteral("export: choose a format: --json"));
        return ExitUsage;
    }
    library::Knowledge::Options options;
    options.withMentions = true;
    return withKnowledge(ctx, options, [&](const library::Knowledge &k) {
        printExport(out, k);
        return int(ExitOk);
    });
}

int cmdCorrect(const Context &ctx, const Args &args)
{
    Output &out = ctx.out;
    const bool json = args.has(QStringLiteral("json"));
    if (args.has(QStringLiteral("list"))) {
        auto lib = openLibrary(ctx, Library::Access::Read);
        if (!lib)
            return report(out, lib.error());
        auto rows = (*lib)->store().corrections();
        if (!rows)
            return report(out, rows.error());
        printCorrections(out, *rows, json);
        return ExitOk;
    }
    auto lib = openLibrary(ctx, Library::Access::Write);
    if (!lib)
        return report(out, lib.error());
    if (args.has(QStringLiteral("undo")) || args.has(QStringLiteral("redo"))) {
        const bool redo = args.has(QStringLiteral("redo"));
        auto r = library::undoCorrection(**lib, redo);
        if (!r)
            return report(out, r.error());
        if (!*r) {
            out.error(redo ? QStringLiteral("correct: nothing to redo") : QStringLiteral("correct: nothing to undo"));
            return ExitNotFound;
        }
        if (!ctx.quiet)
            out.note(QStringLiteral("%1 correction %2: %3 %4\n").arg(redo ? QStringLiteral("Redid") : QStringLiteral("Undid")).arg((*r)->id).arg((*r)->action, (*r)->target));
        return ExitOk;
    }
    if (args.positional.size() < 2) {
        out.error(QStringLiteral("correct: name an action and an entity, e.g. sextant correct rename \"Qwen 3.6\" \"Qwen3.6\""));
        return ExitUsage;
    }
    library::CorrectionRequest request{args.positional.value(0), args.positional.value(1), args.positional.value(2),
                                       args.positional.mid(3).join(u' ')};
    auto row = library::addCorrection(**lib, request);
    if (!row)
        return report(out, row.error());
    if (!ctx.quiet)
        out.note(QStringLiteral("Correction %1: %2 %3 (undo with sextant correct --undo)\n").arg(row->id).arg(row->action, row->target));
    return ExitOk;
}

int cmdReextract(const Context &ctx, const Args &args)
{
    Output &out = ctx.out;
    auto threads = intOption(args, QStringLiteral("reextract"), QStringLiteral("threads"), 0, 1);
    if (!threads)
        return report(out, threads.error());
    auto lib = openLibrary(ctx, Library::Access::Write);
    if (!lib)
        return report(out, lib.error());
    TerminalProgress progress(!ctx.quiet);
    auto r = library::extractPending(**lib, progress, g_cancel, true, int(*threads));
    progress.finish();
    if (!r)
        return report(out, r.error());
    if (!ctx.quiet)
        out.note(QStringLiteral("Extracted %1 source(s) in %2 s%3\n").arg(r->versions).arg(r->seconds, 0, 'f', 2)
                     .arg(r->cancelled ? QStringLiteral(" (interrupted)") : QString()));
    return r->cancelled ? ExitCancelled : ExitOk;
}

int cmdExtract(const Context &ctx, const Args &args)
{
    Output &out = ctx.out;
    if (args.positional.size() != 1) {
        out.error(QStringLiteral("extract: name one file"));
        return ExitUsage;
    }
    const QString path = args.positional.first();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        out.error(QStringLiteral("%1: cannot read: %2").arg(path, f.errorString()));
        return ExitNotFound;
    }
    ingest::ReadOptions opts;
    opts.fileName = path;
    auto doc = ingest::readDocument(f.read(50LL * 1024 * 1024), ingest::formatFromFileName(path), opts);
    if (!doc)
        return report(out, doc.error());
    const extract::Extraction x = extract::Extractor::builtin().extract(*doc);
    printExtraction(out, x, *doc, args.has(QStringLiteral("json")));
    return ExitOk;
}

int run(const QStringList &arguments)
{
    Output out;
    Context ctx{Library::defaultLocation(), false, out};
    qsizetype i = 1;
    for (; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        if (a == u"--library" || a.startsWith(u"--library=")) {
            const QString v = a.contains(u'=') ? a.mid(a.indexOf(u'=') + 1) : (i + 1 < arguments.size() ? arguments[++i] : QString());
            if (v.isEmpty()) {
                out.error(QStringLiteral("--library needs a folder"));
                return ExitUsage;
            }
            ctx.libraryDir = v;
        } else if (a == u"-q" || a == u"--quiet") {
            ctx.quiet = true;
        } else if (a == u"-h" || a == u"--help" || a == u"help") {
            const CmdSpec *c = (a == u"help" && i + 1 < arguments.size()) ? findCommand(arguments[i + 1]) : nullptr;
            out.text(c ? commandHelp(*c) : mainHelp());
            return ExitOk;
        } else if (a == u"--version" || a == u"-V") {
            out.line(QStringLiteral("sextant %1").arg(QStringLiteral(SEXTANT_VERSION)));
            return ExitOk;
        } else if (a.startsWith(u'-')) {
            out.error(QStringLiteral("unknown global option '%1' (global options come before the command; see sextant --help)").arg(a));
            return ExitUsage;
        } else {
            break;
        }
    }
    if (i >= arguments.size()) {
        out.text(mainHelp());
        return ExitUsage;
    }
    const QString name = arguments[i];
    const CmdSpec *spec = findCommand(name);
    if (!spec) {
        out.error(QStringLiteral("unknown command '%1' (see sextant --help)").arg(name));
        return ExitUsage;
    }
    auto args = parseArgs(*spec, arguments.mid(i + 1));
    if (!args)
        return report(out, args.error());
    if (args->help) {
        out.text(commandHelp(*spec));
        return ExitOk;
    }

    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    if (name == u"ingest") return cmdIngest(ctx, *args);
    if (name == u"list") return cmdList(ctx, *args);
    if (name == u"show") return cmdShow(ctx, *args);
    if (name == u"search") return cmdSearch(ctx, *args);
    if (name == u"remove") return cmdRemove(ctx, *args);
    if (name == u"reindex") return cmdReindex(ctx, *args);
    if (name == u"check") return cmdCheck(ctx, *args);
    if (name == u"extract") return cmdExtract(ctx, *args);
    if (name == u"entities") return cmdEntities(ctx, *args);
    if (name == u"scores") return cmdScores(ctx, *args);
    if (name == u"timeline") return cmdTimeline(ctx, *args);
    if (name == u"conflicts") return cmdConflicts(ctx, *args);
    if (name == u"export") return cmdExport(ctx, *args);
    if (name == u"correct") return cmdCorrect(ctx, *args);
    if (name == u"reextract") return cmdReextract(ctx, *args);
    if (name == u"chart") return cmdChart(ctx, *args);
    if (name == u"charts") return cmdCharts(ctx, *args);
    if (name == u"annotate") return cmdAnnotate(ctx, *args);
    if (name == u"annotations") return cmdAnnotations(ctx, *args);
    if (name == u"report") return cmdReport(ctx, *args);
    if (name == u"bib") return cmdBib(ctx, *args);
    return ExitUsage;
}

} // namespace sextant::cli
