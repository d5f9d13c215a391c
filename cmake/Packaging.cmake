# The Debian package, made by CPack from the install rules (cmake/Install.cmake):
# scripts/package -> build/package/offsetctl_VERSION_amd64.deb. docs/packaging.md says
# what lintian reports and why.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME offsetctl)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})  # what --version says (cli/version.h)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/package)
set(CPACK_PACKAGE_CONTACT "offsetctl maintainers <maintainers@users.noreply.b-seed-a00927ea.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "declarative consumer group offsets for Tencent Cloud CKafka")
# The extended description (the synopsis above is its first line): lines of at most 80
# columns; CPack indents them.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "YAML plan files, kept in git, declare the desired offset of each consumer
group, topic and partition. offsetctl plan diffs them against the live
offsets and prints a dry-run report (terminal, pull-request Markdown or
JSON); offsetctl apply changes exactly what was reviewed, refuses when the
cluster drifted, verifies the result and writes a hash-chained audit log that
offsetctl rollback turns back into a plan.
.
The package also holds ckafka-emulator, a local CKafka API server for
demos and CI, the JSON schemas of the plan, report, saved plan and audit
formats, example plans, man pages and bash, zsh and fish completions.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # offsetctl_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Runtime dependencies from the binaries (dpkg-shlibdeps), plus libcurl, which the API
# client loads with dlopen (api/curl_library.h) and so no tool can see.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libcurl4 (>= 7.16.0)")
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
# Install with DESTDIR and the real prefix, so that the paths written into the man pages
# and the examples at install time are the installed ones (/usr/...), not the staging folder.
set(CPACK_SET_DESTDIR ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)  # the build tree keeps its debug info; the package does not
# Directories the package shares with others (/usr, /usr/share/man, ...) are not its own.
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# The changelog's newest entry must be this version: a version bump without an entry fails here.
file(STRINGS ${PROJECT_SOURCE_DIR}/packaging/changelog offsetctl_changelog_top LIMIT_COUNT 1)
if(NOT offsetctl_changelog_top MATCHES "^offsetctl \\(${PROJECT_VERSION}\\) ")
  message(FATAL_ERROR "packaging/changelog: the newest entry is '${offsetctl_changelog_top}', "
                      "not offsetctl (${PROJECT_VERSION}): add an entry for this version")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/packaging/changelog)

include(CPack)
