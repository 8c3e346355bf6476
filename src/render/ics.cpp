// The plan as an iCalendar file (RFC 5545). libical builds the components and
// writes the text: escaping, CRLF line ends and folding at 75 octets.
#include <libical/ical.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <memory>

#include "kneeplan/render/render.hpp"
#include "render/escape.hpp"
#include "render/util.hpp"

namespace kneeplan {

using namespace detail;

namespace {

struct ComponentFree {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

constexpr int kSecondsPerMinute = 60;
constexpr int kMinutesPerDay = 24 * 60;
constexpr int kSecondsPerDay = 24 * 60 * 60;

icaltimetype date_of(std::chrono::sys_days day) {
  const std::chrono::year_month_day ymd{day};
  icaltimetype time = icaltime_null_date();
  time.year = static_cast<int>(ymd.year());
  time.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  time.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  return time;
}

// A floating local time: the same clock time in whatever zone the calendar is in.
icaltimetype local_time_of(std::chrono::sys_days day, int minute_of_day) {
  const icaltimetype date = date_of(day);
  icaltimetype time = icaltime_null_time();  // no zone: floating
  time.year = date.year;
  time.month = date.month;
  time.day = date.day;
  time.hour = minute_of_day / 60;
  time.minute = minute_of_day % 60;
  return time;
}

// Text for a TEXT property: libical escapes it; control characters go first.
void add_text(icalcomponent* event, icalproperty* (*make)(const char*), std::string_view text) {
  icalcomponent_add_property(event, make(readable(text, true).c_str()));
}

// "warm-up + strength + stretches + foam rolling"
std::string session_kinds(const Day& day) {
  std::string out;
  for (const auto& [category, word] : {std::pair{Category::warm_up, "warm-up"}, std::pair{Category::strength, "strength"},
                                       std::pair{Category::stretch, "stretches"},
                                       std::pair{Category::foam_roll, "foam rolling"}}) {
    const bool has = std::any_of(day.items.begin(), day.items.end(),
                                 [category = category](const Item& item) { return item.category == category; });
    if (!has) continue;
    if (!out.empty()) out += " + ";
    out += word;
  }
  return out;
}

std::string session_description(const Day& day) {
  std::string out;
  for (const auto& item : day.items) {
    out += fmt::format("- {}: {}", item.name, dose_text(item));
    if (!item.sides_text.empty()) out += ", " + item.sides_text;
    if (const std::string rest = rest_text(item); !rest.empty()) out += ", rest " + rest + " between sets";
    out += "\n";
  }
  for (const auto& note : day.notes) out += "\n" + note + "\n";
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

class CalendarWriter {
 public:
  CalendarWriter(const CalendarOptions& options, std::string_view generator)
      : options_(options), calendar_(icalcomponent_new(ICAL_VCALENDAR_COMPONENT)) {
    icalcomponent_add_property(calendar_.get(), icalproperty_new_version("2.0"));
    const std::string prodid = fmt::format("-//kneeplan//{}//EN", readable(generator, false));
    icalcomponent_add_property(calendar_.get(), icalproperty_new_prodid(prodid.c_str()));
    icalcomponent_add_property(calendar_.get(), icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(calendar_.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
  }

  // `timed`: at the chosen time for `minutes` (at most a day: longer would
  // mean nothing to a calendar, and the summary still says them all); else all day.
  void add(std::string_view uid, std::chrono::sys_days date, bool timed, std::int64_t minutes, std::string_view summary,
           std::string_view description, bool reminder) {
    Component event(icalcomponent_new(ICAL_VEVENT_COMPONENT));
    icalcomponent_add_property(event.get(), icalproperty_new_uid(std::string(uid).c_str()));
    icalcomponent_add_property(
        event.get(), icalproperty_new_dtstamp(icaltime_from_timet_with_zone(static_cast<std::time_t>(options_.stamp), 0,
                                                                            icaltimezone_get_utc_timezone())));
    if (timed) {
      icalcomponent_add_property(event.get(), icalproperty_new_dtstart(local_time_of(date, *options_.start_minute)));
      icalcomponent_add_property(event.get(),
                                 icalproperty_new_duration(icaldurationtype_from_int(
                                     static_cast<int>(std::min<std::int64_t>(minutes, kMinutesPerDay) * kSecondsPerMinute))));
    } else {
      icalcomponent_add_property(event.get(), icalproperty_new_dtstart(date_of(date)));
      icalcomponent_add_property(event.get(), icalproperty_new_duration(icaldurationtype_from_int(kSecondsPerDay)));
      // An all-day reminder of a routine should not make the whole day look busy.
      icalcomponent_add_property(event.get(), icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
    }
    add_text(event.get(), icalproperty_new_summary, summary);
    add_text(event.get(), icalproperty_new_description, description);
    // Health data: a shared calendar shows others only that the time is taken.
    icalcomponent_add_property(event.get(), icalproperty_new_class(ICAL_CLASS_PRIVATE));
    if (reminder && options_.remind_minutes) {
      Component alarm(icalcomponent_new(ICAL_VALARM_COMPONENT));
      icalcomponent_add_property(alarm.get(), icalproperty_new_action(ICAL_ACTION_DISPLAY));
      icaltriggertype trigger{};
      trigger.time = icaltime_null_time();
      trigger.duration = icaldurationtype_from_int(-*options_.remind_minutes * kSecondsPerMinute);
      icalcomponent_add_property(alarm.get(), icalproperty_new_trigger(trigger));
      add_text(alarm.get(), icalproperty_new_description, summary);
      icalcomponent_add_component(event.get(), alarm.release());
    }
    icalcomponent_add_component(calendar_.get(), event.release());
  }

  std::string text() const {
    char* text = icalcomponent_as_ical_string_r(calendar_.get());
    if (!text) return {};
    std::string out(text);
    std::free(text);
    return out;
  }

 private:
  const CalendarOptions& options_;
  Component calendar_;
};

std::string uid_for(std::string_view what, std::chrono::sys_days date) {
  std::string day = format_date(date);
  std::erase(day, '-');
  return fmt::format("kneeplan-{}-{}", what, day);
}

}  // namespace

std::string render_ics(const Plan& plan, const CalendarOptions& options, std::string_view generator) {
  CalendarWriter calendar(options, generator);
  const bool timed = options.start_minute.has_value();
  for (const auto& week : plan.weeks) {
    for (const auto& day : week.days) {
      // One UID per date, for a session or a rest day alike, so a plan made
      // again replaces what an earlier import put on that day.
      const std::string uid = uid_for("day", day.date);
      if (day.rest) {
        if (options.rest_events) {
          calendar.add(uid, day.date, false, 0, "Rest day",
                       "No knee routine today: rest lets the muscles recover for the next session.", false);
        }
        continue;
      }
      if (day.items.empty()) continue;  // nothing fitted the equipment: nothing to do
      const std::string summary = fmt::format("Knee routine: {}, {} min", session_kinds(day), day.minutes);
      calendar.add(uid, day.date, timed, day.minutes, summary, session_description(day),
                   timed || options.remind_all_day);
    }
  }
  if (plan.checkpoint) {
    const Checkpoint& checkpoint = *plan.checkpoint;
    std::string description = checkpoint.note;
    if (!checkpoint.source.empty()) description += "\n\nSource: " + checkpoint.source;
    calendar.add(uid_for("checkpoint", checkpoint.date), checkpoint.date, false, 0,
                 fmt::format("Knee routine: week {} checkpoint", checkpoint.routine_week), description,
                 options.remind_all_day);
  }
  return calendar.text();
}

}  // namespace kneeplan
