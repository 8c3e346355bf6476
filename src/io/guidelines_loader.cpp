#include "kneeplan/core/guidelines.hpp"

#include <fmt/format.h>

#include "io/json_reader.hpp"
#include "io/loaders.hpp"

namespace kneeplan {

namespace {

constexpr Bounds kSetBounds{1, 20};
constexpr Bounds kRepBounds{1, 100};
constexpr Bounds kDayBounds{0, 7};
constexpr Bounds kSecondBounds{0, 3600};
constexpr Bounds kWeekBounds{1, 52};
constexpr Bounds kAgeLimit{0, 120};

bool is_strength_day(char c) { return c != '-'; }
// F is every strength exercise; A and B are the two halves of a split.
bool shares_work(char a, char b) {
  if (!is_strength_day(a) || !is_strength_day(b)) return false;
  return a == 'F' || b == 'F' || a == b;
}

// The pattern's letters, its length, its count of strength days and the
// 48-hour rule: no two neighbouring training days (cyclically) share work.
void check_pattern(Reader& reader, const std::string& at, const LevelRules& rules, int training_days) {
  const std::string& pattern = rules.pattern;
  if (pattern.find_first_not_of("FAB-") != std::string::npos) {
    reader.error(at, fmt::format("expected only the letters F, A, B and -, found \"{}\"", shortened(pattern)));
    return;
  }
  if (pattern.size() != static_cast<std::size_t>(training_days)) {
    reader.error(at, fmt::format("expected one letter per training day ({}), found {}", training_days, pattern.size()));
    return;
  }
  const auto days = static_cast<int>(std::count_if(pattern.begin(), pattern.end(), is_strength_day));
  if (days < rules.strength_days.min || days > rules.strength_days.max) {
    reader.error(at, fmt::format("has {} strength days; expected {} to {} (strength_days)", days,
                                 rules.strength_days.min, rules.strength_days.max));
  }
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char next = pattern[(i + 1) % pattern.size()];
    if (shares_work(pattern[i], next)) {
      reader.error(at, fmt::format("letters {} and {} put the same muscles on two days in a row; "
                                   "keep 48 hours between them",
                                   i + 1, (i + 1) % pattern.size() + 1));
      return;
    }
  }
}

// {"age_at_least", "age_below", "pain_at_least", "bmi_at_least", "causes", "source"}: at least one condition.
RungRule read_rung_rule(Reader& reader, const JsonValue& parent, const std::string& at, std::string_view key) {
  RungRule rule;
  const JsonValue* value = reader.member(parent, at, key, true);
  const std::string here = child(at, key);
  if (!value || !reader.object(*value, here, {"age_at_least", "age_below", "pain_at_least", "bmi_at_least", "causes",
                                              "source"})) {
    return rule;
  }
  rule.age_at_least = reader.integer(*value, here, "age_at_least", kAgeLimit, false);
  rule.age_below = reader.integer(*value, here, "age_below", kAgeLimit, false);
  rule.pain_at_least = reader.integer(*value, here, "pain_at_least", {0, 10}, false);
  rule.bmi_at_least = reader.number(*value, here, "bmi_at_least", {10, 100}, false);
  const auto& causes = EnumNames<Cause>::names;
  if (auto words = reader.strings(*value, here, "causes", {causes.data(), causes.size()}, false, true)) {
    for (const auto& word : *words) rule.causes.push_back(*parse_name<Cause>(word));
  }
  if (auto source = reader.string(*value, here, "source")) rule.source = *source;
  if (value->size() == 1 && value->find("source")) {
    reader.error(here, "expected at least one condition: age_at_least, age_below, pain_at_least, bmi_at_least or causes");
  }
  return rule;
}

// The dosing members of a level (or of the youth table) in `value`, an object
// whose keys the caller has checked.
void read_level(Reader& reader, const JsonValue& value, const std::string& at, LevelRules& rules, int training_days) {
  const auto sets = reader.range(value, at, "sets", kSetBounds);
  const auto reps = reader.range(value, at, "reps", kRepBounds);
  const auto days = reader.range(value, at, "strength_days", kDayBounds);
  const auto rest = reader.integer(value, at, "rest_seconds", kSecondBounds);
  const auto pattern = reader.string(value, at, "pattern");
  if (auto source = reader.string(value, at, "source")) rules.source = *source;
  if (sets) rules.sets = *sets;
  if (reps) rules.reps = *reps;
  if (rest) rules.rest_seconds = *rest;
  if (days && pattern) {
    rules.strength_days = *days;
    rules.pattern = *pattern;
    check_pattern(reader, child(at, "pattern"), rules, training_days);
  }
}

// The coach's rules: one object per rule, each with its numbers and source.
void read_coach(Reader& reader, const JsonValue& value, CoachRules& c) {
  const std::string at = "/coach";
  if (!reader.object(value, at, {"restart", "pain", "regression", "rising_pain", "progression", "maintenance"})) {
    return;
  }
  // The rule `name` as an object with `keys` (its source among them); null when absent or not one.
  const auto rule = [&](std::string_view name, std::initializer_list<std::string_view> keys,
                        std::string& source) -> const JsonValue* {
    const JsonValue* member = reader.member(value, at, name, true);
    if (!member || !reader.object(*member, child(at, name), keys)) return nullptr;
    if (auto text = reader.string(*member, child(at, name), "source")) source = *text;
    return member;
  };
  const auto number = [&](const JsonValue* rule_value, std::string_view name, std::string_view key, Bounds bounds,
                          int& into) {
    if (auto n = reader.integer(*rule_value, child(at, name), key, bounds)) into = *n;
  };
  if (const auto* r = rule("restart", {"gap_days", "source"}, c.restart_source)) number(r, "restart", "gap_days", {1, 365}, c.restart_gap_days);
  if (const auto* r = rule("pain", {"during_at_most", "source"}, c.pain_source)) number(r, "pain", "during_at_most", {0, 10}, c.pain_during_at_most);
  if (const auto* r = rule("regression", {"bad_sessions_in_a_row", "source"}, c.regression_source)) {
    number(r, "regression", "bad_sessions_in_a_row", {1, 10}, c.bad_sessions_to_step_down);
  }
  if (const auto* r = rule("rising_pain", {"weeks", "source"}, c.rising_source)) number(r, "rising_pain", "weeks", {1, 10}, c.rising_weeks);
  if (const auto* r = rule("progression", {"reps_over_range", "sessions_in_a_row", "source"}, c.progression_source)) {
    number(r, "progression", "reps_over_range", {1, 20}, c.reps_over_range);
    number(r, "progression", "sessions_in_a_row", {1, 10}, c.sessions_in_a_row);
  }
  if (const auto* r = rule("maintenance", {"pain_free_weeks", "sessions_a_week_at_least", "pattern", "source"},
                           c.maintenance_source)) {
    number(r, "maintenance", "pain_free_weeks", {1, 10}, c.maintenance_pain_free_weeks);
    number(r, "maintenance", "sessions_a_week_at_least", {1, 7}, c.maintenance_sessions_a_week);
    if (auto pattern = reader.string(*r, "/coach/maintenance", "pattern")) {
      if (pattern->empty() || pattern->size() > 7 || pattern->find_first_not_of("FM-") != std::string::npos) {
        reader.error("/coach/maintenance/pattern",
                     fmt::format("expected 1 to 7 of the letters F, M and -, found \"{}\"", *pattern));
      } else {
        c.maintenance_pattern = *pattern;
      }
    }
  }
}

}  // namespace

