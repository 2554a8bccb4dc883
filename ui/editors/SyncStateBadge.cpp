#include "SyncStateBadge.h"

#include "common/UiColors.h"
#include "common/UiText.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>

namespace fieldsync::ui {

SyncStateBadge::SyncStateBadge(DeviceStore &store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_icon(new QLabel(this))
    , m_label(new QLabel(this))
    , m_action(new QPushButton(this))
{
    m_label->setWordWrap(true);
    m_action->setAutoDefault(false);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_icon);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_action);
    connect(m_action, &QPushButton::clicked, this, [this] {
        if (!m_conflictId.isEmpty())
            emit resolveRequested(m_conflictId);
        else if (!m_rejectionId.isEmpty())
            emit discardRequested(m_rejectionId);
    });
    connect(&m_store, &DeviceStore::queueChanged, this, &SyncStateBadge::refresh);
    hide();
}

void SyncStateBadge::showRecord(const QString &recordId)
{
    m_recordId = recordId;
    refresh();
}

QString SyncStateBadge::text() const
{
    return m_label->text();
}

void SyncStateBadge::refresh()
{
    m_state.reset();
    m_conflictId.clear();
    m_rejectionId.clear();
    if (m_recordId.isEmpty()) {
        hide();
        return;
    }
    Result<RecordSyncState> state = m_store.syncState(m_recordId);
    if (!state) {
        m_label->setText(UiText::errorText(state.error()));
        m_action->hide();
        show();
        return;
    }
    m_state = state.value();
    QString icon;
    QString text;
    QColor color = palette().color(QPalette::WindowText);
    switch (state.value()) {
    case RecordSyncState::Synced:
        icon = QStringLiteral(":/icons/synced.svg");
        text = tr("Synced: the server has this version.");
        color = UiColors::okText(palette());
        break;
    case RecordSyncState::Pending:
        icon = QStringLiteral(":/icons/pending.svg");
        text = tr("Pending: saved on this device, waiting to sync.");
        color = UiColors::pendingText(palette());
        break;
    case RecordSyncState::Conflict: {
        icon = QStringLiteral(":/icons/conflict.svg");
        text = tr("Conflict: someone else changed the same fields.");
        color = UiColors::errorText(palette());
        Result<QList<StoredConflict>> conflicts = m_store.conflicts().all();
        for (const StoredConflict &conflict : conflicts ? conflicts.value() : QList<StoredConflict>()) {
            if (conflict.change.id == m_recordId) {
                m_conflictId = conflict.id;
                break;
            }
        }
        break;
    }
    case RecordSyncState::Rejected: {
        icon = QStringLiteral(":/icons/rejected.svg");
        color = UiColors::errorText(palette());
        text = tr("Rejected by the server.");
        Result<QList<StoredRejection>> rejections = m_store.conflicts().rejections();
        for (const StoredRejection &rejection : rejections ? rejections.value() : QList<StoredRejection>()) {
            if (rejection.change.id == m_recordId) {
                m_rejectionId = rejection.id;
                text = tr("Rejected: %1 %2 Edit and save to try again, or discard the change.")
                           .arg(UiText::rejectionReasonText(rejection.reason),
                                rejection.detail.isEmpty() ? QString()
                                                           : QStringLiteral("(%1)").arg(rejection.detail));
                break;
            }
        }
        break;
    }
    }
    m_icon->setPixmap(QIcon(icon).pixmap(24, 24));
    m_label->setText(text);
    m_label->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(UiColors::css(color)));
    m_action->setVisible(!m_conflictId.isEmpty() || !m_rejectionId.isEmpty());
    m_action->setText(!m_conflictId.isEmpty() ? tr("Resolve…") : tr("Discard change…"));
    m_action->setObjectName(!m_conflictId.isEmpty() ? QStringLiteral("badgeResolve")
                                                    : QStringLiteral("badgeDiscard"));
    show();
}

} // namespace fieldsync::ui
