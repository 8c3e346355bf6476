// The exercise cards (one content model for the HTML handout and the Markdown
// plan) and the escaping every text goes through.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <chrono>
#include <set>
#include <string>

#include "data.hpp"
#include "kneeplan/core/ladders.hpp"
#include "kneeplan/core/planner.hpp"
#include "kneeplan/render/render.hpp"
#include "render/cards.hpp"
#include "render/escape.hpp"

using namespace kneeplan;
using namespace kneeplan::detail;

namespace {

constexpr auto kStart = std::chrono::sys_days{std::chrono::year{2026} / 11 / 23};  // a Monday

Plan make_plan(const Catalogue& catalogue, int weeks, Profile profile = {}) {
  PlanOptions options;
  options.weeks = weeks;
  options.start = kStart;
  return build_plan(catalogue, test::builtin_guidelines(), profile, options);
}

std::size_t count(const std::string& text, std::string_view what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("cards: one per planned exercise, in plan order, with the catalogue's steps and cues", "[render][cards]") {
  const Catalogue& catalogue = test::builtin_catalogue();
  const Plan plan = make_plan(catalogue, 4);
  const auto cards = exercise_cards(plan, catalogue);
  std::vector<std::string> expected;
  for (const auto& week : plan.weeks) {
    for (const auto& day : week.days) {
      for (const auto& item : day.items) {
        if (std::find(expected.begin(), expected.end(), item.exercise) == expected.end()) expected.push_back(item.exercise);
      }
    }
  }
  REQUIRE(cards.size() == expected.size());
  for (std::size_t i = 0; i < cards.size(); ++i) {
    const Exercise& exercise = *catalogue.find(expected[i]);
    CHECK(cards[i].id == exercise.id);
    CHECK(cards[i].name == exercise.name);
    CHECK(cards[i].steps == exercise.steps);
    CHECK(cards[i].cues == exercise.cues);
    CHECK(cards[i].works == exercise.targets);
    CHECK(cards[i].source == exercise.source);
  }
}

TEST_CASE("cards: the dose, phase by phase, is the plan's own, week by week", "[render][cards]") {
  const Catalogue& catalogue = test::builtin_catalogue();
  for (const Level level : {Level::novice, Level::intermediate, Level::advanced}) {
    Profile profile;
    profile.level = level;
    const Plan plan = make_plan(catalogue, 6, profile);
    for (const auto& card : exercise_cards(plan, catalogue)) {
      INFO(card.id << " " << static_cast<int>(level));
      std::string rest;  // the rest between sets, once the plan gives more than one
      // Phases cover consecutive weeks without gaps or overlaps, and neighbours differ.
      for (std::size_t p = 1; p < card.dose.size(); ++p) {
        CHECK(card.dose[p].first_week == card.dose[p - 1].last_week + 1);
        CHECK(card.dose[p].dose != card.dose[p - 1].dose);
      }
      for (const auto& week : plan.weeks) {
        for (const auto& day : week.days) {
          for (const auto& item : day.items) {
            if (item.exercise != card.id) continue;
            const auto phase = std::find_if(card.dose.begin(), card.dose.end(), [&](const DosePhase& d) {
              return d.first_week <= week.number && week.number <= d.last_week;
            });
            REQUIRE(phase != card.dose.end());
            if (item.category == Category::strength) {
              CHECK(phase->dose == fmt::format("{} x {}-{} reps", item.sets, item.reps.min, item.reps.max));
            }
            if (item.sets > 1) rest = fmt::format("{} s", item.rest_seconds);
          }
        }
      }
      CHECK(card.rest == rest);
    }
  }
}

TEST_CASE("cards: rungs are the ladder's, nearest first, and the alternatives say what they need", "[render][cards]") {
  const Catalogue& catalogue = test::builtin_catalogue();
  const Ladders ladders(catalogue);
  for (const auto& exercise : catalogue.exercises) {
    INFO(exercise.id);
    const CardRungs rungs = card_rungs(exercise, catalogue);
    const Ladder ladder = ladders.ladder_of(exercise);
    const auto position = static_cast<std::size_t>(ladder.position(exercise.id));
    REQUIRE(rungs.easier.size() == position - 1);
    REQUIRE(rungs.harder.size() == ladder.rungs.size() - position);
    for (std::size_t i = 0; i < rungs.easier.size(); ++i) {
      CHECK(rungs.easier[i].name == ladder.rungs[position - 2 - i]->name);
    }
    for (std::size_t i = 0; i < rungs.harder.size(); ++i) {
      const Exercise& rung = *ladder.rungs[position + i];
      CHECK(rungs.harder[i].name == rung.name);
      CHECK(rungs.harder[i].note.starts_with(fmt::format("rung {} of {}", position + i + 1, ladder.rungs.size())));
      CHECK((rungs.harder[i].note.find("impact") != std::string::npos) == rung.impact);
    }
    REQUIRE(rungs.instead.size() == exercise.alternatives.size());
    for (std::size_t i = 0; i < rungs.instead.size(); ++i) {
      const Exercise& alternative = *catalogue.find(exercise.alternatives[i]);
      CHECK(rungs.instead[i].name == alternative.name);
      CHECK(rungs.instead[i].note.starts_with("Needs "));
    }
  }
}

TEST_CASE("cards: a plan's card offers only the rungs open to the person", "[render][cards]") {
  const Catalogue& catalogue = test::builtin_catalogue();
  Profile older;
  older.age = 70;
  older.weeks_done = 10;
  const Plan plan = make_plan(catalogue, 1, older);
  bool checked = false;
  for (const auto& card : exercise_cards(plan, catalogue)) {
    if (card.id != "supported-split-squat") continue;
    checked = true;
    CHECK(card.rungs.easier.empty());
    REQUIRE(card.rungs.harder.size() == 1);
    CHECK(card.rungs.harder[0].name == "Stationary lunge");
    CHECK(card.rungs.harder[0].note.find("move to it when you can do 2 reps") != std::string::npos);
    CHECK(card.sides == "each leg in front");
  }
  CHECK(checked);
}

TEST_CASE("cards: the plan carries the steps and cues, so a card needs no catalogue", "[render][cards]") {
  const Plan plan = make_plan(test::builtin_catalogue(), 1);
  const Catalogue empty;
  const auto cards = exercise_cards(plan, empty);
  REQUIRE_FALSE(cards.empty());
  const Item& first = plan.weeks[0].days[0].items[0];
  CHECK(cards[0].name == first.name);
  REQUIRE(plan.exercise(first.exercise) != nullptr);
  CHECK(cards[0].steps == plan.exercise(first.exercise)->exercise.steps);
  CHECK(cards[0].cues == plan.exercise(first.exercise)->exercise.cues);
  CHECK_FALSE(cards[0].dose.empty());
  CHECK_FALSE(render_html(plan, empty, "kneeplan test").empty());
}

TEST_CASE("readable: control characters, noncharacters and broken UTF-8 become spaces", "[render][escape]") {
  CHECK(readable("a\x01" "b\x7f" "c", true) == "a b c");
  CHECK(readable("one\r\ntwo\rthree\nfour", true) == "one\ntwo\nthree\nfour");
  CHECK(readable("one\r\ntwo\tthree", false) == "one two three");
  CHECK(readable("\xc2\x85" "x", true) == " x");               // U+0085, a C1 control
  CHECK(readable("\xef\xb7\x90" "x", true) == " x");           // U+FDD0, a noncharacter
  CHECK(readable("\xef\xbf\xbe" "x", true) == " x");           // U+FFFE
  CHECK(readable("\xff\xc3(", true) == "  (");                 // bytes that are not UTF-8
  CHECK(readable("\xed\xa0\x80", true) == "   ");              // a surrogate
  CHECK(readable("\xc0\xaf", true) == "  ");                   // overlong
  CHECK(readable("caf\xc3\xa9 \xf0\x9f\xa6\xb5", true) == "caf\xc3\xa9 \xf0\x9f\xa6\xb5");  // kept as they are
}

TEST_CASE("html_escape: markup characters become references", "[render][escape]") {
  CHECK(html_escape("<script>alert(\"x\" & 'y')</script>") ==
        "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;");
  CHECK(html_escape("&amp;") == "&amp;amp;");
}

TEST_CASE("markdown_escape: nothing can start markup, on one line", "[render][escape]") {
  CHECK(markdown_escape("*a* _b_ `c` [d](e) <f> | g ~h~ !i & \\") ==
        "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) &lt;f&gt; \\| g \\~h\\~ \\!i &amp; \\\\");
  CHECK(markdown_escape("# heading") == "\\# heading");
  CHECK(markdown_escape("- item") == "\\- item");
  CHECK(markdown_escape("+ item") == "\\+ item");
  CHECK(markdown_escape("12. item") == "12\\. item");
  CHECK(markdown_escape("3) item") == "3\\) item");
  CHECK(markdown_escape("> quote") == "&gt; quote");
  CHECK(markdown_escape("    code") == "code");
  CHECK(markdown_escape("line one\nline two\r\n# three") == "line one line two # three");
  CHECK(markdown_escape("side-on, 2-10% (a note). 1.5 kg") == "side-on, 2-10% (a note). 1.5 kg");
}

TEST_CASE("html and markdown: hostile catalogue text is escaped wherever it is printed", "[render][html]") {
  const Catalogue& catalogue = test::hostile_catalogue();
  Profile profile;
  profile.level = Level::intermediate;
  const Plan plan = make_plan(catalogue, 2, profile);
  const std::string html = render_html(plan, catalogue, "kneeplan <test>");
  CHECK(render_html(plan, catalogue, "kneeplan <test>") == html);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(html.find("kneeplan &lt;test&gt;") != std::string::npos);
  for (const auto& exercise : catalogue.exercises) {
    for (const auto& step : exercise.steps) CHECK(html.find(html_escape(step)) != std::string::npos);
  }
  // Only the renderer's own tags: as many <li> opened as closed, one <ol> per card with steps.
  CHECK(count(html, "<li") == count(html, "</li>"));
  CHECK(count(html, "<article") == exercise_cards(plan, catalogue).size());

  const std::string markdown = render_markdown(plan, catalogue);
  CHECK(render_markdown(plan, catalogue) == markdown);
  for (auto at = markdown.find('<'); at != std::string::npos; at = markdown.find('<', at + 1)) {
    CHECK((at > 0 && markdown[at - 1] == '\\'));  // every "<" escaped: no HTML gets through
  }
  CHECK(markdown.find("\n# not a heading") == std::string::npos);
  for (const auto& exercise : catalogue.exercises) {
    for (const auto& step : exercise.steps) CHECK(markdown.find(markdown_escape(step)) != std::string::npos);
  }
}
