#include "AttachmentProgress.h"

#include "AttachmentText.h"
#include "common/KineticScrolling.h"
#include "common/UiText.h"
#include "sync/SyncController.h"

#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fieldsync::ui {

namespace {

enum Column
{
    FileColumn,
    RecordColumn,
    SentColumn,
    BarColumn
};

} // namespace

AttachmentProgress::AttachmentProgress(DeviceStore &store, SyncController &sync, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_attachments(store)
    , m_list(new QTreeWidget(this))
    , m_summary(new QLabel(this))
    , m_empty(new QLabel(tr("No photos or signatures are being sent."), this))
{
    m_list->setHeaderLabels({tr("File"), tr("Record"), tr("Sent"), tr("Progress")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(true);
    m_list->header()->resizeSection(FileColumn, 240);
    m_list->header()->resizeSection(RecordColumn, 280);
    m_list->header()->resizeSection(SentColumn, 220);
    m_list->setAccessibleName(tr("File uploads"));
    enableKineticScrolling(m_list);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty);
    m_list->hide();
    refresh();

    connect(&sync, &SyncController::attachmentProgress, this, &AttachmentProgress::onProgress);
    connect(sync.attachmentUploader(), &AttachmentUploader::attachmentUploaded, this,
            [this](const QString &attachmentId, const QString &) { onUploaded(attachmentId); });
}

void AttachmentProgress::refresh()
{
    Result<QueueCounts> counts = m_store.counts();
    if (!counts) {
        m_summary->setText(UiText::errorText(counts.error()));
        return;
    }
    m_waiting = counts.value().pendingFiles;
    // A record with a file still to send is not synced: say so here, where people look.
    m_summary->setText(m_waiting == 0 ? tr("The server has every photo and signature of this device.")
                                      : tr("%n file(s) not on the server yet; they go with the next sync, "
                                           "and their records stay pending until then.",
                                           nullptr, m_waiting));
}

int AttachmentProgress::fileCount() const
{
    return int(m_items.size());
}

int AttachmentProgress::activeCount() const
{
    int active = 0;
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it)
        active += m_done.value(it.key()) ? 0 : 1;
    return active;
}

QProgressBar *AttachmentProgress::progressBarAt(int row) const
{
    return qobject_cast<QProgressBar *>(m_list->itemWidget(m_list->topLevelItem(row), BarColumn));
}

QTreeWidgetItem *AttachmentProgress::itemFor(const QString &attachmentId)
{
    if (QTreeWidgetItem *item = m_items.value(attachmentId))
        return item;
    QString name = attachmentId;
    QString record;
    if (Result<AttachmentInfo> info = m_attachments.find(attachmentId)) {
        name = info.value().kind == AttachmentKind::Signature
                   ? tr("Signature (%1)").arg(AttachmentText::signerRoleLabel(info.value().signerRole))
                   : info.value().name;
        Result<std::optional<LocalRecord>> owner = m_store.records().find(info.value().recordId);
        if (owner && owner.value()) {
            const QString title = owner.value()->title();
            record = UiText::entityName(owner.value()->entity) + QStringLiteral(": ") +
                     (title.trimmed().isEmpty() ? tr("(untitled)") : title);
        }
    }
    auto *item = new QTreeWidgetItem(m_list, {name, record, QString()});
    item->setIcon(FileColumn, QIcon(QStringLiteral(":/icons/sync.svg")));
    auto *bar = new QProgressBar(m_list);
    bar->setRange(0, 100);
    bar->setAccessibleName(tr("Upload of %1").arg(name));
    m_list->setItemWidget(item, BarColumn, bar);
    m_items.insert(attachmentId, item);
    m_list->show();
    m_empty->hide();
    return item;
}

void AttachmentProgress::onProgress(const QString &attachmentId, qint64 sentBytes, qint64 totalBytes)
{
    QTreeWidgetItem *item = itemFor(attachmentId);
    m_done.insert(attachmentId, false);
    item->setIcon(FileColumn, QIcon(QStringLiteral(":/icons/sync.svg")));
    item->setText(
        SentColumn,
        tr("%1 of %2").arg(AttachmentText::sizeText(sentBytes), AttachmentText::sizeText(totalBytes)));
    const int percent = AttachmentText::uploadPercent(sentBytes, totalBytes);
    if (auto *bar = qobject_cast<QProgressBar *>(m_list->itemWidget(item, BarColumn))) {
        bar->setValue(percent);
        // Sent is not done: the server still checks the whole file.
        bar->setFormat(sentBytes >= totalBytes ? tr("Sent, checking…") : tr("%p %"));
    }
    emit countsChanged();
}

void AttachmentProgress::onUploaded(const QString &attachmentId)
{
    QTreeWidgetItem *item = itemFor(attachmentId);
    m_done.insert(attachmentId, true);
    item->setIcon(FileColumn, QIcon(QStringLiteral(":/icons/synced.svg")));
    if (Result<AttachmentInfo> info = m_attachments.find(attachmentId))
        item->setText(SentColumn, tr("%1 of %2")
                                      .arg(AttachmentText::sizeText(info.value().bytes),
                                           AttachmentText::sizeText(info.value().bytes)));
    if (auto *bar = qobject_cast<QProgressBar *>(m_list->itemWidget(item, BarColumn))) {
        bar->setValue(100);
        bar->setFormat(tr("On the server"));
    }
    emit countsChanged();
}

} // namespace fieldsync::ui
