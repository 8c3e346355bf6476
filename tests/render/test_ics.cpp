// The calendar, read back with libical: what RFC 5545 requires, one event per
// training day, durations equal to the plan's minutes, stable unique UIDs.
#include <catch2/catch.hpp>
#include <libical/ical.h>

#include <fmt/format.h>

#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "data.hpp"
#include "kneeplan/core/dates.hpp"
#include "kneeplan/core/planner.hpp"
#include "kneeplan/render/render.hpp"

using namespace kneeplan;

namespace {

constexpr auto kStart = std::chrono::sys_days{std::chrono::year{2026} / 11 / 23};  // a Monday
constexpr std::string_view kGenerator = "kneeplan 9.8.7";

Plan make_plan(const Catalogue& catalogue, int weeks, Profile profile = {}) {
  PlanOptions options;
  options.weeks = weeks;
  options.start = kStart;
  return build_plan(catalogue, test::builtin_guidelines(), profile, options);
}

struct ComponentFree {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using Parsed = std::unique_ptr<icalcomponent, ComponentFree>;

Parsed parse(const std::string& text) {
  Parsed calendar(icalparser_parse_string(text.c_str()));
  REQUIRE(calendar);
  REQUIRE(icalcomponent_isa(calendar.get()) == ICAL_VCALENDAR_COMPONENT);
  return calendar;
}

std::vector<icalcomponent*> events_of(icalcomponent* calendar) {
  std::vector<icalcomponent*> events;
  for (icalcomponent* event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); event;
       event = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
    events.push_back(event);
  }
  return events;
}

bool has(icalcomponent* component, icalproperty_kind kind) {
  return icalcomponent_get_first_property(component, kind) != nullptr;
}

std::string text_of(icalcomponent* component, icalproperty_kind kind) {
  icalproperty* property = icalcomponent_get_first_property(component, kind);
  REQUIRE(property);
  const char* value = icalproperty_get_value_as_string(property);
  REQUIRE(value);
  // Reading TEXT back through the value undoes the escaping.
  return icalvalue_get_text(icalproperty_get_value(property));
}

std::chrono::sys_days day_of(icaltimetype time) {
  return std::chrono::sys_days{std::chrono::year{time.year} / time.month / time.day};
}

std::vector<const Day*> training_days(const Plan& plan) {
  std::vector<const Day*> days;
  for (const auto& week : plan.weeks) {
    for (const auto& day : week.days) {
      if (!day.rest && !day.items.empty()) days.push_back(&day);
    }
  }
  return days;
}

// Every physical line: CRLF-terminated, at most 75 octets, valid UTF-8 on its own.
void check_lines(const std::string& text) {
  REQUIRE(text.size() >= 2);
  CHECK(text.substr(text.size() - 2) == "\r\n");
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    const std::string line = text.substr(start, end - start);
    INFO(line);
    CHECK(line.size() <= 75);
    CHECK(line.find('\n') == std::string::npos);
    CHECK(line.find('\r') == std::string::npos);
    // A fold must not split a character: no line starts with a continuation byte
    // after the fold's space, nor ends inside a multi-byte sequence.
    if (!line.empty()) {
      const auto last = static_cast<unsigned char>(line.back());
      CHECK((last & 0xC0) != 0xC0);
    }
    if (line.size() > 1 && line[0] == ' ') CHECK((static_cast<unsigned char>(line[1]) & 0xC0) != 0x80);
    start = end + 2;
  }
}

}  // namespace

TEST_CASE("ics: the calendar's own properties", "[render][ics]") {
  const Plan plan = make_plan(test::builtin_catalogue(), 1);
  const std::string text = render_ics(plan, {}, kGenerator);
  check_lines(text);
  const Parsed calendar = parse(text);
  CHECK(text_of(calendar.get(), ICAL_VERSION_PROPERTY) == "2.0");
  const std::string prodid = text_of(calendar.get(), ICAL_PRODID_PROPERTY);
  CHECK(prodid.find("kneeplan") != std::string::npos);
  CHECK(prodid.find("9.8.7") != std::string::npos);
}

