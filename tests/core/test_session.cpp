// The guided session's state machine, driven by a fake clock: every time is
// a number of milliseconds passed to it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "kneeplan/core/dates.hpp"
#include "kneeplan/core/session.hpp"

using namespace kneeplan;

namespace {

const std::chrono::sys_days kDay = *parse_date("2026-11-20");

Item strength_item(std::string id, int sets, std::vector<Side> sides, int rest_seconds) {
  Item item;
  item.exercise = id;
  item.name = id + " name";
  item.category = Category::strength;
  item.sets = sets;
  item.reps = {8, 12};
  item.sides = std::move(sides);
  item.rest_seconds = rest_seconds;
  return item;
}

Item stretch_item(std::string id, int hold_seconds) {
  Item item;
  item.exercise = id;
  item.name = id + " name";
  item.category = Category::stretch;
  item.hold_seconds = {hold_seconds, hold_seconds + 30};
  item.sides = {Side::left, Side::right};
  return item;
}

Item roll_item(std::string id) {
  Item item;
  item.exercise = id;
  item.name = id + " name";
  item.category = Category::foam_roll;
  item.passes = {{"outer thigh", 60}, {"front of the thigh", 45}};
  item.sides = {Side::left, Side::right};
  return item;
}

Catalogue catalogue_for(const std::vector<Item>& items) {
  Catalogue catalogue;
  for (const auto& item : items) {
    Exercise exercise;
    exercise.id = item.exercise;
    exercise.name = item.name;
    exercise.category = item.category;
    exercise.reps = item.reps;
    exercise.hold_seconds = item.hold_seconds;
    exercise.passes = item.passes;
    catalogue.exercises.push_back(exercise);
  }
  return catalogue;
}

SessionSetup setup_of(std::vector<Item> items, JournalEntry logged = {}) {
  SessionSetup setup;
  setup.date = kDay;
  setup.catalogue = catalogue_for(items);
  setup.items = std::move(items);
  logged.date = kDay;
  setup.logged = std::move(logged);
  return setup;
}

// Everything a run of events returned, gathered.
struct Gathered {
  std::vector<std::string> lines;
  std::vector<JournalUpdate> records;
  int bells = 0;
  bool finished = false;

  void add(const SessionEffects& effects) {
    lines.insert(lines.end(), effects.lines.begin(), effects.lines.end());
    records.insert(records.end(), effects.records.begin(), effects.records.end());
    bells += effects.bell ? 1 : 0;
    finished = finished || effects.finished;
  }
  bool said(const std::string& text) const {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(text) != std::string::npos; });
  }
};

void press(Session& session, Gathered& out, char key, std::int64_t now) {
  out.add(step(session, {EventKind::key, key}, now));
}
void type(Session& session, Gathered& out, const std::string& text, std::int64_t now) {
  for (const char c : text) press(session, out, c, now);
  press(session, out, kKeyEnter, now);
}
void tick(Session& session, Gathered& out, std::int64_t now) { out.add(step(session, {EventKind::tick, 0}, now)); }

const SessionStep& current_step(const Session& session) { return session.steps.at(session.at); }

}  // namespace

