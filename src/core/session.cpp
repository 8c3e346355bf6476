#include "kneeplan/core/session.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace kneeplan {

namespace {

constexpr std::size_t kLongestAnswer = 24;
constexpr std::size_t kNoItem = static_cast<std::size_t>(-1);

bool item_step(StepKind kind) { return kind != StepKind::pain_during && kind != StepKind::pain_after; }

bool logged_done(const JournalEntry& logged, const std::string& exercise, Side side) {
  return std::any_of(logged.done.begin(), logged.done.end(),
                     [&](const ExerciseDone& d) { return d.exercise == exercise && d.side == side; });
}

bool logged_skipped(const JournalEntry& logged, const std::string& exercise) {
  return std::any_of(logged.skipped.begin(), logged.skipped.end(),
                     [&](const ExerciseSkipped& s) { return s.exercise == exercise; });
}

// As `today` reads the journal: every side of the item done, or the exercise skipped.
bool item_logged(const JournalEntry& logged, const Item& item) {
  if (logged_skipped(logged, item.exercise)) return true;
  return !item.sides.empty() && std::all_of(item.sides.begin(), item.sides.end(), [&](Side side) {
    return logged_done(logged, item.exercise, side);
  });
}

bool pain_logged(const JournalEntry& logged, Moment moment) {
  const KneePain& pain = logged.pain_at(moment);
  return pain.left || pain.right;
}

void add_item_steps(std::vector<SessionStep>& steps, const Item& item, std::size_t index) {
  const std::vector<Side> sides = item.sides.empty() ? std::vector<Side>{Side::both} : item.sides;
  std::optional<Side> previous;
  for (int set = 1; set <= std::max(1, item.sets); ++set) {
    for (const Side side : sides) {
      const bool switched = previous && *previous != side;
      previous = side;
      switch (item.category) {
        case Category::strength:
          steps.push_back({StepKind::reps, index, side, set, 0, {}, switched});
          break;
        case Category::stretch:
          steps.push_back({StepKind::hold, index, side, set, item.hold_seconds.min, {}, switched});
          break;
        case Category::warm_up:
          // Timed like a hold, and logged in seconds as the journal logs a warm-up.
          steps.push_back({StepKind::hold, index, side, set, item.minutes.max * 60, {}, switched});
          break;
        case Category::foam_roll:
          for (std::size_t pass = 0; pass < item.passes.size(); ++pass) {
            steps.push_back({StepKind::roll, index, side, set, item.passes[pass].seconds, item.passes[pass].area,
                             switched && pass == 0});
          }
          break;
      }
    }
    if (set < item.sets && item.rest_seconds > 0) {
      steps.push_back({StepKind::rest, index, Side::both, set, item.rest_seconds, {}, false});
    }
  }
}

std::vector<SessionStep> build_steps(const SessionSetup& setup) {
  std::vector<SessionStep> steps;
  std::size_t last_strength = kNoItem;
  for (std::size_t i = 0; i < setup.items.size(); ++i) {
    if (setup.items[i].category == Category::strength) last_strength = i;
  }
  const bool ask_during = !pain_logged(setup.logged, Moment::during);
  for (std::size_t i = 0; i < setup.items.size(); ++i) {
    if (!item_logged(setup.logged, setup.items[i])) add_item_steps(steps, setup.items[i], i);
    if (i == last_strength && ask_during) steps.push_back({StepKind::pain_during, kNoItem, Side::both, 1, 0, {}, false});
  }
  if (last_strength == kNoItem && ask_during) {
    steps.push_back({StepKind::pain_during, kNoItem, Side::both, 1, 0, {}, false});
  }
  if (!pain_logged(setup.logged, Moment::after)) {
    steps.push_back({StepKind::pain_after, kNoItem, Side::both, 1, 0, {}, false});
  }
  return steps;
}

std::string side_words(Side side) {
  return side == Side::both ? std::string() : fmt::format(", {} side", name_of(side));
}

const SessionStep* current(const Session& session) {
  return session.at < session.steps.size() ? &session.steps[session.at] : nullptr;
}

const Item& item_of(const Session& session, const SessionStep& step) { return session.setup.items[step.item]; }

bool first_of_item(const Session& session) {
  const SessionStep& step = session.steps[session.at];
  return item_step(step.kind) && (session.at == 0 || session.steps[session.at - 1].item != step.item);
}

bool last_of_item(const Session& session) {
  const SessionStep& step = session.steps[session.at];
  return session.at + 1 == session.steps.size() || session.steps[session.at + 1].item != step.item;
}

int most_reps(const Session& session, const Item& item) {
  const Exercise* exercise = session.setup.catalogue.find(item.exercise);
  return 2 * std::max(1, exercise ? exercise->reps.max : item.reps.max);
}

// The update for `exercise`: every record of it today, so merge() keeps the sides done before.
JournalUpdate update_for(const Session& session, const std::string& exercise) {
  JournalUpdate update;
  update.addition.date = session.setup.date;
  for (const auto& record : session.day_records) {
    if (record.exercise == exercise) update.addition.done.push_back(record);
  }
  return update;
}

void start_countdown(Session& session, std::int64_t now_ms) {
  session.counting = true;
  session.paused = false;
  session.remaining_ms = std::int64_t{session.steps[session.at].seconds} * 1000;
  session.ends_at_ms = now_ms + session.remaining_ms;
}

void finish(Session& session, SessionEffects& effects) {
  session.at = session.steps.size();
  session.finished = true;
  session.counting = false;
  effects.finished = true;
}

// Announces the current step and starts a countdown that needs no Enter.
void enter_step(Session& session, SessionEffects& effects, std::int64_t now_ms) {
  session.counting = false;
  session.paused = false;
  session.typed.clear();
  const SessionStep* step = current(session);
  if (!step) {
    effects.lines.push_back(fmt::format("Session done: {} item{} stored today. Well done.", session.items_stored,
                                        session.items_stored == 1 ? "" : "s"));
    finish(session, effects);
    return;
  }
  if (first_of_item(session)) {
    const Item& item = item_of(session, *step);
    // The key cue: the first of the exercise's cues.
    const Exercise* exercise = session.setup.catalogue.find(item.exercise);
    const std::string cue = exercise && !exercise->cues.empty() ? exercise->cues.front() : std::string();
    effects.lines.push_back(fmt::format("{} ({} of {}){}", item.name, step->item + 1, session.setup.items.size(),
                                        cue.empty() ? "" : ": " + cue));
    session.item_records.clear();
  }
  if (step->switch_side) effects.lines.push_back(fmt::format("Switch to the {} side.", name_of(step->side)));
  switch (step->kind) {
    case StepKind::reps: {
      const Item& item = item_of(session, *step);
      effects.lines.push_back(fmt::format("  Set {} of {}{}: {}-{} reps.", step->set, item.sets, side_words(step->side),
                                          item.reps.min, item.reps.max));
      break;
    }
    case StepKind::rest:
      start_countdown(session, now_ms);
      break;
    case StepKind::hold:
    case StepKind::roll: {
      // Enter starts it when the person has to get into position first; the
      // next pass on the same side follows at once.
      const SessionStep& before = session.steps[session.at - (session.at > 0 ? 1 : 0)];
      const bool get_ready = first_of_item(session) || step->switch_side || before.kind == StepKind::rest;
      if (!get_ready) start_countdown(session, now_ms);
      break;
    }
    case StepKind::pain_during:
    case StepKind::pain_after:
      effects.lines.push_back("Knee pain: one score from 0 (none) to 10 (worst) for both knees, or left:N,right:N.");
      break;
  }
}

// Records the finished step on the item; stores the item when it was its last step.
void complete_step(Session& session, SessionEffects& effects, std::int64_t now_ms, int amount) {
  const SessionStep& step = session.steps[session.at];
  if (item_step(step.kind)) {
    const Item& item = item_of(session, step);
    if (step.kind != StepKind::rest) {
      const Measure measure = measure_of(item.category);
      const int value = step.kind == StepKind::roll ? static_cast<int>(item.passes.size()) : amount;
      const auto found = std::find_if(session.item_records.begin(), session.item_records.end(),
                                      [&](const ExerciseDone& d) { return d.side == step.side; });
      // The last set's number is the one the coach reads (the 2-for-2 rule).
      const ExerciseDone record{item.exercise, item.exercise, step.side, step.set, measure, value};
      if (found == session.item_records.end()) {
        session.item_records.push_back(record);
      } else {
        *found = record;
      }
    }
    if (last_of_item(session)) {
      for (const auto& record : session.item_records) {
        std::erase_if(session.day_records,
                      [&](const ExerciseDone& d) { return d.exercise == record.exercise && d.side == record.side; });
        session.day_records.push_back(record);
      }
      session.item_records.clear();
      effects.records.push_back(update_for(session, item.exercise));
      ++session.items_stored;
      effects.lines.push_back(fmt::format("  {}: done, stored in the journal.", item.name));
    }
  }
  ++session.at;
  enter_step(session, effects, now_ms);
}

void skip_item(Session& session, SessionEffects& effects, std::int64_t now_ms) {
  const SessionStep& step = session.steps[session.at];
  if (!item_step(step.kind)) {
    ++session.at;  // a question skipped: not recorded
    enter_step(session, effects, now_ms);
    return;
  }
  const Item& item = item_of(session, step);
  session.item_records.clear();
  const bool some_done = std::any_of(session.day_records.begin(), session.day_records.end(),
                                     [&](const ExerciseDone& d) { return d.exercise == item.exercise; });
  if (some_done) {
    // A skip would replace the side done already; the journal keeps that side.
    effects.lines.push_back(fmt::format("  {}: skipped; the side done before stays in the journal.", item.name));
  } else {
    JournalUpdate update;
    update.addition.date = session.setup.date;
    update.addition.skipped.push_back({item.exercise, ""});
    effects.records.push_back(std::move(update));
    ++session.items_stored;
    effects.lines.push_back(fmt::format("  {}: skipped, noted in the journal.", item.name));
  }
  const std::size_t skipped_item = step.item;
  while (session.at < session.steps.size() && session.steps[session.at].item == skipped_item) ++session.at;
  enter_step(session, effects, now_ms);
}

void answer(Session& session, SessionEffects& effects, std::int64_t now_ms) {
  const SessionStep& step = session.steps[session.at];
  const std::string text = session.typed;
  session.typed.clear();
  if (step.kind == StepKind::reps) {
    const Item& item = item_of(session, step);
    int reps = planned_reps(item);
    if (!text.empty()) {
      const int most = most_reps(session, item);
      const bool digits = text.size() <= 5 && std::all_of(text.begin(), text.end(), [](char c) {
        return c >= '0' && c <= '9';
      });
      reps = digits ? std::stoi(text) : 0;
      if (reps < 1 || reps > most) {
        effects.lines.push_back(fmt::format("  Expected the reps done, 1 to {}; Enter for {}, or s to skip {}.", most,
                                            planned_reps(item), item.name));
        return;
      }
    }
    complete_step(session, effects, now_ms, reps);
    return;
  }
  const Moment moment = step.kind == StepKind::pain_during ? Moment::during : Moment::after;
  if (!text.empty()) {
    const auto scores = parse_knee_scores(text);
    if (!scores) {
      effects.lines.push_back("  Expected a score from 0 to 10, or left:N,right:N; Enter to leave it out.");
      return;
    }
    JournalUpdate update;
    update.addition.date = session.setup.date;
    update.addition.pain_at(moment) = *scores;
    effects.records.push_back(std::move(update));
  }
  ++session.at;
  enter_step(session, effects, now_ms);
}

bool answering(const SessionStep& step) {
  return step.kind == StepKind::reps || step.kind == StepKind::pain_during || step.kind == StepKind::pain_after;
}

void on_key(Session& session, SessionEffects& effects, char key, std::int64_t now_ms) {
  const SessionStep& step = session.steps[session.at];
  const bool enter = key == kKeyEnter || key == '\n';
  if (session.typed.empty() && key == kKeyQuit) {
    effects.lines.push_back(fmt::format(
        "Stopped. {} item{} stored today; run `kneeplan session` again to carry on from here.", session.items_stored,
        session.items_stored == 1 ? "" : "s"));
    session.quit = true;
    finish(session, effects);
    return;
  }
  if (session.typed.empty() && key == kKeySkip) {
    skip_item(session, effects, now_ms);
    return;
  }
  if (answering(step)) {
    if (enter) {
      answer(session, effects, now_ms);
    } else if (key == kKeyBackspace || key == '\b') {
      if (!session.typed.empty()) session.typed.pop_back();
    } else if (key > ' ' && key < '\x7f' && session.typed.size() < kLongestAnswer) {
      session.typed += key;
    }
    return;
  }
  if (!session.counting) {
    if (enter) start_countdown(session, now_ms);  // a hold or roll waiting for Enter
    return;
  }
  if (key == kKeyPause) {
    if (session.paused) {
      session.ends_at_ms = now_ms + session.remaining_ms;
    } else {
      session.remaining_ms = std::max<std::int64_t>(0, session.ends_at_ms - now_ms);
    }
    session.paused = !session.paused;
  } else if (enter && step.kind == StepKind::rest) {
    complete_step(session, effects, now_ms, 0);  // rested enough
  }
}

}  // namespace

