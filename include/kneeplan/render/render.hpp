#pragma once
// Turning finished data into bytes. Renderers decide nothing about the routine.
#include <string>
#include <string_view>
#include <vector>

#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/core/ladders.hpp"
#include "kneeplan/core/names.hpp"
#include "kneeplan/core/plan.hpp"
#include "kneeplan/core/safety.hpp"

namespace kneeplan {

// How much of a plan the text and Markdown views print.
enum class Detail { summary, full };
template <>
struct EnumNames<Detail> {
  static constexpr std::array<std::string_view, 2> names{"summary", "full"};
};

struct Style {
  bool colour = false;
  // summary: every week's grid, week 1's sessions, then only what changes;
  // full: every day.
  Detail detail = Detail::summary;
};

inline constexpr std::string_view kPlanFormat = "kneeplan.plan/2";
inline constexpr std::string_view kFindingsFormat = "kneeplan.findings/1";

// The plan.
std::string render_text(const Plan& plan, const Style& style);
std::string render_markdown(const Plan& plan, Detail detail = Detail::summary);
std::string render_json(const Plan& plan, std::string_view generator);

// The catalogue.
std::string render_exercise_list(const std::vector<const Exercise*>& exercises, const Style& style);
// With the exercise's ladder, when it has more than one rung.
std::string render_exercise(const Exercise& exercise, const Style& style, const Ladder* ladder = nullptr);
std::string render_exercises_json(const std::vector<const Exercise*>& exercises);
std::string render_exercise_json(const Exercise& exercise);
// Every ladder of more than one rung, as a Markdown table (the README's copy is checked against it).
std::string render_ladders_markdown(const Catalogue& catalogue);

// Safety findings.
std::string render_findings_text(const std::vector<Finding>& findings, const SafetyRules& rules, const Style& style);
// The screen's verdict as one sentence of what to do next.
std::string verdict_text(Verdict verdict);
// "Result: " and that sentence, in the alert colour unless nothing stops a plan.
std::string render_verdict_text(Verdict verdict, const Style& style);
std::string render_findings_json(const std::vector<Finding>& findings, const SafetyRules& rules, bool plan_allowed);

// The rules themselves, as a Markdown table (the README's copy is checked against it).
std::string render_rules_markdown(const SafetyRules& rules);
// One condition in words: "age < 18", "symptom buckling".
std::string condition_text(const Predicate& predicate);
// What a rule does to a plan, in words ("youth plan; holds progression"); empty for nothing.
std::string effects_text(const Rule& rule);

}  // namespace kneeplan
