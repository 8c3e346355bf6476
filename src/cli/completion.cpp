#include "completion.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "kneeplan/core/text.hpp"

namespace kneeplan::cli {

namespace {

// What a value completes to, in the words the bash and fish scripts share:
// "words W W...", "file", "dir", "text"; "" for a flag.
std::string value_code(const OptionSpec& spec, const std::vector<std::string>& exercise_ids) {
  switch (spec.kind) {
    case ValueKind::none:
      return "";
    case ValueKind::word:
      return "words " + join(spec.words, " ");
    case ValueKind::exercise:
      return exercise_ids.empty() ? "text" : "words " + join(exercise_ids, " ");
    case ValueKind::file:
      return "file";
    case ValueKind::directory:
      return "dir";
    case ValueKind::text:
      return "text";
  }
  return "text";
}

std::string path_key(const CommandSpec& command) { return join(command.path, " "); }

// Keys that share one value, in first-seen order, so a script names each value once.
class Table {
 public:
  void add(std::string key, std::string value) {
    auto row = std::find_if(rows_.begin(), rows_.end(), [&](const auto& r) { return r.first == value; });
    if (row == rows_.end()) {
      rows_.emplace_back(std::move(value), std::vector<std::string>{});
      row = std::prev(rows_.end());
    }
    row->second.push_back(std::move(key));
  }
  const std::vector<std::pair<std::string, std::vector<std::string>>>& rows() const { return rows_; }

 private:
  std::vector<std::pair<std::string, std::vector<std::string>>> rows_;
};

// 'text' for sh, bash and zsh: nothing inside single quotes is special but the quote.
std::string sh_quote(std::string_view text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// 'text' for fish, where a backslash is special inside single quotes too.
std::string fish_quote(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

// One line of a description: help texts may hold newlines, a script's one-line description may not.
std::string one_line(std::string_view text) {
  std::string out(text.substr(0, text.find('\n')));
  return out;
}

std::vector<std::string> option_names(const std::vector<OptionSpec>& options) {
  std::vector<std::string> names;
  for (const auto& option : options) names.insert(names.end(), option.names.begin(), option.names.end());
  return names;
}

std::vector<std::string> subcommand_names(const CommandSpec& command) {
  std::vector<std::string> names;
  for (const auto& sub : command.subcommands) names.push_back(sub.path.back());
  return names;
}

// Writes `case SUBJECT in` with one branch per table row, each setting REPLY.
// With `fallback`, the unmatched keep REPLY as it was.
std::string bash_case(std::string_view subject, const Table& table, bool fallback = true) {
  std::string out = fmt::format("    case {} in\n", subject);
  for (const auto& [value, keys] : table.rows()) {
    std::vector<std::string> patterns;
    for (const auto& key : keys) {
      // A key ending in "*" matches anything from there on.
      patterns.push_back(key.ends_with('*') ? sh_quote(key.substr(0, key.size() - 1)) + "*" : sh_quote(key));
    }
    out += fmt::format("        {}) REPLY={} ;;\n", join(patterns, " | "), sh_quote(value));
  }
  if (fallback) out += "        *) REPLY='' ;;\n";
  return out + "    esac\n";
}

std::string bash_script(const CommandSpec& root, const std::vector<std::string>& exercise_ids) {
  Table subcommands, options, values, positionals, repeated_positionals;
  for_each_command(root, [&](const CommandSpec& command) {
    const std::string key = path_key(command);
    if (!command.subcommands.empty()) subcommands.add(key, join(subcommand_names(command), " "));
    const auto accepted = command.accepted_options();
    options.add(key, join(option_names(accepted), " "));
    for (const auto& option : accepted) {
      if (!option.takes_value()) continue;
      for (const auto& name : option.names) values.add(key + "|" + name, value_code(option, exercise_ids));
    }
    for (std::size_t i = 0; i < command.positionals.size(); ++i) {
      const auto& positional = command.positionals[i];
      positionals.add(fmt::format("{}|{}", key, i), value_code(positional, exercise_ids));
      // The last positional, when it takes many values, covers every later word too.
      if (i + 1 == command.positionals.size() && positional.repeatable) {
        repeated_positionals.add(key + "|*", value_code(positional, exercise_ids));
      }
    }
  });

  std::string out =
      "# bash completion for kneeplan                             -*- shell-script -*-\n"
      "# Written by `kneeplan completion bash` from kneeplan's own command line.\n"
      "# Load it with: source <(kneeplan completion bash)\n"
      "\n"
      "# The subcommands of the command path $1 (\"\", \"exercises\", ...), in REPLY.\n"
      "_kneeplan_subcommands() {\n" +
      bash_case("$1", subcommands) +
      "}\n\n"
      "# The options accepted after the command path $1, in REPLY.\n"
      "_kneeplan_options() {\n" +
      bash_case("$1", options) +
      "}\n\n"
      "# What follows option $2 after the command path $1, in REPLY:\n"
      "# \"words W...\", \"file\", \"dir\", \"text\"; empty for a flag.\n"
      "_kneeplan_value() {\n" +
      bash_case("\"$1|$2\"", values) +
      "}\n\n"
      "# What the positional argument number $2 (from 0) after the command path $1 is, as above.\n"
      "_kneeplan_positional() {\n" +
      bash_case("\"$1|$2\"", positionals) +
      "    [[ -n $REPLY ]] && return\n" +
      bash_case("\"$1|$2\"", repeated_positionals, false) +
      "}\n\n" +
      R"(# Adds the completions of value kind $1 (as from _kneeplan_value) for word $2.
_kneeplan_add_values() {
    local -a found=()
    case $1 in
        words\ *) mapfile -t found < <(compgen -W "${1#words }" -- "$2") ;;
        file) compopt -o filenames 2>/dev/null; mapfile -t found < <(compgen -f -- "$2") ;;
        dir) compopt -o filenames 2>/dev/null; mapfile -t found < <(compgen -d -- "$2") ;;
    esac
    COMPREPLY+=("${found[@]}")
}

_kneeplan() {
    local cur=${COMP_WORDS[COMP_CWORD]} path='' option='' word REPLY
    local -i i positional=0
    COMPREPLY=()
    # Walk the words before the cursor: subcommands deepen the path, an option
    # that takes a value swallows the next word ("--level novice" and, as bash
    # splits it, "--level = novice").
    for (( i = 1; i < COMP_CWORD; i++ )); do
        word=${COMP_WORDS[i]}
        # Bash splits "07:30" at the colon too: the colon and what follows belong to the word before.
        if [[ $word == : ]]; then
            (( i + 1 < COMP_CWORD )) && (( i++ ))
            continue
        fi
        if [[ -n $option ]]; then
            [[ $word == = ]] || option=''
            continue
        fi
        case $word in
            --*=*) continue ;;
            -*) _kneeplan_value "$path" "$word"; [[ -n $REPLY ]] && option=$word; continue ;;
        esac
        _kneeplan_subcommands "$path"
        if (( positional == 0 )) && [[ " $REPLY " == *" $word "* ]]; then
            path=${path:+$path }$word
        else
            positional+=1
        fi
    done

