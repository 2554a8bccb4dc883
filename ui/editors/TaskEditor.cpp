#include "TaskEditor.h"

#include "RecordForm.h"
#include "attachments/AttachmentsPage.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>

namespace fieldsync::ui {

TaskEditor::TaskEditor(DeviceStore &store, QWidget *parent)
    : RecordEditor(store, EntityKind::Task, parent)
    , m_permit(new QLabel(this))
    , m_openPermit(new QPushButton(tr("Open permit"), this))
    , m_attachments(new AttachmentsPage(store, false, this))
{
    tabs()->addTab(m_attachments, m_attachments->title());
    connect(m_attachments, &AttachmentsPage::message, this, &RecordEditor::message);
    connect(m_attachments, &AttachmentsPage::titleChanged, this,
            [this] { tabs()->setTabText(1, m_attachments->title()); });
    auto *row = new QWidget(form());
    auto *rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    rowLayout->addWidget(m_permit, 1);
    rowLayout->addWidget(m_openPermit);
    m_permit->setParent(row);
    m_openPermit->setParent(row);
    if (auto *layout = qobject_cast<QFormLayout *>(form()->layout()))
        layout->addRow(tr("Permit"), row);
    connect(m_openPermit, &QPushButton::clicked, this, [this] { emit openPermitRequested(m_permitId); });
}

void TaskEditor::recordShown(const LocalRecord *record)
{
    m_permitId = record ? record->parentId() : presets().value(QStringLiteral("permit_id")).toString();
    QString title;
    if (!m_permitId.isEmpty()) {
        Result<std::optional<LocalRecord>> permit = store().records().find(m_permitId);
        title = permit && permit.value() ? permit.value()->title() : tr("(not on this device)");
    }
    m_permit->setText(m_permitId.isEmpty() ? tr("No permit linked") : title);
    m_openPermit->setVisible(!m_permitId.isEmpty());
    m_attachments->setRecord(record ? record->id : QString(), record != nullptr);
    tabs()->setTabEnabled(1, record != nullptr);
    tabs()->setTabText(1, m_attachments->title());
}

void TaskEditor::setSyncController(SyncController *sync)
{
    m_attachments->setSyncController(sync);
}

} // namespace fieldsync::ui
