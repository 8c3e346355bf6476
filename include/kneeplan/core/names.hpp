#pragma once
// One table of names per enum, so files, flags and output spell values alike.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kneeplan {

// Specialised next to each enum: `static constexpr std::array<std::string_view, N> names`,
// in the enum's declaration order.
template <class Enum>
struct EnumNames;

template <class Enum>
constexpr std::string_view name_of(Enum value) {
  return EnumNames<Enum>::names[static_cast<std::size_t>(value)];
}

template <class Enum>
constexpr std::optional<Enum> parse_name(std::string_view text) {
  const auto& names = EnumNames<Enum>::names;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == text) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

// "a", "b" or "c": for messages that list the accepted values.
template <std::size_t N>
std::string quoted_list(const std::array<std::string_view, N>& words) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) {
    if (i > 0) out += (i + 1 == N) ? " or " : ", ";
    out += '"';
    out += words[i];
    out += '"';
  }
  return out;
}

}  // namespace kneeplan
