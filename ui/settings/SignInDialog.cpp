#include "SignInDialog.h"

#include "DeviceSettings.h"
#include "attachments/PhotoStorageSettings.h"
#include "common/UiColors.h"
#include "common/UiText.h"
#include "sync/AccountIdentity.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QUrl>
#include <QVBoxLayout>

namespace fieldsync::ui {

SignInDialog::SignInDialog(DeviceStore &store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_online(new QRadioButton(tr("Connect to a FieldSync server"), this))
    , m_offline(new QRadioButton(tr("Work on this device only (no server)"), this))
    , m_server(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_pin(new QLineEdit(this))
    , m_demo(new QPushButton(tr("Use demo server…"), this))
    , m_demoUser(new QComboBox(this))
    , m_project(new QLineEdit(this))
    , m_deviceName(new QLineEdit(this))
    , m_language(new QComboBox(this))
    , m_attachments(store)
    , m_photoStorage(new PhotoStorageSettings(m_attachments, this))
    , m_error(new QLabel(this))
    , m_progress(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_ok(new QPushButton(this))
{
    setWindowTitle(tr("Sign in and settings"));
    m_api.setTransferTimeout(10000);
    m_server->setPlaceholderText(tr("https://fieldsync.example.com"));
    m_server->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("Access token from your office"));
    QAction *reveal =
        m_token->addAction(QIcon(QStringLiteral(":/icons/eye.svg")), QLineEdit::TrailingPosition);
    reveal->setCheckable(true);
    reveal->setToolTip(tr("Show the token"));
    connect(reveal, &QAction::toggled, m_token,
            [this](bool shown) { m_token->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password); });
    m_pin->setPlaceholderText(tr("Optional: SHA-256 fingerprint of the server's certificate"));
    m_pin->setToolTip(tr("Your office gives this for a server with its own certificate. When set, this "
                         "device trusts exactly that certificate and no other."));
    m_pin->setInputMethodHints(Qt::ImhPreferUppercase | Qt::ImhNoPredictiveText);
    m_demoUser->addItem(UiText::roleLabel(Role::Foreman), int(Role::Foreman));
    m_demoUser->addItem(UiText::roleLabel(Role::Pm), int(Role::Pm));
    m_demoUser->hide();
    m_project->setPlaceholderText(tr("Project name or code"));
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Español"), QStringLiteral("es"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_error->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("signInError"));
    m_error->setStyleSheet(QStringLiteral("QLabel#signInError { color: %1; font-weight: bold; }")
                               .arg(UiColors::css(UiColors::errorText(palette()))));
    m_error->hide();
    m_progress->hide();

    auto *modes = new QButtonGroup(this);
    modes->addButton(m_online);
    modes->addButton(m_offline);
    auto *demoRow = new QHBoxLayout;
    demoRow->addWidget(m_demo);
    demoRow->addWidget(m_demoUser);
    demoRow->addStretch(1);
    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(m_online);
    form->addRow(tr("Server address"), m_server);
    form->addRow(tr("Access token"), m_token);
    form->addRow(tr("Certificate fingerprint"), m_pin);
    form->addRow(QString(), demoRow);
    form->addRow(m_offline);
    form->addRow(tr("Project"), m_project);
    form->addRow(tr("Device name"), m_deviceName);
    form->addRow(tr("Language"), m_language);

    m_buttons->addButton(m_ok, QDialogButtonBox::AcceptRole);
    m_ok->setDefault(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    auto *photos = new QGroupBox(tr("Photos on this device"), this);
    (new QVBoxLayout(photos))->addWidget(m_photoStorage);
    layout->addWidget(photos);
    layout->addWidget(m_error);
    layout->addWidget(m_progress);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    resize(720, 560);

    Result<DeviceAccount> account = m_store.account();
    DeviceSettings settings(m_store);
    if (account) {
        m_server->setText(account.value().serverUrl);
        m_token->setText(account.value().token);
        m_pin->setText(account.value().certificatePin);
        m_project->setText(account.value().currentProject);
    }
    const bool offline = settings.offlineOnly() && (!account || account.value().serverUrl.isEmpty());
    (offline ? m_offline : m_online)->setChecked(true);
    m_deviceName->setText(settings.deviceName());
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language())));

    connect(m_online, &QRadioButton::toggled, this, &SignInDialog::updateMode);
    connect(m_demo, &QPushButton::clicked, this, &SignInDialog::chooseDemoFile);
    connect(m_demoUser, &QComboBox::currentIndexChanged, this, [this] {
        m_token->setText(Role(m_demoUser->currentData().toInt()) == Role::Pm ? m_pmToken : m_foremanToken);
    });
    for (QLineEdit *edit : {m_server, m_token, m_pin}) {
        connect(edit, &QLineEdit::textEdited, this, [this] {
            m_saveUnverified = false;
            updateMode();
        });
    }
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateMode();
}

void SignInDialog::updateMode()
{
    const bool online = m_online->isChecked();
    for (QWidget *widget :
         {static_cast<QWidget *>(m_server), static_cast<QWidget *>(m_token), static_cast<QWidget *>(m_pin),
          static_cast<QWidget *>(m_demo), static_cast<QWidget *>(m_demoUser)})
        widget->setEnabled(online && !m_checking);
    m_project->setEnabled(!online && !m_checking);
    m_ok->setText(!online ? tr("Save") : (m_saveUnverified ? tr("Save anyway") : tr("Sign in")));
    m_ok->setEnabled(!m_checking);
}

