#include "kneeplan/core/catalogue.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>
#include <map>

#include "io/json_reader.hpp"
#include "io/loaders.hpp"
#include "kneeplan/core/text.hpp"

namespace kneeplan {

namespace {

constexpr Bounds kRepsBounds{1, 100};
constexpr Bounds kHoldBounds{1, 3600};
constexpr Bounds kPassBounds{1, 3600};
constexpr Bounds kMinutesBounds{1, 120};
constexpr std::size_t kMaxExercises = 100000;

bool is_kebab_case(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && id[i - 1] != '-');
    if (!ok) return false;
  }
  return true;
}

// The dose member that each category takes.
std::string_view dose_key(Category category) {
  switch (category) {
    case Category::strength:
      return "reps";
    case Category::stretch:
      return "hold_seconds";
    case Category::foam_roll:
      return "passes";
    case Category::warm_up:
      return "minutes";
  }
  return "reps";
}

void read_dose(Reader& reader, const JsonValue& item, const std::string& at, Exercise& exercise, bool category_known) {
  const JsonValue* dose = reader.member(item, at, "dose", true);
  if (!dose) return;
  const std::string here = child(at, "dose");
  if (!reader.object(*dose, here, {"reps", "hold_seconds", "passes", "minutes"})) return;
  if (dose->size() != 1) {
    reader.error(here, fmt::format("expected exactly one of \"reps\", \"hold_seconds\", \"passes\" or \"minutes\", "
                                   "found {}",
                                   dose->size()));
    return;
  }
  const std::string key(dose->members().front().key);
  if (category_known && key != dose_key(exercise.category)) {
    reader.error(child(here, key), fmt::format("a {} exercise is dosed in \"{}\", found \"{}\"",
                                               name_of(exercise.category), dose_key(exercise.category), key));
    return;
  }
  if (key == "reps") {
    if (auto reps = reader.range(*dose, here, "reps", kRepsBounds)) exercise.reps = *reps;
  } else if (key == "hold_seconds") {
    if (auto hold = reader.range(*dose, here, "hold_seconds", kHoldBounds)) exercise.hold_seconds = *hold;
  } else if (key == "minutes") {
    if (auto minutes = reader.range(*dose, here, "minutes", kMinutesBounds)) exercise.minutes = *minutes;
  } else if (const JsonValue* passes = reader.array(*dose, here, "passes", true, true)) {
    const std::string list = child(here, "passes");
    for (std::size_t i = 0; i < passes->size(); ++i) {
      const JsonValue& pass = passes->elements()[i];
      const std::string at_pass = child(list, i);
      if (!reader.object(pass, at_pass, {"area", "seconds"})) continue;
      auto area = reader.string(pass, at_pass, "area");
      auto seconds = reader.integer(pass, at_pass, "seconds", kPassBounds);
      if (area && seconds) exercise.passes.push_back({*area, *seconds});
    }
  }
}

// A side text may name the side worked and the other side, nothing else.
bool placeholders_known(std::string text) {
  for (const std::string_view placeholder : {"{side}", "{other}"}) {
    for (auto at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder)) {
      text.erase(at, placeholder.size());
    }
  }
  return text.find_first_of("{}") == std::string::npos;
}

