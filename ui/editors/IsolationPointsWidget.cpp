#include "IsolationPointsWidget.h"

#include "WorkflowButtons.h"
#include "attachments/AttachmentStrip.h"
#include "common/KineticScrolling.h"
#include "common/UiColors.h"
#include "common/UiText.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fieldsync::ui {

namespace {

QJsonValue lockList(const QString &text)
{
    QStringList items;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            items.append(part.trimmed());
    }
    return items.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(QJsonArray::fromStringList(items));
}

QString lockText(const QJsonValue &value)
{
    QStringList items;
    for (const QJsonValue &item : value.toArray())
        items.append(item.toString());
    return items.join(QStringLiteral(", "));
}

} // namespace

IsolationPointsWidget::IsolationPointsWidget(DeviceStore &store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_editor(store)
    , m_attachments(store)
    , m_list(new QTreeWidget(this))
    , m_moves(new WorkflowButtons(this))
    , m_locks(new QLineEdit(this))
    , m_saveLocks(new QPushButton(tr("Save locks"), this))
    , m_newDescription(new QLineEdit(this))
    , m_newLocks(new QLineEdit(this))
    , m_add(new QPushButton(QIcon(QStringLiteral(":/icons/add.svg")), tr("Add point"), this))
    , m_error(new QLabel(this))
    , m_photos(new AttachmentStrip(m_attachments, this))
{
    m_photos->setSingleRow(true);
    m_list->setHeaderLabels({tr("Energy source"), tr("Status"), tr("Lock IDs"), tr("Sync")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setDefaultSectionSize(150);
    m_list->header()->resizeSection(0, 260);
    enableKineticScrolling(m_list);
    m_locks->setPlaceholderText(tr("Lock IDs, separated by commas"));
    m_newDescription->setPlaceholderText(tr("Valve, breaker or pipe to isolate"));
    m_newLocks->setPlaceholderText(tr("Lock IDs (optional)"));
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(UiColors::css(UiColors::errorText(palette()))));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *selected = new QHBoxLayout;
    selected->addWidget(m_moves);
    selected->addWidget(m_locks, 1);
    selected->addWidget(m_saveLocks);
    auto *entry = new QHBoxLayout;
    entry->addWidget(m_newDescription, 2);
    entry->addWidget(m_newLocks, 1);
    entry->addWidget(m_add);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addLayout(selected);
    layout->addWidget(m_photos);
    layout->addWidget(m_error);
    layout->addLayout(entry);

    connect(m_photos, &AttachmentStrip::message, this, &IsolationPointsWidget::message);
    connect(m_add, &QPushButton::clicked, this, &IsolationPointsWidget::add);
    connect(m_newDescription, &QLineEdit::returnPressed, this, &IsolationPointsWidget::add);
    connect(m_saveLocks, &QPushButton::clicked, this, &IsolationPointsWidget::saveLocks);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &IsolationPointsWidget::onCurrentChanged);
    connect(m_moves, &WorkflowButtons::transitionRequested, this, &IsolationPointsWidget::move);
    connect(&m_store, &DeviceStore::recordsChanged, this, [this](const QStringList &) {
        if (!m_permitId.isEmpty())
            reload();
    });
}

void IsolationPointsWidget::setPermit(const QString &permitId, bool editable)
{
    m_permitId = permitId;
    m_editable = editable;
    m_add->setEnabled(editable && !permitId.isEmpty());
    m_newDescription->setEnabled(editable && !permitId.isEmpty());
    m_newLocks->setEnabled(editable && !permitId.isEmpty());
    m_error->hide();
    reload();
}

void IsolationPointsWidget::setSyncController(SyncController *sync)
{
    m_photos->setSyncController(sync);
}

int IsolationPointsWidget::pointCount() const
{
    return m_list->topLevelItemCount();
}

QString IsolationPointsWidget::currentId() const
{
    QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

void IsolationPointsWidget::reload()
{
    const QString keep = currentId();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    if (!m_permitId.isEmpty()) {
        RecordQuery query;
        query.entity = EntityKind::IsolationPoint;
        query.parentId = m_permitId;
        Result<QList<LocalRecord>> points = m_store.records().list(query);
        for (const LocalRecord &point : points ? points.value() : QList<LocalRecord>()) {
            Result<RecordSyncState> sync = m_store.syncState(point.id);
            auto *item =
                new QTreeWidgetItem(m_list, {point.title(), UiText::statusLabel(point.status()),
                                             lockText(point.data.value(QStringLiteral("lock_ids"))),
                                             sync ? UiText::recordSyncStateLabel(sync.value()) : QString()});
            item->setData(0, Qt::UserRole, point.id);
            item->setData(1, Qt::UserRole, point.status());
            if (point.id == keep)
                m_list->setCurrentItem(item);
        }
    }
    onCurrentChanged();
}

void IsolationPointsWidget::onCurrentChanged()
{
    QTreeWidgetItem *item = m_list->currentItem();
    const bool selected = item && m_editable;
    m_locks->setEnabled(selected);
    m_saveLocks->setEnabled(selected);
    m_photos->setRecord(item ? item->data(0, Qt::UserRole).toString() : QString(), selected);
    m_photos->setVisible(item != nullptr);
    if (!selected) {
        m_moves->clear();
        m_locks->clear();
        return;
    }
    m_moves->setState(EntityKind::IsolationPoint, item->data(1, Qt::UserRole).toString(),
                      m_store.effectiveRole());
    m_locks->setText(item->text(2));
}

void IsolationPointsWidget::add()
{
    const QString description = m_newDescription->text().trimmed();
    if (description.isEmpty()) {
        m_error->setText(tr("Say which energy source this point isolates."));
        m_error->show();
        return;
    }
    QJsonObject fields{{QStringLiteral("permit_id"), m_permitId},
                       {QStringLiteral("description"), description}};
    const QJsonValue locks = lockList(m_newLocks->text());
    if (!locks.isNull())
        fields.insert(QStringLiteral("lock_ids"), locks);
    Result<QString> created = m_editor.create(EntityKind::IsolationPoint, fields);
    if (!created) {
        showError(created.error());
        return;
    }
    m_error->hide();
    m_newDescription->clear();
    m_newLocks->clear();
    emit message(tr("Isolation point added."));
}

void IsolationPointsWidget::move(const QString &toStatus)
{
    Result<bool> edited = m_editor.edit(currentId(), {{RecordMeta::Status, toStatus}});
    if (!edited)
        showError(edited.error());
    else
        m_error->hide();
}

void IsolationPointsWidget::saveLocks()
{
    Result<bool> edited =
        m_editor.edit(currentId(), {{QStringLiteral("lock_ids"), lockList(m_locks->text())}});
    if (!edited)
        showError(edited.error());
    else
        m_error->hide();
}

void IsolationPointsWidget::showError(const Error &error)
{
    m_error->setText(UiText::errorText(error));
    m_error->show();
}

} // namespace fieldsync::ui
