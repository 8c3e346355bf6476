// progress as text (Unicode and plain ASCII sparklines), JSON and SVG.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "kneeplan/core/dates.hpp"
#include "kneeplan/render/progress.hpp"

using namespace kneeplan;
using std::chrono::sys_days;

namespace {

sys_days day(const char* text) { return *parse_date(text); }

// Three weeks: pain rising on the left, the right knee scored only in the last.
Progress three_weeks() {
  Progress progress;
  progress.today = day("2026-11-25");
  progress.first_session = day("2026-11-09");
  progress.streak = 4;
  progress.weeks = {{day("2026-11-09"), 6, 6, {0, std::nullopt}},
                    {day("2026-11-16"), 3, 6, {5, std::nullopt}},
                    {day("2026-11-23"), 2, 3, {10, 1}}};
  progress.exercises = {{"side-plank",
                         Side::left,
                         {{day("2026-11-09"), day("2026-11-14"), "side-plank", 1, Measure::reps, 8},
                          {day("2026-11-23"), day("2026-11-24"), "side-plank", 2, Measure::reps, 12}}}};
  return progress;
}

bool ascii_only(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

TEST_CASE("sparkline: block characters in UTF-8, plain ASCII otherwise, a space for none", "[progress][render]") {
  const std::vector<std::optional<int>> values{0, 5, std::nullopt, 10};
  CHECK(sparkline(values, 0, 10, true) == "▁▅ █");
  CHECK(sparkline(values, 0, 10, false) == "_- #");
  // Values out of range are held to it; one value alone sits on the lowest level.
  CHECK(sparkline({12, -1}, 0, 10, false) == "#_");
  CHECK(sparkline({7, 7}, 7, 7, true) == "▁▁");
}

TEST_CASE("progress text: weeks, streak, pain per knee and doses", "[progress][render]") {
  const Progress progress = three_weeks();
  ProgressView view;
  view.progress = &progress;
  view.next = {{"side plank: next rung", {}, "src"}};
  const std::string unicode = render_progress_text(view, Style{}, true);
  CHECK(unicode.find("2026-11-16   3/6 ") != std::string::npos);
  CHECK(unicode.find("Streak: 4 planned sessions done in a row") != std::string::npos);
  CHECK(unicode.find("left   knee  ▁▅█  0 5 10") != std::string::npos);
  CHECK(unicode.find("right  knee    ▂  - - 1") != std::string::npos);
  CHECK(unicode.find("8 reps -> 2 x 12 reps") != std::string::npos);
  CHECK(unicode.find("  - side plank: next rung") != std::string::npos);

  const std::string plain = render_progress_text(view, Style{}, false);
  CHECK(ascii_only(plain));
  CHECK(plain.find("left   knee  _-#  0 5 10") != std::string::npos);
}

TEST_CASE("progress text: nothing logged says what to do", "[progress][render]") {
  Progress progress;
  progress.today = day("2026-11-25");
  ProgressView view;
  view.progress = &progress;
  CHECK(render_progress_text(view, Style{}, true).find("`kneeplan log`") != std::string::npos);
}

TEST_CASE("progress JSON: unscored knees are null and decisions keep their dates", "[progress][render]") {
  const Progress progress = three_weeks();
  ProgressView view;
  view.progress = &progress;
  view.next = {{"hold", {day("2026-11-16"), day("2026-11-23")}, "Thomee 1997"}};
  const auto json = nlohmann::json::parse(render_progress_json(view));
  CHECK(json["format"] == "kneeplan.progress/1");
  CHECK(json["weeks"][0]["worst_pain"]["right"].is_null());
  CHECK(json["weeks"][2]["worst_pain"]["left"] == 10);
  CHECK(json["weeks"][1]["sessions_done"] == 3);
  CHECK(json["exercises"][0]["weeks"][1]["amount"] == 12);
  CHECK(json["next"][0]["dates"][1] == "2026-11-23");
  CHECK(json["plan_withheld"] == false);
}

TEST_CASE("progress SVG: one bar per week, text escaped", "[progress][render]") {
  const Progress progress = three_weeks();
  ProgressView view;
  view.progress = &progress;
  view.next = {{"<script>alert('x')</script> & \"more\"", {}, ""}};
  const std::string svg = render_progress_svg(view);
  CHECK(svg.rfind("<?xml", 0) == 0);
  CHECK(svg.find("</svg>\n") == svg.size() - 7);
  CHECK(svg.find("<script>") == std::string::npos);
  CHECK(svg.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;") != std::string::npos);
  std::size_t bars = 0;
  for (std::size_t at = svg.find("planned sessions done</title>"); at != std::string::npos;
       at = svg.find("planned sessions done</title>", at + 1)) {
    ++bars;
  }
  CHECK(bars == 3);
  // The right knee has one score: a point, and its line starts only there.
  CHECK(svg.find("Right knee, week of 2026-11-23: 1/10") != std::string::npos);
  CHECK(svg.find("Right knee, week of 2026-11-09") == std::string::npos);
}

TEST_CASE("progress SVG: week labels name a year back by whole dates, fewer of them", "[progress][render]") {
  // Axis labels are the texts on the line below the plot.
  const auto labels = [](const std::string& svg) {
    std::vector<std::string> found;
    const std::string line = "y=\"318.0\" text-anchor=\"middle\">";
    for (std::size_t at = svg.find(line); at != std::string::npos; at = svg.find(line, at + 1)) {
      const std::size_t from = at + line.size();
      found.push_back(svg.substr(from, svg.find('<', from) - from));
    }
    return found;
  };
  const auto weeks_to = [](sys_days today, int count) {
    Progress progress;
    progress.today = today;
    for (int i = count - 1; i >= 0; --i) progress.weeks.push_back({monday_of(today) - std::chrono::days{7 * i}, 1, 1, {}});
    return progress;
  };
  const sys_days today = day("2026-11-25");

  const Progress year = weeks_to(today, 52);
  ProgressView view;
  view.progress = &year;
  const auto short_labels = labels(render_progress_svg(view));
  CHECK(short_labels.size() == 11);  // every fifth of 52 weeks
  CHECK(short_labels.front() == "12-01");  // 2025-12-01, within the year up to today
  CHECK(short_labels.back() == "11-16");

  const Progress two_years = weeks_to(today, 104);
  view.progress = &two_years;
  const auto long_labels = labels(render_progress_svg(view));
  CHECK(long_labels.size() == 8);  // every thirteenth of 104 weeks
  CHECK(long_labels.front() == "2024-12-02");
  CHECK(long_labels[3] == "2025-09-01");  // over a year back: whole
  CHECK(long_labels[4] == "12-01");       // 2025-12-01, within the year: month and day
  CHECK(long_labels.back() == "08-31");
}
