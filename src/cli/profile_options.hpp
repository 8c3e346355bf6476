#pragma once
// The profile flags shared by plan, export and check, and the plan options.
#include <string>

#include <CLI/CLI.hpp>

#include "app.hpp"
#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/core/coach.hpp"
#include "kneeplan/core/guidelines.hpp"
#include "kneeplan/core/plan.hpp"
#include "kneeplan/core/profile.hpp"
#include "kneeplan/core/safety.hpp"

namespace kneeplan::cli {

struct ProfileOptions {
  std::string file;
  bool no_saved_profile = false;
  ProfileOverrides overrides;

  // --profile and --no-saved-profile, then every profile flag.
  void add_to(CLI::App& command);
  // --profile and --no-saved-profile only.
  void add_file_to(CLI::App& command);
  // The profile file (--profile, else the saved one unless told not to) with
  // the journal's facts, if any, and then the flags applied over it.
  Profile resolve(const JournalFacts* journal = nullptr) const;
};

struct PlanFlags {
  int weeks = 4;
  std::string start;  // empty: today
  std::string rest_day = "sunday";

  void add_to(CLI::App& command);
  // --rest-day only, for the commands that show one day of the plan.
  void add_rest_day_to(CLI::App& command);
  PlanOptions resolve() const;
};

// The data every command works from: built in, or the files named by global options.
Catalogue load_catalogue(const GlobalOptions& global);
Guidelines load_guidelines(const GlobalOptions& global);
SafetyRules load_safety(const GlobalOptions& global);

// --date YYYY-MM-DD, a real calendar date (empty: today); `help` says what the day is for.
void add_date_option(CLI::App& command, std::string& date, const std::string& help);
// --maintenance, worded alike for every command that follows the journal.
void add_maintenance_flag(CLI::App& command, bool& maintenance);

// CLI11 validators: a whole number within `bounds`; a YYYY-MM-DD calendar date.
CLI::Validator whole_number(Bounds bounds);
CLI::Validator calendar_date();

enum class Case { exact, ignored };

// CLI11 validator accepting only these words; its message lists them and
// echoes at most 80 characters of a wrong value. It does not change the
// value: with Case::ignored, "Sunday" passes as typed.
CLI::Validator one_of_words(std::vector<std::string> accepted, Case letter_case = Case::exact);

// The same for an enum's names (and `extra`, if any); the help text names
// them through the option's type name instead of a long suffix.
template <std::size_t N>
CLI::Validator one_of(const std::array<std::string_view, N>& words, std::string_view extra = {},
                      Case letter_case = Case::exact) {
  std::vector<std::string> accepted(words.begin(), words.end());
  if (!extra.empty()) accepted.emplace_back(extra);
  return one_of_words(std::move(accepted), letter_case);
}

}  // namespace kneeplan::cli
