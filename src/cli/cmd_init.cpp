// `kneeplan init`: the intake. Asks the profile questions (or takes the
// profile flags), screens the answers, and saves the profile for every
// command to use.
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include "kneeplan/io/diagnostics.hpp"
#include "kneeplan/render/render.hpp"
#include "locations.hpp"
#include "output.hpp"
#include "profile_options.hpp"
#include "prompt.hpp"

namespace kneeplan::cli {

namespace {

struct InitRequest {
  ProfileOptions profile;
  bool yes = false;
  std::vector<CLI::Option*> questions;  // the profile flags, in the order they were added
};

// Words typed for a repeatable option: "chair, mat" or "chair mat".
std::vector<std::string> words_of(const std::string& answer) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : answer + " ") {
    if (c == ',' || c == ' ') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  return words;
}

// Asks one question per profile flag, through the flag itself, so each
// answer is checked exactly as the flag would be. False when the person stops.
bool ask_questions(const std::vector<CLI::Option*>& questions) {
  write_stderr(
      "A few questions about you and your knees. Press Enter to leave one at its default; "
      "Ctrl-D stops without saving.\n");
  for (CLI::Option* option : questions) {
    const bool flag = option->get_type_size() == 0;
    if (flag) {
      const auto answer = ask(fmt::format("{}? [y/N] ", option->get_description()));
      if (!answer) return false;
      if (*answer == "y" || *answer == "yes") {
        option->add_result("true");
        option->run_callback();
      }
      continue;
    }
    for (;;) {
      const auto answer = ask(fmt::format("{} [{}]: ", option->get_description(), option->get_type_name()));
      if (!answer) return false;
      if (answer->empty()) break;
      option->clear();
      const bool many = option->get_expected_max() > 1;
      for (const auto& word : many ? words_of(*answer) : std::vector<std::string>{*answer}) option->add_result(word);
      try {
        option->run_callback();
        break;
      } catch (const CLI::Error& error) {
        option->clear();
        write_stderr(fmt::format("  {}\n", printable(error.what())));
      }
    }
  }
  return true;
}

bool any_profile_flag(const std::vector<CLI::Option*>& questions) {
  return std::any_of(questions.begin(), questions.end(), [](const CLI::Option* o) { return o->count() > 0; });
}

void make_private_directory(const std::filesystem::path& directory) {
  std::error_code ignored;
  if (std::filesystem::is_directory(directory, ignored)) return;
  make_private_directory(directory.parent_path());
  if (::mkdir(directory.c_str(), 0700) != 0 && errno != EEXIST) {
    throw DataError(directory.string(), "", fmt::format("cannot create the directory: {}", std::strerror(errno)));
  }
}

int run_init(const GlobalOptions& global, InitRequest& request) {
  const auto path = saved_profile_path();
  if (!path) throw UsageError("cannot tell where to save the profile: HOME is not set (nor XDG_CONFIG_HOME)");
  if (!request.yes) {
    if (!interactive()) {
      throw UsageError("init asks its questions on a terminal; without one, give the profile flags and --yes");
    }
    if (!any_profile_flag(request.questions) && !ask_questions(request.questions)) {
      write_stderr("Stopped: nothing was saved.\n");
      return kBadData;
    }
  }
  const Profile profile = request.profile.resolve();
  const SafetyRules rules = load_safety(global);
  const std::vector<Finding> findings = screen(rules, profile);
  const Verdict verdict = kneeplan::verdict(findings, profile.cleared_by_clinician);
  const Style style{colour_for(stdout)};
  write_output("-", for_locale(render_findings_text(findings, rules, style) + "\n" + render_verdict_text(verdict, style)));
  if (!request.yes && !confirm(fmt::format("Save this profile to {}?", path->string()), true)) {
    write_stderr("Not saved.\n");
    return kOk;
  }
  make_private_directory(path->parent_path());
  write_output(path->string(), render_profile_json(profile), Readers::owner_only);
  write_output("-", fmt::format("\nSaved your profile to {}. Every command uses it unless given --profile or "
                                "--no-saved-profile; flags still override it.\n",
                                path->string()));
  // As `check`: any finding that needs a doctor first is a safety finding.
  return verdict == Verdict::go ? kOk : kSafety;
}

}  // namespace

Command add_init_command(CLI::App& app, const GlobalOptions& global) {
  auto request = std::make_shared<InitRequest>();
  CLI::App* command = app.add_subcommand(
      "init", "Answer the intake questions, see the safety screen, and save your profile for every command");
  const std::vector<CLI::Option*> before = command->get_options();
  request->profile.add_to(*command);
  // The questions are the profile flags (not --profile or --no-saved-profile),
  // so a flag added to the profile is asked about too.
  for (CLI::Option* option : command->get_options()) {
    if (std::find(before.begin(), before.end(), option) != before.end()) continue;
    if (option->check_name("--profile") || option->check_name("--no-saved-profile")) continue;
    request->questions.push_back(option);
  }
  command->add_flag("--yes", request->yes, "Save without asking (for scripts: give the profile flags)");
  command->footer(
      "Examples:\n"
      "  kneeplan init                                   # on a terminal: asks one question at a time\n"
      "  kneeplan init --age 34 --side left --pain 2 --equipment chair --equipment mat --yes");
  return {command, [request, &global] { return run_init(global, *request); }};
}

}  // namespace kneeplan::cli
