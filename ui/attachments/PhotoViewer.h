#pragma once

#include "attachments/AttachmentStore.h"

#include <QDialog>
#include <QImage>
#include <QPointer>

class QLabel;
class QPushButton;
class QScrollArea;

namespace fieldsync {
class SyncController;
}

namespace fieldsync::ui {

// One photo or signature at full size: scaled to fit at first, zoom in and out with the buttons,
// Ctrl+wheel or a pinch. A file that is not on this device is downloaded when the viewer opens;
// a failed download or an unreadable file says why, with Retry.
class PhotoViewer : public QDialog
{
    Q_OBJECT

public:
    PhotoViewer(AttachmentStore &attachments, SyncController *sync, const QString &attachmentId,
                QWidget *parent = nullptr);

    enum class Stage
    {
        Loading,
        Shown,
        Failed
    };
    Stage stage() const { return m_stage; }
    QString statusText() const;
    QImage image() const { return m_image; }
    // 1.0 is one image pixel per screen pixel.
    double zoom() const { return m_zoom; }
    bool fitsWindow() const { return m_fit; }

    void zoomIn();
    void zoomOut();
    void fitToWindow();
    void actualSize();
    // Looks again: the file on this device, else a download.
    void load();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showFile(const QString &path);
    void showFailure(const QString &text);
    void setZoom(double zoom);
    void applyZoom();
    double fitZoom() const;
    void updateButtons();

    AttachmentStore &m_attachments;
    QPointer<SyncController> m_sync;
    QString m_attachmentId;
    AttachmentInfo m_info;
    Stage m_stage = Stage::Loading;
    QImage m_image;
    double m_zoom = 1.0;
    bool m_fit = true;
    QLabel *m_details;
    QLabel *m_status;
    QScrollArea *m_scroll;
    QLabel *m_picture;
    QPushButton *m_zoomOut;
    QPushButton *m_zoomIn;
    QPushButton *m_fitButton;
    QPushButton *m_actual;
    QPushButton *m_retry;
    QPushButton *m_close;
};

} // namespace fieldsync::ui
