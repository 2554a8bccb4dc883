// --version and --help of the three programs as built: each exits 0, the version is the project's,
// and the help names the commands and options people need.
#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out; // stdout: what --version and --help print
    QString err; // stderr: errors, and Qt's own warnings about the environment
};

QString program(const QString &name)
{
    const QString binDir = qEnvironmentVariable("FIELDSYNC_BIN_DIR");
    return QDir(binDir.isEmpty() ? QCoreApplication::applicationDirPath() : binDir).filePath(name);
}

enum class Display
{
    Offscreen,
    None
};

// --help and --version must work with no display at all (ssh, a package check); anything else in
// the GUI needs one, so it gets the offscreen platform.
Run run(const QString &name, const QStringList &arguments, Display display = Display::Offscreen,
        const QString &language = QStringLiteral("C.UTF-8"))
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // The help is in the system's language: English unless a test asks for another.
    for (const QString &variable :
         {QStringLiteral("LANGUAGE"), QStringLiteral("LC_ALL"), QStringLiteral("LC_MESSAGES")})
        environment.remove(variable);
    environment.insert(QStringLiteral("LANG"), language);
    if (display == Display::Offscreen) {
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    } else {
        for (const QString &variable : {QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("DISPLAY"),
                                        QStringLiteral("WAYLAND_DISPLAY")})
            environment.remove(variable);
    }
    process.setProcessEnvironment(environment);
    process.start(program(name), arguments);
    Run result;
    if (!process.waitForFinished(20000)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("timed out: ") + process.errorString();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    result.err = QString::fromLocal8Bit(process.readAllStandardError());
    return result;
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void version_data();
    void version();
    void help_data();
    void guiHelpSpeaksTheSystemsLanguage();
    void help();
    void unknownOptionIsAUsageError_data();
    void unknownOptionIsAUsageError();
};

void TestCommandLine::version_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("cli") << QStringLiteral("fieldsync-cli");
    QTest::newRow("server") << QStringLiteral("fieldsync-server");
    if (FIELDSYNC_GUI_BUILT)
        QTest::newRow("gui") << QStringLiteral("fieldsync");
}

void TestCommandLine::version()
{
    QFETCH(QString, name);
    const Run result = run(name, {QStringLiteral("--version")}, Display::None);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.startsWith(name + QLatin1Char(' ') + QStringLiteral(FIELDSYNC_VERSION)),
             qPrintable(result.out));
    QCOMPARE(result.out.trimmed().count(QLatin1Char('\n')), 0); // one line, for scripts
}

void TestCommandLine::help_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("mentions");
    QTest::newRow("cli") << QStringLiteral("fieldsync-cli")
                         << QStringList{QStringLiteral("login --server URL --token TOKEN"),
                                        QStringLiteral("sync"),
                                        QStringLiteral("conflicts"),
                                        QStringLiteral("resolve"),
                                        QStringLiteral("watch"),
                                        QStringLiteral("--data-dir DIR")};
    QTest::newRow("server") << QStringLiteral("fieldsync-server")
                            << QStringList{QStringLiteral("--listen HOST:PORT"),
                                           QStringLiteral("--db"),
                                           QStringLiteral("--demo"),
                                           QStringLiteral("add-user"),
                                           QStringLiteral("revoke-token"),
                                           QStringLiteral("--tls-cert")};
    if (FIELDSYNC_GUI_BUILT)
        QTest::newRow("gui") << QStringLiteral("fieldsync")
                             << QStringList{QStringLiteral("--data-dir <DIR>"),
                                            QStringLiteral("--server <URL>"),
                                            QStringLiteral("--token <TOKEN>"), QStringLiteral("--version"),
                                            QStringLiteral("welcome")};
}

void TestCommandLine::help()
{
    QFETCH(QString, name);
    QFETCH(QStringList, mentions);
    const Run result = run(name, {QStringLiteral("--help")}, Display::None);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    for (const QString &mention : mentions)
        QVERIFY2(result.out.contains(mention),
                 qPrintable(mention + QStringLiteral(" not in:\n") + result.out));
    // The benchmark switch is for fieldsync-bench, not for people.
    QVERIFY(!result.out.contains(QStringLiteral("exit-after-first-paint")));
}

void TestCommandLine::guiHelpSpeaksTheSystemsLanguage()
{
    if (!FIELDSYNC_GUI_BUILT)
        QSKIP("the GUI is not built");
    const Run german = run(QStringLiteral("fieldsync"), {QStringLiteral("--help")}, Display::None,
                           QStringLiteral("de_DE.UTF-8"));
    QVERIFY2(german.exitCode == 0, qPrintable(german.err));
    QVERIFY2(german.out.contains(QStringLiteral("Datenverzeichnis dieses Geräts.")), qPrintable(german.out));
    QVERIFY2(german.out.contains(QStringLiteral("--data-dir <DIR>")), qPrintable(german.out));
}

void TestCommandLine::unknownOptionIsAUsageError_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("says");
    // The CLI takes options after its command, so alone it misses the command.
    QTest::newRow("cli") << QStringLiteral("fieldsync-cli") << QStringLiteral("see --help");
    QTest::newRow("server") << QStringLiteral("fieldsync-server") << QStringLiteral("no-such-option");
    if (FIELDSYNC_GUI_BUILT)
        QTest::newRow("gui") << QStringLiteral("fieldsync") << QStringLiteral("no-such-option");
}

void TestCommandLine::unknownOptionIsAUsageError()
{
    QFETCH(QString, name);
    QFETCH(QString, says);
    const Run result = run(name, {QStringLiteral("--no-such-option")});
    QVERIFY2(result.exitCode > 0, qPrintable(result.err));
    const QString said = result.out + result.err;
    QVERIFY2(said.contains(says), qPrintable(said));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
