#pragma once
// `today`: one day's session on one screen.
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "kneeplan/core/journal.hpp"
#include "kneeplan/core/plan.hpp"
#include "kneeplan/render/render.hpp"

namespace kneeplan {

inline constexpr std::string_view kTodayFormat = "kneeplan.today/1";

struct TodayView {
  const Day* day = nullptr;              // the plan's day for the date asked about
  const Day* next = nullptr;             // when that is a rest day: the next training day, if any
  const JournalEntry* logged = nullptr;  // the journal's entry for the day, if any
  const Plan* plan = nullptr;            // for its findings and the journal's decisions
};

std::string render_today_text(const TodayView& view, const Style& style);
std::string render_today_json(const TodayView& view);

}  // namespace kneeplan
