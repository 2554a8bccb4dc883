#include "SyncPanel.h"

#include "SyncStatusIndicator.h"
#include "attachments/AttachmentProgress.h"
#include "common/KineticScrolling.h"
#include "common/UiText.h"
#include "common/UiTime.h"
#include "store/ConflictResolver.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fieldsync::ui {

namespace {

constexpr int ShownPending = 300;

QTreeWidget *makeList(const QStringList &headers, QWidget *parent)
{
    auto *list = new QTreeWidget(parent);
    list->setHeaderLabels(headers);
    list->setRootIsDecorated(false);
    list->setAlternatingRowColors(true);
    list->setUniformRowHeights(true);
    list->setWordWrap(false);
    list->header()->setStretchLastSection(true);
    list->header()->setDefaultSectionSize(190);
    enableKineticScrolling(list);
    return list;
}

} // namespace

SyncPanel::SyncPanel(DeviceStore &store, SyncController &sync, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_sync(sync)
    , m_tabs(new QTabWidget(this))
    , m_summary(new QLabel(this))
    , m_pending(makeList({tr("Queued"), tr("Record"), tr("Change"), tr("Fields")}, this))
    , m_conflicts(makeList({tr("Record"), tr("Fields in conflict"), tr("What happened")}, this))
    , m_rejected(makeList({tr("Record"), tr("Change"), tr("Why"), tr("Server said")}, this))
    , m_log(makeList({tr("Time"), tr("Level"), tr("Message")}, this))
    , m_files(new AttachmentProgress(store, sync, this))
    , m_resolve(new QPushButton(QIcon(QStringLiteral(":/icons/conflict.svg")), tr("Resolve…"), this))
    , m_openConflict(new QPushButton(tr("Open record"), this))
    , m_editRejected(new QPushButton(QIcon(QStringLiteral(":/icons/edit.svg")), tr("Edit record"), this))
    , m_discard(new QPushButton(QIcon(QStringLiteral(":/icons/discard.svg")), tr("Discard change…"), this))
    , m_syncNow(new QPushButton(QIcon(QStringLiteral(":/icons/sync.svg")), tr("Sync now"), this))
{
    setWindowTitle(tr("Sync"));
    m_conflicts->header()->resizeSection(0, 340);
    m_conflicts->header()->resizeSection(1, 300);
    m_rejected->header()->resizeSection(0, 240);
    m_rejected->header()->resizeSection(2, 320);
    m_log->header()->resizeSection(1, 100);
    m_pending->header()->resizeSection(1, 300);

    m_tabs->addTab(listPage(m_pending, tr("Nothing waiting: every change is on the server."), {}), QString());
    m_tabs->addTab(listPage(m_conflicts, tr("No conflicts."), {m_resolve, m_openConflict}), QString());
    m_tabs->addTab(listPage(m_rejected, tr("No rejected changes."), {m_editRejected, m_discard}), QString());
    m_tabs->addTab(listPage(m_log, tr("No sync yet."), {}), tr("Sync log"));
    m_tabs->addTab(m_files, QString());
    connect(m_files, &AttachmentProgress::countsChanged, this, &SyncPanel::updateFilesTab);

    auto *indicator = new SyncStatusIndicator(sync.status(), this);
    // Shows the state here; the button that opens this panel is the one in the main window.
    indicator->setAttribute(Qt::WA_TransparentForMouseEvents);
    indicator->setFocusPolicy(Qt::NoFocus);
    indicator->setAutoRaise(true);
    auto *top = new QHBoxLayout;
    top->addWidget(indicator);
    top->addWidget(m_summary, 1);
    top->addWidget(m_syncNow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(1100, 640);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_syncNow, &QPushButton::clicked, this, [this] { m_sync.syncNow(); });
    connect(m_resolve, &QPushButton::clicked, this, [this] {
        if (QTreeWidgetItem *item = m_conflicts->currentItem())
            emit resolveConflictRequested(item->data(0, Qt::UserRole).toString());
    });
    connect(m_conflicts, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        emit resolveConflictRequested(item->data(0, Qt::UserRole).toString());
    });
    connect(m_openConflict, &QPushButton::clicked, this, [this] {
        if (QTreeWidgetItem *item = m_conflicts->currentItem())
            emit openRecordRequested(item->data(1, Qt::UserRole).toString());
    });
    connect(m_editRejected, &QPushButton::clicked, this, [this] {
        if (QTreeWidgetItem *item = m_rejected->currentItem())
            emit openRecordRequested(item->data(1, Qt::UserRole).toString());
    });
    connect(m_discard, &QPushButton::clicked, this, &SyncPanel::discardSelected);
    connect(m_conflicts, &QTreeWidget::currentItemChanged, this, &SyncPanel::updateActions);
    connect(m_rejected, &QTreeWidget::currentItemChanged, this, &SyncPanel::updateActions);
    connect(&m_store, &DeviceStore::queueChanged, this, [this] {
        if (isVisible())
            reload();
    });
    connect(&m_sync, &SyncController::syncFinished, this, [this] {
        if (isVisible())
            reload();
    });
    connect(m_sync.status(), &SyncStatus::changed, this, [this] {
        m_syncNow->setEnabled(m_sync.isConfigured() &&
                              m_sync.status()->state() != SyncStatus::State::Syncing);
    });
    reload();
}

