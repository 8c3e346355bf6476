#include "kneeplan/core/planner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <map>
#include <numeric>
#include <set>

#include "kneeplan/core/ladders.hpp"
#include "kneeplan/core/plan_limits.hpp"
#include "kneeplan/core/text.hpp"

namespace kneeplan {

namespace {

using std::chrono::days;

// An exercise the plan uses: the rung planned, on its ladder.
struct Chosen {
  const Exercise* exercise = nullptr;
  Ladder ladder;
  const Exercise* next = nullptr;  // the rung to move to, when one is open
};

// Warm-up, then strength (multi-joint before single-joint), stretches, rolling.
int order_of(const Exercise& e) {
  switch (e.category) {
    case Category::warm_up:
      return 0;
    case Category::strength:
      return e.mechanic == Mechanic::compound ? 1 : 2;
    case Category::stretch:
      return 3;
    case Category::foam_roll:
      return 4;
  }
  return 5;
}

// The routine's exercises, each on the starting rung of its ladder that the
// person's limits and equipment allow; an exercise with no such rung is
// replaced by its first alternative that has one and is not already chosen.
std::vector<Chosen> choose_exercises(const Catalogue& catalogue, const Ladders& ladders, const Profile& profile,
                                     const RungLimits& limits, std::vector<Omission>& omitted,
                                     std::vector<RungChoice>& choices) {
  struct Candidate {
    Ladder ladder;
    StartingRung start;
  };
  auto candidate = [&](const Exercise& exercise) {
    Candidate c{ladders.ladder_of(exercise), {}};
    c.start = starting_rung(c.ladder, limits, profile);
    return c;
  };
  std::vector<Chosen> chosen;
  std::set<std::string, std::less<>> taken;
  std::vector<std::pair<const Exercise*, Candidate>> routine;
  for (const auto& exercise : catalogue.exercises) {
    if (exercise.role != Role::routine) continue;
    routine.emplace_back(&exercise, candidate(exercise));
    if (routine.back().second.start.exercise) taken.insert(exercise.id);
  }
  auto add = [&](Candidate c) {
    Chosen entry{c.start.exercise, std::move(c.ladder), nullptr};
    entry.next = next_rung(ladders, *entry.exercise, limits);
    if (entry.ladder.size() > 1) {
      std::vector<RungReason> reasons = limits.supported;
      reasons.insert(reasons.end(), limits.no_impact.begin(), limits.no_impact.end());
      std::set<std::string> sources;
      std::vector<std::string> source_list;
      for (const auto& reason : reasons) {
        if (sources.insert(reason.source).second) source_list.push_back(reason.source);
      }
      choices.push_back({entry.ladder.id(), entry.exercise->id, entry.ladder.position(entry.exercise->id),
                         entry.ladder.size(), entry.next ? entry.next->id : "", c.start.why,
                         source_list.empty() ? entry.ladder.rungs[entry.ladder.source]->source : join(source_list, "; ")});
    }
    chosen.push_back(std::move(entry));
  };
  for (auto& [exercise, own] : routine) {
    if (own.start.exercise) {
      add(std::move(own));
      continue;
    }
    const std::string needs = own.start.why;
    std::optional<Candidate> replacement;
    std::vector<std::string> planned_alternatives;
    for (const auto& id : exercise->alternatives) {
      const Exercise* alternative = ladders.find(id);
      if (!alternative) continue;
      Candidate c = candidate(*alternative);
      if (!c.start.exercise) continue;
      if (taken.contains(id)) {
        planned_alternatives.push_back(id);
        continue;
      }
      replacement = std::move(c);
      break;
    }
    if (replacement) {
      taken.insert(replacement->ladder.id());
      omitted.push_back({exercise->id, fmt::format("{}; replaced by {}", needs, replacement->start.exercise->id)});
      add(std::move(*replacement));
    } else if (!planned_alternatives.empty()) {
      omitted.push_back({exercise->id, fmt::format("{}; its alternative {} is already in the plan", needs,
                                                   join(planned_alternatives, " and "))});
    } else {
      omitted.push_back({exercise->id, needs + "; no alternative fits your equipment"});
    }
  }
  std::stable_sort(chosen.begin(), chosen.end(),
                   [](const Chosen& a, const Chosen& b) { return order_of(*a.exercise) < order_of(*b.exercise); });
  return chosen;
}

// The muscle groups a ladder loads on any rung: a person may move along it,
// and the schedule must hold whichever rung they are on.
std::vector<std::string> ladder_groups(const Ladder& ladder) {
  std::set<std::string> groups;
  for (const Exercise* rung : ladder.rungs) groups.insert(rung->groups().begin(), rung->groups().end());
  return {groups.begin(), groups.end()};
}

// Splits strength exercises into halves A and B such that exercises sharing a
// muscle group stay together (so the 48-hour rule holds per group): linked
// exercises form one block, and blocks go, largest first, to the half with
// fewer exercises. Returns 'A' or 'B' per exercise; all 'A' when there is
// one block. O(n log n) in the exercises' groups.
std::vector<char> split_groups(const std::vector<std::vector<std::string>>& groups) {
  const std::size_t n = groups.size();
  std::vector<std::size_t> parent(n);
  std::iota(parent.begin(), parent.end(), std::size_t{0});
  auto root = [&](std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  std::map<std::string, std::size_t, std::less<>> first_with;
  for (std::size_t i = 0; i < n; ++i) {
    for (const auto& group : groups[i]) {
      const auto [it, fresh] = first_with.emplace(group, i);
      if (!fresh) parent[root(i)] = root(it->second);
    }
  }
  std::map<std::size_t, std::vector<std::size_t>> blocks;  // by root, members in order
  for (std::size_t i = 0; i < n; ++i) blocks[root(i)].push_back(i);
  std::vector<const std::vector<std::size_t>*> order;
  for (const auto& [r, members] : blocks) order.push_back(&members);
  std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
    return a->size() != b->size() ? a->size() > b->size() : a->front() < b->front();
  });
  std::vector<char> half(n, 'A');
  std::size_t size_a = 0;
  std::size_t size_b = 0;
  for (const auto* members : order) {
    const char letter = size_a <= size_b ? 'A' : 'B';
    (letter == 'A' ? size_a : size_b) += members->size();
    for (const auto i : *members) half[i] = letter;
  }
  return half;
}

Side other_side(Side side) { return side == Side::left ? Side::right : Side::left; }

std::string fill(std::string text, Side side) {
  for (const auto& [placeholder, word] : {std::pair<std::string_view, std::string_view>{"{side}", name_of(side)},
                                          {"{other}", name_of(other_side(side))}}) {
    for (auto at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + word.size())) {
      text.replace(at, placeholder.size(), word);
    }
  }
  return text;
}

