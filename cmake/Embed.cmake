# offsetctl_embed(TARGET VAR FILE): compiles FILE's bytes into TARGET as
# `extern const std::string_view VAR;` so that programs carry their schemas.
function(offsetctl_embed target var file)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded_${var}.cc)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DIN=${file} -DOUT=${out} -DVAR=${var}
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFile.cmake
    DEPENDS ${file} ${PROJECT_SOURCE_DIR}/cmake/EmbedFile.cmake
    COMMENT "Embedding ${file}")
  target_sources(${target} PRIVATE ${out})
endfunction()
