#include "Swatch.h"

#include <QPainter>
#include <QPixmap>

namespace sextant::ui {

QIcon colorSwatch(const QColor &color, bool square)
{
    QPixmap p(14, 14);
    p.fill(Qt::transparent);
    QPainter painter(&p);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(color);
    painter.setPen(Qt::NoPen);
    if (square)
        painter.drawRoundedRect(QRectF(1, 1, 12, 12), 3, 3);
    else
        painter.drawEllipse(QRectF(2, 2, 10, 10));
    return QIcon(p);
}

} // namespace sextant::ui
