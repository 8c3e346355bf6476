#pragma once
// Progress at a glance: adherence, the streak, worst pain per knee and each
// exercise's dose, week by week, from plain journal entries. Pure: the CLI
// reads the journal and the clock, and the coach's next decision comes from
// the plan it builds.
#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "kneeplan/core/journal.hpp"

namespace kneeplan {

// One Monday-to-Sunday week of the window.
struct ProgressWeek {
  std::chrono::sys_days monday{};
  int sessions_done = 0;     // days with an exercise done
  int sessions_planned = 0;  // training days of the pattern from the first session to today
  KneePain worst;            // the worst score recorded that week, per knee; unset when none was

  friend bool operator==(const ProgressWeek&, const ProgressWeek&) = default;
};

// What an exercise's last session of a week was on one side.
struct DosePoint {
  std::chrono::sys_days monday{};  // the week
  std::chrono::sys_days date{};    // the session
  std::string rung;
  int sets = 1;
  Measure measure = Measure::reps;
  int amount = 0;

  friend bool operator==(const DosePoint&, const DosePoint&) = default;
};

// One exercise on one side over the window, oldest week first; weeks in which
// it was not done have no point.
struct ExerciseProgress {
  std::string exercise;
  Side side = Side::both;
  std::vector<DosePoint> points;

  friend bool operator==(const ExerciseProgress&, const ExerciseProgress&) = default;
};

struct Progress {
  std::chrono::sys_days today{};
  std::optional<std::chrono::sys_days> first_session;  // none: nothing done yet
  std::vector<ProgressWeek> weeks;                     // oldest first, ending with today's week
  // Planned days done in a row, counting back from today; today counts when
  // it is done, and a planned day not yet done today does not break the run.
  int streak = 0;
  std::vector<ExerciseProgress> exercises;  // in the order first done, left before right

  friend bool operator==(const Progress&, const Progress&) = default;
};

// Which weekdays (Monday first) the plan trains on.
using TrainingDays = std::array<bool, 7>;

// The last `weeks` weeks up to and including today's (none before the week
// of the first session); entries after `today` are ignored. A day counts as
// planned when it is a training day between the first session and today.
Progress summarise_progress(const JournalHistory& journal, std::chrono::sys_days today, int weeks,
                            const TrainingDays& training_days);

// The first day whose entries summarise_progress() reads whole: the Monday
// of the first of the `weeks` weeks up to today's.
std::chrono::sys_days progress_reads_from(std::chrono::sys_days today, int weeks);

}  // namespace kneeplan
