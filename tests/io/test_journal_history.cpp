// The journal as the coach and progress read it: in the coach's window only
// what its rules read, whole entries where a view shows them, days and
// symptoms before the window. Over a long, varied journal, every answer must
// be the one the whole journal gives.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "data.hpp"
#include "kneeplan/core/coach.hpp"
#include "kneeplan/core/dates.hpp"
#include "kneeplan/core/planner.hpp"
#include "kneeplan/core/progress.hpp"
#include "kneeplan/core/safety.hpp"
#include "kneeplan/io/journal_store.hpp"
#include "run.hpp"

using namespace kneeplan;
using std::chrono::days;
using std::chrono::sys_days;

namespace {

const Guidelines& gl() { return test::builtin_guidelines(); }

// A small deterministic generator, the same on every platform.
struct Lcg {
  std::uint64_t state;
  int below(int n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(n));
  }
};

// About a year of sessions with runs of pain, gaps long enough to restart the
// count, rung changes, skipped exercises and symptoms that come and go.
std::vector<JournalEntry> varied_journal(sys_days first, int length) {
  static const char* const kPlankRungs[] = {"side-plank-from-knees", "side-plank", "side-plank-leg-lift"};
  Lcg random{20261122};
  std::vector<JournalEntry> entries;
  int rung = 1;
  for (int d = 0; d < length; ++d) {
    const sys_days date = first + days{d};
    if (d % 150 >= 133) continue;  // a gap of 17 days every 150: the count starts again
    JournalEntry entry;
    entry.date = date;
    const int kind = random.below(10);
    // Holds and roll passes, which a lean entry leaves out; some days have
    // nothing else, and are sessions all the same.
    if (kind < 8 && random.below(3) != 0) {
      entry.done.push_back({"thigh-stretch", "thigh-stretch", Side::left, 1, Measure::hold_seconds, 30});
      entry.done.push_back({"thigh-foam-roll", "thigh-foam-roll", Side::both, 1, Measure::passes, 8});
    }
    if (kind < 7) {
      if (random.below(12) == 0) rung = std::clamp(rung + (random.below(2) == 0 ? -1 : 1), 0, 2);
      const int sets = 1 + random.below(3);
      for (const Side side : {Side::left, Side::right}) {
        entry.done.push_back({kPlankRungs[rung], kPlankRungs[rung], side, sets, Measure::reps, 8 + random.below(8)});
      }
      entry.done.push_back({"single-leg-bridge", "single-leg-bridge", Side::left, 1 + random.below(3), Measure::reps,
                            8 + random.below(8)});
      // The lunge only in each run's first 30 days: later, its last record is
      // older than the coach reads.
      if (d % 150 < 30) {
        if (random.below(4) == 0) {
          entry.skipped.push_back({"stationary-lunge", "tired"});
        } else {
          entry.done.push_back({"stationary-lunge", "stationary-lunge", Side::right, 2, Measure::reps, 10});
        }
      }
    }
    if (kind < 9) {
      const int base = (d / 45) % 4;  // pain drifts up and down over weeks
      entry.pain_at(Moment::during) = {base + random.below(4), base + random.below(3)};
      if (random.below(3) == 0) entry.pain_at(Moment::next_day) = {base, std::nullopt};
    }
    if (random.below(40) == 0) {
      entry.symptoms.push_back({"night-pain", random.below(2) == 0 ? std::optional<sys_days>(date + days{5})
                                                                    : std::nullopt});
    }
    if (random.below(25) == 0) entry.notes.push_back("a note");
    if (entry.has_content()) entries.push_back(std::move(entry));
  }
  return entries;
}

Plan coached_plan_of(const JournalHistory& journal, sys_days today, const JournalFacts& facts, Coaching& coaching) {
  Profile profile;
  apply_journal_facts(profile, facts);
  PlanOptions options;
  options.weeks = 1;
  options.start = today;
  const auto findings = screen(test::builtin_safety(), profile);
  Plan plan = build_plan(test::builtin_catalogue(), gl(), profile, options, findings);
  coaching = coach(journal, today, plan, test::builtin_catalogue(), gl(), true);
  apply_coaching(plan, coaching, test::builtin_catalogue(), gl());
  return plan;
}

}  // namespace

