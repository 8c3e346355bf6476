#pragma once
// The flags that shape a calendar file (`--format ics`).
#include <chrono>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "kneeplan/render/render.hpp"

namespace kneeplan::cli {

struct CalendarFlags {
  std::string at;      // HH:MM; empty: all-day events
  std::string remind;  // minutes or "none"; empty: the default
  bool rest_events = false;

  void add_to(CLI::App& command);
  // Throws UsageError when a calendar flag is given for another format.
  void check_unused(const std::string& format) const;
  // `start`: the plan's first day, the stamp when SOURCE_DATE_EPOCH is unset.
  CalendarOptions resolve(std::chrono::sys_days start) const;
};

inline constexpr int kDefaultRemindMinutes = 15;
inline constexpr int kMaxRemindMinutes = 7 * 24 * 60;

}  // namespace kneeplan::cli
