// The plan for a terminal: fits 80 columns; colour only when the caller says
// so. Text from the input is printable() (see printable_copy()): it cannot
// reach the terminal raw.
// A summary prints every week's grid, week 1's sessions, then only what
// changes; each exercise's steps and cues come once, at the end.
#include <fmt/format.h>

#include <algorithm>

#include "kneeplan/core/text.hpp"
#include "kneeplan/render/render.hpp"
#include "render/util.hpp"

namespace kneeplan {

using namespace detail;

namespace {

constexpr std::size_t kWidth = 80;

std::string heading(std::string_view text, const Style& style) {
  return "\n" + paint(text, Tone::heading, style) + "\n";
}

// Column widths for the item lines of a whole plan, so every session lines up.
ItemColumns columns(const Plan& plan) {
  ItemColumns c;
  for (const auto& week : plan.weeks) {
    for (const auto& day : week.days) {
      for (const auto& item : day.items) c.fit(item);
    }
  }
  return c;
}

void write_items(std::string& out, const std::vector<Item>& items, const ItemColumns& c) {
  for (const auto& item : items) {
    std::string text = fmt::format("    {:<{}}  {:<{}}  ", item.name, c.name, dose_text(item), c.dose);
    const std::size_t used = text.size();
    text += used + item.sides_text.size() <= kWidth ? item.sides_text : wrap(item.sides_text, kWidth, used);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  }
}

// "60 s rest between sets", when any strength item has more than one set.
std::string rest_between_sets(const std::vector<Item>& items) {
  for (const auto& item : items) {
    if (item.category == Category::strength && !rest_text(item).empty()) {
      return rest_text(item) + " rest between sets";
    }
  }
  return {};
}

void write_day(std::string& out, const Day& day, const ItemColumns& c, const Style& style) {
  std::string title = fmt::format("{}  ({} min", day_label(day.date), day.minutes);
  if (const std::string rest = rest_between_sets(day.items); !rest.empty()) title += "; " + rest;
  out += "  " + paint(title + ")", Tone::heading, style) + "\n";
  write_items(out, day.items, c);
  for (const auto& note : day.notes) out += "    " + paint(wrap("Note: " + note, kWidth, 4), Tone::caution, style) + "\n";
}

void write_sessions(std::string& out, const Week& week, const ItemColumns& c, const Style& style) {
  for (const auto& session : sessions(week)) {
    std::vector<std::string> names;
    for (const Day* day : session.days) names.push_back(weekday_short(day->date));
    const Day& first = *session.days.front();
    std::string title = session.strength ? "Strength " : (first.items.empty() ? "Training " : "Stretch ");
    title += session.days.size() == 1 ? "day" : "days";
    title += fmt::format(" ({}): {} min", join(names), first.minutes);
    if (const std::string rest = rest_between_sets(first.items); !rest.empty()) title += ", " + rest;
    out += "  " + paint(wrap(title, kWidth, 4), Tone::heading, style) + "\n";
    if (first.items.empty()) out += "    Nothing fits your equipment.\n";
    write_items(out, first.items, c);
  }
  for (const auto& day : week.days) {
    for (const auto& note : day.notes) {
      out += "  " + paint(wrap(fmt::format("Note for {}: {}", day_label(day.date), note), kWidth, 4), Tone::caution, style) +
             "\n";
    }
  }
}

void write_grid(std::string& out, const Plan& plan, const Style& style) {
  out += heading("Weeks at a glance", style);
  out += "  S strength day, F stretch day, with its minutes; * a note that day\n";
  std::string header = fmt::format("  {:<8}{:<12}", "", "starts");
  for (const auto& day : plan.weeks.front().days) header += fmt::format("{:<7}", weekday_short(day.date));
  while (header.back() == ' ') header.pop_back();
  out += header + "\n";
  for (const auto& week : plan.weeks) {
    std::string row = fmt::format("  {:<8}{:<12}", fmt::format("Week {}", week.number), format_date(week.days.front().date));
    for (const auto& day : week.days) {
      std::string cell = day.rest ? "rest" : fmt::format("{} {}", session_letter(day), day.minutes);
      if (!day.notes.empty()) cell += '*';
      row += fmt::format("{:<7}", cell);
    }
    while (row.back() == ' ') row.pop_back();
    out += row + "\n";
  }
}

void write_move_to(std::string& out, const std::vector<std::pair<std::string, std::string>>& pairs,
                   std::size_t indent) {
  std::size_t width = 0;
  for (const auto& [from, to] : pairs) width = std::max(width, from.size());
  for (const auto& [from, to] : pairs) {
    const std::string target = to.empty() ? "(the top rung for you: keep it going)" : to;
    out += fmt::format("{}{:<{}}  ->  {}\n", std::string(indent, ' '), from, width, target);
  }
}

void write_exercise(std::string& out, const PlanExercise& entry, const Style& style) {
  const Exercise& e = entry.exercise;
  std::string title = e.name;
  std::vector<std::string> about;
  about.push_back(needs_text(e.equipment));
  if (entry.rungs > 0) about.push_back(fmt::format("rung {} of {}", entry.rung, entry.rungs));
  if (e.impact) about.push_back("impact work");
  out += "  " + paint(wrap(fmt::format("{} ({})", title, join(about, "; ")), kWidth, 4), Tone::heading, style) + "\n";
  for (std::size_t i = 0; i < e.steps.size(); ++i) {
    out += fmt::format("    {}. {}\n", i + 1, wrap(e.steps[i], kWidth, 7));
  }
  for (const auto& cue : e.cues) out += "    - " + paint(wrap(cue, kWidth, 6), Tone::dim, style) + "\n";
}

}  // namespace

std::string render_text(const Plan& original, const Style& style) {
  const Plan plan = printable_copy(original);
  std::string out;
  const PlanOptions& o = plan.options;
  out += paint(fmt::format("Knock-knee routine: {} from {}, rest day {}", count_text(static_cast<std::size_t>(o.weeks), "week"),
                           day_label(o.start), capitalised(name_of(o.rest_day))),
               Tone::heading, style);
  out += "\nFor: " + profile_summary(plan.profile) + "\n";

  if (!plan.warnings.empty()) {
    out += heading("Keep in mind", style);
    for (const auto& finding : plan.warnings) {
      const std::string label = fmt::format("{:<8}", capitalised(name_of(finding.severity)));
      out += "  " + paint(label, tone_of(finding.severity), style) + " " + wrap(finding.message, kWidth, 11) + "\n";
    }
  }
  if (!plan.decisions.empty()) {
    out += "\n" + paint("From your journal", Tone::heading, style) + "\n";
    for (const auto& d : plan.decisions) out += "  - " + wrap(d.text, kWidth, 4) + "\n";
  }
  if (!plan.omitted.empty()) {
    out += heading("Left out", style);
    for (const auto& omission : plan.omitted) out += "  " + wrap(omission.exercise + ": " + omission.reason, kWidth, 4) + "\n";
  }
  if (plan.budget) {
    const Budget& budget = *plan.budget;
    out += heading(fmt::format("To fit {} minutes a day", budget.minutes), style);
    if (budget.changes.empty()) out += "  Every training day fits as planned.\n";
    for (const auto& text : budget_lines(plan)) out += "  " + wrap(text, kWidth, 4) + "\n";
  }
  if (!plan.rungs.empty()) {
    out += heading("Where each exercise starts", style);
    for (const auto& choice : plan.rungs) out += "  " + wrap(choice.why, kWidth, 4) + "\n";
  }
  if (!plan.progression.empty()) {
    out += heading("How to progress", style);
    out += "  " + wrap(plan.progression, kWidth, 2) + "\n";
    if (const auto pairs = next_rungs(plan); any_open(pairs)) {
      out += "  " + wrap(plan.move_up, kWidth, 2) + "\n";
      write_move_to(out, pairs, 4);
    }
  }

  if (plan.weeks.empty()) return out;
  write_grid(out, plan, style);
  const ItemColumns c = columns(plan);
  if (style.detail == Detail::full) {
    for (const auto& week : plan.weeks) {
      out += heading(fmt::format("Week {}", week.number), style);
      bool first = true;
      for (const auto& day : week.days) {
        if (day.rest) continue;
        if (!first) out += "\n";
        first = false;
        write_day(out, day, c, style);
      }
      if (const auto changes = week_changes(plan, static_cast<std::size_t>(week.number - 1)); !changes.move_to.empty()) {
        out += "  " + wrap(plan.move_up, kWidth, 2) + "\n";
        write_move_to(out, changes.move_to, 4);
      }
    }
  } else {
    out += heading("Week 1", style);
    write_sessions(out, plan.weeks.front(), c, style);
    if (plan.weeks.size() > 1) {
      out += heading(plan.weeks.size() == 2 ? "Week 2: what changes" : fmt::format("Weeks 2 to {}: what changes", plan.weeks.size()),
                     style);
      for (std::size_t w = 1; w < plan.weeks.size(); ++w) {
        const WeekChanges changes = week_changes(plan, w);
        if (changes.lines.empty() && changes.move_to.empty()) {
          out += fmt::format("  Week {}: as week {}.\n", w + 1, w);
          continue;
        }
        out += fmt::format("  Week {}:\n", w + 1);
        for (const auto& text : changes.lines) out += "    " + wrap(text, kWidth, 6) + "\n";
        if (!changes.move_to.empty()) {
          out += "    " + wrap(plan.move_up, kWidth, 4) + "\n";
          write_move_to(out, changes.move_to, 6);
        }
      }
    }
  }

  out += heading("How to do each exercise", style);
  bool first = true;
  for (const auto& entry : plan.exercises) {
    if (!entry.planned && style.detail != Detail::full) continue;
    if (!first) out += "\n";
    first = false;
    write_exercise(out, entry, style);
  }
  return out;
}

}  // namespace kneeplan