TEST_CASE("a hold waits for Enter and reaches zero exactly at the hold time", "[core][session]") {
  auto [session, started] = start_session(setup_of({stretch_item("calf", 120)}), 0);
  Gathered out;
  REQUIRE(current_step(session).kind == StepKind::hold);
  tick(session, out, 50'000);  // waiting for Enter: time does not count
  CHECK(session_status(session).waiting);
  CHECK(session_status(session).remaining_ms == 120'000);

  press(session, out, kKeyEnter, 1'000);
  tick(session, out, 1'000 + 120'000 - 1);
  CHECK(session.at == 0);
  CHECK(session_status(session).remaining_ms == 1);
  CHECK(out.bells == 0);
  tick(session, out, 1'000 + 120'000);
  CHECK(out.bells == 1);
  REQUIRE(current_step(session).side == Side::right);
  CHECK(out.said("Switch to the right side."));
  CHECK(out.records.empty());  // the item is stored once both sides are done
}

TEST_CASE("Space pauses a countdown and resumes it where it stopped", "[core][session]") {
  auto [session, started] = start_session(setup_of({stretch_item("calf", 120)}), 0);
  Gathered out;
  press(session, out, kKeyEnter, 0);
  tick(session, out, 10'000);
  press(session, out, kKeyPause, 10'000);
  CHECK(session_status(session).paused);
  tick(session, out, 500'000);
  CHECK(session.at == 0);
  CHECK(session_status(session).remaining_ms == 110'000);
  press(session, out, kKeyPause, 500'000);
  CHECK_FALSE(session_status(session).paused);
  tick(session, out, 500'000 + 110'000 - 1);
  CHECK(session.at == 0);
  tick(session, out, 500'000 + 110'000);
  CHECK(session.at == 1);
  CHECK(out.bells == 1);
}

TEST_CASE("Enter answers a set as planned, and typed reps count for the last set", "[core][session]") {
  auto [session, started] = start_session(setup_of({strength_item("plank", 2, {Side::both}, 0)}), 0);
  Gathered out;
  REQUIRE(current_step(session).kind == StepKind::reps);
  CHECK(session_status(session).prompt.find("Enter: 8") != std::string::npos);
  type(session, out, "", 10);
  type(session, out, "99", 20);  // above twice the catalogue's most: asked again
  CHECK(out.said("Expected the reps done, 1 to 24"));
  CHECK(current_step(session).set == 2);
  press(session, out, '1', 30);
  press(session, out, '2', 30);
  press(session, out, kKeyBackspace, 30);
  press(session, out, '1', 30);
  CHECK(session.typed == "11");
  press(session, out, kKeyEnter, 30);
  REQUIRE(out.records.size() == 1);
  const auto& done = out.records[0].addition.done;
  REQUIRE(done.size() == 1);
  CHECK(done[0] == ExerciseDone{"plank", "plank", Side::both, 2, Measure::reps, 11});

  SECTION("Enter on every set records the planned dose, as log does") {
    auto [again, unused] = start_session(setup_of({strength_item("plank", 2, {Side::both}, 0)}), 0);
    Gathered planned;
    type(again, planned, "", 0);
    type(again, planned, "", 0);
    REQUIRE(planned.records.size() == 1);
    CHECK(planned.records[0].addition.done[0].amount == 8);
    CHECK(planned.records[0].addition.done[0].sets == 2);
  }
}

TEST_CASE("sides switch within a set, and rest between sets counts down by itself", "[core][session]") {
  auto [session, started] = start_session(setup_of({strength_item("bridge", 2, {Side::left, Side::right}, 30)}), 0);
  Gathered out;
  type(session, out, "", 1'000);
  CHECK(current_step(session).side == Side::right);
  CHECK(out.said("Switch to the right side."));
  type(session, out, "10", 2'000);
  REQUIRE(current_step(session).kind == StepKind::rest);
  CHECK(session_status(session).countdown);
  CHECK_FALSE(session_status(session).waiting);
  tick(session, out, 2'000 + 30'000 - 1);
  CHECK(current_step(session).kind == StepKind::rest);
  tick(session, out, 2'000 + 30'000);
  CHECK(out.bells == 1);
  CHECK(current_step(session).kind == StepKind::reps);
  CHECK(current_step(session).set == 2);
  CHECK(current_step(session).side == Side::left);
  CHECK(current_step(session).switch_side);
  type(session, out, "", 40'000);
  type(session, out, "13", 41'000);
  REQUIRE(out.records.size() == 1);
  CHECK(out.records[0].addition.done ==
        std::vector<ExerciseDone>{{"bridge", "bridge", Side::left, 2, Measure::reps, 8},
                                  {"bridge", "bridge", Side::right, 2, Measure::reps, 13}});
}

TEST_CASE("foam rolling runs each pass, the next pass on a side at once", "[core][session]") {
  auto [session, started] = start_session(setup_of({roll_item("roll")}), 0);
  Gathered out;
  press(session, out, kKeyEnter, 0);
  tick(session, out, 60'000);
  REQUIRE(current_step(session).area == "front of the thigh");
  CHECK(session.counting);  // no Enter needed on the same side
  tick(session, out, 60'000 + 45'000);
  CHECK(current_step(session).side == Side::right);
  CHECK_FALSE(session.counting);  // switching sides: Enter when in position
  press(session, out, kKeyEnter, 200'000);
  tick(session, out, 260'000);
  tick(session, out, 305'000);
  REQUIRE(out.records.size() == 1);
  CHECK(out.records[0].addition.done.size() == 2);
  CHECK(out.records[0].addition.done[1] == ExerciseDone{"roll", "roll", Side::right, 1, Measure::passes, 2});
  CHECK(out.bells == 4);
}

TEST_CASE("s skips the item and records it as skipped", "[core][session]") {
  auto [session, started] =
      start_session(setup_of({strength_item("lunge", 2, {Side::left, Side::right}, 60), stretch_item("calf", 120)}), 0);
  Gathered out;
  type(session, out, "", 0);  // one side done, then skipped: nothing of it is kept
  press(session, out, kKeySkip, 10);
  REQUIRE(out.records.size() == 1);
  CHECK(out.records[0].addition.skipped == std::vector<ExerciseSkipped>{{"lunge", ""}});
  CHECK(session.items_stored == 1);
  CHECK(out.records[0].addition.done.empty());
  // Pain during follows the last strength item.
  CHECK(current_step(session).kind == StepKind::pain_during);
  type(session, out, "left:3,right:1", 20);
  REQUIRE(out.records.size() == 2);
  CHECK(out.records[1].addition.pain_at(Moment::during) == KneePain{3, 1});
  CHECK(current_step(session).kind == StepKind::hold);
  press(session, out, kKeySkip, 30);
  CHECK(current_step(session).kind == StepKind::pain_after);
  type(session, out, "x", 40);  // not a score: asked again
  CHECK(out.said("Expected a score from 0 to 10"));
  type(session, out, "2", 40);
  CHECK(out.finished);
  CHECK(session.finished);
  CHECK_FALSE(session.quit);
  CHECK(out.records.back().addition.pain_at(Moment::after) == KneePain{2, 2});
}

TEST_CASE("q stops at once and keeps the items stored before", "[core][session]") {
  auto [session, started] = start_session(setup_of({stretch_item("calf", 2), stretch_item("thigh", 2)}), 0);
  Gathered out;
  press(session, out, kKeyEnter, 0);
  tick(session, out, 2'000);
  press(session, out, kKeyEnter, 3'000);
  tick(session, out, 5'000);
  REQUIRE(out.records.size() == 1);  // calf, both sides
  CHECK(out.records[0].addition.done.size() == 2);
  press(session, out, kKeyEnter, 6'000);  // thigh, left, halfway
  tick(session, out, 7'000);
  press(session, out, kKeyQuit, 7'000);
  CHECK(out.finished);
  CHECK(session.quit);
  CHECK(out.records.size() == 1);  // the item under way is not stored
  tick(session, out, 100'000);     // nothing happens after the end
  CHECK(out.records.size() == 1);
  CHECK(out.said("Stopped. 1 item stored today"));
}

TEST_CASE("a session resumed the same day carries on after the items logged", "[core][session]") {
  JournalEntry logged;
  logged.done = {{"bridge", "bridge", Side::left, 2, Measure::reps, 9},
                 {"bridge", "bridge", Side::right, 2, Measure::reps, 9}};
  logged.skipped = {{"lunge", ""}};
  logged.pain_at(Moment::during).left = 2;
  auto [session, started] = start_session(
      setup_of({strength_item("lunge", 2, {Side::left, Side::right}, 60),
                strength_item("bridge", 2, {Side::left, Side::right}, 60), stretch_item("calf", 120)},
               logged),
      0);
  Gathered out;
  out.add(started);
  CHECK(out.said("Already in the journal today: lunge name, bridge name."));
  REQUIRE(current_step(session).kind == StepKind::hold);  // no second pain-during question
  CHECK(session.setup.items[current_step(session).item].exercise == "calf");

  SECTION("with nothing left, it ends at once") {
    logged.done.push_back({"calf", "calf", Side::left, 1, Measure::hold_seconds, 120});
    logged.done.push_back({"calf", "calf", Side::right, 1, Measure::hold_seconds, 120});
    logged.pain_at(Moment::after).right = 0;
    auto [done, effects] = start_session(
        setup_of({strength_item("lunge", 2, {Side::left, Side::right}, 60),
                  strength_item("bridge", 2, {Side::left, Side::right}, 60), stretch_item("calf", 120)},
                 logged),
        0);
    CHECK(effects.finished);
    CHECK(done.finished);
  }
}

TEST_CASE("an exercise split per side is stored with both sides, so the second keeps the first", "[core][session]") {
  JournalEntry logged;
  logged.done = {{"plank", "plank", Side::left, 3, Measure::reps, 10}};
  auto [session, started] = start_session(setup_of({strength_item("plank", 3, {Side::left}, 0),
                                                    strength_item("plank", 2, {Side::right}, 0)},
                                                   logged),
                                          0);
  Gathered out;
  REQUIRE(current_step(session).side == Side::right);  // the left item is logged already
  type(session, out, "", 0);
  type(session, out, "", 0);
  REQUIRE(out.records.size() == 1);
  CHECK(out.records[0].addition.done ==
        std::vector<ExerciseDone>{{"plank", "plank", Side::left, 3, Measure::reps, 10},
                                  {"plank", "plank", Side::right, 2, Measure::reps, 8}});

  SECTION("skipping the second side keeps the first side's record") {
    auto [again, unused] = start_session(setup_of({strength_item("plank", 3, {Side::left}, 0),
                                                   strength_item("plank", 2, {Side::right}, 0)},
                                                  logged),
                                         0);
    Gathered skipped;
    press(again, skipped, kKeySkip, 0);
    CHECK(skipped.records.empty());
    CHECK(skipped.said("the side done before stays in the journal"));
  }
}
