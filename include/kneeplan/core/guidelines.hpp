#pragma once
// Set, rep and schedule rules (ACSM and the source routine), as loaded from
// a kneeplan.guidelines/2 file. Every number carries its source.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/core/profile.hpp"

namespace kneeplan {

inline constexpr std::string_view kGuidelinesFormat = "kneeplan.guidelines/2";

struct LevelRules {
  Range sets;
  Range reps;
  Range strength_days;  // days a week with strength work
  int rest_seconds = 0;  // between sets
  // One letter per training day of the cycle: F all strength exercises,
  // A or B one half of a split, - none. No letter shares work with its neighbour.
  std::string pattern;
  std::string source;
};

// How the plan follows the journal: the pain-monitoring model and
// progression from the log, each number with its source.
struct CoachRules {
  int restart_gap_days = 14;  // no session for this long: weeks done count again from 0
  std::string restart_source;
  int pain_during_at_most = 5;  // an acceptable session, if also settled by the next morning
  std::string pain_source;
  int bad_sessions_to_step_down = 2;  // unacceptable sessions in a row before one set fewer
  std::string regression_source;
  int rising_weeks = 2;  // weeks in a row of rising worst pain before a caution finding
  std::string rising_source;
  int reps_over_range = 2;    // in the last set ...
  int sessions_in_a_row = 2;  // ... this many sessions of the exercise in a row: one set more
  std::string progression_source;
  int maintenance_pain_free_weeks = 2;
  int maintenance_sessions_a_week = 5;
  // One letter per training day: F the whole session, M stretches and rolling, - a day off.
  std::string maintenance_pattern;
  std::string maintenance_source;
};

// Who a rung rule applies to: anyone matching any one of its conditions.
struct RungRule {
  std::optional<int> age_at_least;
  std::optional<int> age_below;
  std::optional<int> pain_at_least;
  std::optional<double> bmi_at_least;
  std::vector<Cause> causes;
  std::string source;
};

struct Guidelines {
  std::array<LevelRules, 3> levels;  // indexed by Level
  // Children and teenagers a clinician has cleared get this table whatever
  // their level, and never progress beyond it.
  LevelRules youth;
  std::string youth_stretch_cue;  // replaces the key cue of stretches and rolling
  std::string youth_progression;  // how they move on, in words
  int older_age = 65;                // from this age on, older_reps replace the level's reps
  Range older_reps;
  std::string older_source;
  Range tempo_up_seconds;
  Range tempo_down_seconds;
  std::string tempo_source;
  int weeks_per_added_set = 2;
  // Move up a rung once this many reps over the range are done in the last
  // set, this many sessions in a row (NSCA 2-for-2).
  int reps_over = 2;
  int sessions_in_a_row = 2;
  std::string progression;  // how a person moves on, in words
  std::string progression_source;
  RungRule supported_start;  // start one rung below the source exercise
  RungRule no_impact;        // never an impact rung
  int shortest_hold_seconds = 120;  // a time budget never shortens a stretch below this
  std::string shortest_hold_source;
  int training_days = 6;
  int rest_days = 1;
  std::string schedule_source;
  int transition_seconds = 0;  // between exercises and when switching sides
  std::string transition_source;
  int checkpoint_week = 4;  // weeks of the routine after which lasting pain needs a doctor
  std::string checkpoint_note;
  // Ends a plan that stops at a checkpoint; "{weeks_done}" stands for the
  // weeks of the routine done by then.
  std::string checkpoint_stop_note;
  std::string checkpoint_source;
  CoachRules coach;

  const LevelRules& for_level(Level level) const { return levels[static_cast<std::size_t>(level)]; }
};

}  // namespace kneeplan
