// The catalogue for a terminal: a list grouped by category, or one exercise in
// full. Text from the input is printable(): it cannot reach the terminal raw.
#include <fmt/format.h>

#include <algorithm>

#include "kneeplan/render/render.hpp"
#include "kneeplan/core/text.hpp"
#include "render/util.hpp"

namespace kneeplan {

using namespace detail;

std::string render_exercise_list(const std::vector<const Exercise*>& exercises, const Style& style) {
  if (exercises.empty()) return "No exercise matches; run `kneeplan exercises` without filters to see them all.\n";
  std::size_t id_width = 2;
  std::size_t name_width = 4;
  std::size_t equipment_width = 9;
  for (const Exercise* e : exercises) {
    id_width = std::max(id_width, e->id.size());
    name_width = std::max(name_width, printable(e->name).size());
    equipment_width = std::max(equipment_width, equipment_text(e->equipment).size());
  }
  std::string out;
  for (const auto category : {Category::warm_up, Category::strength, Category::stretch, Category::foam_roll}) {
    bool first = true;
    for (const Exercise* e : exercises) {
      if (e->category != category) continue;
      if (first) {
        out += (out.empty() ? "" : "\n") + paint(capitalised(name_of(category)), Tone::heading, style) + "\n";
        first = false;
      }
      std::string line = fmt::format("  {:<{}}  {:<{}}  {:<{}}  {}", e->id, id_width, printable(e->name), name_width,
                                     equipment_text(e->equipment), equipment_width, dose_text(*e));
      if (e->role != Role::routine) line += fmt::format("  ({})", name_of(e->role));
      if (e->impact) line += "  (impact)";
      out += line + "\n";
    }
  }
  return out;
}

std::string render_exercise(const Exercise& e, const Style& style, const Ladder* ladder) {
  std::string out = paint(fmt::format("{} ({})", printable(e.name), e.id), Tone::heading, style) + "\n";
  auto field = [&](std::string_view label, const std::string& value) {
    out += fmt::format("  {:<14}{}\n", label, wrap(printable(value), 80, 16));
  };
  std::string category(name_of(e.category));
  if (e.mechanic != Mechanic::unspecified) category += fmt::format(" ({})", name_of(e.mechanic));
  if (e.role == Role::alternative) category += ", an alternative to another exercise";
  if (e.role == Role::variant) category += ", an easier or harder version of another exercise";
  if (e.impact) category += ", impact work";
  field("Category:", category);
  field("Targets:", join(e.targets));
  if (!e.muscle_groups.empty()) field("Loads:", join(e.muscle_groups) + " (the 48-hour rule counts these)");
  field("Equipment:", equipment_text(e.equipment));
  field("Sides:", e.laterality == Laterality::per_side ? "one side at a time" : "both sides together");
  std::string dose = dose_text(e);
  if (e.category == Category::strength) dose += " (the plan sets sets and reps by level and age)";
  field("Dose:", dose);
  for (const auto& pass : e.passes) field("", fmt::format("{}: {} s", pass.area, pass.seconds));
  field("Alternatives:", e.alternatives.empty() ? "none" : join(e.alternatives));
  if (ladder && ladder->size() > 1) {
    const int position = ladder->position(e.id);
    std::vector<std::string> rungs;
    for (const Exercise* rung : ladder->rungs) {
      rungs.push_back(rung->id == e.id ? "[" + rung->id + "]" : rung->id);
    }
    field("Ladder:", fmt::format("rung {} of {}, easiest first: {}", position, ladder->size(), join(rungs, " -> ")));
  }
  out += "\n" + paint("Steps", Tone::heading, style) + "\n";
  for (std::size_t i = 0; i < e.steps.size(); ++i) {
    out += fmt::format("  {:>2}. {}\n", i + 1, wrap(printable(e.steps[i]), 80, 6));
  }
  if (!e.cues.empty()) {
    out += "\n" + paint("Form and safety", Tone::heading, style) + "\n";
    for (const auto& cue : e.cues) out += "  - " + wrap(printable(cue), 80, 4) + "\n";
  }
  out += "\nSource: " + wrap(printable(e.source), 80, 8) + "\n";
  return out;
}

std::string render_ladders_markdown(const Catalogue& catalogue) {
  const Ladders ladders(catalogue);
  std::string out = "| exercise | rungs, easiest first (source in bold) | loads |\n|---|---|---|\n";
  for (const auto& e : catalogue.exercises) {
    if (e.role == Role::variant) continue;
    const Ladder ladder = ladders.ladder_of(e);
    if (ladder.size() < 2) continue;
    std::vector<std::string> rungs;
    std::vector<std::string> groups;
    for (const Exercise* rung : ladder.rungs) {
      std::string name = rung == &e ? "**" + rung->name + "**" : rung->name;
      if (rung->impact) name += " (impact)";
      rungs.push_back(name);
      for (const auto& group : rung->groups()) {
        if (std::find(groups.begin(), groups.end(), group) == groups.end()) groups.push_back(group);
      }
    }
    out += fmt::format("| {} | {} | {} |\n", e.name, join(rungs, " -> "), join(groups));
  }
  return out;
}

}  // namespace kneeplan
