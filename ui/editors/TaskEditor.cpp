#include "TaskEditor.h"

#include "RecordForm.h"
#include "attachments/AttachmentsPage.h"
#include "common/UiText.h"

#include <QFormLayout>
#include <QPushButton>
#include <QTabWidget>

namespace fieldsync::ui {

namespace {
const QString PermitField = QStringLiteral("permit_id");
}

TaskEditor::TaskEditor(DeviceStore &store, QWidget *parent)
    : RecordEditor(store, EntityKind::Task, parent)
    , m_openPermit(new QPushButton(tr("Open permit"), this))
    , m_attachments(new AttachmentsPage(store, false, this))
{
    tabs()->addTab(m_attachments, m_attachments->title());
    connect(m_attachments, &AttachmentsPage::message, this, &RecordEditor::message);
    connect(m_attachments, &AttachmentsPage::titleChanged, this,
            [this] { tabs()->setTabText(1, m_attachments->title()); });
    m_openPermit->setObjectName(QStringLiteral("openPermitButton"));
    if (auto *layout = qobject_cast<QFormLayout *>(form()->layout()))
        layout->addRow(QString(), m_openPermit);
    connect(m_openPermit, &QPushButton::clicked, this, [this] {
        if (const QString permitId = linkedPermit(); !permitId.isEmpty())
            emit openPermitRequested(permitId);
    });
    connect(form(), &RecordForm::edited, this,
            [this] { m_openPermit->setEnabled(!linkedPermit().isEmpty()); });
    // A permit created, renamed or deleted elsewhere (or pulled by a sync) shows up in the list.
    connect(&store, &DeviceStore::recordsChanged, this, &TaskEditor::refreshPermitChoices);
}

QString TaskEditor::linkedPermit() const
{
    return form()->values().value(PermitField).toString();
}

void TaskEditor::refreshPermitChoices()
{
    RecordQuery query;
    query.entity = EntityKind::Permit;
    query.projectId = m_projectId;
    Result<QList<LocalRecord>> permits = store().records().list(query);
    QList<RecordForm::LinkChoice> choices;
    for (const LocalRecord &permit : permits ? permits.value() : QList<LocalRecord>()) {
        const QString title = permit.title().isEmpty() ? tr("(untitled)") : permit.title();
        choices.append({permit.id, tr("%1 (%2)").arg(title, UiText::statusLabel(permit.status()))});
    }
    form()->setLinkChoices(PermitField, choices);
}

void TaskEditor::recordShown(const LocalRecord *record)
{
    if (record) {
        m_projectId = record->projectId;
    } else {
        Result<DeviceAccount> account = store().account();
        m_projectId = account ? account.value().currentProject : QString();
    }
    refreshPermitChoices();
    m_openPermit->setEnabled(!linkedPermit().isEmpty());
    m_attachments->setRecord(record ? record->id : QString(), record != nullptr);
    tabs()->setTabEnabled(1, record != nullptr);
    tabs()->setTabText(1, m_attachments->title());
}

void TaskEditor::setSyncController(SyncController *sync)
{
    m_attachments->setSyncController(sync);
}

} // namespace fieldsync::ui
