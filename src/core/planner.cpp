#include "kneeplan/core/planner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "kneeplan/core/plan_limits.hpp"
#include "kneeplan/core/text.hpp"

namespace kneeplan {

namespace {

using std::chrono::days;

bool equipment_fits(const Exercise& exercise, const Profile& profile) {
  return std::all_of(exercise.equipment.begin(), exercise.equipment.end(),
                     [&](const std::string& item) { return profile.has_equipment(item); });
}

std::vector<std::string> missing_equipment(const Exercise& exercise, const Profile& profile) {
  std::vector<std::string> missing;
  for (const auto& item : exercise.equipment) {
    if (!profile.has_equipment(item)) missing.push_back(item);
  }
  return missing;
}

// The routine's exercises that the person's equipment allows, each missing
// one replaced by its first alternative that fits and is not already chosen.
std::vector<const Exercise*> choose_exercises(const Catalogue& catalogue, const Profile& profile,
                                              std::vector<Omission>& omitted) {
  std::vector<const Exercise*> chosen;
  std::set<std::string, std::less<>> taken;
  for (const auto& exercise : catalogue.exercises) {
    if (exercise.role == Role::routine && equipment_fits(exercise, profile)) taken.insert(exercise.id);
  }
  for (const auto& exercise : catalogue.exercises) {
    if (exercise.role != Role::routine) continue;
    if (taken.contains(exercise.id)) {
      chosen.push_back(&exercise);
      continue;
    }
    const std::string needs = fmt::format("needs {} (not in your equipment)", join(missing_equipment(exercise, profile)));
    const Exercise* replacement = nullptr;
    std::vector<std::string> planned_alternatives;
    for (const auto& id : exercise.alternatives) {
      const Exercise* alternative = catalogue.find(id);
      if (!alternative || !equipment_fits(*alternative, profile)) continue;
      if (taken.contains(id)) {
        planned_alternatives.push_back(id);
        continue;
      }
      replacement = alternative;
      break;
    }
    if (replacement) {
      taken.insert(replacement->id);
      chosen.push_back(replacement);
      omitted.push_back({exercise.id, fmt::format("{}; replaced by {}", needs, replacement->id)});
    } else if (!planned_alternatives.empty()) {
      omitted.push_back({exercise.id, fmt::format("{}; its alternative {} is already in the plan", needs,
                                                  join(planned_alternatives, " and "))});
    } else {
      omitted.push_back({exercise.id, needs + "; no alternative fits your equipment"});
    }
  }
  // Strength first, multi-joint before single-joint; then stretches, then rolling.
  std::stable_sort(chosen.begin(), chosen.end(), [](const Exercise* a, const Exercise* b) {
    if (a->category != b->category) return a->category < b->category;
    return a->category == Category::strength && a->mechanic == Mechanic::compound &&
           b->mechanic != Mechanic::compound;
  });
  return chosen;
}

// Splits strength exercises into halves A and B such that exercises sharing a
// target muscle stay together (so the 48-hour rule holds per muscle group),
// balancing the halves by count. Returns 'A' or 'B' per exercise.
// O(t log t) in the number of targets: each exercise joins the first one
// that works any of its muscles.
std::vector<char> split_groups(const std::vector<const Exercise*>& strength) {
  const std::size_t n = strength.size();
  std::vector<std::size_t> parent(n);
  std::iota(parent.begin(), parent.end(), std::size_t{0});
  auto root = [&](std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  std::map<std::string_view, std::size_t, std::less<>> first_with;  // target -> first exercise working it
  for (std::size_t i = 0; i < n; ++i) {
    for (const auto& target : strength[i]->targets) {
      const auto [first, fresh] = first_with.emplace(target, i);
      if (!fresh) parent[root(i)] = root(first->second);
    }
  }
  std::vector<std::size_t> group_size(n, 0);
  for (std::size_t i = 0; i < n; ++i) ++group_size[root(i)];
  // Groups take a half in order of their first exercise, each the smaller half so far.
  std::vector<char> letter_of(n, 0);  // by root
  std::vector<char> group(n, 0);
  std::size_t size_a = 0;
  std::size_t size_b = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t r = root(i);
    if (letter_of[r] == 0) {
      letter_of[r] = size_a <= size_b ? 'A' : 'B';
      (letter_of[r] == 'A' ? size_a : size_b) += group_size[r];
    }
    group[i] = letter_of[r];
  }
  return group;
}

std::vector<Side> sides_for(const Exercise& exercise, Side affected) {
  if (exercise.laterality == Laterality::bilateral) return {Side::both};
  // Strength work goes to the affected side(s); stretches and rolling to both legs.
  if (exercise.category == Category::strength && affected != Side::both) return {affected};
  return {Side::left, Side::right};
}

// `level` is the dosing table in force: the person's level, or the youth table.
Item make_item(const Exercise& exercise, const Guidelines& guidelines, const LevelRules& level, const Profile& profile,
               const PlanLimits& limits, int routine_week) {
  Item item;
  item.exercise = exercise.id;
  item.name = exercise.name;
  item.category = exercise.category;
  item.sides = sides_for(exercise, profile.side);
  if (!exercise.cues.empty()) item.cue = exercise.cues.front();
  switch (exercise.category) {
    case Category::strength: {
      const int added = limits.hold_progression ? 0 : (routine_week - 1) / guidelines.weeks_per_added_set;
      item.sets = std::min(level.sets.max, level.sets.min + added);
      const bool older = !limits.youth && profile.age && *profile.age >= guidelines.older_age;
      item.reps = older ? guidelines.older_reps : level.reps;
      item.rest_seconds = level.rest_seconds;
      break;
    }
    case Category::stretch:
      item.hold_seconds = exercise.hold_seconds;
      break;
    case Category::foam_roll:
      item.passes = exercise.passes;
      break;
  }
  // Children and teenagers stretch and roll to a comfortable pull, never into discomfort.
  if (limits.youth && exercise.category != Category::strength && !guidelines.youth_stretch_cue.empty()) {
    item.cue = guidelines.youth_stretch_cue;
  }
  return item;
}

// The plan week at which a plan stopped by pain ends: the routine's next
// checkpoint (every checkpoint_week weeks) after the weeks already done.
int stop_week(const Guidelines& guidelines, const Profile& profile) {
  const int every = guidelines.checkpoint_week;
  return (profile.weeks_done / every + 1) * every - profile.weeks_done;
}

std::int64_t day_seconds(const std::vector<Item>& items, const Guidelines& guidelines) {
  std::int64_t total = 0;
  for (const auto& item : items) total += item_seconds(item, guidelines);
  if (!items.empty()) total += static_cast<std::int64_t>(items.size() - 1) * guidelines.transition_seconds;
  return total;
}

}  // namespace

std::int64_t item_seconds(const Item& item, const Guidelines& guidelines) {
  // 64 bits: a foam roll may list hundreds of thousands of passes of an hour each.
  std::int64_t per_set = 0;
  switch (item.category) {
    case Category::strength:
      per_set = std::int64_t{item.reps.max} * (guidelines.tempo_up_seconds.max + guidelines.tempo_down_seconds.max);
      break;
    case Category::stretch:
      per_set = item.hold_seconds.max;
      break;
    case Category::foam_roll:
      for (const auto& pass : item.passes) per_set += pass.seconds;
      break;
  }
  const auto sides = static_cast<std::int64_t>(item.sides.size());
  const std::int64_t sets = item.sets;
  return sets * sides * per_set + (sets - 1) * item.rest_seconds + (sides - 1) * guidelines.transition_seconds;
}

Plan build_plan(const Catalogue& catalogue, const Guidelines& guidelines, const Profile& profile,
                const PlanOptions& options, std::vector<Finding> warnings) {
  Plan plan;
  plan.profile = profile;
  plan.options = options;
  plan.warnings = std::move(warnings);
  const PlanLimits limits = limits_of(plan.warnings);
  const LevelRules& level = limits.youth ? guidelines.youth : guidelines.for_level(profile.level);
  const std::string& progression = limits.youth ? guidelines.youth_progression : guidelines.progression;
  plan.progression = limits.hold_progression
                         ? "Strength work stays at the fewest sets for your level for as long as a finding with this "
                           "plan asks you to go easy; once none does, progress as follows. " +
                               progression
                         : progression;

  // With pain, a plan never runs past the routine's next checkpoint.
  const int stop = limits.stop_at_checkpoint ? stop_week(guidelines, profile) : 0;
  const bool stops = limits.stop_at_checkpoint && stop <= options.weeks;
  if (stops) plan.options.weeks = stop;

  const std::vector<const Exercise*> chosen = choose_exercises(catalogue, profile, plan.omitted);
  std::vector<const Exercise*> strength;
  for (const Exercise* exercise : chosen) {
    if (exercise->category == Category::strength) strength.push_back(exercise);
  }
  const std::vector<char> group = split_groups(strength);
  std::string pattern = level.pattern;
  const bool split = pattern.find_first_of("AB") != std::string::npos;
  const bool one_group = std::find(group.begin(), group.end(), 'B') == group.end();
  if (split && one_group && !strength.empty()) {
    // Every exercise left works the same muscles, so a split has nothing for
    // its second half: every other training day is the most the 48-hour rule allows.
    for (std::size_t i = 0; i < pattern.size(); ++i) pattern[i] = i % 2 == 0 ? 'F' : '-';
    const auto days = static_cast<int>(std::count(pattern.begin(), pattern.end(), 'F'));
    if (days < level.strength_days.min) {
      plan.warnings.push_back(
          {"one-muscle-group", Severity::info,
           fmt::format("With this equipment every strength exercise works the same muscles, so strength work comes "
                       "every other training day: {} days a week instead of the {} level's {} to {}, to keep 48 "
                       "hours between sessions.",
                       days, limits.youth ? "youth" : name_of(profile.level), level.strength_days.min,
                       level.strength_days.max),
           guidelines.schedule_source});
    }
  }

  // Refused here, before any day is built, if it would be too large.
  check_plan_size(estimate_plan_size(chosen, group, pattern, options, plan, guidelines.checkpoint_note));

  // The 4-week checkpoint counts the weeks already done.
  const int checkpoint_week = guidelines.checkpoint_week - profile.weeks_done;

  std::size_t training_day = 0;  // counts training days across the whole plan
  for (int w = 1; w <= plan.options.weeks; ++w) {
    Week week;
    week.number = w;
    const int routine_week = profile.weeks_done + w;
    for (int d = 0; d < 7; ++d) {
      Day day;
      day.date = options.start + days{(w - 1) * 7 + d};
      day.rest = weekday_of(day.date) == options.rest_day;
      if (!day.rest) {
        const char letter = pattern.empty() ? '-' : pattern[training_day % pattern.size()];
        ++training_day;
        std::size_t s = 0;
        for (const Exercise* exercise : chosen) {
          if (exercise->category == Category::strength) {
            const char own = group[s++];
            if (letter != 'F' && letter != own) continue;
          }
          day.items.push_back(make_item(*exercise, guidelines, level, profile, limits, routine_week));
        }
        day.minutes = (day_seconds(day.items, guidelines) + 59) / 60;
      }
      week.days.push_back(std::move(day));
    }
    // The checkpoint note goes on the checkpoint week's last training day; a
    // plan that stops there also says what to do next.
    const bool stop_here = stops && w == stop;
    const auto last_training = std::find_if(week.days.rbegin(), week.days.rend(), [](const Day& d) { return !d.rest; });
    if ((w == checkpoint_week || stop_here) && last_training != week.days.rend()) {
      const std::size_t first_note = last_training->notes.size();
      if (!guidelines.checkpoint_note.empty()) last_training->notes.push_back(guidelines.checkpoint_note);
      if (stop_here && !guidelines.checkpoint_stop_note.empty()) {
        last_training->notes.push_back(
            replace_all(guidelines.checkpoint_stop_note, "{weeks_done}", std::to_string(routine_week)));
      }
      if (last_training->notes.size() > first_note) {
        std::vector<std::string> notes(last_training->notes.begin() + static_cast<std::ptrdiff_t>(first_note),
                                       last_training->notes.end());
        plan.checkpoint = Checkpoint{last_training->date, routine_week, join(notes, " "), guidelines.checkpoint_source};
      }
    }
    plan.weeks.push_back(std::move(week));
  }
  return plan;
}

}  // namespace kneeplan
