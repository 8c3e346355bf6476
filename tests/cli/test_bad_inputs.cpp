// End to end: broken catalogue and profile files are refused with a clear
// error naming the file and the place, exit 1, and no output; never a crash.
//
// Fixtures live in tests/data/bad/{catalogue,profile}/NAME.json. NAME.expect
// holds the diagnostics kneeplan must print, one line each, as the text that
// follows the file path ("kneeplan: PATH" + line). `validate` cannot tell what
// a file is meant to be without a usable "format", so NAME.validate.expect,
// when present, replaces NAME.expect for `validate` only.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "kneeplan/io/load.hpp"
#include "run.hpp"

namespace fs = std::filesystem;
using kneeplan::test::read_file;
using kneeplan::test::run_kneeplan;
using kneeplan::test::RunOptions;
using kneeplan::test::RunResult;
using kneeplan::test::scratch_dir;
using kneeplan::test::source_dir;
using kneeplan::test::write_file;

namespace {

const std::string kStart = "2026-11-23";
constexpr std::size_t kMinFixturesPerKind = 20;

enum class Kind { catalogue, profile };

std::string name_of(Kind kind) { return kind == Kind::catalogue ? "catalogue" : "profile"; }

fs::path fixture_dir(Kind kind) { return source_dir() / "tests/data/bad" / name_of(kind); }

// The fixture files of one kind, sorted so runs and failures are reproducible.
std::vector<fs::path> fixtures(Kind kind) {
  std::vector<fs::path> found;
  if (!fs::is_directory(fixture_dir(kind))) return found;
  for (const auto& entry : fs::directory_iterator(fixture_dir(kind))) {
    if (entry.path().extension() == ".json") found.push_back(entry.path());
  }
  std::sort(found.begin(), found.end());
  return found;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    if (end == std::string::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// The diagnostics expected for `fixture`, read from its .expect file(s).
std::vector<std::string> expected_diagnostics(const fs::path& fixture, bool for_validate) {
  fs::path expect = fs::path(fixture).replace_extension(".validate.expect");
  if (!for_validate || !fs::exists(expect)) expect = fs::path(fixture).replace_extension(".expect");
  INFO("expectation file: " << expect);
  REQUIRE(fs::is_regular_file(expect));
  auto lines = split_lines(read_file(expect));
  REQUIRE_FALSE(lines.empty());
  for (const auto& line : lines) REQUIRE_FALSE(line.empty());
  return lines;
}

// Everything a refused input must produce. `expected` lists, per stderr line,
// the text that must follow "kneeplan: PATH"; each is a prefix of the rest of
// the line, so a fixture may leave out a volatile tail.
void require_refused(const RunResult& result, const std::string& path, const std::vector<std::string>& expected) {
  INFO("stderr:\n" << result.err);
  INFO("stdout:\n" << result.out);
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  REQUIRE_FALSE(result.err.empty());
  CHECK(result.err.back() == '\n');
  const auto lines = split_lines(result.err);
  const std::string prefix = "kneeplan: " + path;
  for (const auto& line : lines) {
    INFO("line: " << line);
    CHECK(line.starts_with("kneeplan: "));
  }
  REQUIRE(lines.front().starts_with(prefix));
  // One line per expected diagnostic: nothing lost, nothing extra.
  REQUIRE(lines.size() == expected.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    INFO("line " << i + 1 << ": " << lines[i]);
    INFO("expected: " << prefix << expected[i]);
    CHECK(lines[i].starts_with(prefix + expected[i]));
  }
}

// Removes a scratch directory when the check that made it is done; hundreds
// of runs would otherwise leave hundreds of directories behind.
struct RemovedAtExit {
  fs::path dir;
  explicit RemovedAtExit(fs::path directory) : dir(std::move(directory)) {}
  RemovedAtExit(const RemovedAtExit&) = delete;
  RemovedAtExit& operator=(const RemovedAtExit&) = delete;
  ~RemovedAtExit() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
};

// Lists what is in `dir`, for failure messages.
std::string listing(const fs::path& dir) {
  std::string names;
  for (const auto& entry : fs::directory_iterator(dir)) names += entry.path().filename().string() + " ";
  return names;
}

// Runs `validate FILE`, then an export that reads FILE as `kind` and writes to
// an empty scratch directory, which must stay empty: no plan and no temp file.
// The working directory is an empty scratch directory as well.
void require_both_commands_refuse(Kind kind, const std::string& path, const std::vector<std::string>& for_validate,
                                  const std::vector<std::string>& for_export, RunOptions options = {}) {
  const fs::path work = scratch_dir();
  const RemovedAtExit cleanup{work};
  REQUIRE(::chmod(work.c_str(), 0777) == 0);  // writable by nobody too, so only the input can make export fail
  options.cwd = work.string();

  SECTION("validate") {
    require_refused(run_kneeplan({"validate", path}, options), path, for_validate);
    INFO("left behind: " << listing(work));
    CHECK(fs::is_empty(work));
  }
  SECTION("export -o") {
    const std::string out = (work / "plan.json").string();
    const auto result = kind == Kind::catalogue
                            ? run_kneeplan({"--catalogue", path, "export", "--start", kStart, "-o", out}, options)
                            : run_kneeplan({"export", "--profile", path, "--start", kStart, "-o", out}, options);
    require_refused(result, path, for_export);
    INFO("left behind: " << listing(work));
    CHECK_FALSE(fs::exists(out));
    CHECK(fs::is_empty(work));  // also no .plan.json.XXXXXX
  }
}

void check_fixture_corpus(Kind kind) {
  const auto files = fixtures(kind);
  INFO("fixture directory: " << fixture_dir(kind));
  // A lost or renamed directory must not pass with nothing checked.
  REQUIRE(files.size() >= kMinFixturesPerKind);

  for (const auto& file : files) {
    DYNAMIC_SECTION(name_of(kind) << "/" << file.filename().string()) {
      require_both_commands_refuse(kind, file.string(), expected_diagnostics(file, true),
                                   expected_diagnostics(file, false));
    }
  }
}

// Every expectation belongs to a fixture, so a renamed fixture is not silently skipped.
void check_no_orphan_expectations(Kind kind) {
  for (const auto& entry : fs::directory_iterator(fixture_dir(kind))) {
    const std::string name = entry.path().filename().string();
    INFO("file: " << entry.path());
    if (name.ends_with(".validate.expect")) {
      CHECK(fs::exists(fixture_dir(kind) / (name.substr(0, name.size() - 16) + ".json")));
    } else if (name.ends_with(".expect")) {
      CHECK(fs::exists(fs::path(entry.path()).replace_extension(".json")));
    } else {
      CHECK(name.ends_with(".json"));
    }
  }
}

// One diagnostic whose text after the path is `message`.
std::vector<std::string> one(const std::string& message) { return {message}; }

std::string nested_arrays(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// The JSON pointer "/0/0/.../0" with `count` steps.
std::string zeros(std::size_t count) {
  std::string pointer;
  for (std::size_t i = 0; i < count; ++i) pointer += "/0";
  return pointer;
}

}  // namespace

TEST_CASE("bad inputs - catalogue fixtures are refused with their diagnostics", "[cli][bad]") {
  check_fixture_corpus(Kind::catalogue);
}

TEST_CASE("bad inputs - profile fixtures are refused with their diagnostics", "[cli][bad]") {
  check_fixture_corpus(Kind::profile);
}

TEST_CASE("bad inputs - every expectation file has its fixture", "[cli][bad]") {
  check_no_orphan_expectations(Kind::catalogue);
  check_no_orphan_expectations(Kind::profile);
}

// The fixtures are small edits of files like these; that these pass through the
// same commands shows each fixture fails for its edit, not for the harness.
TEST_CASE("bad inputs - control: the shipped files pass the same commands", "[cli][bad]") {
  const fs::path work = scratch_dir();
  const RemovedAtExit cleanup{work};
  const std::string out = (work / "plan.json").string();
  const std::string catalogue = (source_dir() / "data/catalogue.json").string();
  const std::string profile = (source_dir() / "data/profiles/adult-novice.json").string();

  const auto validated = run_kneeplan({"validate", catalogue, profile});
  CHECK(validated.exit_code == 0);
  CHECK(validated.err.empty());

  const auto exported =
      run_kneeplan({"--catalogue", catalogue, "export", "--profile", profile, "--start", kStart, "-o", out});
  INFO(exported.err);
  CHECK(exported.exit_code == 0);
  CHECK(fs::exists(out));
}

TEST_CASE("bad inputs - a byte-order mark before a valid document is tolerated", "[cli][bad]") {
  const fs::path work = scratch_dir();
  const RemovedAtExit cleanup{work};
  const std::string bom = "\xEF\xBB\xBF";
  const fs::path profile = work / "bom-profile.json";
  const fs::path catalogue = work / "bom-catalogue.json";
  write_file(profile, bom + read_file(source_dir() / "data/profiles/adult-novice.json"));
  write_file(catalogue, bom + read_file(source_dir() / "data/catalogue.json"));

  const auto validated = run_kneeplan({"validate", profile.string(), catalogue.string()});
  INFO(validated.err);
  CHECK(validated.exit_code == 0);
  CHECK(validated.out.find("bom-profile.json: valid kneeplan.profile/1") != std::string::npos);
  CHECK(validated.out.find("bom-catalogue.json: valid kneeplan.catalogue/1") != std::string::npos);

  const fs::path out = work / "plan.json";
  const auto exported = run_kneeplan({"--catalogue", catalogue.string(), "export", "--profile", profile.string(),
                                      "--start", kStart, "-o", out.string()});
  INFO(exported.err);
  REQUIRE(exported.exit_code == 0);
  CHECK(nlohmann::json::parse(read_file(out))["profile"]["age"] == 34);
}

// JSON allows -0; where 0 is in range it reads as 0 (where it is not, see the
// reps-negative-zero and height-negative-zero fixtures).
TEST_CASE("bad inputs - minus zero is accepted as zero where zero is allowed", "[cli][bad]") {
  const fs::path work = scratch_dir();
  const RemovedAtExit cleanup{work};
  const fs::path profile = work / "minus-zero.json";
  write_file(profile, R"({"format": "kneeplan.profile/1", "age": 40, "pain": -0, "weeks_done": -0})");
  const fs::path out = work / "plan.json";
  const auto result = run_kneeplan({"export", "--profile", profile.string(), "--start", kStart, "-o", out.string()});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto plan = nlohmann::json::parse(read_file(out));
  CHECK(plan["profile"]["pain"] == 0);
  CHECK(plan["profile"]["weeks_done"] == 0);
}

TEST_CASE("bad inputs - generated files and paths that are not JSON files", "[cli][bad]") {
  const fs::path dir = scratch_dir();
  const RemovedAtExit cleanup{dir};

  SECTION("100,000 nested arrays as a profile") {
    const fs::path file = dir / "deep-profile.json";
    write_file(file, nested_arrays(100'000));
    // The place is the pointer to the first array too deep: the 65th level.
    const auto expected = one(": " + zeros(64) + ": nested more than 64 levels deep; expected a flatter document");
    require_both_commands_refuse(Kind::profile, file.string(), expected, expected);
  }
  SECTION("100,000 nested arrays inside a catalogue") {
    const fs::path file = dir / "deep-catalogue.json";
    write_file(file, R"({"format": "kneeplan.catalogue/1", "exercises": )" + nested_arrays(100'000) + "}");
    const auto expected =
        one(": /exercises" + zeros(63) + ": nested more than 64 levels deep; expected a flatter document");
    require_both_commands_refuse(Kind::catalogue, file.string(), expected, expected);
  }
  SECTION("a 20 MB file is refused by its size") {
    const fs::path file = dir / "huge.json";
    write_file(file, "");
    fs::resize_file(file, 20u * 1024u * 1024u);  // sparse: quick to make, and never read
    const auto expected =
        one(": file is 20971520 bytes; the limit is " + std::to_string(kneeplan::kMaxInputBytes) + " bytes");
    SECTION("as a profile") { require_both_commands_refuse(Kind::profile, file.string(), expected, expected); }
    SECTION("as a catalogue") { require_both_commands_refuse(Kind::catalogue, file.string(), expected, expected); }
  }
  SECTION("a directory") {
    const fs::path folder = dir / "folder.json";
    fs::create_directory(folder);
    const auto expected = one(": is a directory; expected a JSON file");
    SECTION("as a profile") { require_both_commands_refuse(Kind::profile, folder.string(), expected, expected); }
    SECTION("as a catalogue") { require_both_commands_refuse(Kind::catalogue, folder.string(), expected, expected); }
  }
  SECTION("a missing file") {
    const auto expected = one(": no such file; check the path");
    const std::string missing = (dir / "missing.json").string();
    SECTION("as a profile") { require_both_commands_refuse(Kind::profile, missing, expected, expected); }
    SECTION("as a catalogue") { require_both_commands_refuse(Kind::catalogue, missing, expected, expected); }
  }
  SECTION("a FIFO with no writer is refused, not waited on") {
    const fs::path fifo = dir / "fifo.json";
    REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
    const auto expected = one(": is not a regular file; expected a JSON file");
    SECTION("as a profile") { require_both_commands_refuse(Kind::profile, fifo.string(), expected, expected); }
    SECTION("as a catalogue") { require_both_commands_refuse(Kind::catalogue, fifo.string(), expected, expected); }
  }
  SECTION("an unreadable file") {
    // Root reads anything, so as root the child runs as nobody; the scratch
    // directory must then be searchable by nobody.
    REQUIRE(::chmod(dir.c_str(), 0755) == 0);
    RunOptions as_nobody;
    as_nobody.as_nobody = true;
    const std::string readable = (source_dir() / "data/profiles/adult-novice.json").string();
    const fs::path profile = dir / "profile.json";
    write_file(profile, read_file(readable));

    // Control: the same user reads the file while it is readable, so the
    // refusal below is about the permission and not about reaching the file.
    REQUIRE(::chmod(profile.c_str(), 0644) == 0);
    const auto control = run_kneeplan({"validate", profile.string()}, as_nobody);
    INFO(control.err);
    REQUIRE(control.exit_code == 0);

    REQUIRE(::chmod(profile.c_str(), 0) == 0);
    const auto expected = one(": permission denied; make the file readable");
    SECTION("as a profile") {
      require_both_commands_refuse(Kind::profile, profile.string(), expected, expected, as_nobody);
    }
    SECTION("as a catalogue") {
      require_both_commands_refuse(Kind::catalogue, profile.string(), expected, expected, as_nobody);
    }
  }
}

