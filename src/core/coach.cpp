#include "kneeplan/core/coach.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "kneeplan/core/dates.hpp"
#include "kneeplan/core/ladders.hpp"
#include "kneeplan/core/planner.hpp"
#include "kneeplan/core/text.hpp"

namespace kneeplan {

namespace {

using std::chrono::days;
using std::chrono::sys_days;

// From the session days, not the entry's records: within the coach's window
// an entry may hold only the records that count repetitions (JournalHistory).
bool is_session(const JournalHistory& journal, sys_days day) {
  return std::binary_search(journal.sessions.begin(), journal.sessions.end(), day);
}

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

std::string dates_text(const std::vector<sys_days>& dates, sys_days today) {
  std::vector<std::string> parts;
  for (const auto day : dates) parts.push_back(journal_date(day, today));
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
// The run's entries are those the coach reads whole (coach_reads_from()).
Run current_run(const JournalHistory& journal, sys_days today, sys_days through, const CoachRules& rules,
                const Guidelines& guidelines) {
  Run run;
  for (const sys_days day : journal.sessions) {
    if (day > through) break;
    if (!run.start) {
      run.start = day;
    } else if ((day - *run.last_session).count() >= rules.restart_gap_days) {
      run.gap_from = run.last_session;
      run.start = day;
    }
    run.last_session = day;
  }
  if (run.last_session && (today - *run.last_session).count() >= rules.restart_gap_days) run.lapsed = true;
  if (run.start && !run.lapsed) {
    const sys_days from = std::max(*run.start, coach_reads_from(today, guidelines));
    for (const JournalEntry& entry : journal.entries) {
      if (entry.date >= from && entry.date <= through) run.entries.push_back(&entry);
    }
  }
  return run;
}

// Why a session's response was not acceptable; empty when it was (or when
// nothing says otherwise: a score not recorded counts as no problem).
std::string unacceptable(const JournalEntry& entry, const CoachRules& rules, sys_days today) {
  if (const auto during = worst_at(entry, Moment::during); during && *during > rules.pain_during_at_most) {
    return fmt::format("pain {} during on {}", *during, journal_date(entry.date, today));
  }
  for (const Knee knee : {Knee::left, Knee::right}) {
    const auto next = entry.pain_at(Moment::next_day).of(knee);
    const int before = entry.pain_at(Moment::before).of(knee).value_or(0);
    if (next && *next > before) {
      return fmt::format("{} knee pain {} the morning after {}, above the {} before", name_of(knee), *next,
                         journal_date(entry.date, today), before);
    }
  }
  return {};
}

// A ladder's logged sessions on one side, oldest first: a record of any of
// its rungs, or none when the session skipped it.
struct Logged {
  const JournalEntry* entry;
  const ExerciseDone* record;  // null: skipped that day
};

std::vector<Logged> logged(const Run& run, const Ladder& ladder, Side side) {
  std::vector<Logged> out;
  for (const JournalEntry* entry : run.entries) {
    const auto done = std::find_if(entry->done.begin(), entry->done.end(), [&](const ExerciseDone& d) {
      return d.side == side && d.measure == Measure::reps && ladder.position(d.exercise) > 0;
    });
    if (done != entry->done.end()) {
      out.push_back({entry, &*done});
    } else if (std::any_of(entry->skipped.begin(), entry->skipped.end(),
                           [&](const ExerciseSkipped& s) { return ladder.position(s.exercise) > 0; })) {
      out.push_back({entry, nullptr});
    }
  }
  return out;
}

// The rung of `ladder` logged last (any side), with its date; none when the
// ladder was never logged.
std::pair<const Exercise*, sys_days> last_rung(const Run& run, const Ladder& ladder, const Ladders& ladders) {
  for (auto entry = run.entries.rbegin(); entry != run.entries.rend(); ++entry) {
    for (const ExerciseDone& d : (*entry)->done) {
      if (d.measure == Measure::reps && ladder.position(d.exercise) > 0) return {ladders.find(d.exercise), (*entry)->date};
    }
  }
  return {nullptr, {}};
}

// Why a rung the log reached is not for this person now; empty when it is.
std::string rung_kept_out(const Exercise& rung, const Ladder& ladder, const Exercise& planned, const RungLimits& limits,
                          const Profile& profile) {
  if (!equipment_fits(rung, profile)) {
    return fmt::format("it needs {}", join(missing_equipment(rung, profile), " and "));
  }
  if (rung.impact && !limits.impact_allowed()) {
    return fmt::format("impact work is left out ({})", reasons_text(limits.no_impact));
  }
  if (!limits.harder_allowed() && ladder.position(rung.id) > ladder.position(planned.id)) {
    return fmt::format("no harder rung is open ({})", reasons_text(limits.no_harder));
  }
  return {};
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

// Sides grouped by their set count, in the order the sides come: an item
// whose sides differ becomes one item per group.
using SetGroups = std::vector<std::pair<int, std::vector<Side>>>;
SetGroups group_by_sets(const std::vector<std::pair<Side, int>>& sets_per_side) {
  SetGroups groups;
  for (const auto& [side, sets] : sets_per_side) {
    const auto same = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == sets; });
    if (same == groups.end()) {
      groups.push_back({sets, {side}});
    } else {
      same->second.push_back(side);
    }
  }
  return groups;
}

// Where the time-budget decisions come from: kneeplan's own rule.
constexpr std::string_view kBudgetSource = "kneeplan: every training day fits the time budget";

// A day's items with `exercise` at `sets_per_side`, split as apply_coaching() splits it.
std::vector<Item> with_sets(const std::vector<Item>& items, const std::string& exercise,
                            const std::vector<std::pair<Side, int>>& sets_per_side) {
  const SetGroups groups = group_by_sets(sets_per_side);
  std::vector<Item> out;
  for (const auto& item : items) {
    if (item.exercise != exercise) {
      out.push_back(item);
      continue;
    }
    for (const auto& [sets, sides] : groups) {
      Item copy = item;
      copy.sets = sets;
      copy.sides = sides;
      out.push_back(std::move(copy));
    }
  }
  return out;
}

// Why a week does not count towards maintenance; empty when it does.
std::string maintenance_miss(const JournalHistory& journal, sys_days monday, const CoachRules& rules, sys_days today) {
  int sessions = 0;
  std::optional<int> worst;
  sys_days worst_day{};
  for (const auto& entry : journal.entries) {
    if (entry.date < monday || entry.date > monday + days{6}) continue;
    if (is_session(journal, entry.date)) ++sessions;
    if (const auto pain = worst_of(entry); pain && (!worst || *pain > *worst)) {
      worst = pain;
      worst_day = entry.date;
    }
  }
  const std::string week = fmt::format("the week from {}", journal_date(monday, today));
  if (sessions < rules.maintenance_sessions_a_week) {
    return fmt::format("{} has {} session{}, fewer than {}", week, sessions, sessions == 1 ? "" : "s",
                       rules.maintenance_sessions_a_week);
  }
  if (!worst) return week + " has no pain score";
  if (*worst > 0) return fmt::format("{} has pain {} on {}", week, *worst, journal_date(worst_day, today));
  return {};
}

// The exercises the days now use, in the plan's order (a new rung where its
// ladder's planned one was), then the rungs on either side of each.
void relist_exercises(Plan& plan, const Ladders& ladders, const RungLimits& limits, const Guidelines& guidelines,
                      bool youth) {
  std::vector<std::string> in_days;
  std::set<std::string, std::less<>> used;
  for (const auto& week : plan.weeks) {
    for (const auto& day : week.days) {
      for (const auto& item : day.items) {
        if (used.insert(item.exercise).second) in_days.push_back(item.exercise);
      }
    }
  }
  std::vector<const Exercise*> order;
  std::set<std::string, std::less<>> listed;
  const auto add = [&](const std::string& id) {
    if (!used.contains(id) || listed.contains(id)) return;
    if (const Exercise* exercise = ladders.find(id)) {
      order.push_back(exercise);
      listed.insert(id);
    }
  };
  for (const auto& shown : plan.exercises) {
    if (!shown.planned) continue;
    add(shown.exercise.id);
    if (const Exercise* exercise = ladders.find(shown.exercise.id)) {
      for (const Exercise* rung : ladders.ladder_of(*exercise).rungs) add(rung->id);
    }
  }
  for (const auto& id : in_days) add(id);
  std::vector<PlanExercise> shown;
  for (const Exercise* exercise : order) shown.push_back(plan_exercise(*exercise, ladders, limits, guidelines, youth, true));
  for (const Exercise* exercise : order) {
    if (exercise->category != Category::strength) continue;
    for (const Exercise* neighbour : {ladders.easier(*exercise), next_rung(ladders, *exercise, limits)}) {
      if (neighbour && listed.insert(neighbour->id).second) {
        shown.push_back(plan_exercise(*neighbour, ladders, limits, guidelines, youth, false));
      }
    }
  }
  plan.exercises = std::move(shown);
}

}  // namespace

std::string journal_date(sys_days day, sys_days today) {
  const std::string date = format_date(day);
  // Within the year up to today a month and day name one date only.
  return day <= today && today - day < days{365} ? date.substr(5) : date;
}

sys_days coach_reads_from(sys_days today, const Guidelines& guidelines) {
  const CoachRules& rules = guidelines.coach;
  const sys_days monday = monday_of(today);
  // The pain now: the last week of a run that has not lapsed.
  const sys_days pain_now = today - days{std::max(rules.restart_gap_days, 1) + 6};
  const sys_days maintenance = monday - days{7 * std::max(rules.maintenance_pain_free_weeks, 0)};
  return std::min({monday - days{7 * kCoachLogWeeks}, pain_now, maintenance});
}

JournalFacts journal_facts(const JournalHistory& journal, sys_days today, const Guidelines& guidelines) {
  const CoachRules& rules = guidelines.coach;
  JournalFacts facts;
  const Run run = current_run(journal, today, today, rules, guidelines);
  if (run.lapsed) {
    facts.weeks_done = 0;
    facts.decisions.push_back(
        {fmt::format("no session since {}, {} days or more: the routine starts again from week 1",
                     journal_date(*run.last_session, today), rules.restart_gap_days),
         {*run.last_session},
         rules.restart_source});
  } else if (run.start) {
    facts.weeks_done = static_cast<int>((today - *run.start).count() / 7);
    std::string text = fmt::format("{} week{} done since the first session, on {}", *facts.weeks_done,
                                   *facts.weeks_done == 1 ? "" : "s", journal_date(*run.start, today));
    std::vector<sys_days> dates{*run.start};
    if (run.gap_from) {
      text = fmt::format("no session from {} to {} ({} days or more): the count starts again; ", journal_date(*run.gap_from, today),
                         journal_date(*run.start, today), rules.restart_gap_days) +
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
                       journal_date(from, today), journal_date(*run.last_session, today), journal_date(worst_day, today)),
           {worst_day},
           guidelines.checkpoint_source});
    }
  }

  // A red flag counts until an entry records it gone.
  for (const auto& entry : journal.entries) {
    if (entry.date > today) continue;
    for (const auto& symptom : entry.symptoms) {
      if (symptom.gone && *symptom.gone <= today) continue;
      if (std::find(facts.symptoms.begin(), facts.symptoms.end(), symptom.name) != facts.symptoms.end()) continue;
      facts.symptoms.push_back(symptom.name);
      facts.decisions.push_back({fmt::format("{} logged on {} and not yet marked gone: it counts as a symptom you "
                                             "have now",
                                             symptom.name, journal_date(entry.date, today)),
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

Coaching coach(const JournalHistory& journal, sys_days today, const Plan& plan, const Catalogue& catalogue,
               const Guidelines& guidelines, bool maintenance_asked) {
  const CoachRules& rules = guidelines.coach;
  Coaching coaching;
  const Run run = current_run(journal, today, today - days{1}, rules, guidelines);
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
                                              join(worsts, ", then "), dates_text(mondays, today)),
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

  // Per ladder, the rung the log has reached; then per side, the set count
  // from the pain-monitoring model and the 2-for-2 rule. A rung changes for
  // both legs together: up once each side has earned it at the top set count,
  // down when either side needs a step below the fewest sets.
  if (!limits.hold_progression && !plan.weeks.empty()) {
    const Ladders ladders(catalogue);
    const RungLimits rung_rules = rung_limits(plan.profile, guidelines, plan.warnings);
    std::vector<const Item*> items;  // one per exercise, in plan order
    for (const auto& day : plan.weeks.front().days) {
      for (const auto& item : day.items) {
        if (item.category != Category::strength) continue;
        if (std::none_of(items.begin(), items.end(), [&](const Item* i) { return i->exercise == item.exercise; })) {
          items.push_back(&item);
        }
      }
    }
    // Under a time budget (--minutes) every training day must still fit once
    // the doses change it: the days as the doses decided so far leave them.
    std::vector<std::vector<Item>> budget_days;
    if (plan.budget) {
      for (const auto& week : plan.weeks) {
        for (const auto& day : week.days) {
          if (!day.rest) budget_days.push_back(day.items);
        }
      }
    }
    // The longest training day with `exercise` at `sets` (per side).
    const auto longest_day = [&](const std::string& exercise, const std::vector<std::pair<Side, int>>& sets) {
      std::int64_t longest = 0;
      for (const auto& day_items : budget_days) {
        longest = std::max(longest, day_minutes(with_sets(day_items, exercise, sets), guidelines));
      }
      return longest;
    };
    const auto fits_budget = [&](const std::string& exercise, const std::vector<std::pair<Side, int>>& sets) {
      return longest_day(exercise, sets) <= plan.budget->minutes;
    };
    const auto each_at = [](const std::vector<Side>& sides, int count) {
      std::vector<std::pair<Side, int>> sets;
      for (const Side side : sides) sets.push_back({side, count});
      return sets;
    };

    for (const Item* item : items) {
      const Exercise* planned = ladders.find(item->exercise);
      if (!planned) continue;
      const Ladder ladder = ladders.ladder_of(*planned);
      const auto last = last_rung(run, ladder, ladders);
      const Exercise* current = last.first;
      const sys_days last_day = last.second;
      if (!current) continue;  // never done: the plan's dose
      if (current != planned) {
        const std::string kept_out = rung_kept_out(*current, ladder, *planned, rung_rules, plan.profile);
        if (kept_out.empty()) {
          coaching.decisions.push_back({fmt::format("{}: the rung your journal has reached (last on {}), in place of {}",
                                                    current->name, journal_date(last_day, today), planned->name),
                                        {last_day},
                                        rules.progression_source});
        } else {
          coaching.decisions.push_back({fmt::format("{}: logged last on {}, but {}: back to {}", current->name,
                                                    journal_date(last_day, today), kept_out, planned->name),
                                        {last_day},
                                        planned->source});
          current = planned;
        }
      }
      const std::vector<Side> sides = current == planned ? item->sides : sides_for(*current, plan.profile.side);
      // The most sets a side may have: the level's top, or fewer where the
      // time budget has no room for more (then the next rung is the way on).
      int top = table.sets.max;
      if (plan.budget) {
        while (top > table.sets.min && !fits_budget(item->exercise, each_at(sides, top))) --top;
      }
      const std::string at_top_text =
          top == table.sets.max
              ? fmt::format("at the top set count ({})", sets_text(top))
              : fmt::format("at the most sets that fit {} minutes a day ({})", plan.budget->minutes, sets_text(top));
      // A side's set count when the log has nothing on this rung to go by.
      const int fresh_sets = std::min(current == planned ? item->sets : table.sets.min, top);

      struct SideCoaching {
        Side side = Side::both;
        int sets = 0;
        bool wants_down = false;  // a step below the fewest sets
        bool wants_up = false;    // 2-for-2 at the top set count
        int logged_over_top = 0;  // sets logged last, when more than the time budget fits
        sys_days logged_on{};     // ... and the day
        std::vector<std::string> reasons;
        std::vector<sys_days> dates;
      };
      std::vector<SideCoaching> outcomes;
      const std::size_t first_decision = coaching.decisions.size();
      for (const Side side : sides) {
        SideCoaching out;
        out.side = side;
        out.sets = fresh_sets;
        const auto log = logged(run, ladder, side);
        // Never done on this side or this rung, or skipped last: no rule has anything to go by.
        if (log.empty() || !log.back().record || log.back().record->exercise != current->id) {
          outcomes.push_back(std::move(out));
          continue;
        }
        const int base = std::clamp(log.back().record->sets, table.sets.min, top);
        const std::string who = current->name + side_suffix(side);
        out.sets = base;
        if (log.back().record->sets > top && top < table.sets.max) {
          out.logged_over_top = log.back().record->sets;
          out.logged_on = log.back().entry->date;
        }
        const auto tail = [&](int n) {
          return log.size() >= static_cast<std::size_t>(n) ? std::vector<Logged>(log.end() - n, log.end())
                                                           : std::vector<Logged>{};
        };
        const auto bad = tail(rules.bad_sessions_to_step_down);
        const bool step_down = !bad.empty() && std::all_of(bad.begin(), bad.end(), [&](const Logged& l) {
          return l.record && !unacceptable(*l.entry, rules, today).empty();
        });
        const std::string last_problem = unacceptable(*log.back().entry, rules, today);
        if (step_down) {
          for (const auto& l : bad) {
            out.reasons.push_back(unacceptable(*l.entry, rules, today));
            out.dates.push_back(l.entry->date);
          }
          if (base > table.sets.min) {
            out.sets = base - 1;
            coaching.decisions.push_back({fmt::format("{}: {}: one set fewer ({})", who, join(out.reasons, "; "),
                                                      sets_text(out.sets)),
                                          out.dates, rules.regression_source});
          } else {
            out.wants_down = true;
          }
        } else if (!last_problem.empty()) {
          coaching.decisions.push_back({fmt::format("{}: {}: stays at {}", who, last_problem, sets_text(base)),
                                        {log.back().entry->date},
                                        rules.pain_source});
        } else if (!hold_all) {
          const auto row = tail(rules.sessions_in_a_row);
          const int target = item->reps.max + rules.reps_over_range;
          const bool two_for_two = !row.empty() && std::all_of(row.begin(), row.end(), [&](const Logged& l) {
            return l.record && l.record->exercise == current->id && l.record->amount >= target &&
                   unacceptable(*l.entry, rules, today).empty();
          });
          if (two_for_two) {
            for (const auto& l : row) out.dates.push_back(l.entry->date);
            out.reasons.push_back(fmt::format("{} reps over the range in the last set on {}", rules.reps_over_range,
                                              dates_text(out.dates, today)));
            if (base < top) {
              out.sets = base + 1;
              coaching.decisions.push_back({fmt::format("{}: {}: next set count ({})", who, out.reasons.front(),
                                                        sets_text(out.sets)),
                                            out.dates, rules.progression_source});
            } else {
              out.wants_up = true;
            }
          }
        }
        outcomes.push_back(std::move(out));
      }

      // Sets logged above what the time budget fits: one line, before the
      // rules' decisions, that says why the sets came down.
      std::vector<std::string> over_top;
      std::vector<sys_days> over_top_dates;
      for (const auto& o : outcomes) {
        if (o.logged_over_top == 0) continue;
        over_top.push_back(fmt::format("{}{} logged on {}", o.side == Side::both ? "" : fmt::format("{}: ", name_of(o.side)),
                                       sets_text(o.logged_over_top), journal_date(o.logged_on, today)));
        if (std::find(over_top_dates.begin(), over_top_dates.end(), o.logged_on) == over_top_dates.end()) {
          over_top_dates.push_back(o.logged_on);
        }
      }
      if (!over_top.empty()) {
        const SideCoaching& first = outcomes.front();
        const bool each_side = over_top.size() == outcomes.size() && outcomes.size() > 1 &&
                               std::all_of(outcomes.begin(), outcomes.end(), [&](const SideCoaching& o) {
                                 return o.logged_over_top == first.logged_over_top && o.logged_on == first.logged_on;
                               });
        const std::string logged =
            each_side ? fmt::format("{} logged on {} (each side)", sets_text(first.logged_over_top),
                                    journal_date(first.logged_on, today))
                      : join(over_top, ", ");
        std::sort(over_top_dates.begin(), over_top_dates.end());
        coaching.decisions.insert(
            coaching.decisions.begin() + static_cast<std::ptrdiff_t>(first_decision),
            {fmt::format("{}: {}, but {} fit{} {} minutes a day", current->name, logged, sets_text(top),
                         top == 1 ? "s" : "", plan.budget->minutes),
             over_top_dates, std::string(kBudgetSource)});
      }

      // The rung, for both legs together.
      const Exercise* move = nullptr;
      const auto who_all = [&](const std::vector<const SideCoaching*>& which) {
        std::vector<std::string> parts;
        std::vector<sys_days> dates;
        for (const SideCoaching* o : which) {
          const std::string side = o->side == Side::both ? "" : std::string(name_of(o->side)) + ", ";
          parts.push_back(side + join(o->reasons, "; "));
          dates.insert(dates.end(), o->dates.begin(), o->dates.end());
        }
        std::sort(dates.begin(), dates.end());
        dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
        // The same reasons on every side read once.
        const bool same = std::all_of(which.begin(), which.end(),
                                      [&](const SideCoaching* o) { return o->reasons == which.front()->reasons; });
        if (which.size() > 1 && same) return std::make_pair(join(which.front()->reasons, "; ") + " (each side)", dates);
        return std::make_pair(join(parts, "; "), dates);
      };
      std::vector<const SideCoaching*> down;
      std::vector<const SideCoaching*> up;
      for (const auto& o : outcomes) {
        if (o.wants_down) down.push_back(&o);
        if (o.wants_up) up.push_back(&o);
      }
      if (!down.empty()) {
        const auto [why, dates] = who_all(down);
        const Exercise* easier = ladders.easier(*current);
        while (easier && !equipment_fits(*easier, plan.profile)) easier = ladders.easier(*easier);
        if (easier) {
          move = easier;
          coaching.decisions.push_back({fmt::format("{}: {}: already at the fewest sets, so one rung down: {} ({})",
                                                    current->name, why, easier->name, sets_text(table.sets.min)),
                                        dates, rules.regression_source});
        } else {
          coaching.decisions.push_back({fmt::format("{}: {}: already at the fewest sets on the easiest rung, stays "
                                                    "at {}",
                                                    current->name, why, sets_text(table.sets.min)),
                                        dates, rules.regression_source});
        }
      } else if (!up.empty()) {
        const auto [why, dates] = who_all(up);
        const std::string at_top = fmt::format("{}: {}: {}", current->name, why, at_top_text);
        const Exercise* harder = next_rung(ladders, *current, rung_rules);
        const bool open = harder && equipment_fits(*harder, plan.profile);
        // A harder rung may work each side on its own where this one works
        // both together: it must not lengthen a day past the time budget.
        std::optional<std::int64_t> over_budget;  // the longest day's minutes on the harder rung
        const std::vector<Side> harder_sides = open ? sides_for(*harder, plan.profile.side) : std::vector<Side>{};
        if (open && plan.budget) {
          std::vector<std::pair<Side, int>> now;
          for (const auto& o : outcomes) now.push_back({o.side, o.sets});
          const std::int64_t minutes = longest_day(item->exercise, each_at(harder_sides, table.sets.min));
          if (minutes > plan.budget->minutes && minutes > longest_day(item->exercise, now)) over_budget = minutes;
        }
        if (up.size() < outcomes.size()) {
          coaching.decisions.push_back(
              {at_top + "; the next rung waits until the other side has earned it too", dates, rules.progression_source});
        } else if (open && !over_budget) {
          move = harder;
          coaching.decisions.push_back({fmt::format("{}; next rung: {} ({})", at_top, harder->name,
                                                    sets_text(table.sets.min)),
                                        dates, rules.progression_source});
        } else if (open) {
          coaching.decisions.push_back(
              {fmt::format("{}; the next rung, {}, does not fit {} minutes a day ({} minutes at {}{})", at_top,
                           harder->name, plan.budget->minutes, *over_budget, sets_text(table.sets.min),
                           harder_sides.size() > 1 ? " each side" : ""),
               dates, std::string(kBudgetSource)});
        } else {
          const Exercise* above = ladders.harder(*current);
          const std::string why_not =
              !above ? "already on the hardest rung"
              : harder ? fmt::format("the next rung, {}, needs {}", harder->name,
                                     join(missing_equipment(*harder, plan.profile), " and "))
                       : fmt::format("the next rung, {}, is not open to you ({})", above->name,
                                     reasons_text(rung_rules.harder_allowed() ? rung_rules.no_impact
                                                                              : rung_rules.no_harder));
          coaching.decisions.push_back({fmt::format("{}: {}: already {}; {}", current->name, why, at_top_text, why_not),
                                        dates, rules.progression_source});
        }
      }
      std::vector<std::pair<Side, int>> decided;
      if (move) {
        for (const Side side : sides_for(*move, plan.profile.side)) {
          coaching.doses.push_back({item->exercise, side, table.sets.min, move->id});
          decided.push_back({side, table.sets.min});
        }
      } else {
        for (const auto& o : outcomes) {
          coaching.doses.push_back({item->exercise, o.side, o.sets, current == planned ? "" : current->id});
          decided.push_back({o.side, o.sets});
        }
      }
      for (auto& day_items : budget_days) day_items = with_sets(day_items, item->exercise, decided);
    }
  }

  // A lighter week once pain has gone and sessions were kept.
  const sys_days this_monday = monday_of(today);
  std::string miss;
  std::vector<sys_days> mondays;
  for (int i = rules.maintenance_pain_free_weeks; i >= 1; --i) {
    const sys_days monday = this_monday - days{7 * i};
    mondays.push_back(monday);
    if (miss.empty()) miss = maintenance_miss(journal, monday, rules, today);
  }
  coaching.maintenance_offered = miss.empty() && !hold_all;
  if (coaching.maintenance_offered) {
    coaching.maintenance = maintenance_asked;
    const std::string why =
        fmt::format("{} weeks in a row with pain 0 and at least {} sessions each (from {})",
                    rules.maintenance_pain_free_weeks, rules.maintenance_sessions_a_week, journal_date(mondays.front(), today));
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

void apply_coaching(Plan& plan, const Coaching& coaching, const Catalogue& catalogue, const Guidelines& guidelines) {
  const Ladders ladders(catalogue);
  const PlanLimits limits = limits_of(plan.warnings);
  const RungLimits rung_rules = rung_limits(plan.profile, guidelines, plan.warnings);
  const auto doses_of = [&](const std::string& exercise) {
    std::vector<const Dose*> out;
    for (const auto& dose : coaching.doses) {
      if (dose.exercise == exercise) out.push_back(&dose);
    }
    return out;
  };
  std::set<std::string, std::less<>> moved;  // the plan exercises a new rung replaces
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
        const auto doses = doses_of(item.exercise);
        if (item.category != Category::strength || doses.empty()) {
          items.push_back(item);
          continue;
        }
        // Every dose of an exercise names the same rung.
        const Exercise* rung = doses.front()->rung.empty() ? nullptr : ladders.find(doses.front()->rung);
        const Exercise* exercise = rung ? rung : ladders.find(item.exercise);
        std::vector<Side> sides = item.sides;
        if (rung) {
          sides.clear();
          for (const Dose* dose : doses) sides.push_back(dose->side);
          moved.insert(item.exercise);
        }
        // Sides with different set counts become one item per side.
        std::vector<std::pair<Side, int>> sets_per_side;
        for (const Side side : sides) {
          const auto dose = std::find_if(doses.begin(), doses.end(), [&](const Dose* d) { return d->side == side; });
          sets_per_side.push_back({side, dose == doses.end() ? item.sets : (*dose)->sets});
        }
        for (const auto& [sets, group] : group_by_sets(sets_per_side)) {
          Item copy = item;
          copy.sets = sets;
          copy.sides = group;
          if (exercise) {
            copy.exercise = exercise->id;
            copy.name = exercise->name;
            copy.sides_text = sides_text(*exercise, group);
            copy.rung = ladders.ladder_of(*exercise).position(exercise->id);
            if (rung || sets != item.sets) {
              const Exercise* next = next_rung(ladders, *exercise, rung_rules);
              copy.next_rung = sets >= plan.top_sets && !limits.hold_progression && next ? next->id : "";
            }
          }
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
  if (!moved.empty()) {
    for (auto& choice : plan.rungs) {
      if (!moved.contains(choice.exercise)) continue;
      const auto dose = std::find_if(coaching.doses.begin(), coaching.doses.end(),
                                     [&](const Dose& d) { return d.exercise == choice.exercise; });
      const Exercise* rung = ladders.find(dose->rung);
      const Exercise* next = next_rung(ladders, *rung, rung_rules);
      choice.exercise = rung->id;
      choice.rung = ladders.ladder_of(*rung).position(rung->id);
      choice.next = next ? next->id : "";
      choice.why = fmt::format("{}: rung {} of {}, the rung your journal has reached (see \"From your journal\")",
                               rung->name, choice.rung, choice.rungs);
      choice.source = guidelines.coach.progression_source;
    }
    relist_exercises(plan, ladders, rung_rules, guidelines, limits.youth);
  }
  plan.warnings.insert(plan.warnings.end(), coaching.findings.begin(), coaching.findings.end());
  std::stable_sort(plan.warnings.begin(), plan.warnings.end(),
                   [](const Finding& a, const Finding& b) { return a.severity > b.severity; });
  plan.decisions.insert(plan.decisions.end(), coaching.decisions.begin(), coaching.decisions.end());
}

}  // namespace kneeplan
