#pragma once

#include <QColor>
#include <QIcon>

namespace sextant::ui {

/// A small icon of one color: a dot (entity kinds) or a rounded square (highlight colors).
QIcon colorSwatch(const QColor &color, bool square = false);

} // namespace sextant::ui
