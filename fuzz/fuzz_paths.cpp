// The paths the fuzz targets drive through the core library. The fuzz targets
// include this file, and so does tests/io/test_fuzz_regressions.cpp, so that a
// saved input replays exactly as the fuzzer ran it.
//
// Every path must end in success or in a DataError whose diagnostics are all
// well formed. Any other exception, or an invariant below that does not hold,
// is a bug: it surfaces as a FuzzFailure (or another exception), which the
// fuzzer reports as a crash and the regression test as a failure.
//
// Everything here is inline so that each including file may use any part of it.
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/core/coach.hpp"
#include "kneeplan/core/dates.hpp"
#include "kneeplan/io/diagnostics.hpp"
#include "kneeplan/io/embedded.hpp"
#include "kneeplan/core/guidelines.hpp"
#include "kneeplan/core/journal.hpp"
#include "kneeplan/io/journal_loader.hpp"
#include "kneeplan/io/journal_store.hpp"
#include "kneeplan/io/load.hpp"
#include "kneeplan/core/plan.hpp"
#include "kneeplan/core/plan_limits.hpp"
#include "kneeplan/core/planner.hpp"
#include "kneeplan/core/profile.hpp"
#include "kneeplan/core/progress.hpp"
#include "kneeplan/render/journal.hpp"
#include "kneeplan/render/render.hpp"
#include "kneeplan/core/safety.hpp"
#include "kneeplan/core/text.hpp"

namespace kneeplan::fuzzing {

// The file name every parse is given; each diagnostic must carry it.
inline const std::string kFile = "fuzz";
inline constexpr std::string_view kGenerator = "kneeplan fuzz";

// A broken invariant: deliberately not a DataError.
class FuzzFailure : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

// How many parses of one input accepted it and how many refused it.
struct Outcome {
  int accepted = 0;
  int rejected = 0;
};

// KNEEPLAN_FUZZ_SKIP_NUL=1 makes the fuzz targets pass over inputs that hold
// a NUL byte, so that a known NUL finding awaiting its fix does not stop them
// from looking for others. The regression test never skips anything.
inline bool skipped(std::string_view bytes) {
  static const bool skip_nul = [] {
    const char* value = std::getenv("KNEEPLAN_FUZZ_SKIP_NUL");
    return value != nullptr && std::string_view(value) == "1";
  }();
  return skip_nul && bytes.find('\0') != std::string_view::npos;
}

// A place is empty (the whole file), LINE:COL (both from 1) or a JSON pointer
// whose "~" escapes are "~0" or "~1".
inline bool well_formed_place(std::string_view place) {
  if (place.empty()) return true;
  if (place.front() == '/') {
    for (std::size_t i = 0; i < place.size(); ++i) {
      if (place[i] == '~' && (i + 1 == place.size() || (place[i + 1] != '0' && place[i + 1] != '1'))) return false;
    }
    return true;
  }
  const auto colon = place.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == place.size()) return false;
  auto positive = [](std::string_view digits) {
    if (digits.empty() || digits.front() == '0') return false;
    for (const char c : digits) {
      if (c < '0' || c > '9') return false;
    }
    return true;
  };
  return positive(place.substr(0, colon)) && positive(place.substr(colon + 1));
}

// A refusal must say what is wrong: at least one diagnostic, each naming the
// file, with a well-formed place and a non-empty message.
inline void check_rejection(const DataError& error) {
  const auto& diagnostics = error.diagnostics();
  if (diagnostics.empty()) throw FuzzFailure("DataError without a diagnostic");
  for (const auto& d : diagnostics) {
    if (d.file != kFile) throw FuzzFailure("diagnostic names file \"" + d.file + "\", expected \"" + kFile + "\"");
    if (d.message.empty()) throw FuzzFailure("diagnostic without a message at \"" + d.place + "\"");
    if (!well_formed_place(d.place)) throw FuzzFailure("diagnostic with a malformed place \"" + d.place + "\"");
  }
  if (std::string_view(error.what()).empty()) throw FuzzFailure("DataError with an empty what()");
}

