#include "kneeplan/core/coach.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "kneeplan/core/dates.hpp"
#include "kneeplan/core/planner.hpp"
#include "kneeplan/core/text.hpp"

namespace kneeplan {

namespace {

using std::chrono::days;
using std::chrono::sys_days;

bool is_session(const JournalEntry& entry) { return !entry.done.empty(); }

std::optional<int> worst_of(const JournalEntry& entry) {
  const auto left = entry.worst_pain(Knee::left);
  const auto right = entry.worst_pain(Knee::right);
  if (left && right) return std::max(*left, *right);
  return left ? left : right;
}

std::optional<int> worst_at(const JournalEntry& entry, Moment moment) {
  const KneePain& pain = entry.pain_at(moment);
  if (pain.left && pain.right) return std::max(*pain.left, *pain.right);
  return pain.left ? pain.left : pain.right;
}

std::string dates_text(const std::vector<sys_days>& dates) {
  std::vector<std::string> parts;
  for (const auto day : dates) parts.push_back(month_day(day));
  return join(parts, " and ");
}

// The journal up to `today`, oldest first, and where its current run of sessions starts.
struct Run {
  std::vector<const JournalEntry*> entries;  // of the run, sessions or not
  std::optional<sys_days> start;             // the run's first session; unset: no run
  std::optional<sys_days> gap_from;          // the last session before a gap that restarted the count
  std::optional<sys_days> last_session;
  bool lapsed = false;  // no session from the last one to today for a whole gap
};

// `through` is the last day read: today for facts about the person, the day
// before for doses (a session logged today does not change today's plan).
Run current_run(const std::vector<JournalEntry>& entries, sys_days today, sys_days through, const CoachRules& rules) {
  std::vector<const JournalEntry*> sorted;
  for (const auto& entry : entries) {
    if (entry.date <= through) sorted.push_back(&entry);
  }
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->date < b->date; });
  Run run;
  for (const JournalEntry* entry : sorted) {
    if (!is_session(*entry)) continue;
    if (!run.start) {
      run.start = entry->date;
    } else if ((entry->date - *run.last_session).count() >= rules.restart_gap_days) {
      run.gap_from = run.last_session;
      run.start = entry->date;
    }
    run.last_session = entry->date;
  }
  if (run.last_session && (today - *run.last_session).count() >= rules.restart_gap_days) run.lapsed = true;
  if (run.start && !run.lapsed) {
    for (const JournalEntry* entry : sorted) {
      if (entry->date >= *run.start) run.entries.push_back(entry);
    }
  }
  return run;
}

// Why a session's response was not acceptable; empty when it was (or when
// nothing says otherwise: a score not recorded counts as no problem).
std::string unacceptable(const JournalEntry& entry, const CoachRules& rules) {
  if (const auto during = worst_at(entry, Moment::during); during && *during > rules.pain_during_at_most) {
    return fmt::format("pain {} during on {}", *during, month_day(entry.date));
  }
  for (const Knee knee : {Knee::left, Knee::right}) {
    const auto next = entry.pain_at(Moment::next_day).of(knee);
    const int before = entry.pain_at(Moment::before).of(knee).value_or(0);
    if (next && *next > before) {
      return fmt::format("{} knee pain {} the morning after {}, above the {} before", name_of(knee), *next,
                         month_day(entry.date), before);
    }
  }
  return {};
}

// A strength exercise's logged sessions on one side, oldest first; a session
// that skipped it has no record.
struct Logged {
  const JournalEntry* entry;
  const ExerciseDone* record;  // null: skipped that day
};

std::vector<Logged> logged(const Run& run, const std::string& exercise, Side side) {
  std::vector<Logged> out;
  for (const JournalEntry* entry : run.entries) {
    const auto done = std::find_if(entry->done.begin(), entry->done.end(), [&](const ExerciseDone& d) {
      return d.exercise == exercise && d.side == side && d.measure == Measure::reps;
    });
    if (done != entry->done.end()) {
      out.push_back({entry, &*done});
    } else if (std::any_of(entry->skipped.begin(), entry->skipped.end(),
                           [&](const ExerciseSkipped& s) { return s.exercise == exercise; })) {
      out.push_back({entry, nullptr});
    }
  }
  return out;
}

// The worst score of each Monday-to-Sunday week of the run that has one, oldest first.
std::vector<std::pair<sys_days, int>> weekly_worst(const Run& run) {
  std::map<sys_days, int> worst;
  for (const JournalEntry* entry : run.entries) {
    if (const auto pain = worst_of(*entry)) {
      const sys_days monday = monday_of(entry->date);
      const auto found = worst.find(monday);
      worst[monday] = found == worst.end() ? *pain : std::max(found->second, *pain);
    }
  }
  return {worst.begin(), worst.end()};
}

