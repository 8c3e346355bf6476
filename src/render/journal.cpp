// The journal's entries as JSON (export, history) and as text.
#include "kneeplan/render/journal.hpp"

#include <fmt/format.h>

#include "io/json_writer.hpp"
#include "kneeplan/core/dates.hpp"
#include "kneeplan/io/diagnostics.hpp"
#include "render/util.hpp"

namespace kneeplan {

namespace {

using detail::JsonWriter;

void write_pain(JsonWriter& out, const KneePain& pain) {
  out.begin_object();
  if (pain.left) out.member("left", *pain.left);
  if (pain.right) out.member("right", *pain.right);
  out.end_object();
}

void write_entry(JsonWriter& out, const JournalEntry& entry) {
  out.begin_object();
  out.member("date", format_date(entry.date));
  out.key("done");
  out.begin_array();
  for (const auto& done : entry.done) {
    out.begin_object();
    out.member("exercise", done.exercise);
    out.member("rung", done.rung);
    out.member("side", name_of(done.side));
    out.member("sets", done.sets);
    out.member(name_of(done.measure), done.amount);
    out.end_object();
  }
  out.end_array();
  out.key("skipped");
  out.begin_array();
  for (const auto& skipped : entry.skipped) {
    out.begin_object();
    out.member("exercise", skipped.exercise);
    if (!skipped.reason.empty()) out.member("reason", skipped.reason);
    out.end_object();
  }
  out.end_array();
  out.key("pain");
  out.begin_object();
  for (std::size_t moment = 0; moment < entry.pain.size(); ++moment) {
    const KneePain& pain = entry.pain[moment];
    if (!pain.left && !pain.right) continue;
    out.key(name_of(static_cast<Moment>(moment)));
    write_pain(out, pain);
  }
  out.end_object();
  out.key("symptoms");
  out.begin_array();
  for (const auto& symptom : entry.symptoms) {
    out.begin_object();
    out.member("name", symptom.name);
    if (symptom.gone) out.member("gone", format_date(*symptom.gone));
    out.end_object();
  }
  out.end_array();
  out.member("notes", entry.notes);
  out.end_object();
}

std::string unit_text(Measure measure, int amount) {
  switch (measure) {
    case Measure::reps:
      return fmt::format("{} reps", amount);
    case Measure::hold_seconds:
      return fmt::format("{} s", amount);
    case Measure::passes:
      return fmt::format("{} {}", amount, amount == 1 ? "pass" : "passes");
  }
  return "";
}

std::string dose_done(const ExerciseDone& done) {
  if (done.sets == 1) return unit_text(done.measure, done.amount);
  return fmt::format("{} x {}", done.sets, unit_text(done.measure, done.amount));
}

std::string exercise_label(const std::string& id, const Catalogue& catalogue) {
  const Exercise* exercise = catalogue.find(id);
  return exercise ? exercise->name : id;
}

// "Side plank: 2 x 12 reps (left, right)" or "…: left 2 x 12 reps, right 2 x 10 reps".
std::vector<std::string> done_lines(const std::vector<ExerciseDone>& done, const Catalogue& catalogue) {
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < done.size();) {
    std::size_t end = i;
    while (end < done.size() && done[end].exercise == done[i].exercise) ++end;
    bool same = true;
    std::vector<std::string> sides;
    for (std::size_t j = i; j < end; ++j) {
      same = same && dose_done(done[j]) == dose_done(done[i]);
      sides.emplace_back(name_of(done[j].side));
    }
    std::string line = exercise_label(done[i].exercise, catalogue);
    if (done[i].rung != done[i].exercise) line += fmt::format(" [{}]", done[i].rung);
    if (same) {
      line += ": " + dose_done(done[i]);
      if (!(sides.size() == 1 && sides.front() == "both")) line += fmt::format(" ({})", fmt::join(sides, ", "));
    } else {
      std::vector<std::string> parts;
      for (std::size_t j = i; j < end; ++j) parts.push_back(fmt::format("{} {}", name_of(done[j].side), dose_done(done[j])));
      line += ": " + fmt::format("{}", fmt::join(parts, ", "));
    }
    lines.push_back(std::move(line));
    i = end;
  }
  return lines;
}

std::string_view moment_words(Moment moment) {
  switch (moment) {
    case Moment::before:
      return "before";
    case Moment::during:
      return "during (worst)";
    case Moment::after:
      return "after";
    case Moment::next_day:
      return "next morning";
  }
  return "";
}

std::vector<std::string> pain_lines(const JournalEntry& entry) {
  std::vector<std::string> lines;
  for (const Knee knee : {Knee::left, Knee::right}) {
    std::vector<std::string> parts;
    for (std::size_t moment = 0; moment < entry.pain.size(); ++moment) {
      if (const auto& score = entry.pain[moment].of(knee)) {
        parts.push_back(fmt::format("{} {}", moment_words(static_cast<Moment>(moment)), *score));
      }
    }
    if (!parts.empty()) lines.push_back(fmt::format("{} knee: {}", name_of(knee), fmt::join(parts, ", ")));
  }
  return lines;
}

constexpr std::size_t kWidth = 80;
constexpr std::size_t kLabelWidth = 12;

void labelled(std::string& out, std::string_view label, const std::vector<std::string>& lines, const Style& style) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string head = i == 0 ? fmt::format("{:<{}}", std::string(label) + ":", kLabelWidth - 2) : std::string(kLabelWidth - 2, ' ');
    out += "  " + (i == 0 ? detail::paint(head, detail::Tone::dim, style) : head);
    out += detail::wrap(lines[i], kWidth, kLabelWidth) + "\n";
  }
}

