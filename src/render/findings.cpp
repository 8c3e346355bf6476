// Screening findings for a terminal, most severe first, ending with what to do.
#include <fmt/format.h>

#include "kneeplan/render/render.hpp"
#include "kneeplan/core/text.hpp"
#include "render/util.hpp"

namespace kneeplan {

using namespace detail;

std::string render_findings_text(const std::vector<Finding>& findings, const SafetyRules& rules, const Style& style) {
  std::string out;
  bool urgent = false;
  for (const auto& f : findings) {
    urgent = urgent || f.severity == Severity::urgent;
    const std::string label = fmt::format("{:<8}", capitalised(name_of(f.severity)));
    out += paint(label, tone_of(f.severity), style) + " " + wrap(printable(f.message), 80, 9) + "\n";
    out += std::string(9, ' ') + paint(wrap(printable(fmt::format("Source: {} [{}]", f.source, f.id)), 80, 9), Tone::dim, style) +
           "\n";
  }
  if (urgent && !rules.emergency.empty()) out += "\n" + paint(wrap(printable(rules.emergency), 80, 0), Tone::alert, style) + "\n";
  return out;
}

std::string condition_text(const Predicate& p) {
  switch (p.condition) {
    case Condition::symptom:
      return "symptom " + p.word;
    case Condition::age_below:
      return fmt::format("age < {}", p.number);
    case Condition::age_at_least:
      return fmt::format("age >= {}", p.number);
    case Condition::pain_at_least:
      return fmt::format("pain >= {}", p.number);
    case Condition::pain_at_most:
      return fmt::format("pain <= {}", p.number);
    case Condition::cause_is:
      return "cause " + p.word;
    case Condition::bmi_at_least:
      return fmt::format("BMI >= {}", p.number);
    case Condition::weeks_done_at_least:
      return fmt::format("weeks done >= {}", p.number);
    case Condition::ankle_gap_above_cm:
      return fmt::format("ankle gap > {} cm", p.number);
    case Condition::one_side_only:
      return "one knee only";
  }
  return {};
}

std::string render_rules_markdown(const SafetyRules& rules) {
  std::string out = "| Rule | Severity | When | What the person is told | Source |\n|---|---|---|---|---|\n";
  for (const auto& rule : rules.rules) {
    std::vector<std::string> conditions;
    for (const auto& p : rule.when) conditions.push_back(condition_text(p));
    out += fmt::format("| `{}` | {} | {} | {} | {} |\n", markdown_cell(rule.id), name_of(rule.severity),
                       conditions.empty() ? "always" : join(conditions, " and "),
                       markdown_cell(rule.message), markdown_cell(rule.source));
  }
  return out;
}

}  // namespace kneeplan
