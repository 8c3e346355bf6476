// `kneeplan today`: the day's session on one screen, with what is logged already.
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "coach_flow.hpp"
#include "kneeplan/core/dates.hpp"
#include "kneeplan/render/today.hpp"
#include "locations.hpp"
#include "output.hpp"

namespace kneeplan::cli {

namespace {

struct TodayRequest {
  ProfileOptions profile;
  PlanFlags plan;
  std::string date;  // empty: today
  bool maintenance = false;
  bool json = false;
};

int run_today(const GlobalOptions& global, const TodayRequest& request) {
  PlanFlags flags = request.plan;
  flags.weeks = 1;
  flags.start = request.date.empty() ? format_date(today()) : request.date;
  const auto coached = coached_plan(global, request.profile, flags.resolve(), request.maintenance);
  if (!coached) return kSafety;
  const Plan& plan = coached->plan;
  const std::vector<Day>& days = plan.weeks.front().days;

  TodayView view;
  view.plan = &plan;
  view.day = &days.front();
  if (view.day->rest) {
    const auto next = std::find_if(days.begin() + 1, days.end(), [](const Day& d) { return !d.rest; });
    if (next != days.end()) view.next = &*next;
  }
  if (coached->journal) {
    const auto& entries = coached->journal->entries;
    const auto found = std::find_if(entries.begin(), entries.end(),
                                    [&](const JournalEntry& e) { return e.date == view.day->date; });
    if (found != entries.end()) view.logged = &*found;
  }
  write_output("-", request.json ? render_today_json(view)
                                 : for_locale(render_today_text(view, Style{colour_for(stdout)})));
  return kOk;
}

}  // namespace

Command add_today_command(CLI::App& app, const GlobalOptions& global) {
  auto request = std::make_shared<TodayRequest>();
  CLI::App* command =
      app.add_subcommand("today", "Show today's session: each exercise with its dose, sides and key cue, and what "
                                  "is logged already");
  request->profile.add_to(*command);
  add_date_option(*command, request->date, "The day to show (default: today)");
  request->plan.add_rest_day_to(*command);
  add_maintenance_flag(*command, request->maintenance);
  command->add_flag("--json", request->json, "Print the day as JSON (format kneeplan.today/1)");
  command->footer("Example: kneeplan today --date 2026-11-23");
  return {command, [request, &global] { return run_today(global, *request); }};
}

}  // namespace kneeplan::cli