// {"one", "each"} for work one side at a time, {"both"} for bilateral work.
void read_side_text(Reader& reader, const JsonValue& item, const std::string& at, Exercise& exercise,
                    bool laterality_known) {
  const JsonValue* value = reader.member(item, at, "side_text", false);
  if (!value) return;
  const std::string here = child(at, "side_text");
  if (!reader.object(*value, here, {"one", "each", "both"})) return;
  const auto text = [&](std::string_view key, std::string& into) {
    auto words = reader.string(*value, here, key, false);
    if (!words) return;
    if (!placeholders_known(*words)) {
      reader.error(child(here, key), fmt::format("expected only the placeholders {{side}} and {{other}}, found \"{}\"",
                                                 *words));
      return;
    }
    into = *words;
  };
  text("one", exercise.side_text.one);
  text("each", exercise.side_text.each);
  text("both", exercise.side_text.both);
  if (!laterality_known) return;
  const bool bilateral = exercise.laterality == Laterality::bilateral;
  constexpr std::array<std::string_view, 3> kKeys{"one", "each", "both"};
  for (const std::string_view key : kKeys) {
    if ((key == "both") == bilateral) continue;  // the texts this laterality takes
    if (value->find(key)) {
      reader.error(child(here, key), fmt::format("a {} exercise has no \"{}\" text; it takes {}", name_of(exercise.laterality),
                                                 key, bilateral ? "\"both\"" : "\"one\" and \"each\""));
    }
  }
}

Exercise read_exercise(Reader& reader, const JsonValue& item, const std::string& at) {
  Exercise exercise;
  if (!reader.object(item, at,
                     {"id", "name", "category", "role", "mechanic", "targets", "muscle_groups", "equipment",
                      "laterality", "side_text", "dose", "steps", "cues", "alternatives", "harder", "impact",
                      "source"})) {
    return exercise;
  }
  if (auto id = reader.string(item, at, "id")) {
    if (is_kebab_case(*id)) {
      exercise.id = *id;
    } else {
      reader.error(child(at, "id"),
                   fmt::format("expected a kebab-case id like \"side-plank\", found \"{}\"", shortened(*id)));
    }
  }
  if (auto name = reader.string(item, at, "name")) exercise.name = *name;
  const auto category = reader.choice<Category>(item, at, "category");
  if (category) exercise.category = *category;
  if (auto role = reader.choice<Role>(item, at, "role", false)) exercise.role = *role;
  // "unspecified" is the absence of the field, not a value to write.
  constexpr std::array<std::string_view, 2> kMechanics{"compound", "isolation"};
  if (auto word = reader.word(item, at, "mechanic", kMechanics, false)) exercise.mechanic = *parse_name<Mechanic>(*word);
  if (auto targets = reader.strings(item, at, "targets", {}, true, true)) exercise.targets = *targets;
  if (auto groups = reader.strings(item, at, "muscle_groups", {}, false, true)) {
    exercise.muscle_groups = *groups;
    if (category && *category != Category::strength) {
      reader.error(child(at, "muscle_groups"), "only strength exercises name the muscle groups they load");
    }
  }
  if (auto equipment = reader.strings(item, at, "equipment", kEquipment)) exercise.equipment = *equipment;
  const auto laterality = reader.choice<Laterality>(item, at, "laterality");
  if (laterality) exercise.laterality = *laterality;
  read_side_text(reader, item, at, exercise, laterality.has_value());
  read_dose(reader, item, at, exercise, category.has_value());
  if (auto steps = reader.strings(item, at, "steps", {}, true, true)) exercise.steps = *steps;
  if (auto cues = reader.strings(item, at, "cues")) exercise.cues = *cues;
  if (auto alternatives = reader.strings(item, at, "alternatives")) exercise.alternatives = *alternatives;
  if (auto harder = reader.string(item, at, "harder", false)) exercise.harder = *harder;
  if (auto impact = reader.boolean(item, at, "impact", false)) exercise.impact = *impact;
  if (auto source = reader.string(item, at, "source")) exercise.source = *source;
  return exercise;
}

std::string at_exercise(std::size_t i, std::string_view key) { return child(child("/exercises", i), key); }

constexpr std::size_t kLoopRungsNamed = 10;

