#pragma once

#include "domain/EntitySchema.h"
#include "protocol/PushMessages.h"

#include <QHash>
#include <QJsonValue>
#include <QObject>

class QButtonGroup;
class QGridLayout;
class QLabel;
class QRadioButton;
class QWidget;

namespace fieldsync::ui {

// One conflicting field in the conflict dialog: base, mine and server side by side, the sides that
// changed highlighted, and the person's choice (mine, server, or both for a set).
class ConflictFieldRow : public QObject
{
    Q_OBJECT

public:
    enum class Choice
    {
        None,
        Mine,
        Server,
        Both
    };

    ConflictFieldRow(const FieldSpec &spec, const protocol::ConflictField &field, QGridLayout *grid, int row,
                     QWidget *parent);

    const QString &fieldName() const { return m_spec.name; }
    bool offersBoth() const { return m_spec.type == FieldType::StringSet; }
    Choice choice() const;
    void setChoice(Choice choice);
    // The value the choice stands for; undefined while nothing is chosen.
    QJsonValue chosenValue() const;

signals:
    void choiceChanged();

private:
    QWidget *valueCell(const QJsonValue &value, bool highlighted, QRadioButton *radio, QWidget *parent);
    void markChosen();

    FieldSpec m_spec;
    protocol::ConflictField m_field;
    QJsonValue m_both;
    QButtonGroup *m_group;
    QRadioButton *m_mine;
    QRadioButton *m_server;
    QRadioButton *m_bothButton = nullptr;
    QHash<QRadioButton *, QLabel *> m_valueLabels;
};

} // namespace fieldsync::ui
