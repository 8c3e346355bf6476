#pragma once
// Questions asked on the terminal: the question on stderr, the answer from stdin.
#include <optional>
#include <string>
#include <string_view>

namespace kneeplan::cli {

// The answer without its line end and surrounding spaces; nullopt at the end of input.
std::optional<std::string> ask(std::string_view question);

// A yes/no question; Enter gives `preset`, the end of input gives no.
bool confirm(std::string_view question, bool preset);

}  // namespace kneeplan::cli
