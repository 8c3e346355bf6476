// `today` for a terminal and as JSON (kneeplan.today/1).
#include "kneeplan/render/today.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "io/json_writer.hpp"
#include "kneeplan/core/dates.hpp"
#include "kneeplan/core/text.hpp"
#include "kneeplan/render/journal.hpp"
#include "render/util.hpp"

namespace kneeplan {

using namespace detail;

namespace {

constexpr std::size_t kWidth = 80;

// What the journal has for the item on the day: "left 2 x 12 reps, right 2 x 10 reps", "skipped".
std::string logged_text(const JournalEntry* logged, const Item& item) {
  if (!logged) return {};
  const std::string& exercise = item.exercise;
  std::vector<std::string> parts;
  for (const auto& done : logged->done) {
    if (done.exercise != exercise) continue;
    if (std::find(item.sides.begin(), item.sides.end(), done.side) == item.sides.end()) continue;
    parts.push_back(done.side == Side::both ? done_text(done) : fmt::format("{} {}", name_of(done.side), done_text(done)));
  }
  for (const auto& skipped : logged->skipped) {
    if (skipped.exercise == exercise) parts.emplace_back("skipped");
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

// The exercise's key cue: the first of its cues, which the plan carries once per exercise.
std::string key_cue(const Plan* plan, const Item& item) {
  const PlanExercise* shown = plan ? plan->exercise(item.exercise) : nullptr;
  return shown && !shown->exercise.cues.empty() ? shown->exercise.cues.front() : std::string();
}

void write_session(std::string& out, const Plan* plan, const Day& day, const JournalEntry* logged, const Style& style) {
  ItemColumns columns;
  for (const auto& item : day.items) columns.fit(item);
  int number = 0;
  for (const auto& item : day.items) {
    std::string line = fmt::format("  {:>2}. {:<{}}  {:<{}}  ", ++number, printable(item.name), columns.name,
                                   dose_text(item), columns.dose);
    std::string sides = printable(item.sides_text);
    if (const std::string rest = rest_text(item); !rest.empty()) sides += ", rest " + rest;
    // Sides and rest go on below, indented, rather than past the 80th column.
    line += line.size() + sides.size() <= kWidth ? sides : wrap(sides, kWidth, line.size());
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
    if (const std::string cue = key_cue(plan, item); !cue.empty()) {
      out += "      " + paint(wrap(printable(cue), kWidth, 6), Tone::dim, style) + "\n";
    }
    if (const std::string done = logged_text(logged, item); !done.empty()) {
      out += "      " + paint("Logged today: " + printable(done), Tone::info, style) + "\n";
    }
  }
  for (const auto& note : day.notes) {
    out += "  " + paint(wrap("Note: " + printable(note), kWidth, 2), Tone::caution, style) + "\n";
  }
}

void write_items(JsonWriter& out, const Plan* plan, const Day& day, const JournalEntry* logged) {
  out.key("items");
  out.begin_array();
  for (const auto& item : day.items) {
    out.begin_object();
    out.member("exercise", item.exercise);
    out.member("name", item.name);
    out.member("category", name_of(item.category));
    out.member("dose", dose_text(item));
    out.key("sides");
    out.begin_array();
    for (const Side side : item.sides) out.value(name_of(side));
    out.end_array();
    out.member("sides_text", item.sides_text);
    out.member("cue", key_cue(plan, item));
    out.member("logged", logged_text(logged, item));
    out.end_object();
  }
  out.end_array();
}

void write_day(JsonWriter& out, const Plan* plan, const Day& day, const JournalEntry* logged) {
  out.begin_object();
  out.member("date", format_date(day.date));
  out.member("rest", day.rest);
  out.member("minutes", day.minutes);
  write_items(out, plan, day, logged);
  out.member("notes", day.notes);
  out.end_object();
}

}  // namespace

std::string render_today_text(const TodayView& view, const Style& style) {
  std::string out;
  const Day& day = *view.day;
  if (day.rest) {
    out += paint(fmt::format("Today, {}: rest day. Let your muscles recover.", day_label(day.date)), Tone::heading,
                 style) +
           "\n";
    if (view.next) {
      out += "\n" + paint(fmt::format("Tomorrow, {} ({} min)", day_label(view.next->date), view.next->minutes),
                          Tone::heading, style) +
             "\n";
      write_session(out, view.plan, *view.next, nullptr, style);
    }
  } else {
    out += paint(fmt::format("Today, {} ({} min)", day_label(day.date), day.minutes), Tone::heading, style) + "\n";
    write_session(out, view.plan, day, view.logged, style);
  }
  if (view.plan) {
    std::string serious;
    for (const auto& finding : view.plan->warnings) {
      if (finding.severity < Severity::caution) continue;
      serious += paint(capitalised(name_of(finding.severity)), tone_of(finding.severity), style) + ": " +
                 wrap(printable(finding.message), kWidth, 2) + "\n";
    }
    if (!serious.empty()) out += "\n" + serious;
    if (!view.plan->decisions.empty()) out += "\n" + paint("From your journal", Tone::heading, style) + "\n";
    for (const auto& decision : view.plan->decisions) out += "  - " + wrap(printable(decision.text), kWidth, 4) + "\n";
  }
  return out;
}

std::string render_today_json(const TodayView& view) {
  std::string bytes;
  JsonWriter out(bytes);
  out.begin_object();
  out.member("format", kTodayFormat);
  out.key("today");
  write_day(out, view.plan, *view.day, view.logged);
  if (view.next) {
    out.key("next");
    write_day(out, view.plan, *view.next, nullptr);
  }
  out.key("decisions");
  out.begin_array();
  if (view.plan) {
    for (const auto& decision : view.plan->decisions) out.value(decision.text);
  }
  out.end_array();
  out.end_object();
  bytes += '\n';
  return bytes;
}

}  // namespace kneeplan
