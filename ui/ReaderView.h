#pragma once

#include "annotate/Annotation.h"
#include "store/Store.h"

#include <QSet>
#include <QTextBrowser>
#include <optional>
#include <vector>

namespace sextant::ui {

/// Shows a source's structured text: headings, paragraphs, lists, quotes,
/// code and tables, built from the stored blocks (never the original markup:
/// the text goes in as text, so nothing in it is ever interpreted). It loads
/// nothing: every resource request is refused and there is no script engine.
///
/// Offsets of the stored text map to positions in the view both ways, so
/// entity mentions and annotations are highlighted where extraction and the
/// user put them, and a selection becomes a range of the source's text.
class ReaderView final : public QTextBrowser {
    Q_OBJECT
public:
    explicit ReaderView(QWidget *parent = nullptr);

    void showDocument(const store::StoredDocument &doc);
    void showMessage(const QString &text);
    [[nodiscard]] qint64 sourceId() const { return m_sourceId; }
    [[nodiscard]] qint64 versionId() const { return m_versionId; }
    [[nodiscard]] const QString &sourceText() const { return m_text; }

    /// Scrolls to a range of the source's text and selects it; false when it is not shown.
    bool showPassage(qint64 offset, qint64 length = 0);

    void setMentions(std::vector<store::Store::NamedMention> mentions);
    void setAnnotations(std::vector<annotate::Annotation> annotations);
    /// Entity kinds ("model", "org", ...) whose highlights are shown.
    void setKindVisible(const QString &kind, bool visible);
    [[nodiscard]] bool kindVisible(const QString &kind) const { return !m_hiddenKinds.contains(kind); }

    /// The selection as a range of the source's text, when there is one.
    [[nodiscard]] std::optional<std::pair<qint64, qint64>> selectedRange() const;
    /// The annotation under the cursor or overlapping the selection, if any.
    [[nodiscard]] const annotate::Annotation *currentAnnotation() const;

    [[nodiscard]] qint64 offsetAt(int viewPosition) const; ///< -1 when not source text
    [[nodiscard]] int positionOf(qint64 offset) const;     ///< -1 when not shown

    void resetZoom();
    [[nodiscard]] int zoomSteps() const { return m_zoom; }
    void zoomBy(int steps);

    /// The color a kind's highlight has (also the legend's).
    static QColor kindColor(const QString &kind);

    QVariant loadResource(int type, const QUrl &name) override;

Q_SIGNALS:
    void entityActivated(const QString &key);
    void annotationActivated(const QString &id);

protected:
    bool viewportEvent(QEvent *e) override;
    void changeEvent(QEvent *e) override;
    void mouseReleaseEvent(QMouseEvent *e) override;

private:
    struct Segment {
        qint64 docStart = 0;
        qint64 length = 0;
        int viewStart = 0;
    };
    void applyHighlights();
    const store::Store::NamedMention *mentionAt(qint64 offset) const;
    const annotate::Annotation *annotationAt(qint64 offset) const;

    qint64 m_sourceId = 0;
    qint64 m_versionId = 0;
    QString m_text;
    std::vector<Segment> m_segments; ///< in text order (and view order)
    std::vector<store::Store::NamedMention> m_mentions;
    std::vector<annotate::Annotation> m_annotations;
    QSet<QString> m_hiddenKinds;
    std::optional<std::pair<qint64, qint64>> m_flash; ///< a passage shown on request
    int m_zoom = 0;
};

} // namespace sextant::ui