// A raw NUL byte is not valid anywhere in JSON (RFC 8259: not whitespace, and
// a control character inside a string must be escaped), so no loader may
// accept a text that holds one.
inline void check_acceptance(std::string_view text, const std::string& who) {
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    throw FuzzFailure(who + " accepted a text with a NUL byte at offset " + std::to_string(nul));
  }
}

// Runs a loader: the value, or nullopt after a well-formed DataError.
template <class Parse>
auto try_parse(Parse parse, std::string_view text, Outcome& outcome)
    -> std::optional<decltype(parse(text, kFile))> {
  try {
    auto value = parse(text, kFile);
    check_acceptance(text, "a loader");
    ++outcome.accepted;
    return value;
  } catch (const DataError& error) {
    check_rejection(error);
    ++outcome.rejected;
    return std::nullopt;
  }
}

// build_plan, or nullopt when it refuses a plan past the limits
// (plan_limits.hpp), which must say which limit.
inline std::optional<Plan> try_build(const Catalogue& catalogue, const Guidelines& guidelines, const Profile& profile,
                                     const PlanOptions& options, std::vector<Finding> warnings = {}) {
  try {
    return build_plan(catalogue, guidelines, profile, options, std::move(warnings));
  } catch (const PlanTooLarge& error) {
    if (std::string_view(error.what()).find("limit") == std::string_view::npos) {
      throw FuzzFailure(std::string("PlanTooLarge names no limit: ") + error.what());
    }
    return std::nullopt;
  }
}

// The built-in data, parsed once, and a few fixed profiles that between them
// meet every kind of safety condition.
struct Builtin {
  Catalogue catalogue;
  Guidelines guidelines;
  SafetyRules safety;
  std::vector<Profile> profiles;
};

inline std::string_view embedded_text(std::string_view name) {
  const auto text = embedded(name);
  if (!text) throw FuzzFailure("no built-in " + std::string(name));
  return *text;
}

inline const Builtin& builtin() {
  static const Builtin data = [] {
    Builtin b;
    b.catalogue = parse_catalogue(embedded_text("catalogue.json"), "built-in catalogue.json");
    b.guidelines = parse_guidelines(embedded_text("guidelines.json"), "built-in guidelines.json");
    b.safety = parse_safety_rules(embedded_text("safety.json"), "built-in safety.json");

    b.profiles.emplace_back();  // everything unknown or default

    Profile child;
    child.age = 12;
    child.level = Level::intermediate;
    child.side = Side::left;
    child.pain = 8;
    child.cause = Cause::injury;
    child.symptoms.assign(kSymptoms.begin(), kSymptoms.end());
    child.history.assign(kHistory.begin(), kHistory.end());
    child.equipment = std::vector<std::string>{};
    child.weeks_done = 6;
    child.height_cm = 120;
    child.weight_kg = 60;
    child.ankle_gap_cm = 12;
    b.profiles.push_back(child);

    Profile older;
    older.age = 70;
    older.level = Level::advanced;
    older.side = Side::right;
    older.pain = 5;
    older.cause = Cause::arthritis;
    older.equipment = std::vector<std::string>{"chair", "wall"};
    older.height_cm = 160;
    older.weight_kg = 90;
    older.cleared_by_clinician = true;
    b.profiles.push_back(older);
    return b;
  }();
  return data;
}

// The fixed start date of every fuzzed plan: a Monday.
inline constexpr std::chrono::sys_days kStart{std::chrono::year{2026} / std::chrono::November / 23};

// fuzz_plan's input: the JSON text, then two bytes that choose the plan's
// weeks (1-52) and rest day. Shorter inputs are all text, with a 4-week plan.
struct PlanInput {
  std::string_view text;
  PlanOptions options;
};

