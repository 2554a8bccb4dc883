#include "BenchRegistry.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>

using namespace fieldsync::bench;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fieldsync-bench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FIELDSYNC_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("FieldSync benchmarks: one JSON object per line on stdout."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption only(QStringLiteral("only"),
                                  QStringLiteral("Run only this benchmark (comma-separated)."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption count(QStringLiteral("n"),
                                   QStringLiteral("Size of the run (each benchmark's default if absent)."),
                                   QStringLiteral("N"));
    const QCommandLineOption list(QStringLiteral("list"), QStringLiteral("List the benchmarks."));
    parser.addOptions({only, count, list});
    parser.process(app);

    if (parser.isSet(list)) {
        for (const QString &name : benchNames())
            std::printf("%s\n", qPrintable(name));
        return 0;
    }
    QTemporaryDir workDir;
    if (!workDir.isValid()) {
        reportError(QStringLiteral("bench"), QStringLiteral("cannot create a scratch directory"));
        return 1;
    }
    BenchOptions options;
    options.n = parser.value(count).toInt();
    options.binDir = QCoreApplication::applicationDirPath();
    options.workDir = workDir.path();
    options.sourceDir = QStringLiteral(FIELDSYNC_SOURCE_DIR);

    const QStringList names = parser.isSet(only) ? parser.value(only).split(QLatin1Char(',')) : benchNames();
    bool allOk = true;
    for (const QString &name : names) {
        QDir(options.workDir).mkpath(name);
        BenchOptions benchOptions = options;
        benchOptions.workDir = QDir(options.workDir).filePath(name);
        allOk = runBench(name.trimmed(), benchOptions) && allOk;
    }
    return allOk ? 0 : 1;
}
