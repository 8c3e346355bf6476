#pragma once
// The coach's rules as a Markdown table (the README's copy is checked against it).
#include <string>

#include "kneeplan/core/guidelines.hpp"

namespace kneeplan {

std::string render_coach_rules_markdown(const Guidelines& guidelines);

// The maintenance week in words: "strength 2 days, stretches and rolling 3, 3 days off".
std::string maintenance_pattern_text(const std::string& pattern);

}  // namespace kneeplan