// Ladders: each "harder" link names another exercise of the same category;
// no rung has two rungs below it (one rung per position); following the links
// never loops; each ladder holds exactly one routine or alternative exercise,
// through which a plan reaches all its rungs, and every variant is on one;
// impact work only at the top. Linear in the number of exercises.
// `unknown` gives the message for an id that names no exercise.
void check_ladders(Reader& reader, const std::vector<Exercise>& exercises,
                   const std::map<std::string_view, std::size_t, std::less<>>& index,
                   const std::function<std::string(std::string_view)>& unknown) {
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  const std::size_t n = exercises.size();
  std::vector<std::size_t> up(n, kNone);    // the rung above, when the link is usable
  std::vector<std::size_t> down(n, kNone);  // the rung below
  std::vector<bool> named(n, false);        // some exercise names it as harder, usable or not
  for (std::size_t i = 0; i < n; ++i) {
    const Exercise& e = exercises[i];
    if (e.harder.empty()) continue;
    const std::string at = at_exercise(i, "harder");
    const auto found = index.find(e.harder);
    if (found != index.end()) named[found->second] = true;
    if (e.harder == e.id) {
      reader.error(at, "an exercise cannot be its own harder rung");
    } else if (found == index.end()) {
      reader.error(at, unknown(e.harder));
    } else if (exercises[found->second].category != e.category) {
      reader.error(at, fmt::format("\"{}\" is a {} exercise; a ladder's rungs share one category ({})", shortened(e.harder),
                                   name_of(exercises[found->second].category), name_of(e.category)));
    } else if (down[found->second] != kNone) {
      reader.error(at, fmt::format("\"{}\" is already the harder rung of \"{}\" ({}); a rung has one rung below it",
                                   shortened(e.harder), shortened(exercises[down[found->second]].id),
                                   at_exercise(down[found->second], "harder")));
    } else {
      up[i] = found->second;
      down[found->second] = i;
    }
  }
  std::vector<bool> seen(n, false);
  for (std::size_t bottom = 0; bottom < n; ++bottom) {
    if (down[bottom] != kNone) continue;
    std::vector<std::size_t> anchors;
    std::size_t top = bottom;
    for (std::size_t i = bottom; i != kNone; i = up[i]) {
      seen[i] = true;
      top = i;
      if (exercises[i].role != Role::variant) anchors.push_back(i);
      if (exercises[i].impact && up[i] != kNone && !exercises[up[i]].impact) {
        reader.error(at_exercise(i, "impact"), fmt::format("impact work comes last on a ladder, but \"{}\" above it is "
                                                           "not impact work",
                                                           shortened(exercises[up[i]].id)));
      }
    }
    const bool ladder = top != bottom;
    // A rejected link was reported already; its ends are not also "unreached".
    if (!ladder && exercises[bottom].role == Role::variant && exercises[bottom].harder.empty() && !named[bottom]) {
      reader.error(at_exercise(bottom, "role"),
                   "a variant is a rung of a ladder, but no exercise links to this one and it has no \"harder\" rung");
    } else if (ladder && anchors.empty()) {
      reader.error(at_exercise(bottom, "harder"),
                   fmt::format("the ladder from \"{}\" to \"{}\" has no routine or alternative exercise, so no plan "
                               "reaches its rungs",
                               shortened(exercises[bottom].id), shortened(exercises[top].id)));
    } else if (anchors.size() > 1) {
      reader.error(at_exercise(anchors[1], "role"),
                   fmt::format("\"{}\" and \"{}\" are on one ladder; a ladder has one routine or alternative exercise "
                               "and its other rungs are variants",
                               shortened(exercises[anchors[0]].id), shortened(exercises[anchors[1]].id)));
    }
  }
  // What no walk from a bottom rung reached lies on a loop.
  for (std::size_t i = 0; i < n; ++i) {
    if (seen[i]) continue;
    seen[i] = true;
    std::string loop = shortened(exercises[i].id);
    std::size_t length = 1;
    for (std::size_t k = up[i]; k != kNone && !seen[k]; k = up[k]) {
      seen[k] = true;
      // A loop through thousands of rungs is named by its first few.
      if (++length <= kLoopRungsNamed) loop += " -> " + shortened(exercises[k].id);
    }
    if (length > kLoopRungsNamed) loop += fmt::format(" -> … ({} rungs in all)", length);
    reader.error(at_exercise(i, "harder"), fmt::format("the harder rungs loop: {} -> {}", loop, shortened(exercises[i].id)));
  }
}

