// End to end: the screen and the gate at every age band, pain level and
// history item, and what a person gets for each shipped example profile.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "golden.hpp"
#include "run.hpp"

using kneeplan::test::check_golden;
using kneeplan::test::RunResult;
using kneeplan::test::run_kneeplan;
using kneeplan::test::scratch_dir;
using kneeplan::test::source_dir;
using kneeplan::test::write_file;

namespace {

const std::string kStart = "2026-11-23";  // a Monday

std::vector<std::string> command(const std::string& name, const std::vector<std::string>& args) {
  std::vector<std::string> out{name};
  out.insert(out.end(), args.begin(), args.end());
  if (name != "check") out.insert(out.end(), {"--start", kStart});
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// `text` with each line break and the indent after it read as one space, so
// that wrapped sentences can be looked for whole.
std::string flat(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n') {
      out += text[i];
      continue;
    }
    while (i + 1 < text.size() && text[i + 1] == ' ') ++i;
    out += ' ';
  }
  return out;
}

// check's closing verdict: from its last "Result: " to the end, unwrapped.
std::string result_of(const std::string& out) {
  const auto at = out.rfind("\nResult: ");
  if (at == std::string::npos) return {};
  return flat(out.substr(at + 1));
}

std::set<std::string> warning_ids(const nlohmann::json& plan) {
  std::set<std::string> ids;
  for (const auto& warning : plan["warnings"]) ids.insert(warning["id"].get<std::string>());
  return ids;
}

std::vector<nlohmann::json> items(const nlohmann::json& plan, const std::string& category) {
  std::vector<nlohmann::json> out;
  for (const auto& week : plan["weeks"]) {
    for (const auto& day : week["days"]) {
      for (const auto& item : day["items"]) {
        if (item["category"] == category) out.push_back(item);
      }
    }
  }
  return out;
}

// The notes of the last training day of the plan's last week.
std::vector<std::string> last_notes(const nlohmann::json& plan) {
  const auto& days = plan["weeks"].back()["days"];
  for (auto day = days.rbegin(); day != days.rend(); ++day) {
    if (!(*day)["rest"].get<bool>()) return (*day)["notes"].get<std::vector<std::string>>();
  }
  return {};
}

nlohmann::json exported(const std::vector<std::string>& args) {
  const RunResult result = run_kneeplan(command("export", args));
  INFO("stderr: " << result.err);
  REQUIRE(result.exit_code == 0);
  return nlohmann::json::parse(result.out);
}

}  // namespace

