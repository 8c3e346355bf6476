#include "introspect.hpp"

#include <algorithm>
#include <string_view>

namespace kneeplan::cli {

namespace {

bool is_word(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  });
}

// "a|b|c" -> {a, b, c}; with `keys`, "a->1,b->2" -> {a, b} (a CLI11 map);
// anything else -> {}.
std::vector<std::string> word_list(std::string_view text, char separator, bool keys = false) {
  std::vector<std::string> words;
  if (!keys && text.find(separator) == std::string_view::npos) return words;
  for (std::string_view rest = text;;) {
    const auto end = rest.find(separator);
    std::string_view word = rest.substr(0, end);
    if (keys) word = word.substr(0, word.find("->"));
    if (!is_word(word)) return {};
    words.emplace_back(word);
    if (end == std::string_view::npos) return words;
    rest.remove_prefix(end + 1);
  }
}

// The type names CLI11 gives a value nobody named.
bool is_default_type_name(std::string_view name) {
  return name == "TEXT" || name == "INT" || name == "UINT" || name == "FLOAT" || name == "NUMBER" ||
         name == "BOOLEAN";
}

// Sets the kind and words of `spec` from the value's name as --help shows it.
// CLI11 writes a type name followed by ":description" for each check that has
// one (`TEXT:{a,b}`, `TEXT:FILE`, `TEXT:value in {a->1,b->2} OR {1,2}` for a
// transformer), so each part is looked at, and in it the first {set}.
void classify(OptionSpec& spec) {
  spec.kind = ValueKind::text;
  if (auto words = word_list(spec.value_name, '|'); !words.empty()) {
    spec.kind = ValueKind::word;
    spec.words = std::move(words);
    return;
  }
  std::string_view rest = spec.value_name;
  for (;;) {
    const auto end = rest.find(':');
    const std::string_view part = rest.substr(0, end);
    const auto open = part.find('{');
    const auto close = part.find('}', open);
    if (open != std::string_view::npos && close != std::string_view::npos && close > open + 1) {
      if (auto words = word_list(part.substr(open + 1, close - open - 1), ',', true); !words.empty()) {
        spec.kind = ValueKind::word;
        spec.words = std::move(words);
        return;
      }
    }
    if (part == kFileType || part.starts_with("PATH")) spec.kind = ValueKind::file;
    if (part == kDirectoryType) spec.kind = ValueKind::directory;
    if (part == kExerciseType) spec.kind = ValueKind::exercise;
    if (end == std::string_view::npos) return;
    rest.remove_prefix(end + 1);
  }
}

OptionSpec describe_option(const CLI::Option& option) {
  OptionSpec spec;
  for (const auto& name : option.get_snames()) spec.names.push_back("-" + name);
  for (const auto& name : option.get_lnames()) spec.names.push_back("--" + name);
  if (spec.names.empty()) spec.positional = option.get_name(true);
  spec.description = option.get_description();
  spec.default_value = option.get_default_str();
  spec.required = option.get_required();
  spec.repeatable = option.get_items_expected_max() > 1;
  if (option.get_items_expected_max() == 0) return spec;  // a flag

  spec.value_name = option.get_type_name();
  // A positional left at CLI11's default type is named by its own name ("FILE").
  if (!spec.positional.empty() && is_default_type_name(spec.value_name)) spec.value_name = spec.positional;
  classify(spec);
  return spec;
}

bool hidden(const CLI::Option* option) { return option->get_group().empty(); }

bool same_option(const OptionSpec& a, const OptionSpec& b) { return a.names == b.names && a.positional == b.positional; }

// Adds the visible options of `app`, and of its nameless option groups, to
// `command`. A group carries a copy of its parent's --help: that is one option.
void collect_options(const CLI::App& app, CommandSpec& command) {
  for (const CLI::Option* option : app.get_options()) {
    if (hidden(option)) continue;
    OptionSpec spec = describe_option(*option);
    auto& list = spec.positional.empty() ? command.options : command.positionals;
    if (std::any_of(list.begin(), list.end(), [&](const OptionSpec& seen) { return same_option(seen, spec); })) continue;
    list.push_back(std::move(spec));
  }
  for (const CLI::App* group : app.get_subcommands([](const CLI::App* sub) { return sub->get_name().empty(); })) {
    collect_options(*group, command);
  }
}

CommandSpec describe_command(const CLI::App& app, std::vector<std::string> path, const CommandSpec* parent) {
  CommandSpec command;
  command.path = std::move(path);
  command.description = app.get_description();
  // A subcommand inherits its parent's footer until it sets its own.
  const CLI::App* parent_app = app.get_parent();
  if (parent_app == nullptr || app.get_footer() != parent_app->get_footer()) command.footer = app.get_footer();
  collect_options(app, command);
  if (parent != nullptr && app.get_fallthrough()) command.inherited = parent->accepted_options();
  // --help belongs to each command; the parent's copy is not a second one.
  std::erase_if(command.inherited, [&](const OptionSpec& inherited) {
    return std::any_of(command.options.begin(), command.options.end(),
                       [&](const OptionSpec& own) { return same_option(own, inherited); });
  });

  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* candidate) {
         return !candidate->get_name().empty() && !candidate->get_group().empty();
       })) {
    std::vector<std::string> sub_path = command.path;
    sub_path.push_back(sub->get_name());
    command.subcommands.push_back(describe_command(*sub, std::move(sub_path), &command));
  }
  return command;
}

}  // namespace

std::string CommandSpec::command_line(const std::string& program) const {
  std::string line = program;
  for (const auto& word : path) line += " " + word;
  return line;
}

std::vector<OptionSpec> CommandSpec::accepted_options() const {
  std::vector<OptionSpec> all = options;
  all.insert(all.end(), inherited.begin(), inherited.end());
  return all;
}

CommandSpec describe(const CLI::App& app) { return describe_command(app, {}, nullptr); }

}  // namespace kneeplan::cli
