# Compiler warnings and sanitizers as INTERFACE targets, linked where wanted.
add_library(kneeplan_warnings INTERFACE)
target_compile_options(kneeplan_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
if(KNEEPLAN_WARNINGS_AS_ERRORS)
  target_compile_options(kneeplan_warnings INTERFACE -Werror)
endif()

add_library(kneeplan_sanitizers INTERFACE)
if(KNEEPLAN_SANITIZE)
  target_compile_options(kneeplan_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(kneeplan_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