int planned_reps(const Item& item) { return item.reps.min; }

std::pair<Session, SessionEffects> start_session(SessionSetup setup, std::int64_t now_ms) {
  Session session;
  session.steps = build_steps(setup);
  session.day_records = setup.logged.done;
  session.setup = std::move(setup);
  SessionEffects effects;
  std::vector<std::string> logged;
  for (const auto& item : session.setup.items) {
    if (item_logged(session.setup.logged, item)) logged.push_back(item.name);
  }
  if (!logged.empty()) {
    effects.lines.push_back(fmt::format("Already in the journal today: {}.", fmt::join(logged, ", ")));
  }
  if (session.steps.empty()) {
    effects.lines.push_back("Today's session is in the journal already. Rest well.");
    finish(session, effects);
    return {std::move(session), std::move(effects)};
  }
  enter_step(session, effects, now_ms);
  return {std::move(session), std::move(effects)};
}

SessionEffects step(Session& session, const SessionEvent& event, std::int64_t now_ms) {
  SessionEffects effects;
  if (session.finished) return effects;
  if (event.kind == EventKind::key) {
    if (session.counting && !session.paused) session.remaining_ms = std::max<std::int64_t>(0, session.ends_at_ms - now_ms);
    on_key(session, effects, event.key, now_ms);
    return effects;
  }
  if (!session.counting || session.paused) return effects;
  session.remaining_ms = std::max<std::int64_t>(0, session.ends_at_ms - now_ms);
  if (session.remaining_ms == 0) {
    effects.bell = true;
    complete_step(session, effects, now_ms, session.steps[session.at].seconds);
  }
  return effects;
}

