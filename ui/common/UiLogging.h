#pragma once

#include <QLoggingCategory>

// Developer log of the GUI (not the user-visible sync log).
Q_DECLARE_LOGGING_CATEGORY(lcUi)