struct Context {
  const Guidelines& guidelines;
  const Profile& profile;
  const LevelRules& level;  // the person's level, or the youth table
  bool hold_progression;
  bool youth;
};

Item make_item(const Chosen& chosen, const Context& c, int routine_week) {
  const Exercise& exercise = *chosen.exercise;
  Item item;
  item.exercise = exercise.id;
  item.name = exercise.name;
  item.category = exercise.category;
  item.sides = sides_for(exercise, c.profile.side);
  item.sides_text = sides_text(exercise, item.sides);
  switch (exercise.category) {
    case Category::strength: {
      const int added = c.hold_progression ? 0 : (routine_week - 1) / c.guidelines.weeks_per_added_set;
      item.sets = std::min(c.level.sets.max, c.level.sets.min + added);
      const bool older = !c.youth && c.profile.age && *c.profile.age >= c.guidelines.older_age;
      item.reps = older ? c.guidelines.older_reps : c.level.reps;
      item.rest_seconds = c.level.rest_seconds;
      item.ladder = chosen.ladder.id();
      item.rung = chosen.ladder.position(exercise.id);
      if (item.sets == c.level.sets.max && !c.hold_progression && chosen.next) item.next_rung = chosen.next->id;
      break;
    }
    case Category::stretch:
      item.hold_seconds = exercise.hold_seconds;
      break;
    case Category::foam_roll:
      item.passes = exercise.passes;
      break;
    case Category::warm_up:
      item.minutes = exercise.minutes;
      break;
  }
  return item;
}

