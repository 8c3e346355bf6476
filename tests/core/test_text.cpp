#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
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

namespace {
// The edit distance, computed in full: the reference for closest_matches.
std::size_t full_distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0u : 1u)});
    }
  }
  return d[a.size()][b.size()];
}
}  // namespace

TEST_CASE("text: closest_matches agrees with the full edit distance", "[text]") {
  // Words over a small alphabet, so that many are near one another.
  std::vector<std::string> words;
  std::uint32_t seed = 7;
  const auto next = [&] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7fffu;
  };
  for (int i = 0; i < 300; ++i) {
    std::string word;
    for (std::uint32_t n = 1 + next() % 14; n > 0; --n) word += static_cast<char>('a' + next() % 4);
    words.push_back(word);
  }
  for (std::size_t w = 0; w < 60; ++w) {
    const std::string& word = words[w];
    INFO("word " << word);
    const std::size_t threshold = std::max<std::size_t>(2, word.size() / 3);
    std::vector<std::pair<std::size_t, std::string>> expected;
    for (const auto& candidate : words) {
      const std::size_t distance = candidate.find(word) != std::string::npos ? 1 : full_distance(word, candidate);
      if (distance <= threshold) expected.emplace_back(distance, candidate);
    }
    std::stable_sort(expected.begin(), expected.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> best;
    for (std::size_t i = 0; i < expected.size() && i < 5; ++i) best.push_back(expected[i].second);
    CHECK(closest_matches(word, words, 5) == best);
  }
}

TEST_CASE("text: closest_matches gives no suggestion for a word too long to be a typo", "[text]") {
  const std::string long_id(kMaxSuggestedLength + 1, 'a');
  std::string near_it = long_id;
  near_it.back() = 'b';
  CHECK(closest_matches(long_id, {near_it}).empty());
  const std::string longest(kMaxSuggestedLength, 'a');
  CHECK(closest_matches(longest, {longest + "b"}) == std::vector<std::string>{longest + "b"});
}

TEST_CASE("text: printable escapes what a terminal acts on and what is not UTF-8", "[text]") {
  CHECK(printable("plain text, ünïcode ✓") == "plain text, ünïcode ✓");
  CHECK(printable(std::string("a\0b", 3)) == "a\\u0000b");
  CHECK(printable("bell\a back\b") == "bell\\u0007 back\\u0008");
  CHECK(printable("\xC2\x9B" "31m") == "\\u009b31m");                // C1 CSI
  CHECK(printable("\xC2\xA0") == "\xC2\xA0");                         // no-break space is text
  CHECK(printable("\xE2\x80\xAE" "abc") == "\\u202eabc");             // right-to-left override
  CHECK(printable("\xE2\x80\xA8") == "\\u2028");                      // line separator
  CHECK(printable("\xFF\xFE") == "\\xff\\xfe");
  CHECK(printable("\xC0\xAF") == "\\xc0\\xaf");                       // overlong "/"
  CHECK(printable("\xED\xA0\x80") == "\\xed\\xa0\\x80");              // a surrogate
  CHECK(printable("cut \xE2\x9C") == "cut \\xe2\\x9c");               // a truncated character
}

TEST_CASE("text: shortened cuts at a character, with an ellipsis", "[text]") {
  CHECK(shortened("short") == "short");
  CHECK(shortened(std::string(80, 'x')) == std::string(80, 'x'));
  CHECK(shortened(std::string(81, 'x')) == std::string(80, 'x') + "…");
  CHECK(shortened("ééé", 2) == "éé…");
  CHECK(shortened(std::string(16'000'000, 'x')).size() == 80 + std::string("…").size());
}

TEST_CASE("text: utf8_sequence measures one character or refuses it", "[text]") {
  CHECK(utf8_sequence("a", 0) == 1);
  CHECK(utf8_sequence("é", 0) == 2);
  CHECK(utf8_sequence("✓", 0) == 3);
  CHECK(utf8_sequence("\xF0\x9F\x98\x80", 0) == 4);
  CHECK(utf8_sequence("\x80", 0) == 0);
  CHECK(utf8_sequence("\xF4\x90\x80\x80", 0) == 0);  // past U+10FFFF
  CHECK(utf8_sequence("\xE2\x9C", 0) == 0);
}

TEST_CASE("text: replace_all replaces every placeholder, and none that the value brings in", "[text]") {
  CHECK(replace_all("with --weeks-done {n} --pain 0", "{n}", "4") == "with --weeks-done 4 --pain 0");
  CHECK(replace_all("{n}{n} and {n}", "{n}", "12") == "1212 and 12");
  CHECK(replace_all("{n}", "{n}", "{n}{n}") == "{n}{n}");  // no endless loop on a value holding the placeholder
  CHECK(replace_all("nothing here", "{n}", "4") == "nothing here");
  CHECK(replace_all("abc", "", "x") == "abc");
}
