#include "WelcomeDialog.h"

#include "DemoServer.h"
#include "common/UiColors.h"
#include "common/UiLogging.h"
#include "common/UiText.h"
#include "settings/SignInDialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace fieldsync::ui {

WelcomeDialog::WelcomeDialog(DeviceStore &store, DemoServer &demo, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_demo(demo)
    , m_connect(
          new QPushButton(QIcon(QStringLiteral(":/icons/forward.svg")), tr("Connect to a server"), this))
    , m_tryDemo(new QPushButton(QIcon(QStringLiteral(":/icons/eye.svg")), tr("Try the demo"), this))
    , m_quit(new QPushButton(tr("Quit"), this))
    , m_progress(new QLabel(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Welcome to FieldSync"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/fieldsync.svg")));

    auto *logo = new QLabel(this);
    logo->setPixmap(QIcon(QStringLiteral(":/icons/fieldsync.svg")).pixmap(64, 64));
    auto *heading = new QLabel(tr("Welcome to FieldSync"), this);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.6);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    auto *intro = new QLabel(tr("Permits-to-work and tasks that you can fill in without a signal. Everything "
                                "you type is saved on this device first and sent to your office's server "
                                "when there is a connection."),
                             this);
    intro->setWordWrap(true);
    auto *connectHint = new QLabel(tr("Your office gave you a server address and an access token."), this);
    auto *demoHint = new QLabel(tr("Look around with example permits and tasks. A demo server runs on "
                                   "this computer while FieldSync is open; nothing leaves it."),
                                this);
    for (QLabel *hint : {connectHint, demoHint})
        hint->setWordWrap(true);
    m_connect->setObjectName(QStringLiteral("welcomeConnect"));
    m_tryDemo->setObjectName(QStringLiteral("welcomeDemo"));
    m_connect->setDefault(true);
    m_progress->hide();
    m_error->setObjectName(QStringLiteral("welcomeError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel#welcomeError { color: %1; font-weight: bold; }")
                               .arg(UiColors::css(UiColors::errorText(palette()))));
    m_error->hide();

    auto *title = new QHBoxLayout;
    title->addWidget(logo);
    title->addWidget(heading, 1);
    auto *quitRow = new QHBoxLayout;
    quitRow->addStretch(1);
    quitRow->addWidget(m_quit);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(title);
    layout->addWidget(intro);
    layout->addSpacing(12);
    layout->addWidget(m_connect);
    layout->addWidget(connectHint);
    layout->addSpacing(12);
    layout->addWidget(m_tryDemo);
    layout->addWidget(demoHint);
    layout->addWidget(m_progress);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addLayout(quitRow);
    resize(620, 460);

    connect(m_connect, &QPushButton::clicked, this, &WelcomeDialog::connectToServer);
    connect(m_tryDemo, &QPushButton::clicked, this, &WelcomeDialog::startDemo);
    connect(m_quit, &QPushButton::clicked, this, &QDialog::reject);
    connect(&m_demo, &DemoServer::ready, this, &WelcomeDialog::onDemoReady);
    connect(&m_demo, &DemoServer::failed, this, &WelcomeDialog::onDemoFailed);
}

QString WelcomeDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void WelcomeDialog::connectToServer()
{
    showError({});
    SignInDialog signIn(m_store, this);
    const bool accepted = signIn.exec() == QDialog::Accepted;
    m_languageChanged = m_languageChanged || signIn.languageChanged();
    if (accepted)
        accept();
}

void WelcomeDialog::startDemo()
{
    showError({});
    setBusy(true);
    m_demo.start(DemoServer::databasePath(m_store));
}

void WelcomeDialog::onDemoReady(const QString &url, const QString &token)
{
    setBusy(false);
    if (Result<void> saved = DemoServer::signIn(m_store, url, token); !saved) {
        qCWarning(lcUi) << "cannot save the demo account" << saved.error().toString();
        showError(UiText::errorText(saved.error()));
        m_demo.stop();
        return;
    }
    accept();
}

void WelcomeDialog::onDemoFailed(const QString &reason)
{
    setBusy(false);
    showError(reason);
}

void WelcomeDialog::setBusy(bool busy)
{
    m_connect->setEnabled(!busy);
    m_tryDemo->setEnabled(!busy);
    m_progress->setText(tr("Starting the demo server…"));
    m_progress->setVisible(busy);
}

void WelcomeDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

} // namespace fieldsync::ui
