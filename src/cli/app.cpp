#include "app.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <new>
#include <sstream>

#include "kneeplan/core/plan_limits.hpp"
#include "kneeplan/core/text.hpp"
#include "build_info.hpp"
#include "kneeplan/io/diagnostics.hpp"
#include "kneeplan/version.hpp"
#include "output.hpp"

namespace kneeplan::cli {

void print_error(std::string_view message) noexcept {
  try {
    write_stderr("kneeplan: " + printable(message) + "\n");
  } catch (...) {
    write_stderr("kneeplan: out of memory\n");  // the message itself could not be made
  }
}

void report(const DataError& error) noexcept {
  for (const auto& diagnostic : error.diagnostics()) {
    try {
      print_error(format_diagnostic(diagnostic));
    } catch (...) {
      print_error(error.what());
    }
  }
}

namespace {

// A standard stream that was closed (`2>&-`) gets /dev/null, so that no file
// kneeplan opens takes its number and receives what was meant for it.
void reserve_standard_streams() noexcept {
  for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; ++fd) {
    if (::fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
      // open() returns the lowest free number: this one, the lower ones being open.
      if (::open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY) != fd) return;
    }
  }
}

// "unknown command 'frobnicate'", with the closest command, when the first
// word that is not an option names no command; else empty.
std::string unknown_command(const CLI::App& app) {
  const auto rest = app.remaining();
  if (rest.empty() || rest.front().starts_with("-")) return {};
  std::vector<std::string> names;
  for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
    names.push_back(command->get_name());
  }
  std::string message = fmt::format("unknown command '{}'", shortened(rest.front()));
  if (const auto near = closest_matches(rest.front(), names, 1); !near.empty()) {
    message += fmt::format("; did you mean '{}'?", near.front());
  } else {
    message += "; the commands are " + join(names);
  }
  return message;
}

int run_parsed(CLI::App& app, const std::vector<Command>& commands, int argc, const char* const* argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) {
      // --help or --version: written like any result, so a failed write is an error (exit 1).
      std::ostringstream text;
      app.exit(error, text, text);
      write_output("-", text.str());
      return kOk;
    }
    std::string command = "kneeplan";
    for (const CLI::App* sub = &app; !sub->get_subcommands().empty();) {
      sub = sub->get_subcommands().front();
      command += " " + sub->get_name();
    }
    const std::string unknown = app.get_subcommands().empty() ? unknown_command(app) : "";
    print_error(unknown.empty() ? error.what() : unknown);
    write_stderr(fmt::format("Run `{} --help` to see what it accepts.\n", command));
    return kUsage;
  }
  for (const auto& command : commands) {
    if (command.app->parsed()) return command.run();
  }
  return kUsage;  // unreachable: a subcommand is required
}

}  // namespace

int run(int argc, const char* const* argv) {
  reserve_standard_streams();
  try {
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
        ->check(non_empty_path())
        ->type_name("FILE");
    app.add_option("--guidelines", global.guidelines, "Set/rep guideline JSON file (default: the built-in one)")
        ->check(non_empty_path())
        ->type_name("FILE");
    app.add_option("--safety", global.safety, "Safety rules JSON file (default: the built-in one)")
        ->check(non_empty_path())
        ->type_name("FILE");
    app.add_option("--journal", global.journal,
                   "Journal database (default: $XDG_DATA_HOME/kneeplan/journal.db, or ~/.local/share/kneeplan/journal.db)")
        ->check(non_empty_path())
        ->type_name("FILE");

    const std::vector<Command> commands{
        add_plan_command(app, global),      add_export_command(app, global),   add_check_command(app, global),
        add_exercises_command(app, global), add_validate_command(app, global), add_init_command(app, global),
        add_log_command(app, global),       add_history_command(app, global),  add_journal_command(app, global),
        add_today_command(app, global),     add_session_command(app, global),    add_progress_command(app, global),
        add_completion_command(app, global),
        add_manpage_command(app, global),
    };
    return run_parsed(app, commands, argc, argv);
  } catch (const DataError& error) {
    report(error);
    return kBadData;
  } catch (const UsageError& error) {
    print_error(error.what());
    return kUsage;
  } catch (const PlanTooLarge& error) {
    print_error(fmt::format("cannot build this plan: {}", error.what()));
    return kBadData;
  } catch (const std::bad_alloc&) {
    print_error("out of memory");
    return kBadData;
  } catch (const std::exception& error) {
    print_error(fmt::format("unexpected error: {}", error.what()));
    return kBadData;
  }
}

CLI::Validator non_empty_path() {
  return CLI::Validator(
      [](const std::string& value) { return value.empty() ? std::string("expected a file name, found \"\"") : ""; }, "");
}

}  // namespace kneeplan::cli
