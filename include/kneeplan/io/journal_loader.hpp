#pragma once
// Reading a kneeplan.journal/1 file (what `journal export` writes).
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/core/journal.hpp"

namespace kneeplan {

// Parses and checks a journal export: its fields, then check_entry() for
// each entry against `catalogue` and `today`, and one entry per date. Throws
// DataError naming `file` with every problem at its JSON pointer.
std::vector<JournalEntry> parse_journal(std::string_view text, const std::string& file, const Catalogue& catalogue,
                                        std::chrono::sys_days today);

}  // namespace kneeplan
