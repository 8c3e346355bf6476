#pragma once
// The exercises a plan is made of, as loaded from a kneeplan.catalogue/1 file.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "kneeplan/core/names.hpp"

namespace kneeplan {

inline constexpr std::string_view kCatalogueFormat = "kneeplan.catalogue/1";

// warm_up: light movement before strength work, dosed in minutes.
enum class Category { strength, stretch, foam_roll, warm_up };
template <>
struct EnumNames<Category> {
  static constexpr std::array<std::string_view, 4> names{"strength", "stretch", "foam_roll", "warm_up"};
};

// routine: part of the default routine; alternative: only stands in for another
// exercise; variant: an easier or harder rung of a routine or alternative
// exercise's ladder, planned only in its place.
enum class Role { routine, alternative, variant };
template <>
struct EnumNames<Role> {
  static constexpr std::array<std::string_view, 3> names{"routine", "alternative", "variant"};
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

// How a plan names the sides of one exercise. "{side}" stands for the side
// worked and "{other}" for the other one; an empty text takes the default.
struct SideText {
  std::string one;   // one side worked: "lie on your {side} side" (default "{side} leg")
  std::string each;  // both sides in turn: "each side" (default "each leg")
  std::string both;  // bilateral work: "both feet down" (default "both legs together")
  friend bool operator==(const SideText&, const SideText&) = default;
};

struct Exercise {
  std::string id;
  std::string name;
  Category category = Category::strength;
  Role role = Role::routine;
  Mechanic mechanic = Mechanic::unspecified;
  std::vector<std::string> targets;
  // Strength: the muscle groups it loads substantially (EMG), for the 48-hour
  // rule; when the catalogue gives none, its targets stand in.
  std::vector<std::string> muscle_groups;
  std::vector<std::string> equipment;
  Laterality laterality = Laterality::per_side;
  SideText side_text;
  // The dose: which one applies follows from the category
  // (strength: reps, stretch: hold_seconds, foam_roll: passes, warm_up: minutes).
  Range reps;
  Range hold_seconds;
  std::vector<Pass> passes;
  Range minutes;
  std::vector<std::string> steps;
  std::vector<std::string> cues;  // the first is the key cue shown in a plan
  std::vector<std::string> alternatives;
  std::string harder;   // the next rung up its ladder; empty at the top or without a ladder
  bool impact = false;  // jumps and hops: never for people the plan keeps off impact work
  std::string source;

  // The groups the 48-hour rule counts: muscle_groups, or else targets.
  const std::vector<std::string>& groups() const { return muscle_groups.empty() ? targets : muscle_groups; }
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
