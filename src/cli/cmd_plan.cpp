// `kneeplan plan`: the weekly plan, for reading.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>

#include "kneeplan/core/planner.hpp"
#include "kneeplan/render/render.hpp"
#include "kneeplan/version.hpp"
#include "output.hpp"
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
  std::string format = request.format;
  if (format.empty()) format = format_of_file(request.output, request.formats);
  if (format.empty()) format = request.formats.front();
  if (format != "ics") request.calendar.check_unused(format);

  const Catalogue catalogue = load_catalogue(global);
  const Guidelines guidelines = load_guidelines(global);
  const SafetyRules rules = load_safety(global);
  const Profile profile = request.profile.resolve();

  std::vector<Finding> findings = screen(rules, profile);
  if (!plan_allowed(findings, profile.cleared_by_clinician)) {
    // Reads as `check` does: the findings, then what to do next.
    write_stderr(render_findings_text(findings, rules, Style{colour_for(stderr)}));
    print_error(fmt::format("no plan given. {}", verdict_text(verdict(findings, profile.cleared_by_clinician))));
    return kSafety;
  }

  const PlanOptions options = request.plan.resolve();
  const CalendarOptions calendar = format == "ics" ? request.calendar.resolve(options.start) : CalendarOptions{};

  const Plan plan = build_plan(catalogue, guidelines, profile, options, std::move(findings));
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
    bytes = render_text(plan, Style{is_stdout(request.output) && colour_for(stdout), detail});
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
  return {command, [request, &global] { return produce_plan(global, *request); }};
}

}  // namespace kneeplan::cli
