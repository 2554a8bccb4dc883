#include "CopyDatabaseCommand.h"

#include "ServerOptions.h"
#include "store/DatabaseCopier.h"
#include "store/DatabaseUrl.h"

#include <QFileInfo>

#include <cstdio>

namespace fieldsync::server {

namespace {

void printLine(FILE *stream, const QString &line)
{
    std::fputs((line + QLatin1Char('\n')).toUtf8().constData(), stream);
    std::fflush(stream);
}

int fail(const QString &what)
{
    printLine(stderr, QStringLiteral("fieldsync-server copy-db: %1").arg(what));
    return 1;
}

} // namespace

int runCopyDatabase(const ServerOptions &options)
{
    // Opening a missing path would make a new, empty SQLite file and "copy" nothing.
    if (!QFileInfo(options.copySource).isFile())
        return fail(QStringLiteral("no SQLite database at %1").arg(options.copySource));
    if (QFileInfo(options.database).absoluteFilePath() == QFileInfo(options.copySource).absoluteFilePath())
        return fail(QStringLiteral("--from and --db name the same database"));
    ServerDatabase source;
    if (const Result<void> opened = source.open(options.copySource); !opened)
        return fail(QStringLiteral("cannot open %1: %2").arg(options.copySource, opened.error().toString()));
    ServerDatabase target;
    if (const Result<void> opened = target.open(options.database); !opened)
        return fail(QStringLiteral("cannot open the target: %1").arg(opened.error().toString()));
    const Result<QList<DatabaseCopier::TableCount>> copied = DatabaseCopier::copy(source, target);
    if (!copied)
        return fail(copied.error().toString());
    qint64 total = 0;
    for (const DatabaseCopier::TableCount &count : copied.value()) {
        printLine(stdout, QStringLiteral("%1: %2 rows").arg(count.table).arg(count.rows));
        total += count.rows;
    }
    printLine(stdout, QStringLiteral("copied %1 rows from %2 to %3; start the servers with --db %3")
                          .arg(total)
                          .arg(options.copySource, target.location()));
    return 0;
}

} // namespace fieldsync::server
