// Attachments on one device, no server: a photo is copied into the data dir with its SHA-256
// at once, its record queued in the outbox with it, and nothing a person attached is ever
// dropped before the server has it.
#include "attachments/AttachmentStore.h"
#include "attachments/FileDigest.h"
#include "attachments/Sha256.h"
#include "store/DeviceStore.h"
#include "store/LocalEditor.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldsync;
using namespace Qt::StringLiterals;

namespace {

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QString writeFile(const QString &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = QDir(dir).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

} // namespace

class TestAttachmentStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void aPhotoIsCopiedWithItsHashAndQueuedWithItsRecord();
    void theCopySurvivesTheOriginalAndARestart();
    void aRecordWithAFileNotOnTheServerIsPending();
    void aZeroByteFileIsAnAttachmentToo();
    void badInputLeavesNothingBehind();
    void aSignatureKnowsWhoSignedAndAs();
    void keepRecentOnlyNeverDropsAFileTheServerLacks();
    void localStorageCountsTheFiles();
    void theFastSha256AgreesWithTheStandardOne();

private:
    void openStore();
    QString createPermit();

    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<QTemporaryDir> m_outside;
    std::unique_ptr<DeviceStore> m_store;
};

void TestAttachmentStore::init()
{
    m_dataDir = std::make_unique<QTemporaryDir>();
    m_outside = std::make_unique<QTemporaryDir>();
    openStore();
    DeviceAccount account;
    account.currentProject = u"p1"_s;
    account.projects = {u"p1"_s};
    QVERIFY(m_store->saveAccount(account).ok());
}

void TestAttachmentStore::cleanup()
{
    m_store.reset();
}

void TestAttachmentStore::openStore()
{
    m_store.reset();
    Result<std::unique_ptr<DeviceStore>> opened = DeviceStore::open(m_dataDir->path());
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
    m_store = std::move(opened).value();
}

QString TestAttachmentStore::createPermit()
{
    Result<QString> id =
        LocalEditor(*m_store).create(EntityKind::Permit, QJsonObject{{u"title"_s, u"Hot work"_s}});
    return id ? id.value() : QString();
}

void TestAttachmentStore::aPhotoIsCopiedWithItsHashAndQueuedWithItsRecord()
{
    const QString permit = createPermit();
    QVERIFY(!permit.isEmpty());
    const QByteArray bytes = QByteArray("\xff\xd8\xff\xe0 not really a jpeg ") + QByteArray(5000, 'x');
    const QString source = writeFile(m_outside->path(), u"IMG_0042.JPG"_s, bytes);
    AttachmentStore attachments(*m_store);
    QSignalSpy changed(&attachments, &AttachmentStore::attachmentsChanged);
    const Result<int> queuedBefore = m_store->outbox().count();

    Result<QString> id = attachments.attachFile(permit, source);
    QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().toString()));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), permit);

    Result<AttachmentInfo> info = attachments.find(id.value());
    QVERIFY(info.ok());
    QCOMPARE(info.value().recordId, permit);
    QCOMPARE(info.value().entity, u"permit"_s);
    QCOMPARE(info.value().name, u"IMG_0042.JPG"_s);
    QCOMPARE(info.value().bytes, bytes.size());
    QCOMPARE(info.value().sha256, QString::fromLatin1(sha256Hex(bytes)));
    QCOMPARE(info.value().kind, AttachmentKind::Photo);
    QCOMPARE(info.value().state, AttachmentState::Pending);
    QVERIFY(info.value().localPath.startsWith(m_dataDir->path()));
    QFile copy(info.value().localPath);
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), bytes);

    // Its record is one more queued change: an append, never a conflict with another device's.
    QCOMPARE(m_store->outbox().count().value(), queuedBefore.value() + 1);
    QSqlQuery query(m_store->database().connection());
    QVERIFY(query.exec(u"SELECT entity, op, data FROM outbox WHERE record_id = '%1'"_s.arg(id.value())));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), u"attachment"_s);
    QCOMPARE(query.value(1).toString(), u"append"_s);
    QVERIFY(query.value(2).toString().contains(QString::fromLatin1(sha256Hex(bytes))));
}