std::string side_suffix(Side side) { return side == Side::both ? "" : fmt::format(", {}", name_of(side)); }

std::string sets_text(int sets) { return fmt::format("{} set{}", sets, sets == 1 ? "" : "s"); }

// Why a week does not count towards maintenance; empty when it does.
std::string maintenance_miss(const std::vector<JournalEntry>& entries, sys_days monday, const CoachRules& rules) {
  int sessions = 0;
  std::optional<int> worst;
  sys_days worst_day{};
  for (const auto& entry : entries) {
    if (entry.date < monday || entry.date > monday + days{6}) continue;
    if (is_session(entry)) ++sessions;
    if (const auto pain = worst_of(entry); pain && (!worst || *pain > *worst)) {
      worst = pain;
      worst_day = entry.date;
    }
  }
  const std::string week = fmt::format("the week from {}", month_day(monday));
  if (sessions < rules.maintenance_sessions_a_week) {
    return fmt::format("{} has {} session{}, fewer than {}", week, sessions, sessions == 1 ? "" : "s",
                       rules.maintenance_sessions_a_week);
  }
  if (!worst) return week + " has no pain score";
  if (*worst > 0) return fmt::format("{} has pain {} on {}", week, *worst, month_day(worst_day));
  return {};
}

}  // namespace

std::string month_day(sys_days day) { return format_date(day).substr(5); }

JournalFacts journal_facts(const std::vector<JournalEntry>& entries, sys_days today, const Guidelines& guidelines) {
  const CoachRules& rules = guidelines.coach;
  JournalFacts facts;
  const Run run = current_run(entries, today, today, rules);
  if (run.lapsed) {
    facts.weeks_done = 0;
    facts.decisions.push_back(
        {fmt::format("no session since {}, {} days or more: the routine starts again from week 1",
                     month_day(*run.last_session), rules.restart_gap_days),
         {*run.last_session},
         rules.restart_source});
  } else if (run.start) {
    facts.weeks_done = static_cast<int>((today - *run.start).count() / 7);
    std::string text = fmt::format("{} week{} done since the first session, on {}", *facts.weeks_done,
                                   *facts.weeks_done == 1 ? "" : "s", month_day(*run.start));
    std::vector<sys_days> dates{*run.start};
    if (run.gap_from) {
      text = fmt::format("no session from {} to {} ({} days or more): the count starts again; ", month_day(*run.gap_from),
                         month_day(*run.start), rules.restart_gap_days) +
             text;
      dates.insert(dates.begin(), *run.gap_from);
    }
    facts.decisions.push_back({text, dates, rules.restart_source});

    // The worst score of the last week of logged sessions is the pain now.
    std::optional<int> worst;
    sys_days worst_day{};
    const sys_days from = *run.last_session - days{6};
    for (const JournalEntry* entry : run.entries) {
      if (entry->date < from) continue;
      if (const auto pain = worst_of(*entry); pain && (!worst || *pain > *worst)) {
        worst = pain;
        worst_day = entry->date;
      }
    }
    if (worst) {
      facts.pain = worst;
      facts.decisions.push_back(
          {fmt::format("knee pain now: {}, the worst in the last week of sessions ({} to {}), on {}", *worst,
                       month_day(from), month_day(*run.last_session), month_day(worst_day)),
           {worst_day},
           guidelines.checkpoint_source});
    }
  }

  // A red flag counts until an entry records it gone.
  for (const auto& entry : entries) {
    if (entry.date > today) continue;
    for (const auto& symptom : entry.symptoms) {
      if (symptom.gone && *symptom.gone <= today) continue;
      if (std::find(facts.symptoms.begin(), facts.symptoms.end(), symptom.name) != facts.symptoms.end()) continue;
      facts.symptoms.push_back(symptom.name);
      facts.decisions.push_back({fmt::format("{} logged on {} and not yet marked gone: it counts as a symptom you "
                                             "have now",
                                             symptom.name, month_day(entry.date)),
                                 {entry.date},
                                 "kneeplan: a red flag stands until the journal records it gone"});
    }
  }
  return facts;
}

void apply_journal_facts(Profile& profile, const JournalFacts& facts) {
  if (facts.weeks_done) profile.weeks_done = *facts.weeks_done;
  if (facts.pain) profile.pain = *facts.pain;
  for (const auto& symptom : facts.symptoms) {
    if (!profile.has_symptom(symptom)) profile.symptoms.push_back(symptom);
  }
}

