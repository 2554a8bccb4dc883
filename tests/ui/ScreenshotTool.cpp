// fieldsync-ui-screenshots: drives the real windows against a running demo server into the states
// people see and saves each screen as a PNG (run by tests/ui/screenshots.sh under Xvfb).
//   fieldsync-ui-screenshots --demo-file F.json --out DIR --prefix 1280x800 [--dark]
#include "UiTestSupport.h"

#include "attachments/AttachmentStrip.h"
#include "attachments/AttachmentsPage.h"
#include "attachments/SignatureDialog.h"
#include "attachments/SignaturePad.h"
#include "common/TouchStyle.h"
#include "common/Translations.h"
#include "editors/GasReadingsWidget.h"
#include "editors/PermitEditor.h"
#include "lists/RecordListPane.h"
#include "main/AboutDialog.h"
#include "main/MainWindow.h"
#include "settings/SignInDialog.h"
#include "store/LocalEditor.h"
#include "sync/ConflictDialog.h"
#include "sync/SyncPanel.h"
#include "welcome/DemoServer.h"
#include "welcome/WelcomeDialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScreen>
#include <QStyleFactory>
#include <QTableView>
#include <QTimer>

#include <cmath>
#include <cstdio>

using namespace fieldsync;
using namespace fieldsync::ui;

namespace {

QString g_out;
QString g_prefix;

void wait(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

void fail(const QString &why)
{
    std::fprintf(stderr, "fieldsync-ui-screenshots: %s\n", qPrintable(why));
    std::exit(1);
}

// The whole X screen, so that dialogs show over the window as people see them.
void shoot(const QString &name)
{
    wait(400);
    const QString path = QDir(g_out).filePath(g_prefix + QLatin1Char('-') + name + QStringLiteral(".png"));
    if (!QGuiApplication::primaryScreen()->grabWindow(0).save(path))
        fail(QStringLiteral("cannot save %1").arg(path));
    std::printf("%s\n", qPrintable(path));
}

struct Device
{
    QString dir;
    std::unique_ptr<DeviceStore> store;
    std::unique_ptr<SyncController> sync;
};

Device signIn(const QString &dir, const QString &url, const QString &token)
{
    Device device;
    device.dir = dir;
    Result<std::unique_ptr<DeviceStore>> opened = DeviceStore::open(dir);
    if (!opened)
        fail(opened.error().toString());
    device.store = std::move(opened).value();
    DeviceAccount account;
    account.serverUrl = url;
    account.token = token;
    if (!device.store->saveAccount(account))
        fail(QStringLiteral("cannot save the account"));
    device.sync = std::make_unique<SyncController>(*device.store);
    QEventLoop loop;
    device.sync->api()->me([&](const ApiResult<protocol::MeResponse> &me) {
        if (!me.ok())
            fail(QStringLiteral("sign-in failed: ") + me.error().describe());
        account.userName = me.value().user;
        account.role = me.value().role;
        account.projects = me.value().projects;
        account.currentProject = me.value().projects.value(0);
        loop.quit();
    });
    loop.exec();
    if (!device.store->saveAccount(account))
        fail(QStringLiteral("cannot save the account"));
    device.sync->reloadAccount();
    return device;
}

void syncAndWait(Device &device)
{
    QEventLoop loop;
    QObject::connect(device.sync.get(), &SyncController::syncFinished, &loop, &QEventLoop::quit);
    if (!device.sync->syncNow())
        fail(QStringLiteral("cannot start a sync"));
    QTimer::singleShot(30000, &loop, [] { fail(QStringLiteral("sync did not finish")); });
    loop.exec();
}

QString permitTitled(DeviceStore &store, const QString &prefix)
{
    RecordQuery query;
    query.search = prefix;
    Result<QList<LocalRecord>> found = store.records().list(query);
    if (!found || found.value().isEmpty())
        fail(QStringLiteral("no demo permit '%1'").arg(prefix));
    return found.value().first().id;
}

// A stand-in for a site photo: a pipe with a valve, a tag and a padlock, drawn so the screenshots
// need no image files.
QString drawSitePhoto(const QString &dir, const QString &name, const QColor &wall, const QString &tag)
{
    QImage photo(1600, 1200, QImage::Format_RGB32);
    QPainter painter(&photo);
    painter.setRenderHint(QPainter::Antialiasing);
    QLinearGradient light(0, 0, 0, 1200);
    light.setColorAt(0, wall.lighter(130));
    light.setColorAt(1, wall.darker(160));
    painter.fillRect(photo.rect(), light);
    painter.fillRect(0, 520, 1600, 160, QColor(0x8a, 0x8f, 0x96));
    painter.setBrush(QColor(0xc6, 0x28, 0x28));
    painter.setPen(QPen(Qt::black, 6));
    painter.drawEllipse(QPoint(800, 600), 170, 170);
    painter.drawRect(780, 250, 40, 190);
    painter.drawRoundedRect(600, 210, 400, 60, 20, 20);
    painter.setBrush(QColor(0xfb, 0xc0, 0x2d));
    painter.drawRect(1050, 640, 260, 170);
    painter.setFont(QFont(QStringLiteral("Sans"), 44, QFont::Bold));
    painter.drawText(QRect(1050, 640, 260, 170), Qt::AlignCenter, tag);
    painter.setBrush(QColor(0x30, 0x30, 0x30));
    painter.drawRoundedRect(1120, 860, 120, 130, 16, 16);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor(0xb0, 0xb0, 0xb0), 18));
    painter.drawArc(1135, 790, 90, 140, 0, 180 * 16);
    painter.end();
    const QString path = QDir(dir).filePath(name);
    if (!photo.save(path, "JPEG", 88))
        fail(QStringLiteral("cannot write %1").arg(path));
    return path;
}

