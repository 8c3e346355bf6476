#pragma once
#include <algorithm>
#include <cstddef>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

namespace kneeplan {

// The candidates closest to `word` by edit distance (at most `limit`, only
// reasonably close ones), for "did you mean" hints. Words longer than
// kMaxSuggestedLength get none: they are not typos, and comparing them costs
// too much. Each candidate costs O(|word| x kMaxSuggestedLength) at most.
std::vector<std::string> closest_matches(std::string_view word, const std::vector<std::string>& candidates,
                                         std::size_t limit = 3);
inline constexpr std::size_t kMaxSuggestedLength = 64;

// `text` with control characters escaped (\n, \t, \u001b, \u009b …), and
// so are the invisible characters that break or reorder a line (U+2028 to
// U+202E, U+2066 to U+2069). Bytes that are not UTF-8 become \xNN. So text
// taken from input can neither split a one-line message, nor reach a terminal
// raw, nor pass on invalid UTF-8.
std::string printable(std::string_view text);

// At most `limit` characters of `text`, then "…" when it was cut: for values
// echoed in messages, so that a huge value cannot make a huge message.
std::string shortened(std::string_view text, std::size_t limit = 80);

// The length of the UTF-8 sequence that starts at byte `at` of `text`
// (1 to 4), or 0 when the bytes there are not valid UTF-8 (overlong forms,
// surrogates and code points past U+10FFFF included).
std::size_t utf8_sequence(std::string_view text, std::size_t at);

// The code point of the valid `length`-byte sequence at `at` (as measured by
// utf8_sequence()).
char32_t code_point(std::string_view text, std::size_t at, std::size_t length);

// A character that shows nothing and that a terminal or a text layout acts
// on: C0 and C1 controls, line and paragraph separators, and direction
// overrides and isolates (U+2028 to U+202E, U+2066 to U+2069).
bool invisible(char32_t point);

// `text` with every `placeholder` replaced by `value`.
std::string replace_all(std::string text, std::string_view placeholder, std::string_view value);

// Joins with ", ".
std::string join(const std::vector<std::string>& parts, std::string_view separator = ", ");

// An item equal to an earlier one: its index and the index of the first.
struct Repeat {
  std::size_t index;
  std::size_t first;
};

// The repeats among `count` items, where `item(i)` is the i-th as a
// string_view; in order of index. O(n log n), so a huge list stays cheap.
template <class Item>
std::vector<Repeat> repeats(std::size_t count, Item item) {
  std::vector<Repeat> out;
  if (count < 2) return out;
  std::vector<std::size_t> order(count);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return std::string_view(item(a)) < std::string_view(item(b)); });
  std::size_t first = order[0];
  for (std::size_t i = 1; i < count; ++i) {
    if (std::string_view(item(order[i])) == std::string_view(item(first))) {
      out.push_back({order[i], first});
    } else {
      first = order[i];
    }
  }
  std::sort(out.begin(), out.end(), [](const Repeat& a, const Repeat& b) { return a.index < b.index; });
  return out;
}

}  // namespace kneeplan
