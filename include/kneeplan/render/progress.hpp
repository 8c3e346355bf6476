#pragma once
// `progress`: the summary from core/progress for a terminal, as JSON
// (kneeplan.progress/1) and as an SVG chart.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/core/plan.hpp"
#include "kneeplan/core/progress.hpp"
#include "kneeplan/render/render.hpp"

namespace kneeplan {

inline constexpr std::string_view kProgressFormat = "kneeplan.progress/1";

struct ProgressView {
  const Progress* progress = nullptr;
  const Catalogue* catalogue = nullptr;  // for exercise names; ids without it
  // What the coach decides for the plan starting today; empty when the
  // screen withholds the plan (plan_withheld) or there is nothing to change.
  std::vector<Decision> next;
  bool plan_withheld = false;
};

// Block characters ▁▂▃▄▅▆▇█ when `unicode`, else "_.-=#"; a space for a
// missing value. Each value is placed between `low` and `high`.
std::string sparkline(const std::vector<std::optional<int>>& values, int low, int high, bool unicode);

std::string render_progress_text(const ProgressView& view, const Style& style, bool unicode);
std::string render_progress_json(const ProgressView& view);
// A self-contained SVG: sessions done / planned as bars and the worst pain
// per knee as lines, week by week, with the streak and the next decisions.
std::string render_progress_svg(const ProgressView& view);

}  // namespace kneeplan
