#include "IngestWorker.h"

#include "library/Annotations.h"
#include "library/Library.h"
#include "library/Maintenance.h"

#include <QFileInfo>

namespace sextant::ui {

namespace {
class SignalProgress final : public ProgressSink {
public:
    explicit SignalProgress(IngestWorker *w) : m_worker(w) {}
    void report(const Progress &p) override { Q_EMIT m_worker->progressed(p.phase, p.done, p.total, p.errors); }

private:
    IngestWorker *m_worker;
};
} // namespace

IngestWorker::IngestWorker(QString libraryDir, QObject *parent) : QObject(parent), m_libraryDir(std::move(libraryDir))
{
    qRegisterMetaType<sextant::library::IngestSummary>();
}

void IngestWorker::run(const QStringList &paths, const QStringList &urls)
{
    m_cancel.store(false);
    auto lib = library::Library::open(m_libraryDir, library::Library::Access::Write);
    if (!lib) {
        Q_EMIT failed(lib.error().message);
        return;
    }
    library::IngestRequest req;
    req.paths = paths;
    for (qsizetype i = 0; i < paths.size() && i < urls.size(); ++i)
        if (!urls[i].isEmpty())
            req.urls.insert(QFileInfo(paths[i]).absoluteFilePath(), urls[i]);
    SignalProgress progress(this);
    auto summary = library::IngestEngine(**lib).run(req, progress, m_cancel);
    if (!summary) {
        Q_EMIT failed(summary.error().message);
        return;
    }
    Q_EMIT finished(*summary);
}

void IngestWorker::syncIndex()
{
    auto lib = library::Library::open(m_libraryDir, library::Library::Access::Write);
    if (!lib)
        return; // another writer holds the library; its next ingest catches up
    auto diff = library::diffIndex(**lib);
    if (diff && !diff->inStep()) {
        SignalProgress progress(this);
        CancelFlag never{false};
        (void)library::syncIndex(**lib, *diff, progress, never);
    }
    Q_EMIT indexSynced();
}

void IngestWorker::purgeTrash()
{
    auto lib = library::Library::open(m_libraryDir, library::Library::Access::Write);
    if (lib)
        (void)library::purgeTrash(**lib);
}

} // namespace sextant::ui
