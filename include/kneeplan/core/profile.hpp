#pragma once
// The person a plan is for, from a kneeplan.profile/1 file and/or command-line flags.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kneeplan/core/names.hpp"

namespace kneeplan {

inline constexpr std::string_view kProfileFormat = "kneeplan.profile/1";

enum class Level { novice, intermediate, advanced };
template <>
struct EnumNames<Level> {
  static constexpr std::array<std::string_view, 3> names{"novice", "intermediate", "advanced"};
};

// The affected knee; also the sides an exercise is done on.
enum class Side { left, right, both };
template <>
struct EnumNames<Side> {
  static constexpr std::array<std::string_view, 3> names{"left", "right", "both"};
};

enum class Cause { none, injury, arthritis, osteomyelitis, other };
template <>
struct EnumNames<Cause> {
  static constexpr std::array<std::string_view, 5> names{"none", "injury", "arthritis", "osteomyelitis", "other"};
};

inline constexpr std::array<std::string_view, 9> kSymptoms{
    "progressive-weakness", "sudden-swelling",    "sudden-pain", "buckling", "locking",
    "hot-swollen-joint",    "cannot-bear-weight", "night-pain",  "worsening"};

// Medical history that changes what a plan may hold. The two surgeries mean
// within the last 6 months.
inline constexpr std::array<std::string_view, 4> kHistory{"knee-surgery", "hip-surgery", "joint-replacement",
                                                          "osteoporosis"};

// The profile fields a person may leave out, by their file names.
inline constexpr std::array<std::string_view, 4> kOptionalFields{"age", "height_cm", "weight_kg", "ankle_gap_cm"};

// Accepted ranges, shared by the file loader and the flags.
struct Bounds {
  double min;
  double max;
};
inline constexpr Bounds kAgeBounds{0, 120};
inline constexpr Bounds kPainBounds{0, 10};
inline constexpr Bounds kWeeksDoneBounds{0, 520};
inline constexpr Bounds kHeightBounds{40, 250};
inline constexpr Bounds kWeightBounds{2, 400};
inline constexpr Bounds kAnkleGapBounds{0, 50};
inline constexpr Bounds kMinutesPerDayBounds{1, 600};

struct Profile {
  std::optional<int> age;  // unknown: treated as an adult
  Level level = Level::novice;
  Side side = Side::both;
  int pain = 0;
  Cause cause = Cause::none;
  std::vector<std::string> symptoms;
  std::vector<std::string> history;  // from kHistory
  std::optional<std::vector<std::string>> equipment;  // unset: all of kEquipment
  int weeks_done = 0;
  std::optional<double> height_cm;
  std::optional<double> weight_kg;
  std::optional<double> ankle_gap_cm;
  bool cleared_by_clinician = false;
  std::optional<int> minutes_per_day;  // unset: no time limit

  std::optional<double> bmi() const;  // when height and weight are both known
  bool has_equipment(std::string_view item) const;
  bool has_symptom(std::string_view name) const;
  bool has_history(std::string_view name) const;
  // Whether the optional field `name` (one of kOptionalFields) was given.
  bool gives(std::string_view name) const;
};

// Values given on the command line; each one set replaces the file's.
struct ProfileOverrides {
  std::optional<int> age;
  std::optional<Level> level;
  std::optional<Side> side;
  std::optional<int> pain;
  std::optional<Cause> cause;
  std::optional<std::vector<std::string>> symptoms;
  std::optional<std::vector<std::string>> history;
  std::optional<std::vector<std::string>> equipment;
  std::optional<int> weeks_done;
  std::optional<double> height_cm;
  std::optional<double> weight_kg;
  std::optional<double> ankle_gap_cm;
  bool cleared_by_clinician = false;  // the flag can only grant clearance
  std::optional<int> minutes_per_day;
};

void apply_overrides(Profile& profile, const ProfileOverrides& overrides);

}  // namespace kneeplan
