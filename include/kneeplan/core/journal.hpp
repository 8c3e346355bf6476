#pragma once
// The journal's model: what a person did on a day and how their knees felt.
// Plain data and pure rules; the SQLite store (io/journal_store) and the CLI
// read and write it.
#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/core/names.hpp"
#include "kneeplan/core/plan.hpp"
#include "kneeplan/core/profile.hpp"

namespace kneeplan {

inline constexpr std::string_view kJournalFormat = "kneeplan.journal/1";

// When a pain score was taken: before the session, the worst during it, just
// after it, and the next morning (the response that matters most).
enum class Moment { before, during, after, next_day };
template <>
struct EnumNames<Moment> {
  static constexpr std::array<std::string_view, 4> names{"before", "during", "after", "next_day"};
};

enum class Knee { left, right };
template <>
struct EnumNames<Knee> {
  static constexpr std::array<std::string_view, 2> names{"left", "right"};
};

// What one set's number counts, which follows from the exercise's category.
enum class Measure { reps, hold_seconds, passes };
template <>
struct EnumNames<Measure> {
  static constexpr std::array<std::string_view, 3> names{"reps", "hold_seconds", "passes"};
};
Measure measure_of(Category category);

// The earliest date a journal accepts; a person's sessions are later.
inline constexpr std::chrono::sys_days kJournalEpoch{std::chrono::year{2000} / std::chrono::January / 1};
inline constexpr Bounds kSetsDoneBounds{1, 20};
// Bounds of a set's number before the catalogue's own limit (twice its top).
inline constexpr Bounds kAmountBounds{1, 7200};

// One exercise done on one side: `sets` sets of `amount` reps, seconds held or
// passes. Side::both is a bilateral exercise (both legs at once).
struct ExerciseDone {
  std::string exercise;  // catalogue id
  std::string rung;      // the variant done; the exercise id until an exercise has rungs
  Side side = Side::both;
  int sets = 1;
  Measure measure = Measure::reps;
  int amount = 0;
  friend bool operator==(const ExerciseDone&, const ExerciseDone&) = default;
};

struct ExerciseSkipped {
  std::string exercise;
  std::string reason;  // may be empty
  friend bool operator==(const ExerciseSkipped&, const ExerciseSkipped&) = default;
};

// A red-flag symptom noted on the entry's day, and the day it was gone.
struct SymptomRecord {
  std::string name;  // from kSymptoms
  std::optional<std::chrono::sys_days> gone;
  friend bool operator==(const SymptomRecord&, const SymptomRecord&) = default;
};

// Pain 0-10 for each knee; unset when not recorded.
struct KneePain {
  std::optional<int> left;
  std::optional<int> right;
  friend bool operator==(const KneePain&, const KneePain&) = default;
  std::optional<int>& of(Knee knee) { return knee == Knee::left ? left : right; }
  const std::optional<int>& of(Knee knee) const { return knee == Knee::left ? left : right; }
};

// One day's record: one entry per date.
struct JournalEntry {
  std::chrono::sys_days date{};
  std::vector<ExerciseDone> done;
  std::vector<ExerciseSkipped> skipped;
  std::array<KneePain, 4> pain;  // indexed by Moment
  std::vector<SymptomRecord> symptoms;
  std::vector<std::string> notes;

  friend bool operator==(const JournalEntry&, const JournalEntry&) = default;
  KneePain& pain_at(Moment moment) { return pain[static_cast<std::size_t>(moment)]; }
  const KneePain& pain_at(Moment moment) const { return pain[static_cast<std::size_t>(moment)]; }
  // The worst score recorded for `knee` at any moment.
  std::optional<int> worst_pain(Knee knee) const;
  bool has_content() const;
};

// A journal as the coach and progress read it. Their rules look at entries
// only in a recent window (coach_reads_from(), progress_reads_from()); before
// it they need only the days with a session, the first day logged and the
// symptoms. Within the coach's window the coach reads only pain, symptoms,
// skipped exercises and the records that count repetitions; progress, today
// and session read their own days whole. So a reader may load just that
// (JournalStore::history) and the rules answer exactly as from every entry
// whole. Built from a list of entries, it holds them all whole.
struct JournalHistory {
  std::vector<JournalEntry> entries;               // oldest first; whole at least where the reader asked
  std::vector<std::chrono::sys_days> sessions;     // every day with an exercise done, oldest first
  std::optional<std::chrono::sys_days> first_day;  // of the first entry of any kind