Guidelines read_guidelines(const JsonValue& root, const std::string& file) {
  Reader reader(file);
  Guidelines g;
  if (!reader.object(root, "",
                     {"format", "levels", "youth", "older_adults", "tempo", "progression", "rungs", "time_budget",
                      "schedule", "transition", "checkpoint", "coach"})) {
    reader.finish();  // throws: the root is not an object
  }
  reader.format(root, kGuidelinesFormat);

  if (const JsonValue* schedule = reader.member(root, "", "schedule", true);
      schedule && reader.object(*schedule, "/schedule", {"training_days", "rest_days", "source"})) {
    if (auto days = reader.integer(*schedule, "/schedule", "training_days", {1, 7})) g.training_days = *days;
    if (auto days = reader.integer(*schedule, "/schedule", "rest_days", {0, 6})) g.rest_days = *days;
    if (g.training_days + g.rest_days != 7) {
      reader.error("/schedule", fmt::format("training_days and rest_days must make a week of 7, found {} + {}",
                                            g.training_days, g.rest_days));
    } else if (g.rest_days != 1) {
      reader.error("/schedule/rest_days", "expected 1: a week has exactly one rest day");
    }
    if (auto source = reader.string(*schedule, "/schedule", "source")) g.schedule_source = *source;
  }

  const auto& level_names = EnumNames<Level>::names;
  if (const JsonValue* levels = reader.member(root, "", "levels", true);
      levels && reader.object(*levels, "/levels", {"novice", "intermediate", "advanced"})) {
    for (std::size_t i = 0; i < level_names.size(); ++i) {
      const std::string at = child("/levels", level_names[i]);
      const JsonValue* level = reader.member(*levels, "/levels", level_names[i], true);
      if (!level ||
          !reader.object(*level, at, {"sets", "reps", "strength_days", "rest_seconds", "pattern", "source"})) {
        continue;
      }
      read_level(reader, *level, at, g.levels[i], g.training_days);
    }
  }

  if (const JsonValue* youth = reader.member(root, "", "youth", true);
      youth && reader.object(*youth, "/youth",
                             {"sets", "reps", "strength_days", "rest_seconds", "pattern", "stretch_cue", "progression",
                              "source"})) {
    read_level(reader, *youth, "/youth", g.youth, g.training_days);
    if (auto cue = reader.string(*youth, "/youth", "stretch_cue")) g.youth_stretch_cue = *cue;
    if (auto words = reader.string(*youth, "/youth", "progression")) g.youth_progression = *words;
  }

  if (const JsonValue* older = reader.member(root, "", "older_adults", true);
      older && reader.object(*older, "/older_adults", {"age_at_least", "reps", "source"})) {
    if (auto age = reader.integer(*older, "/older_adults", "age_at_least", kAgeLimit)) g.older_age = *age;
    if (auto reps = reader.range(*older, "/older_adults", "reps", kRepBounds)) g.older_reps = *reps;
    if (auto source = reader.string(*older, "/older_adults", "source")) g.older_source = *source;
  }
  if (const JsonValue* tempo = reader.member(root, "", "tempo", true);
      tempo && reader.object(*tempo, "/tempo", {"up_seconds", "down_seconds", "source"})) {
    if (auto up = reader.range(*tempo, "/tempo", "up_seconds", {1, 60})) g.tempo_up_seconds = *up;
    if (auto down = reader.range(*tempo, "/tempo", "down_seconds", {1, 60})) g.tempo_down_seconds = *down;
    if (auto source = reader.string(*tempo, "/tempo", "source")) g.tempo_source = *source;
  }
  if (const JsonValue* progression = reader.member(root, "", "progression", true);
      progression && reader.object(*progression, "/progression",
                                   {"weeks_per_added_set", "reps_over", "sessions_in_a_row", "text", "source"})) {
    if (auto weeks = reader.integer(*progression, "/progression", "weeks_per_added_set", kWeekBounds)) {
      g.weeks_per_added_set = *weeks;
    }
    if (auto reps = reader.integer(*progression, "/progression", "reps_over", {1, 20})) g.reps_over = *reps;
    if (auto sessions = reader.integer(*progression, "/progression", "sessions_in_a_row", {1, 20})) {
      g.sessions_in_a_row = *sessions;
    }
    if (auto words = reader.string(*progression, "/progression", "text")) g.progression = *words;
    if (auto source = reader.string(*progression, "/progression", "source")) g.progression_source = *source;
  }
  if (const JsonValue* rungs = reader.member(root, "", "rungs", true);
      rungs && reader.object(*rungs, "/rungs", {"supported_start", "no_impact"})) {
    g.supported_start = read_rung_rule(reader, *rungs, "/rungs", "supported_start");
    g.no_impact = read_rung_rule(reader, *rungs, "/rungs", "no_impact");
  }
  if (const JsonValue* budget = reader.member(root, "", "time_budget", true);
      budget && reader.object(*budget, "/time_budget", {"shortest_hold_seconds", "source"})) {
    if (auto seconds = reader.integer(*budget, "/time_budget", "shortest_hold_seconds", {1, 3600})) {
      g.shortest_hold_seconds = *seconds;
    }
    if (auto source = reader.string(*budget, "/time_budget", "source")) g.shortest_hold_source = *source;
  }
  if (const JsonValue* transition = reader.member(root, "", "transition", true);
      transition && reader.object(*transition, "/transition", {"seconds", "source"})) {
    if (auto seconds = reader.integer(*transition, "/transition", "seconds", kSecondBounds)) {
      g.transition_seconds = *seconds;
    }
    if (auto source = reader.string(*transition, "/transition", "source")) g.transition_source = *source;
  }
  if (const JsonValue* checkpoint = reader.member(root, "", "checkpoint", true);
      checkpoint && reader.object(*checkpoint, "/checkpoint", {"week", "note", "stop_note", "source"})) {
    if (auto week = reader.integer(*checkpoint, "/checkpoint", "week", kWeekBounds)) g.checkpoint_week = *week;
    if (auto note = reader.string(*checkpoint, "/checkpoint", "note")) g.checkpoint_note = *note;
    if (auto note = reader.string(*checkpoint, "/checkpoint", "stop_note")) g.checkpoint_stop_note = *note;
    if (auto source = reader.string(*checkpoint, "/checkpoint", "source")) g.checkpoint_source = *source;
  }
  if (const JsonValue* coach = reader.member(root, "", "coach", true)) read_coach(reader, *coach, g.coach);
  reader.finish();
  return g;
}

Guidelines parse_guidelines(std::string_view text, const std::string& file) {
  return read_guidelines(parse_json(text, file).root(), file);
}

}  // namespace kneeplan
