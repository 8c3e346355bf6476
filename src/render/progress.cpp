// `progress` for a terminal, as JSON (kneeplan.progress/1) and as an SVG chart.
#include "kneeplan/render/progress.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>

#include "io/json_writer.hpp"
#include "kneeplan/core/coach.hpp"
#include "kneeplan/core/dates.hpp"
#include "kneeplan/render/journal.hpp"
#include "render/escape.hpp"
#include "render/util.hpp"

namespace kneeplan {

using namespace detail;
using std::chrono::sys_days;

namespace {

constexpr std::size_t kWidth = 80;
constexpr std::array<std::string_view, 8> kBlocks{"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
constexpr std::string_view kAsciiLevels = "_.-=#";

std::string exercise_name(const ProgressView& view, const std::string& id) {
  const Exercise* exercise = view.catalogue ? view.catalogue->find(id) : nullptr;
  return exercise ? exercise->name : id;
}

std::string exercise_label(const ProgressView& view, const ExerciseProgress& exercise) {
  const std::string name = exercise_name(view, exercise.exercise);
  return exercise.side == Side::both ? name : fmt::format("{}, {}", name, name_of(exercise.side));
}

std::vector<std::optional<int>> worst_series(const Progress& progress, Knee knee) {
  std::vector<std::optional<int>> series;
  for (const auto& week : progress.weeks) series.push_back(week.worst.of(knee));
  return series;
}

std::string numbers_text(const std::vector<std::optional<int>>& values) {
  std::vector<std::string> parts;
  for (const auto& value : values) parts.push_back(value ? std::to_string(*value) : "-");
  return fmt::format("{}", fmt::join(parts, " "));
}

// One exercise's amount per set, one value per week of the window.
std::vector<std::optional<int>> amount_series(const Progress& progress, const ExerciseProgress& exercise) {
  std::vector<std::optional<int>> series(progress.weeks.size());
  for (const auto& point : exercise.points) {
    const auto week = std::find_if(progress.weeks.begin(), progress.weeks.end(),
                                   [&](const ProgressWeek& w) { return w.monday == point.monday; });
    if (week != progress.weeks.end()) series[static_cast<std::size_t>(week - progress.weeks.begin())] = point.amount;
  }
  return series;
}

ExerciseDone as_done(const ExerciseProgress& exercise, const DosePoint& point) {
  return {exercise.exercise, point.rung, exercise.side, point.sets, point.measure, point.amount};
}

std::string span_text(const Progress& progress) {
  return fmt::format("week of {} to week of {}", format_date(progress.weeks.front().monday),
                     format_date(progress.weeks.back().monday));
}

std::string streak_text(int streak) {
  return fmt::format("Streak: {} planned session{} done in a row", streak, streak == 1 ? "" : "s");
}

}  // namespace

std::string sparkline(const std::vector<std::optional<int>>& values, int low, int high, bool unicode) {
  const int levels = unicode ? static_cast<int>(kBlocks.size()) : static_cast<int>(kAsciiLevels.size());
  std::string out;
  for (const auto& value : values) {
    if (!value) {
      out += ' ';
      continue;
    }
    const int clamped = std::clamp(*value, low, high);
    // Rounded to the nearest level; all values alike (high == low) sit on the lowest.
    const int level = high > low ? ((clamped - low) * (levels - 1) * 2 + (high - low)) / ((high - low) * 2) : 0;
    if (unicode) {
      out += kBlocks[static_cast<std::size_t>(level)];
    } else {
      out += kAsciiLevels[static_cast<std::size_t>(level)];
    }
  }
  return out;
}

std::string render_progress_text(const ProgressView& view, const Style& style, bool unicode) {
  const Progress& progress = *view.progress;
  std::string out;
  if (progress.weeks.empty()) {
    return fmt::format("Nothing logged up to {}; `kneeplan log` records a session.\n", format_date(progress.today));
  }
  out += paint(fmt::format("Progress, {} (today {})", span_text(progress), day_label(progress.today)), Tone::heading,
               style) +
         "\n\n";
  out += paint("Week of      Done   Worst pain: left  right", Tone::dim, style) + "\n";
  for (const auto& week : progress.weeks) {
    const auto pain = [](const std::optional<int>& score) { return score ? std::to_string(*score) : "-"; };
    out += fmt::format("{}  {:>2}/{:<2} {:>17}  {:>5}\n", format_date(week.monday), week.sessions_done,
                       week.sessions_planned, pain(week.worst.left), pain(week.worst.right));
  }
  out += "\n" + streak_text(progress.streak) + "\n";

  out += "\n" + paint("Worst pain per week (0-10, - for none recorded)", Tone::heading, style) + "\n";
  for (const Knee knee : {Knee::left, Knee::right}) {
    const auto series = worst_series(progress, knee);
    out += fmt::format("  {:<6} knee  {}  {}\n", name_of(knee), sparkline(series, 0, 10, unicode),
                       numbers_text(series));
  }

  if (!progress.exercises.empty()) {
    out += "\n" + paint("Exercises (the last session of each week)", Tone::heading, style) + "\n";
    for (const auto& exercise : progress.exercises) {
      const auto series = amount_series(progress, exercise);
      int low = exercise.points.front().amount;
      int high = low;
      for (const auto& point : exercise.points) {
        low = std::min(low, point.amount);
        high = std::max(high, point.amount);
      }
      const DosePoint& first = exercise.points.front();
      const DosePoint& last = exercise.points.back();
      std::string change = done_text(as_done(exercise, first));
      if (const std::string now = done_text(as_done(exercise, last)); now != change) change += " -> " + now;
      out += fmt::format("  {:<30} {}  {}\n", exercise_label(view, exercise), sparkline(series, low, high, unicode),
                         change);
      if (first.rung != last.rung || last.rung != exercise.exercise) {
        out += fmt::format("    rung: {}\n", first.rung == last.rung ? last.rung : first.rung + " -> " + last.rung);
      }
    }
  }

  out += "\n" + paint("Next, from the coach", Tone::heading, style) + "\n";
  if (view.plan_withheld) {
    out += "  " + wrap("The screen withholds the plan; see the findings above and what to do next.", kWidth, 2) + "\n";
  } else if (view.next.empty()) {
    out += "  " + wrap("Nothing changes: the plan goes on as it is.", kWidth, 2) + "\n";
  }
  for (const auto& decision : view.next) out += "  - " + wrap(decision.text, kWidth, 4) + "\n";
  return out;
}

std::string render_progress_json(const ProgressView& view) {
  const Progress& progress = *view.progress;
  std::string bytes;
  JsonWriter out(bytes);
  const auto score = [&out](std::string_view name, const std::optional<int>& value) {
    out.key(name);
    if (value) {
      out.value(*value);
    } else {
      out.null();
    }
  };
  out.begin_object();
  out.member("format", kProgressFormat);
  out.member("today", format_date(progress.today));
  out.key("first_session");
  if (progress.first_session) {
    out.value(format_date(*progress.first_session));
  } else {
    out.null();
  }
  out.member("streak", progress.streak);
  out.key("weeks");
  out.begin_array();
  for (const auto& week : progress.weeks) {
    out.begin_object();
    out.member("monday", format_date(week.monday));
    out.member("sessions_done", week.sessions_done);
    out.member("sessions_planned", week.sessions_planned);
    out.key("worst_pain");
    out.begin_object();
    score("left", week.worst.left);
    score("right", week.worst.right);
    out.end_object();
    out.end_object();
  }
  out.end_array();
  out.key("exercises");
  out.begin_array();
  for (const auto& exercise : progress.exercises) {
    out.begin_object();
    out.member("exercise", exercise.exercise);
    out.member("name", exercise_name(view, exercise.exercise));
    out.member("side", name_of(exercise.side));
    out.key("weeks");
    out.begin_array();
    for (const auto& point : exercise.points) {
      out.begin_object();
      out.member("monday", format_date(point.monday));
      out.member("date", format_date(point.date));
      out.member("rung", point.rung);
      out.member("sets", point.sets);
      out.member("measure", name_of(point.measure));
      out.member("amount", point.amount);
      out.end_object();
    }
    out.end_array();
    out.end_object();
  }
  out.end_array();
  out.member("plan_withheld", view.plan_withheld);
  out.key("next");
  out.begin_array();
  for (const auto& decision : view.next) {
    out.begin_object();
    out.member("text", decision.text);
    out.key("dates");
    out.begin_array();
    for (const sys_days date : decision.dates) out.value(format_date(date));
    out.end_array();
    out.member("source", decision.source);
    out.end_object();
  }
  out.end_array();
  out.end_object();
  bytes += '\n';
  return bytes;
}

namespace {

// The chart's frame, in SVG user units.
constexpr int kSvgWidth = 760;
constexpr int kPlotLeft = 70;
constexpr int kPlotRight = 690;
constexpr int kPlotTop = 84;
constexpr int kPlotBottom = 300;
constexpr std::size_t kSvgLineChars = 105;  // characters of 13 px sans-serif that fit the width
constexpr std::string_view kLeftColour = "#d95f02";
constexpr std::string_view kRightColour = "#7570b3";
constexpr std::string_view kBarColour = "#a6cee3";

double pain_y(int score) { return kPlotBottom - (kPlotBottom - kPlotTop) * score / 10.0; }

// Text lines of at most kSvgLineChars, for SVG, which does not wrap.
std::vector<std::string> svg_lines(std::string_view text) {
  std::vector<std::string> lines;
  const std::string wrapped = wrap(text, kSvgLineChars, 2);
  std::size_t start = 0;
  while (start <= wrapped.size()) {
    const std::size_t end = std::min(wrapped.find('\n', start), wrapped.size());
    lines.push_back(wrapped.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

void svg_text(std::string& out, double x, double y, std::string_view text, std::string_view attributes = "") {
  out += fmt::format("  <text x=\"{:.1f}\" y=\"{:.1f}\"{}{}>{}</text>\n", x, y, attributes.empty() ? "" : " ",
                     attributes, html_escape(text));
}

void pain_line(std::string& out, const Progress& progress, Knee knee, double slot, std::string_view colour) {
  const auto x = [&](std::size_t i) { return kPlotLeft + slot * (static_cast<double>(i) + 0.5); };
  // A week without a score breaks the line.
  std::string points;
  const auto flush = [&] {
    if (!points.empty()) {
      out += fmt::format("  <polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\"{}/>\n", points,
                         colour, knee == Knee::right ? " stroke-dasharray=\"6 3\"" : "");
    }
    points.clear();
  };
  for (std::size_t i = 0; i < progress.weeks.size(); ++i) {
    const auto score = progress.weeks[i].worst.of(knee);
    if (!score) {
      flush();
      continue;
    }
    points += fmt::format("{}{:.1f},{:.1f}", points.empty() ? "" : " ", x(i), pain_y(*score));
    out += fmt::format("  <circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.5\" fill=\"{}\"><title>{} knee, week of {}: {}/10</title></circle>\n",
                       x(i), pain_y(*score), colour, capitalised(name_of(knee)),
                       format_date(progress.weeks[i].monday), *score);
  }
  flush();
}

}  // namespace

std::string render_progress_svg(const ProgressView& view) {
  const Progress& progress = *view.progress;
  std::vector<std::string> footer{streak_text(progress.streak), "Next, from the coach:"};
  if (view.plan_withheld) footer.emplace_back("  The screen withholds the plan; run `kneeplan check`.");
  if (!view.plan_withheld && view.next.empty()) footer.emplace_back("  Nothing changes: the plan goes on as it is.");
  for (const auto& decision : view.next) {
    for (auto& line : svg_lines("- " + decision.text)) footer.push_back(std::move(line));
  }
  const int height = kPlotBottom + 80 + 20 * static_cast<int>(footer.size());

  std::string out;
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
      "font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"13\">\n",
      kSvgWidth, height);
  const std::string title = progress.weeks.empty() ? "kneeplan progress: nothing logged yet"
                                                    : "kneeplan progress, " + span_text(progress);
  out += "  <title>" + html_escape(title) + "</title>\n";
  out += fmt::format("  <rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", kSvgWidth, height);
  svg_text(out, kSvgWidth / 2.0, 28, title, "text-anchor=\"middle\" font-size=\"17\" font-weight=\"bold\"");

  // Grid and axes: sessions done as a share of those planned on the left, pain 0-10 on the right.
  for (int score = 0; score <= 10; score += 2) {
    const double y = pain_y(score);
    out += fmt::format("  <line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#dddddd\"/>\n", kPlotLeft, y,
                       kPlotRight, y);
    svg_text(out, kPlotLeft - 6, y + 4, fmt::format("{}%", score * 10), "text-anchor=\"end\"");
    svg_text(out, kPlotRight + 6, y + 4, std::to_string(score));
  }
  out += fmt::format("  <line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#333333\"/>\n", kPlotLeft,
                     kPlotBottom, kPlotRight);
  const double middle = (kPlotTop + kPlotBottom) / 2.0;
  svg_text(out, 18, middle, "Sessions done / planned",
           fmt::format("text-anchor=\"middle\" transform=\"rotate(-90 18 {:.1f})\"", middle));
  svg_text(out, kSvgWidth - 14, middle, "Worst pain (0-10)",
           fmt::format("text-anchor=\"middle\" transform=\"rotate(90 {} {:.1f})\"", kSvgWidth - 14, middle));

  const std::size_t count = std::max<std::size_t>(progress.weeks.size(), 1);
  const double slot = static_cast<double>(kPlotRight - kPlotLeft) / static_cast<double>(count);
  // At most 12 week labels, or 8 when the chart reaches back over a year
  // and its labels are whole dates, so that they do not overlap.
  const bool whole_dates =
      !progress.weeks.empty() && journal_date(progress.weeks.front().monday, progress.today).size() > 5;
  const std::size_t most_labels = whole_dates ? 8 : 12;
  const std::size_t label_every = (count + most_labels - 1) / most_labels;
  for (std::size_t i = 0; i < progress.weeks.size(); ++i) {
    const ProgressWeek& week = progress.weeks[i];
    const double x = kPlotLeft + slot * static_cast<double>(i);
    const double share =
        week.sessions_planned > 0 ? std::min(1.0, week.sessions_done / static_cast<double>(week.sessions_planned))
                                  : (week.sessions_done > 0 ? 1.0 : 0.0);
    const double top = kPlotBottom - (kPlotBottom - kPlotTop) * share;
    out += fmt::format(
        "  <rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"><title>Week of {}: {} of {} "
        "planned sessions done</title></rect>\n",
        x + slot * 0.15, top, slot * 0.7, kPlotBottom - top, kBarColour, format_date(week.monday), week.sessions_done,
        week.sessions_planned);
    if (i % label_every == 0) {
      svg_text(out, x + slot / 2, kPlotBottom + 18, journal_date(week.monday, progress.today), "text-anchor=\"middle\"");
      if (count <= 26) {
        svg_text(out, x + slot / 2, top - 5, fmt::format("{}/{}", week.sessions_done, week.sessions_planned),
                 "text-anchor=\"middle\" font-size=\"11\" fill=\"#555555\"");
      }
    }
  }
  svg_text(out, (kPlotLeft + kPlotRight) / 2.0, kPlotBottom + 38, "Week starting (month-day)",
           "text-anchor=\"middle\" fill=\"#555555\"");
  pain_line(out, progress, Knee::left, slot, kLeftColour);
  pain_line(out, progress, Knee::right, slot, kRightColour);

  // Legend, above the plot.
  const int legend_y = 50;
  out += fmt::format("  <rect x=\"{}\" y=\"{}\" width=\"14\" height=\"10\" fill=\"{}\"/>\n", kPlotLeft, legend_y - 9,
                     kBarColour);
  svg_text(out, kPlotLeft + 20, legend_y, "sessions done / planned");
  out += fmt::format("  <line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"{3}\" stroke-width=\"2.5\"/>\n",
                     kPlotLeft + 220, legend_y - 4, kPlotLeft + 244, kLeftColour);
  svg_text(out, kPlotLeft + 250, legend_y, "left knee, worst pain");
  out += fmt::format(
      "  <line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"{3}\" stroke-width=\"2.5\" "
      "stroke-dasharray=\"6 3\"/>\n",
      kPlotLeft + 420, legend_y - 4, kPlotLeft + 444, kRightColour);
  svg_text(out, kPlotLeft + 450, legend_y, "right knee, worst pain");

  double y = kPlotBottom + 68;
  for (const auto& line : footer) {
    // xml:space keeps the indent of a wrapped line.
    svg_text(out, kPlotLeft - 50, y, line, "xml:space=\"preserve\"");
    y += 20;
  }
  out += "</svg>\n";
  return out;
}

}  // namespace kneeplan
