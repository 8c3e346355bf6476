// The plan as Markdown, for printing or sharing. Every text is escaped, so
// nothing from a catalogue can add markup.
#include <fmt/format.h>

#include "kneeplan/core/text.hpp"
#include "kneeplan/render/render.hpp"
#include "render/cards.hpp"
#include "render/escape.hpp"
#include "render/util.hpp"

namespace kneeplan {

using namespace detail;

namespace {
std::string md(std::string_view text) { return markdown_escape(text); }

void write_card(std::string& out, const ExerciseCard& card, int plan_weeks) {
  out += fmt::format("\n### {}\n\n", md(card.name));
  std::string kind = card.kind;
  if (!card.works.empty()) kind += ". Works: " + join(card.works);
  if (!card.equipment.empty()) kind += ". Needs: " + card.equipment;
  out += md(kind + ".") + "\n\n";
  std::string dose;
  for (std::size_t i = 0; i < card.dose.size(); ++i) {
    if (i > 0) dose += "; ";
    dose += card.dose[i].dose;
    if (const std::string weeks = phase_weeks(card.dose[i], plan_weeks); !weeks.empty()) dose += " (" + weeks + ")";
  }
  out += "- **Dose:** " + md(dose) + "\n";
  if (!card.sides.empty()) out += "- **Sides:** " + md(card.sides) + "\n";
  if (!card.rest.empty()) out += "- **Rest:** " + md(card.rest + " between sets") + "\n";
  out += "- **How often:** " + md(card.how_often) + "\n";
  if (!card.steps.empty()) {
    out += "\n**Steps**\n\n";
    for (std::size_t i = 0; i < card.steps.size(); ++i) out += fmt::format("{}. {}\n", i + 1, md(card.steps[i]));
  }
  if (!card.cues.empty()) {
    out += "\n**Form and safety**\n\n";
    for (const auto& cue : card.cues) out += "- " + md(cue) + "\n";
  }
  const CardRungs& rungs = card.rungs;
  if (!rungs.easier.empty() || !rungs.harder.empty() || !rungs.instead.empty()) {
    out += "\n**Easier, harder, instead**\n\n";
    auto write = [&](std::string_view label, const std::vector<CardLink>& links) {
      for (const auto& link : links) {
        out += fmt::format("- **{}:** {}", label, md(link.name));
        if (!link.note.empty()) out += " \u2014 " + md(link.note);
        out += "\n";
      }
    };
    write("Easier", rungs.easier);
    write("Harder", rungs.harder);
    write("Instead", rungs.instead);
  }
  if (!card.source.empty()) out += "\n*Source: " + md(card.source) + "*\n";
}
}  // namespace

std::string render_markdown(const Plan& plan, const Catalogue& catalogue) {
  const PlanOptions& o = plan.options;
  std::string out = fmt::format("# Knock-knee routine: {} week{} from {}\n\n", o.weeks, o.weeks == 1 ? "" : "s",
                                format_date(o.start));
  out += fmt::format("**For:** {}. **Rest day:** {}.\n", md(profile_summary(plan.profile)),
                     capitalised(name_of(o.rest_day)));
  if (!plan.warnings.empty()) {
    out += "\n## Keep in mind\n\n";
    for (const auto& f : plan.warnings) {
      out += fmt::format("- **{}**: {} *(Source: {})*\n", name_of(f.severity), md(f.message), md(f.source));
    }
  }
  if (!plan.omitted.empty()) {
    out += "\n## Left out\n\n";
    for (const auto& omission : plan.omitted) {
      out += fmt::format("- {}: {}\n", md(omission.exercise), md(omission.reason));
    }
  }
  if (!plan.progression.empty()) out += "\n## How to progress\n\n" + md(plan.progression) + "\n";
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
        out += fmt::format("| {} | {} | {} | {} | {} |\n", md(item.name), dose_text(item), sides_text(item.sides),
                           rest_text(item), md(item.cue));
      }
      for (const auto& note : day.notes) out += fmt::format("\n> {}\n", md(note));
    }
  }
  const std::vector<ExerciseCard> cards = exercise_cards(plan, catalogue);
  if (!cards.empty()) {
    out += "\n## How to do each exercise\n";
    for (const auto& card : cards) write_card(out, card, o.weeks);
  }
  return out;
}

}  // namespace kneeplan
