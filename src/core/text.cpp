#include "kneeplan/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

namespace kneeplan {

namespace {

// The edit distance of `a` and `b` when it is at most `bound`, else bound + 1.
// Only the diagonal band of width 2 x bound + 1 can hold such a distance, so
// only it is computed, and a row whose every cell is past the bound ends the
// search. `row` is scratch space, reused between calls.
std::size_t bounded_distance(std::string_view a, std::string_view b, std::size_t bound, std::vector<std::size_t>& row) {
  if (a.size() > b.size()) std::swap(a, b);
  const std::size_t past = bound + 1;
  if (b.size() - a.size() > bound) return past;
  row.assign(b.size() + 1, past);
  for (std::size_t j = 0; j <= std::min(b.size(), bound); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    const std::size_t low = i > bound ? i - bound : 1;
    const std::size_t high = std::min(b.size(), i + bound);
    std::size_t diagonal = row[low - 1];
    row[low - 1] = low == 1 ? std::min(i, past) : past;  // left of the band: too far
    std::size_t row_min = row[low - 1];
    for (std::size_t j = low; j <= high; ++j) {
      const std::size_t above = row[j];
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + cost, past});
      diagonal = above;
      row_min = std::min(row_min, row[j]);
    }
    if (high < b.size()) row[high + 1] = past;  // right of the band, for the next row
    if (row_min > bound) return past;
  }
  return row[b.size()];
}

}  // namespace

std::vector<std::string> closest_matches(std::string_view word, const std::vector<std::string>& candidates,
                                         std::size_t limit) {
  if (word.empty() || word.size() > kMaxSuggestedLength) return {};
  // Close enough to be a typo, or one contains the other ("plank" -> "side-plank").
  const std::size_t threshold = std::max<std::size_t>(2, word.size() / 3);
  std::vector<std::pair<std::size_t, const std::string*>> scored;
  std::vector<std::size_t> row;
  for (const auto& candidate : candidates) {
    if (candidate.size() > 4 * kMaxSuggestedLength) continue;
    std::size_t distance = threshold + 1;
    if (candidate.find(word) != std::string::npos) {
      distance = 1;
    } else {
      distance = bounded_distance(word, candidate, threshold, row);
    }
    if (distance <= threshold) scored.emplace_back(distance, &candidate);
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && i < limit; ++i) out.push_back(*scored[i].second);
  return out;
}

std::string replace_all(std::string text, std::string_view placeholder, std::string_view value) {
  if (placeholder.empty()) return text;
  for (auto at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + value.size())) {
    text.replace(at, placeholder.size(), value);
  }
  return text;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

std::size_t utf8_sequence(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // beyond U+10FFFF
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    const unsigned char next = byte(at + k);
    if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF)) return 0;
  }
  return length;
}

char32_t code_point(std::string_view text, std::size_t at, std::size_t length) {
  const auto lead = static_cast<unsigned char>(text[at]);
  char32_t point = length == 1 ? lead : lead & (0xFFu >> (length + 1));
  for (std::size_t k = 1; k < length; ++k) point = (point << 6) | (static_cast<unsigned char>(text[at + k]) & 0x3Fu);
  return point;
}

bool invisible(char32_t point) {
  return point < 0x20 || (point >= 0x7F && point <= 0x9F) || (point >= 0x2028 && point <= 0x202E) ||
         (point >= 0x2066 && point <= 0x2069);
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t length = utf8_sequence(text, i);
    if (length == 0) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    const char32_t point = code_point(text, i, length);
    if (!invisible(point)) {
      out.append(text.substr(i, length));
    } else if (point == '\n') {
      out += "\\n";
    } else if (point == '\t') {
      out += "\\t";
    } else if (point == '\r') {
      out += "\\r";
    } else {
      out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(point));
    }
    i += length;
  }
  return out;
}

std::string shortened(std::string_view text, std::size_t limit) {
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    // Count lead bytes, so a cut never splits a character.
    if ((static_cast<unsigned char>(text[i]) & 0xC0u) == 0x80u) continue;
    if (characters++ == limit) return std::string(text.substr(0, i)) + "…";
  }
  return std::string(text);
}

}  // namespace kneeplan
