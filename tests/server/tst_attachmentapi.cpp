// The attachment endpoints of the real fieldsync-server process: chunks checked one by one,
// the whole file checked before it counts, sizes refused from the head, projects filtered,
// files stored by content within each project (never shared across projects), thumbnails made
// from the stored photo, and files of the old shared layout moved to their projects on start.
#include "ServerProcess.h"
#include "TestHttpClient.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <tuple>

using namespace fieldsync;
using namespace fieldsync::test;
using namespace Qt::StringLiterals;

namespace {

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(QRandomGenerator::global()->bounded(256));
    return bytes;
}

// A photo of one colour, as a camera would send it.
QByteArray jpegOf(QSize size, Qt::GlobalColor colour)
{
    QImage photo(size, QImage::Format_RGB32);
    photo.fill(colour);
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    return photo.save(&buffer, "JPEG", 90) ? jpeg : QByteArray();
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestAttachmentApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void chunksAreCheckedAndTheWholeFileCompletesTheUpload();
    void aCorruptedChunkIsRefusedAndTheResentOneTaken();
    void aWrongOffsetIsRefusedWithWhatTheServerHas();
    void aFileWhoseBytesDoNotMatchItsRecordIsNeverComplete();
    void aZeroByteFileCompletes();
    void aFileOverTheLimitIsRefusedBeforeItsBody();
    void anotherProjectSeesNothing();
    void anotherProjectCannotClaimAFileByItsSha256();
    void theSamePhotoTwiceInAProjectIsStoredOnce();
    void filesOfTheOldSharedLayoutMoveToTheirProjectsOnStart();
    void anAttachmentNeedsItsRecordInItsProject();
    void aThumbnailIsAScaledImage();
    void aFileThatIsNoImageHasNoThumbnail();
    void cleanupTestCase();

private:
    // Pushes an attachment record for content into project p1 (as ana), on a permit pushed with it;
    // its id.
    QString pushAttachment(const QByteArray &content, const QString &name = u"photo.jpg"_s,
                           const QString &mime = u"image/jpeg"_s, qint64 bytesOverride = -1);
    // The same into another project as another user, on the server at url.
    static QString pushAttachmentAs(const QUrl &url, const QString &token, const QString &project,
                                    const QByteArray &content);
    // The server's answer to a push of these changes (as ana).
    QJsonObject pushChanges(const QJsonArray &changes);
    static QJsonObject pushChangesAs(const QUrl &url, const QString &token, const QJsonArray &changes);
    TestHttpResponse put(const QString &token, const QString &path, const QByteArray &body,
                         const QList<QPair<QByteArray, QByteArray>> &headers);
    TestHttpResponse putChunk(const QString &id, qint64 index, qint64 offset, const QByteArray &bytes,
                              const QByteArray &sha = {});
    TestHttpResponse putChunkAs(const QString &token, const QString &id, qint64 offset,
                                const QByteArray &bytes);
    // Where the server keeps a project's file of this SHA-256.
    QString objectPath(const QString &project, const QString &sha) const;

    QTemporaryDir m_attachmentsDir;
    std::unique_ptr<ServerProcess> m_server;
    QString m_ana;
    QString m_olga;
    QNetworkAccessManager m_network;
};

namespace {

QJsonObject permitCreate(const QString &id, const QString &project)
{
    return QJsonObject{{u"offline_id"_s, newId()},
                       {u"entity"_s, u"permit"_s},
                       {u"op"_s, u"create"_s},
                       {u"id"_s, id},
                       {u"client_version"_s, 0},
                       {u"base"_s, QJsonObject()},
                       {u"data"_s, QJsonObject{{u"project_id"_s, project}, {u"title"_s, u"Hot work"_s}}}};
}

QJsonObject attachmentAppend(const QString &id, const QString &recordId, const QString &recordEntity,
                             const QByteArray &content, const QString &name, const QString &mime,
                             qint64 bytes, const QString &project = u"p1"_s)
{
    const QJsonObject data{{u"project_id"_s, project},
                           {u"record_id"_s, recordId},
                           {u"record_entity"_s, recordEntity},
                           {u"name"_s, name},
                           {u"mime_type"_s, mime},
                           {u"bytes"_s, double(bytes)},
                           {u"sha256"_s, QString::fromLatin1(sha256Hex(content))},
                           {u"kind"_s, u"photo"_s}};
    return QJsonObject{
        {u"offline_id"_s, newId()}, {u"entity"_s, u"attachment"_s}, {u"op"_s, u"append"_s}, {u"id"_s, id},
        {u"client_version"_s, 0},   {u"base"_s, QJsonObject()},     {u"data"_s, data}};
}

} // namespace

