#include "Translations.h"

#include "UiLogging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace fieldsync::ui {

namespace {

std::unique_ptr<QTranslator> &appTranslator()
{
    static std::unique_ptr<QTranslator> translator;
    return translator;
}

std::unique_ptr<QTranslator> &qtTranslator()
{
    static std::unique_ptr<QTranslator> translator;
    return translator;
}

void removeInstalled()
{
    for (std::unique_ptr<QTranslator> *translator : {&appTranslator(), &qtTranslator()}) {
        if (*translator) {
            QCoreApplication::removeTranslator(translator->get());
            translator->reset();
        }
    }
}

} // namespace

QString applyLanguage(const QString &language)
{
    removeInstalled();
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    auto translator = std::make_unique<QTranslator>();
    // QTranslator walks the locale's UI languages (es_US, es, ...) and takes the first it has.
    if (!translator->load(locale, QStringLiteral("fieldsync"), QStringLiteral("_"),
                          QStringLiteral(":/i18n"))) {
        qCDebug(lcUi) << "no translation for" << locale.uiLanguages() << "- using English";
        // English has a translation too: the plural forms ("1 conflict", "2 conflicts").
        if (translator->load(QStringLiteral(":/i18n/fieldsync_en.qm"))) {
            QCoreApplication::installTranslator(translator.get());
            appTranslator() = std::move(translator);
        }
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(translator.get());
    const QString loaded = translator->language();
    appTranslator() = std::move(translator);
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        qtTranslator() = std::move(qt);
    }
    qCInfo(lcUi) << "language" << loaded;
    return loaded.isEmpty() ? locale.name() : loaded;
}

} // namespace fieldsync::ui