TEST_CASE("safety gate: exit codes of check, plan and export at and around every threshold", "[cli][gate]") {
  struct Row {
    std::vector<std::string> args;
    int check;  // exit code of `check`
    int plan;   // exit code of `plan` and `export`
    std::vector<std::string> named;      // rule ids `check` must print
    std::vector<std::string> not_named;  // ... and must not
  };
  const std::vector<Row> rows{
      // Age bands: under 8 never, cleared or not; 8-17 refer, a youth plan with clearance; 18 an adult.
      {{"--age", "0", "--cleared"}, 3, 3, {"under-8"}, {"under-18", "youth-supervision"}},
      {{"--age", "7"}, 3, 3, {"under-8"}, {"under-18"}},
      {{"--age", "7", "--cleared"}, 3, 3, {"under-8"}, {"youth-supervision"}},
      {{"--age", "8"}, 3, 3, {"under-18", "youth-supervision"}, {"under-8"}},
      {{"--age", "8", "--cleared"}, 3, 0, {"under-18", "youth-supervision", "youth-stretching"}, {"breathing-rule"}},
      {{"--age", "17", "--cleared"}, 3, 0, {"under-18", "youth-supervision"}, {"breathing-rule"}},
      {{"--age", "18"}, 0, 0, {"breathing-rule"}, {"under-18", "youth-supervision", "age-unknown"}},
      // Pain: 6 is moderate, 7 severe; any pain stops the plan at the checkpoint.
      {{"--age", "30", "--pain", "6"}, 0, 0, {"moderate-pain", "pain-checkpoint"}, {"severe-pain"}},
      {{"--age", "30", "--pain", "6", "--cleared"}, 0, 0, {"moderate-pain"}, {"severe-pain"}},
      {{"--age", "30", "--pain", "7"}, 3, 3, {"severe-pain", "pain-checkpoint"}, {"moderate-pain"}},
      {{"--age", "30", "--pain", "7", "--cleared"}, 3, 0, {"severe-pain"}, {}},
      {{"--age", "30", "--pain", "0"}, 0, 0, {}, {"pain-checkpoint"}},
      {{"--age", "30", "--pain", "1"}, 0, 0, {"pain-checkpoint"}, {}},
      // History.
      {{"--age", "30", "--history", "knee-surgery"}, 3, 3, {"history-knee-surgery"}, {}},
      {{"--age", "30", "--history", "knee-surgery", "--cleared"}, 3, 0, {"history-knee-surgery"}, {}},
      {{"--age", "30", "--history", "hip-surgery"}, 3, 3, {"history-hip-surgery"}, {}},
      {{"--age", "30", "--history", "joint-replacement"}, 3, 3, {"history-joint-replacement"}, {}},
      {{"--age", "30", "--history", "joint-replacement", "--cleared"}, 3, 0, {"history-joint-replacement"}, {}},
      {{"--age", "30", "--history", "osteoporosis"}, 0, 0, {"history-osteoporosis"}, {}},
      // Adults: getting worse is a refer; a gap over 8 cm a caution.
      {{"--age", "30", "--symptom", "worsening"}, 3, 3, {"adult-worsening"}, {"child-worsening"}},
      {{"--age", "30", "--symptom", "worsening", "--cleared"}, 3, 0, {"adult-worsening"}, {}},
      {{"--symptom", "worsening"}, 3, 3, {"adult-worsening", "age-unknown"}, {}},
      {{"--age", "30", "--ankle-gap-cm", "8"}, 0, 0, {"ankle-gap-recheck"}, {"adult-ankle-gap"}},
      {{"--age", "30", "--ankle-gap-cm", "8.5"}, 0, 0, {"adult-ankle-gap", "ankle-gap-recheck"}, {"child-ankle-gap"}},
      {{"--age", "12", "--ankle-gap-cm", "8.5", "--cleared"}, 3, 0, {"child-ankle-gap"}, {"adult-ankle-gap"}},
      // No age: the child checks cannot run, and check says so.
      {{"--side", "left"}, 0, 0, {"age-unknown"}, {"child-one-side"}},
      {{"--age", "12", "--side", "left", "--cleared"}, 3, 0, {"child-one-side"}, {"age-unknown"}},
      // Urgent always withholds.
      {{"--age", "30", "--symptom", "buckling", "--cleared"}, 3, 3, {"symptom-buckling"}, {}},
  };
  const auto dir = scratch_dir();
  for (const Row& row : rows) {
    std::string name;
    for (const auto& arg : row.args) name += arg + " ";
    INFO(name);
    const RunResult check = run_kneeplan(command("check", row.args));
    CHECK(check.exit_code == row.check);
    for (const auto& id : row.named) CHECK(has(check.out, "[" + id + "]"));
    for (const auto& id : row.not_named) CHECK_FALSE(has(check.out, "[" + id + "]"));

    const RunResult plan = run_kneeplan(command("plan", row.args));
    CHECK(plan.exit_code == row.plan);
    CHECK(plan.out.empty() == (row.plan != 0));

    const auto file = dir / "plan.json";
    auto to_file = command("export", row.args);
    to_file.insert(to_file.end(), {"-o", file.string()});
    CHECK(run_kneeplan(to_file).exit_code == row.plan);
    CHECK(std::filesystem::exists(file) == (row.plan == 0));
    std::filesystem::remove(file);
  }
}

