// `kneeplan export`: the weekly plan as JSON (kneeplan.plan/1), for other programs.
#include <memory>

#include "plan_flow.hpp"

namespace kneeplan::cli {

Command add_export_command(CLI::App& app, const GlobalOptions& global) {
  auto request = std::make_shared<PlanRequest>();
  request->format = "json";
  CLI::App* command = app.add_subcommand(
      "export", "Write the weekly plan as JSON (format kneeplan.plan/1, schema in data/schema/plan.schema.json)");
  add_plan_request_options(*command, *request);
  command->footer("Example: kneeplan export --weeks 12 --start 2026-11-23 -o plan.json");
  return {command, [request, &global] { return produce_plan(global, *request); }};
}

}  // namespace kneeplan::cli
