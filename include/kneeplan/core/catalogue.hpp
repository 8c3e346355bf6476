#pragma once
// The exercises a plan is made of, as loaded from a kneeplan.catalogue/1 file.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "kneeplan/core/names.hpp"

namespace kneeplan {

inline constexpr std::string_view kCatalogueFormat = "kneeplan.catalogue/1";

enum class Category { strength, stretch, foam_roll };
template <>
struct EnumNames<Category> {
  static constexpr std::array<std::string_view, 3> names{"strength", "stretch", "foam_roll"};
};

// routine: part of the default routine; alternative: only stands in for another exercise.
enum class Role { routine, alternative };
template <>
struct EnumNames<Role> {
  static constexpr std::array<std::string_view, 2> names{"routine", "alternative"};
};

// Multi-joint (compound) strength work comes before single-joint (isolation) work.
enum class Mechanic { unspecified, compound, isolation };
template <>
struct EnumNames<Mechanic> {
  static constexpr std::array<std::string_view, 3> names{"unspecified", "compound", "isolation"};
};

enum class Laterality { per_side, bilateral };
template <>
struct EnumNames<Laterality> {
  static constexpr std::array<std::string_view, 2> names{"per_side", "bilateral"};
};

// The equipment words a catalogue and a profile may use.
inline constexpr std::array<std::string_view, 6> kEquipment{"chair", "step", "mat", "foam-roller", "wall", "mirror"};

struct Range {
  int min = 0;
  int max = 0;
  friend bool operator==(const Range&, const Range&) = default;
};

struct Pass {
  std::string area;
  int seconds = 0;
  friend bool operator==(const Pass&, const Pass&) = default;
};

struct Exercise {
  std::string id;
  std::string name;
  Category category = Category::strength;
  Role role = Role::routine;
  Mechanic mechanic = Mechanic::unspecified;
  std::vector<std::string> targets;
  std::vector<std::string> equipment;
  Laterality laterality = Laterality::per_side;
  // The dose: which one applies follows from the category
  // (strength: reps, stretch: hold_seconds, foam_roll: passes).
  Range reps;
  Range hold_seconds;
  std::vector<Pass> passes;
  std::vector<std::string> steps;
  std::vector<std::string> cues;  // the first is the key cue shown in a plan
  std::vector<std::string> alternatives;
  std::string source;
};

struct Catalogue {
  std::vector<Exercise> exercises;

  // The exercise with this id, or null: O(log n) through an index of the
  // ids, which reindex() builds (the loader does). Until then, and after
  // `exercises` changes size, it searches the list instead.
  const Exercise* find(std::string_view id) const;
  void reindex();
  std::vector<std::string> ids() const;

 private:
  std::vector<std::size_t> by_id_;  // positions in `exercises`, in order of id
};

}  // namespace kneeplan
