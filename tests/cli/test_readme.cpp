// The README stays true: its rules table and its commands match the program.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "run.hpp"

using kneeplan::test::read_file;
using kneeplan::test::run_kneeplan;
using kneeplan::test::source_dir;

namespace {
std::string between(const std::string& text, const std::string& begin, const std::string& end) {
  const auto from = text.find(begin);
  const auto to = text.find(end);
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  return text.substr(from + begin.size() + 1, to - from - begin.size() - 1);
}
}  // namespace

TEST_CASE("README's safety rules table is the one the program prints", "[readme]") {
  const std::string readme = read_file(source_dir() / "README.md");
  const std::string table = between(readme, "<!-- safety-rules:begin -->", "<!-- safety-rules:end -->");
  const auto listed = run_kneeplan({"check", "--list-rules"});
  REQUIRE(listed.exit_code == 0);
  CHECK(table == listed.out);
}

TEST_CASE("README's ladder table is the one the program prints", "[readme]") {
  const std::string readme = read_file(source_dir() / "README.md");
  // The table sits in a numbered list item, indented by three spaces.
  std::string table;
  const std::string block = between(readme, "   <!-- ladders:begin -->", "   <!-- ladders:end -->");
  for (std::size_t start = 0; start < block.size();) {
    const auto end = block.find('\n', start);
    const std::string line = block.substr(start, end - start);
    REQUIRE(line.starts_with("   "));
    table += line.substr(3) + "\n";
    start = end == std::string::npos ? block.size() : end + 1;
  }
  const auto listed = run_kneeplan({"exercises", "--ladders"});
  REQUIRE(listed.exit_code == 0);
  CHECK(table == listed.out);
  CHECK(table.find("**Side plank**") != std::string::npos);
}

TEST_CASE("CI runs the README's test command", "[readme]") {
  const std::string readme = read_file(source_dir() / "README.md");
  const std::string ci = read_file(source_dir() / ".ci/run");
  CHECK(readme.find("scripts/setup test") != std::string::npos);
  CHECK(readme.find("scripts/setup plan") != std::string::npos);
  CHECK(ci.find("scripts/setup test") != std::string::npos);
}

TEST_CASE("README's valgrind command uses a dynamically linked build", "[readme]") {
  // Valgrind cannot follow a static binary's allocations, nor run an ASan one.
  const std::string readme = read_file(source_dir() / "README.md");
  const auto command = readme.find("valgrind --error-exitcode=1");
  REQUIRE(command != std::string::npos);
  const auto binary = readme.find("build-memcheck/kneeplan", command);
  CHECK(binary != std::string::npos);
  CHECK(readme.rfind("cmake --preset memcheck", command) != std::string::npos);

  const auto presets = nlohmann::json::parse(read_file(source_dir() / "CMakePresets.json"));
  const nlohmann::json* memcheck = nullptr;
  for (const auto& preset : presets["configurePresets"]) {
    if (preset["name"] == "memcheck") memcheck = &preset;
  }
  REQUIRE(memcheck != nullptr);
  CHECK((*memcheck)["binaryDir"] == "${sourceDir}/build-memcheck");
  const auto& variables = (*memcheck)["cacheVariables"];
  CHECK(variables.value("KNEEPLAN_STATIC", "") == "OFF");
  CHECK(variables.value("KNEEPLAN_SANITIZE", "OFF") == "OFF");
}
