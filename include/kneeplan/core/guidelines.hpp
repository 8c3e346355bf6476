#pragma once
// Set, rep and schedule rules (ACSM and the source routine), as loaded from
// a kneeplan.guidelines/1 file. Every number carries its source.
#include <array>
#include <string>
#include <string_view>

#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/core/profile.hpp"

namespace kneeplan {

inline constexpr std::string_view kGuidelinesFormat = "kneeplan.guidelines/1";

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
  std::string progression;  // how a person moves on, in words
  std::string progression_source;
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

  const LevelRules& for_level(Level level) const { return levels[static_cast<std::size_t>(level)]; }
};

}  // namespace kneeplan
