# Run by `cmake --install` before the man pages, the changelog and the examples are
# installed (cmake/Install.cmake): puts the installed schemas' path into them, compresses
# what Debian wants compressed (gzip -9n: no name or time stamp, so builds are reproducible).
foreach(var OFFSETCTL_DATADIR OFFSETCTL_DOCDIR)
  if(IS_ABSOLUTE "${${var}}")
    set(${var}_FULL "${${var}}")
  else()
    set(${var}_FULL "${CMAKE_INSTALL_PREFIX}/${${var}}")
  endif()
endforeach()
set(schemas "${OFFSETCTL_DATADIR_FULL}/offsetctl/schemas")
set(examples "${OFFSETCTL_DOCDIR_FULL}/examples")

file(REMOVE_RECURSE "${OFFSETCTL_STAGING}")
file(MAKE_DIRECTORY "${OFFSETCTL_STAGING}/man" "${OFFSETCTL_STAGING}/examples")

function(offsetctl_gzip file)
  execute_process(COMMAND gzip -9nf "${file}" RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "gzip ${file} failed")
  endif()
endfunction()

foreach(page offsetctl.1 ckafka-emulator.1 offsetctl-plan.5)
  file(READ "${OFFSETCTL_DOCS_DIR}/man/${page}" text)
  string(REPLACE "@SCHEMA_DIR@" "${schemas}" text "${text}")
  string(REPLACE "@EXAMPLES_DIR@" "${examples}" text "${text}")
  file(WRITE "${OFFSETCTL_STAGING}/man/${page}" "${text}")
  offsetctl_gzip("${OFFSETCTL_STAGING}/man/${page}")
endforeach()

# A native package's changelog is changelog.gz.
configure_file("${OFFSETCTL_SOURCE_DIR}/packaging/changelog" "${OFFSETCTL_STAGING}/changelog" COPYONLY)
offsetctl_gzip("${OFFSETCTL_STAGING}/changelog")

# The examples' modeline names the schema beside them in the source tree; installed, it
# names the installed schema, so that editors find it.
file(GLOB example_plans "${OFFSETCTL_SOURCE_DIR}/plans/examples/*.yaml")
foreach(plan ${example_plans})
  file(READ "${plan}" text)
  string(REPLACE "$schema=../../schemas/" "$schema=${schemas}/" text "${text}")
  get_filename_component(name "${plan}" NAME)
  file(WRITE "${OFFSETCTL_STAGING}/examples/${name}" "${text}")
endforeach()
