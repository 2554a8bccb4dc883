#include "PhotoStorageSettings.h"

#include "AttachmentText.h"
#include "common/UiText.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

namespace fieldsync::ui {

namespace {

constexpr int MaxKeepDays = 3650;

} // namespace

PhotoStorageSettings::PhotoStorageSettings(AttachmentStore &attachments, QWidget *parent)
    : QWidget(parent)
    , m_attachments(attachments)
    , m_days(new QSpinBox(this))
    , m_storage(new QLabel(this))
    , m_result(new QLabel(this))
    , m_freeSpace(new QPushButton(tr("Free up space now"), this))
{
    m_days->setRange(0, MaxKeepDays);
    m_days->setSuffix(tr(" days"));
    m_days->setSpecialValueText(tr("All photos"));
    m_days->setValue(m_attachments.keepRecentDays());
    m_days->setAccessibleName(tr("Keep photos on this device for this many days, 0 keeps all"));
    m_days->setToolTip(tr("Photos the server already has are removed from this device after this many "
                          "days; they can be downloaded again. 0 keeps every photo."));
    m_freeSpace->setAccessibleName(tr("Free up space now"));
    m_freeSpace->setToolTip(
        tr("Remove now the photos older than the days chosen that the server already has"));
    m_storage->setAccessibleName(tr("Storage used by photos and signatures"));
    m_result->setWordWrap(true);
    m_result->hide();

    auto *daysRow = new QHBoxLayout;
    daysRow->addWidget(m_days);
    daysRow->addWidget(m_freeSpace);
    daysRow->addStretch(1);
    auto *layout = new QFormLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setRowWrapPolicy(QFormLayout::WrapLongRows);
    layout->addRow(tr("Keep photos on this device for (0 = all)"), daysRow);
    layout->addRow(tr("Storage used"), m_storage);
    layout->addRow(QString(), m_result);

    connect(m_days, &QSpinBox::valueChanged, this, [this](int days) { m_freeSpace->setEnabled(days > 0); });
    connect(m_freeSpace, &QPushButton::clicked, this, &PhotoStorageSettings::freeSpaceNow);
    m_freeSpace->setEnabled(m_days->value() > 0);
    refreshStorage();
}

QString PhotoStorageSettings::storageText() const
{
    return m_storage->text();
}

QString PhotoStorageSettings::resultText() const
{
    return m_result->isHidden() ? QString() : m_result->text();
}

void PhotoStorageSettings::refreshStorage()
{
    Result<qint64> bytes = m_attachments.localStorageBytes();
    m_storage->setText(
        bytes ? tr("%1 of photos and signatures on this device").arg(AttachmentText::sizeText(bytes.value()))
              : UiText::errorText(bytes.error()));
}

Result<void> PhotoStorageSettings::apply()
{
    if (m_days->value() == m_attachments.keepRecentDays())
        return {};
    return m_attachments.setKeepRecentDays(m_days->value());
}

void PhotoStorageSettings::freeSpaceNow()
{
    if (Result<void> saved = apply(); !saved) {
        m_result->setText(UiText::errorText(saved.error()));
        m_result->show();
        return;
    }
    Result<int> dropped = m_attachments.keepRecentOnly(m_days->value());
    m_result->setText(
        dropped ? tr("%n photo(s) removed from this device; the server keeps them.", nullptr, dropped.value())
                : UiText::errorText(dropped.error()));
    m_result->show();
    refreshStorage();
}

} // namespace fieldsync::ui
