// `kneeplan plan`: the weekly plan, for reading.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>

#include "kneeplan/core/planner.hpp"
#include "kneeplan/render/coach.hpp"
#include "kneeplan/render/render.hpp"
#include "kneeplan/version.hpp"
#include "output.hpp"
#include "coach_flow.hpp"
#include "plan_flow.hpp"

namespace kneeplan::cli {

namespace {
// The format a file name asks for, when the command writes it: "plan.ics" -> ics.
std::string format_of_file(const std::string& path, const std::vector<std::string>& formats) {
  static const std::vector<std::pair<std::string_view, std::string_view>> kExtensions{
      {".txt", "text"}, {".json", "json"}, {".md", "markdown"}, {".ics", "ics"}, {".html", "html"}, {".htm", "html"}};
  if (is_stdout(path)) return {};
  std::string extension = std::filesystem::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& [suffix, format] : kExtensions) {
    if (extension == suffix && std::find(formats.begin(), formats.end(), format) != formats.end()) {
      return std::string(format);
    }
  }
  return {};
}
}  // namespace

void add_plan_request_options(CLI::App& command, PlanRequest& request) {
  request.profile.add_to(command);
  request.plan.add_to(command);
  command.add_option("-o,--output", request.output, "Write to FILE instead of standard output (`-`: stdout)")
      ->check(non_empty_path())
      ->type_name("FILE");
  add_maintenance_flag(command, request.maintenance);
  request.calendar.add_to(command);
}

void add_format_option(CLI::App& command, PlanRequest& request) {
  command
      .add_option("--format", request.format,
                  fmt::format("Output format (default: from the -o file's extension, else {})", request.formats.front()))
      ->check(one_of_words(request.formats))
      ->type_name(fmt::format("{}", fmt::join(request.formats, "|")));
}

int produce_plan(const GlobalOptions& global, const PlanRequest& request) {
  if (request.list_coach_rules) {
    write_output("-", render_coach_rules_markdown(load_guidelines(global)));
    return kOk;
  }
  std::string format = request.format;
  if (format.empty()) format = format_of_file(request.output, request.formats);
  if (format.empty()) format = request.formats.front();
  if (format != "ics") request.calendar.check_unused(format);

  const PlanOptions options = request.plan.resolve();
  const auto coached = coached_plan(global, request.profile, options, request.maintenance);
  if (!coached) return kSafety;
  const Plan& plan = coached->plan;
  const Catalogue& catalogue = coached->catalogue;
  const CalendarOptions calendar = format == "ics" ? request.calendar.resolve(options.start) : CalendarOptions{};
  const Detail detail = *parse_name<Detail>(request.detail);
  const std::string generator = fmt::format("kneeplan {}", kVersion);
  std::string bytes;
  if (format == "json") {
    bytes = render_json(plan, generator);
  } else if (format == "markdown") {
    bytes = render_markdown(plan, catalogue, detail);
  } else if (format == "ics") {
    bytes = render_ics(plan, calendar, generator);
  } else if (format == "html") {
    bytes = render_html(plan, catalogue, generator);
  } else {
    bytes = for_locale(render_text(plan, Style{is_stdout(request.output) && colour_for(stdout), detail}));
  }
  write_output(request.output, bytes);
  return kOk;
}

Command add_plan_command(CLI::App& app, const GlobalOptions& global) {
  auto request = std::make_shared<PlanRequest>();
  request->formats = {"text", "json", "markdown", "ics", "html"};
  CLI::App* command = app.add_subcommand("plan", "Build and print a weekly plan for a profile");
  add_plan_request_options(*command, *request);
  add_format_option(*command, *request);
  command->add_option("--detail", request->detail, "text and markdown: summary (week 1 in full, then what changes) or full (every day)")
      ->check(one_of(EnumNames<Detail>::names))
      ->type_name("summary|full")
      ->capture_default_str();
  command->footer(
      "Examples: kneeplan plan --level novice --side left --pain 2 --start 2026-11-23\n"
      "          kneeplan plan --minutes 25 --detail full\n"
      "          kneeplan plan --format html -o plan.html      (a handout to print)\n"
      "          kneeplan plan --at 07:30 -o plan.ics          (a calendar to import)");
  command->add_flag("--list-coach-rules", request->list_coach_rules,
                    "Print the rules by which the plan follows the journal, as a Markdown table");
  return {command, [request, &global] { return produce_plan(global, *request); }};
}

}  // namespace kneeplan::cli
