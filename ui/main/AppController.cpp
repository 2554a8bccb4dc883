#include "AppController.h"

#include "FirstPaintProbe.h"
#include "MainWindow.h"
#include "common/Translations.h"
#include "common/UiLogging.h"
#include "lists/RecordListPane.h"
#include "settings/DeviceSettings.h"
#include "settings/SignInDialog.h"
#include "sync/AccountIdentity.h"
#include "welcome/WelcomeDialog.h"

#include <QApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScreen>
#include <QTableView>
#include <QTimer>

#include <cstdio>

namespace fieldsync::ui {

AppController::AppController(DeviceStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_sync(store)
{
    connect(&m_sync, &SyncController::identityLearned, this, [this] {
        if (m_window)
            m_window->reloadAccount();
    });
}

AppController::~AppController()
{
    delete m_window;
}

MainWindow *AppController::window() const
{
    return m_window;
}

Result<void> AppController::signInFromOptions(const StartOptions &options)
{
    QString url = options.serverUrl;
    QString token = options.token;
    if (!options.demoFile.isEmpty()) {
        QFile file(options.demoFile);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(QStringLiteral("usage"), tr("cannot read %1").arg(options.demoFile));
        const QJsonObject demo = QJsonDocument::fromJson(file.readAll()).object();
        url = demo.value(QStringLiteral("url")).toString();
        token = demo.value(options.demoRole == QLatin1String("pm") ? QStringLiteral("pm_token")
                                                                   : QStringLiteral("foreman_token"))
                    .toString();
    }
    if (url.isEmpty())
        return {};
    Result<DeviceAccount> existing = m_store.account();
    if (!existing)
        return existing.error();
    DeviceAccount account = existing.value();
    if (account.serverUrl == url && (token.isEmpty() || account.token == token))
        return {};
    account.serverUrl = url;
    if (!token.isEmpty())
        account.token = token;
    // Who we are comes with the next answer from the server (see below).
    account.userName.clear();
    account.role.reset();
    if (Result<void> saved = m_store.saveAccount(account); !saved)
        return saved;
    return DeviceSettings(m_store).setOfflineOnly(false);
}

bool AppController::start(const StartOptions &options)
{
    applyLanguage(DeviceSettings(m_store).language());
    if (Result<void> signedIn = signInFromOptions(options); !signedIn) {
        qCWarning(lcUi) << signedIn.error().toString();
        return false;
    }
    Result<DeviceAccount> account = m_store.account();
    const bool known =
        account && (!account.value().serverUrl.isEmpty() || !account.value().currentProject.isEmpty());
    if (!known && !DeviceSettings(m_store).offlineOnly()) {
        WelcomeDialog welcome(m_store, m_demo);
        if (welcome.exec() != QDialog::Accepted)
            return false;
        if (welcome.languageChanged())
            applyLanguage(DeviceSettings(m_store).language());
    } else if (options.serverUrl.isEmpty() && options.demoFile.isEmpty() &&
               DemoServer::isDemoDevice(m_store)) {
        restartDemoServer();
    }
    m_sync.reloadAccount();
    buildWindow();
    if (options.exitAfterFirstPaint)
        watchFirstPaint();
    // Fill in who we are (role, projects) from the server when a token came on the command line.
    account = m_store.account();
    if (account && !account.value().serverUrl.isEmpty() && !account.value().role)
        fetchIdentity();
    // Sync at start, then by timer with backoff, when the connection returns and when the server
    // announces changes. The benchmark run measures the list alone.
    if (!options.exitAfterFirstPaint)
        QTimer::singleShot(0, this, [this] { m_sync.startAutomatic(); });
    return true;
}

void AppController::buildWindow()
{
    QPointer<MainWindow> old = m_window;
    m_window = new MainWindow(m_store, m_sync);
    connect(m_window, &MainWindow::settingsRequested, this, &AppController::openSettings);
    // Use the screen: a maximised window on a tablet, most of a desktop monitor otherwise.
    const QRect available = m_window->screen()->availableGeometry();
    if (available.width() <= 1440)
        m_window->setWindowState(Qt::WindowMaximized);
    else
        m_window->resize(available.size() * 0.9);
    if (old) {
        m_window->setGeometry(old->geometry());
        m_window->setWindowState(old->windowState());
        old->deleteLater();
    }
    m_window->show();
}

void AppController::openSettings()
{
    SignInDialog dialog(m_store, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.accountChanged()) {
        // Watchers and timers start again for the new server (or stop for none).
        m_sync.stopAutomatic();
        m_sync.reloadAccount();
        m_sync.startAutomatic();
    }
    if (dialog.languageChanged()) {
        applyLanguage(DeviceSettings(m_store).language());
        buildWindow(); // every text in the new language
        return;
    }
    m_window->reloadAccount();
}

void AppController::fetchIdentity()
{
    m_sync.api()->me([this](const ApiResult<protocol::MeResponse> &me) {
        if (!me.ok())
            return;
        Result<DeviceAccount> current = m_store.account();
        if (!current)
            return;
        DeviceAccount updated = current.value();
        adoptIdentity(updated, me.value());
        if (m_store.saveAccount(updated) && m_window)
            m_window->reloadAccount();
    });
}

void AppController::restartDemoServer()
{
    // The demo server of an earlier session is gone; start it again on the same database (a new
    // port and fresh demo tokens) and point the device at it.
    connect(&m_demo, &DemoServer::ready, this, [this](const QString &url, const QString &token) {
        if (Result<void> saved = DemoServer::signIn(m_store, url, token); !saved) {
            qCWarning(lcUi) << "cannot save the demo account" << saved.error().toString();
            return;
        }
        m_sync.stopAutomatic();
        m_sync.reloadAccount();
        m_sync.startAutomatic();
        if (m_window)
            m_window->reloadAccount();
        fetchIdentity();
    });
    connect(&m_demo, &DemoServer::failed, this,
            [](const QString &reason) { qCWarning(lcUi) << "demo server:" << reason; });
    m_demo.start(DemoServer::databasePath(m_store));
}

void AppController::watchFirstPaint()
{
    RecordListPane *permits = m_window->permitsPane();
    auto *probe = new FirstPaintProbe(
        permits->view()->viewport(), [permits] { return permits->model()->rowCount() > 0; }, this);
    connect(probe, &FirstPaintProbe::painted, this, [permits] {
        const QJsonObject result{{QStringLiteral("first_paint_ms"), FirstPaintProbe::msSinceProcessStart()},
                                 {QStringLiteral("peak_rss_mb"), FirstPaintProbe::peakRssMb()},
                                 {QStringLiteral("rows"), permits->model()->rowCount()},
                                 {QStringLiteral("pages_loaded"), permits->model()->loadedPageCount()}};
        const QByteArray line = QJsonDocument(result).toJson(QJsonDocument::Compact) + '\n';
        std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
        std::fflush(stdout);
        QCoreApplication::exit(0);
    });
}

} // namespace fieldsync::ui