TEST_CASE("A journal read in its window gives the coach and progress the answers of the whole journal",
          "[journal][coach][progress]") {
  const sys_days first = *parse_date("2025-10-01");
  const std::vector<JournalEntry> entries = varied_journal(first, 450);
  JournalStore store = JournalStore::in_memory();
  REQUIRE(store.import(entries).added == static_cast<int>(entries.size()));
  const JournalHistory whole(store.entries());
  REQUIRE(whole.entries == entries);

  TrainingDays six_days{};
  six_days.fill(true);
  six_days[6] = false;
  int with_decisions = 0;
  for (int offset = 120; offset <= 470; offset += 5) {
    const sys_days today = first + days{offset};
    // As plan, today and session read it: whole only from today on.
    const JournalHistory part = store.history(coach_reads_from(today, gl()), today);
    CAPTURE(format_date(today));
    CHECK(part.sessions == whole.sessions);
    CHECK(part.first_day == whole.first_day);
    CHECK(part.entries.size() < whole.entries.size());  // the window really leaves entries out
    const auto today_in = [&](const JournalHistory& journal) {
      const auto found = std::find_if(journal.entries.begin(), journal.entries.end(),
                                      [&](const JournalEntry& e) { return e.date == today; });
      return found == journal.entries.end() ? std::optional<JournalEntry>() : *found;
    };
    CHECK(today_in(part) == today_in(whole));

    const JournalFacts facts = journal_facts(whole, today, gl());
    CHECK(journal_facts(part, today, gl()) == facts);
    Coaching from_whole;
    Coaching from_part;
    const Plan plan_whole = coached_plan_of(whole, today, facts, from_whole);
    const Plan plan_part = coached_plan_of(part, today, facts, from_part);
    CHECK(from_part == from_whole);
    CHECK(plan_part.weeks.front().days.front().items.size() == plan_whole.weeks.front().days.front().items.size());
    if (!from_whole.decisions.empty()) ++with_decisions;

    for (const int weeks : {1, 8, 30}) {
      const sys_days shown_from = progress_reads_from(today, weeks);
      const sys_days from = std::min(coach_reads_from(today, gl()), shown_from);
      CHECK(summarise_progress(store.history(from, shown_from), today, weeks, six_days) ==
            summarise_progress(whole, today, weeks, six_days));
    }
  }
  CHECK(with_decisions > 10);  // the coach had things to say, so the comparison means something
}

TEST_CASE("A lean entry holds what the coach reads, and the entries from the day asked for are whole",
          "[journal][store]") {
  const sys_days first = *parse_date("2025-10-01");
  const std::vector<JournalEntry> entries = varied_journal(first, 200);
  JournalStore store = JournalStore::in_memory();
  REQUIRE(store.import(entries).added == static_cast<int>(entries.size()));
  const sys_days from = first + days{100};
  const sys_days whole_from = first + days{150};
  const JournalHistory read = store.history(from, whole_from);

  int lean = 0;
  int whole = 0;
  for (const JournalEntry& got : read.entries) {
    CAPTURE(format_date(got.date));
    const auto stored = std::find_if(entries.begin(), entries.end(), [&](const JournalEntry& e) { return e.date == got.date; });
    REQUIRE(stored != entries.end());
    if (got.date >= whole_from) {
      CHECK(got == *stored);
      ++whole;
      continue;
    }
    JournalEntry expected = *stored;
    std::erase_if(expected.done, [](const ExerciseDone& d) { return d.measure != Measure::reps; });
    expected.notes.clear();
    if (got.date < from) {  // before the window: only its symptoms matter
      REQUIRE_FALSE(got.symptoms.empty());
    }
    CHECK(got.done == expected.done);
    CHECK(got.skipped == expected.skipped);
    CHECK(got.pain == expected.pain);
    CHECK(got.symptoms == expected.symptoms);
    CHECK(got.notes.empty());
    if (got.date >= from) ++lean;
  }
  CHECK(lean == std::count_if(entries.begin(), entries.end(),
                              [&](const JournalEntry& e) { return e.date >= from && e.date < whole_from; }));
  CHECK(whole == std::count_if(entries.begin(), entries.end(), [&](const JournalEntry& e) { return e.date >= whole_from; }));
  // A day with only holds stays a session.
  CHECK(std::any_of(read.entries.begin(), read.entries.end(), [&](const JournalEntry& e) {
    return e.date < whole_from && e.done.empty() &&
           std::binary_search(read.sessions.begin(), read.sessions.end(), e.date);
  }));
}

TEST_CASE("A version 1 journal reads as the same history, and after its upgrade too", "[journal][store]") {
  const sys_days first = *parse_date("2025-10-01");
  const std::vector<JournalEntry> entries = varied_journal(first, 300);
  JournalStore current = JournalStore::in_memory();
  REQUIRE(current.import(entries).added == static_cast<int>(entries.size()));

  const std::filesystem::path path = test::scratch_dir() / "journal.db";
  {
    // Version 1 counts no exercises per entry: its sessions come from the records.
    JournalStore old = JournalStore::open_for_writing(path, journal_migrations().first(1));
    REQUIRE(old.schema_version() == 1);
    REQUIRE(old.import(entries).added == static_cast<int>(entries.size()));
  }
  auto same_history = [&](const JournalStore& store) {
    for (int offset = 60; offset <= 320; offset += 20) {
      const sys_days from = coach_reads_from(first + days{offset}, gl());
      const sys_days whole_from = from + days{40};
      const JournalHistory expected = current.history(from, whole_from);
      const JournalHistory got = store.history(from, whole_from);
      CAPTURE(format_date(from));
      CHECK(got.sessions == expected.sessions);
      CHECK(got.first_day == expected.first_day);
      CHECK(got.entries == expected.entries);
    }
  };
  const auto old = JournalStore::open_existing(path);
  REQUIRE(old);
  CHECK(old->schema_version() == 1);
  same_history(*old);

  const JournalStore upgraded = JournalStore::open_for_writing(path);
  CHECK(upgraded.schema_version() == static_cast<int>(journal_migrations().size()));
  CHECK(std::filesystem::exists(path.string() + ".v1.backup"));
  CHECK(upgraded.integrity_problems().empty());  // every entry's count matches its records
  same_history(upgraded);
}
