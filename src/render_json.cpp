// Plans, exercises and findings as JSON, keys in a fixed order.
#include <nlohmann/json.hpp>

#include "kneeplan/render.hpp"

namespace kneeplan {

namespace {

using ordered = nlohmann::ordered_json;

ordered range_json(Range range) { return {{"min", range.min}, {"max", range.max}}; }

ordered passes_json(const std::vector<Pass>& passes) {
  ordered out = ordered::array();
  for (const auto& pass : passes) out.push_back({{"area", pass.area}, {"seconds", pass.seconds}});
  return out;
}

template <class Enum, class Container>
ordered names_json(const Container& values) {
  ordered out = ordered::array();
  for (const auto& value : values) out.push_back(name_of<Enum>(value));
  return out;
}

ordered profile_json(const Profile& p) {
  ordered out;
  if (p.age) out["age"] = *p.age;
  out["level"] = name_of(p.level);
  out["side"] = name_of(p.side);
  out["pain"] = p.pain;
  out["cause"] = name_of(p.cause);
  out["symptoms"] = p.symptoms;
  if (p.equipment) {
    out["equipment"] = *p.equipment;
  } else {
    out["equipment"] = kEquipment;
  }
  out["weeks_done"] = p.weeks_done;
  if (p.height_cm) out["height_cm"] = *p.height_cm;
  if (p.weight_kg) out["weight_kg"] = *p.weight_kg;
  if (p.ankle_gap_cm) out["ankle_gap_cm"] = *p.ankle_gap_cm;
  out["cleared_by_clinician"] = p.cleared_by_clinician;
  return out;
}

ordered finding_json(const Finding& f) {
  return {{"id", f.id}, {"severity", name_of(f.severity)}, {"message", f.message}, {"source", f.source}};
}

ordered item_json(const Item& item) {
  ordered out;
  out["exercise"] = item.exercise;
  out["name"] = item.name;
  out["category"] = name_of(item.category);
  out["sets"] = item.sets;
  switch (item.category) {
    case Category::strength:
      out["reps"] = range_json(item.reps);
      break;
    case Category::stretch:
      out["hold_seconds"] = range_json(item.hold_seconds);
      break;
    case Category::foam_roll:
      out["passes"] = passes_json(item.passes);
      break;
  }
  out["sides"] = names_json<Side>(item.sides);
  if (item.category == Category::strength) out["rest_seconds"] = item.rest_seconds;
  out["cue"] = item.cue;
  return out;
}

ordered exercise_json(const Exercise& e) {
  ordered out;
  out["id"] = e.id;
  out["name"] = e.name;
  out["category"] = name_of(e.category);
  out["role"] = name_of(e.role);
  if (e.mechanic != Mechanic::unspecified) out["mechanic"] = name_of(e.mechanic);
  out["targets"] = e.targets;
  out["equipment"] = e.equipment;
  out["laterality"] = name_of(e.laterality);
  switch (e.category) {
    case Category::strength:
      out["dose"] = {{"reps", range_json(e.reps)}};
      break;
    case Category::stretch:
      out["dose"] = {{"hold_seconds", range_json(e.hold_seconds)}};
      break;
    case Category::foam_roll:
      out["dose"] = {{"passes", passes_json(e.passes)}};
      break;
  }
  out["steps"] = e.steps;
  out["cues"] = e.cues;
  out["alternatives"] = e.alternatives;
  out["source"] = e.source;
  return out;
}

std::string dump(const ordered& value) { return value.dump(2, ' ', false, ordered::error_handler_t::replace) + "\n"; }

}  // namespace

std::string render_json(const Plan& plan, std::string_view generator) {
  ordered out;
  out["format"] = kPlanFormat;
  out["generator"] = generator;
  out["profile"] = profile_json(plan.profile);
  out["options"] = {{"weeks", plan.options.weeks},
                    {"start", format_date(plan.options.start)},
                    {"rest_day", name_of(plan.options.rest_day)}};
  out["warnings"] = ordered::array();
  for (const auto& f : plan.warnings) out["warnings"].push_back(finding_json(f));
  out["omitted"] = ordered::array();
  for (const auto& o : plan.omitted) out["omitted"].push_back({{"exercise", o.exercise}, {"reason", o.reason}});
  out["progression"] = plan.progression;
  out["weeks"] = ordered::array();
  for (const auto& week : plan.weeks) {
    ordered days = ordered::array();
    for (const auto& day : week.days) {
      ordered items = ordered::array();
      for (const auto& item : day.items) items.push_back(item_json(item));
      days.push_back({{"date", format_date(day.date)},
                      {"weekday", name_of(weekday_of(day.date))},
                      {"rest", day.rest},
                      {"minutes", day.minutes},
                      {"notes", day.notes},
                      {"items", std::move(items)}});
    }
    out["weeks"].push_back({{"week", week.number}, {"days", std::move(days)}});
  }
  return dump(out);
}

std::string render_exercises_json(const std::vector<const Exercise*>& exercises) {
  ordered out = ordered::array();
  for (const Exercise* e : exercises) out.push_back(exercise_json(*e));
  return dump(out);
}

std::string render_exercise_json(const Exercise& exercise) { return dump(exercise_json(exercise)); }

std::string render_findings_json(const std::vector<Finding>& findings, const SafetyRules& rules, bool allowed) {
  ordered out;
  out["format"] = kFindingsFormat;
  out["plan_allowed"] = allowed;
  out["findings"] = ordered::array();
  bool urgent = false;
  for (const auto& f : findings) {
    out["findings"].push_back(finding_json(f));
    urgent = urgent || f.severity == Severity::urgent;
  }
  out["emergency"] = urgent ? ordered(rules.emergency) : ordered(nullptr);
  return dump(out);
}

}  // namespace kneeplan