void TestAttachmentApi::initTestCase()
{
    QVERIFY(m_attachmentsDir.isValid());
    m_server = std::make_unique<ServerProcess>(
        QStringList{u"--attachments-dir"_s, m_attachmentsDir.path(), u"--max-attachment-mb"_s, u"1"_s});
    const Result<void> started = m_server->start();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
    const Result<QString> ana = m_server->addUser(u"ana"_s, u"foreman"_s, {u"p1"_s});
    const Result<QString> olga = m_server->addUser(u"olga"_s, u"foreman"_s, {u"p2"_s});
    QVERIFY(ana.ok() && olga.ok());
    m_ana = ana.value();
    m_olga = olga.value();
}

void TestAttachmentApi::anAttachmentNeedsItsRecordInItsProject()
{
    const QByteArray content("a photo of nothing");
    const QString permitInP1 = newId();
    const QString nowhere = newId();
    const QJsonObject answer = pushChanges({permitCreate(permitInP1, u"p1"_s),
                                            attachmentAppend(newId(), nowhere, u"permit"_s, content,
                                                             u"a.jpg"_s, u"image/jpeg"_s, content.size()),
                                            attachmentAppend(newId(), permitInP1, u"task"_s, content,
                                                             u"b.jpg"_s, u"image/jpeg"_s, content.size()),
                                            attachmentAppend(newId(), permitInP1, u"permit"_s, content,
                                                             u"c.jpg"_s, u"image/jpeg"_s, content.size())});
    QCOMPARE(answer.value(u"applied"_s).toArray().size(), 2); // the permit and the photo on it
    const QJsonArray rejected = answer.value(u"rejected"_s).toArray();
    QCOMPARE(rejected.size(), 2);
    for (const QJsonValue &entry : rejected) {
        QCOMPARE(entry[u"reason"_s].toString(), u"validation"_s);
        QVERIFY2(entry[u"detail"_s].toString().startsWith(u"record_id: no "_s),
                 qPrintable(entry[u"detail"_s].toString()));
    }
    QVERIFY(rejected.at(0)[u"detail"_s].toString().contains(nowhere));
    QVERIFY(rejected.at(1)[u"detail"_s].toString().contains(u"no task"_s));
}

void TestAttachmentApi::cleanupTestCase()
{
    if (!m_server)
        return;
    const Result<void> stopped = m_server->stop();
    if (!stopped) // QTest cuts long messages; the server's whole log is what explains it
        qWarning().noquote() << stopped.error().toString();
    QVERIFY2(stopped, stopped ? "" : qPrintable(stopped.error().toString()));
}

QJsonObject TestAttachmentApi::pushChanges(const QJsonArray &changes)
{
    return pushChangesAs(m_server->url(), m_ana, changes);
}

QJsonObject TestAttachmentApi::pushChangesAs(const QUrl &url, const QString &token, const QJsonArray &changes)
{
    const QJsonObject push{{u"device_id"_s, u"test-device"_s},
                           {u"client_time"_s, u"2026-11-22T10:00:00Z"_s},
                           {u"batch_id"_s, newId()},
                           {u"changes"_s, changes}};
    TestHttpClient client(url, token);
    const TestHttpResponse answer =
        client.post(u"/api/v1/sync/push"_s, QJsonDocument(push).toJson(QJsonDocument::Compact));
    if (answer.status != 200)
        qWarning() << "push failed:" << answer.status << answer.body;
    return answer.json();
}