std::string worst_text(const KneePain& worst) {
  if (!worst.left && !worst.right) return "no pain recorded";
  std::vector<std::string> parts;
  for (const Knee knee : {Knee::left, Knee::right}) {
    if (const auto& score = worst.of(knee)) parts.push_back(fmt::format("{} {}", name_of(knee), *score));
  }
  return fmt::format("worst pain {}", fmt::join(parts, ", "));
}

}  // namespace

std::string render_journal_json(const std::vector<JournalEntry>& entries) {
  std::string text;
  JsonWriter out(text);
  out.begin_object();
  out.member("format", kJournalFormat);
  out.key("entries");
  out.begin_array();
  for (const auto& entry : entries) write_entry(out, entry);
  out.end_array();
  out.end_object();
  text += '\n';
  return text;
}

std::string render_entry_json(const JournalEntry& entry) {
  std::string text;
  JsonWriter out(text);
  write_entry(out, entry);
  text += '\n';
  return text;
}

std::string render_entry_text(const JournalEntry& entry, const Catalogue& catalogue, const Style& style) {
  std::string out = detail::paint(detail::day_label(entry.date), detail::Tone::heading, style) + "\n";
  labelled(out, "Done", done_lines(entry.done, catalogue), style);
  std::vector<std::string> skipped;
  for (const auto& s : entry.skipped) {
    skipped.push_back(exercise_label(s.exercise, catalogue) + (s.reason.empty() ? "" : " (" + printable(s.reason) + ")"));
  }
  labelled(out, "Skipped", skipped, style);
  labelled(out, "Pain", pain_lines(entry), style);
  std::vector<std::string> symptoms;
  for (const auto& s : entry.symptoms) {
    symptoms.push_back(s.name + (s.gone ? " (gone " + format_date(*s.gone) + ")" : " (still there)"));
  }
  labelled(out, "Symptoms", symptoms, style);
  std::vector<std::string> notes;
  for (const auto& note : entry.notes) notes.push_back(printable(note));
  labelled(out, "Note", notes, style);
  return out;
}

std::string planned_dose_text(const Item& item) {
  return fmt::format("{}, {}", detail::dose_text(item), item.sides_text);
}

std::string day_text(std::chrono::sys_days day) { return detail::day_label(day); }

std::string render_history_text(const std::vector<WeekSummary>& weeks, const Catalogue& catalogue, const Style& style) {
  if (weeks.empty()) return "No entries in the journal for these dates.\n";
  std::string out;
  for (std::size_t w = 0; w < weeks.size(); ++w) {
    const WeekSummary& week = weeks[w];
    if (w > 0) out += "\n";
    const std::string summary = fmt::format("Week of {}: {} of {} sessions done; {}", detail::day_label(week.monday),
                                            week.sessions_done, week.sessions_planned, worst_text(week.worst));
    out += detail::paint(summary, detail::Tone::heading, style) + "\n";
    for (const JournalEntry* entry : week.entries) out += render_entry_text(*entry, catalogue, style);
  }
  return out;
}

std::string render_history_json(const std::vector<WeekSummary>& weeks) {
  std::string text;
  JsonWriter out(text);
  out.begin_object();
  out.member("format", kHistoryFormat);
  out.key("weeks");
  out.begin_array();
  for (const auto& week : weeks) {
    out.begin_object();
    out.member("monday", format_date(week.monday));
    out.member("sessions_done", week.sessions_done);
    out.member("sessions_planned", week.sessions_planned);
    out.key("worst_pain");
    write_pain(out, week.worst);
    out.key("entries");
    out.begin_array();
    for (const JournalEntry* entry : week.entries) write_entry(out, *entry);
    out.end_array();
    out.end_object();
  }
  out.end_array();
  out.end_object();
  text += '\n';
  return text;
}

}  // namespace kneeplan

namespace kneeplan {

std::string done_text(const ExerciseDone& done) { return dose_done(done); }

}  // namespace kneeplan