inline PlanInput split_plan_input(std::string_view bytes) {
  PlanInput input{bytes, PlanOptions{}};
  input.options.start = kStart;
  if (bytes.size() >= 2) {
    const auto high = static_cast<unsigned char>(bytes[bytes.size() - 2]);
    const auto low = static_cast<unsigned char>(bytes[bytes.size() - 1]);
    const unsigned choice = (static_cast<unsigned>(high) << 8u) | low;
    input.options.weeks = 1 + static_cast<int>(choice % static_cast<unsigned>(kMaxWeeks));
    input.options.rest_day = static_cast<Weekday>(choice / static_cast<unsigned>(kMaxWeeks) % 7u);
    input.text = bytes.substr(0, bytes.size() - 2);
  }
  return input;
}

inline std::vector<const Exercise*> pointers(const Catalogue& catalogue) {
  std::vector<const Exercise*> out;
  out.reserve(catalogue.exercises.size());
  for (const auto& exercise : catalogue.exercises) out.push_back(&exercise);
  return out;
}

// Characters (not bytes) of the longest line.
inline std::size_t widest_line(std::string_view text) {
  std::size_t widest = 0;
  std::size_t column = 0;
  for (const char c : text) {
    if (c == '\n') {
      column = 0;
    } else if ((static_cast<unsigned char>(c) & 0xC0u) != 0x80u) {
      widest = std::max(widest, ++column);
    }
  }
  return widest;
}

inline void expect(bool condition, const std::string& what) {
  if (!condition) throw FuzzFailure(what);
}

inline void expect_range(Range range, int low, int high, const std::string& what) {
  expect(range.min >= low && range.min <= range.max && range.max <= high,
         what + " is " + std::to_string(range.min) + "-" + std::to_string(range.max) + ", outside the loader's " +
             std::to_string(low) + "-" + std::to_string(high));
}

inline void expect_number(int value, int low, int high, const std::string& what) {
  expect(value >= low && value <= high, what + " is " + std::to_string(value) + ", outside the loader's " +
                                            std::to_string(low) + "-" + std::to_string(high));
}

// What parse_catalogue accepts must be within the bounds it states (catalogue.cpp).
inline void check_catalogue(const Catalogue& catalogue) {
  expect(!catalogue.exercises.empty(), "an accepted catalogue has no exercises");
  for (const auto& e : catalogue.exercises) {
    const std::string at = "exercise \"" + e.id + "\": ";
    expect(!e.id.empty() && !e.name.empty() && !e.targets.empty() && !e.steps.empty() && !e.source.empty(),
           at + "an accepted exercise lacks a required field");
    switch (e.category) {
      case Category::strength:
        expect_range(e.reps, 1, 100, at + "reps");
        break;
      case Category::stretch:
        expect_range(e.hold_seconds, 1, 3600, at + "hold_seconds");
        break;
      case Category::foam_roll:
        expect(!e.passes.empty(), at + "a foam roll without passes");
        for (const auto& pass : e.passes) expect_number(pass.seconds, 1, 3600, at + "a pass's seconds");
        break;
      case Category::warm_up:
        expect_range(e.minutes, 1, 120, at + "minutes");
        break;
    }
    expect(e.harder != e.id, at + "an accepted exercise is its own harder rung");
  }
}

// What parse_guidelines accepts must be within the bounds it states (guidelines.cpp).
inline void check_guidelines(const Guidelines& g) {
  for (std::size_t i = 0; i < g.levels.size(); ++i) {
    const LevelRules& level = g.levels[i];
    const std::string at = "level " + std::string(name_of(static_cast<Level>(i))) + ": ";
    expect_range(level.sets, 1, 20, at + "sets");
    expect_range(level.reps, 1, 100, at + "reps");
    expect_range(level.strength_days, 0, 7, at + "strength_days");
    expect_number(level.rest_seconds, 0, 3600, at + "rest_seconds");
    expect(!level.pattern.empty(), at + "an accepted level without a pattern");
  }
  expect_range(g.youth.sets, 1, 20, "youth: sets");
  expect_range(g.youth.reps, 1, 100, "youth: reps");
  expect(!g.youth.pattern.empty(), "accepted guidelines without a youth pattern");
  expect_number(g.older_age, 0, 120, "older_adults.age_at_least");
  expect_range(g.older_reps, 1, 100, "older_adults.reps");
  expect_range(g.tempo_up_seconds, 1, 60, "tempo.up_seconds");
  expect_range(g.tempo_down_seconds, 1, 60, "tempo.down_seconds");
  expect_number(g.weeks_per_added_set, 1, 52, "progression.weeks_per_added_set");
  expect_number(g.training_days, 1, 7, "schedule.training_days");
  expect(g.training_days + g.rest_days == 7 && g.rest_days == 1, "schedule is not 6 + 1 days");
  expect_number(g.transition_seconds, 0, 3600, "transition.seconds");
  expect_number(g.checkpoint_week, 1, 52, "checkpoint.week");
}

