#pragma once

#include "annotate/Annotation.h"
#include "library/Knowledge.h"

#include <QObject>
#include <QString>
#include <functional>
#include <vector>

class QUndoStack;

namespace sextant::library {
class Library;
}

namespace sextant::ui {

/// The user's edits, each an undoable command on one QUndoStack, each saved
/// at once (a crash or kill loses nothing): annotations created, edited and
/// deleted; sources moved to the trash and back; entity corrections.
/// Errors go to the failed signal with a message naming what failed.
class EditController final : public QObject {
    Q_OBJECT
public:
    using LibraryAccess = std::function<library::Library *()>;
    EditController(LibraryAccess library, QUndoStack *stack, QObject *parent = nullptr);

    [[nodiscard]] QUndoStack *undoStack() const { return m_stack; }

    /// Highlights text[start, start+length) of a source's current version.
    bool createAnnotation(qint64 sourceId, qint64 start, qint64 length, const QString &color, const QString &note = {},
                          const QStringList &tags = {});
    /// Replaces an annotation's color, note and tags (by id).
    bool editAnnotation(const annotate::Annotation &before, const annotate::Annotation &after);
    bool deleteAnnotations(const std::vector<annotate::Annotation> &annotations);
    bool trashSources(const std::vector<qint64> &ids, const QString &label);
    bool correct(const library::CorrectionRequest &request, const QString &label);

    // Used by the commands.
    bool saveAnnotation(const annotate::Annotation &a);
    bool removeAnnotation(const QString &id);
    bool setTrashed(const std::vector<qint64> &ids, bool trashed);
    bool undoCorrection(bool redo);
    bool applyCorrection(const library::CorrectionRequest &request);

Q_SIGNALS:
    void annotationsChanged(qint64 sourceId); ///< 0: several sources
    void sourcesChanged();                    ///< trashed or restored
    void knowledgeChanged();                  ///< a correction
    void failed(const QString &message);

private:
    LibraryAccess m_library;
    QUndoStack *m_stack;
};

} // namespace sextant::ui
