#pragma once
// The guided session: a pure state machine over the day's planned items.
// The CLI feeds it keys and clock ticks (milliseconds from any steady origin)
// and carries out what it returns: lines to print, a bell, updates to store.
// No clock, terminal or journal here, so tests drive it with a fake clock.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kneeplan/core/journal.hpp"
#include "kneeplan/core/plan.hpp"

namespace kneeplan {

// The keys a session reacts to; any other printable key is typed into an answer.
inline constexpr char kKeyPause = ' ';
inline constexpr char kKeySkip = 's';
inline constexpr char kKeyQuit = 'q';
inline constexpr char kKeyEnter = '\r';
inline constexpr char kKeyBackspace = '\x7f';

// What the session is made of: one step is one thing the person does or answers.
enum class StepKind {
  reps,         // a strength set on one side: done, then the reps are asked
  hold,         // a stretch held on one side: a countdown, started with Enter
  roll,         // a foam-roll pass on one side: a countdown, started with Enter
  rest,         // rest between sets: a countdown that starts at once
  pain_during,  // the worst pain during the strength work
  pain_after,   // the pain just after the session
};

struct SessionStep {
  StepKind kind = StepKind::reps;
  std::size_t item = 0;  // index into the day's items; unused by the pain questions
  Side side = Side::both;
  int set = 1;               // 1-based
  int seconds = 0;           // hold, roll and rest
  std::string area;          // roll: where
  bool switch_side = false;  // the first step on another side than the step before it
};

// What the journal already holds for the day, so a resumed session carries
// on after it, and the day's date for the records.
struct SessionSetup {
  std::chrono::sys_days date{};
  std::vector<Item> items;  // the day's items, in the plan's order
  JournalEntry logged;      // the day's entry as stored; empty when there is none
  Catalogue catalogue;      // bounds the reps an answer may give, as the journal does
};

struct Session {
  SessionSetup setup;
  std::vector<SessionStep> steps;
  std::size_t at = 0;  // the current step; steps.size() when finished

  // The countdown of a hold, roll or rest step.
  bool counting = false;  // started (a hold or roll waits for Enter first)
  bool paused = false;
  std::int64_t ends_at_ms = 0;     // while counting and not paused
  std::int64_t remaining_ms = 0;   // as of the last event

  std::string typed;  // the answer being typed

  // Records of this item so far, one per side, and every record for the day
  // (the journal's and this session's): merge() replaces an exercise as a
  // whole, so each update carries all of its sides.
  std::vector<ExerciseDone> item_records;
  std::vector<ExerciseDone> day_records;
  int items_stored = 0;  // done or skipped, and stored
  bool finished = false;
  bool quit = false;  // finished by `q`, before the end
};

enum class EventKind { tick, key };
struct SessionEvent {
  EventKind kind = EventKind::tick;
  char key = 0;
};

struct SessionEffects {
  std::vector<std::string> lines;       // to print above the status line, in order
  bool bell = false;                    // a countdown reached zero
  std::vector<JournalUpdate> records;   // each to store in its own transaction, in order
  bool finished = false;
};

// The session for `setup`, skipping the items already logged that day (an
// item counts as logged when every side of it is done, or it is skipped).
// The worst pain during is asked after the last strength item, and the pain
// after at the end, unless the day's entry has them already.
std::pair<Session, SessionEffects> start_session(SessionSetup setup, std::int64_t now_ms);

// The next state after `event` at `now_ms` (never earlier than the last event's).
SessionEffects step(Session& session, const SessionEvent& event, std::int64_t now_ms);

// What the status line shows now.
struct SessionStatus {
  std::string title;           // "Side plank, set 1 of 2, left"
  std::string prompt;          // a question and the answer typed so far; empty during a countdown
  bool countdown = false;      // a countdown is shown (waiting for Enter, running or paused)
  bool waiting = false;        // a hold or roll waiting for Enter
  bool paused = false;
  std::int64_t remaining_ms = 0;
  std::int64_t total_ms = 0;
  std::string keys;            // the keys that work now
};
SessionStatus session_status(const Session& session);

// The planned reps of a set, which Enter answers: the least of the range, as `log` records.
int planned_reps(const Item& item);

}  // namespace kneeplan
