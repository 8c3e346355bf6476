#pragma once
// What plan and export share: screen, gate, build, render, write.
#include <string>

#include "app.hpp"
#include "calendar_options.hpp"
#include "profile_options.hpp"

namespace kneeplan::cli {

struct PlanRequest {
  ProfileOptions profile;
  PlanFlags plan;
  std::vector<std::string> formats;  // the ones this command writes; the first is the default
  std::string format;                // empty: from the -o file's extension, else the default
  std::string output;                // empty or "-": stdout
  std::string detail = "summary";   // summary | full (text and markdown)
  CalendarFlags calendar;
  bool maintenance = false;           // the lighter week, when the journal allows it
  bool list_coach_rules = false;
};

// Adds --format, accepting `request.formats`.
void add_format_option(CLI::App& command, PlanRequest& request);

// Adds the profile, plan and -o options of `request` to `command`.
void add_plan_request_options(CLI::App& command, PlanRequest& request);

// Screens the profile; withholds the plan (exit 3) on a finding that needs a
// doctor first, else builds, renders and writes it.
int produce_plan(const GlobalOptions& global, const PlanRequest& request);

}  // namespace kneeplan::cli
