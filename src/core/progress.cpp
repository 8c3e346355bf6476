#include "kneeplan/core/progress.hpp"

#include <algorithm>

#include "kneeplan/core/dates.hpp"

namespace kneeplan {

using std::chrono::days;
using std::chrono::sys_days;

namespace {

bool is_training_day(const TrainingDays& training_days, sys_days day) {
  return training_days[static_cast<std::size_t>(weekday_of(day))];
}

// Training days from `from` to `to`, both included.
int planned_between(const TrainingDays& training_days, sys_days from, sys_days to) {
  int planned = 0;
  for (sys_days day = from; day <= to; day += days{1}) planned += is_training_day(training_days, day) ? 1 : 0;
  return planned;
}

int streak_back_from(const std::vector<sys_days>& done_days, sys_days first_session, sys_days today,
                     const TrainingDays& training_days) {
  int streak = 0;
  auto done = done_days.rbegin();  // newest first
  for (sys_days day = today; day >= first_session; day -= days{1}) {
    while (done != done_days.rend() && *done > day) ++done;
    const bool done_that_day = done != done_days.rend() && *done == day;
    if (!is_training_day(training_days, day)) continue;  // a session on a day off neither adds nor breaks
    if (done_that_day) {
      ++streak;
    } else if (day != today) {  // today may still be done later
      break;
    }
  }
  return streak;
}

void add_doses(std::vector<ExerciseProgress>& exercises, const JournalEntry& entry, sys_days monday) {
  for (const auto& done : entry.done) {
    auto found = std::find_if(exercises.begin(), exercises.end(), [&](const ExerciseProgress& e) {
      return e.exercise == done.exercise && e.side == done.side;
    });
    if (found == exercises.end()) {
      exercises.push_back({done.exercise, done.side, {}});
      found = exercises.end() - 1;
    }
    const DosePoint point{monday, entry.date, done.rung, done.sets, done.measure, done.amount};
    if (!found->points.empty() && found->points.back().monday == monday) {
      found->points.back() = point;  // the week's last session stands for it
    } else {
      found->points.push_back(point);
    }
  }
}

}  // namespace

sys_days progress_reads_from(sys_days today, int weeks) { return monday_of(today) - days{7 * (std::max(weeks, 1) - 1)}; }

Progress summarise_progress(const JournalHistory& journal, sys_days today, int weeks,
                            const TrainingDays& training_days) {
  Progress progress;
  progress.today = today;
  if (!journal.first_day || *journal.first_day > today || weeks < 1) return progress;

  std::vector<sys_days> done_days;
  for (const sys_days day : journal.sessions) {
    if (day <= today) done_days.push_back(day);
  }
  if (!done_days.empty()) {
    progress.first_session = done_days.front();
    progress.streak = streak_back_from(done_days, done_days.front(), today, training_days);
  }

  const sys_days this_monday = monday_of(today);
  const sys_days first_monday = std::max(progress_reads_from(today, weeks), monday_of(*journal.first_day));
  for (sys_days monday = first_monday; monday <= this_monday; monday += days{7}) {
    ProgressWeek week;
    week.monday = monday;
    if (progress.first_session) {
      const sys_days from = std::max(monday, *progress.first_session);
      const sys_days to = std::min(monday + days{6}, today);
      if (from <= to) week.sessions_planned = planned_between(training_days, from, to);
    }
    progress.weeks.push_back(week);
  }

  for (const JournalEntry& entry : journal.entries) {
    if (entry.date < first_monday || entry.date > today) continue;
    const sys_days monday = monday_of(entry.date);
    ProgressWeek& week = progress.weeks[static_cast<std::size_t>((monday - first_monday).count() / 7)];
    if (!entry.done.empty()) ++week.sessions_done;
    for (const Knee knee : {Knee::left, Knee::right}) {
      const auto worst = entry.worst_pain(knee);
      auto& so_far = week.worst.of(knee);
      if (worst && (!so_far || *worst > *so_far)) so_far = worst;
    }
    add_doses(progress.exercises, entry, monday);
  }
  return progress;
}

}  // namespace kneeplan