QString TestAttachmentApi::pushAttachment(const QByteArray &content, const QString &name, const QString &mime,
                                          qint64 bytesOverride)
{
    const QString id = newId();
    const QString permitId = newId();
    const QJsonObject answer =
        pushChanges({permitCreate(permitId, u"p1"_s),
                     attachmentAppend(id, permitId, u"permit"_s, content, name, mime,
                                      bytesOverride >= 0 ? bytesOverride : content.size())});
    if (answer.value(u"applied"_s).toArray().size() != 2) {
        qWarning() << "push not applied:" << answer;
        return {};
    }
    return id;
}

QString TestAttachmentApi::pushAttachmentAs(const QUrl &url, const QString &token, const QString &project,
                                            const QByteArray &content)
{
    const QString id = newId();
    const QString permitId = newId();
    const QJsonObject answer = pushChangesAs(
        url, token,
        {permitCreate(permitId, project), attachmentAppend(id, permitId, u"permit"_s, content, u"photo.jpg"_s,
                                                           u"image/jpeg"_s, content.size(), project)});
    if (answer.value(u"applied"_s).toArray().size() != 2) {
        qWarning() << "push not applied:" << answer;
        return {};
    }
    return id;
}

QString TestAttachmentApi::objectPath(const QString &project, const QString &sha) const
{
    const QString projectFolder = QString::fromLatin1(sha256Hex(project.toUtf8()));
    return QDir(m_attachmentsDir.path()).filePath(u"objects/%1/%2/%3"_s.arg(projectFolder, sha.left(2), sha));
}

TestHttpResponse TestAttachmentApi::putChunkAs(const QString &token, const QString &id, qint64 offset,
                                               const QByteArray &bytes)
{
    return put(token, u"/api/v1/attachments/%1/chunks/0"_s.arg(id), bytes,
               {{"FieldSync-Chunk-Offset", QByteArray::number(offset)},
                {"FieldSync-Chunk-SHA256", sha256Hex(bytes)}});
}

TestHttpResponse TestAttachmentApi::put(const QString &token, const QString &path, const QByteArray &body,
                                        const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QUrl url = m_server->url();
    url.setPath(path);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setRawHeader("Content-Type", "application/octet-stream");
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);
    QNetworkReply *reply = m_network.put(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    TestHttpResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->readAll();
    reply->deleteLater();
    return response;
}

TestHttpResponse TestAttachmentApi::putChunk(const QString &id, qint64 index, qint64 offset,
                                             const QByteArray &bytes, const QByteArray &sha)
{
    return put(m_ana, u"/api/v1/attachments/%1/chunks/%2"_s.arg(id).arg(index), bytes,
               {{"FieldSync-Chunk-Offset", QByteArray::number(offset)},
                {"FieldSync-Chunk-SHA256", sha.isEmpty() ? sha256Hex(bytes) : sha}});
}

