// libFuzzer target: bytes -> parse_profile -> screen -> build_plan (weeks and
// rest day from the last two bytes) -> every plan renderer; the same text as
// guidelines and as safety rules too. See run_plan in fuzz_paths.cpp.
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
  // Only the text counts: the two option bytes at the end may well be NUL.
  // Returning -1 keeps a skipped input out of the corpus.
  if (kneeplan::fuzzing::skipped(kneeplan::fuzzing::split_plan_input(bytes).text)) return -1;
  (void)kneeplan::fuzzing::run_plan(bytes);
  return 0;
}
