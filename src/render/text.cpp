// The plan for a terminal: fits 80 columns; colour only when the caller says
// so. Text from the input is printable(): it cannot reach the terminal raw.
#include <fmt/format.h>

#include "kneeplan/core/text.hpp"
#include "kneeplan/render/render.hpp"
#include "render/util.hpp"

namespace kneeplan {

using namespace detail;

namespace {

constexpr std::size_t kWidth = 80;

std::string session_summary(const Day& day) {
  if (day.rest) return "Rest";
  int counts[3] = {0, 0, 0};
  for (const auto& item : day.items) ++counts[static_cast<int>(item.category)];
  std::vector<std::string> parts;
  if (counts[0] > 0) parts.push_back(fmt::format("{} strength", counts[0]));
  if (counts[1] > 0) parts.push_back(fmt::format("{} stretch", counts[1]));
  if (counts[2] > 0) parts.push_back(fmt::format("{} roll", counts[2]));
  if (parts.empty()) return "Nothing fits your equipment";
  std::string out = parts.front();
  for (std::size_t i = 1; i < parts.size(); ++i) out += " + " + parts[i];
  return out;
}

void write_day(std::string& out, const Day& day, const Style& style) {
  out += "  " + paint(fmt::format("{}  ({} min)", day_label(day.date), day.minutes), Tone::heading, style) + "\n";
  for (const auto& item : day.items) {
    const std::string rest = rest_text(item).empty() ? "" : "rest " + rest_text(item);
    out += fmt::format("    {:<26} {:<16} {:<9} {}", printable(item.name), dose_text(item), sides_text(item.sides), rest);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += '\n';
    if (!item.cue.empty()) out += "      " + paint(wrap(printable(item.cue), kWidth, 6), Tone::dim, style) + "\n";
  }
  for (const auto& note : day.notes) out += "    " + paint(wrap("Note: " + printable(note), kWidth, 4), Tone::caution, style) + "\n";
}

}  // namespace

std::string render_text(const Plan& plan, const Style& style) {
  std::string out;
  const PlanOptions& o = plan.options;
  out += paint(fmt::format("Knock-knee routine: {} week{} from {}, rest day {}", o.weeks, o.weeks == 1 ? "" : "s",
                           day_label(o.start), capitalised(name_of(o.rest_day))),
               Tone::heading, style);
  out += "\nFor: " + profile_summary(plan.profile) + "\n";

  if (!plan.warnings.empty()) {
    out += "\n" + paint("Keep in mind", Tone::heading, style) + "\n";
    for (const auto& finding : plan.warnings) {
      const std::string label = fmt::format("{:<8}", capitalised(name_of(finding.severity)));
      out += "  " + paint(label, tone_of(finding.severity), style) + " " + wrap(printable(finding.message), kWidth, 11) + "\n";
    }
  }
  if (!plan.omitted.empty()) {
    out += "\n" + paint("Left out", Tone::heading, style) + "\n";
    for (const auto& omission : plan.omitted) {
      out += "  " + wrap(printable(omission.exercise + ": " + omission.reason), kWidth, 4) + "\n";
    }
  }
  if (!plan.progression.empty()) {
    out += "\n" + paint("How to progress", Tone::heading, style) + "\n";
    out += "  " + wrap(printable(plan.progression), kWidth, 2) + "\n";
  }

  for (const auto& week : plan.weeks) {
    out += "\n" + paint(fmt::format("Week {}", week.number), Tone::heading, style) + "\n";
    for (const auto& day : week.days) {
      std::string line = fmt::format("  {}  {:<34}", day_label(day.date), session_summary(day));
      if (!day.rest) line += fmt::format(" {:>3} min", day.minutes);
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
    }
    for (const auto& day : week.days) {
      if (day.rest) continue;
      out += "\n";
      write_day(out, day, style);
    }
  }
  return out;
}

}  // namespace kneeplan