void TestAttachmentApi::chunksAreCheckedAndTheWholeFileCompletesTheUpload()
{
    const QByteArray content = randomBytes(250 * 1024);
    const QString id = pushAttachment(content);
    QVERIFY(!id.isEmpty());
    TestHttpClient client(m_server->url(), m_ana);

    TestHttpResponse status = client.get(u"/api/v1/attachments/%1/upload"_s.arg(id));
    QCOMPARE(status.status, 200);
    QCOMPARE(status.json().value(u"received"_s).toInteger(), 0);
    QCOMPARE(status.json().value(u"bytes"_s).toInteger(), content.size());
    QCOMPARE(status.json().value(u"complete"_s).toBool(), false);
    QCOMPARE(client.get(u"/api/v1/attachments/%1"_s.arg(id)).status, 404); // not there yet

    const qint64 chunk = 100 * 1024;
    for (qint64 offset = 0, index = 0; offset < content.size(); offset += chunk, ++index) {
        const TestHttpResponse answer = putChunk(id, index, offset, content.mid(offset, chunk));
        QCOMPARE(answer.status, 200);
        const QJsonObject json = QJsonDocument::fromJson(answer.body).object();
        QCOMPARE(json.value(u"received"_s).toInteger(), std::min<qint64>(offset + chunk, content.size()));
        QCOMPARE(json.value(u"complete"_s).toBool(), offset + chunk >= content.size());
    }
    status = client.get(u"/api/v1/attachments/%1/upload"_s.arg(id));
    QCOMPARE(status.json().value(u"complete"_s).toBool(), true);
    QCOMPARE(status.json().value(u"received"_s).toInteger(), content.size());

    // Stored by content in its project's folder, and a replayed chunk after completion changes nothing.
    const QString sha = QString::fromLatin1(sha256Hex(content));
    QVERIFY(QFile::exists(objectPath(u"p1"_s, sha)));
    QVERIFY(!QFile::exists(QDir(m_attachmentsDir.path()).filePath(u"objects/%1/%2"_s.arg(sha.left(2), sha))));
    QCOMPARE(putChunk(id, 2, 200 * 1024, content.mid(200 * 1024)).status, 200);

    const TestHttpResponse file =
        client.get(u"/api/v1/attachments/%1"_s.arg(id), {{"Accept-Encoding", "identity"}});
    QCOMPARE(file.status, 200);
    QCOMPARE(file.body, content);
    QCOMPARE(file.header("FieldSync-File-SHA256"), sha.toLatin1());
}

void TestAttachmentApi::aCorruptedChunkIsRefusedAndTheResentOneTaken()
{
    const QByteArray content = randomBytes(64 * 1024);
    const QString id = pushAttachment(content);
    QVERIFY(!id.isEmpty());
    QCOMPARE(putChunk(id, 0, 0, content.left(32 * 1024)).status, 200);

    // One byte flipped on the way: its SHA-256 header is of the bytes the device meant to send.
    QByteArray damaged = content.mid(32 * 1024);
    damaged[100] = char(damaged.at(100) ^ 0x5a);
    const TestHttpResponse refused = putChunk(id, 1, 32 * 1024, damaged, sha256Hex(content.mid(32 * 1024)));
    QCOMPARE(refused.status, 422);
    QCOMPARE(QJsonDocument::fromJson(refused.body).object().value(u"error"_s).toString(),
             u"chunk_hash_mismatch"_s);
    TestHttpClient client(m_server->url(), m_ana);
    QCOMPARE(client.get(u"/api/v1/attachments/%1/upload"_s.arg(id)).json().value(u"received"_s).toInteger(),
             32 * 1024);

    const TestHttpResponse resent = putChunk(id, 1, 32 * 1024, content.mid(32 * 1024));
    QCOMPARE(resent.status, 200);
    QCOMPARE(QJsonDocument::fromJson(resent.body).object().value(u"complete"_s).toBool(), true);
    QCOMPARE(client.get(u"/api/v1/attachments/%1"_s.arg(id), {{"Accept-Encoding", "identity"}}).body,
             content);
}

void TestAttachmentApi::aWrongOffsetIsRefusedWithWhatTheServerHas()
{
    const QByteArray content = randomBytes(40 * 1024);
    const QString id = pushAttachment(content);
    QVERIFY(!id.isEmpty());
    QCOMPARE(putChunk(id, 0, 0, content.left(10 * 1024)).status, 200);
    const TestHttpResponse ahead = putChunk(id, 2, 20 * 1024, content.mid(20 * 1024, 10 * 1024));
    QCOMPARE(ahead.status, 409);
    QCOMPARE(QJsonDocument::fromJson(ahead.body).object().value(u"error"_s).toString(), u"offset_mismatch"_s);
    // The same chunk twice (its answer was lost): refused, nothing appended twice.
    QCOMPARE(putChunk(id, 0, 0, content.left(10 * 1024)).status, 409);
    const TestHttpResponse missingHeaders =
        put(m_ana, u"/api/v1/attachments/%1/chunks/1"_s.arg(id), content.mid(10 * 1024, 10 * 1024), {});
    QCOMPARE(missingHeaders.status, 400);
    TestHttpClient client(m_server->url(), m_ana);
    QCOMPARE(client.get(u"/api/v1/attachments/%1/upload"_s.arg(id)).json().value(u"received"_s).toInteger(),
             10 * 1024);
}

