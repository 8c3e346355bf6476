// The plan as a printable handout: one self-contained HTML file with its CSS
// inline and no outside references. Page 1 is the overview, then a card per
// exercise, then a log sheet per week to fill in by hand. Every text is escaped.
#include <fmt/format.h>

#include <algorithm>

#include "kneeplan/core/text.hpp"
#include "kneeplan/render/render.hpp"
#include "render/cards.hpp"
#include "render/escape.hpp"
#include "render/util.hpp"

namespace kneeplan {

using namespace detail;

namespace {

std::string h(std::string_view text) { return html_escape(text); }

// Black on white, greys only: the sheet must read the same from a black-and-white printer.
constexpr std::string_view kStyle = R"(
*, *::before, *::after { box-sizing: border-box; }
html { color: #000; background: #fff; }
body { font: 11pt/1.4 "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; max-width: 50rem;
       margin: 0 auto; padding: 1.5rem 1rem; overflow-wrap: anywhere; }
h1 { font-size: 20pt; line-height: 1.2; margin: 0 0 .2rem; }
h2 { font-size: 14pt; margin: 1.1rem 0 .4rem; padding-bottom: .1rem; border-bottom: 1.5pt solid #000; break-after: avoid; }
h3 { font-size: 13pt; margin: 0 0 .2rem; break-after: avoid; }
h4 { font-size: 9pt; text-transform: uppercase; letter-spacing: .06em; margin: .6rem 0 .15rem; break-after: avoid; }
p, ul, ol { margin: .25rem 0 .5rem; }
ul, ol { padding-left: 1.4rem; }
li { margin: .1rem 0; }
.lead { font-size: 12pt; margin-bottom: .6rem; }
.source, .note { color: #444; font-size: 9pt; }
.finding { break-inside: avoid; }
.label { font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 .8rem; }
th, td { border: .75pt solid #000; padding: .15rem .3rem; text-align: left; vertical-align: top; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
caption { text-align: left; font-weight: bold; padding: .2rem 0; }
.grid td.on, .grid td.off { text-align: center; width: 9%; }
.grid th.day { text-align: center; }
.off { color: #666; }
.rest { font-weight: normal; font-style: italic; }
.card { border: 1pt solid #000; border-radius: 4pt; padding: .5rem .8rem .4rem; margin: 0 0 .7rem; break-inside: avoid; }
.card .facts { display: grid; grid-template-columns: max-content 1fr; gap: .05rem .8rem; margin: .3rem 0; }
.card .facts dt { font-weight: bold; }
.card .facts dd { margin: 0; }
.card .kind { margin: 0 0 .2rem; }
.card ol.steps li { margin: .15rem 0; }
.sheet { table-layout: fixed; }
.sheet th, .sheet td { font-size: 8.5pt; padding: .15rem .2rem; }
.sheet th.exercise { width: 22%; }
.sheet .date { white-space: nowrap; }
.sheet .set { display: block; margin: .1rem 0; white-space: nowrap; }
.box { display: inline-block; width: 1.35rem; height: 1.1rem; border: .75pt solid #000; vertical-align: middle; }
.tick { width: .85rem; height: .85rem; }
.how { font-size: 9.5pt; }
footer { margin-top: 1rem; font-size: 8.5pt; color: #444; }
section + section, .log { break-before: page; }
@page { margin: 13mm 12mm; }
.week-grid { break-inside: avoid; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  .overview h2 { margin-top: .8rem; }
  .overview li, .overview p, .grid th, .grid td { font-size: 9pt; }
  .overview p.lead { font-size: 11pt; }
  .grid th, .grid td { padding: .05rem .3rem; }
}
)";

std::string severity_label(Severity severity) {
  switch (severity) {
    case Severity::info:
      return "Good to know";
    case Severity::caution:
      return "Caution";
    case Severity::refer:
      return "See a doctor";
    case Severity::urgent:
      return "Get help now";
  }
  return {};
}

std::string short_weekday(std::chrono::sys_days day) { return capitalised(name_of(weekday_of(day))).substr(0, 3); }

std::string equipment_of(const Profile& profile) {
  if (!profile.equipment) return "all of " + join(std::vector<std::string>(kEquipment.begin(), kEquipment.end()));
  return equipment_text(*profile.equipment);
}

// Page 1: the weekly grid. Weeks that put the same exercises on the same
// days share one table, so a regular plan has a single grid.
void write_grids(std::string& out, const Plan& plan, const std::vector<ExerciseCard>& cards) {
  using Layout = std::vector<std::vector<std::string>>;  // exercise ids by day of the week
  auto layout_of = [](const Week& week) {
    Layout layout;
    for (const auto& day : week.days) {
      std::vector<std::string> ids;
      for (const auto& item : day.items) ids.push_back(item.exercise);
      layout.push_back(std::move(ids));
    }
    return layout;
  };
  std::size_t first = 0;
  while (first < plan.weeks.size()) {
    const Layout layout = layout_of(plan.weeks[first]);
    std::size_t last = first;
    while (last + 1 < plan.weeks.size() && layout_of(plan.weeks[last + 1]) == layout) ++last;
    const Week& week = plan.weeks[first];

    out += "<table class=\"grid\">\n";
    if (first != 0 || last + 1 != plan.weeks.size()) {
      out += first == last ? fmt::format("<caption>Week {}</caption>\n", week.number)
                           : fmt::format("<caption>Weeks {}-{}</caption>\n", week.number, plan.weeks[last].number);
    }
    out += "<thead><tr><th scope=\"col\">Exercise</th>";
    for (const auto& day : week.days) {
      out += fmt::format("<th scope=\"col\" class=\"day\">{}{}</th>", short_weekday(day.date),
                         day.rest ? "<br><span class=\"rest\">rest</span>" : "");
    }
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& card : cards) {
      const bool in_these_weeks = std::any_of(layout.begin(), layout.end(), [&](const std::vector<std::string>& ids) {
        return std::find(ids.begin(), ids.end(), card.id) != ids.end();
      });
      if (!in_these_weeks) continue;
      out += fmt::format("<tr><th scope=\"row\">{}</th>", h(card.name));
      for (const auto& ids : layout) {
        const bool on = std::find(ids.begin(), ids.end(), card.id) != ids.end();
        out += on ? "<td class=\"on\">&#10003;</td>" : "<td class=\"off\"></td>";
      }
      out += "</tr>\n";
    }
    out += "<tr><th scope=\"row\">Minutes</th>";
    for (std::size_t d = 0; d < week.days.size(); ++d) {
      if (week.days[d].rest || layout[d].empty()) {
        out += "<td class=\"off\"></td>";
        continue;
      }
      std::int64_t low = week.days[d].minutes;
      std::int64_t high = low;
      for (std::size_t w = first; w <= last; ++w) {
        low = std::min(low, plan.weeks[w].days[d].minutes);
        high = std::max(high, plan.weeks[w].days[d].minutes);
      }
      out += low == high ? fmt::format("<td class=\"on\">{}</td>", low)
                         : fmt::format("<td class=\"on\">{}-{}</td>", low, high);
    }
    out += "</tr>\n</tbody>\n</table>\n";
    first = last + 1;
  }
}

void write_overview(std::string& out, const Plan& plan, const std::vector<ExerciseCard>& cards) {
  const PlanOptions& o = plan.options;
  const auto last_day = o.start + std::chrono::days{o.weeks * 7 - 1};
  out += "<section class=\"overview\">\n<h1>Your knee routine</h1>\n";
  out += fmt::format("<p class=\"lead\">{} week{}, {} to {}. Rest day: {}.</p>\n", o.weeks, o.weeks == 1 ? "" : "s",
                     h(day_label(o.start)), h(day_label(last_day)), h(capitalised(name_of(o.rest_day))));

  out += "<h2>Who this plan is for</h2>\n<p>" + h(capitalised(profile_summary(plan.profile))) + ". Equipment: " +
         h(equipment_of(plan.profile)) + ".";
  if (plan.profile.cleared_by_clinician) out += " Cleared to exercise by a clinician.";
  out += "</p>\n";

  if (!plan.warnings.empty()) {
    out += "<h2>Keep in mind</h2>\n<ul>\n";
    for (const auto& finding : plan.warnings) {
      out += fmt::format("<li class=\"finding\"><span class=\"label\">{}:</span> {}", severity_label(finding.severity),
                         h(finding.message));
      if (!finding.source.empty()) out += " <span class=\"source\">(Source: " + h(finding.source) + ")</span>";
      out += "</li>\n";
    }
    out += "</ul>\n";
  }
  if (!plan.omitted.empty()) {
    out += "<h2>Left out</h2>\n<ul>\n";
    for (const auto& omission : plan.omitted) {
      out += fmt::format("<li>{}: {}</li>\n", h(omission.exercise), h(omission.reason));
    }
    out += "</ul>\n";
  }
  if (!plan.progression.empty()) out += "<h2>How to progress</h2>\n<p>" + h(plan.progression) + "</p>\n";
  if (plan.checkpoint) {
    out += fmt::format("<p><span class=\"label\">{}:</span> {}</p>\n", h(day_label(plan.checkpoint->date)),
                       h(plan.checkpoint->note));
  }
  // The grid stays with its heading, on page 1 when it fits.
  out += "<div class=\"week-grid\">\n<h2>Your week</h2>\n";
  if (cards.empty()) {
    out += "<p>No exercise fits your equipment: see \"Left out\" above.</p>\n";
  } else {
    out += "<p class=\"note\">A tick marks the days an exercise comes. Minutes: the time to set aside.</p>\n";
    write_grids(out, plan, cards);
  }
  out += "</div>\n";
  out += "</section>\n";
}

void write_rungs(std::string& out, const CardRungs& rungs) {
  if (rungs.easier.empty() && rungs.harder.empty() && rungs.instead.empty()) return;
  out += "<h4>Easier, harder, instead</h4>\n<ul class=\"rungs\">\n";
  auto write = [&](std::string_view label, const std::vector<CardLink>& links) {
    for (const auto& link : links) {
      out += fmt::format("<li><span class=\"label\">{}:</span> {}", label, h(link.name));
      if (!link.note.empty()) out += " &#8212; " + h(link.note);
      out += "</li>\n";
    }
  };
  write("Easier", rungs.easier);
  write("Harder", rungs.harder);
  write("Instead", rungs.instead);
  out += "</ul>\n";
}

void write_card(std::string& out, const ExerciseCard& card, int plan_weeks) {
  out += "<article class=\"card\">\n<h3>" + h(card.name) + "</h3>\n<p class=\"kind\">" + h(card.kind);
  if (!card.works.empty()) out += ". Works: " + h(join(card.works));
  if (!card.equipment.empty()) out += ". Needs: " + h(card.equipment);
  out += ".</p>\n<dl class=\"facts\">\n<dt>Dose</dt><dd>";
  for (std::size_t i = 0; i < card.dose.size(); ++i) {
    if (i > 0) out += "; ";
    out += h(card.dose[i].dose);
    if (const std::string weeks = phase_weeks(card.dose[i], plan_weeks); !weeks.empty()) out += " (" + weeks + ")";
  }
  out += "</dd>\n";
  if (!card.sides.empty()) out += "<dt>Sides</dt><dd>" + h(card.sides) + "</dd>\n";
  if (!card.rest.empty()) out += "<dt>Rest</dt><dd>" + h(card.rest) + " between sets</dd>\n";
  out += "<dt>How often</dt><dd>" + h(card.how_often) + "</dd>\n</dl>\n";
  if (!card.steps.empty()) {
    out += "<h4>Steps</h4>\n<ol class=\"steps\">\n";
    for (const auto& step : card.steps) out += "<li>" + h(step) + "</li>\n";
    out += "</ol>\n";
  }
  if (!card.cues.empty()) {
    out += "<h4>Form and safety</h4>\n<ul class=\"cues\">\n";
    for (const auto& cue : card.cues) out += "<li>" + h(cue) + "</li>\n";
    out += "</ul>\n";
  }
  write_rungs(out, card.rungs);
  if (!card.source.empty()) out += "<p class=\"source\">Source: " + h(card.source) + "</p>\n";
  out += "</article>\n";
}

// One set's boxes: a box per side to write the reps in, or to tick for holds and rolling.
std::string set_boxes(const Item& item, int set, int sets) {
  const bool reps = item.category == Category::strength;
  const std::string box = reps ? "<span class=\"box\"></span>" : "<span class=\"box tick\"></span>";
  std::string out = "<span class=\"set\">";
  bool first = true;
  if (sets > 1) out += fmt::format("{}.", set), first = false;
  for (const Side side : item.sides) {
    if (!first) out += ' ';
    first = false;
    out += side == Side::both ? box : fmt::format("{}&#160;{}", side == Side::left ? "L" : "R", box);
  }
  return out + "</span>";
}

void write_log(std::string& out, const Week& week, const std::vector<ExerciseCard>& cards) {
  std::vector<const Day*> sessions;
  for (const auto& day : week.days) {
    if (!day.rest && !day.items.empty()) sessions.push_back(&day);
  }
  out += fmt::format("<section class=\"log\">\n<h2>Week {} log: {} to {}</h2>\n", week.number,
                     h(day_label(week.days.front().date)), h(day_label(week.days.back().date)));
  if (sessions.empty()) {
    out += "<p>No sessions this week.</p>\n</section>\n";
    return;
  }
  out += "<p class=\"how\">For each set, write the reps you did in the box (L: left leg, R: right leg); for holds "
         "and rolling, tick the box. Rate your knee pain from 0 (none) to 10 (worst) before and after each "
         "session.</p>\n";
  out += "<table class=\"sheet\">\n<thead><tr><th scope=\"col\" class=\"exercise\">Exercise</th>";
  for (const Day* day : sessions) {
    out += fmt::format("<th scope=\"col\">{}<br><span class=\"date\">{}</span><br><span class=\"note\">{} min</span></th>",
                       short_weekday(day->date), format_date(day->date), day->minutes);
  }
  out += "</tr></thead>\n<tbody>\n";
  auto pain_row = [&](std::string_view label) {
    out += fmt::format("<tr class=\"pain\"><th scope=\"row\">{}</th>", label);
    for (std::size_t i = 0; i < sessions.size(); ++i) out += "<td><span class=\"box\"></span>&#160;/10</td>";
    out += "</tr>\n";
  };
  pain_row("Pain before (0-10)");
  for (const auto& card : cards) {
    const Item* shown = nullptr;
    for (const Day* day : sessions) {
      for (const auto& item : day->items) {
        if (item.exercise == card.id && !shown) shown = &item;
      }
    }
    if (!shown) continue;
    out += fmt::format("<tr><th scope=\"row\">{}<br><span class=\"note\">{}", h(card.name), h(dose_text(*shown)));
    if (!card.sides.empty()) out += ", " + h(card.sides);
    out += "</span></th>";
    for (const Day* day : sessions) {
      const auto item = std::find_if(day->items.begin(), day->items.end(),
                                     [&](const Item& candidate) { return candidate.exercise == card.id; });
      if (item == day->items.end()) {
        out += "<td class=\"off\">&#8211;</td>";
        continue;
      }
      out += "<td>";
      for (int set = 1; set <= item->sets; ++set) out += set_boxes(*item, set, item->sets);
      out += "</td>";
    }
    out += "</tr>\n";
  }
  pain_row("Pain after (0-10)");
  out += "</tbody>\n</table>\n";
  for (const Day* day : sessions) {
    for (const auto& note : day->notes) {
      out += fmt::format("<p class=\"note\"><span class=\"label\">{}:</span> {}</p>\n", h(day_label(day->date)), h(note));
    }
  }
  out += "</section>\n";
}

}  // namespace

std::string render_html(const Plan& plan, const Catalogue& catalogue, std::string_view generator) {
  const std::vector<ExerciseCard> cards = exercise_cards(plan, catalogue);
  const PlanOptions& o = plan.options;
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<meta name=\"generator\" content=\"{}\">\n", h(generator));
  out += fmt::format("<title>Knee routine: {} week{} from {}</title>\n", o.weeks, o.weeks == 1 ? "" : "s",
                     format_date(o.start));
  out += "<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n";
  write_overview(out, plan, cards);
  if (!cards.empty()) {
    out += "<section class=\"cards\">\n<h2>How to do each exercise</h2>\n";
    for (const auto& card : cards) write_card(out, card, o.weeks);
    out += "</section>\n";
  }
  for (const auto& week : plan.weeks) write_log(out, week, cards);
  out += "<footer>Made with " + h(generator) +
         ". General exercise guidance, not a diagnosis: put the advice of a clinician who knows you first.</footer>\n";
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace kneeplan