// What the README promises of every plan: whole weeks of consecutive days
// from the start, one rest day each on the chosen weekday, a positive dose
// for every item, volume that never drops from one week to the next, and no
// strength exercise and no muscle group on two calendar days in a row.
inline void check_plan(const Plan& plan, const Catalogue& catalogue) {
  expect(static_cast<int>(plan.weeks.size()) == plan.options.weeks, "the plan has the wrong number of weeks");
  std::vector<std::pair<std::string, int>> previous_sets;  // strength exercise -> most sets in the week before
  const Day* yesterday = nullptr;
  for (std::size_t w = 0; w < plan.weeks.size(); ++w) {
    const Week& week = plan.weeks[w];
    expect(week.number == static_cast<int>(w) + 1, "weeks are misnumbered");
    expect(week.days.size() == 7, "a week does not have 7 days");
    int rest_days = 0;
    std::vector<std::pair<std::string, int>> week_sets;
    for (std::size_t d = 0; d < week.days.size(); ++d) {
      const Day& day = week.days[d];
      const std::string at = format_date(day.date) + ": ";
      expect(day.date == plan.options.start + std::chrono::days{static_cast<int>(w * 7 + d)}, at + "a day out of order");
      if (day.rest) {
        ++rest_days;
        expect(weekday_of(day.date) == plan.options.rest_day, at + "a rest day on the wrong weekday");
        expect(day.items.empty(), at + "a rest day with exercises");
      }
      expect(day.minutes >= 0, at + "negative minutes: " + std::to_string(day.minutes));
      for (const auto& item : day.items) {
        const std::string here = at + item.exercise + ": ";
        expect(item.sets >= 1, here + "sets " + std::to_string(item.sets));
        expect(!item.sides.empty(), here + "no sides");
        expect(catalogue.find(item.exercise) != nullptr, here + "not in the catalogue");
        if (item.category == Category::strength) {
          expect(item.reps.min >= 1 && item.reps.min <= item.reps.max, here + "reps out of order");
          auto found = std::find_if(week_sets.begin(), week_sets.end(), [&](const auto& s) { return s.first == item.exercise; });
          if (found == week_sets.end()) {
            week_sets.emplace_back(item.exercise, item.sets);
          } else {
            found->second = std::max(found->second, item.sets);
          }
        }
      }
      if (yesterday) {
        for (const auto& item : day.items) {
          if (item.category != Category::strength) continue;
          const Exercise* today_exercise = catalogue.find(item.exercise);
          for (const auto& before : yesterday->items) {
            if (before.category != Category::strength) continue;
            expect(before.exercise != item.exercise, at + item.exercise + " on two days in a row");
            const Exercise* before_exercise = catalogue.find(before.exercise);
            if (!today_exercise || !before_exercise) continue;
            for (const auto& target : today_exercise->targets) {
              const auto& other = before_exercise->targets;
              expect(std::find(other.begin(), other.end(), target) == other.end(),
                     at + "muscle \"" + target + "\" trained on two days in a row (" + before.exercise + ", " +
                         item.exercise + ")");
            }
          }
        }
      }
      yesterday = &day;
    }
    expect(rest_days == 1, "a week with " + std::to_string(rest_days) + " rest days");
    for (const auto& [exercise, sets] : week_sets) {
      for (const auto& [before, before_sets] : previous_sets) {
        expect(before != exercise || sets >= before_sets, "week " + std::to_string(w + 1) + ": " + exercise +
                                                              " drops from " + std::to_string(before_sets) +
                                                              " to " + std::to_string(sets) + " sets");
      }
    }
    previous_sets = std::move(week_sets);
  }
}

