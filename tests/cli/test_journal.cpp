// End to end: log, history, log undo, journal export/import/check and init,
// through the built binary, with the journal and profile in scratch places.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <sys/stat.h>

#include <filesystem>

#include "kneeplan/core/dates.hpp"
#include "kneeplan/io/journal_store.hpp"
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

// Runs kneeplan with `--journal JOURNAL` and no saved profile to find.
struct Journal {
  fs::path dir = scratch_dir();
  fs::path path = dir / "journal.db";

  RunResult run(std::vector<std::string> args, std::map<std::string, std::string> env = {}) const {
    args.insert(args.begin(), {"--journal", path.string()});
    RunOptions options;
    options.env = std::move(env);
    return run_kneeplan(args, options);
  }
  std::string exported() const {
    const auto result = run({"journal", "export"});
    REQUIRE(result.exit_code == 0);
    return result.out;
  }
};

mode_t mode_of(const fs::path& path) {
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 0777;
}

std::size_t lines_in(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

}  // namespace

TEST_CASE("log stores a session and prints it, and history shows it under its week", "[cli][journal]") {
  const Journal journal;
  const auto logged = journal.run({"log", "--date", "2026-11-20", "--done", "side-plank=left:2x12,right:2x10",
                                   "--done", "leg-muscles-stretch=150", "--skipped", "side-step-up=no step",
                                   "--pain-before", "2", "--pain-during", "3", "--knee", "left", "--note", "felt ok"});
  INFO(logged.err);
  REQUIRE(logged.exit_code == 0);
  CHECK(logged.out.find("Side plank: left 2 x 12 reps, right 2 x 10 reps") != std::string::npos);
  CHECK(logged.out.find("left knee: before 2, during (worst) 3") != std::string::npos);
  CHECK(logged.out.find("right knee") == std::string::npos);

  // The next morning's pain joins the same entry.
  const auto next = journal.run({"log", "--date", "2026-11-20", "--pain-next-day", "1", "--json"});
  REQUIRE(next.exit_code == 0);
  const auto entry = nlohmann::json::parse(next.out);
  CHECK(entry["pain"]["next_day"] == nlohmann::json{{"left", 1}, {"right", 1}});
  CHECK(entry["pain"]["before"] == nlohmann::json{{"left", 2}});
  CHECK(entry["done"].size() == 4);
  CHECK(entry["notes"] == nlohmann::json{"felt ok"});

  REQUIRE(journal.run({"log", "--date", "2026-11-10", "--done", "single-leg-bridge=2x8"}).exit_code == 0);
  const auto history = journal.run({"history"});
  REQUIRE(history.exit_code == 0);
  const auto this_week = history.out.find("Week of Mon 2026-11-16: 1 of 6 sessions done; worst pain left 3, right 1");
  const auto last_week = history.out.find("Week of Mon 2026-11-09: 1 of 6 sessions done; no pain recorded");
  CHECK(this_week != std::string::npos);
  CHECK(last_week != std::string::npos);
  CHECK(this_week < last_week);  // newest first

  const auto window = journal.run({"history", "--from", "2026-11-01", "--to", "2026-11-15", "--json"});
  REQUIRE(window.exit_code == 0);
  const auto weeks = nlohmann::json::parse(window.out)["weeks"];
  REQUIRE(weeks.size() == 1);
  CHECK(weeks[0]["monday"] == "2026-11-09");
  CHECK(weeks[0]["entries"][0]["date"] == "2026-11-10");
}

