#pragma once
// Turning finished data into bytes. Renderers decide nothing about the routine.
#include <cstdint>
#include <optional>
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

// `text` spelled in ASCII, for a locale whose character set is not UTF-8:
// letters lose their accents (u for ü, ss for ß), punctuation takes its
// ASCII form (- for an em dash, " for curly quotes), other scripts are
// romanised, and anything with no spelling becomes "?". ASCII text comes
// back as it was.
std::string ascii_text(std::string_view text);

inline constexpr std::string_view kPlanFormat = "kneeplan.plan/2";
inline constexpr std::string_view kFindingsFormat = "kneeplan.findings/1";

// The plan.
std::string render_text(const Plan& plan, const Style& style);
// The page a person reads, in Markdown: the same structure as the text view,
// with a card per exercise (the handout's content) under "How to do each
// exercise". The catalogue supplies what the plan does not carry (an
// alternative's name).
std::string render_markdown(const Plan& plan, const Catalogue& catalogue, Detail detail = Detail::summary);
std::string render_json(const Plan& plan, std::string_view generator);
// A printable handout: one self-contained HTML file (overview, exercise cards, a log sheet per week).
std::string render_html(const Plan& plan, const Catalogue& catalogue, std::string_view generator);

// The plan as an iCalendar (RFC 5545) file, written through libical.
struct CalendarOptions {
  // Sessions start at this many minutes after midnight, in floating local
  // time; none: each session is an all-day event.
  std::optional<int> start_minute;
  std::optional<int> remind_minutes;  // a reminder this long before each session starts; none: no reminder
  bool remind_all_day = false;        // all-day sessions and the checkpoint get the reminder too
  bool rest_events = false;           // an all-day "Rest day" event on each rest day
  std::int64_t stamp = 0;             // DTSTAMP, in seconds since 1970-01-01 UTC
};
std::string render_ics(const Plan& plan, const CalendarOptions& options, std::string_view generator);

// A profile as a kneeplan.profile/1 file (what `init` saves).
std::string render_profile_json(const Profile& profile);

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
