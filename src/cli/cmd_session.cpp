// `kneeplan session`: today's items guided one by one in the terminal, with
// countdowns, each item stored in the journal as soon as it is done. The
// state machine is core/session; this file reads the clock and the keys,
// draws one status line and stores the records.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>

#include "coach_flow.hpp"
#include "kneeplan/core/dates.hpp"
#include "kneeplan/core/session.hpp"
#include "kneeplan/core/text.hpp"
#include "kneeplan/io/diagnostics.hpp"
#include "kneeplan/io/journal_store.hpp"
#include "kneeplan/render/today.hpp"
#include "locations.hpp"
#include "output.hpp"
#include "terminal.hpp"

namespace kneeplan::cli {

namespace {

using std::chrono::sys_days;

constexpr int kTickMs = 100;
constexpr int kBarWidth = 20;

struct SessionRequest {
  ProfileOptions profile;
  PlanFlags plan;
  std::string date;  // empty: today
  bool maintenance = false;
  bool quiet = false;
};

// Columns `text` takes: its bytes that start a UTF-8 character.
std::size_t columns_of(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// `text` cut to `columns`, ending in "..." when it was longer.
std::string cut_to(const std::string& text, std::size_t columns) {
  if (columns_of(text) <= columns) return text;
  const std::size_t keep = columns > 3 ? columns - 3 : 0;
  std::size_t seen = 0;
  std::size_t end = 0;
  for (; end < text.size(); ++end) {
    const bool starts_character = (static_cast<unsigned char>(text[end]) & 0xC0) != 0x80;
    if (starts_character && seen++ == keep) break;
  }
  return text.substr(0, end) + "...";
}

// One line redrawn in place (carriage return, then clear to the end of the
// line), with the lines that stay printed above it.
class StatusLine {
 public:
  StatusLine(bool colour, bool utf8) : colour_(colour), utf8_(utf8) {}

  void print_above(const std::string& line) {
    clear();
    fmt::print("{}\n", printable(in_charset(line)));
    std::fflush(stdout);
  }

  void show(const SessionStatus& status) {
    const std::string line = compose(status);
    if (line == shown_) return;
    fmt::print("\r{}\x1b[K", line);
    std::fflush(stdout);
    shown_ = line;
  }

  void clear() {
    if (shown_.empty()) return;
    fmt::print("\r\x1b[K");
    shown_.clear();
  }

 private:
  // Names and questions in the terminal's character set.
  std::string in_charset(const std::string& text) const { return utf8_ ? text : ascii_text(text); }

  std::string paint(std::string_view text, std::string_view code) const {
    return colour_ ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
  }

  // The bar shows the time left: full at the start, empty at zero.
  std::string bar(const SessionStatus& status) const {
    const std::int64_t total = std::max<std::int64_t>(1, status.total_ms);
    const auto left_cells = static_cast<int>((status.remaining_ms * kBarWidth + total - 1) / total);
    std::string cells;
    for (int i = 0; i < kBarWidth; ++i) {
      if (utf8_) {
        cells += i < left_cells ? "\u2588" : "\u2591";
      } else {
        cells += i < left_cells ? '#' : '.';
      }
    }
    const std::string_view code = status.paused ? "33" : status.waiting ? "2" : "32";
    return "[" + paint(cells, code) + "]";
  }

  std::string compose(const SessionStatus& status) const {
    const std::size_t width = static_cast<std::size_t>(std::max(20, terminal_columns() - 1));
    if (!status.countdown) {
      // A question: the cursor stays after the answer typed.
      return in_charset(status.prompt);
    }
    const std::int64_t seconds = (status.remaining_ms + 999) / 1000;
    const std::string time = fmt::format("{}:{:02}", seconds / 60, seconds % 60);
    const std::string state = status.paused ? "  paused" : "";
    // The keys matter more than the whole title: a long title is cut to fit.
    const std::size_t rest = 1 + static_cast<std::size_t>(kBarWidth) + 2 + 1 + time.size() + state.size();
    const std::size_t keys = 2 + status.keys.size();
    std::string title = in_charset(status.title);
    const bool with_keys = rest + keys + 12 <= width;
    const std::size_t used = rest + (with_keys ? keys : 0);
    const std::size_t room = width > used ? width - used : 0;
    if (columns_of(title) > room) title = cut_to(title, room);
    std::string line = fmt::format("{} {} {}{}", title, bar(status), time, state);
    if (with_keys) line += "  " + paint(status.keys, "2");
    return line;
  }

  bool colour_;
  bool utf8_;
  std::string shown_;
};

// Stores each update in its own transaction, opening (or starting) the journal at the first.
class Recorder {
 public:
  Recorder(std::filesystem::path path, const Catalogue& catalogue) : path_(std::move(path)), catalogue_(catalogue) {}

  void store(const JournalUpdate& update) {
    const auto problems = check_entry(update.addition, catalogue_, today());
    if (!problems.empty()) {
      throw DataError(path_.string(), problems.front().field, problems.front().message + "; nothing more was stored");
    }
    // Not open_journal_for_writing(): an upgrade's note would land in the
    // middle of the session's screen. The copy is made all the same.
    if (!store_) store_ = JournalStore::open_for_writing(path_);
    store_->record(update);
  }

 private:
  std::filesystem::path path_;
  const Catalogue& catalogue_;
  std::optional<JournalStore> store_;
};

int run_session(const GlobalOptions& global, const SessionRequest& request) {
  if (!on_terminal()) {
    throw UsageError(
        "session guides you in a terminal, and standard input or output is not one; to record a session "
        "without a terminal, use `kneeplan log` (for example `kneeplan log --done side-plank --pain-after 1`)");
  }
  const sys_days now = today();
  const sys_days date = request.date.empty() ? now : *parse_date(request.date);
  if (date > now) {
    throw UsageError(fmt::format("--date {}: that day has not come yet; `kneeplan today --date {}` shows its session",
                                 request.date, request.date));
  }
  if (date < kJournalEpoch) {
    throw UsageError(fmt::format("--date {}: the journal holds sessions from {} on", request.date,
                                 format_date(kJournalEpoch)));
  }
  PlanFlags flags = request.plan;
  flags.weeks = 1;
  flags.start = format_date(date);
  const std::filesystem::path path = journal_path(global);
  const auto coached = coached_plan(global, request.profile, flags.resolve(), request.maintenance, {true, {}});
  if (!coached) return kSafety;
  const std::vector<Day>& days = coached->plan.weeks.front().days;
  const Day& day = days.front();
  const bool colour = colour_for(stdout);

  if (day.rest) {
    TodayView view;
    view.plan = &coached->plan;
    view.day = &day;
    const auto next = std::find_if(days.begin() + 1, days.end(), [](const Day& d) { return !d.rest; });
    if (next != days.end()) view.next = &*next;
    write_output("-", for_locale(render_today_text(view, Style{colour})) +
                          (view.next ? fmt::format("\nRun `kneeplan session` on {} to be guided through it.\n",
                                                   format_date(view.next->date))
                                     : ""));
    return kOk;
  }

  SessionSetup setup;
  setup.date = date;
  setup.items = day.items;
  setup.catalogue = coached->catalogue;
  setup.logged.date = date;
  if (coached->journal) {
    for (const auto& entry : coached->journal->entries) {
      if (entry.date == date) setup.logged = entry;
    }
  }

  Recorder recorder(path, coached->catalogue);
  StatusLine status(colour, utf8_locale());
  fmt::print("Session for {}: {} item{}, about {} min. Each item is stored in {} as soon as it is done.\n"
             "Keys: Space pauses or resumes a countdown, s skips the exercise, q stops (what is done stays "
             "stored).\n",
             format_date(date), day.items.size(), day.items.size() == 1 ? "" : "s", day.minutes, path.string());

  RawTerminal terminal;
  const auto started = std::chrono::steady_clock::now();
  const auto clock_ms = [&started] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  };
  const auto carry_out = [&](const SessionEffects& effects) {
    for (const auto& line : effects.lines) status.print_above(line);
    for (const auto& update : effects.records) recorder.store(update);
    if (effects.bell && !request.quiet) {
      fmt::print("\a");
      std::fflush(stdout);
    }
  };
  auto [session, effects] = start_session(std::move(setup), clock_ms());
  carry_out(effects);
  while (!session.finished) {
    status.show(session_status(session));
    if (const auto key = terminal.read_key(kTickMs)) {
      carry_out(step(session, {EventKind::key, *key}, clock_ms()));
    }
    carry_out(step(session, {EventKind::tick, 0}, clock_ms()));
  }
  status.clear();
  std::fflush(stdout);
  return kOk;
}

}  // namespace

Command add_session_command(CLI::App& app, const GlobalOptions& global) {
  auto request = std::make_shared<SessionRequest>();
  CLI::App* command = app.add_subcommand(
      "session", "Be guided through today's session in the terminal: countdowns for holds, rolling and rest, "
                 "the reps asked after each set, each item stored in the journal when done");
  request->profile.add_to(*command);
  add_date_option(*command, request->date, "The day whose session to do (default: today)");
  request->plan.add_rest_day_to(*command);
  add_maintenance_flag(*command, request->maintenance);
  command->add_flag("--quiet", request->quiet, "No bell at the end of a countdown");
  command->footer(
      "Keys: Space pauses or resumes a countdown, Enter starts a hold or answers, s skips the exercise, q stops.\n"
      "Run again the same day to carry on after the items stored. Without a terminal, record with `kneeplan log`.\n"
      "Example: kneeplan session --quiet");
  return {command, [request, &global] { return run_session(global, *request); }};
}

}  // namespace kneeplan::cli
