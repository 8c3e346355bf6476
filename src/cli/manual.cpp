#include "manual.hpp"

#include <fmt/format.h>

#include <string_view>
#include <utility>

#include "app.hpp"
#include "kneeplan/core/text.hpp"

namespace kneeplan::cli {

namespace {

// The next UTF-8 code point of `text` from `i` (advancing `i`); U+FFFD for a bad byte.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
  const unsigned char lead = byte(i);
  const std::size_t length = lead < 0x80            ? 1
                             : (lead >> 5) == 0x6   ? 2
                             : (lead >> 4) == 0xE   ? 3
                             : (lead >> 3) == 0x1E  ? 4
                                                    : 0;
  if (length == 0 || i + length > text.size()) {
    ++i;
    return U'\uFFFD';
  }
  char32_t point = length == 1 ? char32_t{lead} : char32_t{lead} & (0x7Fu >> length);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) >> 6) != 0x2) {
      ++i;
      return U'\uFFFD';
    }
    point = (point << 6) | (byte(i + k) & 0x3F);
  }
  i += length;
  return point;
}

// Text for a roff text line: escapes, `code` in bold, ASCII only. Every
// hyphen is written \- so that ids and options copy out as typed.
std::string roff(std::string_view text) {
  std::string out;
  bool in_code = false;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = next_code_point(text, i);
    switch (c) {
      case U'\\':
        out += "\\e";
        break;
      case U'-':
        out += "\\-";
        break;
      case U'`':
        out += in_code ? "\\fR" : "\\fB";
        in_code = !in_code;
        break;
      case U'\n':
        out += '\n';
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += ' ';
        } else if (c < 0x80) {
          out += static_cast<char>(c);
        } else {
          out += fmt::format("\\[u{:04X}]", static_cast<std::uint32_t>(c));
        }
    }
  }
  if (in_code) out += "\\fR";
  // A line that starts with . or ' would be read as a request.
  std::string safe;
  bool line_start = true;
  for (const char c : out) {
    if (line_start && (c == '.' || c == '\'')) safe += "\\&";
    safe += c;
    line_start = c == '\n';
  }
  return safe;
}

std::string bold(std::string_view text) { return "\\fB" + roff(text) + "\\fR"; }
std::string italic(std::string_view text) { return "\\fI" + roff(text) + "\\fR"; }

// A paragraph: one text line per source line, never an empty one.
std::string paragraph(std::string_view text) {
  std::string out;
  for (std::size_t start = 0; start <= text.size();) {
    const auto end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    if (line.find_first_not_of(' ') != std::string_view::npos) out += roff(line) + "\n";
    start = end + 1;
  }
  return out;
}

std::string sentence(std::string text) {
  if (!text.empty() && text.back() != '.') text += '.';
  return text;
}

// "--level novice|intermediate|advanced", as a .TP tag.
std::string option_tag(const OptionSpec& option) {
  std::vector<std::string> names;
  for (const auto& name : option.names) names.push_back(bold(name));
  std::string tag = option.positional.empty() ? join(names, ", ") : italic(option.positional);
  if (option.takes_value() && option.positional.empty()) {
    if (option.kind == ValueKind::word) {
      std::vector<std::string> words;
      for (const auto& word : option.words) words.push_back(italic(word));
      tag += " " + join(words, "|\\:");  // \: lets a long list break after a bar
    } else {
      tag += " " + italic(option.value_name);
    }
  }
  if (option.repeatable) tag += " .\\|.\\|.";
  return tag;
}

std::string option_entry(const OptionSpec& option) {
  std::string body = sentence(option.description);
  if (!option.default_value.empty()) body += fmt::format(" Default: `{}`.", option.default_value);
  if (option.required && !option.positional.empty()) body += " Required.";
  return ".TP\n" + option_tag(option) + "\n" + paragraph(body);
}

// "kneeplan exercises show [options] ID" for the command's heading.
std::string usage(const CommandSpec& command) {
  std::string line = command.command_line() + " [options]";
  if (!command.subcommands.empty()) line += " [command]";
  for (const auto& positional : command.positionals) {
    line += " " + (positional.required ? positional.positional : "[" + positional.positional + "]");
    if (positional.repeatable) line += "...";
  }
  return line;
}

