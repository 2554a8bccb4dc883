#pragma once

#include <QDialog>

class QLabel;

namespace fieldsync::ui {

// Help > About: which FieldSync this is, on which Qt, and the licences of FieldSync and of the
// libraries it ships with (Qt under the LGPLv3, QtKeychain under the BSD licence).
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The text shown, for tests and screen readers.
    QString text() const;

private:
    QLabel *m_text;
};

} // namespace fieldsync::ui