QWidget *SyncPanel::listPage(QTreeWidget *list, const QString &empty, const QList<QPushButton *> &actions)
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *placeholder = new QLabel(empty, page);
    placeholder->setObjectName(QStringLiteral("emptyText"));
    layout->addWidget(list, 1);
    layout->addWidget(placeholder);
    if (!actions.isEmpty()) {
        auto *row = new QHBoxLayout;
        for (QPushButton *button : actions)
            row->addWidget(button);
        row->addStretch(1);
        layout->addLayout(row);
    }
    return page;
}

void SyncPanel::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

void SyncPanel::reload()
{
    loadPending();
    loadConflicts();
    loadRejected();
    loadLog();
    m_tabs->setTabText(PendingTab, tr("Pending (%1)").arg(m_sync.status()->pending()));
    m_tabs->setTabText(ConflictsTab, tr("Conflicts (%1)").arg(m_conflicts->topLevelItemCount()));
    m_tabs->setTabText(RejectedTab, tr("Rejected (%1)").arg(m_rejected->topLevelItemCount()));
    updateFilesTab();
    for (int i = 0; i < LogTab + 1; ++i) {
        auto *list = m_tabs->widget(i)->findChild<QTreeWidget *>();
        auto *placeholder = m_tabs->widget(i)->findChild<QLabel *>(QStringLiteral("emptyText"));
        placeholder->setVisible(list->topLevelItemCount() == 0);
    }
    m_summary->setText(m_sync.isConfigured()
                           ? QString()
                           : tr("No server set: changes stay on this device until you sign in."));
    m_syncNow->setEnabled(m_sync.isConfigured() && m_sync.status()->state() != SyncStatus::State::Syncing);
    updateActions();
}

QString SyncPanel::recordTitle(const QString &recordId, EntityKind kind)
{
    Result<std::optional<LocalRecord>> found = m_store.records().find(recordId);
    QString title = found && found.value() ? found.value()->title() : QString();
    if (title.trimmed().isEmpty())
        title = tr("(untitled)");
    return UiText::entityName(kind) + QStringLiteral(": ") + title;
}

void SyncPanel::loadPending()
{
    m_pending->clear();
    Result<QList<OutboxEntry>> entries = m_store.outbox().all(ShownPending);
    if (!entries)
        return;
    for (const OutboxEntry &entry : entries.value()) {
        QStringList fields;
        for (const QString &field : entry.change.data.keys()) {
            if (field != RecordMeta::ProjectId)
                fields.append(UiText::fieldLabel(field));
        }
        auto *item = new QTreeWidgetItem(m_pending, {UiTime::dateTimeText(entry.createdAt),
                                                     recordTitle(entry.change.id, entry.change.entity),
                                                     UiText::changeOpLabel(entry.change.op),
                                                     fields.join(QStringLiteral(", "))});
        item->setData(1, Qt::UserRole, entry.change.id);
    }
    const int more = m_sync.status()->pending() - int(entries.value().size());
    if (more > 0)
        new QTreeWidgetItem(m_pending, {QString(), tr("… and %n more", nullptr, more)});
}