Coaching coach(const std::vector<JournalEntry>& entries, sys_days today, const Plan& plan,
               const Guidelines& guidelines, bool maintenance_asked) {
  const CoachRules& rules = guidelines.coach;
  Coaching coaching;
  const Run run = current_run(entries, today, today - days{1}, rules);
  const PlanLimits limits = limits_of(plan.warnings);
  const LevelRules& table = limits.youth ? guidelines.youth : guidelines.for_level(plan.profile.level);

  // Pain must not rise from week to week: one rise holds every dose; rising
  // for coach.rising_weeks weeks in a row also asks for a clinician.
  bool hold_all = false;
  const auto weeks = weekly_worst(run);
  int rises = 0;
  for (std::size_t i = weeks.size(); i >= 2; --i) {
    const auto& [monday, worst] = weeks[i - 1];
    const auto& [earlier, before] = weeks[i - 2];
    if (monday - earlier != days{7} || worst <= before) break;
    ++rises;
  }
  if (rises > 0) {
    hold_all = true;
    std::vector<std::string> worsts;
    std::vector<sys_days> mondays;
    for (std::size_t i = weeks.size() - static_cast<std::size_t>(rises) - 1; i < weeks.size(); ++i) {
      worsts.push_back(std::to_string(weeks[i].second));
      mondays.push_back(weeks[i].first);
    }
    coaching.decisions.push_back({fmt::format("worst weekly pain rose ({}, weeks from {}): every dose holds",
                                              join(worsts, ", then "), dates_text(mondays)),
                                  mondays,
                                  rules.rising_source});
    if (rises >= rules.rising_weeks) {
      coaching.findings.push_back(
          {"pain-rising", Severity::caution,
           fmt::format("Your worst knee pain has risen {} weeks in a row ({}). The plan holds every dose; if it goes "
                       "on rising, see a clinician before you carry on.",
                       rises, join(worsts, ", then ")),
           rules.rising_source});
    }
  }

  // A finding that asks to go easy keeps strength at the fewest sets (the
  // planner's doing); the log cannot move it on meanwhile.
  if (limits.hold_progression) {
    const auto held = std::find_if(plan.warnings.begin(), plan.warnings.end(),
                                   [](const Finding& f) { return f.hold_progression; });
    coaching.decisions.push_back({fmt::format("strength stays at the fewest sets while the {} finding applies "
                                              "(knee pain {} now)",
                                              held->id, plan.profile.pain),
                                  {},
                                  held->source});
  }

  // Set counts per strength exercise and side, from its last sessions.
  if (!limits.hold_progression && !plan.weeks.empty()) {
    std::vector<std::pair<const Item*, Side>> seen;
    for (const auto& day : plan.weeks.front().days) {
      for (const auto& item : day.items) {
        if (item.category != Category::strength) continue;
        for (const Side side : item.sides) {
          const bool known = std::any_of(seen.begin(), seen.end(), [&](const auto& s) {
            return s.first->exercise == item.exercise && s.second == side;
          });
          if (!known) seen.emplace_back(&item, side);
        }
      }
    }
    for (const auto& [item, side] : seen) {
      const auto log = logged(run, item->exercise, side);
      if (log.empty() || !log.back().record) continue;  // never done, or skipped last: the plan's dose
      const int logged_sets = log.back().record->sets;
      const int base = std::clamp(logged_sets, table.sets.min, table.sets.max);
      const std::string who = item->name + side_suffix(side);
      int sets = base;
      const auto tail = [&](int n) {
        return log.size() >= static_cast<std::size_t>(n) ? std::vector<Logged>(log.end() - n, log.end())
                                                         : std::vector<Logged>{};
      };
      std::vector<std::string> reasons;
      std::vector<sys_days> dates;
      const auto bad = tail(rules.bad_sessions_to_step_down);
      const bool step_down = !bad.empty() && std::all_of(bad.begin(), bad.end(), [&](const Logged& l) {
        return l.record && !unacceptable(*l.entry, rules).empty();
      });
      const std::string last_problem = unacceptable(*log.back().entry, rules);
      if (step_down) {
        for (const auto& l : bad) {
          reasons.push_back(unacceptable(*l.entry, rules));
          dates.push_back(l.entry->date);
        }
        sets = std::max(table.sets.min, base - 1);
        const std::string outcome =
            sets < base ? fmt::format("one set fewer ({})", sets_text(sets))
                        : fmt::format("already at the fewest sets, stays at {}", sets_text(sets));
        coaching.decisions.push_back(
            {fmt::format("{}: {}: {}", who, join(reasons, "; "), outcome), dates, rules.regression_source});
      } else if (!last_problem.empty()) {
        coaching.decisions.push_back({fmt::format("{}: {}: stays at {}", who, last_problem, sets_text(sets)),
                                      {log.back().entry->date},
                                      rules.pain_source});
      } else if (!hold_all) {
        const auto row = tail(rules.sessions_in_a_row);
        const int target = item->reps.max + rules.reps_over_range;
        const bool two_for_two = !row.empty() && std::all_of(row.begin(), row.end(), [&](const Logged& l) {
          return l.record && l.record->amount >= target && unacceptable(*l.entry, rules).empty();
        });
        if (two_for_two) {
          for (const auto& l : row) dates.push_back(l.entry->date);
          const std::string over = fmt::format("{} reps over the range in the last set on {}", rules.reps_over_range,
                                               dates_text(dates));
          if (base < table.sets.max) {
            sets = base + 1;
            coaching.decisions.push_back(
                {fmt::format("{}: {}: next set count ({})", who, over, sets_text(sets)), dates,
                 rules.progression_source});
          } else {
            coaching.decisions.push_back(
                {fmt::format("{}: {}: already at the top set count ({})", who, over, sets_text(sets)), dates,
                 rules.progression_source});
          }
        }
      }
      coaching.doses.push_back({item->exercise, side, sets});
    }
  }

  // A lighter week once pain has gone and sessions were kept.
  const sys_days this_monday = monday_of(today);
  std::string miss;
  std::vector<sys_days> mondays;
  for (int i = rules.maintenance_pain_free_weeks; i >= 1; --i) {
    const sys_days monday = this_monday - days{7 * i};
    mondays.push_back(monday);
    if (miss.empty()) miss = maintenance_miss(entries, monday, rules);
  }
  coaching.maintenance_offered = miss.empty() && !hold_all;
  if (coaching.maintenance_offered) {
    coaching.maintenance = maintenance_asked;
    const std::string why =
        fmt::format("{} weeks in a row with pain 0 and at least {} sessions each (from {})",
                    rules.maintenance_pain_free_weeks, rules.maintenance_sessions_a_week, month_day(mondays.front()));
    coaching.decisions.push_back(
        {maintenance_asked ? why + ": the lighter maintenance week applies"
                           : why + ": you may ease to a lighter week with --maintenance",
         mondays, rules.maintenance_source});
  } else if (maintenance_asked) {
    coaching.decisions.push_back(
        {fmt::format("--maintenance not applied: {}; the full week stays", miss.empty() ? "pain is rising" : miss),
         mondays, rules.maintenance_source});
  }
  return coaching;
}