TEST_CASE("safety gate: urgent reads as urgent in check and at the gate", "[cli][gate]") {
  const RunResult check = run_kneeplan({"check", "--symptom", "buckling"});
  CHECK(check.exit_code == 3);
  const auto lines = lines_of(check.out);
  CHECK(result_of(check.out) == "Result: Get medical help now, and do not start these exercises. ");
  CHECK(has(check.out, "emergency number"));
  // No general advice after an urgent finding in text ...
  for (const auto& line : lines) CHECK_FALSE(line.starts_with("Info"));
  CHECK_FALSE(has(check.out, "not-a-diagnosis"));
  CHECK_FALSE(has(check.out, "see a doctor before you start"));
  // ... but --json keeps every finding.
  const auto json = nlohmann::json::parse(run_kneeplan({"check", "--json", "--symptom", "buckling"}).out);
  std::set<std::string> ids;
  for (const auto& finding : json["findings"]) ids.insert(finding["id"].get<std::string>());
  CHECK(ids.contains("not-a-diagnosis"));
  CHECK(ids.contains("age-unknown"));

  for (const std::string name : {"plan", "export"}) {
    INFO(name);
    const RunResult gate = run_kneeplan(command(name, {"--symptom", "buckling", "--cleared", "--pain", "5"}));
    CHECK(gate.exit_code == 3);
    CHECK(gate.out.empty());
    const auto err = lines_of(gate.err);
    REQUIRE_FALSE(err.empty());
    CHECK(err.back() == "kneeplan: no plan given. Get medical help now, and do not start these exercises.");
    for (const auto& line : err) CHECK_FALSE(line.starts_with("Info"));
    CHECK(has(gate.err, "[moderate-pain]"));  // cautions still show
    CHECK(has(gate.err, "emergency number"));
  }
  // Without an urgent finding, the info findings are printed as before.
  const RunResult refer = run_kneeplan({"check", "--age", "15"});
  CHECK(has(refer.out, "[not-a-diagnosis]"));
  CHECK(result_of(refer.out).starts_with("Result: See a doctor before you start."));
}

