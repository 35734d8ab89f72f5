# ctest -P script: fails when the keychain tests' secret is found in plaintext
# in the build tree or the tests' data folders (which hold the keyring file).
# The secret is derived here from its seed, exactly as tests/support/
# secrethelpers.h does, so it is written in no file of the build tree.
if(NOT SEED OR NOT DIRS)
    message(FATAL_ERROR "usage: cmake -DSEED=… -DDIRS=… -P secrets_not_on_disk.cmake")
endif()
string(SHA256 digest "${SEED}")
set(SECRET "S3cr3t-${digest}")
set(found "")
foreach(dir IN LISTS DIRS)
    execute_process(
        COMMAND grep -rlaF --exclude-dir=_CPack_Packages -e "${SECRET}" "${dir}"
        RESULT_VARIABLE rc OUTPUT_VARIABLE files ERROR_QUIET)
    if(rc EQUAL 0)
        string(APPEND found "${files}")
    elseif(NOT rc EQUAL 1)
        message(FATAL_ERROR "grep failed on ${dir} (exit ${rc})")
    endif()
endforeach()
file(GLOB_RECURSE keyrings "${DIRS}/test-home/*.keyring" "$ENV{XDG_DATA_HOME}/keyrings/*.keyring")
if(NOT keyrings)
    message(FATAL_ERROR "No gnome-keyring file under ${DIRS}/test-home or $ENV{XDG_DATA_HOME}: "
                        "the keychain tests did not store through gnome-keyring (run tools/test.sh)")
endif()
if(found)
    message(FATAL_ERROR "The test secret is stored in plaintext in:\n${found}")
endif()
list(JOIN keyrings ", " keyring_list)
message(STATUS "No plaintext test secret under ${DIRS}; keyring files checked: ${keyring_list}")
