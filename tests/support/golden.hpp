#pragma once
// Pinned outputs in tests/golden/, rewritten only on purpose.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "run.hpp"

namespace kneeplan::test {

// Compares `actual` with tests/golden/NAME; KNEEPLAN_UPDATE_GOLDEN=1 rewrites the file instead.
inline void check_golden(const std::string& name, const std::string& actual) {
  const auto path = source_dir() / "tests/golden" / name;
  if (std::getenv("KNEEPLAN_UPDATE_GOLDEN")) write_file(path, actual);
  INFO("golden file " << path.string() << " (KNEEPLAN_UPDATE_GOLDEN=1 rewrites it)");
  REQUIRE(std::filesystem::exists(path));
  CHECK(actual == read_file(path));
}

}  // namespace kneeplan::test
