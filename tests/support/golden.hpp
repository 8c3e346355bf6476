#pragma once
// Pinned outputs in tests/golden/.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "run.hpp"

namespace kneeplan::test {

// Compares with tests/golden/NAME; KNEEPLAN_UPDATE_GOLDEN=1 rewrites it instead.
inline void check_golden(const std::string& name, const std::string& actual) {
  const auto path = source_dir() / "tests/golden" / name;
  if (std::getenv("KNEEPLAN_UPDATE_GOLDEN")) write_file(path, actual);
  REQUIRE(std::filesystem::exists(path));
  CHECK(actual == read_file(path));
}

}  // namespace kneeplan::test
