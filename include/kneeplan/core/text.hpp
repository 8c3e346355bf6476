#pragma once
#include <algorithm>
#include <cstddef>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

namespace kneeplan {

// The candidates closest to `word` by edit distance (at most `limit`, only
// reasonably close ones), for "did you mean" hints.
std::vector<std::string> closest_matches(std::string_view word, const std::vector<std::string>& candidates,
                                         std::size_t limit = 3);

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
