#pragma once

// Painting of charts and the timeline, shared by the window and the exporters
// (SVG, PNG, PDF). Needs QtGui, never a window: the command line paints
// offscreen.

#include "report/Charts.h"
#include "report/Timeline.h"

#include <QDate>
#include <QPainter>
#include <QRectF>
#include <functional>

namespace sextant::render {

/// The colors and shapes of openness, the same everywhere.
QColor opennessColor(const QString &openness);
/// open: a filled circle, closed: a filled square, unknown: a hollow diamond.
void drawOpennessMarker(QPainter &p, QPointF center, double size, const QString &openness);

void paintChart(QPainter &p, const QRectF &rect, const report::Chart &chart);

struct TimelineView {
    QDate from, to; ///< the visible days; invalid: fit to the data
    int clusterPixels = 10;
};
/// Where an item (or a cluster of items) was drawn, for hovering and clicking.
struct TimelineHit {
    QRectF box;
    std::vector<int> items; ///< indexes into Timeline::items
};
std::vector<TimelineHit> paintTimeline(QPainter &p, const QRectF &rect, const report::Timeline &timeline, const TimelineView &view,
                                       const QString &title, const QString &footnote);

/// A chart or the timeline written by the file's suffix, at a size fit for its content.
QString exportChart(const QString &path, const report::Chart &chart, double scale);
QString exportTimeline(const QString &path, const report::Timeline &timeline, const TimelineView &view, const QString &title,
                       const QString &footnote, double scale);

/// Writes a picture by the file's suffix: .svg, .png (at scale) or .pdf. Returns an error message or empty.
QString exportPicture(const QString &path, QSize size, double scale, const QString &title,
                      const std::function<void(QPainter &, const QRectF &)> &paint);

} // namespace sextant::render
