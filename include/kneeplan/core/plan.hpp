#pragma once
// A finished weekly plan: plain data, built by the planner, read by the
// renderers. It carries everything they show, so none of them needs the
// catalogue: each exercise's steps and cues once (`exercises`), and per day
// only the dose.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/core/dates.hpp"
#include "kneeplan/core/profile.hpp"
#include "kneeplan/core/safety.hpp"

namespace kneeplan {

struct PlanOptions {
  int weeks = 4;
  std::chrono::sys_days start{};
  Weekday rest_day = Weekday::sunday;
};
inline constexpr int kMaxWeeks = 52;

struct Item {
  std::string exercise;  // catalogue id
  std::string name;
  Category category = Category::strength;
  int sets = 1;
  Range reps;                 // strength
  Range hold_seconds;         // stretch
  std::vector<Pass> passes;   // foam_roll
  Range minutes;              // warm_up
  std::vector<Side> sides;    // left and/or right, or both for bilateral work
  std::string sides_text;     // the sides in the exercise's words: "lie on your left side"
  int rest_seconds = 0;       // between sets
  // Strength: the ladder the exercise is a rung of, and where.
  std::string ladder;         // the ladder's id (its source exercise); empty without one
  int rung = 0;               // 1 = the easiest
  // Set when the sets can rise no further in this plan (the level's top, or a
  // time budget's cap) and progression is not held: the rung to move to once
  // this one is mastered (see Plan::move_up).
  std::string next_rung;
};

// One change a time budget made to a day.
struct Trim {
  std::string exercise;  // catalogue id
  std::string change;    // "left out", "hold 120 s", "5 min", "1 set"
};

struct Day {
  std::chrono::sys_days date{};
  bool rest = false;
  std::int64_t minutes = 0;  // 64 bits, like every duration: see item_seconds()
  std::vector<std::string> notes;
  std::vector<Item> items;
  std::vector<Trim> trims;  // what the time budget changed
};

struct Week {
  int number = 1;
  std::vector<Day> days;
};

struct Omission {
  std::string exercise;
  std::string reason;
};

// Where one ladder starts for this person, and why (one line).
struct RungChoice {
  std::string ladder;    // the ladder's id
  std::string exercise;  // the starting rung
  int rung = 0;          // its position, 1 = the easiest
  int rungs = 0;         // the ladder's length
  std::string next;      // the rung to move to from there, empty when none is open
  std::string why;
  std::string source;    // of the rules behind the choice
};

// An exercise the plan shows: its catalogue entry and its place on its ladder.
struct PlanExercise {
  Exercise exercise;
  int rung = 0;        // 1 = the easiest; 0 without a ladder
  int rungs = 0;
  std::string easier;  // neighbouring rungs' ids, empty at the ends
  std::string harder;
  bool planned = true;  // in the plan's days; false for a rung to move to
};

// A time budget: every training day fits in `minutes`.
struct Budget {
  int minutes = 0;
  int smallest = 0;   // the smallest budget every training day can fit
  bool fits = true;   // false: minutes < smallest, and the days hold only what cannot go
  struct Change {
    std::string exercise;
    std::string name;
    std::string change;
    int days = 0;  // on how many training days
  };
  std::vector<Change> changes;  // in the order the budget applied them
};

// The day to ask whether pain is still there after the routine's first
// weeks; its note is also among that day's notes.
struct Checkpoint {
  std::chrono::sys_days date{};
  int routine_week = 0;  // counting the weeks done before the plan
  std::string note;
  std::string source;
};

// A change the journal made to the plan (see core/coach.hpp), one line for a
// person, with the dates of the entries it rests on and its source.
struct Decision {
  std::string text;
  std::vector<std::chrono::sys_days> dates;
  std::string source;

  friend bool operator==(const Decision&, const Decision&) = default;
};

struct Plan {
  Profile profile;
  PlanOptions options;
  std::vector<Finding> warnings;  // findings shown with the plan
  std::vector<Omission> omitted;
  std::vector<RungChoice> rungs;
  std::string progression;        // how to move on, in words
  std::string move_up;            // "When you can do 2 reps ..., move to:"
  int top_sets = 0;               // the level's most sets
  std::optional<Budget> budget;
  std::vector<PlanExercise> exercises;  // planned ones in order of first use, then rungs to move to
  std::vector<Decision> decisions;  // from the journal; empty without one
  std::vector<Week> weeks;
  std::optional<Checkpoint> checkpoint;  // none when it falls outside the plan

  const PlanExercise* exercise(std::string_view id) const;
};

}  // namespace kneeplan
