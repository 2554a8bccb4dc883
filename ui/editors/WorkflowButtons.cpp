#include "WorkflowButtons.h"

#include "common/UiText.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace fieldsync::ui {

namespace {

QString iconFor(const QString &to)
{
    if (to == QLatin1String("cancelled") || to == QLatin1String("closed"))
        return QStringLiteral(":/icons/close.svg");
    if (to == QLatin1String("suspended"))
        return QStringLiteral(":/icons/pause.svg");
    if (to == QLatin1String("approved") || to == QLatin1String("verified") || to == QLatin1String("done"))
        return QStringLiteral(":/icons/approve.svg");
    return QStringLiteral(":/icons/forward.svg");
}

} // namespace

WorkflowButtons::WorkflowButtons(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
}

void WorkflowButtons::clear()
{
    while (QLayoutItem *item = m_layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_transitions.clear();
}

void WorkflowButtons::setState(EntityKind kind, const QString &status, Role role)
{
    clear();
    const Workflow *workflow = EntitySchema::of(kind).workflow;
    if (!workflow)
        return;
    m_transitions = workflow->nextStates(status, role);
    // Forward moves first, the ones that end a record's life last.
    std::stable_sort(m_transitions.begin(), m_transitions.end(), [](const QString &a, const QString &b) {
        const auto final = [](const QString &s) {
            return s == QLatin1String("cancelled") || s == QLatin1String("suspended");
        };
        return !final(a) && final(b);
    });
    for (const QString &to : std::as_const(m_transitions)) {
        auto *button = new QPushButton(QIcon(iconFor(to)), UiText::transitionLabel(kind, status, to), this);
        button->setObjectName(QStringLiteral("transition_") + to);
        button->setAutoDefault(false);
        connect(button, &QPushButton::clicked, this, [this, to] { emit transitionRequested(to); });
        m_layout->addWidget(button);
    }
}

void WorkflowButtons::withhold(const QString &toStatus, const QString &why)
{
    if (!m_transitions.removeOne(toStatus))
        return;
    delete findChild<QPushButton *>(QStringLiteral("transition_") + toStatus);
    auto *note = new QLabel(why, this);
    note->setObjectName(QStringLiteral("withheldNote"));
    note->setWordWrap(true);
    m_layout->addWidget(note, 1);
}

QString WorkflowButtons::withheldNote() const
{
    const auto *note = findChild<QLabel *>(QStringLiteral("withheldNote"));
    return note ? note->text() : QString();
}

QStringList WorkflowButtons::buttonTexts() const
{
    QStringList texts;
    for (const QString &to : m_transitions) {
        if (auto *button = findChild<QPushButton *>(QStringLiteral("transition_") + to))
            texts.append(button->text());
    }
    return texts;
}

} // namespace fieldsync::ui
