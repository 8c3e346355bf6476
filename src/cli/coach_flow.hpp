#pragma once
// The journal as plan, export, check and today read it: read-only, never
// created. With one, the profile takes the journal's facts and the plan the
// coach's decisions (see core/coach.hpp).
#include <chrono>
#include <optional>
#include <vector>

#include "app.hpp"
#include "kneeplan/core/coach.hpp"
#include "profile_options.hpp"

namespace kneeplan::cli {

// The journal --journal names (which must exist unless `may_be_new`: log
// creates it), else the default one when there is one; nullopt without a
// journal. Read as JournalHistory (JournalStore::history()): from `from` on,
// whole from `whole_from` on.
std::optional<JournalHistory> read_journal(const GlobalOptions& global, std::chrono::sys_days from,
                                           std::chrono::sys_days whole_from, bool may_be_new = false);

// How a command reads the journal: whether --journal may name one not yet
// started (session starts it, as log does), and from which day it shows
// entries whole (progress: its weeks; unset: today's, as today and session
// show it).
struct JournalNeeds {
  bool may_be_new = false;
  std::optional<std::chrono::sys_days> whole_from;
};

// The profile as of `today`: the profile file, then the journal's facts, then the flags.
struct CoachedProfile {
  Profile profile;
  std::optional<JournalHistory> journal;
  JournalFacts facts;
};
CoachedProfile resolve_coached(const GlobalOptions& global, const ProfileOptions& options, const Guidelines& guidelines,
                               std::chrono::sys_days today, const JournalNeeds& needs = {});

// Screens, gates and builds the plan with the coach's decisions. A UsageError
// for --maintenance without a journal; nullopt (the findings and what to do
// next on stderr) when the screen withholds the plan.
struct CoachedPlan {
  Catalogue catalogue;  // the plan's, for the views that print exercise cards
  Plan plan;
  std::optional<JournalHistory> journal;
};
std::optional<CoachedPlan> coached_plan(const GlobalOptions& global, const ProfileOptions& profile_options,
                                        const PlanOptions& options, bool maintenance, const JournalNeeds& needs = {});

// The coached plan whatever the screen says, for the doses `log` records
// as planned (a red flag logged must not stop a log).
Plan plan_without_gate(const GlobalOptions& global, const Catalogue& catalogue, const ProfileOptions& profile_options,
                       const PlanOptions& options);

}  // namespace kneeplan::cli
