#include "app.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "build_info.hpp"
#include "kneeplan/io/diagnostics.hpp"
#include "kneeplan/version.hpp"

namespace kneeplan::cli {

namespace {
void print_error(const std::string& message) { fmt::print(stderr, "kneeplan: {}\n", printable(message)); }
}  // namespace

void report(const DataError& error) {
  for (const auto& diagnostic : error.diagnostics()) print_error(format_diagnostic(diagnostic));
}

int run(int argc, const char* const* argv) {
  CLI::App app{"Weekly exercise plans for knock knees (genu valgum), with a safety check first.\n"
               "Nothing kneeplan prints is a diagnosis.",
               "kneeplan"};
  app.set_version_flag("--version", fmt::format("kneeplan {} ({})", kVersion, kBuild), "Print the version and exit");
  app.require_subcommand(1, 1);
  app.fallthrough();  // global options may also follow the subcommand
  app.footer(
      "Exit codes: 0 ok, 1 bad data or I/O, 2 usage error, 3 safety finding (see a doctor first).\n"
      "Run `kneeplan COMMAND --help` for a command's options.");

  GlobalOptions global;
  app.add_option("--catalogue", global.catalogue, "Exercise catalogue JSON file (default: the built-in one)")
      ->type_name("FILE");
  app.add_option("--guidelines", global.guidelines, "Set/rep guideline JSON file (default: the built-in one)")
      ->type_name("FILE");
  app.add_option("--safety", global.safety, "Safety rules JSON file (default: the built-in one)")->type_name("FILE");
  app.add_option("--journal", global.journal,
                 "Journal database (default: $XDG_DATA_HOME/kneeplan/journal.db, or ~/.local/share/kneeplan/journal.db)")
      ->type_name("FILE");

  const std::vector<Command> commands{
      add_plan_command(app, global),      add_export_command(app, global),   add_check_command(app, global),
      add_exercises_command(app, global), add_validate_command(app, global), add_init_command(app, global),
      add_log_command(app, global),       add_history_command(app, global),  add_journal_command(app, global),
      add_today_command(app, global),     add_completion_command(app, global), add_manpage_command(app, global),
      add_progress_command(app, global),
  };

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) return app.exit(error);  // --help or --version
    std::string command = "kneeplan";
    for (const CLI::App* sub = &app; !sub->get_subcommands().empty();) {
      sub = sub->get_subcommands().front();
      command += " " + sub->get_name();
    }
    print_error(error.what());
    fmt::print(stderr, "Run `{} --help` to see what it accepts.\n", command);
    return kUsage;
  }

  try {
    for (const auto& command : commands) {
      if (command.app->parsed()) return command.run();
    }
    return kUsage;  // unreachable: a subcommand is required
  } catch (const DataError& error) {
    report(error);
    return kBadData;
  } catch (const UsageError& error) {
    print_error(error.what());
    return kUsage;
  } catch (const std::exception& error) {
    print_error(fmt::format("unexpected error: {}", error.what()));
    return kBadData;
  }
}

}  // namespace kneeplan::cli
