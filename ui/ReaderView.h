#pragma once

#include "store/Store.h"

#include <QTextBrowser>
#include <vector>

namespace sextant::ui {

/// Shows a source's structured text: headings, paragraphs, lists, quotes,
/// code and tables, rendered from the stored blocks (never the original
/// markup). It loads nothing: every resource request is refused, links do not
/// open, and there is no script engine behind it.
class ReaderView final : public QTextBrowser {
    Q_OBJECT
public:
    explicit ReaderView(QWidget *parent = nullptr);

    void showDocument(const store::StoredDocument &doc);
    void showMessage(const QString &text);
    /// Scrolls to the block holding a character offset of the shown version; false when none.
    bool showPassage(qint64 offset);

    /// The HTML the view renders for a document (all source text escaped).
    static QString toHtml(const store::StoredDocument &doc);

    QVariant loadResource(int type, const QUrl &name) override;

private:
    std::vector<qint64> m_blockStarts;
};

} // namespace sextant::ui