std::int64_t day_seconds(const std::vector<Item>& items, const Guidelines& guidelines) {
  std::int64_t total = 0;
  for (const auto& item : items) total += item_seconds(item, guidelines);
  if (!items.empty()) total += static_cast<std::int64_t>(items.size() - 1) * guidelines.transition_seconds;
  return total;
}

std::int64_t ceil_minutes(std::int64_t seconds) { return (seconds + 59) / 60; }

// The plan week at which a plan stopped by pain ends: the routine's next
// checkpoint (every checkpoint_week weeks) after the weeks already done.
int stop_week(const Guidelines& guidelines, const Profile& profile) {
  const int every = guidelines.checkpoint_week;
  return (profile.weeks_done / every + 1) * every - profile.weeks_done;
}

// Fits a training day into `limit` seconds, in the documented order, stopping
// as soon as it fits: the warm-up comes down to the bottom of its range;
// stretch holds come down to the shortest hold, last stretch first; foam
// rolling goes, last first; stretches go, last first, down to one; strength
// sets come down one at a time, last exercise first, to the level's fewest.
// Warm-up and strength work never go. Returns what changed.
std::vector<Trim> fit_day(std::vector<Item>& items, int limit, const Context& c) {
  std::vector<Trim> trims;
  const auto fits = [&] { return day_seconds(items, c.guidelines) <= limit; };
  if (fits()) return trims;
  for (auto& item : items) {
    if (item.category == Category::warm_up && item.minutes.max > item.minutes.min) {
      item.minutes.max = item.minutes.min;
      trims.push_back({item.exercise, fmt::format("{} min", item.minutes.min)});
      if (fits()) return trims;
    }
  }
  for (auto it = items.rbegin(); it != items.rend(); ++it) {
    if (it->category != Category::stretch) continue;
    const int shortest = std::max(it->hold_seconds.min, c.guidelines.shortest_hold_seconds);
    if (shortest >= it->hold_seconds.max) continue;
    it->hold_seconds = {shortest, shortest};
    trims.push_back({it->exercise, fmt::format("hold {} s", shortest)});
    if (fits()) return trims;
  }
  const auto drop_last = [&](Category category, std::size_t keep) {
    std::size_t count = static_cast<std::size_t>(
        std::count_if(items.begin(), items.end(), [&](const Item& item) { return item.category == category; }));
    for (auto it = items.end(); it != items.begin() && count > keep;) {
      --it;
      if (it->category != category) continue;
      trims.push_back({it->exercise, "left out"});
      it = items.erase(it);
      --count;
      if (fits()) return true;
    }
    return false;
  };
  if (drop_last(Category::foam_roll, 0) || drop_last(Category::stretch, 1)) return trims;
  std::map<std::string, int> cut;  // exercise id -> sets before
  for (bool cutting = true; cutting && !fits();) {
    cutting = false;
    for (auto it = items.rbegin(); it != items.rend() && !fits(); ++it) {
      if (it->category != Category::strength || it->sets <= c.level.sets.min) continue;
      cut.emplace(it->exercise, it->sets);
      --it->sets;
      cutting = true;
    }
  }
  for (auto& item : items) {
    if (!cut.contains(item.exercise)) continue;
    trims.push_back({item.exercise, fmt::format("{} set{}", item.sets, item.sets == 1 ? "" : "s")});
  }
  return trims;
}

