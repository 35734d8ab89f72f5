# Warning and sanitizer flags shared by every Outflow target, through an
# interface library so that third-party code is never built with -Werror.
add_library(outflow_compiler_options INTERFACE)
target_compile_options(outflow_compiler_options INTERFACE -Wall -Wextra -Wpedantic)
target_compile_definitions(outflow_compiler_options INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
if(OUTFLOW_WERROR)
    target_compile_options(outflow_compiler_options INTERFACE -Werror)
endif()
if(OUTFLOW_SANITIZE)
    set(_san -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_compile_options(outflow_compiler_options INTERFACE ${_san})
    target_link_options(outflow_compiler_options INTERFACE ${_san})
endif()
