// The plan as Markdown, for printing or sharing: the same page as the text
// view, with tables where they help and none left empty.
#include <fmt/format.h>

#include "kneeplan/core/text.hpp"
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

void write_items(std::string& out, const std::vector<Item>& items) {
  if (items.empty()) {
    out += "Nothing fits your equipment.\n";
    return;
  }
  out += "| Exercise | Dose | Sides |\n|---|---|---|\n";
  for (const auto& item : items) {
    out += fmt::format("| {} | {} | {} |\n", cell(item.name), dose_text(item), cell(item.sides_text));
  }
}

std::string rest_between_sets(const std::vector<Item>& items) {
  for (const auto& item : items) {
    if (item.category == Category::strength && !rest_text(item).empty()) return rest_text(item) + " rest between sets";
  }
  return {};
}

void write_move_to(std::string& out, const std::string& move_up,
                   const std::vector<std::pair<std::string, std::string>>& pairs) {
  out += "\n" + move_up + "\n\n";
  for (const auto& [from, to] : pairs) {
    out += fmt::format("- {} -> {}\n", from, to.empty() ? "the top rung for you: keep it going" : to);
  }
}
}  // namespace

std::string render_markdown(const Plan& plan, Detail detail) {
  const PlanOptions& o = plan.options;
  std::string out = fmt::format("# Knock-knee routine: {} from {}\n\n", count_text(static_cast<std::size_t>(o.weeks), "week"),
                                format_date(o.start));
  out += fmt::format("**For:** {}. **Rest day:** {}.\n", profile_summary(plan.profile), capitalised(name_of(o.rest_day)));
  if (!plan.warnings.empty()) {
    out += "\n## Keep in mind\n\n";
    for (const auto& f : plan.warnings) {
      out += fmt::format("- **{}**: {} *(Source: {})*\n", name_of(f.severity), f.message, f.source);
    }
  }
  if (!plan.omitted.empty()) {
    out += "\n## Left out\n\n";
    for (const auto& omission : plan.omitted) out += fmt::format("- `{}`: {}\n", omission.exercise, omission.reason);
  }
  if (plan.budget) {
    out += fmt::format("\n## To fit {} minutes a day\n\n", plan.budget->minutes);
    if (plan.budget->changes.empty()) out += "Every training day fits as planned.\n";
    for (const auto& text : budget_lines(plan)) out += "- " + text + "\n";
  }
  if (!plan.rungs.empty()) {
    out += "\n## Where each exercise starts\n\n";
    for (const auto& choice : plan.rungs) out += "- " + choice.why + "\n";
  }
  if (!plan.progression.empty()) {
    out += "\n## How to progress\n\n" + plan.progression + "\n";
    if (const auto pairs = next_rungs(plan); any_open(pairs)) write_move_to(out, plan.move_up, pairs);
  }

  if (!plan.weeks.empty()) {
    out += "\n## Weeks at a glance\n\nS: strength day, F: stretch day, with its minutes; \\*: a note that day.\n\n| Week | Starts |";
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
        for (const auto& note : day.notes) out += fmt::format("\n> {}\n", note);
      }
      if (const auto changes = week_changes(plan, static_cast<std::size_t>(week.number - 1)); !changes.move_to.empty()) {
        write_move_to(out, plan.move_up, changes.move_to);
      }
    }
  } else if (!plan.weeks.empty()) {
    out += "\n## Week 1\n";
    for (const auto& session : sessions(plan.weeks.front())) {
      std::vector<std::string> names;
      for (const Day* day : session.days) names.push_back(weekday_short(day->date));
      const Day& first = *session.days.front();
      const char* kind = session.strength ? "Strength " : (first.items.empty() ? "Training " : "Stretch ");
      std::string title = std::string(kind) + (session.days.size() == 1 ? "day" : "days");
      title += fmt::format(" ({}): {} min", join(names), first.minutes);
      if (const std::string rest = rest_between_sets(first.items); !rest.empty()) title += ", " + rest;
      out += "\n### " + title + "\n\n";
      write_items(out, first.items);
    }
    for (const auto& day : plan.weeks.front().days) {
      for (const auto& note : day.notes) out += fmt::format("\n> **{}:** {}\n", day_label(day.date), note);
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
        for (const auto& text : changes.lines) out += "  - " + text + "\n";
        if (!changes.move_to.empty()) {
          out += "  - " + plan.move_up + "\n";
          for (const auto& [from, to] : changes.move_to) out += fmt::format("    - {} -> {}\n", from, to);
        }
      }
    }
  }

  out += "\n## How to do each exercise\n";
  for (const auto& entry : plan.exercises) {
    if (!entry.planned && detail != Detail::full) continue;
    const Exercise& e = entry.exercise;
    std::vector<std::string> about;
    about.push_back(needs_text(e.equipment));
    if (entry.rungs > 0) about.push_back(fmt::format("rung {} of {}", entry.rung, entry.rungs));
    if (e.impact) about.push_back("impact work");
    out += fmt::format("\n### {}\n\n*{}*\n\n", e.name, join(about, "; "));
    for (std::size_t i = 0; i < e.steps.size(); ++i) out += fmt::format("{}. {}\n", i + 1, e.steps[i]);
    if (!e.cues.empty()) {
      out += "\n";
      for (const auto& cue : e.cues) out += "- " + cue + "\n";
    }
  }
  return out;
}

}  // namespace kneeplan
