#pragma once

#include "store/DeviceStore.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QStringList>

namespace fieldsync::cli {

enum ExitCode
{
    Success = 0,
    Failure = 1,
    UsageError = 2
};

// The parsed command line and the shared means of every command: the opened data directory and
// the two output styles (text for people, --json for scripts).
class CliContext
{
    Q_DECLARE_TR_FUNCTIONS(CliContext)

public:
    QString dataDir;
    bool json = false;
    QString command;
    QStringList arguments;          // positional arguments after the command
    QMap<QString, QString> options; // --name value

    static Result<CliContext> parse(const QStringList &argv);

    Result<DeviceStore *> store();
    void printJson(const QJsonValue &value) const;
    void printLine(const QString &text) const;
    int fail(const QString &reason, int code = Failure) const;
    int fail(const Error &error, int code = Failure) const { return fail(error.toString(), code); }

private:
    std::shared_ptr<DeviceStore> m_store;
};

int runRecordCommand(CliContext &context);
int runSyncCommand(CliContext &context);
int runConflictCommand(CliContext &context);
int runWatchCommand(CliContext &context);
int runAttachmentCommand(CliContext &context);
QString usage();

} // namespace fieldsync::cli
