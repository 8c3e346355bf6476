// Progress at a glance: weeks, adherence, the streak, worst pain and doses,
// at the edges of the window and of the log.
#include <catch2/catch.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "kneeplan/core/dates.hpp"
#include "kneeplan/core/progress.hpp"

using namespace kneeplan;
using std::chrono::days;
using std::chrono::sys_days;

namespace {

sys_days day(const char* text) { return *parse_date(text); }

// Six days on, Sunday off: the default plan's pattern.
constexpr TrainingDays kSixDays{true, true, true, true, true, true, false};

JournalEntry session(sys_days date, int reps = 10, const std::string& rung = "side-plank") {
  JournalEntry entry;
  entry.date = date;
  entry.done = {{"side-plank", rung, Side::left, 2, Measure::reps, reps},
                {"side-plank", rung, Side::right, 2, Measure::reps, reps - 1}};
  return entry;
}

JournalEntry pain_only(sys_days date, std::optional<int> left, std::optional<int> right) {
  JournalEntry entry;
  entry.date = date;
  entry.pain_at(Moment::next_day) = {left, right};
  return entry;
}

// Sessions on every training day from `from` to `to`.
std::vector<JournalEntry> every_training_day(sys_days from, sys_days to) {
  std::vector<JournalEntry> entries;
  for (sys_days d = from; d <= to; d += days{1}) {
    if (weekday_of(d) != Weekday::sunday) entries.push_back(session(d));
  }
  return entries;
}

}  // namespace

TEST_CASE("progress: an empty journal has no weeks, no streak and no first session", "[progress]") {
  const Progress progress = summarise_progress(JournalHistory{}, day("2026-11-25"), 8, kSixDays);
  CHECK(progress.weeks.empty());
  CHECK(progress.streak == 0);
  CHECK_FALSE(progress.first_session);
  CHECK(progress.exercises.empty());
}

TEST_CASE("progress: weeks run from the first session's week to today's, empty weeks included", "[progress]") {
  // Wednesday 11-04 and Monday 11-23, nothing in between.
  const std::vector<JournalEntry> entries{session(day("2026-11-04")), session(day("2026-11-23"))};
  const Progress progress = summarise_progress(entries, day("2026-11-25"), 8, kSixDays);
  REQUIRE(progress.weeks.size() == 4);
  CHECK(progress.weeks.front().monday == day("2026-11-02"));
  CHECK(progress.weeks.back().monday == day("2026-11-23"));
  // The first week is planned from the first session (Wed-Sat: 4 days), today's week up to today (Mon-Wed: 3).
  CHECK(progress.weeks[0].sessions_planned == 4);
  CHECK(progress.weeks[0].sessions_done == 1);
  CHECK(progress.weeks[1].sessions_planned == 6);
  CHECK(progress.weeks[1].sessions_done == 0);
  CHECK(progress.weeks[2].sessions_done == 0);
  CHECK(progress.weeks[3].sessions_planned == 3);
  CHECK(progress.weeks[3].sessions_done == 1);
  CHECK(progress.first_session == day("2026-11-04"));
}

TEST_CASE("progress: --weeks keeps the last N weeks up to today", "[progress]") {
  const auto entries = every_training_day(day("2026-09-07"), day("2026-11-28"));
  const Progress three = summarise_progress(entries, day("2026-11-28"), 3, kSixDays);
  REQUIRE(three.weeks.size() == 3);
  CHECK(three.weeks.front().monday == day("2026-11-09"));
  CHECK(three.weeks.back().monday == day("2026-11-23"));
  for (const auto& week : three.weeks) CHECK(week.sessions_done == 6);
  // Doses count only the window: one point per week.
  REQUIRE(three.exercises.size() == 2);
  CHECK(three.exercises.front().points.size() == 3);
  // The streak is not cut by the window: every training day since 09-07.
  CHECK(three.streak == 72);

  const Progress one = summarise_progress(entries, day("2026-11-28"), 1, kSixDays);
  REQUIRE(one.weeks.size() == 1);
  CHECK(one.weeks.front().monday == day("2026-11-23"));
}

TEST_CASE("progress: entries after today are left out", "[progress]") {
  const std::vector<JournalEntry> entries{session(day("2026-11-23")), session(day("2026-11-30"))};
  const Progress progress = summarise_progress(entries, day("2026-11-24"), 8, kSixDays);
  REQUIRE(progress.weeks.size() == 1);
  CHECK(progress.weeks.front().sessions_done == 1);
  CHECK(progress.exercises.front().points.back().date == day("2026-11-23"));
}

