#include "kneeplan/render/coach.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "kneeplan/core/coach.hpp"

namespace kneeplan {

namespace {
std::string days_text(long count) { return fmt::format("{} day{}", count, count == 1 ? "" : "s"); }
}  // namespace

std::string maintenance_pattern_text(const std::string& pattern) {
  const auto whole = std::count(pattern.begin(), pattern.end(), 'F');
  const auto mobility = std::count(pattern.begin(), pattern.end(), 'M');
  const auto off = std::count(pattern.begin(), pattern.end(), '-');
  return fmt::format("strength {}, stretches and rolling {}, {} off of {} training days", days_text(whole),
                     days_text(whole + mobility), days_text(off), pattern.size());
}

std::string render_coach_rules_markdown(const Guidelines& guidelines) {
  const CoachRules& c = guidelines.coach;
  struct Row {
    std::string rule, when, then, source;
  };
  const std::vector<Row> rows{
      {"weeks done", fmt::format("sessions logged; none for {} days or more", c.restart_gap_days),
       "weeks done count from the first session; after such a gap the count starts again from week 1",
       c.restart_source},
      {"checkpoint",
       fmt::format("{} weeks done and pain above 0 in the last week of logged sessions", guidelines.checkpoint_week),
       "the screen's checkpoint finding: see a doctor before going on (the worst score of that week is the pain now)",
       guidelines.checkpoint_source},
      {"acceptable session",
       fmt::format("pain during at most {}, back to the level before by the next morning, no rise from the week "
                   "before",
                   c.pain_during_at_most),
       "progression may go on", c.pain_source},
      {"too much pain",
       fmt::format("pain during above {}, or higher the next morning than before", c.pain_during_at_most),
       "the exercises done that day keep their dose", c.pain_source},
      {"step down", fmt::format("{} such sessions of an exercise in a row", c.bad_sessions_to_step_down),
       "one set fewer; at the level's fewest, one rung down (both legs) at the fewest sets; at the easiest rung it "
       "stays",
       c.regression_source},
      {"rising pain", "the worst weekly pain higher than the week before", "every dose holds", c.rising_source},
      {"rising pain, again", fmt::format("the worst weekly pain rising {} weeks in a row", c.rising_weeks),
       "every dose holds, and a caution finding: see a clinician if it goes on", c.rising_source},
      {"2-for-2",
       fmt::format("{} reps over the range in the last set, {} sessions of the exercise in a row, per side",
                   c.reps_over_range, c.sessions_in_a_row),
       "one set more, up to the level's top, or fewer where a time budget (--minutes) has no room for more; at "
       "the top, once every side has earned it, the next rung (both legs) at the fewest sets, if the person's limits, "
       "equipment and time budget allow it; a skipped or missed session never counts",
       c.progression_source},
      {"the rung", fmt::format("an exercise's ladder logged in the last {} weeks", kCoachLogWeeks),
       fmt::format("the rung logged last is the plan's, unless the person's limits or equipment keep it out; an "
                   "exercise not logged for {} weeks starts again at the plan's dose and rung",
                   kCoachLogWeeks),
       fmt::format("kneeplan rule, conservative: a rung reached stays while its log is recent; after {} weeks "
                   "without an exercise it starts again where the plan would start anyone",
                   kCoachLogWeeks)},
      {"maintenance",
       fmt::format("{} whole weeks in a row with pain 0 recorded and at least {} sessions each",
                   c.maintenance_pain_free_weeks, c.maintenance_sessions_a_week),
       fmt::format("a lighter week is offered; `--maintenance` applies it: {}",
                   maintenance_pattern_text(c.maintenance_pattern)),
       c.maintenance_source},
  };
  std::string out = "| Rule | When | Then | Source |\n|---|---|---|---|\n";
  for (const auto& row : rows) out += fmt::format("| {} | {} | {} | {} |\n", row.rule, row.when, row.then, row.source);
  return out;
}

}  // namespace kneeplan
