# The application's identity, defined once. Everything that names the app
# (window titles, keychain service, .desktop id, installer, AppStream) reads
# these variables or the header generated from them (core/app/appinfo.h.in).
set(OUTFLOW_DISPLAY_NAME "Outflow")
set(OUTFLOW_EXECUTABLE "outflow")
set(OUTFLOW_CLI_EXECUTABLE "outflowctl")
set(OUTFLOW_APP_ID "io.github.outflow.Outflow")
set(OUTFLOW_ORGANIZATION "Outflow")
set(OUTFLOW_ORGANIZATION_DOMAIN "outflow.github.io")
set(OUTFLOW_SUMMARY "Stream customer profiles to any HTTP endpoint")
set(OUTFLOW_HOMEPAGE "https://github.com/outflow/outflow")
set(OUTFLOW_MAINTAINER "Outflow developers <dev@outflow.invalid>")
# The keychain service under which every secret is stored: app id + object id.
set(OUTFLOW_KEYCHAIN_SERVICE "${OUTFLOW_APP_ID}")
