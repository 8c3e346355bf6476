// `kneeplan check`: screen a profile for reasons to see a doctor first.
#include <fmt/format.h>

#include <memory>

#include "kneeplan/render/render.hpp"
#include "coach_flow.hpp"
#include "locations.hpp"
#include "output.hpp"
#include "profile_options.hpp"

namespace kneeplan::cli {

namespace {
struct CheckRequest {
  ProfileOptions profile;
  bool json = false;
  bool list_rules = false;
};

int run_check(const GlobalOptions& global, const CheckRequest& request) {
  const SafetyRules rules = load_safety(global);
  if (request.list_rules) {
    write_output("-", render_rules_markdown(rules));
    return kOk;
  }
  const CoachedProfile coached = resolve_coached(global, request.profile, load_guidelines(global), today());
  const Profile& profile = coached.profile;
  const std::vector<Finding> findings = screen(rules, profile);
  const Verdict verdict = kneeplan::verdict(findings, profile.cleared_by_clinician);
  std::string bytes;
  if (request.json) {
    bytes = render_findings_json(findings, rules, plan_allowed(findings, profile.cleared_by_clinician));
  } else {
    const Style style{colour_for(stdout)};
    for (const auto& decision : coached.facts.decisions) bytes += "From your journal: " + decision.text + "\n";
    if (!bytes.empty()) bytes += "\n";
    bytes = for_locale(bytes + render_findings_text(findings, rules, style) + "\n" + render_verdict_text(verdict, style));
  }
  write_output("-", bytes);
  // Any finding that needs a doctor first, cleared or not, is a safety finding.
  return verdict == Verdict::go ? kOk : kSafety;
}
}  // namespace

Command add_check_command(CLI::App& app, const GlobalOptions& global) {
  auto request = std::make_shared<CheckRequest>();
  CLI::App* command = app.add_subcommand(
      "check", "Screen a profile: say when to see a doctor first or stop (exit 3 when you should)");
  request->profile.add_to(*command);
  command->add_flag("--json", request->json, "Print the findings as JSON (format kneeplan.findings/1)");
  command->add_flag("--list-rules", request->list_rules, "Print the safety rules in force as a Markdown table");
  command->footer("Example: kneeplan check --age 15 --pain 3");
  return {command, [request, &global] { return run_check(global, *request); }};
}

}  // namespace kneeplan::cli
