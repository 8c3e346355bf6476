#pragma once
// The journal as bytes: the kneeplan.journal/1 export, an entry, and history.
#include <chrono>
#include <string>
#include <vector>

#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/core/journal.hpp"
#include "kneeplan/render/render.hpp"

namespace kneeplan {

inline constexpr std::string_view kHistoryFormat = "kneeplan.history/1";

// The whole journal, oldest entry first; parse_journal() reads it back.
std::string render_journal_json(const std::vector<JournalEntry>& entries);
// One entry as the export writes it.
std::string render_entry_json(const JournalEntry& entry);
// One entry for a person; exercise names come from `catalogue` when it has them.
std::string render_entry_text(const JournalEntry& entry, const Catalogue& catalogue, const Style& style);

// For log's questions: "1 x 8-12 reps, left and right"; "Sun 2026-11-22".
std::string planned_dose_text(const Item& item);
std::string day_text(std::chrono::sys_days day);

// The weeks from summarise_weeks(), newest first, each under its summary line.
std::string render_history_text(const std::vector<WeekSummary>& weeks, const Catalogue& catalogue, const Style& style);
std::string render_history_json(const std::vector<WeekSummary>& weeks);

}  // namespace kneeplan
