#include "PermitEditor.h"

#include "GasReadingsWidget.h"
#include "IsolationPointsWidget.h"
#include "attachments/AttachmentsPage.h"
#include "sync/SyncController.h"

#include <QTabWidget>

namespace fieldsync::ui {

PermitEditor::PermitEditor(DeviceStore &store, QWidget *parent)
    : RecordEditor(store, EntityKind::Permit, parent)
    , m_points(new IsolationPointsWidget(store, this))
    , m_readings(new GasReadingsWidget(store, this))
    , m_attachments(new AttachmentsPage(store, true, this))
{
    tabs()->addTab(m_points, QString());
    tabs()->addTab(m_readings, QString());
    tabs()->addTab(m_attachments, QString());
    connect(m_attachments, &AttachmentsPage::message, this, &RecordEditor::message);
    connect(m_attachments, &AttachmentsPage::titleChanged, this, &PermitEditor::updateTabTitles);
    connect(m_points, &IsolationPointsWidget::message, this, &RecordEditor::message);
    connect(m_readings, &GasReadingsWidget::message, this, &RecordEditor::message);
    connect(&store, &DeviceStore::recordsChanged, this, &PermitEditor::updateTabTitles);
    updateTabTitles();
}

void PermitEditor::recordShown(const LocalRecord *record)
{
    const QString status = record ? record->status() : QString();
    // Points and readings belong to a permit that exists and is still open.
    const bool open = record && status != QLatin1String("closed") && status != QLatin1String("cancelled");
    m_points->setPermit(record ? record->id : QString(), open);
    m_readings->setPermit(record ? record->id : QString(), open);
    m_attachments->setRecord(record ? record->id : QString(), open);
    tabs()->setTabEnabled(1, record != nullptr);
    tabs()->setTabEnabled(2, record != nullptr);
    tabs()->setTabEnabled(3, record != nullptr);
    updateTabTitles();
}

void PermitEditor::updateTabTitles()
{
    tabs()->setTabText(1, tr("Isolation points (%1)").arg(m_points->pointCount()));
    tabs()->setTabText(2, tr("Gas readings (%1)").arg(m_readings->readingCount()));
    tabs()->setTabText(3, m_attachments->title());
}

void PermitEditor::setSyncController(SyncController *sync)
{
    m_attachments->setSyncController(sync);
    m_points->setSyncController(sync);
    setAuditSource(sync ? sync->api() : nullptr);
}

} // namespace fieldsync::ui
