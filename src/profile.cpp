#include "kneeplan/profile.hpp"

#include <algorithm>

#include "json_reader.hpp"
#include "loaders.hpp"

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
  take(profile.equipment, overrides.equipment);
  take(profile.weeks_done, overrides.weeks_done);
  take(profile.height_cm, overrides.height_cm);
  take(profile.weight_kg, overrides.weight_kg);
  take(profile.ankle_gap_cm, overrides.ankle_gap_cm);
  if (overrides.cleared_by_clinician) profile.cleared_by_clinician = true;
}

Profile read_profile(const JsonValue& root, const std::string& file) {
  Reader reader(file);
  Profile profile;
  if (reader.object(root, "",
                    {"format", "age", "level", "side", "pain", "cause", "symptoms", "equipment", "weeks_done",
                     "height_cm", "weight_kg", "ankle_gap_cm", "cleared_by_clinician"})) {
    reader.format(root, kProfileFormat);
    profile.age = reader.integer(root, "", "age", kAgeBounds, false);
    if (auto level = reader.choice<Level>(root, "", "level", false)) profile.level = *level;
    if (auto side = reader.choice<Side>(root, "", "side", false)) profile.side = *side;
    if (auto pain = reader.integer(root, "", "pain", kPainBounds, false)) profile.pain = *pain;
    if (auto cause = reader.choice<Cause>(root, "", "cause", false)) profile.cause = *cause;
    if (auto symptoms = reader.strings(root, "", "symptoms", kSymptoms, false)) profile.symptoms = *symptoms;
    profile.equipment = reader.strings(root, "", "equipment", kEquipment, false);
    if (auto weeks = reader.integer(root, "", "weeks_done", kWeeksDoneBounds, false)) profile.weeks_done = *weeks;
    profile.height_cm = reader.number(root, "", "height_cm", kHeightBounds, false);
    profile.weight_kg = reader.number(root, "", "weight_kg", kWeightBounds, false);
    profile.ankle_gap_cm = reader.number(root, "", "ankle_gap_cm", kAnkleGapBounds, false);
    if (auto cleared = reader.boolean(root, "", "cleared_by_clinician", false)) {
      profile.cleared_by_clinician = *cleared;
    }
  }
  reader.finish();
  return profile;
}

Profile parse_profile(std::string_view text, const std::string& file) {
  return read_profile(parse_json(text, file).root(), file);
}

}  // namespace kneeplan