SessionStatus session_status(const Session& session) {
  SessionStatus status;
  const SessionStep* step = current(session);
  if (!step) return status;
  switch (step->kind) {
    case StepKind::reps: {
      const Item& item = item_of(session, *step);
      status.title = fmt::format("{}, set {} of {}{}", item.name, step->set, item.sets, side_words(step->side));
      status.prompt = fmt::format("Reps done (Enter: {}): {}", planned_reps(item), session.typed);
      status.keys = "Enter: as planned  s: skip  q: quit";
      return status;
    }
    case StepKind::pain_during:
      status.prompt = fmt::format("Worst knee pain during the exercises, 0-10 (Enter: leave out): {}", session.typed);
      status.keys = "q: quit";
      return status;
    case StepKind::pain_after:
      status.prompt = fmt::format("Knee pain now, after the session, 0-10 (Enter: leave out): {}", session.typed);
      status.keys = "q: quit";
      return status;
    case StepKind::hold:
      status.title = item_of(session, *step).category == Category::warm_up
                         ? item_of(session, *step).name
                         : fmt::format("{}: hold{}", item_of(session, *step).name, side_words(step->side));
      break;
    case StepKind::roll:
      status.title = fmt::format("{}: roll the {}{}", item_of(session, *step).name, step->area, side_words(step->side));
      break;
    case StepKind::rest:
      status.title = fmt::format("Rest before set {}", step->set + 1);
      break;
  }
  status.countdown = true;
  status.waiting = !session.counting;
  status.paused = session.paused;
  status.total_ms = std::int64_t{step->seconds} * 1000;
  status.remaining_ms = session.counting ? session.remaining_ms : status.total_ms;
  status.keys = status.waiting               ? "Enter: start  s: skip  q: quit"
                : step->kind == StepKind::rest ? "Space: pause  Enter: go on  q: quit"
                                               : "Space: pause  s: skip  q: quit";
  return status;
}

}  // namespace kneeplan
