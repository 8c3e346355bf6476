// `kneeplan export`: the weekly plan for other programs: JSON (kneeplan.plan/1) or a calendar.
#include <memory>

#include "plan_flow.hpp"

namespace kneeplan::cli {

Command add_export_command(CLI::App& app, const GlobalOptions& global) {
  auto request = std::make_shared<PlanRequest>();
  request->formats = {"json", "ics"};
  CLI::App* command = app.add_subcommand(
      "export",
      "Write the weekly plan as JSON (format kneeplan.plan/1, schema in data/schema/plan.schema.json) or as a calendar");
  add_plan_request_options(*command, *request);
  add_format_option(*command, *request);
  command->footer(
      "Examples: kneeplan export --weeks 12 --start 2026-11-23 -o plan.json\n"
      "          kneeplan export --format ics --at 07:30 --start 2026-11-23 -o plan.ics");
  return {command, [request, &global] { return produce_plan(global, *request); }};
}

}  // namespace kneeplan::cli
