#pragma once

#include "library/Knowledge.h"
#include "render/Render.h"
#include "report/Timeline.h"

#include <QWidget>
#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QSpinBox;
class QTextBrowser;

namespace sextant::ui {

/// The canvas: paints the timeline, zooms (wheel, +/-), pans (drag, arrows),
/// fits (F), and reports hovering and clicking on an event or a cluster.
class TimelineCanvas final : public QWidget {
    Q_OBJECT
public:
    explicit TimelineCanvas(QWidget *parent = nullptr);
    void setTimeline(report::Timeline timeline, QString footnote);
    void fit();
    void zoom(double factor, double atFraction = 0.5);
    void pan(double fractionOfView);
    [[nodiscard]] const render::TimelineView &view() const { return m_view; }
    [[nodiscard]] const report::Timeline &timeline() const { return m_timeline; }
    [[nodiscard]] QString title() const;
    [[nodiscard]] QString footnote() const { return m_footnote; }

Q_SIGNALS:
    void itemsActivated(const std::vector<int> &items);

protected:
    void paintEvent(QPaintEvent *) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    const render::TimelineHit *hitAt(QPointF at) const;

    report::Timeline m_timeline;
    QString m_footnote;
    render::TimelineView m_view;
    std::vector<render::TimelineHit> m_hits;
    std::optional<QPointF> m_dragFrom;
    QDate m_dragViewFrom, m_dragViewTo;
    bool m_dragged = false;
};

/// The open-versus-closed timeline: filters, the canvas, and the selected
/// events with their sources and quotes. Export as SVG, PNG or PDF.
class TimelineView final : public QWidget {
    Q_OBJECT
public:
    /// load returns the library's knowledge (reloaded when the view is refreshed).
    explicit TimelineView(std::function<Result<library::Knowledge>()> load, QWidget *parent = nullptr);
    void refresh();
    TimelineCanvas *canvas() const { return m_canvas; }
    /// Writes the current timeline; returns an error message or empty.
    QString exportTo(const QString &path) const;

Q_SIGNALS:
    void openSourceRequested(qint64 sourceId, qint64 start, qint64 length);

private:
    void rebuild();
    void showItems(const std::vector<int> &items);

    std::function<Result<library::Knowledge>()> m_load;
    std::optional<library::Knowledge> m_knowledge;
    TimelineCanvas *m_canvas = nullptr;
    QComboBox *m_lanes = nullptr, *m_kind = nullptr, *m_openness = nullptr, *m_org = nullptr;
    QCheckBox *m_wholePack = nullptr;
    QSpinBox *m_fromYear = nullptr, *m_toYear = nullptr;
    QTextBrowser *m_details = nullptr;
};

} // namespace sextant::ui
