// A company server with its own self-signed certificate: fieldsync-cli `login --pin` and the events
// socket trust exactly the pinned certificate, refuse it without a pin, and refuse any other pin.
#include "CliRunner.h"
#include "ServerProcess.h"
#include "TestCertificate.h"
#include "attachments/AttachmentApiClient.h"
#include "store/DeviceStore.h"
#include "sync/ServerEventsClient.h"
#include "sync/SyncApiClient.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldsync;
using namespace fieldsync::test;

namespace {

const QString OtherCertificatePin = QStringLiteral("00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:"
                                                   "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF");

} // namespace

class TlsPinTest : public QObject
{
    Q_OBJECT

private:
    TestCertificate m_certificate;
    std::unique_ptr<ServerProcess> m_server;
    QString m_token;
    QTemporaryDir m_dirs;

    CliRunner device(const QString &name) const { return CliRunner(m_dirs.filePath(name)); }

    CliResult login(const CliRunner &cli, const QStringList &extra = {}) const
    {
        return cli.run(QStringList{QStringLiteral("login"), QStringLiteral("--server"),
                                   m_server->url().toString(), QStringLiteral("--token"), m_token,
                                   QStringLiteral("--json")} +
                       extra);
    }

    static CliResult createTask(const CliRunner &cli, const QString &title)
    {
        return cli.run({QStringLiteral("create"), QStringLiteral("task"), QStringLiteral("title=") + title,
                        QStringLiteral("project_id=site"), QStringLiteral("--json")});
    }

private slots:
    void initTestCase()
    {
        const Result<void> made = m_certificate.create();
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().toString()));
        m_server = std::make_unique<ServerProcess>(m_certificate.serverArguments());
        const Result<void> started = m_server->start();
        QVERIFY2(started.ok(), qPrintable(m_server->logs()));
        QCOMPARE(m_server->url().scheme(), QStringLiteral("https"));
        const Result<QString> token =
            m_server->addUser(QStringLiteral("ana"), QStringLiteral("foreman"), {QStringLiteral("site")});
        QVERIFY(token.ok());
        m_token = token.value();
    }

    void aPinnedDeviceSignsInAndSyncs()
    {
        const CliRunner cli = device(QStringLiteral("pinned"));
        // As a person copies it from openssl's output: lower case is accepted too.
        const CliResult signedIn =
            login(cli, {QStringLiteral("--pin"), m_certificate.fingerprint().toLower()});
        QCOMPARE(signedIn.exitCode, 0);
        QCOMPARE(signedIn.json().object().value(QStringLiteral("verified")).toBool(), true);
        QCOMPARE(createTask(cli, QStringLiteral("Pinned task")).exitCode, 0);
        const CliResult sync = cli.run({QStringLiteral("sync"), QStringLiteral("--json")});
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
        QCOMPARE(sync.json().object().value(QStringLiteral("applied")).toInt(), 1);

        // A new token for the same server keeps the pin; it is not silently dropped.
        QCOMPARE(login(cli).exitCode, 0);
        QCOMPARE(createTask(cli, QStringLiteral("Still pinned")).exitCode, 0);
        const CliResult again = cli.run({QStringLiteral("sync"), QStringLiteral("--json")});
        QVERIFY2(again.exitCode == 0, again.err.constData());
    }

    void withoutAPinTheSelfSignedServerIsRefused()
    {
        const CliRunner cli = device(QStringLiteral("unpinned"));
        const CliResult signedIn = login(cli);
        QCOMPARE(signedIn.exitCode, 0); // sign-in never fails on the network; it warns
        QCOMPARE(signedIn.json().object().value(QStringLiteral("verified")).toBool(), false);
        QCOMPARE(createTask(cli, QStringLiteral("Unsent")).exitCode, 0);
        const CliResult sync = cli.run({QStringLiteral("sync"), QStringLiteral("--json")});
        QVERIFY(sync.exitCode != 0);
        QVERIFY2(
            sync.json().object().value(QStringLiteral("error")).toString().startsWith(QLatin1String("tls")),
            sync.out.constData());
        QCOMPARE(sync.json().object().value(QStringLiteral("pending")).toInt(), 1);
    }

    void anotherPinIsRefusedAndCanBeCorrected()
    {
        const CliRunner cli = device(QStringLiteral("wrongpin"));
        QCOMPARE(login(cli, {QStringLiteral("--pin"), OtherCertificatePin}).exitCode, 0);
        QCOMPARE(createTask(cli, QStringLiteral("Kept until the pin is right")).exitCode, 0);
        const CliResult refused = cli.run({QStringLiteral("sync"), QStringLiteral("--json")});
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.json()
                     .object()
                     .value(QStringLiteral("error"))
                     .toString()
                     .startsWith(QLatin1String("tls")),
                 refused.out.constData());

        QCOMPARE(login(cli, {QStringLiteral("--pin"), m_certificate.fingerprint()}).exitCode, 0);
        const CliResult sync = cli.run({QStringLiteral("sync"), QStringLiteral("--json")});
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
        QCOMPARE(sync.json().object().value(QStringLiteral("applied")).toInt(), 1);

        // `--pin none` goes back to the system's CAs, which do not know this certificate.
        QCOMPARE(login(cli, {QStringLiteral("--pin"), QStringLiteral("none")}).exitCode, 0);
        QCOMPARE(createTask(cli, QStringLiteral("After unpinning")).exitCode, 0);
        QVERIFY(cli.run({QStringLiteral("sync")}).exitCode != 0);
    }

    void bothApiClientsNameARefusedCertificateAlike()
    {
        // The records' and the files' clients share one account of why a request failed: a
        // refused certificate is "tls" from either, never a plain network error.
        SyncApiClient api;
        api.setServer(m_server->url(), m_token);
        AttachmentApiClient files(api);
        files.setToken(m_token);
        std::optional<ApiError> recordsError;
        std::optional<ApiError> filesError;
        api.me([&](const ApiResult<protocol::MeResponse> &answer) {
            recordsError = answer.ok() ? ApiError() : answer.error();
        });
        files.thumbnail(QStringLiteral("00000000-0000-7000-8000-000000000001"),
                        [&](const ApiResult<QByteArray> &answer) {
                            filesError = answer.ok() ? ApiError() : answer.error();
                        });
        QTRY_VERIFY_WITH_TIMEOUT(recordsError && filesError, 20000);
        QCOMPARE(recordsError->code, QStringLiteral("tls"));
        QCOMPARE(filesError->code, QStringLiteral("tls"));
        QCOMPARE(filesError->kind, ApiError::Kind::Network);
        QCOMPARE(filesError->message, recordsError->message);
    }

    void aMalformedPinIsAUsageError()
    {
        const CliRunner cli = device(QStringLiteral("badpin"));
        const CliResult result = login(cli, {QStringLiteral("--pin"), QStringLiteral("12:34:zz")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("SHA-256"), result.err.constData());
        const CliResult status = cli.run({QStringLiteral("status"), QStringLiteral("--json")});
        QCOMPARE(status.json().object().value(QStringLiteral("server")).toString(), QString());
    }

    void theEventsSocketHonoursThePin()
    {
        DeviceAccount account;
        account.certificatePin = m_certificate.fingerprint();
        ServerEventsClient pinned;
        pinned.setServer(m_server->url(), m_token, QStringLiteral("device-pinned"));
        pinned.setTlsPolicy(TlsPolicy::forAccount(account));
        QSignalSpy connected(&pinned, &ServerEventsClient::connected);
        pinned.start();
        QVERIFY(connected.wait(10000));

        for (const QString &pin : {QString(), OtherCertificatePin}) {
            account.certificatePin = pin;
            ServerEventsClient refused;
            refused.setServer(m_server->url(), m_token, QStringLiteral("device-refused"));
            refused.setTlsPolicy(TlsPolicy::forAccount(account));
            QSignalSpy failed(&refused, &ServerEventsClient::connectFailed);
            QSignalSpy wronglyConnected(&refused, &ServerEventsClient::connected);
            refused.start();
            QVERIFY2(failed.wait(10000), qPrintable(pin));
            QVERIFY(!refused.isConnected());
            QCOMPARE(wronglyConnected.count(), 0);
            refused.stop();
        }
    }
};

QTEST_GUILESS_MAIN(TlsPinTest)
#include "tst_tlspin.moc"
