// Replays every input saved under tests/data/fuzz-regressions through the
// paths the fuzz targets drive (fuzz/fuzz_paths.cpp, included below so the
// replay is exactly what the fuzzer ran): as a catalogue, as fuzz_plan's
// input (profile, guidelines and safety rules, with the last two bytes as the
// plan's weeks and rest day) and through validate. Each path must end in
// success or in a DataError with a well-formed, non-empty diagnostic; any
// other exception fails the test, and a crash or sanitizer report stops it.
// Each input NAME comes with NAME.txt, saying what it once triggered.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "../../fuzz/fuzz_paths.cpp"
#include "run.hpp"

namespace {

namespace fs = std::filesystem;

fs::path regressions_dir() { return kneeplan::test::source_dir() / "tests" / "data" / "fuzz-regressions"; }

fs::path description_of(const fs::path& input) {
  fs::path description = input;
  description += ".txt";
  return description;
}

// Every saved input: each regular file that is not a NAME.txt description.
std::vector<fs::path> regression_inputs() {
  std::vector<fs::path> inputs;
  if (!fs::is_directory(regressions_dir())) return inputs;
  for (const auto& entry : fs::directory_iterator(regressions_dir())) {
    if (entry.is_regular_file() && entry.path().extension() != ".txt") inputs.push_back(entry.path());
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

}  // namespace

TEST_CASE("fuzz regressions: the directory holds inputs, each with its description", "[fuzz]") {
  const std::vector<fs::path> inputs = regression_inputs();
  INFO("directory " << regressions_dir().string());
  REQUIRE_FALSE(inputs.empty());
  for (const auto& input : inputs) {
    INFO("input " << input.filename().string());
    REQUIRE(fs::is_regular_file(description_of(input)));
    CHECK_FALSE(kneeplan::test::read_file(description_of(input)).empty());
  }
}

TEST_CASE("fuzz regressions: every input ends in success or a DataError", "[fuzz]") {
  using namespace kneeplan::fuzzing;
  for (const auto& input : regression_inputs()) {
    const std::string bytes = kneeplan::test::read_file(input);
    INFO("input " << input.filename().string() << " (" << bytes.size() << " bytes)");

    Outcome catalogue;
    CHECK_NOTHROW(catalogue = run_catalogue(bytes));
    CHECK(catalogue.accepted + catalogue.rejected == 1);

    Outcome plan;
    CHECK_NOTHROW(plan = run_plan(bytes));
    CHECK(plan.accepted + plan.rejected == 3);  // as a profile, guidelines and safety rules
    CHECK(plan.accepted <= 1);

    Outcome validate;
    CHECK_NOTHROW(validate = run_validate(bytes));
    CHECK(validate.accepted + validate.rejected == 1);

    Outcome journal;
    CHECK_NOTHROW(journal = run_journal(bytes));
    CHECK(journal.accepted + journal.rejected == 1);
  }
}

TEST_CASE("fuzz regressions: the harness's own checks", "[fuzz]") {
  using kneeplan::fuzzing::well_formed_place;
  CHECK(well_formed_place(""));
  CHECK(well_formed_place("/"));
  CHECK(well_formed_place("/exercises/0/a~1b~0c"));
  CHECK(well_formed_place("12:3"));
  CHECK_FALSE(well_formed_place("/a~2"));
  CHECK_FALSE(well_formed_place("/a~"));
  CHECK_FALSE(well_formed_place("0:1"));
  CHECK_FALSE(well_formed_place("12:"));
  CHECK_FALSE(well_formed_place("line 3"));

  // The last two bytes choose the weeks (1-52) and the rest day; the rest is the text.
  const std::string bytes = std::string("{}") + '\x01' + '\x39';
  const auto input = kneeplan::fuzzing::split_plan_input(bytes);
  CHECK(input.text == "{}");
  CHECK(input.options.weeks == 1 + 0x0139 % 52);
  CHECK(input.options.rest_day == static_cast<kneeplan::Weekday>(0x0139 / 52 % 7));
  CHECK(kneeplan::fuzzing::split_plan_input("{").options.weeks == 4);

  // A DataError without a diagnostic is itself a bug the harness reports.
  CHECK_THROWS_AS(kneeplan::fuzzing::check_rejection(kneeplan::DataError(std::vector<kneeplan::Diagnostic>{})),
                  kneeplan::fuzzing::FuzzFailure);
  CHECK_NOTHROW(kneeplan::fuzzing::check_rejection(kneeplan::DataError("fuzz", "1:1", "invalid JSON")));
}