bool is_example(std::string_view line) {
  for (const std::string_view prefix : {"Examples:", "Example:"}) {
    if (line.starts_with(prefix)) line.remove_prefix(prefix.size());
  }
  return line.find_first_not_of(' ') != std::string_view::npos &&
         line.substr(line.find_first_not_of(' ')).starts_with("kneeplan ");
}

std::string trimmed_example(std::string_view line) {
  for (const std::string_view prefix : {"Examples:", "Example:"}) {
    if (line.starts_with(prefix)) line.remove_prefix(prefix.size());
  }
  return std::string(line.substr(line.find_first_not_of(' ')));
}

// A footer split into its example command lines and the rest.
std::pair<std::vector<std::string>, std::string> split_footer(std::string_view footer) {
  std::vector<std::string> examples;
  std::string rest;
  for (std::size_t start = 0; start < footer.size();) {
    const auto end = std::min(footer.find('\n', start), footer.size());
    const std::string_view line = footer.substr(start, end - start);
    if (is_example(line)) {
      examples.push_back(trimmed_example(line));
    } else {
      rest += std::string(line) + "\n";
    }
    start = end + 1;
  }
  return {examples, rest};
}

std::string command_section(const CommandSpec& command, std::vector<std::string>& examples) {
  std::string out = ".SS " + roff(usage(command)) + "\n" + paragraph(sentence(command.description));
  auto [own_examples, notes] = split_footer(command.footer);
  examples.insert(examples.end(), own_examples.begin(), own_examples.end());
  if (!notes.empty()) out += ".PP\n" + paragraph(notes);
  for (const auto& positional : command.positionals) out += option_entry(positional);
  for (const auto& option : command.options) out += option_entry(option);
  if (!command.subcommands.empty()) {
    std::vector<std::string> names;
    for (const auto& sub : command.subcommands) names.push_back(bold(sub.command_line()));
    out += ".PP\nSee also " + join(names, ", ") + " below.\n";
  }
  return out;
}

struct Entry {
  std::string_view tag;
  std::string_view text;
};

std::string tagged_list(std::initializer_list<Entry> entries) {
  std::string out;
  for (const auto& entry : entries) out += ".TP\n" + bold(entry.tag) + "\n" + paragraph(entry.text);
  return out;
}

}  // namespace

