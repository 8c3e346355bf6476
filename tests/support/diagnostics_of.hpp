#pragma once
// For loader tests: what a parse reported, and where.
#include <string>
#include <vector>

#include "kneeplan/io/diagnostics.hpp"

namespace kneeplan::test {

// The diagnostics `parse()` threw; empty when it succeeded.
template <class Parse>
std::vector<Diagnostic> diagnostics_of(Parse&& parse) {
  try {
    (void)parse();
  } catch (const DataError& error) {
    return error.diagnostics();
  }
  return {};
}

inline std::vector<std::string> places(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) out.push_back(d.place);
  return out;
}

}  // namespace kneeplan::test
