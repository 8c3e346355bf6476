// The plan as Markdown, for printing or sharing.
#include <fmt/format.h>

#include "kneeplan/render/render.hpp"
#include "render/util.hpp"

namespace kneeplan {

using namespace detail;

namespace {
// Table cells cannot hold a raw "|".
std::string cell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}
}  // namespace

std::string render_markdown(const Plan& plan) {
  const PlanOptions& o = plan.options;
  std::string out = fmt::format("# Knock-knee routine: {} week{} from {}\n\n", o.weeks, o.weeks == 1 ? "" : "s",
                                format_date(o.start));
  out += fmt::format("**For:** {}. **Rest day:** {}.\n", profile_summary(plan.profile), capitalised(name_of(o.rest_day)));
  if (!plan.warnings.empty()) {
    out += "\n## Keep in mind\n\n";
    for (const auto& f : plan.warnings) {
      out += fmt::format("- **{}**: {} *(Source: {})*\n", name_of(f.severity), f.message, f.source);
    }
  }
  if (!plan.decisions.empty()) {
    out += "\n## From your journal\n\n";
    for (const auto& d : plan.decisions) out += fmt::format("- {} *(Source: {})*\n", d.text, d.source);
  }
  if (!plan.omitted.empty()) {
    out += "\n## Left out\n\n";
    for (const auto& omission : plan.omitted) out += fmt::format("- `{}`: {}\n", omission.exercise, omission.reason);
  }
  if (!plan.progression.empty()) out += "\n## How to progress\n\n" + plan.progression + "\n";
  for (const auto& week : plan.weeks) {
    out += fmt::format("\n## Week {}\n\n| Day | Session | Minutes |\n|---|---|---:|\n", week.number);
    for (const auto& day : week.days) {
      if (day.rest) {
        out += fmt::format("| {} | Rest | |\n", day_label(day.date));
      } else {
        out += fmt::format("| {} | {} exercises | {} |\n", day_label(day.date), day.items.size(), day.minutes);
      }
    }
    for (const auto& day : week.days) {
      if (day.rest) continue;
      out += fmt::format("\n### {} ({} min)\n\n| Exercise | Dose | Sides | Rest | Key cue |\n|---|---|---|---|---|\n",
                         day_label(day.date), day.minutes);
      for (const auto& item : day.items) {
        out += fmt::format("| {} | {} | {} | {} | {} |\n", cell(item.name), dose_text(item), sides_text(item.sides),
                           rest_text(item), cell(item.cue));
      }
      for (const auto& note : day.notes) out += fmt::format("\n> {}\n", note);
    }
  }
  return out;
}

}  // namespace kneeplan
