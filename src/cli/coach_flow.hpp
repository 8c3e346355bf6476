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

// The entries of the journal --journal names (which must exist unless
// `may_be_new`: log creates it), else of the default one when there is one;
// nullopt without a journal.
std::optional<std::vector<JournalEntry>> read_journal(const GlobalOptions& global, bool may_be_new = false);

// The profile as of `today`: the profile file, then the journal's facts, then the flags.
struct CoachedProfile {
  Profile profile;
  std::optional<std::vector<JournalEntry>> entries;
  JournalFacts facts;
};
CoachedProfile resolve_coached(const GlobalOptions& global, const ProfileOptions& options, const Guidelines& guidelines,
                               std::chrono::sys_days today, bool may_be_new = false);

// Screens, gates and builds the plan with the coach's decisions. A UsageError
// for --maintenance without a journal; nullopt (the findings and what to do
// next on stderr) when the screen withholds the plan. `may_be_new`: --journal
// may name a journal not yet started (session starts it, as log does).
struct CoachedPlan {
  Catalogue catalogue;  // the plan's, for the views that print exercise cards
  Plan plan;
  std::optional<std::vector<JournalEntry>> entries;
};
std::optional<CoachedPlan> coached_plan(const GlobalOptions& global, const ProfileOptions& profile_options,
                                 const PlanOptions& options, bool maintenance, bool may_be_new = false);

// The coached plan whatever the screen says, for the doses `log` records
// as planned (a red flag logged must not stop a log).
Plan plan_without_gate(const GlobalOptions& global, const Catalogue& catalogue, const ProfileOptions& profile_options,
                       const PlanOptions& options);

}  // namespace kneeplan::cli
