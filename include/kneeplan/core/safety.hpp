#pragma once
// Screening a profile for reasons to see a doctor first, with rules as data
// (a kneeplan.safety/1 file): each rule is a few typed conditions that must all hold.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "kneeplan/core/names.hpp"
#include "kneeplan/core/profile.hpp"

namespace kneeplan {

inline constexpr std::string_view kSafetyFormat = "kneeplan.safety/1";

// Lowest first: refer = see a doctor before starting; urgent = get medical help now.
enum class Severity { info, caution, refer, urgent };
template <>
struct EnumNames<Severity> {
  static constexpr std::array<std::string_view, 4> names{"info", "caution", "refer", "urgent"};
};

enum class Condition {
  symptom,
  age_below,
  age_at_least,
  age_not_below,  // the age is unknown or at least N: not known to be below it
  pain_at_least,
  pain_at_most,
  cause_is,
  history,
  bmi_at_least,
  bmi_below,
  weeks_done_at_least,
  ankle_gap_above_cm,
  one_side_only,
  given,      // an optional profile field (kOptionalFields) was given
  not_given,  // ... was left out
};
template <>
struct EnumNames<Condition> {
  static constexpr std::array<std::string_view, 15> names{
      "symptom",      "age_below",    "age_at_least", "age_not_below",       "pain_at_least",
      "pain_at_most", "cause_is",     "history",      "bmi_at_least",        "bmi_below",
      "weeks_done_at_least",          "ankle_gap_above_cm",                  "one_side_only",
      "given",        "not_given"};
};

struct Predicate {
  Condition condition = Condition::symptom;
  double number = 0;  // thresholds
  std::string word;   // symptom, cause, history and field names
};

struct Rule {
  std::string id;
  Severity severity = Severity::info;
  std::vector<Predicate> when;  // all must hold; empty: always
  std::string message;
  std::string source;
  // What the rule does to a plan while it applies:
  bool no_plan = false;             // no plan at all, cleared or not
  bool youth_plan = false;          // youth dosing and a note that an adult supervises
  bool hold_progression = false;    // strength work stays at the fewest sets
  bool stop_at_checkpoint = false;  // the plan ends at the next pain checkpoint
  bool no_impact = false;           // no impact work (jumps, hops)
};

struct SafetyRules {
  std::string emergency;  // said after urgent findings
  std::vector<Rule> rules;
};

struct Finding {
  std::string id;
  Severity severity = Severity::info;
  std::string message;
  std::string source;
  // From its rule.
  bool hold_progression = false;
  bool no_plan = false;
  bool youth_plan = false;
  bool stop_at_checkpoint = false;
  bool no_impact = false;

  friend bool operator==(const Finding&, const Finding&) = default;
};

bool holds(const Predicate& predicate, const Profile& profile);

// Every rule that applies, most severe first (file order within a severity).
std::vector<Finding> screen(const SafetyRules& rules, const Profile& profile);

// What the screen decides, most serious first.
enum class Verdict {
  urgent,      // an urgent finding: get medical help now, no plan
  no_plan,     // a finding that no clearance lifts: no plan
  see_doctor,  // a refer finding and no clearance: no plan until a clinician clears the person
  cleared,     // refer findings, but a clinician has cleared the person: a plan, with them shown
  go,          // nothing above caution: a plan
};
Verdict verdict(const std::vector<Finding>& findings, bool cleared_by_clinician);

// A plan is given only for the verdicts `cleared` and `go`.
bool plan_allowed(const std::vector<Finding>& findings, bool cleared_by_clinician);

// What the findings that come with a plan ask of it, as plain flags for the planner.
struct PlanLimits {
  bool youth = false;               // youth dosing, never beyond the youth table
  bool hold_progression = false;    // strength stays at the fewest sets
  bool stop_at_checkpoint = false;  // the plan ends at the next pain checkpoint
  bool no_impact = false;           // no jumps, hops or other impact work
};
PlanLimits limits_of(const std::vector<Finding>& findings);

}  // namespace kneeplan