void TestAttachmentStore::theCopySurvivesTheOriginalAndARestart()
{
    const QString permit = createPermit();
    const QByteArray bytes(12345, 'p');
    const QString source = writeFile(m_outside->path(), u"photo.png"_s, bytes);
    Result<QString> id = AttachmentStore(*m_store).attachFile(permit, source);
    QVERIFY(id.ok());
    QVERIFY(QFile::remove(source)); // the camera's temporary file is gone
    openStore();                    // and the app restarted

    Result<QList<AttachmentInfo>> list = AttachmentStore(*m_store).forRecord(permit);
    QVERIFY(list.ok());
    QCOMPARE(list.value().size(), 1);
    QCOMPARE(list.value().first().id, id.value());
    QFile copy(list.value().first().localPath);
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(sha256Hex(copy.readAll()), list.value().first().sha256.toLatin1());
}

void TestAttachmentStore::aRecordWithAFileNotOnTheServerIsPending()
{
    const QString permit = createPermit();
    const QString source = writeFile(m_outside->path(), u"a.jpg"_s, QByteArray(100, 'a'));
    // As if the permit had synced: nothing of it is queued.
    QSqlQuery clear(m_store->database().connection());
    QVERIFY(clear.exec(u"DELETE FROM outbox"_s));
    QCOMPARE(m_store->syncState(permit).value(), RecordSyncState::Synced);
    QCOMPARE(m_store->counts().value().pending, 0);

    Result<QString> id = AttachmentStore(*m_store).attachFile(permit, source);
    QVERIFY(id.ok());
    QVERIFY(clear.exec(u"DELETE FROM outbox"_s)); // even once the attachment's record is pushed...
    QCOMPARE(m_store->syncState(permit).value(), RecordSyncState::Pending); // ...its file is not
    QCOMPARE(m_store->syncState(id.value()).value(), RecordSyncState::Pending);
    QCOMPARE(m_store->counts().value().pending, 1);
    QCOMPARE(m_store->counts().value().pendingFiles, 1);
}

void TestAttachmentStore::aZeroByteFileIsAnAttachmentToo()
{
    const QString permit = createPermit();
    const QString source = writeFile(m_outside->path(), u"empty.jpg"_s, QByteArray());
    Result<QString> id = AttachmentStore(*m_store).attachFile(permit, source);
    QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().toString()));
    const AttachmentInfo info = AttachmentStore(*m_store).find(id.value()).value();
    QCOMPARE(info.bytes, 0);
    QCOMPARE(info.sha256, u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s);
    QVERIFY(QFile::exists(info.localPath));
}

void TestAttachmentStore::badInputLeavesNothingBehind()
{
    const QString permit = createPermit();
    AttachmentStore attachments(*m_store);
    const int queued = m_store->outbox().count().value();

    Result<QString> missing = attachments.attachFile(permit, QDir(m_outside->path()).filePath(u"nope.jpg"_s));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, u"bad_file"_s);
    Result<QString> folder = attachments.attachFile(permit, m_outside->path());
    QVERIFY(!folder.ok());

    const QString source = writeFile(m_outside->path(), u"b.jpg"_s, QByteArray(10, 'b'));
    Result<QString> noRecord = attachments.attachFile(u"6f1c2a52-0000-4000-8000-000000000000"_s, source);
    QVERIFY(!noRecord.ok());
    QCOMPARE(noRecord.error().code, u"not_found"_s);

    Result<QString> reading = LocalEditor(*m_store).create(
        EntityKind::GasReading,
        QJsonObject{{u"permit_id"_s, permit}, {u"gas"_s, u"O2"_s}, {u"value"_s, 20.9}});
    QVERIFY(reading.ok());
    Result<QString> onReading = attachments.attachFile(reading.value(), source);
    QVERIFY(!onReading.ok());
    QCOMPARE(onReading.error().code, u"validation"_s);

    // Only the gas reading was queued, and no stray copies sit in the data dir.
    QCOMPARE(m_store->outbox().count().value(), queued + 1);
    QCOMPARE(attachments.localStorageBytes().value(), 0);
    QVERIFY(QFile::exists(source)); // the person's file is never touched
}

