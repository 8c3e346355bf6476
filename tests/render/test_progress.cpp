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
