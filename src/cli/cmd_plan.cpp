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
      ->check(non_empty_path())
      ->type_name("FILE");
}

int produce_plan(const GlobalOptions& global, const PlanRequest& request) {
  const Catalogue catalogue = load_catalogue(global);
  const Guidelines guidelines = load_guidelines(global);
  const SafetyRules rules = load_safety(global);
  const Profile profile = request.profile.resolve();

  std::vector<Finding> findings = screen(rules, profile);
  if (!plan_allowed(findings, profile.cleared_by_clinician)) {
    write_stderr(render_findings_text(findings, rules, Style{colour_for(stderr)}));
    const bool urgent = std::any_of(findings.begin(), findings.end(),
                                    [](const Finding& f) { return f.severity == Severity::urgent; });
    print_error(fmt::format("no plan given: {}",
                            urgent ? "get medical help first (see above)."
                                   : "see a doctor before you start (see above). Once a clinician has cleared you "
                                     "to exercise, run again with --cleared."));
    return kSafety;
  }

  const Plan plan = build_plan(catalogue, guidelines, profile, request.plan.resolve(), std::move(findings));
  std::string bytes;
  if (request.format == "json") {
    bytes = render_json(plan, fmt::format("kneeplan {}", kVersion));
  } else if (request.format == "markdown") {
    bytes = render_markdown(plan);
  } else {
    bytes = render_text(plan, Style{is_stdout(request.output) && colour_for(stdout)});
  }
  write_output(request.output, bytes);
  return kOk;
}

Command add_plan_command(CLI::App& app, const GlobalOptions& global) {
  auto request = std::make_shared<PlanRequest>();
  CLI::App* command = app.add_subcommand("plan", "Build and print a weekly plan for a profile");
  add_plan_request_options(*command, *request);
  command->add_option("--format", request->format, "Output format")
      ->check(one_of_words({"text", "json", "markdown"}))
      ->type_name("text|json|markdown")
      ->capture_default_str();
  command->footer("Example: kneeplan plan --level novice --side left --pain 2 --start 2026-11-23");
  return {command, [request, &global] { return produce_plan(global, *request); }};
}

}  // namespace kneeplan::cli
