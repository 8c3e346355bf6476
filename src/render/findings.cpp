// Screening findings for a terminal, most severe first, ending with what to do.
#include <fmt/format.h>

#include <algorithm>

#include "kneeplan/render/render.hpp"
#include "kneeplan/core/text.hpp"
#include "render/escape.hpp"
#include "render/util.hpp"

namespace kneeplan {

using namespace detail;

std::string render_findings_text(const std::vector<Finding>& findings, const SafetyRules& rules, const Style& style) {
  const bool urgent = std::any_of(findings.begin(), findings.end(),
                                  [](const Finding& f) { return f.severity == Severity::urgent; });
  std::string out;
  for (const auto& f : findings) {
    // Beside an urgent finding, general advice would only dilute it (--json keeps it).
    if (urgent && f.severity == Severity::info) continue;
    const std::string label = fmt::format("{:<8}", capitalised(name_of(f.severity)));
    out += paint(label, tone_of(f.severity), style) + " " + wrap(printable(f.message), 80, 9) + "\n";
    out += std::string(9, ' ') + paint(wrap(printable(fmt::format("Source: {} [{}]", f.source, f.id)), 80, 9), Tone::dim, style) +
           "\n";
  }
  if (urgent && !rules.emergency.empty()) out += "\n" + paint(wrap(printable(rules.emergency), 80, 0), Tone::alert, style) + "\n";
  return out;
}

std::string verdict_text(Verdict verdict) {
  switch (verdict) {
    case Verdict::urgent:
      return "Get medical help now, and do not start these exercises.";
    case Verdict::no_plan:
      return "No exercise plan for this profile, even with a clinician's clearance: see above for why and when to "
             "see a doctor.";
    case Verdict::see_doctor:
      return "See a doctor before you start. Once a clinician has cleared you to exercise, run again with --cleared.";
    case Verdict::cleared:
      return "Cleared by a clinician: `kneeplan plan` shows these findings with the plan.";
    case Verdict::go:
      return "Nothing here stops you starting: `kneeplan plan` builds your plan.";
  }
  return {};
}

std::string render_verdict_text(Verdict verdict, const Style& style) {
  const std::string line = "Result: " + wrap(verdict_text(verdict), 80, 8);
  return (verdict == Verdict::go ? line : paint(line, Tone::alert, style)) + "\n";
}

std::string condition_text(const Predicate& p) {
  switch (p.condition) {
    case Condition::symptom:
      return "symptom " + p.word;
    case Condition::age_below:
      return fmt::format("age < {}", p.number);
    case Condition::age_at_least:
      return fmt::format("age >= {}", p.number);
    case Condition::age_not_below:
      return fmt::format("age >= {} or not given", p.number);
    case Condition::pain_at_least:
      return fmt::format("pain >= {}", p.number);
    case Condition::pain_at_most:
      return fmt::format("pain <= {}", p.number);
    case Condition::cause_is:
      return "cause " + p.word;
    case Condition::history:
      return "history " + p.word;
    case Condition::bmi_at_least:
      return fmt::format("BMI >= {}", p.number);
    case Condition::bmi_below:
      return fmt::format("BMI < {}", p.number);
    case Condition::weeks_done_at_least:
      return fmt::format("weeks done >= {}", p.number);
    case Condition::ankle_gap_above_cm:
      return fmt::format("ankle gap > {} cm", p.number);
    case Condition::one_side_only:
      return "one knee only";
    case Condition::given:
      return p.word + " given";
    case Condition::not_given:
      return p.word + " not given";
  }
  return {};
}

std::string effects_text(const Rule& rule) {
  std::vector<std::string> effects;
  if (rule.no_plan) effects.emplace_back("no plan, cleared or not");
  if (rule.youth_plan) effects.emplace_back("youth plan");
  if (rule.hold_progression) effects.emplace_back("holds progression");
  if (rule.stop_at_checkpoint) effects.emplace_back("stops at the checkpoint");
  if (rule.no_impact) effects.emplace_back("no impact work");
  return join(effects, "; ");
}

std::string render_rules_markdown(const SafetyRules& rules) {
  std::string out =
      "| Rule | Severity | When | Plan | What the person is told | Source |\n|---|---|---|---|---|---|\n";
  for (const auto& rule : rules.rules) {
    std::vector<std::string> conditions;
    for (const auto& p : rule.when) conditions.push_back(condition_text(p));
    out += fmt::format("| `{}` | {} | {} | {} | {} | {} |\n", markdown_escape(rule.id), name_of(rule.severity),
                       conditions.empty() ? "always" : join(conditions, " and "), effects_text(rule),
                       markdown_escape(rule.message), markdown_escape(rule.source));
  }
  return out;
}

}  // namespace kneeplan