TEST_CASE("ics: one all-day event per training day, with what the day holds", "[render][ics]") {
  const Plan plan = make_plan(test::builtin_catalogue(), 2);
  const std::string text = render_ics(plan, {}, kGenerator);
  const Parsed calendar = parse(text);
  const auto events = events_of(calendar.get());
  const auto days = training_days(plan);
  REQUIRE(plan.weeks.size() == 2);
  REQUIRE_FALSE(plan.checkpoint);  // week 4 is not in a 2-week plan
  REQUIRE(events.size() == days.size());
  for (std::size_t i = 0; i < days.size(); ++i) {
    icalcomponent* event = events[i];
    const Day& day = *days[i];
    INFO(format_date(day.date));
    for (const auto kind : {ICAL_UID_PROPERTY, ICAL_DTSTAMP_PROPERTY, ICAL_DTSTART_PROPERTY, ICAL_DURATION_PROPERTY,
                            ICAL_SUMMARY_PROPERTY, ICAL_DESCRIPTION_PROPERTY}) {
      CHECK(has(event, kind));
    }
    CHECK_FALSE(has(event, ICAL_DTEND_PROPERTY));  // DURATION, never both
    const icaltimetype start = icalcomponent_get_dtstart(event);
    CHECK(start.is_date == 1);
    CHECK(day_of(start) == day.date);
    CHECK(icaldurationtype_as_int(icalcomponent_get_duration(event)) == 24 * 60 * 60);
    CHECK(icalcomponent_get_first_component(event, ICAL_VALARM_COMPONENT) == nullptr);  // not asked for
    const std::string summary = text_of(event, ICAL_SUMMARY_PROPERTY);
    CHECK(summary.rfind("Knee routine: ", 0) == 0);
    CHECK(summary.find(fmt::format(", {} min", day.minutes)) != std::string::npos);
    const std::string description = text_of(event, ICAL_DESCRIPTION_PROPERTY);
    // A line per item: its name, dose and sides.
    for (const auto& item : day.items) {
      const auto from = description.find("- " + item.name + ": ");
      REQUIRE(from != std::string::npos);
      const std::string line = description.substr(from, description.find('\n', from) - from);
      INFO(line);
      if (item.category == Category::strength) {
        CHECK(line.find(fmt::format("{} x {}-{} reps", item.sets, item.reps.min, item.reps.max)) != std::string::npos);
      } else if (item.category == Category::stretch) {
        CHECK(line.find(fmt::format("hold {}-{} s", item.hold_seconds.min, item.hold_seconds.max)) != std::string::npos);
      } else if (item.category == Category::warm_up) {
        CHECK(line.find(fmt::format("{}-{} min", item.minutes.min, item.minutes.max)) != std::string::npos);
      } else {
        CHECK(line.find(fmt::format("{} lines", item.passes.size())) != std::string::npos);
      }
      // The sides in the exercise's own words.
      REQUIRE_FALSE(item.sides_text.empty());
      CHECK(line.find(", " + item.sides_text) != std::string::npos);
    }
  }
}

TEST_CASE("ics: --at gives floating timed events lasting the day's minutes, with a reminder", "[render][ics]") {
  const Plan plan = make_plan(test::builtin_catalogue(), 4);
  CalendarOptions options;
  options.start_minute = 7 * 60 + 30;
  options.remind_minutes = 15;
  const Parsed calendar = parse(render_ics(plan, options, kGenerator));
  const auto events = events_of(calendar.get());
  const auto days = training_days(plan);
  REQUIRE(plan.checkpoint);
  REQUIRE(events.size() == days.size() + 1);  // and the checkpoint
  for (std::size_t i = 0; i < days.size(); ++i) {
    icalcomponent* event = events[i];
    const icaltimetype start = icalcomponent_get_dtstart(event);
    CHECK(start.is_date == 0);
    CHECK(icaltime_get_timezone(start) == nullptr);  // floating: no zone
    CHECK(day_of(start) == days[i]->date);
    CHECK((start.hour == 7 && start.minute == 30 && start.second == 0));
    CHECK(icaldurationtype_as_int(icalcomponent_get_duration(event)) == days[i]->minutes * 60);
    icalcomponent* alarm = icalcomponent_get_first_component(event, ICAL_VALARM_COMPONENT);
    REQUIRE(alarm);
    CHECK(icalproperty_get_action(icalcomponent_get_first_property(alarm, ICAL_ACTION_PROPERTY)) == ICAL_ACTION_DISPLAY);
    const icaltriggertype trigger =
        icalproperty_get_trigger(icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY));
    CHECK(icaldurationtype_as_int(trigger.duration) == -15 * 60);
    CHECK(has(alarm, ICAL_DESCRIPTION_PROPERTY));
  }
  // The checkpoint: an all-day event of its own on the day the plan says, no reminder unless asked.
  icalcomponent* checkpoint = events.back();
  CHECK(icalcomponent_get_dtstart(checkpoint).is_date == 1);
  CHECK(day_of(icalcomponent_get_dtstart(checkpoint)) == plan.checkpoint->date);
  CHECK(text_of(checkpoint, ICAL_SUMMARY_PROPERTY).find("checkpoint") != std::string::npos);
  CHECK(text_of(checkpoint, ICAL_DESCRIPTION_PROPERTY).find(plan.checkpoint->note) != std::string::npos);
  CHECK(icalcomponent_get_first_component(checkpoint, ICAL_VALARM_COMPONENT) == nullptr);
}