void TestAttachmentApi::aFileWhoseBytesDoNotMatchItsRecordIsNeverComplete()
{
    const QByteArray content = randomBytes(20 * 1024);
    const QString id = pushAttachment(content);
    QVERIFY(!id.isEmpty());
    QByteArray other = content;
    other[5] = char(other.at(5) ^ 1);
    const TestHttpResponse answer = putChunk(id, 0, 0, other); // a consistent chunk of the wrong file
    QCOMPARE(answer.status, 422);
    QCOMPARE(QJsonDocument::fromJson(answer.body).object().value(u"error"_s).toString(),
             u"file_hash_mismatch"_s);
    TestHttpClient client(m_server->url(), m_ana);
    const QJsonObject status = client.get(u"/api/v1/attachments/%1/upload"_s.arg(id)).json();
    QCOMPARE(status.value(u"complete"_s).toBool(), false);
    QCOMPARE(status.value(u"received"_s).toInteger(), 0); // starts over
    QCOMPARE(client.get(u"/api/v1/attachments/%1"_s.arg(id)).status, 404);
    QCOMPARE(putChunk(id, 0, 0, content).status, 200);
    QCOMPARE(client.get(u"/api/v1/attachments/%1/upload"_s.arg(id)).json().value(u"complete"_s).toBool(),
             true);
}

void TestAttachmentApi::aZeroByteFileCompletes()
{
    const QString id = pushAttachment(QByteArray(), u"empty.txt"_s, u"text/plain"_s);
    QVERIFY(!id.isEmpty());
    const TestHttpResponse answer = putChunk(id, 0, 0, QByteArray());
    QCOMPARE(answer.status, 200);
    QCOMPARE(QJsonDocument::fromJson(answer.body).object().value(u"complete"_s).toBool(), true);
    TestHttpClient client(m_server->url(), m_ana);
    const TestHttpResponse file = client.get(u"/api/v1/attachments/%1"_s.arg(id));
    QCOMPARE(file.status, 200);
    QVERIFY(file.body.isEmpty());
}

void TestAttachmentApi::aFileOverTheLimitIsRefusedBeforeItsBody()
{
    // The record claims 3 MiB; the server takes 1 MiB files.
    const QByteArray content = randomBytes(1024);
    const QString id = pushAttachment(content, u"huge.jpg"_s, u"image/jpeg"_s, 3 * 1024 * 1024);
    QVERIFY(!id.isEmpty());
    TestHttpClient client(m_server->url(), m_ana);
    const TestHttpResponse status = client.get(u"/api/v1/attachments/%1/upload"_s.arg(id));
    QCOMPARE(status.status, 413);
    QCOMPARE(status.json().value(u"error"_s).toString(), u"attachment_too_large"_s);
    QVERIFY2(status.json().value(u"message"_s).toString().contains(u"1.0 MB"_s), status.body.constData());
    QCOMPARE(putChunk(id, 0, 0, content).status, 413);

    // A chunk longer than its file is refused from its Content-Length too.
    const QString small = pushAttachment(content);
    QCOMPARE(putChunk(small, 0, 0, randomBytes(4096)).status, 413);
}

