#include "CliContext.h"

#include "attachments/AttachmentUploader.h"
#include "sync/AccountIdentity.h"
#include "sync/SyncEngine.h"

#include <QEventLoop>
#include <QJsonObject>
#include <QTimer>
#include <QUrl>

#include <cstdio>

namespace fieldsync::cli {

namespace {

void warn(const QString &text)
{
    const QByteArray bytes = (QStringLiteral("fieldsync-cli: warning: ") + text).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fputc('\n', stderr);
}

int login(CliContext &context, DeviceStore &store)
{
    const QUrl url(context.options.value(QStringLiteral("server")));
    const QString token = context.options.value(QStringLiteral("token"));
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty())
        return context.fail(CliContext::tr("login needs --server http(s)://HOST:PORT"), UsageError);
    if (token.isEmpty())
        return context.fail(CliContext::tr("login needs --token TOKEN"), UsageError);

    Result<DeviceAccount> existing = store.account();
    if (!existing)
        return context.fail(existing.error());
    DeviceAccount account = existing.value();
    const bool sameAccount = account.serverUrl == url.toString() && account.token == token;
    if (context.options.contains(QStringLiteral("pin"))) {
        const QString pin = context.options.value(QStringLiteral("pin"));
        if (pin == QLatin1String("none")) {
            account.certificatePin.clear();
        } else {
            Result<QByteArray> digest = TlsPolicy::parseFingerprint(pin);
            if (!digest)
                return context.fail(digest.error().message, UsageError);
            account.certificatePin = QString::fromLatin1(digest.value().toHex(':').toUpper());
        }
    } else if (account.serverUrl != url.toString()) {
        // A pin belongs to one server's certificate; a re-login to the same server keeps it.
        account.certificatePin.clear();
    }
    account.serverUrl = url.toString();
    account.token = token;
    if (!sameAccount) {
        account.userName.clear();
        account.role.reset();
        account.projects.clear();
    }

