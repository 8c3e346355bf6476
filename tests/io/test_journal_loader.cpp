// Reading a kneeplan.journal/1 file: every problem is named at its place,
// and a file that loads is exactly what was written.
#include <catch2/catch.hpp>

#include "data.hpp"
#include "diagnostics_of.hpp"
#include "kneeplan/core/dates.hpp"
#include "kneeplan/io/journal_loader.hpp"

using namespace kneeplan;
using kneeplan::test::diagnostics_of;
using kneeplan::test::places;

namespace {

const std::chrono::sys_days kToday = *parse_date("2026-11-22");

std::vector<std::string> problems_in(const std::string& entries) {
  const std::string text = R"({"format": "kneeplan.journal/1", "entries": [)" + entries + "]}";
  return places(diagnostics_of([&] { return parse_journal(text, "j.json", test::builtin_catalogue(), kToday); }));
}

const std::string kGood =
    R"({"date": "2026-11-20", "done": [{"exercise": "side-plank", "rung": "side-plank", "side": "left", "sets": 2, "reps": 12}],
        "skipped": [{"exercise": "side-step-up"}], "pain": {"after": {"left": 2}}, "symptoms": [], "notes": ["ok", "ok"]})";

}  // namespace

TEST_CASE("journal loader: a good entry loads", "[journal][loader]") {
  CHECK(problems_in(kGood).empty());
  CHECK(problems_in("").empty());
}

TEST_CASE("journal loader: every problem at its JSON pointer", "[journal][loader]") {
  using V = std::vector<std::string>;
  CHECK(problems_in(R"({"date": "2026-02-30", "done": [], "skipped": [], "pain": {}, "symptoms": [], "notes": []})") ==
        V{"/entries/0/date"});
  CHECK(problems_in(R"({"date": "2026-11-23", "done": [], "skipped": [], "pain": {}, "symptoms": [], "notes": []})") ==
        V{"/entries/0/date"});
  CHECK(problems_in(R"({"date": "2026-11-20", "done": [{"exercise": "side-plank", "rung": "side-plank", "side": "left",
                       "sets": 2, "reps": 40}], "skipped": [], "pain": {}, "symptoms": [], "notes": []})") ==
        V{"/entries/0/done/0/reps"});
  CHECK(problems_in(R"({"date": "2026-11-20", "done": [{"exercise": "side-plonk", "rung": "x", "side": "left",
                       "sets": 0, "reps": 4, "passes": 2}], "skipped": [], "pain": {"during": {"left": 11}, "later": {}},
                       "symptoms": [{"name": "itch"}], "notes": [""], "mood": 3})") ==
        V{"/entries/0/mood", "/entries/0/done/0/sets", "/entries/0/done/0", "/entries/0/pain/later",
          "/entries/0/pain/during/left", "/entries/0/symptoms/0/name", "/entries/0/notes/0"});
  CHECK(problems_in(R"({"date": "2026-11-20"})") ==
        V{"/entries/0/done", "/entries/0/skipped", "/entries/0/pain", "/entries/0/symptoms", "/entries/0/notes"});
  CHECK(problems_in(kGood + "," + kGood) == V{"/entries/1/date"});
  CHECK(problems_in("3") == V{"/entries/0"});
  CHECK(places(diagnostics_of([] {
          return parse_journal(R"({"format": "kneeplan.journal/2", "entries": []})", "j.json",
                               test::builtin_catalogue(), kToday);
        })) == V{"/format"});
  CHECK(places(diagnostics_of([] {
          return parse_journal("{\"format\": \"kneeplan.journal/1\",", "j.json", test::builtin_catalogue(), kToday);
        })) == V{"1:33"});
}