// The renderers lay JSON out byte for byte as nlohmann's dump(2) does, with a
// final newline: parsing the output and dumping it again gives it back.
inline void expect_nlohmann_layout(const nlohmann::ordered_json& document, const std::string& written,
                                   const std::string& who) {
  const std::string again =
      document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  if (again == written) return;
  const auto [ours, theirs] = std::mismatch(written.begin(), written.end(), again.begin(), again.end());
  const auto at = static_cast<std::size_t>(ours - written.begin());
  throw FuzzFailure(who + " differs from nlohmann's layout at byte " + std::to_string(at) + ": \"" +
                    written.substr(at > 20 ? at - 20 : 0, 60) + "\" vs \"" +
                    again.substr(at > 20 ? at - 20 : 0, 60) + "\"");
}

// A renderer's JSON: valid, and in nlohmann's layout.
inline nlohmann::ordered_json checked_json(const std::string& written, const std::string& who) {
  auto document = nlohmann::ordered_json::parse(written, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) throw FuzzFailure(who + " wrote invalid JSON");
  expect_nlohmann_layout(document, written, who);
  return document;
}

// The offset of the first byte in `text` that a terminal would act on: a
// control character but the new line, a C1 control, a line or paragraph
// separator, a direction override, or a byte that is not UTF-8.
inline std::optional<std::size_t> raw_control(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\n') {
      ++i;
      continue;
    }
    const std::size_t length = utf8_sequence(text, i);
    if (length == 0 || printable(text.substr(i, length)).size() != length) return i;
    i += length;
  }
  return std::nullopt;
}

// Text output: within the plan limit and holding nothing raw from the input.
inline void check_text_output(const std::string& text, const std::string& who) {
  if (text.size() > kMaxPlanBytes) {
    throw FuzzFailure(who + " wrote " + std::to_string(text.size()) + " bytes, past kMaxPlanBytes");
  }
  if (const auto at = raw_control(text)) {
    throw FuzzFailure(who + " wrote a raw control character at byte " + std::to_string(*at) + ": \"" +
                      printable(text.substr(*at > 20 ? *at - 20 : 0, 40)) + "\"");
  }
}

// Renders a plan every way. The JSON export must be valid JSON that matches
// the plan; with the built-in catalogue the text must fit 80 columns (README).
// No output may pass the plan limit, and text and Markdown may hold no raw
// control character.
inline void render_plan(const Plan& plan, const Catalogue& catalogue, bool builtin_catalogue) {
  const std::string text = render_text(plan, Style{false});
  check_text_output(text, "render_text");
  const std::string coloured = render_text(plan, Style{true});
  if (coloured.size() > kMaxPlanBytes) throw FuzzFailure("render_text in colour is past kMaxPlanBytes");
  check_text_output(render_markdown(plan, catalogue), "render_markdown");
  const std::string full = render_text(plan, Style{true, Detail::full});
  if (full.size() > kMaxPlanBytes) throw FuzzFailure("render_text in full is past kMaxPlanBytes");
  check_text_output(render_markdown(plan, catalogue, Detail::full), "render_markdown in full");
  (void)render_html(plan, catalogue, kGenerator);
  CalendarOptions calendar;
  (void)render_ics(plan, calendar, kGenerator);
  calendar.start_minute = 23 * 60 + 59;
  calendar.remind_minutes = 15;
  calendar.rest_events = true;
  (void)render_ics(plan, calendar, kGenerator);
  const std::string exported = render_json(plan, kGenerator);
  if (exported.size() > kMaxPlanBytes) throw FuzzFailure("render_json is past kMaxPlanBytes");

  const auto document = checked_json(exported, "render_json");
  if (!document.is_object()) throw FuzzFailure("render_json wrote no object");
  const auto format = document.find("format");
  if (format == document.end() || *format != kPlanFormat) throw FuzzFailure("render_json wrote no plan format");
  const auto weeks = document.find("weeks");
  if (weeks == document.end() || !weeks->is_array() || weeks->size() != plan.weeks.size()) {
    throw FuzzFailure("render_json's weeks do not match the plan");
  }
  if (builtin_catalogue && widest_line(text) > 80) {
    throw FuzzFailure("render_text is wider than 80 columns: " + std::to_string(widest_line(text)));
  }
  if (builtin_catalogue && widest_line(render_text(plan, Style{false, Detail::full})) > 80) {
    throw FuzzFailure("render_text --detail full is wider than 80 columns");
  }
  (void)full;
}

