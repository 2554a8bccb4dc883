#include "GasReadingsWidget.h"

#include "common/KineticScrolling.h"
#include "common/UiColors.h"
#include "common/UiText.h"
#include "common/UiTime.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fieldsync::ui {

namespace {

QString usualUnit(const QString &gas)
{
    if (gas == QLatin1String("O2"))
        return QStringLiteral("%");
    if (gas == QLatin1String("LEL"))
        return QStringLiteral("%LEL");
    return QStringLiteral("ppm");
}

} // namespace

GasReadingsWidget::GasReadingsWidget(DeviceStore &store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_editor(store)
    , m_list(new QTreeWidget(this))
    , m_gas(new QComboBox(this))
    , m_value(new QDoubleSpinBox(this))
    , m_unit(new QComboBox(this))
    , m_record(new QPushButton(QIcon(QStringLiteral(":/icons/gas.svg")), tr("Record reading"), this))
    , m_error(new QLabel(this))
{
    m_list->setHeaderLabels({tr("Taken at"), tr("Gas"), tr("Reading"), tr("Check"), tr("Taken by")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setDefaultSectionSize(140);
    m_list->header()->resizeSection(0, 180);
    enableKineticScrolling(m_list);
    const FieldSpec *gasSpec = EntitySchema::of(EntityKind::GasReading).field(QStringLiteral("gas"));
    for (const QString &gas : gasSpec->choices)
        m_gas->addItem(UiText::choiceLabel(QStringLiteral("gas"), gas), gas);
    const FieldSpec *unitSpec = EntitySchema::of(EntityKind::GasReading).field(QStringLiteral("unit"));
    for (const QString &unit : unitSpec->choices)
        m_unit->addItem(unit, unit);
    m_value->setRange(0, 100000);
    m_value->setDecimals(1);
    m_value->setAccessibleName(tr("Reading value"));
    m_value->setValue(20.9);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(UiColors::css(UiColors::errorText(palette()))));
    m_error->hide();

    auto *entry = new QHBoxLayout;
    entry->addWidget(new QLabel(tr("Gas"), this));
    entry->addWidget(m_gas);
    entry->addWidget(m_value, 1);
    entry->addWidget(m_unit);
    entry->addWidget(m_record);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_error);
    layout->addLayout(entry);

    connect(m_gas, &QComboBox::currentIndexChanged, this, [this] {
        m_unit->setCurrentIndex(m_unit->findData(usualUnit(m_gas->currentData().toString())));
    });
    connect(m_record, &QPushButton::clicked, this, &GasReadingsWidget::record);
    connect(&m_store, &DeviceStore::recordsChanged, this, [this](const QStringList &) {
        if (!m_permitId.isEmpty())
            reload();
    });
}

bool GasReadingsWidget::isAlarm(const QString &gas, double value)
{
    if (gas == QLatin1String("O2"))
        return value < 19.5 || value > 23.5;
    if (gas == QLatin1String("LEL"))
        return value >= 10;
    if (gas == QLatin1String("H2S"))
        return value >= 10;
    if (gas == QLatin1String("CO"))
        return value >= 35;
    return false;
}

void GasReadingsWidget::setPermit(const QString &permitId, bool canRecord)
{
    m_permitId = permitId;
    m_record->setEnabled(canRecord && !permitId.isEmpty());
    m_error->hide();
    reload();
}

int GasReadingsWidget::readingCount() const
{
    return m_list->topLevelItemCount();
}

void GasReadingsWidget::reload()
{
    m_list->clear();
    if (m_permitId.isEmpty())
        return;
    RecordQuery query;
    query.entity = EntityKind::GasReading;
    query.parentId = m_permitId;
    query.orderBy = QStringLiteral("updated_at");
    query.descending = true;
    Result<QList<LocalRecord>> readings = m_store.records().list(query);
    if (!readings)
        return;
    const QColor alarm = UiColors::errorBackground(palette());
    for (const LocalRecord &reading : readings.value()) {
        const QString gas = reading.data.value(QStringLiteral("gas")).toString();
        const double value = reading.data.value(QStringLiteral("value")).toDouble();
        const bool alarmed = isAlarm(gas, value);
        auto *item = new QTreeWidgetItem(
            m_list,
            {UiTime::dateTimeText(reading.data.value(QStringLiteral("taken_at")).toString()), gas,
             QLocale().toString(value) + QLatin1Char(' ') +
                 reading.data.value(QStringLiteral("unit")).toString(),
             alarmed ? tr("Alarm") : tr("OK"), reading.data.value(QStringLiteral("taken_by")).toString()});
        if (alarmed) {
            for (int column = 0; column < m_list->columnCount(); ++column)
                item->setBackground(column, alarm);
        }
    }
}

void GasReadingsWidget::record()
{
    const QJsonObject fields{{QStringLiteral("permit_id"), m_permitId},
                             {QStringLiteral("gas"), m_gas->currentData().toString()},
                             {QStringLiteral("value"), m_value->value()},
                             {QStringLiteral("unit"), m_unit->currentData().toString()}};
    Result<QString> created = m_editor.create(EntityKind::GasReading, fields);
    if (!created) {
        m_error->setText(UiText::errorText(created.error()));
        m_error->show();
        return;
    }
    m_error->hide();
    const QString gas = m_gas->currentData().toString();
    emit message(isAlarm(gas, m_value->value())
                     ? tr("Reading recorded. %1 is outside the safe range: stop work and ventilate.").arg(gas)
                     : tr("Reading recorded."));
}

} // namespace fieldsync::ui
