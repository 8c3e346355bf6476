// `kneeplan history`: the journal's entries, newest first, week by week.
#include <fmt/format.h>

#include <memory>

#include "kneeplan/core/dates.hpp"
#include "kneeplan/core/journal.hpp"
#include "kneeplan/io/journal_store.hpp"
#include "kneeplan/render/journal.hpp"
#include "locations.hpp"
#include "output.hpp"
#include "profile_options.hpp"

namespace kneeplan::cli {

namespace {

struct HistoryRequest {
  std::string from;
  std::string to;
  bool json = false;
};

int run_history(const GlobalOptions& global, const HistoryRequest& request) {
  DateWindow window;
  if (!request.from.empty()) window.from = parse_date(request.from);
  if (!request.to.empty()) window.to = parse_date(request.to);
  if (window.from && window.to && *window.from > *window.to) {
    throw UsageError(fmt::format("--from {} is after --to {}; swap them", request.from, request.to));
  }
  const std::filesystem::path path = journal_path(global);
  const auto store = JournalStore::open_existing(path);  // never creates a journal
  const std::vector<JournalEntry> entries = store ? store->entries(window) : std::vector<JournalEntry>{};
  const auto weeks = summarise_weeks(entries, load_guidelines(global).training_days);
  if (request.json) {
    write_output("-", render_history_json(weeks));
  } else if (!store) {
    write_output("-", fmt::format("No journal yet at {}; `kneeplan log` starts one.\n", path.string()));
  } else {
    write_output("-", for_locale(render_history_text(weeks, load_catalogue(global), Style{colour_for(stdout)})));
  }
  return kOk;
}

}  // namespace

Command add_history_command(CLI::App& app, const GlobalOptions& global) {
  auto request = std::make_shared<HistoryRequest>();
  CLI::App* command = app.add_subcommand(
      "history", "Show the journal, newest first, with each week's sessions done and worst pain per knee");
  command->add_option("--from", request->from, "First date to show")->check(calendar_date())->type_name("YYYY-MM-DD");
  command->add_option("--to", request->to, "Last date to show")->check(calendar_date())->type_name("YYYY-MM-DD");
  command->add_flag("--json", request->json, "Print the weeks and entries as JSON (format kneeplan.history/1)");
  command->footer("Example: kneeplan history --from 2026-11-01");
  return {command, [request, &global] { return run_history(global, *request); }};
}

}  // namespace kneeplan::cli
