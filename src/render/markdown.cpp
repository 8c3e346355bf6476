// The plan as Markdown, for printing or sharing: the same page as the text
// view, with tables where they help and none left empty, and the handout's
// exercise cards as "How to do each exercise". Every text is escaped, so
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

void write_items(std::string& out, const std::vector<Item>& items) {
  if (items.empty()) {
    out += "Nothing fits your equipment.\n";
    return;
  }
  out += "| Exercise | Dose | Sides |\n|---|---|---|\n";
  for (const auto& item : items) {
    out += fmt::format("| {} | {} | {} |\n", md(item.name), md(dose_text(item)), md(item.sides_text));
  }
}

std::string rest_between_sets(const std::vector<Item>& items) {
  for (const auto& item : items) {
    if (item.category == Category::strength && !rest_text(item).empty()) return rest_text(item) + " rest between sets";
  }
  return {};
}

void write_move_to(std::string& out, std::string_view indent,
                   const std::vector<std::pair<std::string, std::string>>& pairs) {
  for (const auto& [from, to] : pairs) {
    out += fmt::format("{}- {} -\\> {}\n", indent, md(from), to.empty() ? "the top rung for you: keep it going" : md(to));
  }
}

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

// "### Strength days (Mon, Wed, Fri): 43 min, 60 s rest between sets"
std::string session_title(const Session& session) {
  std::vector<std::string> names;
  for (const Day* day : session.days) names.push_back(weekday_short(day->date));
  const Day& first = *session.days.front();
  const char* kind = session.strength ? "Strength " : (first.items.empty() ? "Training " : "Stretch ");
  std::string title = std::string(kind) + (session.days.size() == 1 ? "day" : "days");
  title += fmt::format(" ({}): {} min", join(names), first.minutes);
  if (const std::string rest = rest_between_sets(first.items); !rest.empty()) title += ", " + rest;
  return title;
}
}  // namespace

std::string render_markdown(const Plan& plan, const Catalogue& catalogue, Detail detail) {
  const PlanOptions& o = plan.options;
  std::string out = fmt::format("# Knock-knee routine: {} from {}\n\n", count_text(static_cast<std::size_t>(o.weeks), "week"),
                                format_date(o.start));
  out += fmt::format("**For:** {}. **Rest day:** {}.\n", md(profile_summary(plan.profile)),
                     capitalised(name_of(o.rest_day)));
  if (!plan.warnings.empty()) {
    out += "\n## Keep in mind\n\n";
    for (const auto& f : plan.warnings) {
      out += fmt::format("- **{}**: {} *(Source: {})*\n", name_of(f.severity), md(f.message), md(f.source));
    }
  }
  if (!plan.decisions.empty()) {
    out += "\n## From your journal\n\n";
    for (const auto& d : plan.decisions) out += fmt::format("- {} *(Source: {})*\n", d.text, d.source);
  }
  if (!plan.omitted.empty()) {
    out += "\n## Left out\n\n";
    for (const auto& omission : plan.omitted) {
      out += fmt::format("- {}: {}\n", md(omission.exercise), md(omission.reason));
    }
  }
  if (plan.budget) {
    out += fmt::format("\n## To fit {} minutes a day\n\n", plan.budget->minutes);
    if (plan.budget->changes.empty()) out += "Every training day fits as planned.\n";
    for (const auto& text : budget_lines(plan)) out += "- " + md(text) + "\n";
  }
  if (!plan.rungs.empty()) {
    out += "\n## Where each exercise starts\n\n";
    for (const auto& choice : plan.rungs) out += "- " + md(choice.why) + "\n";
  }
  if (!plan.progression.empty()) {
    out += "\n## How to progress\n\n" + md(plan.progression) + "\n";
    if (const auto pairs = next_rungs(plan); any_open(pairs)) {
      out += "\n" + md(plan.move_up) + "\n\n";
      write_move_to(out, "", pairs);
    }
  }

  if (!plan.weeks.empty()) {
    out += "\n## Weeks at a glance\n\nS: strength day, F: stretch day, with its minutes; \\*: a note that day.\n\n"
           "| Week | Starts |";
    std::string rule = "|---|---|";
    for (const auto& day : plan.weeks.front().days) {
      out += " " + weekday_short(day.date) + " |";
      rule += "---|";
    }
    out += "\n" + rule + "\n";
    for (const auto& week : plan.weeks) {
      out += fmt::format("| {} | {} |", week.number, format_date(week.days.front().date));
      for (const auto& day : week.days) {
        out += " " + (day.rest ? std::string("rest") : fmt::format("{} {}", session_letter(day), day.minutes)) +
               (day.notes.empty() ? "" : "\\*") + " |";
      }
      out += "\n";
    }
  }

  if (detail == Detail::full) {
    for (const auto& week : plan.weeks) {
      out += fmt::format("\n## Week {}\n", week.number);
      for (const auto& day : week.days) {
        if (day.rest) continue;
        std::string title = fmt::format("{} ({} min", day_label(day.date), day.minutes);
        if (const std::string rest = rest_between_sets(day.items); !rest.empty()) title += "; " + rest;
        out += fmt::format("\n### {})\n\n", title);
        write_items(out, day.items);
        for (const auto& note : day.notes) out += fmt::format("\n> {}\n", md(note));
      }
      if (const auto changes = week_changes(plan, static_cast<std::size_t>(week.number - 1)); !changes.move_to.empty()) {
        out += "\n" + md(plan.move_up) + "\n\n";
        write_move_to(out, "", changes.move_to);
      }
    }
  } else if (!plan.weeks.empty()) {
    out += "\n## Week 1\n";
    for (const auto& session : sessions(plan.weeks.front())) {
      out += "\n### " + session_title(session) + "\n\n";
      write_items(out, session.days.front()->items);
    }
    bool noted = false;
    for (const auto& day : plan.weeks.front().days) {
      for (const auto& note : day.notes) {
        out += fmt::format("{}- {}: {}\n", noted ? "" : "\n", day_label(day.date), md(note));
        noted = true;
      }
    }
    if (plan.weeks.size() > 1) {
      out += plan.weeks.size() == 2 ? "\n## Week 2: what changes\n\n"
                                    : fmt::format("\n## Weeks 2 to {}: what changes\n\n", plan.weeks.size());
      for (std::size_t w = 1; w < plan.weeks.size(); ++w) {
        const WeekChanges changes = week_changes(plan, w);
        if (changes.lines.empty() && changes.move_to.empty()) {
          out += fmt::format("- **Week {}:** as week {}.\n", w + 1, w);
          continue;
        }
        out += fmt::format("- **Week {}:**\n", w + 1);
        for (const auto& text : changes.lines) out += "  - " + md(text) + "\n";
        if (!changes.move_to.empty()) {
          out += "  - " + md(plan.move_up) + "\n";
          write_move_to(out, "    ", changes.move_to);
        }
      }
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