// The profile member of the plan export, with a format, must load back as the
// same profile.
inline void check_profile_round_trip(const Profile& profile) {
  Plan first;
  first.profile = profile;
  first.options.start = kStart;
  const std::string exported = render_json(first, kGenerator);
  auto document = nlohmann::json::parse(exported, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded() || !document.contains("profile")) throw FuzzFailure("render_json wrote no profile");
  nlohmann::json member = document["profile"];
  member["format"] = kProfileFormat;
  Plan second;
  second.options.start = kStart;
  try {
    second.profile = parse_profile(member.dump(), kFile);
  } catch (const DataError& error) {
    throw FuzzFailure(std::string("the exported profile does not load again: ") + error.what());
  }
  if (render_json(second, kGenerator) != exported) throw FuzzFailure("profile export -> load -> export differs");
}

// fuzz_catalogue: the bytes as a catalogue; when they load, every catalogue
// renderer, an export/load round trip, and plans built from it.
inline Outcome run_catalogue(std::string_view bytes) {
  Outcome outcome;
  const auto catalogue = try_parse(parse_catalogue, bytes, outcome);
  if (!catalogue) return outcome;
  check_catalogue(*catalogue);

  const std::vector<const Exercise*> all = pointers(*catalogue);
  const std::string exported = render_exercises_json(all);
  if (!checked_json(exported, "render_exercises_json").is_array()) throw FuzzFailure("render_exercises_json wrote no array");
  if (const auto at = raw_control(render_exercise_list(all, Style{false}))) {
    throw FuzzFailure("render_exercise_list wrote a raw control character at byte " + std::to_string(*at));
  }
  (void)render_exercise_list(all, Style{true});
  for (const Exercise* exercise : all) {
    if (const auto at = raw_control(render_exercise(*exercise, Style{false}))) {
      throw FuzzFailure("render_exercise wrote a raw control character at byte " + std::to_string(*at));
    }
    (void)checked_json(render_exercise_json(*exercise), "render_exercise_json");
  }

  // `exercises --json` uses the catalogue's own field names: it loads again, unchanged.
  const std::string again_text =
      "{\"format\": \"" + std::string(kCatalogueFormat) + "\", \"exercises\": " + exported + "}";
  Catalogue again;
  try {
    again = parse_catalogue(again_text, kFile);
  } catch (const DataError& error) {
    throw FuzzFailure(std::string("the exported catalogue does not load again: ") + error.what());
  }
  if (render_exercises_json(pointers(again)) != exported) throw FuzzFailure("catalogue export -> load -> export differs");

  // --catalogue FILE with the built-in guidelines, for someone with all the
  // equipment and for someone with none (so alternatives are used).
  const Builtin& b = builtin();
  PlanOptions options;
  options.weeks = 2;
  options.start = kStart;
  Profile everything;
  Profile nothing;
  nothing.side = Side::left;
  nothing.equipment = std::vector<std::string>{};
  for (const Profile* profile : {&everything, &nothing}) {
    const auto plan = try_build(*catalogue, b.guidelines, *profile, options);
    if (!plan) continue;
    check_plan(*plan, *catalogue);
    render_plan(*plan, *catalogue, /*builtin_catalogue=*/false);
  }
  return outcome;
}