// "Did you mean" searches for unknown alternatives compare with every id, so
// in a huge catalogue they stop after this many comparisons in all: a
// suggestion is a help, not worth seconds of work.
constexpr std::size_t kSuggestionComparisons = 1'000'000;

// Checks that need the whole list: unique ids, alternatives and harder rungs
// that exist, ladders. O(n log n) in the ids and alternatives; each distinct
// unknown id is looked up for a suggestion at most once.
void check_references(Reader& reader, const std::vector<Exercise>& exercises) {
  std::map<std::string_view, std::size_t, std::less<>> first_index;
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < exercises.size(); ++i) {
    const auto& id = exercises[i].id;
    if (id.empty()) continue;  // already reported
    const auto inserted = first_index.emplace(id, i);
    if (!inserted.second) {
      const std::size_t first = inserted.first->second;
      reader.report([&] { return child(child("/exercises", i), "id"); },
                    [&] { return fmt::format("duplicate id \"{}\"; first used at /exercises/{}/id", shortened(id), first); });
    } else {
      ids.push_back(id);
    }
  }
  std::map<std::string_view, std::string, std::less<>> suggestions;  // unknown id -> "; did you mean …?" or ""
  std::size_t comparisons_left = kSuggestionComparisons;
  const auto suggestion_for = [&](std::string_view unknown) -> const std::string& {
    const auto [entry, fresh] = suggestions.emplace(unknown, std::string());
    if (fresh && ids.size() <= comparisons_left) {
      comparisons_left -= ids.size();
      if (const auto near = closest_matches(unknown, ids, 1); !near.empty()) {
        entry->second = fmt::format("; did you mean \"{}\"?", near.front());
      }
    }
    return entry->second;
  };
  for (std::size_t i = 0; i < exercises.size(); ++i) {
    const auto& alternatives = exercises[i].alternatives;
    for (std::size_t k = 0; k < alternatives.size(); ++k) {
      const auto at = [&] { return child(child(child("/exercises", i), "alternatives"), k); };
      if (alternatives[k] == exercises[i].id) {
        reader.report(at, [] { return "an exercise cannot be its own alternative"; });
      } else if (!first_index.contains(alternatives[k])) {
        reader.report(at, [&] {
          return fmt::format("unknown exercise id \"{}\"{}", shortened(alternatives[k]), suggestion_for(alternatives[k]));
        });
      }
    }
  }
  check_ladders(reader, exercises, first_index, [&](std::string_view unknown) {
    return fmt::format("unknown exercise id \"{}\"{}", shortened(unknown), suggestion_for(unknown));
  });
}

}  // namespace

Catalogue read_catalogue(const JsonValue& root, const std::string& file) {
  Reader reader(file);
  Catalogue catalogue;
  if (reader.object(root, "", {"format", "exercises"})) {
    reader.format(root, kCatalogueFormat);
    if (const JsonValue* list = reader.array(root, "", "exercises", true, true)) {
      if (list->size() > kMaxExercises) {
        reader.error("/exercises", fmt::format("expected at most {} exercises, found {}", kMaxExercises, list->size()));
      } else {
        catalogue.exercises.reserve(list->size());
        for (std::size_t i = 0; i < list->size(); ++i) {
          catalogue.exercises.push_back(read_exercise(reader, list->elements()[i], child("/exercises", i)));
        }
        check_references(reader, catalogue.exercises);
        catalogue.reindex();
      }
    }
  }
  reader.finish();
  return catalogue;
}

Catalogue parse_catalogue(std::string_view text, const std::string& file) {
  return read_catalogue(parse_json(text, file).root(), file);
}

}  // namespace kneeplan