// Draws on the pad the way a finger does: press, moves, release.
void drawSignature(SignaturePad *pad, const QList<QList<QPointF>> &strokes)
{
    for (const QList<QPointF> &stroke : strokes) {
        QMouseEvent press(QEvent::MouseButtonPress, stroke.first(), pad->mapToGlobal(stroke.first()),
                          Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(pad, &press);
        for (const QPointF &point : stroke.mid(1)) {
            QMouseEvent move(QEvent::MouseMove, point, pad->mapToGlobal(point), Qt::NoButton, Qt::LeftButton,
                             Qt::NoModifier);
            QApplication::sendEvent(pad, &move);
        }
        QMouseEvent release(QEvent::MouseButtonRelease, stroke.last(), pad->mapToGlobal(stroke.last()),
                            Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(pad, &release);
    }
}

QList<QList<QPointF>> signatureStrokes(double scale, double shift)
{
    QList<QList<QPointF>> strokes;
    QList<QPointF> name;
    for (int i = 0; i <= 60; ++i) {
        const double t = i / 60.0;
        name.append(QPointF(60 + 300 * t, 150 - 45 * std::sin(t * 12.0 + shift) * (1.0 - 0.5 * t)) * scale);
    }
    strokes.append(name);
    strokes.append({QPointF(50, 175) * scale, QPointF(200, 182) * scale, QPointF(390, 170) * scale});
    return strokes;
}

void applyDarkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x26, 0x2a, 0x30));
    dark.setColor(QPalette::WindowText, QColor(0xe8, 0xea, 0xed));
    dark.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x23));
    dark.setColor(QPalette::AlternateBase, QColor(0x23, 0x27, 0x2d));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xea, 0xed));
    dark.setColor(QPalette::Button, QColor(0x33, 0x38, 0x40));
    dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xea, 0xed));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x8b, 0xe0));
    dark.setColor(QPalette::Light, QColor(0x4a, 0x50, 0x58));
    dark.setColor(QPalette::Midlight, QColor(0x3c, 0x42, 0x4a));
    dark.setColor(QPalette::Mid, QColor(0x2c, 0x30, 0x36));
    dark.setColor(QPalette::Dark, QColor(0x15, 0x17, 0x1a));
    dark.setColor(QPalette::Shadow, QColor(0x0b, 0x0c, 0x0e));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::ToolTipBase, QColor(0x33, 0x38, 0x40));
    dark.setColor(QPalette::ToolTipText, QColor(0xe8, 0xea, 0xed));
    dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa6));
    dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x86, 0x8c));
    dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x86, 0x8c));
    dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x86, 0x8c));
    QApplication::setPalette(dark);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setStyle(new TouchStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
    QFont font = QApplication::font();
    if (font.pointSizeF() < 11)
        font.setPointSizeF(11);
    QApplication::setFont(font);
    QCommandLineParser parser;
    const QCommandLineOption demoFile(QStringLiteral("demo-file"), QStringLiteral("Demo token file."),
                                      QStringLiteral("F"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Output folder."),
                                 QStringLiteral("DIR"));
    const QCommandLineOption prefix(QStringLiteral("prefix"), QStringLiteral("File name prefix."),
                                    QStringLiteral("P"));
    const QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("Use a dark palette."));
    const QCommandLineOption language(QStringLiteral("language"), QStringLiteral("UI language."),
                                      QStringLiteral("L"));
    parser.addOptions({demoFile, out, prefix, dark, language});
    parser.process(app);
    g_out = parser.value(out);
    g_prefix = parser.value(prefix);
    QDir().mkpath(g_out);
    applyLanguage(parser.value(language));
    if (parser.isSet(dark))
        applyDarkPalette();

    QFile file(parser.value(demoFile));
    if (!file.open(QIODevice::ReadOnly))
        fail(QStringLiteral("cannot read the demo file"));
    const QJsonObject demo = QJsonDocument::fromJson(file.readAll()).object();
    const QString url = demo.value(QStringLiteral("url")).toString();
    QTemporaryDir scratch;

    // A new device's first start: the welcome.
    {
        Result<std::unique_ptr<DeviceStore>> fresh =
            DeviceStore::open(scratch.filePath(QStringLiteral("new")));
        if (!fresh)
            fail(fresh.error().toString());
        DemoServer unused;
        WelcomeDialog welcome(*fresh.value(), unused);
        welcome.show();
        welcome.move(QGuiApplication::primaryScreen()->geometry().center() - welcome.rect().center());
        shoot(QStringLiteral("welcome"));
    }

    // The foreman's tablet, synced with the demo project.
    Device tablet = signIn(scratch.filePath(QStringLiteral("tablet")), url,
                           demo.value(QStringLiteral("foreman_token")).toString());
    Device office = signIn(scratch.filePath(QStringLiteral("office")), url,
                           demo.value(QStringLiteral("pm_token")).toString());
    syncAndWait(tablet);
    syncAndWait(office);

    const QSize screen = QGuiApplication::primaryScreen()->size();
    auto window = std::make_unique<MainWindow>(*tablet.store, *tablet.sync);
    window->setGeometry(QRect(QPoint(0, 0), screen));
    window->show();
    const QString hotWork = permitTitled(*tablet.store, QStringLiteral("Hot work: weld"));
    window->openRecord(hotWork);
    shoot(QStringLiteral("main-synced"));
    {
        AboutDialog about(window.get());
        about.show();
        about.move(window->geometry().center() - about.rect().center());
        shoot(QStringLiteral("about"));
    }
    {
        SignInDialog settings(*tablet.store, window.get());
        settings.show();
        settings.move(window->geometry().center() - settings.rect().center());
        shoot(QStringLiteral("settings"));
    }
    {
        // The gas readings of the permit: the value's spin box is used with gloves on site.
        auto *tabs = window->permitEditor()->findChild<QTabWidget *>();
        QWidget *page = window->permitEditor()->findChild<GasReadingsWidget *>();
        while (page && tabs->indexOf(page) < 0)
            page = page->parentWidget();
        if (page) {
            tabs->setCurrentWidget(page);
            shoot(QStringLiteral("gas-readings"));
            tabs->setCurrentIndex(0);
        }
    }

    // Photos and signatures on the hot-work permit: the issuer signs on the tablet, two photos wait
    // for the sync, then go up with per-file progress.
    {
        PermitEditor *editor = window->permitEditor();
        AttachmentsPage *page = editor->attachments();
        page->strip()->addFiles({drawSitePhoto(scratch.path(), QStringLiteral("valve-V12-locked.jpg"),
                                               QColor(0x5d, 0x6d, 0x7e), QStringLiteral("V-12")),
                                 drawSitePhoto(scratch.path(), QStringLiteral("gas-detector-reading.jpg"),
                                               QColor(0x4e, 0x6e, 0x52), QStringLiteral("O2 20.9"))});
        editor->findChild<QTabWidget *>()->setCurrentWidget(page);
        SignatureDialog sign(page->attachments(), hotWork, QStringLiteral("issuer"),
                             tablet.store->account().value().userName, window.get());
        sign.show();
        sign.move(window->geometry().center() - sign.rect().center());
        wait(200);
        drawSignature(sign.pad(), signatureStrokes(1.0, 0.0));
        shoot(QStringLiteral("attachments-sign"));
        sign.accept();
        SignatureDialog receiver(page->attachments(), hotWork, QStringLiteral("receiver"),
                                 QStringLiteral("Luis Romero"), window.get());
        receiver.show();
        wait(100);
        drawSignature(receiver.pad(), signatureStrokes(1.1, 1.3));
        receiver.accept();
        shoot(QStringLiteral("attachments-pending"));
        window->openSyncPanel();
        window->syncPanel()->showTab(SyncPanel::FilesTab);
        syncAndWait(tablet);
        wait(300);
        shoot(QStringLiteral("attachments-uploads"));
        window->syncPanel()->close();
        shoot(QStringLiteral("attachments-synced"));
        editor->findChild<QTabWidget *>()->setCurrentIndex(0);
    }

    // Offline with pending edits: the server goes out of reach, the foreman keeps working.
    LocalEditor tabletEditor(*tablet.store);
    const QString tank = permitTitled(*tablet.store, QStringLiteral("Confined space"));
    (void)tabletEditor.edit(
        tank, {{QStringLiteral("title"), QStringLiteral("Confined space entry: tank T-2, inlet screen")},
               {QStringLiteral("location"), QStringLiteral("Basement B2, manhole M-2")},
               {QStringLiteral("description"),
                QStringLiteral("Clean the inlet screen. Entrant: J. Ortiz, standby: M. Diaz.")},
               {QStringLiteral("ppe_requirements"),
                QJsonArray{QStringLiteral("gas_detector"), QStringLiteral("harness"),
                           QStringLiteral("helmet"), QStringLiteral("gloves")}}});
    (void)tabletEditor.create(EntityKind::GasReading, {{QStringLiteral("permit_id"), tank},
                                                       {QStringLiteral("gas"), QStringLiteral("O2")},
                                                       {QStringLiteral("value"), 20.8},
                                                       {QStringLiteral("unit"), QStringLiteral("%")}});
    (void)tabletEditor.create(EntityKind::Task,
                              {{QStringLiteral("title"), QStringLiteral("Replace the tank T-2 ladder tag")},
                               {QStringLiteral("priority"), QStringLiteral("high")}});
    DeviceAccount account = tablet.store->account().value();
    account.serverUrl = QStringLiteral("http://127.0.0.1:9"); // nothing listens there
    (void)tablet.store->saveAccount(account);
    tablet.sync->reloadAccount();
    syncAndWait(tablet);
    window->openRecord(tank);
    shoot(QStringLiteral("offline-pending"));

    // The office changes the same three fields (and the PPE set, which merges by itself) meanwhile; back
    // online, the tablet's edit conflicts.
    LocalEditor officeEditor(*office.store);
    (void)officeEditor.edit(
        tank, {{QStringLiteral("title"), QStringLiteral("Confined space entry: tank T-2 (re-inspection)")},
               {QStringLiteral("location"), QStringLiteral("Basement B2, tank T-2 north manhole")},
               {QStringLiteral("description"),
                QStringLiteral("Re-inspect the inlet screen after the storm; two entrants.")},
               {QStringLiteral("ppe_requirements"),
                QJsonArray{QStringLiteral("gas_detector"), QStringLiteral("respirator"),
                           QStringLiteral("helmet")}}});
    syncAndWait(office);
    account.serverUrl = url;
    (void)tablet.store->saveAccount(account);
    tablet.sync->reloadAccount();
    syncAndWait(tablet);
    window->reloadAccount();
    window->openRecord(tank);
    shoot(QStringLiteral("main-conflict"));

    window->openSyncPanel();
    shoot(QStringLiteral("sync-panel"));
    window->syncPanel()->close();

    Result<QList<StoredConflict>> conflicts = tablet.store->conflicts().all();
    if (!conflicts || conflicts.value().isEmpty())
        fail(QStringLiteral("the tablet has no conflict"));
    auto *dialog = new ConflictDialog(*tablet.store, conflicts.value().first(), window.get());
    dialog->resize(std::min(screen.width() - 40, 1500), std::min(screen.height() - 60, 760));
    dialog->show();
    dialog->move(window->geometry().center() - dialog->rect().center());
    // Two fields chosen, one still open: the preview shows what is decided and what is not.
    for (const auto &[field, choice] :
         {std::pair{QStringLiteral("title"), ConflictFieldRow::Choice::Mine},
          std::pair{QStringLiteral("location"), ConflictFieldRow::Choice::Server}}) {
        if (ConflictFieldRow *row = dialog->row(field))
            row->setChoice(choice);
    }
    shoot(QStringLiteral("conflict-dialog"));
    dialog->close();
    delete dialog;

    // A task with the permit that covers it picked from the project's permits.
    Result<QString> task = tabletEditor.create(
        EntityKind::Task,
        {{QStringLiteral("title"), QStringLiteral("Fire watch for 60 minutes after welding")},
         {QStringLiteral("priority"), QStringLiteral("urgent")},
         {QStringLiteral("assignee"), QStringLiteral("M. Diaz")},
         {QStringLiteral("permit_id"), hotWork}});
    if (!task)
        fail(task.error().toString());
    window->openRecord(task.value());
    shoot(QStringLiteral("task-editor"));
    return 0;
}
