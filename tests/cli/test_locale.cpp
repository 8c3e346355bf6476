// End to end: text views are spelled in ASCII when the locale is not UTF-8,
// and left as they are under UTF-8 and in the file formats.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "run.hpp"

using kneeplan::test::read_file;
using kneeplan::test::run_kneeplan;
using kneeplan::test::RunOptions;
using kneeplan::test::scratch_dir;
using kneeplan::test::source_dir;
using kneeplan::test::write_file;

namespace {

const std::string kName = "Seitst\u00fctz \u2014 \u201cPlanke\u201d";
const std::string kAsciiName = "Seitstutz - \"Planke\"";
const std::string kStep = "Auf der Stelle marschieren, Arme schwingen\u2026";
const std::string kAsciiStep = "Auf der Stelle marschieren, Arme schwingen...";

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

bool all_ascii(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// The built-in catalogue with the side plank named, and the warm-up's first
// step written, in German.
std::string german_catalogue() {
  nlohmann::json catalogue = nlohmann::json::parse(read_file(source_dir() / "data" / "catalogue.json"));
  bool named = false;
  bool stepped = false;
  for (auto& exercise : catalogue.at("exercises")) {
    if (exercise.at("id") == "side-plank") {
      exercise["name"] = kName;
      named = true;
    }
    if (exercise.at("id") == "warm-up") {
      exercise.at("steps").at(0) = kStep;
      stepped = true;
    }
  }
  REQUIRE(named);
  REQUIRE(stepped);
  const auto path = scratch_dir() / "catalogue.json";
  write_file(path, catalogue.dump(2));
  return path.string();
}

RunOptions in_locale(const std::string& locale) {
  RunOptions options;
  options.env.emplace("LC_ALL", locale);
  return options;
}

}  // namespace

TEST_CASE("text views are spelled in ASCII in the C locale and as written under UTF-8", "[cli][locale]") {
  const std::string catalogue = german_catalogue();
  const std::vector<std::vector<std::string>> commands{
      {"plan", "--start", "2026-11-23", "--detail", "full"},
      {"today", "--date", "2026-11-23"},
      {"exercises"},
      {"exercises", "show", "side-plank"},
  };
  for (const auto& command : commands) {
    std::vector<std::string> args{"--catalogue", catalogue};
    args.insert(args.end(), command.begin(), command.end());
    INFO("kneeplan " << command.front() << " " << (command.size() > 1 ? command[1] : ""));

    const auto plain = run_kneeplan(args, in_locale("C"));
    INFO(plain.err);
    REQUIRE(plain.exit_code == 0);
    CHECK(all_ascii(plain.out));
    CHECK(has(plain.out, kAsciiName));

    const auto utf8 = run_kneeplan(args, in_locale("C.UTF-8"));
    REQUIRE(utf8.exit_code == 0);
    CHECK(has(utf8.out, kName));
    CHECK_FALSE(has(utf8.out, kAsciiName));
  }
  // The warm-up's steps are printed with the full detail.
  const auto plan = run_kneeplan({"--catalogue", catalogue, "plan", "--start", "2026-11-23",
                                  "--detail", "full"},
                                 in_locale("POSIX"));
  REQUIRE(plan.exit_code == 0);
  CHECK(has(plan.out, kAsciiStep));
}

TEST_CASE("JSON and file formats stay UTF-8 whatever the locale", "[cli][locale]") {
  const std::string catalogue = german_catalogue();
  const auto json = run_kneeplan({"--catalogue", catalogue, "plan", "--start", "2026-11-23",
                                  "--format", "json"},
                                 in_locale("C"));
  INFO(json.err);
  REQUIRE(json.exit_code == 0);
  CHECK(has(json.out, kName));

  const auto markdown = scratch_dir() / "plan.md";
  const auto written = run_kneeplan({"--catalogue", catalogue, "plan", "--start",
                                     "2026-11-23", "--format", "markdown", "-o", markdown.string()},
                                    in_locale("C"));
  INFO(written.err);
  REQUIRE(written.exit_code == 0);
  CHECK(has(read_file(markdown), kName));
}