    // Sign-in may happen with no signal: the server's answer only fills in who we are.
    SyncApiClient api;
    api.setServer(url, token);
    api.setTlsPolicy(TlsPolicy::forAccount(account));
    api.setTransferTimeout(10000);
    QEventLoop loop;
    std::optional<ApiError> failure;
    api.me([&](const ApiResult<protocol::MeResponse> &me) {
        if (me.ok()) {
            adoptIdentity(account, me.value());
        } else {
            failure = me.error();
        }
        loop.quit();
    });
    loop.exec();
    if (Result<void> saved = store.saveAccount(account); !saved)
        return context.fail(saved.error());
    if (store.tokenInFile())
        warn(TokenVault::fileWarning());
    if (failure &&
        (failure->kind == ApiError::Kind::Unauthorized || failure->kind == ApiError::Kind::Forbidden))
        warn(CliContext::tr("saved, but the server did not accept the token (%1)").arg(failure->describe()));
    else if (failure)
        warn(CliContext::tr("saved, but could not check the token with the server (%1)")
                 .arg(failure->describe()));
    if (context.json) {
        context.printJson(
            QJsonObject{{QStringLiteral("server"), account.serverUrl},
                        {QStringLiteral("user"), account.userName},
                        {QStringLiteral("role"), account.role ? roleName(*account.role) : QString()},
                        {QStringLiteral("project"), account.currentProject},
                        {QStringLiteral("verified"), !failure.has_value()}});
    } else {
        context.printLine(
            failure ? CliContext::tr("saved (not verified)")
                    : CliContext::tr("signed in as %1 (%2)").arg(account.userName, roleName(*account.role)));
    }
    return Success;
}

int sync(CliContext &context, DeviceStore &store)
{
    Result<DeviceAccount> account = store.account();
    if (!account)
        return context.fail(account.error());
    if (account.value().serverUrl.isEmpty())
        return context.fail(CliContext::tr("not signed in: run login --server URL --token T first"));
    SyncApiClient api;
    api.setServer(QUrl(account.value().serverUrl), account.value().token);
    api.setTlsPolicy(TlsPolicy::forAccount(account.value()));
    SyncEngine engine(store, api);
    AttachmentApiClient attachmentApi(api);
    attachmentApi.setToken(account.value().token);
    AttachmentUploader uploader(store, attachmentApi);
    if (context.options.contains(QStringLiteral("chunk-kb")))
        uploader.setChunkBytes(qint64(context.options.value(QStringLiteral("chunk-kb")).toInt()) * 1024);
    engine.setAttachmentUploader(&uploader);
    SyncEngine::Limits limits;
    if (context.options.contains(QStringLiteral("batch")))
        limits.maxChanges = std::max(1, context.options.value(QStringLiteral("batch")).toInt());
    engine.setLimits(limits);

    QEventLoop loop;
    SyncReport report;
    QObject::connect(&engine, &SyncEngine::finished, &loop, [&](const SyncReport &finished) {
        report = finished;
        loop.quit();
    });
    if (!engine.start())
        return context.fail(CliContext::tr("cannot start a sync"));
    loop.exec();

    if (context.json) {
        QJsonObject counts{{QStringLiteral("pushed"), report.pushed},
                           {QStringLiteral("applied"), report.applied},
                           {QStringLiteral("conflicts"), report.conflicts},
                           {QStringLiteral("rejected"), report.rejected},
                           {QStringLiteral("pulled"), report.pulled},
                           {QStringLiteral("pending"), report.pending},
                           {QStringLiteral("uploaded"), report.uploaded},
                           {QStringLiteral("files_pending"), report.filesWaiting}};
        if (!report.ok())
            counts.insert(QStringLiteral("error"), report.failureReason());
        if (!report.problems.isEmpty())
            counts.insert(QStringLiteral("problems"), QJsonValue::fromVariant(report.problems));
        context.printJson(counts);
    } else {
        context.printLine(
            CliContext::tr("pushed %1: %2 applied, %3 conflicts, %4 rejected; pulled %5; %6 pending")
                .arg(report.pushed)
                .arg(report.applied)
                .arg(report.conflicts)
                .arg(report.rejected)
                .arg(report.pulled)
                .arg(report.pending));
        if (report.uploaded > 0 || report.filesWaiting > 0)
            context.printLine(CliContext::tr("uploaded %1 attachment files; %2 still to upload")
                                  .arg(report.uploaded)
                                  .arg(report.filesWaiting));
        for (const QString &problem : report.problems)
            warn(problem);
    }
    if (!report.ok())
        return context.fail(CliContext::tr("sync failed: %1").arg(report.failureReason()));
    return Success;
}

int status(CliContext &context, DeviceStore &store)
{
    Result<QueueCounts> counts = store.counts();
    if (!counts)
        return context.fail(counts.error());
    Result<QString> lastSync = store.meta().value(MetaStore::LastSync);
    if (!lastSync)
        return context.fail(lastSync.error());
    Result<DeviceAccount> account = store.account();
    if (!account)
        return context.fail(account.error());
    if (context.json) {
        context.printJson(
            QJsonObject{{QStringLiteral("device_id"), store.deviceId()},
                        {QStringLiteral("pending"), counts.value().pending},
                        {QStringLiteral("conflicts"), counts.value().conflicts},
                        {QStringLiteral("rejected"), counts.value().rejected},
                        {QStringLiteral("last_sync"),
                         lastSync.value().isEmpty() ? QJsonValue() : QJsonValue(lastSync.value())},
                        {QStringLiteral("server"), account.value().serverUrl},
                        {QStringLiteral("user"), account.value().userName},
                        {QStringLiteral("project"), account.value().currentProject}});
    } else {
        context.printLine(
            CliContext::tr("device %1\nserver %2\n%3 pending, %4 conflicts, %5 rejected\nlast sync %6")
                .arg(store.deviceId(), account.value().serverUrl.isEmpty() ? CliContext::tr("(none)")
                                                                           : account.value().serverUrl)
                .arg(counts.value().pending)
                .arg(counts.value().conflicts)
                .arg(counts.value().rejected)
                .arg(lastSync.value().isEmpty() ? CliContext::tr("never") : lastSync.value()));
    }
    return Success;
}

} // namespace

int runSyncCommand(CliContext &context)
{
    Result<DeviceStore *> store = context.store();
    if (!store)
        return context.fail(store.error());
    if (context.command == QLatin1String("login"))
        return login(context, *store.value());
    if (context.command == QLatin1String("sync"))
        return sync(context, *store.value());
    return status(context, *store.value());
}

} // namespace fieldsync::cli
