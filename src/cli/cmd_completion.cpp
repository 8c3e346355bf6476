// `kneeplan completion SHELL` and the hidden `kneeplan manpage`: scripts and
// the manual written from the command line itself, so they cannot drift from it.
#include <fmt/format.h>

#include <memory>

#include "build_info.hpp"
#include "completion.hpp"
#include "introspect.hpp"
#include "kneeplan/version.hpp"
#include "manual.hpp"
#include "output.hpp"
#include "profile_options.hpp"

namespace kneeplan::cli {

namespace {
struct CompletionRequest {
  std::string shell;
  std::string output;
};
}  // namespace

Command add_completion_command(CLI::App& app, const GlobalOptions& global) {
  auto request = std::make_shared<CompletionRequest>();
  CLI::App* command = app.add_subcommand("completion", "Print a shell completion script for bash, zsh or fish");
  command->add_option("SHELL", request->shell, "The shell to complete in")
      ->required()
      ->check(one_of(kShells))
      ->type_name(fmt::format("{}", fmt::join(kShells, "|")));
  command->add_option("-o,--output", request->output, "Write to FILE instead of standard output (`-`: stdout)")
      ->type_name(kFileType);
  command->footer(
      "Examples: kneeplan completion bash > ~/.local/share/bash-completion/completions/kneeplan\n"
      "          kneeplan completion fish | source");
  // `app` is the whole program: by the time this runs, every command is in it.
  return {command, [request, &app, &global] {
            const Catalogue catalogue = load_catalogue(global);
            write_output(request->output, completion_script(request->shell, describe(app), catalogue.ids()));
            return kOk;
          }};
}

Command add_manpage_command(CLI::App& app, const GlobalOptions& /*global*/) {
  auto output = std::make_shared<std::string>();
  // Hidden (no group): the build runs it to write kneeplan.1, people read `man kneeplan`.
  CLI::App* command = app.add_subcommand("manpage", "Print the kneeplan(1) manual page as roff")->group("");
  command->add_option("-o,--output", *output, "Write to FILE instead of standard output (`-`: stdout)")
      ->type_name(kFileType);
  return {command, [output, &app] {
            write_output(*output, manual_page(describe(app), {kVersion, kBuildDate}));
            return kOk;
          }};
}

}  // namespace kneeplan::cli
