#include "RecordForm.h"

#include "ChecklistWidget.h"
#include "common/UiText.h"
#include "common/UiTime.h"
#include "domain/FieldValues.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>

namespace fieldsync::ui {

namespace {

// Empty text, an empty set and no value at all mean the same to a person.
bool isEmptyValue(const QJsonValue &value)
{
    return value.isNull() || value.isUndefined() || (value.isString() && value.toString().isEmpty()) ||
           (value.isArray() && value.toArray().isEmpty()) || (value.isObject() && value.toObject().isEmpty());
}

bool sameValue(const FieldSpec &spec, const QJsonValue &a, const QJsonValue &b)
{
    if (isEmptyValue(a) && isEmptyValue(b))
        return true;
    if (spec.type == FieldType::Timestamp && a.isString() && b.isString())
        return QDateTime::fromString(a.toString(), Qt::ISODateWithMs) ==
               QDateTime::fromString(b.toString(), Qt::ISODateWithMs);
    return FieldValues::equal(spec, a, b);
}

const QDateTime NotSetDateTime(QDate(2000, 1, 1), QTime(0, 0));
const QDate NotSetDate(2000, 1, 1);

} // namespace

RecordForm::RecordForm(EntityKind kind, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_layout(new QFormLayout(this))
{
    m_layout->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_layout->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    for (const FieldSpec &spec : EntitySchema::of(kind).fields) {
        // A link set on create (a gas reading's permit) is not for the form to change.
        if (spec.type == FieldType::Status || (spec.type == FieldType::Uuid && spec.immutable))
            continue;
        Binding binding = bind(spec);
        const QString label =
            UiText::fieldLabel(spec.name) + (spec.required ? QStringLiteral(" *") : QString());
        binding.widget->setObjectName(spec.name);
        binding.widget->setAccessibleName(UiText::fieldLabel(spec.name));
        m_layout->addRow(label, binding.widget);
        m_bindings.append(binding);
    }
}

RecordForm::Binding RecordForm::bind(const FieldSpec &spec)
{
    Binding binding;
    binding.spec = spec;
    switch (spec.type) {
    case FieldType::Text: {
        auto *edit = new QPlainTextEdit(this);
        edit->setTabChangesFocus(true);
        edit->setMinimumHeight(88);
        edit->setMaximumHeight(140);
        binding.widget = edit;
        binding.read = [edit] {
            const QString text = edit->toPlainText().trimmed();
            return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
        };
        binding.write = [edit](const QJsonValue &value) { edit->setPlainText(value.toString()); };
        binding.setReadOnly = [edit](bool readOnly) { edit->setReadOnly(readOnly); };
        connect(edit, &QPlainTextEdit::textChanged, this, &RecordForm::edited);
        break;
    }
    case FieldType::Choice: {
        auto *combo = new QComboBox(this);
        combo->addItem(tr("(not set)"), QString());
        for (const QString &choice : spec.choices)
            combo->addItem(UiText::choiceLabel(spec.name, choice), choice);
        binding.widget = combo;
        binding.read = [combo] {
            const QString value = combo->currentData().toString();
            return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
        };
        binding.write = [combo](const QJsonValue &value) {
            combo->setCurrentIndex(std::max(0, combo->findData(value.toString())));
        };
        binding.setReadOnly = [combo](bool readOnly) { combo->setEnabled(!readOnly); };
        connect(combo, &QComboBox::currentIndexChanged, this, &RecordForm::edited);
        break;
    }
    case FieldType::Timestamp: {
        auto *edit = new QDateTimeEdit(this);
        edit->setCalendarPopup(true);
        edit->setMinimumDateTime(NotSetDateTime);
        edit->setDisplayFormat(UiTime::dateTimeEditFormat());
        edit->setSpecialValueText(tr("Not set"));
        binding.widget = edit;
        binding.read = [edit] {
            if (edit->dateTime() == edit->minimumDateTime())
                return QJsonValue(QJsonValue::Null);
            return QJsonValue(edit->dateTime().toUTC().toString(Qt::ISODate));
        };
        binding.write = [edit](const QJsonValue &value) {
            const QDateTime when = QDateTime::fromString(value.toString(), Qt::ISODate);
            edit->setDateTime(when.isValid() ? when.toLocalTime() : edit->minimumDateTime());
        };
        binding.setReadOnly = [edit](bool readOnly) { edit->setReadOnly(readOnly); };
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &RecordForm::edited);
        break;
    }
    case FieldType::Uuid: {
        auto *combo = new QComboBox(this);
        auto select = [this, combo](const QString &id) {
            int index = combo->findData(id);
            if (index < 0) {
                combo->addItem(tr("(not on this device)"), id);
                index = combo->count() - 1;
            }
            combo->setCurrentIndex(index);
        };
        binding.widget = combo;
        binding.read = [combo] {
            const QString id = combo->currentData().toString();
            return id.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(id);
        };
        binding.write = [select](const QJsonValue &value) { select(value.toString()); };
        binding.setReadOnly = [combo](bool readOnly) { combo->setEnabled(!readOnly); };
        binding.setChoices = [this, combo, select](const QList<LinkChoice> &choices) {
            const QSignalBlocker blocker(combo);
            const QString current = combo->currentData().toString();
            combo->clear();
            combo->addItem(tr("(none)"), QString());
            for (const LinkChoice &choice : choices)
                combo->addItem(choice.label, choice.id);
            select(current);
        };
        binding.setChoices({});
        connect(combo, &QComboBox::currentIndexChanged, this, &RecordForm::edited);
        break;
    }
    case FieldType::Date: {
        auto *edit = new QDateEdit(this);
        edit->setCalendarPopup(true);
        edit->setMinimumDate(NotSetDate);
        edit->setDisplayFormat(UiTime::dateEditFormat());
        edit->setSpecialValueText(tr("Not set"));
        binding.widget = edit;
        binding.read = [edit] {
            if (edit->date() == edit->minimumDate())
                return QJsonValue(QJsonValue::Null);
            return QJsonValue(edit->date().toString(Qt::ISODate));
        };
        binding.write = [edit](const QJsonValue &value) {
            const QDate date = QDate::fromString(value.toString(), Qt::ISODate);
            edit->setDate(date.isValid() ? date : edit->minimumDate());
        };
        binding.setReadOnly = [edit](bool readOnly) { edit->setReadOnly(readOnly); };
        connect(edit, &QDateEdit::dateChanged, this, &RecordForm::edited);
        break;
    }
    case FieldType::Number: {
        auto *spin = new QDoubleSpinBox(this);
        spin->setRange(-1e9, 1e9);
        spin->setDecimals(2);
        binding.widget = spin;
        binding.read = [spin] { return QJsonValue(spin->value()); };
        binding.write = [spin](const QJsonValue &value) { spin->setValue(value.toDouble()); };
        binding.setReadOnly = [spin](bool readOnly) { spin->setReadOnly(readOnly); };
        connect(spin, &QDoubleSpinBox::valueChanged, this, &RecordForm::edited);
        break;
    }
    case FieldType::StringSet:
    case FieldType::BoolMap: {
        const bool ppe = spec.name == QLatin1String("ppe_requirements");
        const bool set = spec.type == FieldType::StringSet;
        std::function<QString(const QString &)> label = &UiText::checklistLabel;
        if (ppe)
            label = &UiText::ppeLabel;
        else if (set)
            label = [](const QString &item) { return item; };
        auto *list = new ChecklistWidget(
            set ? ChecklistWidget::Mode::StringSet : ChecklistWidget::Mode::BoolMap,
            ppe ? UiText::commonPpe() : (set ? QStringList() : UiText::commonChecklist()), label, this);
        binding.widget = list;
        binding.read = [list] { return list->value(); };
        binding.write = [list](const QJsonValue &value) { list->setValue(value); };
        binding.setReadOnly = [list](bool readOnly) { list->setReadOnly(readOnly); };
        connect(list, &ChecklistWidget::edited, this, &RecordForm::edited);
        break;
    }
    default: {
        auto *edit = new QLineEdit(this);
        edit->setMaxLength(200);
        binding.widget = edit;
        binding.read = [edit] {
            const QString text = edit->text().trimmed();
            return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
        };
        binding.write = [edit](const QJsonValue &value) { edit->setText(value.toString()); };
        binding.setReadOnly = [edit](bool readOnly) { edit->setReadOnly(readOnly); };
        connect(edit, &QLineEdit::textEdited, this, &RecordForm::edited);
        break;
    }
    }
    return binding;
}

void RecordForm::setRecord(const QJsonObject &data)
{
    m_loaded = data;
    for (const Binding &binding : std::as_const(m_bindings)) {
        const QSignalBlocker blocker(binding.widget);
        binding.write(data.value(binding.spec.name));
    }
}

void RecordForm::setLinkChoices(const QString &field, const QList<LinkChoice> &choices)
{
    for (const Binding &binding : std::as_const(m_bindings)) {
        if (binding.spec.name == field && binding.setChoices)
            binding.setChoices(choices);
    }
}

QJsonObject RecordForm::values() const
{
    QJsonObject result;
    for (const Binding &binding : m_bindings)
        result.insert(binding.spec.name, binding.read());
    return result;
}

QJsonObject RecordForm::changes() const
{
    QJsonObject result;
    for (const Binding &binding : m_bindings) {
        const QJsonValue value = binding.read();
        if (!sameValue(binding.spec, value, m_loaded.value(binding.spec.name)))
            result.insert(binding.spec.name, value);
    }
    return result;
}

QString RecordForm::validate() const
{
    const QJsonObject current = values();
    for (const Binding &binding : m_bindings) {
        if (binding.spec.required && isEmptyValue(current.value(binding.spec.name)))
            return tr("%1 is required.").arg(UiText::fieldLabel(binding.spec.name));
    }
    const QDateTime from =
        QDateTime::fromString(current.value(QStringLiteral("valid_from")).toString(), Qt::ISODate);
    const QDateTime to =
        QDateTime::fromString(current.value(QStringLiteral("valid_to")).toString(), Qt::ISODate);
    if (from.isValid() && to.isValid() && to <= from)
        return tr("“Valid to” must be after “Valid from”.");
    return {};
}

void RecordForm::setReadOnly(bool readOnly)
{
    for (const Binding &binding : std::as_const(m_bindings))
        binding.setReadOnly(readOnly);
}

QWidget *RecordForm::editor(const QString &field) const
{
    for (const Binding &binding : m_bindings) {
        if (binding.spec.name == field)
            return binding.widget;
    }
    return nullptr;
}

} // namespace fieldsync::ui
