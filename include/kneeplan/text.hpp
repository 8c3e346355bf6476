#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kneeplan {

// The candidates closest to `word` by edit distance (at most `limit`, only
// reasonably close ones), for "did you mean" hints.
std::vector<std::string> closest_matches(std::string_view word, const std::vector<std::string>& candidates,
                                         std::size_t limit = 3);

// Joins with ", ".
std::string join(const std::vector<std::string>& parts, std::string_view separator = ", ");

}  // namespace kneeplan
