#include "IngestWorker.h"

#include "library/Library.h"

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

void IngestWorker::run(const QStringList &paths)
{
    m_cancel.store(false);
    auto lib = library::Library::open(m_libraryDir, library::Library::Access::Write);
    if (!lib) {
        Q_EMIT failed(lib.error().message);
        return;
    }
    library::IngestRequest req;
    req.paths = paths;
    SignalProgress progress(this);
    auto summary = library::IngestEngine(**lib).run(req, progress, m_cancel);
    if (!summary) {
        Q_EMIT failed(summary.error().message);
        return;
    }
    Q_EMIT finished(*summary);
}

} // namespace sextant::ui
