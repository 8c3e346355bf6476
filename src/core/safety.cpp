#include "kneeplan/core/safety.hpp"

#include <algorithm>

namespace kneeplan {

bool holds(const Predicate& p, const Profile& profile) {
  // A condition on something the profile does not say does not hold, except
  // the ones that ask about what it leaves out (age_not_below, not_given).
  switch (p.condition) {
    case Condition::symptom:
      return profile.has_symptom(p.word);
    case Condition::age_below:
      return profile.age && *profile.age < p.number;
    case Condition::age_at_least:
      return profile.age && *profile.age >= p.number;
    case Condition::age_not_below:
      return !profile.age || *profile.age >= p.number;
    case Condition::pain_at_least:
      return profile.pain >= p.number;
    case Condition::pain_at_most:
      return profile.pain <= p.number;
    case Condition::cause_is:
      return name_of(profile.cause) == p.word;
    case Condition::history:
      return profile.has_history(p.word);
    case Condition::bmi_at_least: {
      const auto bmi = profile.bmi();
      return bmi && *bmi >= p.number;
    }
    case Condition::bmi_below: {
      const auto bmi = profile.bmi();
      return bmi && *bmi < p.number;
    }
    case Condition::weeks_done_at_least:
      return profile.weeks_done >= p.number;
    case Condition::ankle_gap_above_cm:
      return profile.ankle_gap_cm && *profile.ankle_gap_cm > p.number;
    case Condition::one_side_only:
      return profile.side != Side::both;
    case Condition::given:
      return profile.gives(p.word);
    case Condition::not_given:
      return !profile.gives(p.word);
  }
  return false;
}

std::vector<Finding> screen(const SafetyRules& rules, const Profile& profile) {
  std::vector<Finding> findings;
  for (const auto& rule : rules.rules) {
    const bool applies =
        std::all_of(rule.when.begin(), rule.when.end(), [&](const Predicate& p) { return holds(p, profile); });
    if (!applies) continue;
    findings.push_back({rule.id, rule.severity, rule.message, rule.source, rule.hold_progression, rule.no_plan,
                        rule.youth_plan, rule.stop_at_checkpoint, rule.no_impact});
  }
  std::stable_sort(findings.begin(), findings.end(),
                   [](const Finding& a, const Finding& b) { return a.severity > b.severity; });
  return findings;
}

Verdict verdict(const std::vector<Finding>& findings, bool cleared_by_clinician) {
  const auto any = [&](auto&& test) { return std::any_of(findings.begin(), findings.end(), test); };
  if (any([](const Finding& f) { return f.severity == Severity::urgent; })) return Verdict::urgent;
  if (any([](const Finding& f) { return f.no_plan; })) return Verdict::no_plan;
  if (any([](const Finding& f) { return f.severity == Severity::refer; })) {
    return cleared_by_clinician ? Verdict::cleared : Verdict::see_doctor;
  }
  return Verdict::go;
}

bool plan_allowed(const std::vector<Finding>& findings, bool cleared_by_clinician) {
  const Verdict v = verdict(findings, cleared_by_clinician);
  return v == Verdict::cleared || v == Verdict::go;
}

PlanLimits limits_of(const std::vector<Finding>& findings) {
  PlanLimits limits;
  for (const auto& f : findings) {
    limits.youth = limits.youth || f.youth_plan;
    limits.hold_progression = limits.hold_progression || f.hold_progression;
    limits.stop_at_checkpoint = limits.stop_at_checkpoint || f.stop_at_checkpoint;
    limits.no_impact = limits.no_impact || f.no_impact;
  }
  return limits;
}

}  // namespace kneeplan