TEST_CASE("log: a usage error stores nothing and creates no journal", "[cli][journal]") {
  const Journal journal;
  const std::vector<std::vector<std::string>> cases{
      {"--done", "side-plonk=2x12"},                         // unknown id
      {"--skipped", "nothing-like-it"},                      // unknown id
      {"--pain-after", "11"},                                // pain outside 0-10
      {"--pain-before", "-1"},
      {"--date", "2999-01-01", "--done", "side-plank=2x12"},  // future
      {"--date", "1999-12-31", "--done", "side-plank=2x12"},  // before 2000
      {"--done", "side-plank=2x25"},                          // more than twice the catalogue's 12
      {"--done", "leg-muscles-stretch=301"},                  // more than twice 150 s
      {"--done", "side-plank=2y12"},
      {"--pain-next-day", "2"},                               // today's next morning has not come
      {"--symptom-gone", "buckling"},                         // nothing to mark gone
      {"--date", "2026-11-20"},                               // nothing to log
      {"--knee", "middle", "--pain-after", "2"},
  };
  for (const auto& args : cases) {
    auto command = args;
    command.insert(command.begin(), "log");
    INFO(fmt::format("{}", fmt::join(command, " ")));
    const auto result = journal.run(command);
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK_FALSE(result.err.empty());
    CHECK_FALSE(fs::exists(journal.path));
  }
  // With entries there, a usage error leaves them as they were.
  REQUIRE(journal.run({"log", "--date", "2026-11-20", "--done", "side-plank=2x12"}).exit_code == 0);
  const std::string before = journal.exported();
  CHECK(journal.run({"log", "--date", "2026-11-20", "--done", "side-plank=2x40"}).exit_code == 2);
  CHECK(journal.exported() == before);
  const auto suggestion = journal.run({"log", "--done", "side-plonk"});
  CHECK(suggestion.err.find("did you mean side-plank") != std::string::npos);
}

TEST_CASE("read-only commands never create a journal", "[cli][journal]") {
  const Journal journal;
  const auto history = journal.run({"history"});
  CHECK(history.exit_code == 0);
  CHECK(history.out.find("No journal yet") != std::string::npos);
  CHECK(journal.run({"history", "--json"}).exit_code == 0);
  CHECK(journal.run({"journal", "export"}).exit_code == 1);
  CHECK(journal.run({"journal", "check"}).exit_code == 1);
  CHECK(journal.run({"log", "undo", "--yes"}).exit_code == 1);
  CHECK(fs::is_empty(journal.dir));
}

TEST_CASE("the journal's default place follows XDG_DATA_HOME, then HOME, and private modes", "[cli][journal]") {
  const fs::path dir = scratch_dir();
  RunOptions options;
  options.env = {{"XDG_DATA_HOME", (dir / "xdg").string()}};
  REQUIRE(run_kneeplan({"log", "--date", "2026-11-20", "--done", "side-plank=2x12"}, options).exit_code == 0);
  const fs::path xdg = dir / "xdg" / "kneeplan" / "journal.db";
  REQUIRE(fs::exists(xdg));
  CHECK(mode_of(xdg) == 0600);
  CHECK(mode_of(xdg.parent_path()) == 0700);

  options.env = {{"HOME", (dir / "home").string()}};
  REQUIRE(run_kneeplan({"log", "--date", "2026-11-20", "--done", "side-plank=2x12"}, options).exit_code == 0);
  CHECK(fs::exists(dir / "home" / ".local" / "share" / "kneeplan" / "journal.db"));

  options.env = {};  // neither: say so
  const auto nowhere = run_kneeplan({"log", "--done", "side-plank=2x12"}, options);
  CHECK(nowhere.exit_code == 2);
  CHECK(nowhere.err.find("--journal") != std::string::npos);
}

TEST_CASE("log undo shows the entry logged last and removes it only when told", "[cli][journal]") {
  const Journal journal;
  REQUIRE(journal.run({"log", "--date", "2026-11-20", "--done", "side-plank=2x12"}).exit_code == 0);
  REQUIRE(journal.run({"log", "--date", "2026-11-18", "--done", "side-plank=2x11"}).exit_code == 0);
  const auto asked = journal.run({"log", "undo"});  // no terminal to ask on
  CHECK(asked.exit_code == 2);
  CHECK(asked.out.find("Wed 2026-11-18") != std::string::npos);
  const auto undone = journal.run({"log", "undo", "--yes"});
  REQUIRE(undone.exit_code == 0);
  CHECK(undone.out.find("Removed the entry for 2026-11-18") != std::string::npos);
  const auto entries = nlohmann::json::parse(journal.exported())["entries"];
  REQUIRE(entries.size() == 1);
  CHECK(entries[0]["date"] == "2026-11-20");
}