TEST_CASE("progress: the streak counts planned days done back from today", "[progress]") {
  // Mon 11-16 to Sat 11-21 and Mon 11-23, with Sunday off: 7 in a row on Tuesday 11-24 before it is logged.
  auto entries = every_training_day(day("2026-11-16"), day("2026-11-23"));
  CHECK(summarise_progress(entries, day("2026-11-24"), 8, kSixDays).streak == 7);

  SECTION("today done counts") {
    entries.push_back(session(day("2026-11-24")));
    CHECK(summarise_progress(entries, day("2026-11-24"), 8, kSixDays).streak == 8);
  }
  SECTION("a missed planned day breaks it") {
    std::erase_if(entries, [](const JournalEntry& e) { return e.date == day("2026-11-19"); });
    // Only 11-20, 11-21 and 11-23 after the missed Thursday.
    CHECK(summarise_progress(entries, day("2026-11-24"), 8, kSixDays).streak == 3);
  }
  SECTION("yesterday missed: no streak") {
    CHECK(summarise_progress(entries, day("2026-11-25"), 8, kSixDays).streak == 0);
  }
  SECTION("a session on the day off neither adds nor breaks") {
    entries.push_back(session(day("2026-11-22")));
    CHECK(summarise_progress(entries, day("2026-11-24"), 8, kSixDays).streak == 7);
  }
  SECTION("an entry with pain only is not a session") {
    std::erase_if(entries, [](const JournalEntry& e) { return e.date == day("2026-11-23"); });
    entries.push_back(pain_only(day("2026-11-23"), 1, 1));
    CHECK(summarise_progress(entries, day("2026-11-24"), 8, kSixDays).streak == 0);
  }
}

TEST_CASE("progress: worst pain per knee per week, unset where a knee was not scored", "[progress]") {
  std::vector<JournalEntry> entries{session(day("2026-11-09")), session(day("2026-11-16")),
                                    session(day("2026-11-23"))};
  entries[0].pain_at(Moment::during) = {3, std::nullopt};  // only the left knee scored
  entries.push_back(pain_only(day("2026-11-11"), 5, std::nullopt));
  entries[1].pain_at(Moment::after) = {0, 2};
  const Progress progress = summarise_progress(entries, day("2026-11-23"), 8, kSixDays);
  REQUIRE(progress.weeks.size() == 3);
  CHECK(progress.weeks[0].worst.left == 5);
  CHECK_FALSE(progress.weeks[0].worst.right);
  CHECK(progress.weeks[1].worst.left == 0);
  CHECK(progress.weeks[1].worst.right == 2);
  CHECK_FALSE(progress.weeks[2].worst.left);  // a week with no scores at all
  CHECK_FALSE(progress.weeks[2].worst.right);
  CHECK(progress.weeks[0].sessions_done == 1);  // the pain-only entry is not a session
}

TEST_CASE("progress: each exercise and side keeps the last session of each week", "[progress]") {
  const std::vector<JournalEntry> entries{session(day("2026-11-16"), 8), session(day("2026-11-18"), 10),
                                          session(day("2026-11-24"), 12, "side-plank-top-leg-lift")};
  const Progress progress = summarise_progress(entries, day("2026-11-24"), 8, kSixDays);
  REQUIRE(progress.exercises.size() == 2);
  const ExerciseProgress& left = progress.exercises[0];
  CHECK(left.side == Side::left);
  CHECK(progress.exercises[1].side == Side::right);
  REQUIRE(left.points.size() == 2);
  CHECK(left.points[0].date == day("2026-11-18"));
  CHECK(left.points[0].amount == 10);
  CHECK(left.points[1].amount == 12);
  CHECK(left.points[1].rung == "side-plank-top-leg-lift");
  CHECK(progress.exercises[1].points[1].amount == 11);
}

TEST_CASE("progress: weeks with no sessions at all are planned but not done", "[progress]") {
  // Only pain was logged: the weeks are shown, nothing planned (no first session).
  const std::vector<JournalEntry> entries{pain_only(day("2026-11-16"), 2, 2)};
  const Progress progress = summarise_progress(entries, day("2026-11-24"), 8, kSixDays);
  REQUIRE(progress.weeks.size() == 2);
  CHECK(progress.weeks[0].sessions_planned == 0);
  CHECK(progress.weeks[0].worst.left == 2);
  CHECK_FALSE(progress.first_session);
}
