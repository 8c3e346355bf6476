#include "kneeplan/core/safety.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>


namespace kneeplan {

bool holds(const Predicate& p, const Profile& profile) {
  // A condition on something the profile does not say does not hold.
  switch (p.condition) {
    case Condition::symptom:
      return profile.has_symptom(p.word);
    case Condition::age_below:
      return profile.age && *profile.age < p.number;
    case Condition::age_at_least:
      return profile.age && *profile.age >= p.number;
    case Condition::pain_at_least:
      return profile.pain >= p.number;
    case Condition::pain_at_most:
      return profile.pain <= p.number;
    case Condition::cause_is:
      return name_of(profile.cause) == p.word;
    case Condition::bmi_at_least: {
      const auto bmi = profile.bmi();
      return bmi && *bmi >= p.number;
    }
    case Condition::weeks_done_at_least:
      return profile.weeks_done >= p.number;
    case Condition::ankle_gap_above_cm:
      return profile.ankle_gap_cm && *profile.ankle_gap_cm > p.number;
    case Condition::one_side_only:
      return profile.side != Side::both;
  }
  return false;
}

std::vector<Finding> screen(const SafetyRules& rules, const Profile& profile) {
  std::vector<Finding> findings;
  for (const auto& rule : rules.rules) {
    const bool applies =
        std::all_of(rule.when.begin(), rule.when.end(), [&](const Predicate& p) { return holds(p, profile); });
    if (applies) findings.push_back({rule.id, rule.severity, rule.message, rule.source, rule.hold_progression});
  }
  std::stable_sort(findings.begin(), findings.end(),
                   [](const Finding& a, const Finding& b) { return a.severity > b.severity; });
  return findings;
}

bool plan_allowed(const std::vector<Finding>& findings, bool cleared_by_clinician) {
  return std::none_of(findings.begin(), findings.end(), [&](const Finding& f) {
    return f.severity == Severity::urgent || (f.severity == Severity::refer && !cleared_by_clinician);
  });
}

}  // namespace kneeplan
