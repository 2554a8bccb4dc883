#include "SyncStatusIndicator.h"

#include "common/UiColors.h"
#include "common/UiText.h"
#include "common/UiTime.h"

#include <QTimer>

namespace fieldsync::ui {

SyncStatusIndicator::SyncStatusIndicator(SyncStatus *status, QWidget *parent)
    : QToolButton(parent)
    , m_status(status)
    , m_clock(new QTimer(this))
{
    setObjectName(QStringLiteral("syncStatusIndicator"));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setAutoRaise(false);
    setCursor(Qt::PointingHandCursor);
    setAccessibleDescription(tr("Sync status. Opens the sync panel."));
    QFont bold = font();
    bold.setBold(true);
    setFont(bold);
    // "3 min ago" and "retrying in 12 s" must move on their own.
    m_clock->setInterval(1000);
    connect(m_clock, &QTimer::timeout, this, &SyncStatusIndicator::refresh);
    m_clock->start();
    connect(m_status, &SyncStatus::changed, this, &SyncStatusIndicator::onStatusChanged);
    onStatusChanged();
}

QString SyncStatusIndicator::stateKeyOf(const SyncStatus &status)
{
    switch (status.state()) {
    case SyncStatus::State::Syncing:
        return QStringLiteral("syncing");
    case SyncStatus::State::Error:
        return QStringLiteral("error");
    default:
        break;
    }
    if (status.conflicts() > 0)
        return QStringLiteral("conflicts");
    if (status.state() == SyncStatus::State::Synced)
        return QStringLiteral("synced");
    return QStringLiteral("offline");
}

QString SyncStatusIndicator::describe(const SyncStatus &status, const QDateTime &now, int retryIn)
{
    const QString key = stateKeyOf(status);
    QString text;
    if (key == QLatin1String("syncing")) {
        text = status.progressTotal() > 0
                   ? tr("Syncing (%1 of %2)").arg(status.progressDone()).arg(status.progressTotal())
                   : tr("Syncing…");
    } else if (key == QLatin1String("error")) {
        const QString reason = UiText::syncReasonText(status.reason());
        text = retryIn >= 0 ? tr("Error (%1, retrying in %2 s)").arg(reason).arg(retryIn)
                            : tr("Error (%1)").arg(reason);
    } else if (key == QLatin1String("conflicts")) {
        text = tr("%n conflict(s)", nullptr, status.conflicts());
    } else if (key == QLatin1String("synced")) {
        text = tr("Synced (%1)").arg(UiTime::timeAgo(status.lastSync(), now));
        // Edits made since then go with the next sync; say so rather than claim all is up there.
        if (status.pending() > 0)
            text += QStringLiteral(" · ") + tr("%n pending", nullptr, status.pending());
    } else {
        text = tr("Offline (%n pending)", nullptr, status.pending());
    }
    // Rejected changes need a person as much as conflicts do: never let them hide.
    if (status.rejected() > 0 && key != QLatin1String("syncing"))
        text += QStringLiteral(" · ") + tr("%n rejected", nullptr, status.rejected());
    return text;
}

void SyncStatusIndicator::onStatusChanged()
{
    const int retry = m_status->retryInSeconds();
    m_retryAt = retry >= 0 ? QDateTime::currentDateTimeUtc().addSecs(retry) : QDateTime();
    refresh();
}

int SyncStatusIndicator::secondsUntilRetry() const
{
    if (!m_retryAt.isValid())
        return -1;
    // Rounded up: "retrying in 1 s" until the moment it retries, never "in 0 s" early.
    const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(m_retryAt);
    return int(std::max<qint64>(0, (ms + 999) / 1000));
}

void SyncStatusIndicator::refresh()
{
    const QString key = stateKeyOf(*m_status);
    const QString text = describe(*m_status, QDateTime::currentDateTimeUtc(), secondsUntilRetry());
    const bool keyChanged = key != m_stateKey;
    m_stateKey = key;
    if (text == this->text() && !keyChanged)
        return;
    setText(text);
    static const QHash<QString, QString> icons{
        {QStringLiteral("offline"), QStringLiteral(":/icons/offline.svg")},
        {QStringLiteral("syncing"), QStringLiteral(":/icons/sync.svg")},
        {QStringLiteral("synced"), QStringLiteral(":/icons/synced.svg")},
        {QStringLiteral("conflicts"), QStringLiteral(":/icons/conflict.svg")},
        {QStringLiteral("error"), QStringLiteral(":/icons/error.svg")},
    };
    setIcon(QIcon(icons.value(key)));
    QString tip = tr("Pending: %1 · Conflicts: %2 · Rejected: %3")
                      .arg(m_status->pending())
                      .arg(m_status->conflicts())
                      .arg(m_status->rejected());
    if (m_status->state() == SyncStatus::State::NotConfigured)
        tip = tr("No server set: every change stays queued on this device.") + QLatin1Char('\n') + tip;
    if (!m_status->reason().isEmpty())
        tip += QLatin1Char('\n') + m_status->reason();
    setToolTip(tip);
    if (keyChanged) {
        // Colour supports the words, it never replaces them.
        QString css;
        if (key == QLatin1String("error") || key == QLatin1String("conflicts"))
            css = QStringLiteral("QToolButton#syncStatusIndicator { color: %1; }")
                      .arg(UiColors::css(UiColors::errorText(palette())));
        else if (key == QLatin1String("synced"))
            css = QStringLiteral("QToolButton#syncStatusIndicator { color: %1; }")
                      .arg(UiColors::css(UiColors::okText(palette())));
        else if (key == QLatin1String("offline"))
            css = QStringLiteral("QToolButton#syncStatusIndicator { color: %1; }")
                      .arg(UiColors::css(UiColors::pendingText(palette())));
        setStyleSheet(css);
    }
    emit displayChanged();
}

} // namespace fieldsync::ui
