#include "ChecklistWidget.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fieldsync::ui {

namespace {

// Two columns fit the editor beside the list on a 1280 px tablet without a sideways scroll.
constexpr int Columns = 2;

} // namespace

ChecklistWidget::ChecklistWidget(Mode mode, QStringList commonItems,
                                 std::function<QString(const QString &)> label, QWidget *parent)
    : QWidget(parent)
    , m_mode(mode)
    , m_commonItems(std::move(commonItems))
    , m_label(std::move(label))
    , m_grid(new QGridLayout)
    , m_other(new QLineEdit(this))
{
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_other->setPlaceholderText(tr("Add another…"));
    auto *add = new QPushButton(QIcon(QStringLiteral(":/icons/add.svg")), tr("Add"), this);
    auto *otherRow = new QHBoxLayout;
    otherRow->addWidget(m_other, 1);
    otherRow->addWidget(add);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_grid);
    layout->addLayout(otherRow);
    for (const QString &item : std::as_const(m_commonItems))
        addItem(item);
    connect(add, &QPushButton::clicked, this, &ChecklistWidget::addOther);
    connect(m_other, &QLineEdit::returnPressed, this, &ChecklistWidget::addOther);
}

QCheckBox *ChecklistWidget::addItem(const QString &item)
{
    if (QCheckBox *existing = box(item))
        return existing;
    auto *check = new QCheckBox(m_label(item), this);
    check->setProperty("item", item);
    const int index = int(m_boxes.size());
    m_grid->addWidget(check, index / Columns, index % Columns);
    m_boxes.append(check);
    connect(check, &QCheckBox::toggled, this, &ChecklistWidget::edited);
    return check;
}

QCheckBox *ChecklistWidget::box(const QString &item) const
{
    for (QCheckBox *check : m_boxes) {
        if (check->property("item").toString() == item)
            return check;
    }
    return nullptr;
}

void ChecklistWidget::addOther()
{
    const QString item = m_other->text().trimmed();
    if (item.isEmpty())
        return;
    addItem(item)->setChecked(true);
    m_other->clear();
}

void ChecklistWidget::setValue(const QJsonValue &value)
{
    // Items that came with an earlier record but are not common go away again.
    for (int i = int(m_boxes.size()) - 1; i >= 0; --i) {
        QCheckBox *check = m_boxes.at(i);
        if (!m_commonItems.contains(check->property("item").toString())) {
            m_boxes.removeAt(i);
            delete check;
        }
    }
    for (int i = 0; i < m_boxes.size(); ++i)
        m_grid->addWidget(m_boxes.at(i), i / Columns, i % Columns);
    const QSignalBlocker blocker(this);
    for (QCheckBox *check : std::as_const(m_boxes)) {
        const QSignalBlocker boxBlocker(check);
        check->setChecked(false);
    }
    m_loaded = {};
    if (m_mode == Mode::StringSet) {
        for (const QJsonValue &item : value.toArray()) {
            QCheckBox *check = addItem(item.toString());
            const QSignalBlocker boxBlocker(check);
            check->setChecked(true);
        }
    } else {
        m_loaded = value.toObject();
        for (auto it = m_loaded.begin(); it != m_loaded.end(); ++it) {
            QCheckBox *check = addItem(it.key());
            const QSignalBlocker boxBlocker(check);
            check->setChecked(it.value().toBool());
        }
    }
}

QJsonValue ChecklistWidget::value() const
{
    if (m_mode == Mode::StringSet) {
        QStringList items;
        for (const QCheckBox *check : m_boxes) {
            if (check->isChecked())
                items.append(check->property("item").toString());
        }
        items.sort();
        return items.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(QJsonArray::fromStringList(items));
    }
    QJsonObject map = m_loaded;
    for (const QCheckBox *check : m_boxes) {
        const QString item = check->property("item").toString();
        if (check->isChecked() || map.contains(item))
            map.insert(item, check->isChecked());
    }
    return map.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(map);
}

void ChecklistWidget::setReadOnly(bool readOnly)
{
    for (QCheckBox *check : std::as_const(m_boxes))
        check->setEnabled(!readOnly);
    m_other->setEnabled(!readOnly);
}

} // namespace fieldsync::ui
