// Signing a permit: the dialog stores the drawn signature as a real PNG attachment of the permit
// in the device's data dir (queued for the server), and the permit editor shows who signed as
// what and when.
#include "UiTestSupport.h"

#include "attachments/AttachmentsPage.h"
#include "attachments/PermitSignatures.h"
#include "attachments/SignatureDialog.h"
#include "attachments/SignaturePad.h"
#include "common/UiTime.h"
#include "editors/PermitEditor.h"

#include <QApplication>
#include <QFileInfo>
#include <QImage>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

using namespace fieldsync;
using namespace fieldsync::ui;
using namespace fieldsync::uitest;

namespace {

void drawStroke(QWidget *pad, const QList<QPoint> &points)
{
    QTest::mousePress(pad, Qt::LeftButton, Qt::NoModifier, points.first());
    for (const QPoint &point : points.mid(1))
        QTest::mouseMove(pad, point);
    QTest::mouseRelease(pad, Qt::LeftButton, Qt::NoModifier, points.last());
}

// Signs in the modal dialog once it is up, as a person would: draw, check the name, Save.
void signWhenShown(const QString &name, bool *seenPrefill, QString *prefill)
{
    QTimer::singleShot(50, [=] {
        auto *dialog = qobject_cast<SignatureDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        *seenPrefill = true;
        *prefill = dialog->nameField()->text();
        drawStroke(dialog->pad(), {{40, 120}, {90, 60}, {140, 130}, {220, 70}});
        dialog->nameField()->setText(name);
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
    });
}

} // namespace

class TestPermitSignatures : public QObject
{
    Q_OBJECT

private slots:
    void theDialogStoresARealSignatureAttachment();
    void theEditorShowsWhoSignedAsWhatAndWhen();
    void aClosedPermitCannotBeSigned();
};

void TestPermitSignatures::theDialogStoresARealSignatureAttachment()
{
    auto device = makeDevice();
    const QString permit = seedPermits(*device->store, 1).first();
    const int queuedBefore = device->store->outbox().count().value();
    AttachmentStore attachments(*device->store);
    SignatureDialog dialog(attachments, permit, QStringLiteral("receiver"), QStringLiteral("tester"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.nameField()->text(), QStringLiteral("tester"));
    drawStroke(dialog.pad(), {{40, 120}, {140, 50}, {240, 140}});
    const QSize drawn = dialog.pad()->toImage().size();
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);

    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.attachmentId().isEmpty());
    const AttachmentInfo info = attachments.find(dialog.attachmentId()).value();
    QCOMPARE(info.recordId, permit);
    QCOMPARE(info.kind, AttachmentKind::Signature);
    QCOMPARE(info.signerName, QStringLiteral("tester"));
    QCOMPARE(info.signerRole, QStringLiteral("receiver"));
    QVERIFY(info.signedAt.isValid());
    QVERIFY(qAbs(info.signedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    QCOMPARE(info.state, AttachmentState::Pending);
    // The PNG is in the data dir, readable, the size of what was drawn.
    QVERIFY(info.isOnDevice());
    QVERIFY(info.localPath.startsWith(device->dir.path()));
    QCOMPARE(QImage(info.localPath).size(), drawn);
    QCOMPARE(QFileInfo(info.localPath).size(), info.bytes);
    QCOMPARE(info.sha256.size(), 64);
    // Its record goes to the server like any change.
    QVERIFY(device->store->outbox().count().value() > queuedBefore);
}

void TestPermitSignatures::theEditorShowsWhoSignedAsWhatAndWhen()
{
    auto device = makeDevice();
    const QString permit = seedPermits(*device->store, 1).first(); // a draft
    PermitEditor editor(*device->store);
    editor.resize(1000, 700);
    editor.show();
    editor.showRecord(permit);
    PermitSignatures *signatures = editor.attachments()->signatures();
    QVERIFY(signatures);
    QCOMPARE(signatures->summary(QStringLiteral("issuer")), QStringLiteral("Not signed yet"));
    QVERIFY(signatures->signButton(QStringLiteral("issuer"))->isEnabled());
    QVERIFY(signatures->signButton(QStringLiteral("receiver"))->isEnabled());

    bool shown = false;
    QString prefill;
    signWhenShown(QStringLiteral("Ana Ruiz"), &shown, &prefill);
    QVERIFY(signatures->sign(QStringLiteral("issuer")));
    QVERIFY(shown);
    QCOMPARE(prefill, QStringLiteral("tester")); // the account's user

    const QString issuer = signatures->summary(QStringLiteral("issuer"));
    const AttachmentInfo info =
        editor.attachments()->attachments().find(signatures->signatureId(QStringLiteral("issuer"))).value();
    const QString when = UiTime::dateTimeText(info.signedAt.toUTC().toString(Qt::ISODate));
    QVERIFY2(issuer.startsWith(QStringLiteral("Signed by Ana Ruiz as issuer, ") + when), qPrintable(issuer));
    QVERIFY2(issuer.contains(QStringLiteral("Waiting to upload")), qPrintable(issuer));
    QCOMPARE(signatures->summary(QStringLiteral("receiver")), QStringLiteral("Not signed yet"));
    QCOMPARE(editor.findChild<QTabWidget *>()->tabText(3), QStringLiteral("Photos and signatures (1)"));

    // A second editor on the same data dir (another screen, a restart) lists it too.
    PermitEditor reopened(*device->store);
    reopened.showRecord(permit);
    QCOMPARE(reopened.attachments()->signatures()->summary(QStringLiteral("issuer")), issuer);
}

void TestPermitSignatures::aClosedPermitCannotBeSigned()
{
    auto device = makeDevice();
    const QString closed = seedPermits(*device->store, 5).at(4); // the fifth seeded permit is closed
    PermitEditor editor(*device->store);
    editor.showRecord(closed);
    PermitSignatures *signatures = editor.attachments()->signatures();
    QVERIFY(!signatures->signButton(QStringLiteral("issuer"))->isEnabled());
    QVERIFY(!signatures->sign(QStringLiteral("issuer")));
    QCOMPARE(editor.attachments()->attachments().forRecord(closed).value().size(), 0);
}

QTEST_MAIN(TestPermitSignatures)
#include "tst_permitsignatures.moc"
