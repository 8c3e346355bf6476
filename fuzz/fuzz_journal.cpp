// libFuzzer target: bytes -> parse_journal (what `journal import` reads) ->
// import into an in-memory journal -> export -> load -> export. See
// run_journal in fuzz_paths.cpp.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_paths.cpp"

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  (void)kneeplan::fuzzing::builtin();  // parse the built-in data before the first input
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (kneeplan::fuzzing::skipped(bytes)) return -1;  // -1: not added to the corpus
  (void)kneeplan::fuzzing::run_journal(bytes);
  return 0;
}
