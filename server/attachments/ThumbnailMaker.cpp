#include "ThumbnailMaker.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>

namespace fieldsync::server::ThumbnailMaker {

QByteArray formatFor(const QString &mimeType)
{
    return mimeType == QLatin1String("image/png") ? QByteArrayLiteral("png") : QByteArrayLiteral("jpeg");
}

Result<Thumbnail> make(const QString &imagePath, const QString &mimeType)
{
    QImageReader reader(imagePath);
    reader.setAutoTransform(true); // a phone's portrait photo stays upright
    const QSize size = reader.size();
    if (!reader.canRead() || !size.isValid() || size.isEmpty())
        return makeError(QStringLiteral("not_an_image"), QStringLiteral("the attachment is not an image"));
    if (size.width() > MaxSide || size.height() > MaxSide)
        reader.setScaledSize(size.scaled(MaxSide, MaxSide, Qt::KeepAspectRatio));
    const QImage image = reader.read();
    if (image.isNull())
        return makeError(
            QStringLiteral("not_an_image"),
            QStringLiteral("the attachment cannot be read as an image: %1").arg(reader.errorString()));
    Thumbnail thumbnail;
    thumbnail.format = formatFor(mimeType);
    thumbnail.mimeType = "image/" + thumbnail.format;
    QBuffer buffer(&thumbnail.bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, thumbnail.format.constData(), thumbnail.format == "jpeg" ? 80 : -1))
        return makeError(QStringLiteral("store_io"), QStringLiteral("cannot encode the thumbnail"));
    return thumbnail;
}

} // namespace fieldsync::server::ThumbnailMaker