QString SignInDialog::validate() const
{
    if (m_online->isChecked()) {
        const QUrl url(m_server->text().trimmed(), QUrl::StrictMode);
        if (m_server->text().trimmed().isEmpty() || !url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            return tr("Enter the server address, starting with https:// (or http:// on a site network).");
        if (m_token->text().trimmed().isEmpty())
            return tr("Enter the access token your office gave you.");
        if (const QString pin = m_pin->text().trimmed(); !pin.isEmpty() && !TlsPolicy::parseFingerprint(pin))
            return tr("The certificate fingerprint must be 64 hexadecimal digits (colons allowed), as "
                      "your office gave it.");
    } else if (m_project->text().trimmed().isEmpty()) {
        return tr("Enter the project you work on, so that new permits know where they belong.");
    }
    if (m_deviceName->text().trimmed().isEmpty())
        return tr("Give this device a name, so that the office knows which tablet made a change.");
    return {};
}

void SignInDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

QString SignInDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void SignInDialog::accept()
{
    if (m_checking)
        return;
    if (const QString invalid = validate(); !invalid.isEmpty()) {
        showError(invalid);
        return;
    }
    showError({});
    if (m_offline->isChecked()) {
        Result<DeviceAccount> existing = m_store.account();
        DeviceAccount account = existing ? existing.value() : DeviceAccount();
        account.serverUrl.clear();
        account.token.clear();
        account.currentProject = m_project->text().trimmed();
        if (!account.projects.contains(account.currentProject))
            account.projects.append(account.currentProject);
        if (saveAll(account))
            QDialog::accept();
        return;
    }
    verifyAndSave();
}

void SignInDialog::verifyAndSave()
{
    Result<DeviceAccount> existing = m_store.account();
    DeviceAccount account = existing ? existing.value() : DeviceAccount();
    const QString url = m_server->text().trimmed();
    const QString token = m_token->text().trimmed();
    if (account.serverUrl != url || account.token != token) {
        account.userName.clear();
        account.role.reset();
    }
    account.serverUrl = url;
    account.token = token;
    const Result<QByteArray> pin = TlsPolicy::parseFingerprint(m_pin->text());
    account.certificatePin = pin ? QString::fromLatin1(pin.value().toHex(':').toUpper()) : QString();
    if (m_saveUnverified) {
        if (saveAll(account))
            QDialog::accept();
        return;
    }
    m_checking = true;
    m_progress->setText(tr("Checking the token with the server…"));
    m_progress->show();
    updateMode();
    m_api.setServer(QUrl(url), token);
    m_api.setTlsPolicy(TlsPolicy::forAccount(account));
    m_api.me([this, account](const ApiResult<protocol::MeResponse> &me) mutable {
        m_checking = false;
        m_progress->hide();
        if (me.ok()) {
            adoptIdentity(account, me.value());
            updateMode();
            if (saveAll(account))
                QDialog::accept();
            return;
        }
        const ApiError &error = me.error();
        if (error.kind == ApiError::Kind::Unauthorized || error.kind == ApiError::Kind::Forbidden) {
            showError(tr("The server did not accept this token. Check it and try again."));
        } else if (error.code == QLatin1String("tls")) {
            // Not a matter of signal: saving anyway would only fail the same way at every sync.
            showError(tr("This device does not trust the server's certificate (%1). Check the address "
                         "and the certificate fingerprint with your office.")
                          .arg(error.message));
        } else if (error.isTransient()) {
            // No signal on site is normal: the token can be checked at the next sync.
            m_saveUnverified = true;
            showError(tr("Could not reach the server (%1). Check the address, or save anyway and sync later.")
                          .arg(error.describe()));
        } else {
            showError(tr("The server answered with an error: %1").arg(error.describe()));
        }
        updateMode();
    });
}

bool SignInDialog::saveAll(const DeviceAccount &account)
{
    Result<DeviceAccount> before = m_store.account();
    m_accountChanged = !before || before.value().serverUrl != account.serverUrl ||
                       before.value().token != account.token ||
                       before.value().certificatePin != account.certificatePin ||
                       before.value().currentProject != account.currentProject;
    DeviceSettings settings(m_store);
    const QString language = m_language->currentData().toString();
    m_languageChanged = language != settings.language();
    for (const Result<void> &saved :
         {m_store.saveAccount(account), settings.setDeviceName(m_deviceName->text()),
          settings.setLanguage(language), settings.setOfflineOnly(m_offline->isChecked()),
          m_photoStorage->apply()}) {
        if (!saved) {
            showError(UiText::errorText(saved.error()));
            return false;
        }
    }
    return true;
}

bool SignInDialog::loadDemoFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showError(tr("Cannot read %1.").arg(path));
        return false;
    }
    const QJsonObject demo = QJsonDocument::fromJson(file.readAll()).object();
    m_foremanToken = demo.value(QStringLiteral("foreman_token")).toString();
    m_pmToken = demo.value(QStringLiteral("pm_token")).toString();
    const QString url = demo.value(QStringLiteral("url")).toString();
    if (url.isEmpty() || m_foremanToken.isEmpty()) {
        showError(tr("%1 is not a demo server file (it needs url and foreman_token).").arg(path));
        return false;
    }
    m_online->setChecked(true);
    m_server->setText(url);
    m_demoUser->setCurrentIndex(0);
    m_token->setText(m_foremanToken);
    m_demoUser->setVisible(!m_pmToken.isEmpty());
    m_saveUnverified = false;
    showError({});
    updateMode();
    return true;
}

void SignInDialog::chooseDemoFile()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Demo server file"), QString(), tr("Demo token file (*.json)"));
    if (!path.isEmpty())
        loadDemoFile(path);
}

} // namespace fieldsync::ui
