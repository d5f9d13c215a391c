# One target carries the warning flags so that every target gets the same ones.
add_library(offsetctl_warnings INTERFACE)
target_compile_options(offsetctl_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Werror
  -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wunused
  -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough
  -Wformat=2)