// fuzz_plan: the text as a profile, screened and planned with the built-in
// data; the same text as guidelines (planned for each level) and as safety
// rules (screening the fixed profiles).
inline Outcome run_plan(std::string_view bytes) {
  const PlanInput input = split_plan_input(bytes);
  const Builtin& b = builtin();
  Outcome outcome;

  if (const auto profile = try_parse(parse_profile, input.text, outcome)) {
    std::vector<Finding> findings = screen(b.safety, *profile);
    const bool allowed = plan_allowed(findings, profile->cleared_by_clinician);
    check_text_output(render_findings_text(findings, b.safety, Style{false}), "render_findings_text");
    (void)checked_json(render_findings_json(findings, b.safety, allowed), "render_findings_json");
    const auto plan = try_build(b.catalogue, b.guidelines, *profile, input.options, std::move(findings));
    if (!plan) throw FuzzFailure("the built-in data made a plan past the plan limits");
    check_plan(*plan, b.catalogue);
    render_plan(*plan, b.catalogue, /*builtin_catalogue=*/true);
    check_profile_round_trip(*profile);
  }

  if (const auto guidelines = try_parse(parse_guidelines, input.text, outcome)) {
    check_guidelines(*guidelines);
    for (const auto level : {Level::novice, Level::intermediate, Level::advanced}) {
      Profile profile = b.profiles[2];
      profile.level = level;
      const auto plan = try_build(b.catalogue, *guidelines, profile, input.options);
      if (!plan) continue;
      check_plan(*plan, b.catalogue);
      render_plan(*plan, b.catalogue, /*builtin_catalogue=*/false);
    }
  }

  if (const auto rules = try_parse(parse_safety_rules, input.text, outcome)) {
    for (const auto& profile : b.profiles) {
      const std::vector<Finding> findings = screen(*rules, profile);
      (void)render_findings_text(findings, *rules, Style{true});
      (void)checked_json(render_findings_json(findings, *rules, plan_allowed(findings, profile.cleared_by_clinician)),
                         "render_findings_json");
    }
    check_text_output(render_rules_markdown(*rules), "render_rules_markdown");
  }
  return outcome;
}

// fuzz_validate: validate_document, which must agree with the four loaders:
// it accepts exactly when the loader its "format" names accepts.
inline Outcome run_validate(std::string_view bytes) {
  Outcome outcome;
  std::optional<std::string> validated;
  try {
    validated = validate_document(bytes, kFile);
    check_acceptance(bytes, "validate_document");
    ++outcome.accepted;
  } catch (const DataError& error) {
    check_rejection(error);
    ++outcome.rejected;
  }

  Outcome loaders;
  std::vector<std::string_view> accepted_as;
  if (try_parse(parse_catalogue, bytes, loaders)) accepted_as.push_back(kCatalogueFormat);
  if (try_parse(parse_profile, bytes, loaders)) accepted_as.push_back(kProfileFormat);
  if (try_parse(parse_guidelines, bytes, loaders)) accepted_as.push_back(kGuidelinesFormat);
  if (try_parse(parse_safety_rules, bytes, loaders)) accepted_as.push_back(kSafetyFormat);

  if (accepted_as.size() > 1) throw FuzzFailure("more than one loader accepts the same document");
  if (validated && (accepted_as.empty() || accepted_as.front() != *validated)) {
    throw FuzzFailure("validate_document accepts \"" + *validated + "\" but that loader refuses it");
  }
  if (!validated && !accepted_as.empty()) {
    throw FuzzFailure("a loader accepts the document as \"" + std::string(accepted_as.front()) +
                      "\" but validate_document refuses it");
  }
  return outcome;
}

// The day fuzzed journals are imported on: their dates must not be later.
inline constexpr std::chrono::sys_days kJournalToday{std::chrono::year{2026} / std::chrono::November / 22};

