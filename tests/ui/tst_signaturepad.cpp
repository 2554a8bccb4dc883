// The signature pad: strokes drawn with the mouse or a finger become a cropped PNG, Clear empties
// it, and the signature dialog cannot save an empty pad or a signature without a name.
#include "UiTestSupport.h"

#include "attachments/SignatureDialog.h"
#include "attachments/SignaturePad.h"

#include <QBuffer>
#include <QImageReader>
#include <QLineEdit>
#include <QPointingDevice>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace fieldsync;
using namespace fieldsync::ui;
using namespace fieldsync::uitest;

namespace {

// A mouse stroke through the points, as a person drags with the button held.
void drawStroke(QWidget *pad, const QList<QPoint> &points)
{
    QTest::mousePress(pad, Qt::LeftButton, Qt::NoModifier, points.first());
    for (const QPoint &point : points.mid(1))
        QTest::mouseMove(pad, point);
    QTest::mouseRelease(pad, Qt::LeftButton, Qt::NoModifier, points.last());
}

int inkPixels(const QImage &image)
{
    int dark = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            dark += qGray(image.pixel(x, y)) < 128 ? 1 : 0;
    }
    return dark;
}

} // namespace

class TestSignaturePad : public QObject
{
    Q_OBJECT

private slots:
    void mouseStrokesMakeANonEmptyImage();
    void touchStrokesDrawToo();
    void clearEmptiesThePad();
    void saveIsDisabledUntilSomethingIsDrawnAndNamed();
};

void TestSignaturePad::mouseStrokesMakeANonEmptyImage()
{
    SignaturePad pad;
    pad.resize(560, 220);
    pad.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pad));
    QVERIFY(pad.isEmpty());
    QVERIFY(pad.toImage().isNull());
    QVERIFY(pad.toPng().isEmpty());
    QSignalSpy changed(&pad, &SignaturePad::changed);

    drawStroke(&pad, {{40, 150}, {80, 60}, {120, 150}, {160, 60}, {200, 150}});
    drawStroke(&pad, {{260, 100}, {400, 110}});

    QVERIFY(!pad.isEmpty());
    QCOMPARE(pad.strokeCount(), 2);
    QVERIFY(changed.count() >= 2);
    const QImage image = pad.toImage();
    QVERIFY(!image.isNull());
    // Cropped to the ink (360 px wide drawn) plus margins, not the whole pad.
    QVERIFY2(image.width() >= 360 && image.width() < 420, qPrintable(QString::number(image.width())));
    QVERIFY(image.height() < 150);
    QVERIFY(inkPixels(image) > 300);

    QByteArray png = pad.toPng();
    QVERIFY(png.startsWith("\x89PNG"));
    QBuffer buffer(&png);
    QImageReader reader(&buffer, "png");
    QCOMPARE(reader.read().size(), image.size());
}

void TestSignaturePad::touchStrokesDrawToo()
{
    SignaturePad pad;
    pad.resize(560, 220);
    pad.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pad));
    // Ours to delete (QTest's documentation); left alive it is a leak under LeakSanitizer.
    const std::unique_ptr<QPointingDevice> screen(
        QTest::createTouchDevice(QInputDevice::DeviceType::TouchScreen));
    QTest::touchEvent(&pad, screen.get()).press(0, QPoint(50, 100));
    QTest::touchEvent(&pad, screen.get()).move(0, QPoint(150, 140));
    QTest::touchEvent(&pad, screen.get()).move(0, QPoint(250, 90));
    QTest::touchEvent(&pad, screen.get()).release(0, QPoint(300, 120));
    QCOMPARE(pad.strokeCount(), 1);
    QVERIFY(inkPixels(pad.toImage()) > 200);
}

void TestSignaturePad::clearEmptiesThePad()
{
    SignaturePad pad;
    pad.resize(560, 220);
    pad.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pad));
    drawStroke(&pad, {{40, 150}, {200, 60}});
    QVERIFY(!pad.isEmpty());
    QSignalSpy changed(&pad, &SignaturePad::changed);
    pad.clear();
    QVERIFY(pad.isEmpty());
    QVERIFY(pad.toImage().isNull());
    QCOMPARE(changed.count(), 1);
}

void TestSignaturePad::saveIsDisabledUntilSomethingIsDrawnAndNamed()
{
    auto device = makeDevice();
    const QString permit = seedPermits(*device->store, 1).first();
    AttachmentStore attachments(*device->store);
    SignatureDialog dialog(attachments, permit, QStringLiteral("issuer"), QString());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!dialog.saveButton()->isEnabled());
    QVERIFY(!dialog.clearButton()->isEnabled());

    drawStroke(dialog.pad(), {{40, 120}, {140, 60}, {240, 120}});
    QVERIFY(!dialog.saveButton()->isEnabled()); // no name yet
    QTest::keyClicks(dialog.nameField(), QStringLiteral("Ana Ruiz"));
    QVERIFY(dialog.saveButton()->isEnabled());

    QTest::mouseClick(dialog.clearButton(), Qt::LeftButton);
    QVERIFY(dialog.pad()->isEmpty());
    QVERIFY(!dialog.saveButton()->isEnabled());
    // Nothing was stored by drawing, naming or clearing.
    QCOMPARE(attachments.forRecord(permit).value().size(), 0);
}

QTEST_MAIN(TestSignaturePad)
#include "tst_signaturepad.moc"
