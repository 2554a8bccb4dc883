#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>

namespace fieldsync::ui {

// The GUI's command-line options. Their descriptions are translated when this is made, so make
// it after applyLanguage() for a translated --help.
class GuiCommandLine
{
    Q_DECLARE_TR_FUNCTIONS(GuiCommandLine)

public:
    GuiCommandLine();

    void addTo(QCommandLineParser &parser);

    QCommandLineOption dataDir;
    QCommandLineOption server;
    QCommandLineOption token;
    QCommandLineOption demo;
    QCommandLineOption demoRole;
    QCommandLineOption exitAfterPaint;
};

} // namespace fieldsync::ui
