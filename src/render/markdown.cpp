// The plan as Markdown, for printing or sharing. Text from the input is
// escaped: control characters as printable() does, and <, > and & as HTML
// entities, so that no input can add markup to the page.
#include <fmt/format.h>

#include "kneeplan/core/text.hpp"
#include "kneeplan/render/render.hpp"
#include "render/util.hpp"

namespace kneeplan {

using namespace detail;


std::string render_markdown(const Plan& plan) {
  const PlanOptions& o = plan.options;
  std::string out = fmt::format("# Knock-knee routine: {} week{} from {}\n\n", o.weeks, o.weeks == 1 ? "" : "s",
                                format_date(o.start));
  out += fmt::format("**For:** {}. **Rest day:** {}.\n", profile_summary(plan.profile), capitalised(name_of(o.rest_day)));
  if (!plan.warnings.empty()) {
    out += "\n## Keep in mind\n\n";
    for (const auto& f : plan.warnings) {
      out += fmt::format("- **{}**: {} *(Source: {})*\n", name_of(f.severity), markdown_text(f.message),
                         markdown_text(f.source));
    }
  }
  if (!plan.omitted.empty()) {
    out += "\n## Left out\n\n";
    for (const auto& omission : plan.omitted) {
      out += fmt::format("- `{}`: {}\n", printable(omission.exercise), markdown_text(omission.reason));
    }
  }
  if (!plan.progression.empty()) out += "\n## How to progress\n\n" + markdown_text(plan.progression) + "\n";
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
        out += fmt::format("| {} | {} | {} | {} | {} |\n", markdown_cell(item.name), dose_text(item),
                           sides_text(item.sides), rest_text(item), markdown_cell(item.cue));
      }
      for (const auto& note : day.notes) out += fmt::format("\n> {}\n", markdown_text(note));
    }
  }
  return out;
}

}  // namespace kneeplan
