#pragma once
// The command-line front end: parses, dispatches to one subcommand, maps errors to exit codes.
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace kneeplan {
class DataError;
}

namespace kneeplan::cli {

// Documented exit codes.
enum Exit : int { kOk = 0, kBadData = 1, kUsage = 2, kSafety = 3 };

// A mistake in how the command was called (exit 2), found after parsing.
class UsageError : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Options every subcommand accepts.
struct GlobalOptions {
  std::string catalogue;   // empty: the built-in one
  std::string guidelines;  // empty: the built-in one
  std::string safety;      // empty: the built-in one
  std::string journal;     // empty: the default place (see locations.hpp)
};

// One subcommand: its CLI11 node and what to run when it was chosen.
struct Command {
  CLI::App* app;
  std::function<int()> run;
};

Command add_plan_command(CLI::App& app, const GlobalOptions& global);
Command add_export_command(CLI::App& app, const GlobalOptions& global);
Command add_check_command(CLI::App& app, const GlobalOptions& global);
Command add_exercises_command(CLI::App& app, const GlobalOptions& global);
Command add_validate_command(CLI::App& app, const GlobalOptions& global);
Command add_log_command(CLI::App& app, const GlobalOptions& global);
Command add_history_command(CLI::App& app, const GlobalOptions& global);
Command add_journal_command(CLI::App& app, const GlobalOptions& global);
Command add_init_command(CLI::App& app, const GlobalOptions& global);
Command add_today_command(CLI::App& app, const GlobalOptions& global);
Command add_session_command(CLI::App& app, const GlobalOptions& global);
Command add_progress_command(CLI::App& app, const GlobalOptions& global);
// These two read the whole of `app`, so they are added after every other command.
Command add_completion_command(CLI::App& app, const GlobalOptions& global);
Command add_manpage_command(CLI::App& app, const GlobalOptions& global);

// Prints each diagnostic as one "kneeplan: …" line on stderr. Printing an
// error never throws, with stderr closed or full.
void report(const DataError& error) noexcept;
// Prints "kneeplan: MESSAGE" on stderr, control characters and invalid UTF-8 escaped.
void print_error(std::string_view message) noexcept;

// Refuses an empty FILE argument, which would otherwise quietly mean "none".
CLI::Validator non_empty_path();

// The whole program; returns the exit code.
int run(int argc, const char* const* argv);

}  // namespace kneeplan::cli