  JournalHistory() = default;
  JournalHistory(std::vector<JournalEntry> all);  // NOLINT(google-explicit-constructor): every entry whole
  JournalHistory(std::vector<JournalEntry> recent, std::vector<std::chrono::sys_days> sessions,
                 std::optional<std::chrono::sys_days> first_day);
};

// What one `log` adds to a day: merged into that day's entry (see merge()).
struct JournalUpdate {
  JournalEntry addition;                   // its date is the entry's
  std::vector<std::string> symptoms_gone;  // marked gone as of the date, on earlier entries
};

// Folds `addition` into `entry` (same date): an exercise done again replaces
// its earlier record (and takes it off the skipped list, and the reverse);
// pain scores given replace those recorded; symptoms and notes are added.
void merge(JournalEntry& entry, const JournalEntry& addition);

// A problem found in a journal entry or a `--done` value, and where: a field
// path below the entry ("done/2/amount") or empty for the entry as a whole.
struct EntryProblem {
  std::string field;
  std::string message;
};

// Checks what the catalogue and the calendar decide: known exercise ids,
// dates from kJournalEpoch to `today`, next-morning pain no later than today,
// amounts at most twice the catalogue's top, no exercise done and skipped
// or done twice on a side.
std::vector<EntryProblem> check_entry(const JournalEntry& entry, const Catalogue& catalogue,
                                      std::chrono::sys_days today);

// A `--done` value for one exercise: "" (the planned dose), "SETSxN", "N"
// (one set), or per side "left:SETSxN,right:SETSxN". N counts the
// exercise's measure: reps, seconds held, or passes. `planned` is the planned
// item for the exercise, if the plan has it; it gives the dose for "" and the
// sides for a value without sides. Returns the records or the problem.
struct DoneParse {
  std::vector<ExerciseDone> records;
  std::string problem;  // empty when parsed
};
DoneParse parse_done(const Exercise& exercise, std::string_view value, const Item* planned);

// The planned dose as records: the plan's sets and the least of its range
// (the least the plan asks for, so nothing later reads more work than was done).
std::vector<ExerciseDone> planned_records(const Exercise& exercise, const Item& planned);

// The sides an exercise is done on when nothing says otherwise.
std::vector<Side> default_sides(const Exercise& exercise, const Item* planned);

// The plan's first item for `exercise` (its dose that week), or null.
const Item* find_planned(const Plan& plan, std::string_view exercise);
// The plan's first training day, or null when it has none.
const Day* first_session(const Plan& plan);

// Pain scores as typed at a prompt: "N" for both knees, or "left:N",
// "right:N", "left:N,right:N"; nullopt when it is none of these or a score
// is outside 0-10.
std::optional<KneePain> parse_knee_scores(std::string_view text);

// A Monday-to-Sunday week of the journal, for history's summary line.
struct WeekSummary {
  std::chrono::sys_days monday{};
  int sessions_done = 0;  // entries with an exercise done
  int sessions_planned = 0;
  KneePain worst;  // the worst score recorded that week, per knee
  std::vector<const JournalEntry*> entries;  // newest first
};

// The weeks holding `entries`, newest first; `training_days` sessions are planned a week.
std::vector<WeekSummary> summarise_weeks(const std::vector<JournalEntry>& entries, int training_days);

std::chrono::sys_days monday_of(std::chrono::sys_days day);

}  // namespace kneeplan
