#include "CanonicalUuid.h"

namespace fieldsync {

bool isCanonicalUuid(QStringView text)
{
    if (text.size() != 36)
        return false;
    bool allZero = true;
    for (qsizetype index = 0; index < text.size(); ++index) {
        const char16_t c = text[index].unicode();
        if (index == 8 || index == 13 || index == 18 || index == 23) {
            if (c != u'-')
                return false;
            continue;
        }
        const bool hexDigit = (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
        if (!hexDigit)
            return false;
        allZero = allZero && c == u'0';
    }
    return !allZero;
}

} // namespace fieldsync