    if [[ -n $option ]]; then
        [[ $cur == = ]] && cur=''
        _kneeplan_value "$path" "$option"
        _kneeplan_add_values "$REPLY" "$cur"
        return 0
    fi
    if [[ $cur == -* ]]; then
        _kneeplan_options "$path"
        _kneeplan_add_values "words $REPLY" "$cur"
        return 0
    fi
    _kneeplan_positional "$path" "$positional"
    _kneeplan_add_values "$REPLY" "$cur"
    if (( positional == 0 )); then
        _kneeplan_subcommands "$path"
        [[ -n $REPLY ]] && _kneeplan_add_values "words $REPLY" "$cur"
    fi
    # Nothing else to offer here: the options are what comes next.
    if (( ${#COMPREPLY[@]} == 0 )) && [[ -z $cur ]]; then
        _kneeplan_options "$path"
        _kneeplan_add_values "words $REPLY" "$cur"
    fi
    return 0
}

complete -F _kneeplan kneeplan
)";
  return out;
}

// --- zsh ---------------------------------------------------------------------

// Text inside an _arguments [description]: brackets and backslashes escaped.
std::string zsh_description(std::string_view text) {
  std::string out;
  for (const char c : one_line(text)) {
    if (c == '[' || c == ']' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// An _arguments message or _describe entry: colons and backslashes escaped.
std::string zsh_colon_escaped(std::string_view text) {
  std::string out;
  for (const char c : one_line(text)) {
    if (c == ':' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string zsh_action(const OptionSpec& spec, const std::vector<std::string>& exercise_ids) {
  switch (spec.kind) {
    case ValueKind::word:
      return "(" + join(spec.words, " ") + ")";
    case ValueKind::exercise:
      return exercise_ids.empty() ? " " : "(" + join(exercise_ids, " ") + ")";
    case ValueKind::file:
      return "_files";
    case ValueKind::directory:
      return "_files -/";
    case ValueKind::none:
    case ValueKind::text:
      return " ";  // no matches: zsh shows the message
  }
  return " ";
}

// What zsh shows above the matches: the value's name, or for a list of words what they are.
std::string zsh_message(const OptionSpec& spec) {
  if (spec.kind == ValueKind::exercise) return "exercise";
  if (spec.kind != ValueKind::word) return zsh_colon_escaped(spec.value_name);
  if (!spec.positional.empty()) return zsh_colon_escaped(spec.positional);
  std::string name = spec.names.back();
  return zsh_colon_escaped(name.substr(name.find_first_not_of('-')));
}

std::string zsh_function_name(const CommandSpec& command) {
  std::string name = "_kneeplan";
  for (const auto& word : command.path) {
    name += '_';
    for (const char c : word) name += (c == '-' || c == '.') ? '_' : c;
  }
  return name;
}

std::vector<std::string> zsh_option_specs(const CommandSpec& command, const std::vector<std::string>& exercise_ids) {
  std::vector<std::string> specs;
  for (const auto& option : command.accepted_options()) {
    const std::string exclusions = option.repeatable ? "" : "(" + join(option.names, " ") + ")";
    for (const auto& name : option.names) {
      std::string spec = option.repeatable ? "*" : exclusions;
      spec += name;
      if (option.takes_value()) spec += name.starts_with("--") ? "=" : "+";
      spec += "[" + zsh_description(option.description) + "]";
      if (option.takes_value()) {
        spec += ":" + zsh_message(option) + ":" + zsh_action(option, exercise_ids);
      }
      specs.push_back(sh_quote(spec));
    }
  }
  return specs;
}

std::string zsh_function(const CommandSpec& command, const std::vector<std::string>& exercise_ids) {
  std::vector<std::string> specs = zsh_option_specs(command, exercise_ids);
  const bool dispatches = !command.subcommands.empty();
  if (dispatches) {
    specs.push_back(sh_quote(": :->command"));
    specs.push_back(sh_quote("*:: :->argument"));
  } else {
    for (std::size_t i = 0; i < command.positionals.size(); ++i) {
      const auto& positional = command.positionals[i];
      const std::string position = positional.repeatable ? "*" : std::to_string(i + 1);
      specs.push_back(sh_quote(position + ":" + zsh_message(positional) + ":" + zsh_action(positional, exercise_ids)));
    }
  }

  std::string out = fmt::format("{}() {{\n", zsh_function_name(command));
  if (dispatches) out += "  local curcontext=$curcontext state state_descr line ret=1\n  typeset -A opt_args\n";
  out += fmt::format("  _arguments -S{} : \\\n    {}", dispatches ? " -C" : "", join(specs, " \\\n    "));
  if (!dispatches) return out + "\n}\n\n";

  out += " && ret=0\n  case $state in\n    (command)\n      local -a commands=(\n";
  for (const auto& sub : command.subcommands) {
    out += fmt::format("        {}\n", sh_quote(zsh_colon_escaped(sub.path.back()) + ":" +
                                                 zsh_colon_escaped(sub.description)));
  }
  out += fmt::format("      )\n      _describe -t commands {} commands && ret=0\n      ;;\n",
                     sh_quote(command.command_line() + " command"));
  out += "    (argument)\n      curcontext=${curcontext%:*:*}:kneeplan-$words[1]:\n      case $words[1] in\n";
  for (const auto& sub : command.subcommands) {
    out += fmt::format("        ({}) {} && ret=0 ;;\n", sub.path.back(), zsh_function_name(sub));
  }
  out += "      esac\n      ;;\n  esac\n  return ret\n}\n\n";
  return out;
}

std::string zsh_script(const CommandSpec& root, const std::vector<std::string>& exercise_ids) {
  std::string out =
      "#compdef kneeplan\n"
      "# zsh completion for kneeplan, written by `kneeplan completion zsh` from its own command line.\n"
      "# Install it as _kneeplan in a directory on $fpath, or load it with:\n"
      "#   source <(kneeplan completion zsh)\n\n";
  // Callees first, so each function exists before the one that calls it is read.
  std::vector<const CommandSpec*> commands;
  for_each_command(root, [&](const CommandSpec& command) { commands.push_back(&command); });
  std::reverse(commands.begin(), commands.end());
  for (const CommandSpec* command : commands) out += zsh_function(*command, exercise_ids);
  out +=
      "if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then\n"
      "  _kneeplan \"$@\"\n"
      "else\n"
      "  compdef _kneeplan kneeplan\n"
      "fi\n";
  return out;
}

// --- fish --------------------------------------------------------------------

// `switch SUBJECT` with one case per table row, whose body is body(value).
template <class Body>
std::string fish_switch(std::string_view subject, const Table& table, Body body) {
  std::string out = fmt::format("    switch {}\n", subject);
  for (const auto& [value, keys] : table.rows()) {
    std::vector<std::string> patterns;
    for (const auto& key : keys) patterns.push_back(fish_quote(key));
    out += fmt::format("        case {}\n            {}\n", join(patterns, " "), body(value));
  }
  return out + "    end\n";
}

std::string fish_value_arguments(const OptionSpec& spec, const std::vector<std::string>& exercise_ids) {
  switch (spec.kind) {
    case ValueKind::none:
      return "";
    case ValueKind::word:
      return " -x -a " + fish_quote(join(spec.words, " "));
    case ValueKind::exercise:
      return exercise_ids.empty() ? " -x" : " -x -a " + fish_quote(join(exercise_ids, " "));
    case ValueKind::file:
      return " -r -F";
    case ValueKind::directory:
      return " -x -a '(__fish_complete_directories)'";
    case ValueKind::text:
      return " -x";
  }
  return " -x";
}

std::string fish_script(const CommandSpec& root, const std::vector<std::string>& exercise_ids) {
  Table subcommands, takes_value;
  for_each_command(root, [&](const CommandSpec& command) {
    if (!command.subcommands.empty()) {
      std::vector<std::string> quoted;
      for (const auto& name : subcommand_names(command)) quoted.push_back(fish_quote(name));
      subcommands.add(path_key(command), join(quoted, " "));
    }
    for (const auto& option : command.accepted_options()) {
      if (!option.takes_value()) continue;
      for (const auto& name : option.names) takes_value.add(path_key(command) + "|" + name, "");
    }
  });

  std::string out =
      "# fish completion for kneeplan, written by `kneeplan completion fish` from its own command line.\n"
      "# Load it with: kneeplan completion fish | source\n\n"
      "# The subcommands of the command path $argv[1], one a line.\n"
      "function __kneeplan_subcommands\n" +
      fish_switch("$argv[1]", subcommands, [](const std::string& names) { return "printf '%s\\n' " + names; }) +
      "end\n\n"
      "# Whether option $argv[2] takes a value after the command path $argv[1].\n"
      "function __kneeplan_takes_value\n" +
      fish_switch("\"$argv[1]|$argv[2]\"", takes_value, [](const std::string&) { return std::string("return 0"); }) +
      "    return 1\n"
      "end\n\n" +
      R"(# The subcommands typed so far ("", "exercises show"), skipping option values.
function __kneeplan_path
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l path ''
    set -l skip 0
    for token in $tokens
        if test $skip = 1
            set skip 0
            continue
        end
        switch $token
            case '--*=*'
            case '-*'
                if __kneeplan_takes_value "$path" $token
                    set skip 1
                end
            case '*'
                if contains -- $token (__kneeplan_subcommands "$path")
                    set path (string trim -- "$path $token")
                end
        end
    end
    echo $path
end

function __kneeplan_at
    set -l path (__kneeplan_path)
    test "$path" = "$argv[1]"
end

complete -c kneeplan -f
)";
  for_each_command(root, [&](const CommandSpec& command) {
    const std::string condition = fish_quote("__kneeplan_at " + sh_quote(path_key(command)));
    for (const auto& sub : command.subcommands) {
      out += fmt::format("complete -c kneeplan -n {} -a {} -d {}\n", condition, fish_quote(sub.path.back()),
                         fish_quote(one_line(sub.description)));
    }
    if (command.subcommands.empty() && !command.positionals.empty()) {
      const auto& first = command.positionals.front();
      out += fmt::format("complete -c kneeplan -n {}{} -d {}\n", condition,
                         first.kind == ValueKind::file ? std::string(" -F") : fish_value_arguments(first, exercise_ids),
                         fish_quote(one_line(first.description)));
    }
    for (const auto& option : command.accepted_options()) {
      std::string names;
      for (const auto& name : option.names) {
        names += name.starts_with("--") ? " -l " + name.substr(2) : " -s " + name.substr(1);
      }
      out += fmt::format("complete -c kneeplan -n {}{}{} -d {}\n", condition, names,
                         fish_value_arguments(option, exercise_ids), fish_quote(one_line(option.description)));
    }
  });
  return out;
}

}  // namespace

std::string completion_script(std::string_view shell, const CommandSpec& root,
                              const std::vector<std::string>& exercise_ids) {
  if (shell == "bash") return bash_script(root, exercise_ids);
  if (shell == "zsh") return zsh_script(root, exercise_ids);
  return fish_script(root, exercise_ids);
}

}  // namespace kneeplan::cli
