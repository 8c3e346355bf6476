#include "kneeplan/core/ladders.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "kneeplan/core/text.hpp"

namespace kneeplan {

namespace {

// Every reason `rule` gives for this person, in the rule's order of conditions.
std::vector<RungReason> reasons_of(const RungRule& rule, const Profile& profile) {
  std::vector<RungReason> out;
  auto add = [&](std::string text) { out.push_back({std::move(text), rule.source}); };
  if (profile.age && rule.age_at_least && *profile.age >= *rule.age_at_least) {
    add(fmt::format("age {} ({} or over)", *profile.age, *rule.age_at_least));
  }
  if (profile.age && rule.age_below && *profile.age < *rule.age_below) {
    add(fmt::format("age {} (under {})", *profile.age, *rule.age_below));
  }
  if (rule.pain_at_least && profile.pain >= *rule.pain_at_least) {
    add(*rule.pain_at_least <= 1 ? fmt::format("knee pain {}/10", profile.pain)
                                 : fmt::format("knee pain {}/10 ({} or more)", profile.pain, *rule.pain_at_least));
  }
  if (const auto bmi = profile.bmi(); bmi && rule.bmi_at_least && *bmi >= *rule.bmi_at_least) {
    add(fmt::format("BMI {:.0f} ({:g} or more)", *bmi, *rule.bmi_at_least));
  }
  if (std::find(rule.causes.begin(), rule.causes.end(), profile.cause) != rule.causes.end()) {
    add(std::string(name_of(profile.cause)));
  }
  return out;
}

}  // namespace

int Ladder::position(std::string_view id) const {
  for (std::size_t i = 0; i < rungs.size(); ++i) {
    if (rungs[i]->id == id) return static_cast<int>(i) + 1;
  }
  return 0;
}

bool Ladder::has_impact() const {
  return std::any_of(rungs.begin(), rungs.end(), [](const Exercise* rung) { return rung->impact; });
}

bool equipment_fits(const Exercise& exercise, const Profile& profile) {
  return std::all_of(exercise.equipment.begin(), exercise.equipment.end(),
                     [&](const std::string& item) { return profile.has_equipment(item); });
}

std::vector<std::string> missing_equipment(const Exercise& exercise, const Profile& profile) {
  std::vector<std::string> missing;
  for (const auto& item : exercise.equipment) {
    if (!profile.has_equipment(item)) missing.push_back(item);
  }
  return missing;
}

Ladders::Ladders(const Catalogue& catalogue) : size_(catalogue.exercises.size()) {
  for (const auto& exercise : catalogue.exercises) {
    by_id_.emplace(exercise.id, &exercise);  // the first of a repeated id, as Catalogue::find
    if (!exercise.harder.empty() && exercise.harder != exercise.id) below_.emplace(exercise.harder, &exercise);
  }
}

const Exercise* Ladders::find(std::string_view id) const {
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : it->second;
}

const Exercise* Ladders::harder(const Exercise& exercise) const {
  return exercise.harder == exercise.id ? nullptr : find(exercise.harder);
}

const Exercise* Ladders::easier(const Exercise& exercise) const {
  const auto it = below_.find(exercise.id);
  return it == below_.end() ? nullptr : it->second;
}

Ladder Ladders::ladder_of(const Exercise& exercise) const {
  // The loader refuses loops; the bound keeps a hand-built catalogue from spinning.
  std::vector<const Exercise*> down;
  for (const Exercise* rung = easier(exercise); rung && rung != &exercise && down.size() < size_; rung = easier(*rung)) {
    down.push_back(rung);
  }
  Ladder ladder;
  ladder.rungs.assign(down.rbegin(), down.rend());
  ladder.rungs.push_back(&exercise);
  for (const Exercise* rung = harder(exercise); rung && ladder.rungs.size() <= size_; rung = harder(*rung)) {
    if (std::find(ladder.rungs.begin(), ladder.rungs.end(), rung) != ladder.rungs.end()) break;
    ladder.rungs.push_back(rung);
  }
  const auto source = std::find_if(ladder.rungs.begin(), ladder.rungs.end(),
                                   [](const Exercise* rung) { return rung->role != Role::variant; });
  ladder.source = source == ladder.rungs.end() ? down.size() : static_cast<std::size_t>(source - ladder.rungs.begin());
  return ladder;
}

RungLimits rung_limits(const Profile& profile, const Guidelines& guidelines, const std::vector<Finding>& findings) {
  RungLimits limits{reasons_of(guidelines.supported_start, profile), reasons_of(guidelines.no_impact, profile), {}};
  for (const auto& finding : findings) {
    if (finding.no_impact) {
      // "history-osteoporosis" reads "osteoporosis".
      std::string text = finding.id.starts_with("history-") ? finding.id.substr(8) : finding.id;
      std::replace(text.begin(), text.end(), '-', ' ');
      limits.no_impact.push_back({std::move(text), finding.source});
    }
    if (finding.youth_plan) {
      if (limits.supported.empty()) limits.supported.push_back({"the youth plan", finding.source});
      limits.no_harder.push_back({"the youth plan", finding.source});
    }
  }
  return limits;
}

std::string reasons_text(const std::vector<RungReason>& reasons) {
  std::vector<std::string> texts;
  for (const auto& reason : reasons) texts.push_back(reason.text);
  if (texts.size() <= 1) return join(texts);
  const std::string last = texts.back();
  texts.pop_back();
  return join(texts) + " and " + last;
}

const Exercise* next_rung(const Ladders& ladders, const Exercise& current, const RungLimits& limits) {
  const Exercise* next = ladders.harder(current);
  if (!limits.harder_allowed()) return nullptr;
  if (next && next->impact && !limits.impact_allowed()) return nullptr;
  return next;
}

StartingRung starting_rung(const Ladder& ladder, const RungLimits& limits, const Profile& profile) {
  const bool supported = limits.start_supported() && ladder.source > 0;
  const std::size_t start = supported ? ladder.source - 1 : ladder.source;
  StartingRung out;
  std::size_t chosen = start;
  for (std::size_t i = start + 1; i-- > 0;) {
    const Exercise* rung = ladder.rungs[i];
    if (rung->impact && !limits.impact_allowed()) continue;
    if (!equipment_fits(*rung, profile)) continue;
    out.exercise = rung;
    chosen = i;
    break;
  }
  const std::string missing = join(missing_equipment(*ladder.rungs[start], profile), " and ");
  if (!out.exercise) {
    out.why = fmt::format("needs {} (not in your equipment)", missing);
    return out;
  }
  std::vector<std::string> because;
  if (supported) because.push_back(fmt::format("a supported start for {}", reasons_text(limits.supported)));
  if (chosen < start) because.push_back(fmt::format("{} needs {}", ladder.rungs[start]->name, missing));
  if (because.empty()) because.emplace_back("as in the source routine");
  out.why = fmt::format("{}: rung {} of {}, {}", out.exercise->name, chosen + 1, ladder.size(), join(because, "; "));
  if (!limits.impact_allowed() && limits.harder_allowed()) {
    std::vector<std::string> impact;
    for (const Exercise* rung : ladder.rungs) {
      if (rung->impact) impact.push_back(rung->name);
    }
    if (!impact.empty()) {
      out.why += fmt::format("; impact work ({}) is left out: {}", join(impact, " and "), reasons_text(limits.no_impact));
    }
  }
  if (!limits.harder_allowed() && chosen + 1 < ladder.rungs.size()) {
    out.why += fmt::format("; no harder version for {}", reasons_text(limits.no_harder));
  }
  out.why += '.';
  return out;
}

std::string move_up_text(const Guidelines& g) {
  constexpr std::array<std::string_view, 10> kWords{"one", "two",   "three", "four", "five",
                                                    "six", "seven", "eight", "nine", "ten"};
  const std::string sessions = g.sessions_in_a_row >= 1 && g.sessions_in_a_row <= 10
                                   ? std::string(kWords[static_cast<std::size_t>(g.sessions_in_a_row - 1)])
                                   : std::to_string(g.sessions_in_a_row);
  return fmt::format("When you can do {} rep{} over the range in the last set, {} session{} in a row, move to:",
                     g.reps_over, g.reps_over == 1 ? "" : "s", sessions, g.sessions_in_a_row == 1 ? "" : "s");
}

}  // namespace kneeplan
