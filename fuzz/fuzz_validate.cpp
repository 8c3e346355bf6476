// libFuzzer target: bytes -> validate_document, checked against the four loaders.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_paths.cpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (kneeplan::fuzzing::skipped(bytes)) return -1;  // -1: not added to the corpus
  (void)kneeplan::fuzzing::run_validate(bytes);
  return 0;
}
