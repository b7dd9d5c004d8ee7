#pragma once

#include "common/Progress.h"
#include "library/IngestEngine.h"

#include <QObject>
#include <QString>

namespace sextant::ui {

/// Runs an ingest on its own thread with its own writable Library, and
/// forwards progress and the result as queued signals. cancel() may be
/// called from any thread; the engine stops at the next document.
class IngestWorker final : public QObject {
    Q_OBJECT
public:
    explicit IngestWorker(QString libraryDir, QObject *parent = nullptr);

    void cancel() { m_cancel.store(true); }

public Q_SLOTS:
    /// urls: for each path, the URL it was downloaded from (or empty); may be shorter than paths.
    void run(const QStringList &paths, const QStringList &urls);
    /// Brings the search index in step with the database (after sources are trashed or restored).
    void syncIndex();
    /// Removes the trashed sources for good (at start, for what a previous session left).
    void purgeTrash();

Q_SIGNALS:
    void progressed(const QString &phase, qint64 done, qint64 total, qint64 errors);
    void finished(const sextant::library::IngestSummary &summary);
    void failed(const QString &message);
    void indexSynced();

private:
    QString m_libraryDir;
    CancelFlag m_cancel{false};
};

} // namespace sextant::ui

Q_DECLARE_METATYPE(sextant::library::IngestSummary)
