#include "kneeplan/core/profile.hpp"

#include <algorithm>


namespace kneeplan {

std::optional<double> Profile::bmi() const {
  if (!height_cm || !weight_kg) return std::nullopt;
  const double metres = *height_cm / 100.0;
  return *weight_kg / (metres * metres);
}

bool Profile::has_equipment(std::string_view item) const {
  if (!equipment) return true;
  return std::find(equipment->begin(), equipment->end(), item) != equipment->end();
}

bool Profile::has_symptom(std::string_view name) const {
  return std::find(symptoms.begin(), symptoms.end(), name) != symptoms.end();
}

bool Profile::has_history(std::string_view name) const {
  return std::find(history.begin(), history.end(), name) != history.end();
}

bool Profile::gives(std::string_view name) const {
  if (name == "age") return age.has_value();
  if (name == "height_cm") return height_cm.has_value();
  if (name == "weight_kg") return weight_kg.has_value();
  if (name == "ankle_gap_cm") return ankle_gap_cm.has_value();
  return false;
}

void apply_overrides(Profile& profile, const ProfileOverrides& overrides) {
  auto take = [](auto& field, const auto& value) {
    if (value) field = *value;
  };
  take(profile.age, overrides.age);
  take(profile.level, overrides.level);
  take(profile.side, overrides.side);
  take(profile.pain, overrides.pain);
  take(profile.cause, overrides.cause);
  take(profile.symptoms, overrides.symptoms);
  take(profile.history, overrides.history);
  take(profile.equipment, overrides.equipment);
  take(profile.weeks_done, overrides.weeks_done);
  take(profile.height_cm, overrides.height_cm);
  take(profile.weight_kg, overrides.weight_kg);
  take(profile.ankle_gap_cm, overrides.ankle_gap_cm);
  take(profile.minutes_per_day, overrides.minutes_per_day);
  if (overrides.cleared_by_clinician) profile.cleared_by_clinician = true;
}

}  // namespace kneeplan
