// `kneeplan progress`: adherence, the streak, worst pain per knee, each
// exercise's dose over the weeks, and what the coach decides next.
#include <fmt/format.h>

#include <memory>

#include "coach_flow.hpp"
#include "kneeplan/core/dates.hpp"
#include "kneeplan/core/progress.hpp"
#include "kneeplan/io/diagnostics.hpp"
#include "kneeplan/render/progress.hpp"
#include "locations.hpp"
#include "output.hpp"

namespace kneeplan::cli {

namespace {

constexpr Bounds kProgressWeeks{1, 520};

struct ProgressRequest {
  ProfileOptions profile;
  PlanFlags plan;
  std::string date;  // empty: today
  int weeks = 8;
  bool maintenance = false;
  bool json = false;
  std::string format = "text";
  std::string output = "-";
};

// The weekdays a plan trains on, from its first week.
TrainingDays training_days_of(const Plan& plan) {
  TrainingDays days{};
  for (const auto& day : plan.weeks.front().days) {
    if (!day.rest) days[static_cast<std::size_t>(weekday_of(day.date))] = true;
  }
  return days;
}

int run_progress(const GlobalOptions& global, const ProgressRequest& request) {
  std::string format = request.format;
  if (request.json) {
    if (format != "text" && format != "json") throw UsageError("--json and --format " + format + ": choose one");
    format = "json";
  }
  PlanFlags flags = request.plan;
  flags.weeks = 1;
  flags.start = request.date.empty() ? format_date(today()) : request.date;
  const PlanOptions options = flags.resolve();

  // Without a journal there is nothing to show: say how to start one.
  const std::chrono::sys_days weeks_from = progress_reads_from(options.start, request.weeks);
  const auto coached = coached_plan(global, request.profile, options, request.maintenance, {false, weeks_from});
  // The coached plan holds the journal; read it only when the screen withheld the plan.
  const auto unplanned = coached ? std::nullopt : read_journal(global, weeks_from, weeks_from);
  const auto& journal = coached ? coached->journal : unplanned;
  if (!journal) {
    const std::string where = global.journal.empty() ? journal_path(global).string() : global.journal;
    throw DataError(where, "", "no journal yet; record sessions with `kneeplan log`, then run `kneeplan progress`");
  }

  TrainingDays training_days{};
  if (coached) {
    training_days = training_days_of(coached->plan);
  } else {
    training_days.fill(true);  // the screen withheld the plan: every day but the rest day
    training_days[static_cast<std::size_t>(options.rest_day)] = false;
  }
  const Progress progress = summarise_progress(*journal, options.start, request.weeks, training_days);
  const Catalogue catalogue = coached ? Catalogue{} : load_catalogue(global);

  ProgressView view;
  view.progress = &progress;
  view.catalogue = coached ? &coached->catalogue : &catalogue;
  view.plan_withheld = !coached;
  if (coached) view.next = coached->plan.decisions;

  std::string bytes;
  if (format == "json") {
    bytes = render_progress_json(view);
  } else if (format == "svg") {
    bytes = render_progress_svg(view);
  } else {
    const bool to_terminal = is_stdout(request.output);
    bytes = for_locale(render_progress_text(view, Style{to_terminal && colour_for(stdout)}, utf8_locale()));
  }
  write_output(request.output, bytes);
  return coached ? kOk : kSafety;
}

}  // namespace

Command add_progress_command(CLI::App& app, const GlobalOptions& global) {
  auto request = std::make_shared<ProgressRequest>();
  CLI::App* command = app.add_subcommand(
      "progress", "Show progress week by week: sessions done of those planned, the streak, worst pain per knee, each "
                  "exercise's dose, and what the coach decides next");
  request->profile.add_to(*command);
  command->add_option("--weeks", request->weeks, "How many weeks to show, ending with this week")
      ->transform(whole_number(kProgressWeeks))
      ->capture_default_str()
      ->type_name("N");
  add_date_option(*command, request->date, "The day to count up to (default: today)");
  request->plan.add_rest_day_to(*command);
  add_maintenance_flag(*command, request->maintenance);
  command->add_option("--format", request->format, "text, json (format kneeplan.progress/1) or svg (a chart)")
      ->check(one_of_words({"text", "json", "svg"}))
      ->capture_default_str()
      ->type_name("FORMAT");
  command->add_flag("--json", request->json, "Same as --format json");
  command->add_option("-o,--output", request->output, "Write to FILE instead of standard output")->type_name("FILE");
  command->footer("Example: kneeplan progress --weeks 12 --format svg -o progress.svg");
  return {command, [request, &global] { return run_progress(global, *request); }};
}

}  // namespace kneeplan::cli
