#include "EditController.h"

#include "common/Clock.h"
#include "library/Annotations.h"
#include "library/Library.h"

#include <QUndoCommand>
#include <QUndoStack>

namespace sextant::ui {

namespace {

class SaveAnnotation final : public QUndoCommand {
public:
    SaveAnnotation(EditController *c, std::optional<annotate::Annotation> before, annotate::Annotation after, const QString &text)
        : QUndoCommand(text), m_c(c), m_before(std::move(before)), m_after(std::move(after))
    {
    }
    void redo() override { m_c->saveAnnotation(m_after); }
    void undo() override
    {
        if (m_before)
            m_c->saveAnnotation(*m_before);
        else
            m_c->removeAnnotation(m_after.id);
    }

private:
    EditController *m_c;
    std::optional<annotate::Annotation> m_before;
    annotate::Annotation m_after;
};

class DeleteAnnotations final : public QUndoCommand {
public:
    DeleteAnnotations(EditController *c, std::vector<annotate::Annotation> gone, const QString &text)
        : QUndoCommand(text), m_c(c), m_gone(std::move(gone))
    {
    }
    void redo() override
    {
        for (const auto &a : m_gone)
            m_c->removeAnnotation(a.id);
    }
    void undo() override
    {
        for (const auto &a : m_gone)
            m_c->saveAnnotation(a); // the same id, quote and anchor
    }

private:
    EditController *m_c;
    std::vector<annotate::Annotation> m_gone;
};

class TrashSources final : public QUndoCommand {
public:
    TrashSources(EditController *c, std::vector<qint64> ids, const QString &text) : QUndoCommand(text), m_c(c), m_ids(std::move(ids)) {}
    void redo() override { m_c->setTrashed(m_ids, true); }
    void undo() override { m_c->setTrashed(m_ids, false); }

private:
    EditController *m_c;
    std::vector<qint64> m_ids;
};

class Correct final : public QUndoCommand {
public:
    Correct(EditController *c, library::CorrectionRequest r, const QString &text) : QUndoCommand(text), m_c(c), m_request(std::move(r)) {}
    void redo() override
    {
        // The first time the correction is added; after an undo it is redone.
        if (m_done)
            m_c->undoCorrection(true);
        else
            m_done = m_c->applyCorrection(m_request);
    }
    void undo() override
    {
        if (m_done)
            m_c->undoCorrection(false);
    }

private:
    EditController *m_c;
    library::CorrectionRequest m_request;
    bool m_done = false;
};

} // namespace

EditController::EditController(LibraryAccess library, QUndoStack *stack, QObject *parent)
    : QObject(parent), m_library(std::move(library)), m_stack(stack)
{
}

bool EditController::createAnnotation(qint64 sourceId, qint64 start, qint64 length, const QString &color, const QString &note,
                                      const QStringList &tags)
{
    library::Library *lib = m_library();
    if (!lib)
        return false;
    // The command saves it (now, and on redo) and removes it on undo.
    auto made = library::newAnnotation(*lib, sourceId, start, length, color, note, tags);
    if (!made) {
        Q_EMIT failed(made.error().message);
        return false;
    }
    m_stack->push(new SaveAnnotation(this, std::nullopt, *made, tr("Highlight")));
    return true;
}

bool EditController::editAnnotation(const annotate::Annotation &before, const annotate::Annotation &after)
{
    annotate::Annotation a = after;
    a.modified = Clock::nowIso();
    m_stack->push(new SaveAnnotation(this, before, a, tr("Edit Annotation")));
    return true;
}

bool EditController::deleteAnnotations(const std::vector<annotate::Annotation> &annotations)
{
    if (annotations.empty())
        return false;
    m_stack->push(new DeleteAnnotations(this, annotations, tr("Delete %n Annotation(s)", nullptr, static_cast<int>(annotations.size()))));
    return true;
}

bool EditController::trashSources(const std::vector<qint64> &ids, const QString &label)
{
    if (ids.empty())
        return false;
    m_stack->push(new TrashSources(this, ids, label));
    return true;
}

bool EditController::correct(const library::CorrectionRequest &request, const QString &label)
{
    auto *cmd = new Correct(this, request, label);
    m_stack->push(cmd); // redo() runs now; a failed correction leaves a command that does nothing
    return true;
}

bool EditController::saveAnnotation(const annotate::Annotation &a)
{
    library::Library *lib = m_library();
    if (!lib)
        return false;
    if (auto r = lib->store().saveAnnotation(a); !r) {
        Q_EMIT failed(r.error().message);
        return false;
    }
    Q_EMIT annotationsChanged(a.sourceId);
    return true;
}

bool EditController::removeAnnotation(const QString &id)
{
    library::Library *lib = m_library();
    if (!lib)
        return false;
    auto a = lib->store().annotation(id);
    if (auto r = lib->store().deleteAnnotation(id); !r) {
        Q_EMIT failed(r.error().message);
        return false;
    }
    Q_EMIT annotationsChanged(a && *a ? (*a)->sourceId : 0);
    return true;
}

bool EditController::setTrashed(const std::vector<qint64> &ids, bool trashed)
{
    library::Library *lib = m_library();
    if (!lib)
        return false;
    auto r = trashed ? library::trashSources(*lib, ids) : library::restoreSources(*lib, ids);
    if (!r) {
        Q_EMIT failed(r.error().message);
        return false;
    }
    Q_EMIT sourcesChanged();
    return true;
}

bool EditController::applyCorrection(const library::CorrectionRequest &request)
{
    library::Library *lib = m_library();
    if (!lib)
        return false;
    auto r = library::addCorrection(*lib, request);
    if (!r) {
        Q_EMIT failed(r.error().message);
        return false;
    }
    Q_EMIT knowledgeChanged();
    return true;
}

bool EditController::undoCorrection(bool redo)
{
    library::Library *lib = m_library();
    if (!lib)
        return false;
    auto r = library::undoCorrection(*lib, redo);
    if (!r) {
        Q_EMIT failed(r.error().message);
        return false;
    }
    Q_EMIT knowledgeChanged();
    return true;
}

} // namespace sextant::ui
