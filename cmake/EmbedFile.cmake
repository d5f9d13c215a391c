# Writes OUT, a C++ file defining VAR as the exact bytes of IN.
file(READ ${IN} hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR size "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
file(WRITE ${OUT}
  "#include <string_view>\n"
  "namespace offsetctl::embedded {\n"
  "static const char ${VAR}_bytes[] = {${bytes} 0};\n"
  "extern const std::string_view ${VAR};\n"
  "const std::string_view ${VAR}(${VAR}_bytes, ${size});\n"
  "}\n")
