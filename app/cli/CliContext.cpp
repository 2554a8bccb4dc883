#include "CliContext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace fieldsync::cli {

namespace {

// Options that take a value; everything else starting with -- is a flag.
const QStringList ValueOptions{QStringLiteral("data-dir"), QStringLiteral("server"), QStringLiteral("token"),
                               QStringLiteral("take"), QStringLiteral("project"), QStringLiteral("status"),
                               QStringLiteral("search"), QStringLiteral("batch"), QStringLiteral("pin"),
                               // watch
                               QStringLiteral("interval-ms"), QStringLiteral("debounce-ms"),
                               QStringLiteral("poll-ms"), QStringLiteral("retry-initial-ms"),
                               QStringLiteral("retry-max-ms"), QStringLiteral("probe-max-ms"),
                               QStringLiteral("grace-ms"), QStringLiteral("chunk-kb")};

} // namespace

Result<CliContext> CliContext::parse(const QStringList &argv)
{
    CliContext context;
    for (int index = 1; index < argv.size(); ++index) {
        const QString &argument = argv.at(index);
        if (argument == QLatin1String("--json")) {
            context.json = true;
        } else if (argument.startsWith(QLatin1String("--"))) {
            QString name = argument.mid(2);
            QString value;
            const qsizetype equals = name.indexOf(QLatin1Char('='));
            if (equals > 0) {
                value = name.mid(equals + 1);
                name = name.left(equals);
            } else if (ValueOptions.contains(name)) {
                if (index + 1 >= argv.size())
                    return makeError(QStringLiteral("usage"), tr("--%1 needs a value").arg(name));
                value = argv.at(++index);
            }
            if (name == QLatin1String("data-dir"))
                context.dataDir = value;
            else
                context.options.insert(name, value);
        } else if (context.command.isEmpty()) {
            context.command = argument;
        } else {
            context.arguments.append(argument);
        }
    }
    return context;
}

Result<DeviceStore *> CliContext::store()
{
    if (!m_store) {
        if (dataDir.isEmpty())
            return makeError(QStringLiteral("usage"), tr("--data-dir DIR is required"));
        Result<std::unique_ptr<DeviceStore>> opened = DeviceStore::open(dataDir);
        if (!opened)
            return opened.error();
        m_store = std::move(opened).value();
    }
    return m_store.get();
}

void CliContext::printJson(const QJsonValue &value) const
{
    QByteArray text;
    if (value.isArray())
        text = QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    else
        text = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void CliContext::printLine(const QString &text) const
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

int CliContext::fail(const QString &reason, int code) const
{
    // One line, so that scripts can show it as it is.
    const QByteArray bytes =
        (QStringLiteral("fieldsync-cli: ") + QString(reason).replace(QLatin1Char('\n'), QLatin1Char(' ')))
            .toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fputc('\n', stderr);
    return code;
}

QString usage()
{
    return CliContext::tr(
        "Usage: fieldsync-cli --data-dir DIR <command> [--json]\n"
        "Commands:\n"
        "  login --server URL --token TOKEN     store the server and sign-in token\n"
        "        [--pin SHA256|none]            trust exactly this server certificate (as\n"
        "                                       openssl x509 -fingerprint -sha256 prints it)\n"
        "  create permit|task|gas-reading|isolation-point field=value...\n"
        "  edit ID field=value...               change fields of a record\n"
        "  delete ID                            delete a record (draft permits, tasks, isolation points)\n"
        "  list permits|tasks|gas-readings|isolation-points|rejected\n"
        "  sync                                 push queued edits, pull the server's changes, then\n"
        "                                       upload attachment files [--chunk-kb N]\n"
        "  status                               queue counts and last sync\n"
        "  attach RECORD_ID FILE                copy a photo into the data dir and queue it\n"
        "  attachments RECORD_ID                a record's photos and signatures with their state\n"
        "                                       (pending, uploading, synced, missing)\n"
        "  fetch-attachment ID OUT_FILE         write an attachment's file, downloading it if needed\n"
        "  conflicts                            list conflicts waiting for a person\n"
        "  resolve CONFLICT_ID --take mine|server|field=mine,field=server\n"
        "  discard CHANGE_ID                    drop a rejected change\n"
        "  watch                                keep syncing by itself until SIGINT/SIGTERM; prints a\n"
        "                                       line per status change and per pulled page\n"
        "                                       [--interval-ms N] [--debounce-ms N] [--poll-ms N]\n"
        "                                       [--retry-initial-ms N] [--retry-max-ms N]\n"
        "                                       [--probe-max-ms N] [--grace-ms N] [--no-events]\n"
        "Values are read by the field's type: value=20.9, ppe_requirements=helmet,gloves,\n"
        "safety_checklist.gas_tested=true.");
}

} // namespace fieldsync::cli
