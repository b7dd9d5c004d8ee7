#pragma once

#include "annotate/Annotation.h"
#include "library/Annotations.h"

#include <QHash>
#include <QWidget>
#include <functional>
#include <vector>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QStandardItemModel;
class QTableView;

namespace sextant::library {
class Library;
}

namespace sextant::ui {

class EditController;

/// The annotations of the whole library (or of one source, in the reader):
/// filter by text, tag, color and source; each row opens its passage; export
/// as Markdown with citations or W3C Web Annotation JSON-LD, and import.
class AnnotationsPane final : public QWidget {
    Q_OBJECT
public:
    using LibraryAccess = std::function<library::Library *()>;
    AnnotationsPane(LibraryAccess library, EditController *edits, bool compact, QWidget *parent = nullptr);

    /// 0: every source's.
    void setSource(qint64 sourceId);
    void refresh();
    [[nodiscard]] std::vector<annotate::Annotation> shown() const;
    [[nodiscard]] std::vector<annotate::Annotation> selected() const;
    void setFilter(const library::AnnotationFilter &filter);
    QTableView *table() const { return m_table; }

    bool exportTo(const QString &path); ///< .md or .jsonld/.json, by suffix
    bool importFrom(const QString &path);

Q_SIGNALS:
    void passageRequested(qint64 sourceId, qint64 start, qint64 length);
    void annotationSelected(const annotate::Annotation &a);
    void message(const QString &text);

private:
    void fill();

    LibraryAccess m_library;
    EditController *m_edits;
    bool m_compact;
    qint64 m_source = 0;
    std::vector<annotate::Annotation> m_all;
    std::vector<annotate::Annotation> m_shown;
    QHash<qint64, QString> m_titles;
    QLineEdit *m_text = nullptr;
    QComboBox *m_tag = nullptr;
    QComboBox *m_color = nullptr;
    QComboBox *m_sourceBox = nullptr;
    QCheckBox *m_orphans = nullptr;
    QStandardItemModel *m_model = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace sextant::ui
