#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QWidget>

#include <functional>

class QCheckBox;
class QGridLayout;
class QLineEdit;

namespace fieldsync::ui {

// Big tick boxes for a set of strings (PPE, lock ids) or a checklist of item -> true/false, with
// the usual items always offered and a field to add another one.
class ChecklistWidget : public QWidget
{
    Q_OBJECT

public:
    enum class Mode
    {
        StringSet,
        BoolMap
    };

    ChecklistWidget(Mode mode, QStringList commonItems, std::function<QString(const QString &)> label,
                    QWidget *parent = nullptr);

    void setValue(const QJsonValue &value);
    QJsonValue value() const;
    void setReadOnly(bool readOnly);
    QCheckBox *box(const QString &item) const;

signals:
    void edited();

private:
    QCheckBox *addItem(const QString &item);
    void addOther();

    Mode m_mode;
    QStringList m_commonItems;
    std::function<QString(const QString &)> m_label;
    QGridLayout *m_grid;
    QLineEdit *m_other;
    QList<QCheckBox *> m_boxes;
    QJsonObject m_loaded; // BoolMap: items ticked off stay recorded as false
};

} // namespace fieldsync::ui
