#pragma once

#include "annotate/Annotation.h"
#include "annotate/WebAnnotation.h"
#include "common/Error.h"
#include "store/Store.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace sextant::library {

class Library;

/// What the annotation list filters by; empty fields match everything.
struct AnnotationFilter {
    qint64 sourceId = 0;
    QString tag;
    QString color;
    QString text; ///< words that must each occur in the quote, note or tags
    bool orphanedOnly = false;
};
bool matches(const annotate::Annotation &a, const AnnotationFilter &filter);

/// A new annotation of text[start, start+length) in a source's current version, anchored but not saved...
Result<annotate::Annotation> newAnnotation(Library &library, qint64 sourceId, qint64 start, qint64 length,
                                           const QString &color, const QString &note, const QStringList &tags);
/// ... and saved.
Result<annotate::Annotation> createAnnotation(Library &library, qint64 sourceId, qint64 start, qint64 length,
                                              const QString &color, const QString &note, const QStringList &tags);

/// A source's annotations (every source's when 0). Those read in an older
/// version are anchored in the current one (or marked orphaned) and, when
/// the library can write, saved so.
Result<std::vector<annotate::Annotation>> annotationsOf(Library &library, qint64 sourceId = 0);

/// Anchors a source's annotations in a new current version and saves those
/// that changed (part of the caller's transaction). Returns how many changed.
Result<int> reanchorAnnotations(store::Store &store, qint64 sourceId, qint64 versionId, const QString &text);

annotate::SourceRef sourceRef(const store::SourceSummary &s);

struct AnnotationImport {
    int added = 0;
    int updated = 0;   ///< same id, newer modification time
    int unchanged = 0; ///< same id, not newer
    int orphaned = 0;  ///< added, but their passage was not found
    QStringList problems;
};

/// Imports W3C Web Annotation JSON-LD: each annotation's target is matched
/// to a source by URL or file path, then anchored in its current version.
Result<AnnotationImport> importAnnotations(Library &library, const QByteArray &json, const QString &fileName);
Result<QByteArray> exportAnnotationsJson(Library &library, const std::vector<annotate::Annotation> &annotations);
Result<QString> exportAnnotationsMarkdown(Library &library, const std::vector<annotate::Annotation> &annotations,
                                          const QString &title);

/// Moves sources to the trash, or back (Edit or Write access).
Result<void> trashSources(Library &library, const std::vector<qint64> &ids);
Result<void> restoreSources(Library &library, const std::vector<qint64> &ids);
/// Removes the trashed sources for good, with their originals (Write access). Returns how many.
Result<int> purgeTrash(Library &library);

} // namespace sextant::library
