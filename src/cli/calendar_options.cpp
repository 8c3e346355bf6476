#include "calendar_options.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdlib>

#include "app.hpp"

namespace kneeplan::cli {

namespace {

// All of `text` as a whole number in [0, max]; nullopt otherwise.
std::optional<long long> whole_number(std::string_view text, long long max) {
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 0 || value > max) {
    return std::nullopt;
  }
  return value;
}

// "07:30" -> 450: minutes after midnight.
std::optional<int> minute_of_day(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  const auto hours = whole_number(text.substr(0, 2), 23);
  const auto minutes = whole_number(text.substr(3, 2), 59);
  if (!hours || !minutes) return std::nullopt;
  return static_cast<int>(*hours * 60 + *minutes);
}

// The latest moment a DTSTAMP can hold: 9999-12-31T23:59:59Z.
constexpr long long kLastSecond = 253402300799;

}  // namespace

void CalendarFlags::add_to(CLI::App& command) {
  command.add_option("--at", at, "With --format ics: sessions start at this local time (default: all-day events)")
      ->check(CLI::Validator(
          [](std::string& value) {
            return minute_of_day(value) ? std::string() : "expected a time of day as HH:MM (00:00-23:59), found " + value;
          },
          ""))
      ->type_name("HH:MM");
  command
      .add_option("--remind", remind,
                  fmt::format("With --format ics: a reminder MIN minutes before each session, or none (default: {} "
                              "with --at, none for all-day events)",
                              kDefaultRemindMinutes))
      ->check(CLI::Validator(
          [](std::string& value) {
            if (value == "none" || whole_number(value, kMaxRemindMinutes)) return std::string();
            return fmt::format("expected minutes from 0 to {}, or none, found {}", kMaxRemindMinutes, value);
          },
          ""))
      ->type_name("MIN|none");
  command.add_flag("--rest-events", rest_events, "With --format ics: an all-day \"Rest day\" event on each rest day");
}

void CalendarFlags::check_unused(const std::string& format) const {
  const char* flag = !at.empty() ? "--at" : !remind.empty() ? "--remind" : rest_events ? "--rest-events" : nullptr;
  if (flag) {
    throw UsageError(fmt::format("{} applies to calendar files only; add --format ics (or -o FILE.ics), or leave {} out "
                                 "for --format {}",
                                 flag, flag, format));
  }
}

CalendarOptions CalendarFlags::resolve(std::chrono::sys_days start) const {
  CalendarOptions options;
  if (!at.empty()) options.start_minute = minute_of_day(at);
  if (remind.empty()) {
    if (options.start_minute) options.remind_minutes = kDefaultRemindMinutes;
  } else if (remind != "none") {
    options.remind_minutes = static_cast<int>(*whole_number(remind, kMaxRemindMinutes));
    options.remind_all_day = true;
  }
  options.rest_events = rest_events;

  // Reproducible output: the stamp is the plan's first day unless the
  // environment fixes it (https://reproducible-builds.org/specs/source-date-epoch/).
  options.stamp = static_cast<std::int64_t>(start.time_since_epoch().count()) * 24 * 60 * 60;
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    const auto seconds = whole_number(epoch, kLastSecond);
    if (!seconds) {
      throw UsageError(fmt::format("SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01 UTC, up to {}, found "
                                   "\"{}\"; fix or unset it",
                                   kLastSecond, epoch));
    }
    options.stamp = *seconds;
  }
  return options;
}

}  // namespace kneeplan::cli