void TestAttachmentApi::anotherProjectSeesNothing()
{
    const QByteArray content = randomBytes(2048);
    const QString id = pushAttachment(content);
    QVERIFY(!id.isEmpty());
    QCOMPARE(putChunk(id, 0, 0, content).status, 200);

    TestHttpClient olga(m_server->url(), m_olga);
    for (const QString &path : {u"/api/v1/attachments/%1"_s, u"/api/v1/attachments/%1/upload"_s,
                                u"/api/v1/attachments/%1/thumbnail"_s}) {
        const TestHttpResponse answer = olga.get(path.arg(id));
        QCOMPARE(answer.status, 404);
        QVERIFY(!answer.body.contains(content.left(16)));
    }
    QCOMPARE(put(m_olga, u"/api/v1/attachments/%1/chunks/0"_s.arg(id), content,
                 {{"FieldSync-Chunk-Offset", "0"}, {"FieldSync-Chunk-SHA256", sha256Hex(content)}})
                 .status,
             404);
    TestHttpClient anonymous(m_server->url());
    QCOMPARE(anonymous.get(u"/api/v1/attachments/%1"_s.arg(id)).status, 401);
    QCOMPARE(TestHttpClient(m_server->url(), m_ana).get(u"/api/v1/attachments/not-a-uuid"_s).status, 404);
}

void TestAttachmentApi::anotherProjectCannotClaimAFileByItsSha256()
{
    // A photo of project p1, whose SHA-256 a user of p2 has learnt somehow.
    const QByteArray content = jpegOf(QSize(640, 480), Qt::darkRed);
    QVERIFY(!content.isEmpty());
    const QString inP1 = pushAttachment(content);
    QVERIFY(!inP1.isEmpty());
    QCOMPARE(putChunk(inP1, 0, 0, content).status, 200);

    // Olga's record in p2 names the same SHA-256 and size: that alone gets her nothing.
    const QString inP2 = pushAttachmentAs(m_server->url(), m_olga, u"p2"_s, content);
    QVERIFY(!inP2.isEmpty());
    TestHttpClient olga(m_server->url(), m_olga);
    const TestHttpResponse status = olga.get(u"/api/v1/attachments/%1/upload"_s.arg(inP2));
    QCOMPARE(status.status, 200);
    QCOMPARE(status.json().value(u"complete"_s).toBool(), false);
    QCOMPARE(status.json().value(u"received"_s).toInteger(), 0);
    for (const QString &path : {u"/api/v1/attachments/%1"_s, u"/api/v1/attachments/%1/thumbnail"_s}) {
        const TestHttpResponse answer = olga.get(path.arg(inP2), {{"Accept-Encoding", "identity"}});
        QCOMPARE(answer.status, 404);
        QCOMPARE(answer.json().value(u"error"_s).toString(), u"not_uploaded"_s);
        QVERIFY(!answer.body.contains(content.mid(100, 32)));
    }
    // A chunk is not taken as "already complete" either: an empty one leaves the upload at 0.
    const TestHttpResponse empty = putChunkAs(m_olga, inP2, 0, QByteArray());
    QCOMPARE(empty.status, 200);
    QCOMPARE(QJsonDocument::fromJson(empty.body).object().value(u"complete"_s).toBool(), false);
    QCOMPARE(olga.get(u"/api/v1/attachments/%1"_s.arg(inP2)).status, 404);

    // Uploading the bytes herself works, and p2 then has a copy of its own.
    const TestHttpResponse uploaded = putChunkAs(m_olga, inP2, 0, content);
    QCOMPARE(uploaded.status, 200);
    QCOMPARE(QJsonDocument::fromJson(uploaded.body).object().value(u"complete"_s).toBool(), true);
    const TestHttpResponse file =
        olga.get(u"/api/v1/attachments/%1"_s.arg(inP2), {{"Accept-Encoding", "identity"}});
    QCOMPARE(file.status, 200);
    QCOMPARE(file.body, content);
    QCOMPARE(olga.get(u"/api/v1/attachments/%1/thumbnail"_s.arg(inP2)).status, 200);
    const QString sha = QString::fromLatin1(sha256Hex(content));
    QVERIFY(QFile::exists(objectPath(u"p1"_s, sha)));
    QVERIFY(QFile::exists(objectPath(u"p2"_s, sha)));
    QCOMPARE(TestHttpClient(m_server->url(), m_ana)
                 .get(u"/api/v1/attachments/%1"_s.arg(inP1), {{"Accept-Encoding", "identity"}})
                 .body,
             content);
}