std::string groups_text(const std::vector<Chosen>& strength) {
  std::set<std::string> groups;
  for (const auto& chosen : strength) {
    const auto own = ladder_groups(chosen.ladder);
    groups.insert(own.begin(), own.end());
  }
  return join(std::vector<std::string>(groups.begin(), groups.end()), " and ");
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
    case Category::warm_up:
      per_set = item.minutes.max * 60;
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
  const PlanLimits asked = limits_of(plan.warnings);
  const bool hold_progression = asked.hold_progression;
  const LevelRules& level = asked.youth ? guidelines.youth : guidelines.for_level(profile.level);
  const std::string& progression = asked.youth ? guidelines.youth_progression : guidelines.progression;
  plan.progression = hold_progression ? "Strength work stays at the fewest sets for your level, on the rung it "
                                        "starts on, for as long as a finding with this plan asks you to go easy; "
                                        "once none does, progress as follows. " +
                                            progression
                                      : progression;
  plan.move_up = move_up_text(guidelines);
  plan.top_sets = level.sets.max;
  const Context context{guidelines, profile, level, hold_progression, asked.youth};

  // With pain, a plan never runs past the routine's next checkpoint.
  const int stop = asked.stop_at_checkpoint ? stop_week(guidelines, profile) : 0;
  const bool stops = asked.stop_at_checkpoint && stop <= options.weeks;
  if (stops) plan.options.weeks = stop;

  const RungLimits limits = rung_limits(profile, guidelines, plan.warnings);
  const Ladders ladders(catalogue);
  const std::vector<Chosen> chosen = choose_exercises(catalogue, ladders, profile, limits, plan.omitted, plan.rungs);
  std::vector<Chosen> strength;
  std::vector<std::vector<std::string>> strength_groups;
  for (const Chosen& c : chosen) {
    if (c.exercise->category != Category::strength) continue;
    strength.push_back(c);
    strength_groups.push_back(ladder_groups(c.ladder));
  }
  const std::vector<char> half = split_groups(strength_groups);
  std::string pattern = level.pattern;
  const bool split = pattern.find_first_of("AB") != std::string::npos;
  const bool one_block = std::find(half.begin(), half.end(), 'B') == half.end();
  if (split && one_block && !strength.empty()) {
    // Every strength exercise shares a muscle group with another, so a split
    // has nothing for its second half: every other training day is the most
    // the 48-hour rule allows. The level changes sets, not days.
    for (std::size_t i = 0; i < pattern.size(); ++i) pattern[i] = i % 2 == 0 ? 'F' : '-';
    const auto count = static_cast<int>(std::count(pattern.begin(), pattern.end(), 'F'));
    if (count < level.strength_days.min) {
      plan.warnings.push_back(
          {"one-muscle-group", Severity::info,
           fmt::format("Strength work comes every other training day, {} days a week, below the {} level's {} to {}: "
                       "these exercises share the {}, which need 48 hours between sessions. Your level shows in "
                       "sets and rungs instead.",
                       count, asked.youth ? "youth" : name_of(profile.level), level.strength_days.min,
                       level.strength_days.max,
                       groups_text(strength)),
           guidelines.schedule_source});
    }
  }

  const std::optional<int> limit = profile.minutes_per_day;
  if (limit) plan.budget = Budget{*limit, 0, true, {}};
  std::map<std::pair<std::string, std::string>, std::size_t> change_index;

  // Refused here, before any day is built, if it would be too large.
  {
    std::vector<const Exercise*> daily;     // what the days hold, in order
    std::vector<const Exercise*> described;  // what the plan describes in full: each rung a card may name
    std::set<const Exercise*> seen;
    for (const Chosen& c : chosen) {
      daily.push_back(c.exercise);
      for (const Exercise* e : c.ladder.rungs) {
        if (seen.insert(e).second) described.push_back(e);
      }
      for (const Exercise* e : {c.exercise, c.next}) {
        if (e && seen.insert(e).second) described.push_back(e);
      }
    }
    check_plan_size(estimate_plan_size(daily, half, described, pattern, options, plan, guidelines.checkpoint_note));
  }

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
        bool has_strength = false;
        for (const Chosen& c : chosen) {
          if (c.exercise->category == Category::strength) {
            const char own = half[s++];
            if (letter != 'F' && letter != own) continue;
            has_strength = true;
          }
          day.items.push_back(make_item(c, context, routine_week));
        }
        if (!has_strength) {
          std::erase_if(day.items, [](const Item& item) { return item.category == Category::warm_up; });
        }
        if (plan.budget) {
          std::vector<Item> least = day.items;
          fit_day(least, 0, context);
          // Held to int: a day past INT_MAX minutes fits no budget a person can give anyway.
          const std::int64_t least_minutes = ceil_minutes(day_seconds(least, guidelines));
          plan.budget->smallest =
              std::max(plan.budget->smallest, static_cast<int>(std::min<std::int64_t>(least_minutes, INT_MAX)));
          day.trims = fit_day(day.items, *limit * 60, context);
          for (const Trim& trim : day.trims) {
            const auto key = std::make_pair(trim.exercise, trim.change);
            const auto [it, fresh] = change_index.emplace(key, plan.budget->changes.size());
            if (fresh) {
              const Exercise* e = ladders.find(trim.exercise);
              plan.budget->changes.push_back({trim.exercise, e ? e->name : trim.exercise, trim.change, 0});
            }
            ++plan.budget->changes[it->second].days;
            // Sets a budget holds down cannot rise: the next rung is the way on.
            if (trim.change.ends_with("set") || trim.change.ends_with("sets")) {
              for (auto& item : day.items) {
                if (item.exercise != trim.exercise || hold_progression) continue;
                const auto owner = std::find_if(strength.begin(), strength.end(),
                                                [&](const Chosen& c) { return c.exercise->id == item.exercise; });
                if (owner != strength.end() && owner->next) item.next_rung = owner->next->id;
              }
            }
          }
        }
        day.minutes = ceil_minutes(day_seconds(day.items, guidelines));
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
  if (plan.budget) plan.budget->fits = *limit >= plan.budget->smallest;

  // The exercises the days use, in order of first use; then, for each ladder,
  // the rungs on either side, so a reader can step up or back.
  std::set<std::string, std::less<>> listed;
  auto list = [&](const Exercise& exercise, bool planned) {
    if (!listed.insert(exercise.id).second) return;
    plan.exercises.push_back(plan_exercise(exercise, ladders, limits, guidelines, asked.youth, planned));
  };
  for (const Chosen& c : chosen) list(*c.exercise, true);
  // Keep only what the days use (a time budget may leave some out everywhere).
  std::set<std::string, std::less<>> used;
  for (const auto& week : plan.weeks) {
    for (const auto& day : week.days) {
      for (const auto& item : day.items) used.insert(item.exercise);
    }
  }
  std::erase_if(plan.exercises, [&](const PlanExercise& e) { return !used.contains(e.exercise.id); });
  for (const Chosen& c : strength) {
    if (const Exercise* easier = ladders.easier(*c.exercise)) list(*easier, false);
    if (c.next) list(*c.next, false);
  }
  return plan;
}

