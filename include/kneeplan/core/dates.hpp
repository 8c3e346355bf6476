#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "kneeplan/core/names.hpp"

namespace kneeplan {

enum class Weekday { monday, tuesday, wednesday, thursday, friday, saturday, sunday };
template <>
struct EnumNames<Weekday> {
  static constexpr std::array<std::string_view, 7> names{"monday", "tuesday", "wednesday", "thursday",
                                                         "friday", "saturday", "sunday"};
};

Weekday weekday_of(std::chrono::sys_days day);

// Strict YYYY-MM-DD that names a real calendar day; nullopt otherwise.
std::optional<std::chrono::sys_days> parse_date(std::string_view text);
std::string format_date(std::chrono::sys_days day);  // YYYY-MM-DD

}  // namespace kneeplan