void TestAttachmentApi::theSamePhotoTwiceInAProjectIsStoredOnce()
{
    const QByteArray content = randomBytes(30 * 1024);
    const QString first = pushAttachment(content);
    const QString second = pushAttachment(content, u"again.jpg"_s);
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    QCOMPARE(putChunk(first, 0, 0, content).status, 200);

    // Within one project the file is there already: the second needs no upload.
    TestHttpClient client(m_server->url(), m_ana);
    const QJsonObject status = client.get(u"/api/v1/attachments/%1/upload"_s.arg(second)).json();
    QCOMPARE(status.value(u"complete"_s).toBool(), true);
    QCOMPARE(status.value(u"received"_s).toInteger(), content.size());
    QCOMPARE(client.get(u"/api/v1/attachments/%1"_s.arg(second), {{"Accept-Encoding", "identity"}}).body,
             content);

    const QString sha = QString::fromLatin1(sha256Hex(content));
    QVERIFY(QFile::exists(objectPath(u"p1"_s, sha)));
    int copies = 0;
    QDirIterator files(QDir(m_attachmentsDir.path()).filePath(u"objects"_s), {sha}, QDir::Files,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        files.next();
        ++copies;
    }
    QCOMPARE(copies, 1);
}

void TestAttachmentApi::filesOfTheOldSharedLayoutMoveToTheirProjectsOnStart()
{
    // A server whose files were stored by the old layout, objects/ab/<sha>, shared by projects.
    QTemporaryDir attachments;
    QVERIFY(attachments.isValid());
    ServerProcess server({u"--attachments-dir"_s, attachments.path()});
    QVERIFY2(server.start().ok(), qPrintable(server.logs()));
    const Result<QString> ana = server.addUser(u"ana"_s, u"foreman"_s, {u"p1"_s});
    const Result<QString> olga = server.addUser(u"olga"_s, u"foreman"_s, {u"p2"_s});
    QVERIFY(ana.ok() && olga.ok());
    const QByteArray shared = randomBytes(5000); // attached in p1 and in p2
    const QByteArray onlyP1 = randomBytes(3000);
    const QByteArray unclaimed = randomBytes(1000); // no record names it
    const QString sharedInP1 = pushAttachmentAs(server.url(), ana.value(), u"p1"_s, shared);
    const QString sharedInP2 = pushAttachmentAs(server.url(), olga.value(), u"p2"_s, shared);
    const QString onlyInP1 = pushAttachmentAs(server.url(), ana.value(), u"p1"_s, onlyP1);
    QVERIFY(!sharedInP1.isEmpty() && !sharedInP2.isEmpty() && !onlyInP1.isEmpty());
    QVERIFY(server.stop().ok());

    const auto legacyPath = [&](const QByteArray &content) {
        const QString sha = QString::fromLatin1(sha256Hex(content));
        return QDir(attachments.path()).filePath(u"objects/%1/%2"_s.arg(sha.left(2), sha));
    };
    const auto writeFile = [](const QString &path, const QByteArray &bytes) {
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    };
    for (const QByteArray &content : {shared, onlyP1, unclaimed})
        QVERIFY(writeFile(legacyPath(content), content));
    const QString oldThumbnail =
        QDir(attachments.path())
            .filePath(u"thumbnails/%1.jpeg"_s.arg(QString::fromLatin1(sha256Hex(shared))));
    QVERIFY(writeFile(oldThumbnail, "not a thumbnail of anything"));

    for (int run = 0; run < 2; ++run) { // the second start finds nothing left to do
        QVERIFY2(server.start().ok(), qPrintable(server.logs()));
        const QList<std::tuple<QString, QString, QByteArray>> expected{{ana.value(), sharedInP1, shared},
                                                                       {ana.value(), onlyInP1, onlyP1}};
        for (const auto &[token, id, content] : expected) {
            TestHttpClient client(server.url(), token);
            QCOMPARE(
                client.get(u"/api/v1/attachments/%1/upload"_s.arg(id)).json().value(u"complete"_s).toBool(),
                true);
            const TestHttpResponse file =
                client.get(u"/api/v1/attachments/%1"_s.arg(id), {{"Accept-Encoding", "identity"}});
            QCOMPARE(file.status, 200);
            QCOMPARE(file.body, content);
        }
        // p2 named the file after p1 did: under the old layout that may have been a claim by its
        // hash alone, so p2 uploads it again instead of being handed p1's file.
        TestHttpClient later(server.url(), olga.value());
        QCOMPARE(later.get(u"/api/v1/attachments/%1/upload"_s.arg(sharedInP2))
                     .json()
                     .value(u"complete"_s)
                     .toBool(),
                 run == 1);
        if (run == 0) {
            const TestHttpResponse uploaded =
                later.put(u"/api/v1/attachments/%1/chunks/0"_s.arg(sharedInP2), shared,
                          {{"FieldSync-Chunk-Offset", "0"}, {"FieldSync-Chunk-SHA256", sha256Hex(shared)}});
            QCOMPARE(uploaded.status, 200);
        }
        QCOMPARE(
            later.get(u"/api/v1/attachments/%1"_s.arg(sharedInP2), {{"Accept-Encoding", "identity"}}).body,
            shared);
        QVERIFY(server.stop().ok());
    }
    QVERIFY(!QFile::exists(legacyPath(shared)));
    QVERIFY(!QFile::exists(legacyPath(onlyP1)));
    QVERIFY(!QFile::exists(legacyPath(unclaimed)));
    // Nobody's to give: kept aside for the operator, and never handed to a later claim.
    QVERIFY(
        QFile::exists(QDir(attachments.path())
                          .filePath(u"objects/unclaimed/"_s + QString::fromLatin1(sha256Hex(unclaimed)))));
    QVERIFY(!QFile::exists(oldThumbnail));
    const QString logs = server.logs();
    QVERIFY2(
        logs.contains(u"attachments migration to per-project storage: 2 file(s) moved to the project that "
                      u"first named them, 1 file(s) no record names kept in objects/unclaimed"_s),
        qPrintable(logs));
}

