#pragma once

#include "domain/EntitySchema.h"

#include <QJsonObject>
#include <QWidget>

#include <functional>

class QFormLayout;
class QLabel;

namespace fieldsync::ui {

// The editable fields of one kind of record, built from its EntitySchema: a line for a string,
// a list for a choice, date pickers, tick boxes for sets and checklists. It knows what was loaded,
// so it can say which fields a person changed. Status is not here: workflow buttons move it.
class RecordForm : public QWidget
{
    Q_OBJECT

public:
    explicit RecordForm(EntityKind kind, QWidget *parent = nullptr);

    void setRecord(const QJsonObject &data);
    // Every editable field as the form shows it now.
    QJsonObject values() const;
    // Only the fields that differ from what setRecord loaded.
    QJsonObject changes() const;
    bool isDirty() const { return !changes().isEmpty(); }
    // A sentence about the first field that is not acceptable, or empty when all are.
    QString validate() const;
    void setReadOnly(bool readOnly);
    QWidget *editor(const QString &field) const;

signals:
    void edited();

private:
    struct Binding
    {
        FieldSpec spec;
        QWidget *widget = nullptr;
        std::function<QJsonValue()> read;
        std::function<void(const QJsonValue &)> write;
        std::function<void(bool)> setReadOnly;
    };

    Binding bind(const FieldSpec &spec);

    EntityKind m_kind;
    QFormLayout *m_layout;
    QList<Binding> m_bindings;
    QJsonObject m_loaded;
};

} // namespace fieldsync::ui
