#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "kneeplan/core/text.hpp"

using namespace kneeplan;

namespace {
std::vector<std::pair<std::size_t, std::size_t>> repeats_of(const std::vector<std::string>& items) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const auto repeat : repeats(items.size(), [&](std::size_t i) -> std::string_view { return items[i]; })) {
    out.emplace_back(repeat.index, repeat.first);
  }
  return out;
}
}  // namespace

TEST_CASE("text: repeats names each later copy and the first, in index order", "[text]") {
  using Pairs = std::vector<std::pair<std::size_t, std::size_t>>;
  CHECK(repeats_of({}).empty());
  CHECK(repeats_of({"a"}).empty());
  CHECK(repeats_of({"a", "b", "c"}).empty());
  CHECK(repeats_of({"b", "a", "b", "c", "a", "b"}) == Pairs{{2, 0}, {4, 1}, {5, 0}});
  // Equal prefixes are not equal strings.
  CHECK(repeats_of({"side", "side-plank", "side"}) == Pairs{{2, 0}});
}

TEST_CASE("text: closest_matches suggests near words only", "[text]") {
  const std::vector<std::string> words{"strength", "stretch", "foam_roll"};
  CHECK(closest_matches("strech", words, 1) == std::vector<std::string>{"stretch"});
  CHECK(closest_matches("yoga", words).empty());
}

TEST_CASE("text: replace_all replaces every placeholder, and none that the value brings in", "[text]") {
  CHECK(replace_all("with --weeks-done {n} --pain 0", "{n}", "4") == "with --weeks-done 4 --pain 0");
  CHECK(replace_all("{n}{n} and {n}", "{n}", "12") == "1212 and 12");
  CHECK(replace_all("{n}", "{n}", "{n}{n}") == "{n}{n}");  // no endless loop on a value holding the placeholder
  CHECK(replace_all("nothing here", "{n}", "4") == "nothing here");
  CHECK(replace_all("abc", "", "x") == "abc");
}
