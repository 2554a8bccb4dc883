#pragma once

#include "domain/EntitySchema.h"

#include <QWidget>

class QHBoxLayout;

namespace fieldsync::ui {

// The status moves a person may make from a record's status, as buttons: Submit, Approve (a PM
// only), Activate, Suspend, Close, Cancel... A move the role may not make is not shown at all,
// rather than shown and refused.
class WorkflowButtons : public QWidget
{
    Q_OBJECT

public:
    explicit WorkflowButtons(QWidget *parent = nullptr);

    void setState(EntityKind kind, const QString &status, Role role);
    void clear();
    // Takes away the button for a move this person may not make after all, saying why.
    void withhold(const QString &toStatus, const QString &why);
    QString withheldNote() const;
    // The target states of the buttons shown, in order.
    QStringList transitions() const { return m_transitions; }
    QStringList buttonTexts() const;

signals:
    void transitionRequested(const QString &toStatus);

private:
    QHBoxLayout *m_layout;
    QStringList m_transitions;
};

} // namespace fieldsync::ui