TEST_CASE("safety gate: --history is repeatable, in the profile file too, and an unknown item is a usage error",
          "[cli][gate]") {
  const RunResult unknown = run_kneeplan({"check", "--history", "knee-op"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.out.empty());
  for (const char* known : {"knee-surgery", "hip-surgery", "joint-replacement", "osteoporosis"}) {
    CHECK(has(unknown.err, known));
  }
  const auto plan = exported({"--age", "60", "--history", "osteoporosis", "--history", "osteoporosis", "--weeks", "1"});
  CHECK(plan["profile"]["history"] == nlohmann::json::array({"osteoporosis"}));
  CHECK(warning_ids(plan).contains("history-osteoporosis"));

  const auto dir = scratch_dir();
  const auto profile = dir / "me.json";
  write_file(profile, R"({"format": "kneeplan.profile/1", "age": 50, "history": ["hip-surgery"]})");
  const RunResult from_file = run_kneeplan({"check", "--profile", profile.string()});
  CHECK(from_file.exit_code == 3);
  CHECK(has(from_file.out, "[history-hip-surgery]"));
  write_file(profile, R"({"format": "kneeplan.profile/1", "history": ["hip-replacement"]})");
  const RunResult bad = run_kneeplan({"check", "--profile", profile.string()});
  CHECK(bad.exit_code == 1);
  CHECK(has(bad.err, "/history/0"));
  // The help says what the surgeries mean.
  CHECK(has(run_kneeplan({"plan", "--help"}).out, "last 6 months"));
}

// ---------------------------------------------------------------- what a person gets

TEST_CASE("person: under 8, cleared, gets no plan and is told why", "[cli][person]") {
  const RunResult plan = run_kneeplan(command("plan", {"--age", "3", "--cleared"}));
  CHECK(plan.exit_code == 3);
  CHECK(plan.out.empty());
  CHECK(has(plan.err, "[under-8]"));
  CHECK(has(plan.err, "even with a clinician's clearance"));
  CHECK(lines_of(plan.err).back().starts_with("kneeplan: no plan given. No exercise plan for this profile"));
  CHECK(run_kneeplan(command("export", {"--age", "3", "--cleared"})).exit_code == 3);
  const RunResult check = run_kneeplan(command("check", {"--age", "3", "--cleared"}));
  CHECK(check.exit_code == 3);
  CHECK(has(check.out, "normal growth"));
  CHECK(result_of(check.out).starts_with("Result: No exercise plan for this profile, even with a clinician's"));
  check_golden("person-age-3-cleared.txt", "exit " + std::to_string(plan.exit_code) + "\n--- stdout\n" + plan.out +
                                               "--- stderr\n" + plan.err);
}

TEST_CASE("person: age 12, cleared, gets a supervised youth plan", "[cli][person]") {
  const auto plan = exported({"--age", "12", "--cleared"});
  CHECK(plan["options"]["weeks"] == 4);
  const auto ids = warning_ids(plan);
  for (const char* id : {"under-18", "youth-supervision", "youth-stretching"}) CHECK(ids.contains(id));
  CHECK_FALSE(ids.contains("breathing-rule"));  // no "stretch to discomfort" for a child
  const auto strength = items(plan, "strength");
  REQUIRE_FALSE(strength.empty());
  std::set<int> sets;
  for (const auto& item : strength) {
    CHECK(item["reps"] == nlohmann::json({{"min", 6}, {"max", 15}}));
    sets.insert(item["sets"].get<int>());
  }
  CHECK(sets == std::set<int>{1, 2});  // 1-3 sets: one more after 2 weeks
  for (const auto* category : {"stretch", "foam_roll"}) {
    for (const auto& item : items(plan, category)) {
      const std::string cue = plan["exercises"][item["exercise"].get<std::string>()]["cues"][0];
      CHECK(has(cue, "comfortable"));
      CHECK_FALSE(has(cue, "Work into"));
    }
  }
  // Strength on non-consecutive days.
  std::vector<std::string> strength_days;
  for (const auto& week : plan["weeks"]) {
    for (const auto& day : week["days"]) {
      for (const auto& item : day["items"]) {
        if (item["category"] == "strength") {
          strength_days.push_back(day["weekday"]);
          break;
        }
      }
    }
  }
  CHECK(std::count(strength_days.begin(), strength_days.end(), "monday") == 4);
  CHECK(std::count(strength_days.begin(), strength_days.end(), "tuesday") == 0);

  const RunResult text = run_kneeplan(command("plan", {"--age", "12", "--cleared"}));
  CHECK(text.exit_code == 0);
  CHECK(has(flat(text.out), "An adult who knows these exercises should watch every session"));
  CHECK_FALSE(has(text.out, "feel uncomfortable"));
  check_golden("person-age-12-cleared.txt", "exit 0\n--- stdout\n" + text.out + "--- stderr\n" + text.err);
}

TEST_CASE("person: severe pain, cleared, is held at the fewest sets and stops at the checkpoint", "[cli][person]") {
  const auto plan = exported({"--pain", "9", "--cleared", "--weeks", "12"});
  CHECK(plan["options"]["weeks"] == 4);
  CHECK(plan["weeks"].size() == 4);
  for (const auto& item : items(plan, "strength")) CHECK(item["sets"] == 1);
  const auto ids = warning_ids(plan);
  CHECK(ids.contains("severe-pain"));
  CHECK(ids.contains("pain-checkpoint"));
  const auto notes = last_notes(plan);
  REQUIRE_FALSE(notes.empty());
  CHECK(has(notes.back(), "--weeks-done 4 --pain 0"));
  // Held at least as strictly as moderate pain: no more sets, item for item.
  const auto severe = items(plan, "strength");
  const auto moderate = items(exported({"--pain", "5", "--weeks", "12"}), "strength");
  REQUIRE(severe.size() == moderate.size());
  for (std::size_t i = 0; i < severe.size(); ++i) CHECK(severe[i]["sets"] <= moderate[i]["sets"]);

  const RunResult text = run_kneeplan(command("plan", {"--pain", "9", "--cleared"}));
  CHECK(text.exit_code == 0);
  CHECK(has(text.out, "Week 4"));
  CHECK_FALSE(has(text.out, "Week 5"));
  check_golden("person-pain-9-cleared.txt", "exit 0\n--- stdout\n" + text.out + "--- stderr\n" + text.err);
}

TEST_CASE("person: pain 2 for 12 weeks gets the 4 weeks up to the checkpoint, and what to do next", "[cli][person]") {
  const auto plan = exported({"--pain", "2", "--weeks", "12"});
  CHECK(plan["options"]["weeks"] == 4);
  CHECK(plan["weeks"].size() == 4);
  const auto notes = last_notes(plan);
  REQUIRE(notes.size() == 2);
  CHECK(has(notes[0], "see a doctor"));
  CHECK(has(notes[1], "ends here because you have knee pain"));
  CHECK(has(notes[1], "--weeks-done 4 --pain 0"));
  // Pain 0 runs to --weeks.
  CHECK(exported({"--pain", "0", "--weeks", "12"})["weeks"].size() == 12);
  // The next plan the note points to is given, and a plan with pain after 4 weeks is not.
  CHECK(run_kneeplan(command("plan", {"--pain", "0", "--weeks-done", "4"})).exit_code == 0);
  CHECK(run_kneeplan(command("plan", {"--pain", "2", "--weeks-done", "4"})).exit_code == 3);

  const RunResult text = run_kneeplan(command("plan", {"--pain", "2", "--weeks", "12"}));
  CHECK(text.exit_code == 0);
  CHECK(has(text.out, "Week 4"));
  CHECK_FALSE(has(text.out, "Week 5"));
  CHECK(has(flat(text.out), "the plan stops at the routine's next 4-week checkpoint"));
  check_golden("person-pain-2-weeks-12.txt", "exit 0\n--- stdout\n" + text.out + "--- stderr\n" + text.err);
}

TEST_CASE("person: each shipped example profile", "[cli][person]") {
  struct Expect {
    std::string file;
    std::size_t weeks;          // the plan stops at the checkpoint: every example reports some pain
    std::string stop_weeks_done;
    std::vector<std::string> warnings;
  };
  const std::vector<Expect> profiles{
      {"adult-novice.json", 4, "4", {"pain-checkpoint", "bmi-below-30", "ankle-gap-recheck", "not-a-diagnosis"}},
      {"home-no-step.json", 2, "4", {"pain-checkpoint", "breathing-rule"}},
      {"older-adult.json", 4, "4", {"pain-checkpoint", "cause-arthritis"}},
  };
  std::size_t seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "data/profiles")) {
    if (entry.path().extension() == ".json") ++seen;
  }
  CHECK(seen == profiles.size());  // a new example profile needs a row here
  for (const Expect& e : profiles) {
    INFO(e.file);
    const std::string path = (source_dir() / "data/profiles" / e.file).string();
    CHECK(run_kneeplan({"check", "--profile", path}).exit_code == 0);
    const auto plan = exported({"--profile", path});
    CHECK(plan["weeks"].size() == e.weeks);
    CHECK(plan["options"]["weeks"] == e.weeks);
    const auto ids = warning_ids(plan);
    for (const auto& id : e.warnings) CHECK(ids.contains(id));
    CHECK_FALSE(ids.contains("age-unknown"));
    const auto notes = last_notes(plan);
    REQUIRE_FALSE(notes.empty());
    CHECK(has(notes.back(), "--weeks-done " + e.stop_weeks_done + " --pain 0"));

    const RunResult text = run_kneeplan(command("plan", {"--profile", path}));
    CHECK(text.exit_code == 0);
    const std::string stem = std::filesystem::path(e.file).stem().string();
    check_golden("person-" + stem + ".txt", "exit 0\n--- stdout\n" + text.out + "--- stderr\n" + text.err);
  }
  // The older adult gets the older reps.
  for (const auto& item : items(exported({"--profile", (source_dir() / "data/profiles/older-adult.json").string()}),
                                "strength")) {
    CHECK(item["reps"] == nlohmann::json({{"min", 10}, {"max", 15}}));
  }
}
