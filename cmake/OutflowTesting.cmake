# outflow_add_test(NAME <name> SOURCES <files…> LABELS <unit|integration|gui…>
#                  [LIBRARIES <targets…>] [ENVIRONMENT <VAR=value…>] [TIMEOUT <s>]
#                  [WRAPPER <script> [args…]])
#
# WRAPPER runs the test through a script that sets up its peers first (for
# example a keyring in a particular state); the script ends by exec'ing the
# test binary passed as its last argument.
#
# One Qt Test executable per class. Each test runs offscreen, in English unless
# it says otherwise, with its own XDG config/data/cache folders under the build
# tree so that no test reads or writes the user's real settings or store.
# Fixture paths reach the code through the configured header testconfig.h.
function(outflow_add_test)
    cmake_parse_arguments(ARG "" "NAME;TIMEOUT" "SOURCES;LABELS;LIBRARIES;ENVIRONMENT;WRAPPER" ${ARGN})
    if(NOT ARG_NAME OR NOT ARG_SOURCES OR NOT ARG_LABELS)
        message(FATAL_ERROR "outflow_add_test: NAME, SOURCES and LABELS are required")
    endif()
    add_executable(${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(${ARG_NAME} PRIVATE
        Qt6::Test outflow_core outflow_compiler_options ${ARG_LIBRARIES})
    target_include_directories(${ARG_NAME} PRIVATE
        "${PROJECT_BINARY_DIR}/tests/generated" "${PROJECT_SOURCE_DIR}/tests")
    add_test(NAME ${ARG_NAME} COMMAND ${ARG_WRAPPER} $<TARGET_FILE:${ARG_NAME}>)

    set(home "${PROJECT_BINARY_DIR}/test-home/${ARG_NAME}")
    set(env
        "QT_QPA_PLATFORM=offscreen"
        "LANG=C.UTF-8"
        "LANGUAGE=en"
        "LC_ALL=C.UTF-8"
        "XDG_CONFIG_HOME=${home}/config"
        "XDG_DATA_HOME=${home}/data"
        "XDG_CACHE_HOME=${home}/cache"
        ${ARG_ENVIRONMENT})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    set_tests_properties(${ARG_NAME} PROPERTIES
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "${env}"
        TIMEOUT ${ARG_TIMEOUT})
endfunction()
