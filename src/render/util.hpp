#pragma once
// Private to the renderers: the wording and layout they share.
#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/core/plan.hpp"
#include "kneeplan/render/render.hpp"

namespace kneeplan::detail {

// "2 x 8-12 reps", "hold 120-150 s", "3 lines x 60 s", "5-10 min".
std::string dose_text(Category category, int sets, Range reps, Range hold_seconds, const std::vector<Pass>& passes,
                      Range minutes);
std::string dose_text(const Exercise& exercise);
std::string dose_text(const Item& item);
std::string range_text(Range range);
// "60 s" between sets, or empty for a single set (no rest to take).
std::string rest_text(const Item& item);

// Column widths for item lines, so that a list of items lines up: the widest
// name (at most 30 columns) and dose (at most 18) of the items fitted.
struct ItemColumns {
  std::size_t name = 4;
  std::size_t dose = 4;
  void fit(const Item& item);
};
std::string equipment_text(const std::vector<std::string>& equipment);  // "none" when empty
// "needs nothing", "needs a step", "needs a foam roller and a wall".
std::string needs_text(const std::vector<std::string>& equipment);
// "1 exercise", "3 exercises".
std::string count_text(std::size_t count, std::string_view word);
// "Mon", from a date.
std::string weekday_short(std::chrono::sys_days day);

// Training days of one week with the same session, in date order.
struct Session {
  std::vector<const Day*> days;
  bool strength = false;
};
std::vector<Session> sessions(const Week& week);
// "S" strength day, "F" stretch-only day, "-" nothing planned, "" a rest day.
std::string session_letter(const Day& day);

// What differs in the week at `index` from the week before it, in words; the
// rungs that open this week ("Side plank" -> "Side plank with top-leg lift").
struct WeekChanges {
  std::vector<std::string> lines;
  std::vector<std::pair<std::string, std::string>> move_to;  // names: from, to
};
WeekChanges week_changes(const Plan& plan, std::size_t index);

// Each ladder's starting rung and the one to move to from it, as names; the
// second is empty when no harder rung is open.
std::vector<std::pair<std::string, std::string>> next_rungs(const Plan& plan);
bool any_open(const std::vector<std::pair<std::string, std::string>>& pairs);
// "Thigh foam-roll massage: left out on every strength day."
std::vector<std::string> budget_lines(const Plan& plan);
// A plan exercise's name, or its id when the plan does not list it.
std::string exercise_name(const Plan& plan, std::string_view id);
std::string profile_summary(const Profile& profile);
// "Mon 2026-11-23"
std::string day_label(std::chrono::sys_days day);
std::string capitalised(std::string_view word);

// Word-wraps `text` to `width` columns, for a first line already indented by
// `indent` columns; the lines after it start with `indent` spaces.
std::string wrap(std::string_view text, std::size_t width, std::size_t indent);

enum class Tone { heading, dim, info, caution, alert };
// Wraps `text` in the tone's ANSI colour when colour is on.
std::string paint(std::string_view text, Tone tone, const Style& style);
Tone tone_of(Severity severity);

// `plan` with every text that came from the input made printable() (control
// characters and the like shown as escapes), for the terminal views: one
// place, so that no field a view prints can reach the terminal raw.
Plan printable_copy(Plan plan);

}  // namespace kneeplan::detail
