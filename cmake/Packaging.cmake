# Install rules and the two Debian packages (cpack -G DEB, one package per component):
#   fieldsync         the GUI and fieldsync-cli, desktop entry, icon (translations are built into
#                     the GUI binary as Qt resources), and a private copy of the server for the demo
#   fieldsync-server  the server, its systemd unit, and maintainer scripts that create the
#                     `fieldsync` system user and /var/lib/fieldsync
# packaging/build-packages.sh builds them; tests/packaging checks them.
include(GNUInstallDirs)
# `install` and cpack install what is built and do not build the whole tree (tests, benchmarks)
# first: packaging/build-packages.sh builds the three programs itself.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(FIELDSYNC_PACKAGE_DIR ${PROJECT_SOURCE_DIR}/packaging)

if(TARGET fieldsync)
    install(TARGETS fieldsync RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT client)
    install(FILES ${FIELDSYNC_PACKAGE_DIR}/org.fieldsync.FieldSync.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT client)
    install(FILES ${FIELDSYNC_PACKAGE_DIR}/org.fieldsync.FieldSync.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT client)
endif()
install(TARGETS fieldsync-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT client)
install(TARGETS fieldsync-server RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT server)
# The welcome's "Try the demo" runs a private copy of the server (ui/welcome/DemoServer.cpp): the
# server package would add a system user and a service to a tablet that only wants the demo.
install(TARGETS fieldsync-server RUNTIME DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/fieldsync COMPONENT client)

# The unit in packaging/ is written for a hand install under /usr/local; the installed one names
# the binary where this install puts it (/usr/bin in the package). /usr/lib/systemd/system is where
# Debian 12 (merged /usr) keeps units.
install(CODE "
    file(READ \"${FIELDSYNC_PACKAGE_DIR}/fieldsync-server.service\" unit)
    string(REPLACE \"/usr/local/bin/fieldsync-server\"
        \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/fieldsync-server\" unit \"\${unit}\")
    file(WRITE \"${CMAKE_BINARY_DIR}/packaging/fieldsync-server.service\" \"\${unit}\")
    file(INSTALL \"${CMAKE_BINARY_DIR}/packaging/fieldsync-server.service\"
        DESTINATION \"\${CMAKE_INSTALL_PREFIX}/lib/systemd/system\"
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
" COMPONENT server)

# Debian wants a copyright file and a compressed changelog in each package's doc folder.
string(TIMESTAMP FIELDSYNC_CHANGELOG_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
set(FIELDSYNC_MAINTAINER "FieldSync maintainers <maintainers@fieldsync.example.com>")
foreach(package fieldsync fieldsync-server)
    set(doc_dir ${CMAKE_BINARY_DIR}/packaging/doc/${package})
    file(MAKE_DIRECTORY ${doc_dir})
    file(WRITE ${doc_dir}/changelog
        "${package} (${PROJECT_VERSION}) unstable; urgency=medium\n\n"
        "  * Release ${PROJECT_VERSION}. The full list of changes is CHANGELOG.md in the\n"
        "    FieldSync source.\n\n"
        " -- ${FIELDSYNC_MAINTAINER}  ${FIELDSYNC_CHANGELOG_DATE}\n")
    execute_process(COMMAND gzip -9nf ${doc_dir}/changelog RESULT_VARIABLE zipped)
    if(NOT zipped EQUAL 0)
        message(FATAL_ERROR "gzip failed on ${doc_dir}/changelog")
    endif()
    set(component client)
    if(package STREQUAL "fieldsync-server")
        set(component server)
    endif()
    install(FILES ${FIELDSYNC_PACKAGE_DIR}/deb/copyright ${doc_dir}/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package}
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ
        COMPONENT ${component})
endforeach()

set(CPACK_PACKAGE_NAME fieldsync)
set(CPACK_PACKAGE_VENDOR "FieldSync")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${FIELDSYNC_MAINTAINER})
# No CPACK_PACKAGE_DESCRIPTION_SUMMARY: the first line of each component description is its synopsis.
# cpack installs with DESTDIR into its staging folder and the prefix /usr, so that the unit above
# names /usr/bin/fieldsync-server whatever this build's CMAKE_INSTALL_PREFIX is.
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_GENERATOR DEB)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL client server)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${FIELDSYNC_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://fieldsync.example.com")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_CLIENT_PACKAGE_NAME fieldsync)
set(CPACK_DEBIAN_CLIENT_PACKAGE_SECTION misc)
# Loaded as plugins, so dpkg-shlibdeps cannot see them: the SQLite driver for the device's store,
# the SVG icon engine, and the X11/Wayland platform plugins.
set(CPACK_DEBIAN_CLIENT_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6, qt6-qpa-plugins")
# Qt's own texts (Cancel, OK, the file dialog) in Spanish, French and German.
set(CPACK_DEBIAN_CLIENT_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_COMPONENT_CLIENT_DESCRIPTION
    "offline-first permits-to-work and tasks for construction sites
FieldSync is the site tablet and office desktop client for permits-to-work
(hot work, confined space, isolations, gas readings) and site tasks. Every
edit is saved on the device first and synced with a FieldSync server when
there is a connection; conflicting edits are shown to a person, never lost.
.
This package holds the touch-friendly GUI (fieldsync), the command-line
device (fieldsync-cli) and a private copy of the server for the built-in demo.")

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME fieldsync-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser, libqt6sql6-sqlite")
set(CPACK_DEBIAN_SERVER_PACKAGE_RECOMMENDS "libqt6sql6-psql")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    ${FIELDSYNC_PACKAGE_DIR}/deb/server/postinst
    ${FIELDSYNC_PACKAGE_DIR}/deb/server/prerm
    ${FIELDSYNC_PACKAGE_DIR}/deb/server/postrm)
set(CPACK_COMPONENT_SERVER_DESCRIPTION
    "sync server for FieldSync permits-to-work and tasks
The reference FieldSync server: devices push their queued edits and pull
other devices' changes over HTTPS (protocol v1), with conflict detection,
per-project access, an audit trail, rate limits, Prometheus metrics and
change events over WebSocket. It stores its data in SQLite or PostgreSQL.
.
The package adds a systemd unit (not enabled until the operator enables it)
and the fieldsync system user.")

include(CPack)
