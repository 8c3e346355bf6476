#pragma once
// Private to the renderers: the wording and layout they share.
#include <string>
#include <string_view>
#include <vector>

#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/core/plan.hpp"
#include "kneeplan/render/render.hpp"

namespace kneeplan::detail {

// "2 x 8-12 reps", "hold 120-150 s", "3 lines x 60 s".
std::string dose_text(Category category, int sets, Range reps, Range hold_seconds, const std::vector<Pass>& passes);
std::string dose_text(const Exercise& exercise);
std::string dose_text(const Item& item);
std::string range_text(Range range);
// "60 s" between sets, or empty for a single set (no rest to take).
std::string rest_text(const Item& item);
std::string sides_text(const std::vector<Side>& sides);
std::string equipment_text(const std::vector<std::string>& equipment);  // "none" when empty
std::string profile_summary(const Profile& profile);
// "Mon 2026-11-23"
std::string day_label(std::chrono::sys_days day);
std::string capitalised(std::string_view word);

// Word-wraps `text` to `width` columns, for a first line already indented by
// `indent` columns; the lines after it start with `indent` spaces.
std::string wrap(std::string_view text, std::size_t width, std::size_t indent);

enum class Tone { heading, dim, info, caution, alert };
// Wraps `text` in the tone's ANSI colour when colour is on.
std::string paint(std::string_view text, Tone tone, const Style& style);
Tone tone_of(Severity severity);

}  // namespace kneeplan::detail