TEST_CASE("journal export, then import into an empty journal, gives the same export byte for byte", "[cli][journal]") {
  const Journal first;
  REQUIRE(first.run({"log", "--date", "2026-11-02", "--done", "side-plank=left:2x12,right:1x9", "--done",
                     "thigh-foam-roll", "--skipped", "side-step-up", "--note", "tab\there \u00e9", "--symptom",
                     "night-pain"})
              .exit_code == 0);
  REQUIRE(first.run({"log", "--date", "2026-11-04", "--symptom-gone", "night-pain", "--pain-during", "4"}).exit_code == 0);
  REQUIRE(first.run({"log", "--date", "2026-11-03", "--pain-next-day", "0", "--knee", "right"}).exit_code == 0);
  const fs::path file = first.dir / "export.json";
  REQUIRE(first.run({"journal", "export", "-o", file.string()}).exit_code == 0);
  CHECK(mode_of(file) == 0600);
  const std::string exported = read_file(file);
  CHECK(exported == first.exported());

  const Journal second;
  const auto imported = second.run({"journal", "import", file.string()});
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  CHECK(imported.out.find("Imported 3 entries") != std::string::npos);
  CHECK(second.exported() == exported);
  // Again: nothing new, nothing doubled.
  const auto again = second.run({"journal", "import", file.string()});
  REQUIRE(again.exit_code == 0);
  CHECK(again.out.find("Imported 0 entries") != std::string::npos);
  CHECK(again.out.find("3 already there") != std::string::npos);
  CHECK(second.exported() == exported);
}

TEST_CASE("journal import: a bad or conflicting file changes nothing and names every problem", "[cli][journal]") {
  const Journal journal;
  REQUIRE(journal.run({"log", "--date", "2026-11-20", "--done", "side-plank=2x12"}).exit_code == 0);
  const std::string before = journal.exported();
  const fs::path bad = journal.dir / "bad.json";
  write_file(bad, R"({"format": "kneeplan.journal/1", "entries": [
  {"date": "2026-11-01", "done": [], "skipped": [], "pain": {"after": {"left": 12}}, "symptoms": [], "notes": []},
  {"date": "2026-11-02", "done": [{"exercise": "side-plank", "rung": "side-plank", "side": "left", "sets": 2, "reps": 99}],
   "skipped": [], "pain": {}, "symptoms": [], "notes": []}]})");
  const auto refused = journal.run({"journal", "import", bad.string()});
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find(bad.string() + ": /entries/1/done/0/reps:") != std::string::npos);
  CHECK(refused.err.find(bad.string() + ": /entries/0/pain/after/left:") != std::string::npos);
  CHECK(journal.exported() == before);

  const fs::path conflicting = journal.dir / "conflicting.json";
  write_file(conflicting, R"({"format": "kneeplan.journal/1", "entries": [
  {"date": "2026-11-01", "done": [], "skipped": [], "pain": {}, "symptoms": [], "notes": ["new"]},
  {"date": "2026-11-20", "done": [], "skipped": [], "pain": {}, "symptoms": [], "notes": ["different"]}]})");
  const auto conflict = journal.run({"journal", "import", conflicting.string()});
  CHECK(conflict.exit_code == 1);
  CHECK(conflict.err.find(conflicting.string() + ": /entries/1: the journal holds a different entry for 2026-11-20") !=
        std::string::npos);
  CHECK(journal.exported() == before);
}

TEST_CASE("journal check passes a good journal and names the entry of a problem", "[cli][journal]") {
  const Journal journal;
  REQUIRE(journal.run({"log", "--date", "2026-11-20", "--done", "side-plank=2x12"}).exit_code == 0);
  const auto good = journal.run({"journal", "check"});
  CHECK(good.exit_code == 0);
  CHECK(good.out.find("1 entry") != std::string::npos);

  // An exercise the catalogue no longer has, written behind kneeplan's back.
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(journal.path.c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "UPDATE done SET exercise = 'retired-exercise'", nullptr, nullptr, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_close(db) == SQLITE_OK);
  const auto bad = journal.run({"journal", "check"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find(journal.path.string() + ":2026-11-20: done/0/exercise: unknown exercise \"retired-exercise\"") !=
        std::string::npos);
}

TEST_CASE("a foreign file given as the journal is refused in one line and left as it was", "[cli][journal]") {
  const Journal journal;
  const fs::path plan = journal.dir / "plan.json";
  write_file(plan, "{\"format\": \"kneeplan.plan/1\"}\n");
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"log", "--done", "side-plank=2x12"}, {"history"}, {"journal", "check"}, {"journal", "export"}}) {
    auto command = args;
    command.insert(command.begin(), {"--journal", plan.string()});
    const auto result = run_kneeplan(command);
    CHECK(result.exit_code == 1);
    CHECK(lines_in(result.err) == 1);
    CHECK(result.err.find("kneeplan: " + plan.string() + ": is not a kneeplan journal") == 0);
  }
  CHECK(read_file(plan) == "{\"format\": \"kneeplan.plan/1\"}\n");
  CHECK(std::distance(fs::directory_iterator(journal.dir), fs::directory_iterator()) == 1);
}

