// The client's secrets: the data directory is 0700, the sign-in token lives in the TokenVault
// (here its 0600 file, as on a machine without a keychain) and never in the database, a token an
// older build left in the database moves to the vault, and certificate pins parse as people
// copy them from openssl.

#include "store/DeviceStore.h"
#include "sync/TlsPolicy.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldsync;

namespace {

const QString Token = QStringLiteral("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

bool anyFileContains(const QString &dir, const QByteArray &needle, const QStringList &names)
{
    for (const QString &name : names) {
        QFile file(dir + QLatin1Char('/') + name);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            return true;
    }
    return false;
}

} // namespace

class ClientSecurityTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qputenv("FIELDSYNC_TOKEN_STORE", "file"); }

    void tokenIsKeptOutOfTheDatabaseInAPrivateFile()
    {
        QTemporaryDir root;
        const QString dataDir = root.filePath(QStringLiteral("device"));
        {
            Result<std::unique_ptr<DeviceStore>> store = DeviceStore::open(dataDir);
            QVERIFY(store.ok());
            QCOMPARE(QFileInfo(dataDir).permissions() & 0x0077, QFileDevice::Permissions());
            QVERIFY(store.value()->tokenInFile());
            DeviceAccount account;
            account.serverUrl = QStringLiteral("https://fieldsync.example");
            account.token = Token;
            QVERIFY(store.value()->saveAccount(account).ok());
            QCOMPARE(store.value()->account().value().token, Token);
        }
        const QFileInfo tokenFile(dataDir + QStringLiteral("/token"));
        QVERIFY(tokenFile.exists());
        QCOMPARE(int(tokenFile.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                                QFileDevice::WriteGroup | QFileDevice::WriteOther)),
                 0);
        QVERIFY(!anyFileContains(dataDir, Token.toLatin1(),
                                 {QStringLiteral("fieldsync.db"), QStringLiteral("fieldsync.db-wal")}));

        // A second process (or a restart) finds it; signing out removes it.
        Result<std::unique_ptr<DeviceStore>> reopened = DeviceStore::open(dataDir);
        QVERIFY(reopened.ok());
        DeviceAccount account = reopened.value()->account().value();
        QCOMPARE(account.token, Token);
        account.token.clear();
        QVERIFY(reopened.value()->saveAccount(account).ok());
        QVERIFY(!QFile::exists(dataDir + QStringLiteral("/token")));
        QVERIFY(reopened.value()->account().value().token.isEmpty());
    }

    void aTokenLeftInTheDatabaseMovesToTheVault()
    {
        QTemporaryDir root;
        Result<std::unique_ptr<DeviceStore>> store = DeviceStore::open(root.path());
        QVERIFY(store.ok());
        QVERIFY(store.value()->meta().setValue(MetaStore::Token, Token).ok());
        QCOMPARE(store.value()->account().value().token, Token);
        QVERIFY(!store.value()->meta().value(MetaStore::Token).value().contains(Token));
        QVERIFY(QFile::exists(root.filePath(QStringLiteral("token"))));
        QCOMPARE(store.value()->account().value().token, Token);
        // Clearing the token straight in the table (as a settings screen may) signs out.
        QVERIFY(store.value()->meta().setValue(MetaStore::Token, QStringLiteral("")).ok());
        QVERIFY(store.value()->account().value().token.isEmpty());
    }

    void pinsParseAsOpensslPrintsThem()
    {
        const QString colons = QStringLiteral(
            "sha256 "
            "Fingerprint=AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:"
            "23:45:67:89");
        const Result<QByteArray> parsed = TlsPolicy::parseFingerprint(colons);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value().size(), 32);
        QCOMPARE(TlsPolicy::parseFingerprint(QString::fromLatin1(parsed.value().toHex())).value(),
                 parsed.value());
        QVERIFY(!TlsPolicy::parseFingerprint(QStringLiteral("AB:CD")).ok());
        QVERIFY(!TlsPolicy::parseFingerprint(QString(64, QLatin1Char('g'))).ok());
    }
};

QTEST_GUILESS_MAIN(ClientSecurityTest)
#include "tst_clientsecurity.moc"