std::vector<Side> sides_for(const Exercise& exercise, Side affected) {
  if (exercise.laterality == Laterality::bilateral) return {Side::both};
  // Strength work goes to the affected side(s); stretches and rolling to both legs.
  if (exercise.category == Category::strength && affected != Side::both) return {affected};
  return {Side::left, Side::right};
}

std::string sides_text(const Exercise& exercise, const std::vector<Side>& sides) {
  const SideText& words = exercise.side_text;
  if (sides.size() == 1 && sides.front() == Side::both) return words.both.empty() ? "both legs together" : words.both;
  if (sides.size() == 1) return fill(words.one.empty() ? "{side} leg" : words.one, sides.front());
  return words.each.empty() ? "each leg" : words.each;
}

PlanExercise plan_exercise(const Exercise& exercise, const Ladders& ladders, const RungLimits& limits,
                           const Guidelines& guidelines, bool youth, bool planned) {
  PlanExercise entry{exercise, 0, 0, {}, {}, planned};
  // Children and teenagers stretch and roll to a comfortable pull, never into discomfort.
  const bool stretch_or_roll = exercise.category == Category::stretch || exercise.category == Category::foam_roll;
  if (youth && stretch_or_roll && !guidelines.youth_stretch_cue.empty()) {
    if (entry.exercise.cues.empty()) entry.exercise.cues.emplace_back();
    entry.exercise.cues.front() = guidelines.youth_stretch_cue;
  }
  const Ladder ladder = ladders.ladder_of(exercise);
  if (ladder.size() > 1) {
    entry.rung = ladder.position(exercise.id);
    entry.rungs = ladder.size();
    if (const Exercise* easier = ladders.easier(exercise)) entry.easier = easier->id;
    if (const Exercise* harder = next_rung(ladders, exercise, limits)) entry.harder = harder->id;
  }
  return entry;
}

std::int64_t day_minutes(const std::vector<Item>& items, const Guidelines& guidelines) {
  return ceil_minutes(day_seconds(items, guidelines));
}

}  // namespace kneeplan