TEST_CASE("init saves the profile privately, and every command uses it unless told not to", "[cli][journal][init]") {
  const fs::path dir = scratch_dir();
  RunOptions options;
  options.env = {{"XDG_CONFIG_HOME", (dir / "config").string()}};
  const auto refused = run_kneeplan({"init", "--age", "15"}, options);  // no terminal, no --yes
  CHECK(refused.exit_code == 2);
  CHECK_FALSE(fs::exists(dir / "config"));

  const auto saved = run_kneeplan({"init", "--age", "15", "--side", "left", "--yes"}, options);
  CHECK(saved.exit_code == 3);  // saved, and the screen says: a doctor first
  CHECK(saved.out.find("under 18") != std::string::npos);
  const fs::path profile = dir / "config" / "kneeplan" / "profile.json";
  REQUIRE(fs::exists(profile));
  CHECK(mode_of(profile) == 0600);
  CHECK(mode_of(profile.parent_path()) == 0700);
  const auto json = nlohmann::json::parse(read_file(profile));
  CHECK(json["format"] == "kneeplan.profile/1");
  CHECK(json["age"] == 15);
  CHECK(json["side"] == "left");
  CHECK(run_kneeplan({"validate", profile.string()}).exit_code == 0);

  CHECK(run_kneeplan({"plan", "--start", "2026-11-23"}, options).exit_code == 3);         // the saved age 15
  CHECK(run_kneeplan({"plan", "--start", "2026-11-23", "--age", "30"}, options).exit_code == 0);  // a flag overrides
  CHECK(run_kneeplan({"plan", "--start", "2026-11-23", "--no-saved-profile"}, options).exit_code == 0);
  const std::string example = (source_dir() / "data/profiles/adult-novice.json").string();
  CHECK(run_kneeplan({"check", "--profile", example}, options).exit_code == 0);

  // Updating it keeps what was saved and changes what is given.
  REQUIRE(run_kneeplan({"init", "--age", "40", "--yes"}, options).exit_code == 0);
  CHECK(nlohmann::json::parse(read_file(profile))["side"] == "left");

  write_file(profile, "{\"format\": \"kneeplan.profile/1\", \"age\": 400}");
  const auto broken = run_kneeplan({"plan"}, options);
  CHECK(broken.exit_code == 1);
  CHECK(broken.err.find("--no-saved-profile") != std::string::npos);
}

TEST_CASE("log upgrades an older journal after a copy, and says where the copy is", "[journal][cli]") {
  const Journal journal;
  {
    // A journal as the first version of kneeplan wrote it.
    kneeplan::JournalStore old = kneeplan::JournalStore::open_for_writing(
        journal.path, kneeplan::journal_migrations().first(1));
    kneeplan::JournalEntry entry;
    entry.date = *kneeplan::parse_date("2026-11-19");
    entry.done = {{"side-plank", "side-plank", kneeplan::Side::left, 2, kneeplan::Measure::reps, 12},
                  {"side-plank", "side-plank", kneeplan::Side::right, 2, kneeplan::Measure::reps, 10}};
    old.record({entry, {}});
  }
  const std::string before = journal.exported();
  const auto logged = journal.run({"log", "--date", "2026-11-20", "--done", "side-plank=left:2x12,right:2x10"});
  REQUIRE(logged.exit_code == 0);
  const fs::path backup = journal.path.string() + ".v1.backup";
  CHECK(logged.err == fmt::format("Upgraded {} from journal version 1 to {}; the journal as it was is kept in {}.\n",
                                  journal.path.string(), kneeplan::journal_migrations().size(), backup.string()));
  CHECK(mode_of(backup) == 0600);
  // The copy holds the journal as it was; the journal, that and the new day.
  const RunResult copy = run_kneeplan({"--journal", backup.string(), "journal", "export"});
  CHECK(copy.exit_code == 0);
  CHECK(copy.out == before);
  CHECK(journal.run({"journal", "check"}).exit_code == 0);
  CHECK(journal.run({"log", "--date", "2026-11-21", "--pain-before", "1"}).err.empty());  // once only
}
