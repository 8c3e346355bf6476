#include "kneeplan/core/catalogue.hpp"

#include <fmt/format.h>

#include <map>

#include "io/json_reader.hpp"
#include "io/loaders.hpp"
#include "kneeplan/core/text.hpp"

namespace kneeplan {

namespace {

constexpr Bounds kRepsBounds{1, 100};
constexpr Bounds kHoldBounds{1, 3600};
constexpr Bounds kPassBounds{1, 3600};
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
  }
  return "reps";
}

void read_dose(Reader& reader, const JsonValue& item, const std::string& at, Exercise& exercise, bool category_known) {
  const JsonValue* dose = reader.member(item, at, "dose", true);
  if (!dose) return;
  const std::string here = child(at, "dose");
  if (!reader.object(*dose, here, {"reps", "hold_seconds", "passes"})) return;
  if (dose->size() != 1) {
    reader.error(here, fmt::format("expected exactly one of \"reps\", \"hold_seconds\" or \"passes\", found {}",
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

Exercise read_exercise(Reader& reader, const JsonValue& item, const std::string& at) {
  Exercise exercise;
  if (!reader.object(item, at,
                     {"id", "name", "category", "role", "mechanic", "targets", "equipment", "laterality", "dose",
                      "steps", "cues", "alternatives", "source"})) {
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
  if (auto equipment = reader.strings(item, at, "equipment", kEquipment)) exercise.equipment = *equipment;
  if (auto laterality = reader.choice<Laterality>(item, at, "laterality")) exercise.laterality = *laterality;
  read_dose(reader, item, at, exercise, category.has_value());
  if (auto steps = reader.strings(item, at, "steps", {}, true, true)) exercise.steps = *steps;
  if (auto cues = reader.strings(item, at, "cues")) exercise.cues = *cues;
  if (auto alternatives = reader.strings(item, at, "alternatives")) exercise.alternatives = *alternatives;
  if (auto source = reader.string(item, at, "source")) exercise.source = *source;
  return exercise;
}

// "Did you mean" searches for unknown alternatives compare with every id, so
// in a huge catalogue they stop after this many comparisons in all: a
// suggestion is a help, not worth seconds of work.
constexpr std::size_t kSuggestionComparisons = 1'000'000;

// Checks that need the whole list: unique ids, alternatives that exist.
// O(n log n) in the ids and alternatives; each distinct unknown id is
// looked up for a suggestion at most once.
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
