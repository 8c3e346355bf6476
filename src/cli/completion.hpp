#pragma once
// Shell completion scripts written from the command tree (see introspect.hpp).
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "introspect.hpp"

namespace kneeplan::cli {

inline constexpr std::array<std::string_view, 3> kShells{"bash", "zsh", "fish"};

// The script for `shell` (one of kShells). Exercise ids are offered where a
// value is an exercise (kExerciseType); the script holds them as they were
// when it was written.
std::string completion_script(std::string_view shell, const CommandSpec& root,
                              const std::vector<std::string>& exercise_ids);

}  // namespace kneeplan::cli
