#include "ConflictFieldRow.h"

#include "common/UiColors.h"
#include "common/UiText.h"
#include "domain/FieldValues.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QJsonArray>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace fieldsync::ui {

namespace {

QJsonValue unionOf(const QJsonValue &a, const QJsonValue &b)
{
    QStringList items;
    for (const QJsonValue &item : a.toArray())
        items.append(item.toString());
    for (const QJsonValue &item : b.toArray())
        items.append(item.toString());
    items.sort();
    items.removeDuplicates();
    return QJsonArray::fromStringList(items);
}

QLabel *valueLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setMinimumWidth(120);
    return label;
}

// A cell's look: tinted where that side differs from the base, framed when it is the choice.
void styleValue(QLabel *label, const QColor &background, bool chosen)
{
    QString css = QStringLiteral("padding: 4px; border-radius: 4px; border: 3px solid %1;")
                      .arg(chosen ? UiColors::css(label->palette().color(QPalette::Highlight))
                                  : QStringLiteral("transparent"));
    if (background.isValid())
        css += QStringLiteral("background: %1;").arg(UiColors::css(background));
    label->setStyleSheet(css);
    label->setProperty("background", background);
}

} // namespace

ConflictFieldRow::ConflictFieldRow(const FieldSpec &spec, const protocol::ConflictField &field,
                                   QGridLayout *grid, int row, QWidget *parent)
    : QObject(parent)
    , m_spec(spec)
    , m_field(field)
    , m_group(new QButtonGroup(this))
    , m_mine(new QRadioButton(tr("Keep mine"), parent))
    , m_server(new QRadioButton(tr("Take server"), parent))
{
    auto *name = new QLabel(UiText::fieldLabel(spec.name), parent);
    QFont bold = name->font();
    bold.setBold(true);
    name->setFont(bold);
    name->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    name->setContentsMargins(0, 6, 0, 0);
    grid->addWidget(name, row, 0);
    QLabel *base = valueLabel(UiText::valueText(spec, field.base), parent);
    styleValue(base, {}, false);
    grid->addWidget(base, row, 1, Qt::AlignTop);

    // A side is highlighted where it moved away from the base: that is what differs.
    const bool mineChanged = !FieldValues::equal(spec, field.base, field.mine);
    const bool serverChanged = !FieldValues::equal(spec, field.base, field.server);
    grid->addWidget(valueCell(field.mine, mineChanged, m_mine, parent), row, 2, Qt::AlignTop);
    grid->addWidget(valueCell(field.server, serverChanged, m_server, parent), row, 3, Qt::AlignTop);
    m_group->addButton(m_mine, int(Choice::Mine));
    m_group->addButton(m_server, int(Choice::Server));
    if (offersBoth()) {
        m_both = unionOf(field.mine, field.server);
        m_bothButton = new QRadioButton(tr("Keep both"), parent);
        grid->addWidget(valueCell(m_both, true, m_bothButton, parent), row, 4, Qt::AlignTop);
        m_group->addButton(m_bothButton, int(Choice::Both));
    }
    m_mine->setObjectName(QStringLiteral("mine_") + spec.name);
    m_server->setObjectName(QStringLiteral("server_") + spec.name);
    connect(m_group, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        markChosen();
        if (checked)
            emit choiceChanged();
    });
}

QWidget *ConflictFieldRow::valueCell(const QJsonValue &value, bool highlighted, QRadioButton *radio,
                                     QWidget *parent)
{
    auto *cell = new QWidget(parent);
    auto *layout = new QVBoxLayout(cell);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    QLabel *label = valueLabel(UiText::valueText(m_spec, value), cell);
    styleValue(label, highlighted ? UiColors::differs(parent->palette()) : QColor(), false);
    layout->addWidget(label);
    m_valueLabels.insert(radio, label);
    radio->setParent(cell);
    layout->addWidget(radio);
    return cell;
}

void ConflictFieldRow::markChosen()
{
    // Colour alone must not carry the choice: the radio button says it, the frame repeats it.
    for (auto it = m_valueLabels.begin(); it != m_valueLabels.end(); ++it)
        styleValue(it.value(), it.value()->property("background").value<QColor>(), it.key()->isChecked());
}

ConflictFieldRow::Choice ConflictFieldRow::choice() const
{
    const int id = m_group->checkedId();
    return id < 0 ? Choice::None : Choice(id);
}

void ConflictFieldRow::setChoice(Choice choice)
{
    if (choice == Choice::Both && !m_bothButton)
        return;
    if (choice == Choice::None) {
        m_group->setExclusive(false);
        for (QAbstractButton *button : m_group->buttons())
            button->setChecked(false);
        m_group->setExclusive(true);
        markChosen();
        emit choiceChanged();
        return;
    }
    m_group->button(int(choice))->setChecked(true);
}

QJsonValue ConflictFieldRow::chosenValue() const
{
    switch (choice()) {
    case Choice::Mine:
        return m_field.mine;
    case Choice::Server:
        return m_field.server;
    case Choice::Both:
        return m_both;
    case Choice::None:
        break;
    }
    return QJsonValue(QJsonValue::Undefined);
}

} // namespace fieldsync::ui
