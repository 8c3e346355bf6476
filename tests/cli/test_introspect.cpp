// describe(): the command tree the manual and the completions are written from,
// read from a CLI11 app built the ways kneeplan's commands build theirs.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "introspect.hpp"

using namespace kneeplan::cli;

namespace {

const OptionSpec& option_named(const std::vector<OptionSpec>& options, const std::string& name) {
  const auto found = std::find_if(options.begin(), options.end(), [&](const OptionSpec& option) {
    return std::find(option.names.begin(), option.names.end(), name) != option.names.end() || option.positional == name;
  });
  REQUIRE(found != options.end());
  return *found;
}

bool has_option(const std::vector<OptionSpec>& options, const std::string& name) {
  return std::any_of(options.begin(), options.end(), [&](const OptionSpec& option) {
    return std::find(option.names.begin(), option.names.end(), name) != option.names.end();
  });
}

const CommandSpec& subcommand(const CommandSpec& command, const std::string& name) {
  const auto found = std::find_if(command.subcommands.begin(), command.subcommands.end(),
                                  [&](const CommandSpec& sub) { return sub.path.back() == name; });
  REQUIRE(found != command.subcommands.end());
  return *found;
}

}  // namespace

TEST_CASE("describe reads each option's value the way --help shows it", "[cli][introspect]") {
  CLI::App app{"Test program", "kneeplan"};
  std::string level, format, file, at, shell, id;
  std::vector<std::string> symptoms, inputs;
  bool json = false;
  int weeks = 4;
  app.add_option("--level", level, "Level")
      ->check(CLI::IsMember({"novice", "advanced"}).description(""))
      ->type_name("novice|advanced");
  app.add_option("--format", format, "Format")->check(CLI::IsMember({"text", "ics"}));  // CLI11's own {text,ics}
  int detail = 0;
  app.add_option("--detail", detail, "Detail")
      ->transform(CLI::CheckedTransformer(std::map<std::string, int>{{"brief", 0}, {"full", 1}}));
  app.add_option("--symptom", symptoms, "Symptoms")->type_name("buckling|locking");
  app.add_option("--profile", file, "Profile")->type_name(kFileType);
  app.add_option("--at", at, "Time of day")->type_name("HH:MM");
  app.add_option("--weeks", weeks, "Weeks")->capture_default_str()->type_name("N");
  app.add_option("--checked-file", file, "An existing file")->check(CLI::ExistingFile);
  app.add_flag("--json", json, "JSON");
  app.add_option("ID", id, "Exercise")->type_name(kExerciseType);
  app.add_option("FILE", inputs, "Inputs");

  const CommandSpec root = describe(app);
  const auto& options = root.options;

  CHECK(option_named(options, "--level").kind == ValueKind::word);
  CHECK(option_named(options, "--level").words == std::vector<std::string>{"novice", "advanced"});
  CHECK(option_named(options, "--format").kind == ValueKind::word);
  CHECK(option_named(options, "--format").words == std::vector<std::string>{"text", "ics"});
  CHECK(option_named(options, "--detail").kind == ValueKind::word);
  CHECK(option_named(options, "--detail").words == std::vector<std::string>{"brief", "full"});
  CHECK(option_named(options, "--symptom").repeatable);
  CHECK(option_named(options, "--symptom").words == std::vector<std::string>{"buckling", "locking"});
  CHECK_FALSE(option_named(options, "--level").repeatable);
  CHECK(option_named(options, "--profile").kind == ValueKind::file);
  CHECK(option_named(options, "--checked-file").kind == ValueKind::file);
  CHECK(option_named(options, "--at").kind == ValueKind::text);  // a colon is not a list
  CHECK(option_named(options, "--at").value_name == "HH:MM");
  CHECK(option_named(options, "--weeks").kind == ValueKind::text);
  CHECK(option_named(options, "--weeks").default_value == "4");
  CHECK(option_named(options, "--json").kind == ValueKind::none);
  CHECK_FALSE(option_named(options, "--json").takes_value());
  CHECK(option_named(options, "--help").kind == ValueKind::none);

  REQUIRE(root.positionals.size() == 2);
  CHECK(root.positionals[0].positional == "ID");
  CHECK(root.positionals[0].kind == ValueKind::exercise);
  // A positional left at CLI11's TEXT type is named by its own name.
  CHECK(root.positionals[1].positional == "FILE");
  CHECK(root.positionals[1].kind == ValueKind::file);
  CHECK(root.positionals[1].repeatable);
}

TEST_CASE("describe walks every visible subcommand, with inherited options and option groups", "[cli][introspect]") {
  CLI::App app{"Test program", "kneeplan"};
  app.fallthrough();
  app.footer("Program footer");
  std::string catalogue, secret, side, start;
  app.add_option("--catalogue", catalogue, "Catalogue")->type_name(kFileType);
  app.add_option("--secret", secret, "Not for people")->group("");

  CLI::App* journal = app.add_subcommand("journal", "The journal");
  journal->footer("Example: kneeplan journal export");
  CLI::App* exporter = journal->add_subcommand("export", "Export it");
  CLI::Option_group* group = exporter->add_option_group("when", "Which days");
  group->add_option("--start", start, "First day")->type_name("YYYY-MM-DD");
  app.add_subcommand("manpage", "Hidden")->group("");
  CLI::App* plan = app.add_subcommand("plan", "Plan");
  plan->add_option("--side", side, "Side")->type_name("left|right|both");

  const CommandSpec root = describe(app);
  REQUIRE(root.subcommands.size() == 2);  // the hidden one is left out
  CHECK(root.subcommands[0].path == std::vector<std::string>{"journal"});
  CHECK(root.subcommands[1].path == std::vector<std::string>{"plan"});
  CHECK_FALSE(has_option(root.options, "--secret"));

  const CommandSpec& journal_spec = subcommand(root, "journal");
  CHECK(journal_spec.footer == "Example: kneeplan journal export");
  const CommandSpec& export_spec = subcommand(journal_spec, "export");
  CHECK(export_spec.command_line() == "kneeplan journal export");
  CHECK(export_spec.footer.empty());  // inherited from journal, not its own
  CHECK(has_option(export_spec.options, "--start"));  // from its option group
  CHECK(has_option(export_spec.inherited, "--catalogue"));  // from two levels up
  // Each command has its own --help; the parents' are not listed again.
  const auto accepted = export_spec.accepted_options();
  CHECK(std::count_if(accepted.begin(), accepted.end(), [](const OptionSpec& option) {
          return std::find(option.names.begin(), option.names.end(), "--help") != option.names.end();
        }) == 1);
  CHECK(subcommand(root, "plan").footer.empty());
  CHECK(root.footer == "Program footer");

  std::vector<std::string> visited;
  for_each_command(root, [&](const CommandSpec& command) { visited.push_back(command.command_line()); });
  CHECK(visited == std::vector<std::string>{"kneeplan", "kneeplan journal", "kneeplan journal export", "kneeplan plan"});
}

TEST_CASE("describe does not inherit without fallthrough", "[cli][introspect]") {
  CLI::App app{"Test program", "kneeplan"};
  std::string catalogue;
  app.add_option("--catalogue", catalogue, "Catalogue");
  app.add_subcommand("plan", "Plan");
  const CommandSpec root = describe(app);
  CHECK(subcommand(root, "plan").inherited.empty());
}