TEST_CASE("ics: a reminder asked for reaches all-day events, and none at all when off", "[render][ics]") {
  const Plan plan = make_plan(test::builtin_catalogue(), 4);
  CalendarOptions asked;
  asked.remind_minutes = 60;
  asked.remind_all_day = true;
  const Parsed calendar = parse(render_ics(plan, asked, kGenerator));
  for (icalcomponent* event : events_of(calendar.get())) {
    icalcomponent* alarm = icalcomponent_get_first_component(event, ICAL_VALARM_COMPONENT);
    REQUIRE(alarm);
    const icaltriggertype trigger =
        icalproperty_get_trigger(icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY));
    CHECK(icaldurationtype_as_int(trigger.duration) == -60 * 60);
  }
  CalendarOptions off;
  off.start_minute = 18 * 60;
  const std::string text = render_ics(plan, off, kGenerator);
  CHECK(text.find("BEGIN:VALARM") == std::string::npos);
}

TEST_CASE("ics: rest days become all-day events only when asked", "[render][ics]") {
  const Plan plan = make_plan(test::builtin_catalogue(), 3);
  CalendarOptions options;
  options.rest_events = true;
  const Parsed calendar = parse(render_ics(plan, options, kGenerator));
  std::set<std::chrono::sys_days> rest_dates;
  for (icalcomponent* event : events_of(calendar.get())) {
    if (text_of(event, ICAL_SUMMARY_PROPERTY) == "Rest day") {
      CHECK(icalcomponent_get_dtstart(event).is_date == 1);
      rest_dates.insert(day_of(icalcomponent_get_dtstart(event)));
    }
  }
  std::set<std::chrono::sys_days> expected;
  for (const auto& week : plan.weeks) {
    for (const auto& day : week.days) {
      if (day.rest) expected.insert(day.date);
    }
  }
  CHECK(rest_dates == expected);
  CHECK(render_ics(plan, {}, kGenerator).find("Rest day") == std::string::npos);
}

TEST_CASE("ics: UIDs are unique, and the same plan day keeps its UID whatever else changes", "[render][ics]") {
  CalendarOptions options;
  options.rest_events = true;
  const Plan novice = make_plan(test::builtin_catalogue(), 4);
  Profile other;
  other.level = Level::advanced;
  other.side = Side::left;
  const Plan advanced = make_plan(test::builtin_catalogue(), 4, other);

  auto uids_by_date = [&](const Plan& plan) {
    const Parsed calendar = parse(render_ics(plan, options, kGenerator));
    std::map<std::string, std::string> out;  // "date summary-kind" -> uid
    std::set<std::string> seen;
    for (icalcomponent* event : events_of(calendar.get())) {
      const std::string uid = icalcomponent_get_uid(event);
      CHECK(seen.insert(uid).second);
      const bool checkpoint = text_of(event, ICAL_SUMMARY_PROPERTY).find("checkpoint") != std::string::npos;
      out[format_date(day_of(icalcomponent_get_dtstart(event))) + (checkpoint ? " checkpoint" : "")] = uid;
    }
    return out;
  };
  const auto first = uids_by_date(novice);
  CHECK(first.size() == 4 * 7 + 1);
  CHECK(uids_by_date(novice) == first);
  CHECK(uids_by_date(advanced) == first);
}

TEST_CASE("ics: the same plan and stamp give the same bytes, and DTSTAMP is the given stamp", "[render][ics]") {
  const Plan plan = make_plan(test::builtin_catalogue(), 2);
  CalendarOptions options;
  options.stamp = 1'700'000'000;  // 2023-11-14T22:13:20Z
  const std::string text = render_ics(plan, options, kGenerator);
  CHECK(render_ics(make_plan(test::builtin_catalogue(), 2), options, kGenerator) == text);
  const Parsed calendar = parse(text);
  for (icalcomponent* event : events_of(calendar.get())) {
    const icaltimetype stamp = icalcomponent_get_dtstamp(event);
    CHECK(icaltime_is_utc(stamp));
    CHECK(icaltime_as_timet(stamp) == 1'700'000'000);
  }
}

TEST_CASE("ics: hostile catalogue text is carried exactly, escaped and folded by libical", "[render][ics]") {
  const Catalogue& catalogue = test::hostile_catalogue();
  const Plan plan = make_plan(catalogue, 1);
  CalendarOptions options;
  options.start_minute = 23 * 60 + 59;  // a session that runs past midnight
  options.remind_minutes = 15;
  const std::string text = render_ics(plan, options, kGenerator);
  check_lines(text);
  CHECK(render_ics(plan, options, kGenerator) == text);
  const Parsed calendar = parse(text);
  const auto events = events_of(calendar.get());
  const auto days = training_days(plan);
  REQUIRE(events.size() == days.size());
  for (std::size_t i = 0; i < days.size(); ++i) {
    const std::string description = text_of(events[i], ICAL_DESCRIPTION_PROPERTY);
    for (const auto& item : days[i]->items) {
      INFO(item.name.substr(0, 40));
      CHECK(description.find(item.name) != std::string::npos);  // line breaks and markup intact
    }
    CHECK(icaldurationtype_as_int(icalcomponent_get_duration(events[i])) == days[i]->minutes * 60);
  }
}