void TestAttachmentApi::aThumbnailIsAScaledImage()
{
    const QByteArray jpeg = jpegOf(QSize(1600, 1200), Qt::darkGreen);
    QVERIFY(!jpeg.isEmpty());
    const QString id = pushAttachment(jpeg);
    QVERIFY(!id.isEmpty());
    QCOMPARE(putChunk(id, 0, 0, jpeg).status, 200);

    TestHttpClient client(m_server->url(), m_ana);
    const TestHttpResponse thumbnail = client.get(u"/api/v1/attachments/%1/thumbnail"_s.arg(id));
    QCOMPARE(thumbnail.status, 200);
    QCOMPARE(thumbnail.header("content-type"), QByteArray("image/jpeg"));
    const QImage image = QImage::fromData(thumbnail.body);
    QCOMPARE(image.size(), QSize(256, 192));
    // Cached on disk: the second answer is the same bytes.
    QCOMPARE(client.get(u"/api/v1/attachments/%1/thumbnail"_s.arg(id)).body, thumbnail.body);
}

void TestAttachmentApi::aFileThatIsNoImageHasNoThumbnail()
{
    const QByteArray content("just text, not a picture");
    const QString id = pushAttachment(content, u"notes.txt"_s, u"text/plain"_s);
    QVERIFY(!id.isEmpty());
    QCOMPARE(putChunk(id, 0, 0, content).status, 200);
    TestHttpClient client(m_server->url(), m_ana);
    QCOMPARE(client.get(u"/api/v1/attachments/%1/thumbnail"_s.arg(id)).status, 415);
}

QTEST_GUILESS_MAIN(TestAttachmentApi)
#include "tst_attachmentapi.moc"
