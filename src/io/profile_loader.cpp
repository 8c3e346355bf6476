#include "kneeplan/core/profile.hpp"

#include <algorithm>

#include "io/json_reader.hpp"
#include "io/loaders.hpp"

namespace kneeplan {

Profile read_profile(const JsonValue& root, const std::string& file) {
  Reader reader(file);
  Profile profile;
  if (reader.object(root, "",
                    {"format", "age", "level", "side", "pain", "cause", "symptoms", "history", "equipment", "weeks_done",
                     "height_cm", "weight_kg", "ankle_gap_cm", "cleared_by_clinician", "minutes_per_day"})) {
    reader.format(root, kProfileFormat);
    profile.age = reader.integer(root, "", "age", kAgeBounds, false);
    if (auto level = reader.choice<Level>(root, "", "level", false)) profile.level = *level;
    if (auto side = reader.choice<Side>(root, "", "side", false)) profile.side = *side;
    if (auto pain = reader.integer(root, "", "pain", kPainBounds, false)) profile.pain = *pain;
    if (auto cause = reader.choice<Cause>(root, "", "cause", false)) profile.cause = *cause;
    if (auto symptoms = reader.strings(root, "", "symptoms", kSymptoms, false)) profile.symptoms = *symptoms;
    if (auto history = reader.strings(root, "", "history", kHistory, false)) profile.history = *history;
    profile.equipment = reader.strings(root, "", "equipment", kEquipment, false);
    if (auto weeks = reader.integer(root, "", "weeks_done", kWeeksDoneBounds, false)) profile.weeks_done = *weeks;
    profile.height_cm = reader.number(root, "", "height_cm", kHeightBounds, false);
    profile.weight_kg = reader.number(root, "", "weight_kg", kWeightBounds, false);
    profile.ankle_gap_cm = reader.number(root, "", "ankle_gap_cm", kAnkleGapBounds, false);
    if (auto cleared = reader.boolean(root, "", "cleared_by_clinician", false)) {
      profile.cleared_by_clinician = *cleared;
    }
    profile.minutes_per_day = reader.integer(root, "", "minutes_per_day", kMinutesPerDayBounds, false);
  }
  reader.finish();
  return profile;
}

Profile parse_profile(std::string_view text, const std::string& file) {
  return read_profile(parse_json(text, file).root(), file);
}

}  // namespace kneeplan
