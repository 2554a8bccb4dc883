#include "CliContext.h"

#include "attachments/AttachmentDownloader.h"
#include "attachments/AttachmentStore.h"
#include "sync/SyncApiClient.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>
#include <QUrl>

namespace fieldsync::cli {

namespace {

int attach(CliContext &context, DeviceStore &store)
{
    if (context.arguments.size() != 2)
        return context.fail(CliContext::tr("attach needs RECORD_ID FILE"), UsageError);
    AttachmentStore attachments(store);
    Result<QString> id = attachments.attachFile(context.arguments.at(0), context.arguments.at(1));
    if (!id)
        return context.fail(id.error());
    if (context.json) {
        context.printJson(QJsonObject{{QStringLiteral("id"), id.value()}});
    } else {
        context.printLine(CliContext::tr("attached %1; it uploads with the next sync").arg(id.value()));
    }
    return Success;
}

int list(CliContext &context, DeviceStore &store)
{
    if (context.arguments.size() != 1)
        return context.fail(CliContext::tr("attachments needs RECORD_ID"), UsageError);
    AttachmentStore attachments(store);
    Result<QList<AttachmentInfo>> found = attachments.forRecord(context.arguments.at(0));
    if (!found)
        return context.fail(found.error());
    if (context.json) {
        QJsonArray array;
        for (const AttachmentInfo &info : found.value()) {
            QJsonObject object{{QStringLiteral("id"), info.id},
                               {QStringLiteral("name"), info.name},
                               {QStringLiteral("bytes"), info.bytes},
                               {QStringLiteral("sha256"), info.sha256},
                               {QStringLiteral("state"), attachmentStateName(info.state)}};
            if (!info.uploadError.isEmpty())
                object.insert(QStringLiteral("error"), info.uploadError);
            array.append(object);
        }
        context.printJson(array);
        return Success;
    }
    for (const AttachmentInfo &info : found.value()) {
        QString line = QStringLiteral("%1  %2  %3 bytes  %4")
                           .arg(info.id, attachmentStateName(info.state).leftJustified(9))
                           .arg(info.bytes)
                           .arg(info.name);
        if (!info.uploadError.isEmpty())
            line += QStringLiteral("  (") + info.uploadError + u')';
        context.printLine(line);
    }
    if (found.value().isEmpty())
        context.printLine(CliContext::tr("no attachments"));
    return Success;
}

Result<QString> download(DeviceStore &store, const QString &attachmentId)
{
    Result<DeviceAccount> account = store.account();
    if (!account)
        return account.error();
    if (account.value().serverUrl.isEmpty())
        return makeError(QStringLiteral("not_signed_in"),
                         CliContext::tr("the file is not on this device and no server is set"));
    SyncApiClient api;
    api.setServer(QUrl(account.value().serverUrl), account.value().token);
    api.setTlsPolicy(TlsPolicy::forAccount(account.value()));
    AttachmentApiClient attachmentApi(api);
    attachmentApi.setToken(account.value().token);
    AttachmentDownloader downloader(store, attachmentApi);
    QEventLoop loop;
    Result<QString> outcome = makeError(QStringLiteral("fetch_failed"), QString());
    QObject::connect(&downloader, &AttachmentDownloader::fetched, &loop,
                     [&](const QString &, const QString &path) {
                         outcome = path;
                         loop.quit();
                     });
    QObject::connect(&downloader, &AttachmentDownloader::fetchFailed, &loop,
                     [&](const QString &, const QString &reason) {
                         outcome = makeError(QStringLiteral("fetch_failed"), reason);
                         loop.quit();
                     });
    // fetch() may answer at once (the file is already here, or the attachment is unknown).
    downloader.fetch(attachmentId);
    if (outcome.ok() || !outcome.error().message.isEmpty())
        return outcome;
    loop.exec();
    return outcome;
}

int fetch(CliContext &context, DeviceStore &store)
{
    if (context.arguments.size() != 2)
        return context.fail(CliContext::tr("fetch-attachment needs ID OUT_FILE"), UsageError);
    const QString attachmentId = context.arguments.at(0);
    AttachmentStore attachments(store);
    Result<AttachmentInfo> info = attachments.find(attachmentId);
    if (!info)
        return context.fail(info.error());
    QString localPath = info.value().localPath;
    if (localPath.isEmpty()) {
        Result<QString> fetched = download(store, attachmentId);
        if (!fetched)
            return context.fail(fetched.error());
        localPath = fetched.value();
    }
    QFile in(localPath);
    QSaveFile out(context.arguments.at(1));
    if (!in.open(QIODevice::ReadOnly))
        return context.fail(CliContext::tr("cannot read %1: %2").arg(localPath, in.errorString()));
    if (!out.open(QIODevice::WriteOnly))
        return context.fail(CliContext::tr("cannot write %1: %2").arg(out.fileName(), out.errorString()));
    while (!in.atEnd()) {
        const QByteArray block = in.read(1024 * 1024);
        if (out.write(block) != block.size())
            return context.fail(CliContext::tr("cannot write %1: %2").arg(out.fileName(), out.errorString()));
    }
    if (!out.commit())
        return context.fail(CliContext::tr("cannot write %1: %2").arg(out.fileName(), out.errorString()));
    if (context.json) {
        context.printJson(QJsonObject{{QStringLiteral("id"), attachmentId},
                                      {QStringLiteral("path"), context.arguments.at(1)},
                                      {QStringLiteral("bytes"), info.value().bytes},
                                      {QStringLiteral("sha256"), info.value().sha256}});
    } else {
        context.printLine(
            CliContext::tr("wrote %1 (%2 bytes)").arg(context.arguments.at(1)).arg(info.value().bytes));
    }
    return Success;
}

} // namespace

int runAttachmentCommand(CliContext &context)
{
    Result<DeviceStore *> store = context.store();
    if (!store)
        return context.fail(store.error());
    if (context.command == QLatin1String("attach"))
        return attach(context, *store.value());
    if (context.command == QLatin1String("attachments"))
        return list(context, *store.value());
    return fetch(context, *store.value());
}

} // namespace fieldsync::cli