void apply_coaching(Plan& plan, const Coaching& coaching, const Guidelines& guidelines) {
  const auto dose_of = [&](const std::string& exercise, Side side) -> std::optional<int> {
    for (const auto& dose : coaching.doses) {
      if (dose.exercise == exercise && dose.side == side) return dose.sets;
    }
    return std::nullopt;
  };
  const std::string& pattern = guidelines.coach.maintenance_pattern;
  for (auto& week : plan.weeks) {
    std::size_t training_day = 0;
    for (auto& day : week.days) {
      if (day.rest) continue;
      const char letter = coaching.maintenance && !pattern.empty() ? pattern[training_day % pattern.size()] : 'F';
      ++training_day;
      std::vector<Item> items;
      for (const auto& item : day.items) {
        if (item.category == Category::strength && letter != 'F') continue;
        if (item.category != Category::strength) {
          items.push_back(item);
          continue;
        }
        // Sides with different set counts become one item per side.
        std::vector<std::pair<int, std::vector<Side>>> by_sets;
        for (const Side side : item.sides) {
          const int sets = dose_of(item.exercise, side).value_or(item.sets);
          const auto same = std::find_if(by_sets.begin(), by_sets.end(), [&](const auto& b) { return b.first == sets; });
          if (same == by_sets.end()) {
            by_sets.push_back({sets, {side}});
          } else {
            same->second.push_back(side);
          }
        }
        for (const auto& [sets, sides] : by_sets) {
          Item copy = item;
          copy.sets = sets;
          copy.sides = sides;
          items.push_back(std::move(copy));
        }
      }
      if (letter == '-') {
        day.rest = true;
        items.clear();
      }
      day.items = std::move(items);
      day.minutes = day.rest ? 0 : day_minutes(day.items, guidelines);
    }
  }
  plan.warnings.insert(plan.warnings.end(), coaching.findings.begin(), coaching.findings.end());
  std::stable_sort(plan.warnings.begin(), plan.warnings.end(),
                   [](const Finding& a, const Finding& b) { return a.severity > b.severity; });
  plan.decisions.insert(plan.decisions.end(), coaching.decisions.begin(), coaching.decisions.end());
}

}  // namespace kneeplan
