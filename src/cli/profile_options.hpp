#pragma once
// The profile flags shared by plan, export and check, and the plan options.
#include <string>

#include <CLI/CLI.hpp>

#include "app.hpp"
#include "kneeplan/catalogue.hpp"
#include "kneeplan/guidelines.hpp"
#include "kneeplan/plan.hpp"
#include "kneeplan/profile.hpp"
#include "kneeplan/safety.hpp"

namespace kneeplan::cli {

struct ProfileOptions {
  std::string file;
  ProfileOverrides overrides;

  void add_to(CLI::App& command);
  // The profile file (if any) with the flags applied over it.
  Profile resolve() const;
};

struct PlanFlags {
  int weeks = 4;
  std::string start;  // empty: today
  std::string rest_day = "sunday";

  void add_to(CLI::App& command);
  PlanOptions resolve() const;
};

// The data every command works from: built in, or the files named by global options.
Catalogue load_catalogue(const GlobalOptions& global);
Guidelines load_guidelines(const GlobalOptions& global);
SafetyRules load_safety(const GlobalOptions& global);

// CLI11 validator accepting the given words.
template <std::size_t N>
CLI::IsMember one_of(const std::array<std::string_view, N>& words) {
  return CLI::IsMember(std::vector<std::string>(words.begin(), words.end()));
}

}  // namespace kneeplan::cli
