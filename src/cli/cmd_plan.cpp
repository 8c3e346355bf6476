// `kneeplan plan`: the weekly plan, for reading.
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "kneeplan/core/planner.hpp"
#include "kneeplan/render/render.hpp"
#include "kneeplan/version.hpp"
#include "output.hpp"
#include "plan_flow.hpp"

namespace kneeplan::cli {

void add_plan_request_options(CLI::App& command, PlanRequest& request) {
  request.profile.add_to(command);
  request.plan.add_to(command);
  command.add_option("-o,--output", request.output, "Write to FILE instead of standard output (`-`: stdout)")
      ->type_name("FILE");
}

int produce_plan(const GlobalOptions& global, const PlanRequest& request) {
  const Catalogue catalogue = load_catalogue(global);
  const Guidelines guidelines = load_guidelines(global);
  const SafetyRules rules = load_safety(global);
  const Profile profile = request.profile.resolve();

  std::vector<Finding> findings = screen(rules, profile);
  if (!plan_allowed(findings, profile.cleared_by_clinician)) {
    // Reads as `check` does: the findings, then what to do next.
    fmt::print(stderr, "{}", render_findings_text(findings, rules, Style{colour_for(stderr)}));
    fmt::print(stderr, "kneeplan: no plan given. {}\n", verdict_text(verdict(findings, profile.cleared_by_clinician)));
    return kSafety;
  }

  const Plan plan = build_plan(catalogue, guidelines, profile, request.plan.resolve(), std::move(findings));
  if (plan.budget && !plan.budget->fits) {
    const std::string given = request.profile.overrides.minutes_per_day
                                  ? fmt::format("--minutes {}", plan.budget->minutes)
                                  : fmt::format("minutes_per_day {} in {}", plan.budget->minutes, request.profile.file);
    throw UsageError(fmt::format("{} is too short for this plan: a training day needs at least {} minutes for the "
                                 "warm-up, strength work at your level's fewest sets and one stretch. Give {} or more "
                                 "minutes.",
                                 given, plan.budget->smallest, plan.budget->smallest));
  }
  const Detail detail = *parse_name<Detail>(request.detail);
  std::string bytes;
  if (request.format == "json") {
    bytes = render_json(plan, fmt::format("kneeplan {}", kVersion));
  } else if (request.format == "markdown") {
    bytes = render_markdown(plan, detail);
  } else {
    bytes = render_text(plan, Style{is_stdout(request.output) && colour_for(stdout), detail});
  }
  write_output(request.output, bytes);
  return kOk;
}

Command add_plan_command(CLI::App& app, const GlobalOptions& global) {
  auto request = std::make_shared<PlanRequest>();
  CLI::App* command = app.add_subcommand("plan", "Build and print a weekly plan for a profile");
  add_plan_request_options(*command, *request);
  command->add_option("--format", request->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "markdown"}).description(""))
      ->type_name("text|json|markdown")
      ->capture_default_str();
  command->add_option("--detail", request->detail, "summary: week 1 in full, then what changes; full: every day")
      ->check(one_of(EnumNames<Detail>::names))
      ->type_name("summary|full")
      ->capture_default_str();
  command->footer("Example: kneeplan plan --level novice --side left --pain 2 --start 2026-11-23");
  return {command, [request, &global] { return produce_plan(global, *request); }};
}

}  // namespace kneeplan::cli
