#pragma once
// The coach: how the plan follows the journal. Pure rules over plain journal
// entries (the CLI reads them from the store), with every number in the
// guidelines' `coach` table. Each change comes back as a Decision saying why,
// the dates it rests on and its source.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/core/guidelines.hpp"
#include "kneeplan/core/journal.hpp"
#include "kneeplan/core/plan.hpp"
#include "kneeplan/core/safety.hpp"

namespace kneeplan {

// What the journal says about the person, for the screen. The CLI sets these
// on the profile after the profile file and before the flags, so the one
// screen decides (the 4-week checkpoint, red flags) and flags still win.
struct JournalFacts {
  std::optional<int> weeks_done;      // whole weeks since the first session of the current run
  std::optional<int> pain;            // the worst score in the last week of logged sessions
  std::vector<std::string> symptoms;  // red flags logged and not yet marked gone
  std::vector<Decision> decisions;

  friend bool operator==(const JournalFacts&, const JournalFacts&) = default;
};

// How far back the coach reads each exercise's log and the weekly pain: an
// exercise not done for this long starts again at the plan's dose and rung
// (strength fades in weeks without it), and a strictly rising weekly worst
// on a 0-10 scale spans at most 11 weeks.
inline constexpr int kCoachLogWeeks = 12;

// The first day whose entries the coach reads whole as of `today`: each
// exercise's log, the weekly pain, the pain now and the maintenance weeks
// all lie on or after it. Before it, only the days with a session (the run of
// weeks) and the symptoms count.
std::chrono::sys_days coach_reads_from(std::chrono::sys_days today, const Guidelines& guidelines);

// Entries after `today` are ignored. A run of sessions (days with an
// exercise done) ends at a gap of coach.restart_gap_days or more, and the
// count of weeks starts again.
JournalFacts journal_facts(const JournalHistory& journal, std::chrono::sys_days today, const Guidelines& guidelines);

// Sets the facts on `profile`: weeks done and pain replace the profile's,
// symptoms join its own.
void apply_journal_facts(Profile& profile, const JournalFacts& facts);

// One strength exercise's dose on one side, from the log.
struct Dose {
  std::string exercise;  // the plan's exercise
  Side side = Side::both;
  int sets = 1;
  std::string rung;  // the rung of its ladder to do instead; empty: the plan's

  friend bool operator==(const Dose&, const Dose&) = default;
};

struct Coaching {
  std::vector<Decision> decisions;
  std::vector<Finding> findings;  // a caution when the worst weekly pain keeps rising
  std::vector<Dose> doses;
  bool maintenance_offered = false;  // pain-free, well-kept weeks: a lighter week may be chosen
  bool maintenance = false;          // ... and it was asked for: the plan gets it

  friend bool operator==(const Coaching&, const Coaching&) = default;
};

// The coach's decisions for `plan` (built from `catalogue` and the profile
// that journal_facts() fed): the rung of each ladder the log has reached, set
// counts per side and rung moves from the pain-monitoring model and the
// 2-for-2 rule, a hold when pain rises from week to week, and the lighter
// maintenance week.
Coaching coach(const JournalHistory& journal, std::chrono::sys_days today, const Plan& plan,
               const Catalogue& catalogue, const Guidelines& guidelines, bool maintenance_asked);

// Puts the coaching into the plan: the doses (an item whose sides differ is
// split per side; a new rung takes the item's place, and the plan lists it
// with its neighbours), the maintenance week, the findings and the decisions.
void apply_coaching(Plan& plan, const Coaching& coaching, const Catalogue& catalogue, const Guidelines& guidelines);

// How decisions name a journal date: "11-23" within the year up to `today`,
// where a month and day are unambiguous, else the whole date ("2024-11-23").
std::string journal_date(std::chrono::sys_days day, std::chrono::sys_days today);

}  // namespace kneeplan