void TestAttachmentStore::aSignatureKnowsWhoSignedAndAs()
{
    const QString permit = createPermit();
    AttachmentStore attachments(*m_store);
    const QByteArray png("\x89PNG\r\n\x1a\n pretend strokes");
    QVERIFY(!attachments.attachSignature(permit, png, u"Ana Ruiz"_s, u"witness"_s).ok());
    QVERIFY(!attachments.attachSignature(permit, png, u"  "_s, u"issuer"_s).ok());
    QVERIFY(!attachments.attachSignature(permit, QByteArray(), u"Ana Ruiz"_s, u"issuer"_s).ok());

    Result<QString> id = attachments.attachSignature(permit, png, u"Ana Ruiz"_s, u"issuer"_s);
    QVERIFY(id.ok());
    const AttachmentInfo info = attachments.find(id.value()).value();
    QCOMPARE(info.kind, AttachmentKind::Signature);
    QCOMPARE(info.signerName, u"Ana Ruiz"_s);
    QCOMPARE(info.signerRole, u"issuer"_s);
    QVERIFY(qAbs(info.signedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    QCOMPARE(info.mimeType, u"image/png"_s);
    QCOMPARE(info.sha256, QString::fromLatin1(sha256Hex(png)));
}

void TestAttachmentStore::keepRecentOnlyNeverDropsAFileTheServerLacks()
{
    const QString permit = createPermit();
    AttachmentStore attachments(*m_store);
    const QString pendingId =
        attachments.attachFile(permit, writeFile(m_outside->path(), u"p.jpg"_s, QByteArray(300, 'p')))
            .value();
    const QString syncedId =
        attachments.attachFile(permit, writeFile(m_outside->path(), u"s.jpg"_s, QByteArray(400, 's')))
            .value();
    // Both attached 40 days ago; only the second reached the server.
    QSqlQuery age(m_store->database().connection());
    QVERIFY(age.exec(u"UPDATE attachment_files SET created_at = '2020-01-01T00:00:00.000Z'"_s));
    QVERIFY(age.exec(u"UPDATE attachment_files SET state = 'synced' WHERE id = '%1'"_s.arg(syncedId)));

    QCOMPARE(attachments.keepRecentOnly(0).value(), 0); // 0 = keep everything
    QCOMPARE(attachments.keepRecentOnly(30).value(), 1);
    const AttachmentInfo pending = attachments.find(pendingId).value();
    const AttachmentInfo synced = attachments.find(syncedId).value();
    QVERIFY(QFile::exists(pending.localPath));
    QCOMPARE(pending.state, AttachmentState::Pending);
    QVERIFY(synced.localPath.isEmpty());
    QCOMPARE(synced.state, AttachmentState::Synced); // still on the server, fetchable again
    QCOMPARE(attachments.localStorageBytes().value(), 300);

    QCOMPARE(attachments.keepRecentDays(), 0);
    QVERIFY(attachments.setKeepRecentDays(14).ok());
    QVERIFY(!attachments.setKeepRecentDays(-1).ok());
    openStore();
    QCOMPARE(AttachmentStore(*m_store).keepRecentDays(), 14);
}

void TestAttachmentStore::localStorageCountsTheFiles()
{
    const QString permit = createPermit();
    AttachmentStore attachments(*m_store);
    QCOMPARE(attachments.localStorageBytes().value(), 0);
    QVERIFY(
        attachments.attachFile(permit, writeFile(m_outside->path(), u"1.jpg"_s, QByteArray(1000, '1'))).ok());
    QVERIFY(
        attachments.attachFile(permit, writeFile(m_outside->path(), u"2.jpg"_s, QByteArray(2500, '2'))).ok());
    QCOMPARE(attachments.localStorageBytes().value(), 3500);
    QCOMPARE(attachments.forRecord(permit).value().size(), 2);
}

void TestAttachmentStore::theFastSha256AgreesWithTheStandardOne()
{
    // FIPS 180-2 examples, then a file of several read blocks with a ragged end.
    QCOMPARE(Sha256::hexOf(QByteArray()),
             QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    QCOMPARE(Sha256::hexOf("abc"),
             QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QByteArray bytes(3 * 256 * 1024 + 77, Qt::Uninitialized);
    for (qsizetype index = 0; index < bytes.size(); ++index)
        bytes[index] = char((index * 131 + index / 7) & 0xff);
    const QString path = writeFile(m_outside->path(), u"blocks.bin"_s, bytes);
    QVERIFY(!path.isEmpty());
    const Result<QByteArray> ofFile = FileDigest::sha256HexOfFile(path);
    QVERIFY(ofFile.ok());
    QCOMPARE(ofFile.value(), sha256Hex(bytes));
    Sha256 pieces;
    pieces.addData(QByteArrayView(bytes).first(1000));
    pieces.addData(QByteArrayView(bytes).sliced(1000));
    QCOMPARE(pieces.resultHex(), sha256Hex(bytes));
}

QTEST_GUILESS_MAIN(TestAttachmentStore)
#include "tst_attachmentstore.moc"
