# ASan + UBSan for the `debug` preset; every target links this (a no-op when off).
add_library(offsetctl_sanitizers INTERFACE)
if(OFFSETCTL_SANITIZE)
  set(_san -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_compile_options(offsetctl_sanitizers INTERFACE ${_san})
  target_link_options(offsetctl_sanitizers INTERFACE ${_san})
endif()
