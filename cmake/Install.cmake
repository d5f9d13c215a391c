# Where `cmake --install` (and so the Debian package, cmake/Packaging.cmake) puts everything,
# in GNUInstallDirs' places: docs/packaging.md lists them.
install(TARGETS offsetctl ckafka-emulator RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

file(GLOB offsetctl_schemas CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/schemas/*.schema.json)
install(FILES ${offsetctl_schemas} DESTINATION ${CMAKE_INSTALL_DATADIR}/offsetctl/schemas)

install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
file(GLOB offsetctl_docs CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/*.md)
install(FILES ${offsetctl_docs} DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)  # README's links hold
install(FILES ${PROJECT_SOURCE_DIR}/packaging/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(offsetctl_docs_dir ${CMAKE_BINARY_DIR}/docs)
install(FILES ${offsetctl_docs_dir}/completion/bash/offsetctl
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${offsetctl_docs_dir}/completion/zsh/_offsetctl DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${offsetctl_docs_dir}/completion/fish/offsetctl.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)

# The man pages and the examples name the installed schemas by path, so they are finished at
# install time, when the prefix is known (`cmake --install build --prefix /opt/offsetctl`
# gets pages that say /opt/offsetctl): cmake/InstallDocs.cmake writes them to a staging
# folder, and the rules after it install them from there.
set(offsetctl_staging ${CMAKE_BINARY_DIR}/install-staging)
install(CODE "
  set(OFFSETCTL_SOURCE_DIR \"${PROJECT_SOURCE_DIR}\")
  set(OFFSETCTL_DOCS_DIR \"${offsetctl_docs_dir}\")
  set(OFFSETCTL_STAGING \"${offsetctl_staging}\")
  set(OFFSETCTL_DATADIR \"${CMAKE_INSTALL_DATADIR}\")
  set(OFFSETCTL_DOCDIR \"${CMAKE_INSTALL_DOCDIR}\")
  include(\"${PROJECT_SOURCE_DIR}/cmake/InstallDocs.cmake\")")
install(FILES ${offsetctl_staging}/man/offsetctl.1.gz ${offsetctl_staging}/man/ckafka-emulator.1.gz
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${offsetctl_staging}/man/offsetctl-plan.5.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man5)
install(FILES ${offsetctl_staging}/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${offsetctl_staging}/examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