// The coach and progress must answer from the journal read in their window
// (JournalStore::history) exactly as from every entry whole.
inline void check_history_window(const JournalStore& store, const std::vector<JournalEntry>& stored) {
  const Guidelines& guidelines = builtin().guidelines;
  static const Plan plan = [] {
    PlanOptions options;
    options.weeks = 1;
    options.start = kJournalToday;
    return build_plan(builtin().catalogue, builtin().guidelines, Profile{}, options);
  }();
  TrainingDays training_days{};
  training_days.fill(true);
  training_days[6] = false;
  const JournalHistory whole(stored);
  const std::chrono::sys_days reads_from = coach_reads_from(kJournalToday, guidelines);
  // As plan reads it: whole only from today on.
  const JournalHistory part = store.history(reads_from, kJournalToday);
  expect(journal_facts(part, kJournalToday, guidelines) == journal_facts(whole, kJournalToday, guidelines),
         "journal_facts differs on the journal read in its window");
  expect(coach(part, kJournalToday, plan, builtin().catalogue, guidelines, true) ==
             coach(whole, kJournalToday, plan, builtin().catalogue, guidelines, true),
         "coach differs on the journal read in its window");
  const int progress_weeks = 8;
  const std::chrono::sys_days shown_from = progress_reads_from(kJournalToday, progress_weeks);
  const JournalHistory shown = store.history(std::min(reads_from, shown_from), shown_from);
  expect(summarise_progress(shown, kJournalToday, progress_weeks, training_days) ==
             summarise_progress(whole, kJournalToday, progress_weeks, training_days),
         "summarise_progress differs on the journal read in its window");
}

// fuzz_journal: the bytes as a journal export to import. What loads must
// import whole into an empty journal, export as valid JSON in nlohmann's
// layout, load back as the same entries, and export the same bytes again
// from a second journal; importing it twice adds nothing.
inline Outcome run_journal(std::string_view bytes) {
  Outcome outcome;
  const auto parse = [](std::string_view text, const std::string& file) {
    return parse_journal(text, file, builtin().catalogue, kJournalToday);
  };
  auto entries = try_parse(parse, bytes, outcome);
  if (!entries) return outcome;
  for (const auto& entry : *entries) {
    expect(check_entry(entry, builtin().catalogue, kJournalToday).empty(), "an accepted entry fails check_entry");
  }

  JournalStore first = JournalStore::in_memory();
  const ImportOutcome imported = first.import(*entries);
  expect(imported.conflicts.empty() && imported.added == static_cast<int>(entries->size()),
         "an accepted journal does not import whole into an empty one");
  const ImportOutcome again = first.import(*entries);
  expect(again.added == 0 && again.unchanged == static_cast<int>(entries->size()) && again.conflicts.empty(),
         "importing the same journal twice added or changed entries");
  const std::vector<JournalEntry> stored = first.entries();
  std::sort(entries->begin(), entries->end(), [](const auto& a, const auto& b) { return a.date < b.date; });
  expect(stored == *entries, "the journal does not hold what was imported");
  expect(first.integrity_problems().empty(), "the journal fails its integrity check after an import");

  const std::string exported = render_journal_json(stored);
  (void)checked_json(exported, "render_journal_json");
  std::vector<JournalEntry> reloaded;
  try {
    reloaded = parse_journal(exported, kFile, builtin().catalogue, kJournalToday);
  } catch (const DataError& error) {
    throw FuzzFailure(std::string("the exported journal does not load again: ") + error.what());
  }
  JournalStore second = JournalStore::in_memory();
  (void)second.import(reloaded);
  expect(render_journal_json(second.entries()) == exported, "journal export -> import -> export differs");

  const auto weeks = summarise_weeks(stored, builtin().guidelines.training_days);
  (void)render_history_text(weeks, builtin().catalogue, Style{false});
  (void)checked_json(render_history_json(weeks), "render_history_json");
  check_history_window(first, stored);
  return outcome;
}

}  // namespace kneeplan::fuzzing
