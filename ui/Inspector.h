#pragma once

#include "annotate/Annotation.h"
#include "library/Knowledge.h"

#include <QHash>
#include <QTextBrowser>
#include <functional>

namespace sextant::library {
class Library;
}

namespace sextant::ui {

/// The right-hand pane: whatever is selected, explained. For an entity: its
/// attributes each with the sources that state them (differing values side
/// by side), its scores, its events and every mention with its sentence.
/// For a source: what is known of it. For an annotation: its quote, note and
/// tags. Passages are links that open the reader there.
class Inspector final : public QTextBrowser {
    Q_OBJECT
public:
    using KnowledgeAccess = std::function<const library::Knowledge *()>;
    using LibraryAccess = std::function<library::Library *()>;
    Inspector(KnowledgeAccess knowledge, LibraryAccess library, QWidget *parent = nullptr);

    void showEntity(const QString &key);
    void showSource(qint64 sourceId);
    void showAnnotation(const annotate::Annotation &a);
    void showNothing();
    [[nodiscard]] QString currentEntity() const { return m_entity; }
    /// Shows the current subject again (after an ingest or a correction).
    void refresh();

    QVariant loadResource(int type, const QUrl &name) override;

Q_SIGNALS:
    void passageRequested(qint64 sourceId, qint64 start, qint64 length);
    void entityRequested(const QString &key);

private:
    void indexTitles();
    QString sourceTitle(qint64 id) const;
    QString passageLink(qint64 source, qint64 start, qint64 length, const QString &label) const;

    KnowledgeAccess m_knowledge;
    LibraryAccess m_library;
    QString m_entity;
    qint64 m_source = 0;
    QHash<qint64, QString> m_titles; ///< source titles for the subject shown
};

} // namespace sextant::ui