void SyncPanel::loadConflicts()
{
    m_conflicts->clear();
    Result<QList<StoredConflict>> conflicts = m_store.conflicts().all();
    if (!conflicts)
        return;
    for (const StoredConflict &conflict : conflicts.value()) {
        QStringList fields;
        for (const QString &field : conflict.fields.keys())
            fields.append(UiText::fieldLabel(field));
        auto *item = new QTreeWidgetItem(
            m_conflicts, {recordTitle(conflict.change.id, conflict.change.entity),
                          fields.join(QStringLiteral(", ")), UiText::conflictReasonText(conflict.reason)});
        item->setIcon(0, QIcon(QStringLiteral(":/icons/conflict.svg")));
        item->setData(0, Qt::UserRole, conflict.id);
        item->setData(1, Qt::UserRole, conflict.change.id);
    }
    // One conflict selected already: Resolve is one tap away.
    if (m_conflicts->topLevelItemCount() > 0)
        m_conflicts->setCurrentItem(m_conflicts->topLevelItem(0));
}

void SyncPanel::loadRejected()
{
    m_rejected->clear();
    Result<QList<StoredRejection>> rejections = m_store.conflicts().rejections();
    if (!rejections)
        return;
    for (const StoredRejection &rejection : rejections.value()) {
        auto *item = new QTreeWidgetItem(m_rejected,
                                         {recordTitle(rejection.change.id, rejection.change.entity),
                                          UiText::changeOpLabel(rejection.change.op),
                                          UiText::rejectionReasonText(rejection.reason), rejection.detail});
        item->setIcon(0, QIcon(QStringLiteral(":/icons/rejected.svg")));
        item->setToolTip(3, rejection.detail);
        item->setData(0, Qt::UserRole, rejection.id);
        item->setData(1, Qt::UserRole, rejection.change.id);
    }
    if (m_rejected->topLevelItemCount() > 0)
        m_rejected->setCurrentItem(m_rejected->topLevelItem(0));
}

void SyncPanel::loadLog()
{
    m_log->clear();
    Result<QList<SyncLogEntry>> entries = m_store.syncLog().recent(100);
    if (!entries)
        return;
    for (const SyncLogEntry &entry : entries.value()) {
        QString level = tr("Info");
        QString icon = QStringLiteral(":/icons/info.svg");
        if (entry.level == QLatin1String("warning")) {
            level = tr("Warning");
            icon = QStringLiteral(":/icons/conflict.svg");
        } else if (entry.level == QLatin1String("error")) {
            level = tr("Error");
            icon = QStringLiteral(":/icons/error.svg");
        }
        auto *item = new QTreeWidgetItem(m_log, {UiTime::dateTimeText(entry.at), level, entry.message});
        item->setIcon(1, QIcon(icon));
        item->setToolTip(2, entry.message);
    }
}

void SyncPanel::discardSelected()
{
    QTreeWidgetItem *item = m_rejected->currentItem();
    if (!item)
        return;
    const auto answer = QMessageBox::question(
        this, tr("Discard change"),
        tr("Discard this change? The record goes back to what the server has. This cannot be undone."),
        QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Discard)
        return;
    ConflictResolver resolver(m_store);
    Result<void> discarded = resolver.discardRejected(item->data(0, Qt::UserRole).toString());
    if (!discarded)
        QMessageBox::warning(this, tr("Discard change"), UiText::errorText(discarded.error()));
    reload();
}

void SyncPanel::updateFilesTab()
{
    m_files->refresh();
    m_tabs->setTabText(FilesTab, tr("Files (%1)").arg(m_files->waitingCount()));
}

void SyncPanel::updateActions()
{
    const bool conflictSelected = m_conflicts->currentItem() != nullptr;
    m_resolve->setEnabled(conflictSelected);
    m_openConflict->setEnabled(conflictSelected);
    const bool rejectedSelected = m_rejected->currentItem() != nullptr;
    m_editRejected->setEnabled(rejectedSelected);
    m_discard->setEnabled(rejectedSelected);
}

} // namespace fieldsync::ui
