// `kneeplan journal export|import|check`: the journal as a file, and its health.
#include <fmt/format.h>

#include <memory>

#include "kneeplan/core/dates.hpp"
#include "kneeplan/io/journal_loader.hpp"
#include "kneeplan/io/diagnostics.hpp"
#include "kneeplan/io/journal_store.hpp"
#include "kneeplan/io/load.hpp"
#include "kneeplan/render/journal.hpp"
#include "locations.hpp"
#include "output.hpp"
#include "profile_options.hpp"

namespace kneeplan::cli {

namespace {

struct JournalRequest {
  std::string output;
  std::string input;
  CLI::App* export_command = nullptr;
  CLI::App* import_command = nullptr;
  CLI::App* check_command = nullptr;
};

JournalStore existing(const std::filesystem::path& path) {
  auto store = JournalStore::open_existing(path);
  if (!store) throw DataError(path.string(), "", "no journal here yet; `kneeplan log` starts one");
  return std::move(*store);
}

int run_export(const GlobalOptions& global, const JournalRequest& request) {
  const JournalStore store = existing(journal_path(global));
  write_output(request.output, render_journal_json(store.entries()), Readers::owner_only);
  return kOk;
}

int run_import(const GlobalOptions& global, const JournalRequest& request) {
  // The whole file is checked before the journal is opened: a bad file changes nothing.
  const std::string text = read_input_file(request.input);
  const std::vector<JournalEntry> entries = parse_journal(text, request.input, load_catalogue(global), today());
  const std::filesystem::path path = journal_path(global);
  JournalStore store = open_journal_for_writing(path);
  const ImportOutcome outcome = store.import(entries);
  if (!outcome.conflicts.empty()) {
    std::vector<Diagnostic> diagnostics;
    for (const std::size_t i : outcome.conflicts) {
      diagnostics.push_back({request.input, fmt::format("/entries/{}", i),
                             fmt::format("the journal holds a different entry for {}; nothing was imported. Remove "
                                         "one of the two (or merge them in the file) and import again",
                                         format_date(entries[i].date))});
    }
    throw DataError(std::move(diagnostics));
  }
  write_output("-", fmt::format("Imported {} {} into {} ({} already there).\n", outcome.added,
                                outcome.added == 1 ? "entry" : "entries", path.string(), outcome.unchanged));
  return kOk;
}

int run_check(const GlobalOptions& global) {
  const std::filesystem::path path = journal_path(global);
  const JournalStore store = existing(path);
  std::vector<Diagnostic> problems;
  for (auto& problem : store.integrity_problems()) problems.push_back({path.string(), "", std::move(problem)});
  const Catalogue catalogue = load_catalogue(global);
  const auto entries = store.entries();
  for (const auto& entry : entries) {
    for (const auto& problem : check_entry(entry, catalogue, today())) {
      problems.push_back({path.string(), format_date(entry.date),
                          problem.field.empty() ? problem.message : problem.field + ": " + problem.message});
    }
  }
  if (!problems.empty()) throw DataError(std::move(problems));
  write_output("-", fmt::format("{}: journal version {}, {} {}; SQLite's integrity check and kneeplan's own "
                                "checks found no problem.\n",
                                path.string(), store.schema_version(), entries.size(),
                                entries.size() == 1 ? "entry" : "entries"));
  return kOk;
}

}  // namespace

Command add_journal_command(CLI::App& app, const GlobalOptions& global) {
  auto request = std::make_shared<JournalRequest>();
  CLI::App* command = app.add_subcommand("journal", "Export, import or check the journal");
  command->fallthrough();
  command->require_subcommand(1, 1);

  request->export_command = command->add_subcommand(
      "export", "Write the whole journal as JSON (format kneeplan.journal/1): a backup, or a copy for your physio");
  request->export_command->fallthrough();
  request->export_command
      ->add_option("-o,--output", request->output, "Write to FILE (readable by you only) instead of standard output")
      ->type_name("FILE");
  request->export_command->footer("Example: kneeplan journal export -o journal-backup.json");

  request->import_command = command->add_subcommand(
      "import", "Add the entries of a kneeplan.journal/1 file, all or none; entries already there are kept once");
  request->import_command->fallthrough();
  request->import_command->add_option("FILE", request->input, "The file to import")->required()->type_name("FILE");
  request->import_command->footer("Example: kneeplan journal import journal-backup.json");

  request->check_command = command->add_subcommand(
      "check", "Run SQLite's integrity check and kneeplan's own checks on the journal (exit 1 on a problem)");
  request->check_command->fallthrough();
  request->check_command->footer("Example: kneeplan journal check");

  return {command, [request, &global] {
            if (request->export_command->parsed()) return run_export(global, *request);
            if (request->import_command->parsed()) return run_import(global, *request);
            return run_check(global);
          }};
}

}  // namespace kneeplan::cli
