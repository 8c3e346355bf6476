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
  pain_at_least,
  pain_at_most,
  cause_is,
  bmi_at_least,
  weeks_done_at_least,
  ankle_gap_above_cm,
  one_side_only,
};
template <>
struct EnumNames<Condition> {
  static constexpr std::array<std::string_view, 10> names{
      "symptom",      "age_below",           "age_at_least",       "pain_at_least", "pain_at_most",
      "cause_is",     "bmi_at_least",        "weeks_done_at_least", "ankle_gap_above_cm", "one_side_only"};
};

struct Predicate {
  Condition condition = Condition::symptom;
  double number = 0;  // thresholds
  std::string word;   // symptom and cause names
};

struct Rule {
  std::string id;
  Severity severity = Severity::info;
  std::vector<Predicate> when;  // all must hold; empty: always
  std::string message;
  std::string source;
  // While the rule applies, strength work stays at the level's fewest sets.
  bool hold_progression = false;
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
  bool hold_progression = false;  // from its rule
};

bool holds(const Predicate& predicate, const Profile& profile);

// Every rule that applies, most severe first (file order within a severity).
std::vector<Finding> screen(const SafetyRules& rules, const Profile& profile);

// A plan is withheld for any urgent finding, and for a refer finding unless a
// clinician has cleared the person.
bool plan_allowed(const std::vector<Finding>& findings, bool cleared_by_clinician);

}  // namespace kneeplan
