# One strict configuration that every FieldSync target links, so warnings and Qt's safety
# macros are the same everywhere.
add_library(fieldsync_common_config INTERFACE)
target_compile_options(fieldsync_common_config INTERFACE -Wall -Wextra -Wpedantic)
target_compile_definitions(fieldsync_common_config INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    FIELDSYNC_VERSION="${PROJECT_VERSION}")
if(FIELDSYNC_SANITIZE)
    target_compile_options(fieldsync_common_config INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(fieldsync_common_config INTERFACE -fsanitize=address,undefined)
endif()
