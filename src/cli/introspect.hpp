#pragma once
// The command line as plain data, read from the CLI11 app itself. The manual
// and the shell completions are written from this, so they list exactly the
// commands and options the parser accepts, including ones added later.
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace kneeplan::cli {

// Type names (->type_name(...)) that say what a value is. Any other type name
// is free text, except a list of words: see describe().
inline constexpr const char* kFileType = "FILE";
inline constexpr const char* kDirectoryType = "DIR";
inline constexpr const char* kExerciseType = "EXERCISE";

enum class ValueKind {
  none,       // a flag
  text,       // free text: a number, a date, a name
  word,       // one of `words`
  file,       // a path to a file
  directory,  // a path to a directory
  exercise,   // an exercise id from the catalogue
};

struct OptionSpec {
  std::vector<std::string> names;  // "-o", "--output"; empty for a positional
  std::string positional;          // a positional's name ("ID"); empty for an option
  std::string value_name;          // the value as --help shows it: "N", "FILE", "novice|intermediate|advanced"
  std::string description;
  std::string default_value;       // empty when none is shown
  ValueKind kind = ValueKind::none;
  std::vector<std::string> words;  // for ValueKind::word
  bool repeatable = false;
  bool required = false;

  bool takes_value() const { return kind != ValueKind::none; }
};

struct CommandSpec {
  std::vector<std::string> path;  // {"exercises", "show"}; empty for the program itself
  std::string description;
  std::string footer;
  std::vector<OptionSpec> options;      // its own, --help included
  std::vector<OptionSpec> inherited;    // a parent's options it also accepts (CLI11 fallthrough)
  std::vector<OptionSpec> positionals;  // in order
  std::vector<CommandSpec> subcommands;

  // "kneeplan exercises show"
  std::string command_line(const std::string& program = "kneeplan") const;
  // Its options followed by the inherited ones.
  std::vector<OptionSpec> accepted_options() const;
};

// The whole tree under `app`. Hidden commands and options (CLI11's empty
// group) are left out; nameless option groups count as their parent.
//
// Accepted words come from the one place --help shows them: the option's type
// name, written `word|word|...` in this project, or CLI11's own `{word,word}`
// for an IsMember check left with its description. So Tab offers what --help
// lists.
CommandSpec describe(const CLI::App& app);

// Calls `visit` on `command` and every command below it, parents first.
template <class Visit>
void for_each_command(const CommandSpec& command, Visit&& visit) {
  visit(command);
  for (const auto& sub : command.subcommands) for_each_command(sub, visit);
}

}  // namespace kneeplan::cli
