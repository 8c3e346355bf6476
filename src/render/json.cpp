// Plans, exercises and findings as JSON, keys in a fixed order.
#include "io/json_writer.hpp"
#include "kneeplan/render/render.hpp"

namespace kneeplan {

namespace {

using detail::JsonWriter;

void write_range(JsonWriter& out, Range range) {
  out.begin_object();
  out.member("min", range.min);
  out.member("max", range.max);
  out.end_object();
}

void write_passes(JsonWriter& out, const std::vector<Pass>& passes) {
  out.begin_array();
  for (const auto& pass : passes) {
    out.begin_object();
    out.member("area", pass.area);
    out.member("seconds", pass.seconds);
    out.end_object();
  }
  out.end_array();
}

// `format` first when given: the saved profile is a kneeplan.profile/1 file.
void write_profile(JsonWriter& out, const Profile& p, std::string_view format = {}) {
  out.begin_object();
  if (!format.empty()) out.member("format", format);
  if (p.age) out.member("age", *p.age);
  out.member("level", name_of(p.level));
  out.member("side", name_of(p.side));
  out.member("pain", p.pain);
  out.member("cause", name_of(p.cause));
  out.member("symptoms", p.symptoms);
  out.member("history", p.history);
  if (p.equipment) {
    out.member("equipment", *p.equipment);
  } else {
    out.member("equipment", kEquipment);
  }
  out.member("weeks_done", p.weeks_done);
  if (p.height_cm) out.member("height_cm", *p.height_cm);
  if (p.weight_kg) out.member("weight_kg", *p.weight_kg);
  if (p.ankle_gap_cm) out.member("ankle_gap_cm", *p.ankle_gap_cm);
  out.member("cleared_by_clinician", p.cleared_by_clinician);
  if (p.minutes_per_day) out.member("minutes_per_day", *p.minutes_per_day);
  out.end_object();
}

void write_finding(JsonWriter& out, const Finding& f) {
  out.begin_object();
  out.member("id", f.id);
  out.member("severity", name_of(f.severity));
  out.member("message", f.message);
  out.member("source", f.source);
  out.end_object();
}

// An id, or null when empty.
void write_id(JsonWriter& out, std::string_view key, const std::string& id) {
  out.key(key);
  if (id.empty()) {
    out.null();
  } else {
    out.value(id);
  }
}

// The member the category is dosed in: "reps", "hold_seconds", "passes" or "minutes".
void write_dose(JsonWriter& out, Category category, Range reps, Range hold_seconds, const std::vector<Pass>& passes,
                Range minutes) {
  switch (category) {
    case Category::warm_up:
      out.key("minutes");
      write_range(out, minutes);
      break;
    case Category::strength:
      out.key("reps");
      write_range(out, reps);
      break;
    case Category::stretch:
      out.key("hold_seconds");
      write_range(out, hold_seconds);
      break;
    case Category::foam_roll:
      out.key("passes");
      write_passes(out, passes);
      break;
  }
}

void write_item(JsonWriter& out, const Item& item) {
  out.begin_object();
  out.member("exercise", item.exercise);
  out.member("name", item.name);
  out.member("category", name_of(item.category));
  out.member("sets", item.sets);
  write_dose(out, item.category, item.reps, item.hold_seconds, item.passes, item.minutes);
  out.key("sides");
  out.begin_array();
  for (const Side side : item.sides) out.value(name_of(side));
  out.end_array();
  out.member("sides_text", item.sides_text);
  if (item.category == Category::strength) {
    out.member("rest_seconds", item.rest_seconds);
    out.member("ladder", item.ladder);
    out.member("rung", item.rung);
    write_id(out, "next_rung", item.next_rung);
  }
  out.end_object();
}

void write_day(JsonWriter& out, const Day& day) {
  out.begin_object();
  out.member("date", format_date(day.date));
  out.member("weekday", name_of(weekday_of(day.date)));
  out.member("rest", day.rest);
  out.member("minutes", day.minutes);
  out.member("notes", day.notes);
  out.key("trims");
  out.begin_array();
  for (const auto& trim : day.trims) {
    out.begin_object();
    out.member("exercise", trim.exercise);
    out.member("change", trim.change);
    out.end_object();
  }
  out.end_array();
  out.key("items");
  out.begin_array();
  for (const auto& item : day.items) write_item(out, item);
  out.end_array();
  out.end_object();
}

// Only the texts the catalogue gives, as it gives them.
void write_side_text(JsonWriter& out, const SideText& text) {
  if (text == SideText{}) return;
  out.key("side_text");
  out.begin_object();
  if (!text.one.empty()) out.member("one", text.one);
  if (!text.each.empty()) out.member("each", text.each);
  if (!text.both.empty()) out.member("both", text.both);
  out.end_object();
}

void write_exercise(JsonWriter& out, const Exercise& e) {
  out.begin_object();
  out.member("id", e.id);
  out.member("name", e.name);
  out.member("category", name_of(e.category));
  out.member("role", name_of(e.role));
  if (e.mechanic != Mechanic::unspecified) out.member("mechanic", name_of(e.mechanic));
  out.member("targets", e.targets);
  if (!e.muscle_groups.empty()) out.member("muscle_groups", e.muscle_groups);
  out.member("equipment", e.equipment);
  out.member("laterality", name_of(e.laterality));
  write_side_text(out, e.side_text);
  out.key("dose");
  out.begin_object();
  write_dose(out, e.category, e.reps, e.hold_seconds, e.passes, e.minutes);
  out.end_object();
  out.member("steps", e.steps);
  out.member("cues", e.cues);
  out.member("alternatives", e.alternatives);
  if (!e.harder.empty()) out.member("harder", e.harder);
  if (e.impact) out.member("impact", true);
  out.member("source", e.source);
  out.end_object();
}

// A plan's exercise: what a reader needs to do it, and its place on its ladder.
void write_plan_exercise(JsonWriter& out, const PlanExercise& entry) {
  const Exercise& e = entry.exercise;
  out.key(e.id);
  out.begin_object();
  out.member("name", e.name);
  out.member("category", name_of(e.category));
  out.member("planned", entry.planned);
  out.member("targets", e.targets);
  out.member("equipment", e.equipment);
  out.member("laterality", name_of(e.laterality));
  out.member("steps", e.steps);
  out.member("cues", e.cues);
  out.member("impact", e.impact);
  out.key("ladder");
  if (entry.rungs > 0) {
    out.begin_object();
    out.member("rung", entry.rung);
    out.member("rungs", entry.rungs);
    write_id(out, "easier", entry.easier);
    write_id(out, "harder", entry.harder);
    out.end_object();
  } else {
    out.null();
  }
  out.member("source", e.source);
  out.end_object();
}

}  // namespace

std::string render_json(const Plan& plan, std::string_view generator) {
  std::string bytes;
  JsonWriter out(bytes);
  out.begin_object();
  out.member("format", kPlanFormat);
  out.member("generator", generator);
  out.key("profile");
  write_profile(out, plan.profile);
  out.key("options");
  out.begin_object();
  out.member("weeks", plan.options.weeks);
  out.member("start", format_date(plan.options.start));
  out.member("rest_day", name_of(plan.options.rest_day));
  out.end_object();
  out.key("warnings");
  out.begin_array();
  for (const auto& f : plan.warnings) write_finding(out, f);
  out.end_array();
  out.key("omitted");
  out.begin_array();
  for (const auto& o : plan.omitted) {
    out.begin_object();
    out.member("exercise", o.exercise);
    out.member("reason", o.reason);
    out.end_object();
  }
  out.end_array();
  out.key("rungs");
  out.begin_array();
  for (const auto& choice : plan.rungs) {
    out.begin_object();
    out.member("ladder", choice.ladder);
    out.member("exercise", choice.exercise);
    out.member("rung", choice.rung);
    out.member("rungs", choice.rungs);
    write_id(out, "next", choice.next);
    out.member("why", choice.why);
    out.member("source", choice.source);
    out.end_object();
  }
  out.end_array();
  out.member("progression", plan.progression);
  out.member("move_up", plan.move_up);
  out.member("top_sets", plan.top_sets);
  out.key("budget");
  if (plan.budget) {
    const Budget& budget = *plan.budget;
    out.begin_object();
    out.member("minutes", budget.minutes);
    out.member("smallest", budget.smallest);
    out.member("fits", budget.fits);
    out.key("changes");
    out.begin_array();
    for (const auto& change : budget.changes) {
      out.begin_object();
      out.member("exercise", change.exercise);
      out.member("name", change.name);
      out.member("change", change.change);
      out.member("days", change.days);
      out.end_object();
    }
    out.end_array();
    out.end_object();
  } else {
    out.null();
  }
  out.key("exercises");
  out.begin_object();
  for (const auto& entry : plan.exercises) write_plan_exercise(out, entry);
  out.end_object();
  if (!plan.decisions.empty()) {
    out.key("decisions");
    out.begin_array();
    for (const auto& d : plan.decisions) {
      out.begin_object();
      out.member("text", d.text);
      out.key("dates");
      out.begin_array();
      for (const auto day : d.dates) out.value(format_date(day));
      out.end_array();
      out.member("source", d.source);
      out.end_object();
    }
    out.end_array();
  }
  out.key("weeks");
  out.begin_array();
  for (const auto& week : plan.weeks) {
    const std::size_t before = bytes.size();
    out.begin_object();
    out.member("week", week.number);
    out.key("days");
    out.begin_array();
    for (const auto& day : week.days) write_day(out, day);
    out.end_array();
    out.end_object();
    if (&week == &plan.weeks.front()) {
      // The weeks are much alike, so reserve room for the rest (and some) by
      // the first one's size, rather than let a 52-week plan, a megabyte,
      // grow and be copied a dozen times.
      const std::size_t week_size = bytes.size() - before;
      bytes.reserve(bytes.size() + (plan.weeks.size() - 1) * week_size * 9 / 8 + 64);
    }
  }
  out.end_array();
  out.end_object();
  bytes += '\n';
  return bytes;
}

std::string render_exercises_json(const std::vector<const Exercise*>& exercises) {
  std::string bytes;
  JsonWriter out(bytes);
  out.begin_array();
  for (const Exercise* e : exercises) write_exercise(out, *e);
  out.end_array();
  bytes += '\n';
  return bytes;
}

std::string render_exercise_json(const Exercise& exercise) {
  std::string bytes;
  JsonWriter out(bytes);
  write_exercise(out, exercise);
  bytes += '\n';
  return bytes;
}

std::string render_findings_json(const std::vector<Finding>& findings, const SafetyRules& rules, bool allowed) {
  std::string bytes;
  JsonWriter out(bytes);
  out.begin_object();
  out.member("format", kFindingsFormat);
  out.member("plan_allowed", allowed);
  out.key("findings");
  out.begin_array();
  bool urgent = false;
  for (const auto& f : findings) {
    write_finding(out, f);
    urgent = urgent || f.severity == Severity::urgent;
  }
  out.end_array();
  out.key("emergency");
  if (urgent) {
    out.value(rules.emergency);
  } else {
    out.null();
  }
  out.end_object();
  bytes += '\n';
  return bytes;
}

std::string render_profile_json(const Profile& profile) {
  std::string text;
  JsonWriter out(text);
  write_profile(out, profile, kProfileFormat);
  text += '\n';
  return text;
}

}  // namespace kneeplan
