#pragma once

#include <QString>

namespace fieldsync::ui {

// Loads the GUI's translation (and Qt's own, for standard buttons) for a language, or for the
// system's languages when none is chosen. Returns the language in use ("en" when none matched).
QString applyLanguage(const QString &language);

} // namespace fieldsync::ui