std::string manual_page(const CommandSpec& root, const ManualInfo& info) {
  // NAME, as whatis(1) lists it: "weekly exercise plans for ...", no full stop.
  std::string summary(root.description.substr(0, root.description.find('\n')));
  if (summary.ends_with('.')) summary.pop_back();
  if (!summary.empty() && summary.front() >= 'A' && summary.front() <= 'Z') {
    summary.front() = static_cast<char>(summary.front() - 'A' + 'a');
  }
  std::string out = ".\\\" kneeplan(1), written by `kneeplan manpage` from kneeplan's own command line.\n";
  out += fmt::format(".TH KNEEPLAN 1 \"{}\" \"kneeplan {}\" \"User Commands\"\n", info.date, info.version);
  // Ragged right, no hyphenation: ids and options stay whole and copy out as typed.
  out += ".ad l\n.nh\n";

  out += ".SH NAME\nkneeplan \\- " + roff(summary) + "\n";
  out += ".SH SYNOPSIS\n";
  out += bold("kneeplan") + " [" + italic("global options") + "] " + italic("command") + " [" + italic("options") +
         "]\n.br\n" + bold("kneeplan completion") + " " + italic("shell") + "\n.br\n" + bold("kneeplan --help") +
         " | " + bold("--version") + "\n";

  out += ".SH DESCRIPTION\n" + paragraph(root.description);
  out += ".PP\n" + paragraph(
                       "kneeplan screens a profile (age, pain, symptoms, the cause of the knock knees) for reasons to "
                       "see a doctor first. When nothing stops it, it builds a weekly routine from its exercise "
                       "catalogue: strength work for the hips and thighs, stretches and foam rolling, with set and "
                       "rep numbers from the ACSM guidelines, six training days and one rest day a week.");
  out += ".PP\n" + paragraph(
                       "Results go to standard output and messages to standard error. Every command answers "
                       "`--help` with the options described here.");

  out += ".SH GLOBAL OPTIONS\n";
  bool inherited = false;
  for (const auto& sub : root.subcommands) inherited = inherited || !sub.inherited.empty();
  if (inherited) out += paragraph("These may come before or after the command.");
  for (const auto& option : root.options) out += option_entry(option);

  out += ".SH COMMANDS\n";
  std::vector<std::string> examples;
  for (const auto& sub : root.subcommands) {
    for_each_command(sub, [&](const CommandSpec& command) { out += command_section(command, examples); });
  }

  out += ".SH EXIT STATUS\n";
  out += fmt::format(".TP\n.B {}\n{}", static_cast<int>(kOk), paragraph("Done."));
  out += fmt::format(".TP\n.B {}\n{}", static_cast<int>(kBadData),
                     paragraph("Bad data or I/O: a file is missing, unreadable or not valid, or the output could not "
                               "be written. Each problem is printed on standard error with its file and place."));
  out += fmt::format(".TP\n.B {}\n{}", static_cast<int>(kUsage),
                     paragraph("Usage error: an unknown command or option, or a value it does not accept."));
  out += fmt::format(".TP\n.B {}\n{}", static_cast<int>(kSafety),
                     paragraph("A safety finding: see a doctor before starting. `check` found a reason to, or "
                               "`plan` or `export` withheld the plan."));

  out += ".SH ENVIRONMENT\n";
  out += tagged_list({
      {"NO_COLOR", "When set and not empty, output is never coloured."},
      {"CLICOLOR_FORCE", "When set and not empty or 0, output is coloured even when it is not a terminal "
                         "(NO_COLOR still wins)."},
      {"TERM", "When `dumb`, output is not coloured."},
      {"SOURCE_DATE_EPOCH", "Seconds since 1970-01-01 UTC. When set, a calendar (--format ics) records it as the "
                            "time it was made, in place of the plan's first day, so that it can be made again byte "
                            "for byte. At build time it also dates this manual page."},
      {"XDG_DATA_HOME", "Where the journal is kept (default: ~/.local/share)."},
      {"XDG_CONFIG_HOME", "Where the saved profile is kept (default: ~/.config)."},
  });

  out += ".SH FILES\n";
  out += tagged_list({
      {"$XDG_DATA_HOME/kneeplan/journal.db",
       "The training journal, private to its owner (mode 0600 in a 0700 directory)."},
      {"$XDG_CONFIG_HOME/kneeplan/profile.json", "The saved profile (format kneeplan.profile/1)."},
      {"/usr/share/kneeplan/", "Copies of the built-in catalogue, guidelines and safety rules to start your own "
                               "from (see --catalogue, --guidelines and --safety), example profiles, and the JSON "
                               "Schemas of every file kneeplan reads or writes. Under another installation prefix, "
                               "PREFIX/share/kneeplan/."},
  });

  if (!examples.empty()) {
    out += ".SH EXAMPLES\n.nf\n.RS 4\n";
    for (const auto& example : examples) out += roff(example) + "\n";
    out += ".RE\n.fi\n";
  }

  out += ".SH SAFETY\n";
  out += paragraph(
      "Nothing kneeplan prints is a diagnosis or a treatment. Put the advice of a clinician who knows you first.");
  out += ".PP\n" + paragraph(
                       "Run `kneeplan check` before you start, and again when anything changes. See a doctor "
                       "before doing these exercises if you are under 18, if your knock knees followed an injury or "
                       "are getting worse, if you have had knee or hip surgery in the last 6 months or have a joint "
                       "replacement, or if your pain is 7 out of 10 or more. kneeplan gives no plan for a child under "
                       "8. Sudden swelling or pain, a knee that gives way or locks, a hot swollen joint or a leg that "
                       "cannot take weight need medical help now, not exercise. Stop any exercise that makes the pain "
                       "sharper.");

  out += ".SH SEE ALSO\n";
  out += paragraph("The README at /usr/share/doc/kneeplan/README.md: data formats, how the plan is built, and every "
                   "safety rule with its source.");
  return out;
}

}  // namespace kneeplan::cli
