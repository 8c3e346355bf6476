#include "prompt.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <iostream>

#include "output.hpp"

namespace kneeplan::cli {

std::optional<std::string> ask(std::string_view question) {
  write_stderr(for_locale(std::string(question)));
  std::fflush(stderr);
  std::string line;
  if (!std::getline(std::cin, line)) {
    write_stderr("\n");
    return std::nullopt;
  }
  const auto first = line.find_first_not_of(" \t\r");
  if (first == std::string::npos) return std::string();
  const auto last = line.find_last_not_of(" \t\r");
  return line.substr(first, last - first + 1);
}

bool confirm(std::string_view question, bool preset) {
  for (;;) {
    const auto answer = ask(fmt::format("{} [{}] ", question, preset ? "Y/n" : "y/N"));
    if (!answer) return false;
    if (answer->empty()) return preset;
    if (*answer == "y" || *answer == "Y" || *answer == "yes") return true;
    if (*answer == "n" || *answer == "N" || *answer == "no") return false;
    write_stderr("Please answer y or n.\n");
  }
}

}  // namespace kneeplan::cli
