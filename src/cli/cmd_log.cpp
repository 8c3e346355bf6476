// `kneeplan log`: record a session in the journal; `kneeplan log undo`.
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "kneeplan/core/dates.hpp"
#include "kneeplan/core/journal.hpp"
#include "kneeplan/core/planner.hpp"
#include "kneeplan/core/text.hpp"
#include "kneeplan/io/diagnostics.hpp"
#include "kneeplan/io/journal_store.hpp"
#include "kneeplan/render/journal.hpp"
#include "kneeplan/render/render.hpp"
#include "coach_flow.hpp"
#include "locations.hpp"
#include "output.hpp"
#include "profile_options.hpp"
#include "prompt.hpp"

namespace kneeplan::cli {

namespace {

using std::chrono::sys_days;

struct LogRequest {
  ProfileOptions profile;
  std::string date;
  std::vector<std::string> done;
  std::vector<std::string> skipped;
  std::array<std::optional<int>, 4> pain;  // by Moment
  std::string knee;
  std::vector<std::string> symptoms;
  std::vector<std::string> symptoms_gone;
  std::vector<std::string> notes;
  bool json = false;
  bool yes = false;  // undo only
  CLI::App* undo = nullptr;

  bool anything_given() const {
    return !done.empty() || !skipped.empty() || std::any_of(pain.begin(), pain.end(), [](auto& p) { return p; }) ||
           !symptoms.empty() || !symptoms_gone.empty() || !notes.empty();
  }
};

// The plan for the week from `date`, for the planned doses: the one `plan`
// and `today` show, so "as planned" is the dose the journal's coach set.
Plan week_plan(const GlobalOptions& global, const Catalogue& catalogue, const ProfileOptions& profile, sys_days date) {
  PlanOptions options;
  options.weeks = 1;
  options.start = date;
  return plan_without_gate(global, catalogue, profile, options);
}

const Exercise& known_exercise(const Catalogue& catalogue, const std::string& id, std::string_view flag) {
  if (const Exercise* exercise = catalogue.find(id)) return *exercise;
  std::string message = fmt::format("{}: unknown exercise \"{}\"", flag, id);
  if (const auto near = closest_matches(id, catalogue.ids(), 3); !near.empty()) {
    message += fmt::format("; did you mean {}?", join(near, " or "));
  }
  throw UsageError(message + "; `kneeplan exercises` lists them");
}

std::string flag_of(const std::string& field) {
  const std::string head = field.substr(0, field.find('/'));
  if (head == "done" || head == "skipped" || head == "date" || head == "symptoms") {
    return head == "symptoms" ? "--symptom" : "--" + head;
  }
  if (head == "pain") {
    const auto moment = field.substr(std::min(field.size(), std::string("pain/").size()));
    return "--pain-" + moment.substr(0, moment.find('/'));
  }
  return "log";
}

// The flags as one addition to the day's entry; a UsageError for anything wrong.
JournalUpdate update_from_flags(const LogRequest& request, const Catalogue& catalogue, const Plan* plan,
                                sys_days date) {
  JournalUpdate update;
  JournalEntry& entry = update.addition;
  entry.date = date;
  for (const auto& value : request.done) {
    const auto equals = value.find('=');
    const std::string id = value.substr(0, equals);
    const Exercise& exercise = known_exercise(catalogue, id, "--done");
    const std::string dose = equals == std::string::npos ? "" : value.substr(equals + 1);
    const DoneParse parsed = parse_done(exercise, dose, plan ? find_planned(*plan, id) : nullptr);
    if (!parsed.problem.empty()) throw UsageError(fmt::format("--done {}: {}", value, parsed.problem));
    entry.done.insert(entry.done.end(), parsed.records.begin(), parsed.records.end());
  }
  for (const auto& value : request.skipped) {
    const auto equals = value.find('=');
    const std::string id = value.substr(0, equals);
    (void)known_exercise(catalogue, id, "--skipped");
    entry.skipped.push_back({id, equals == std::string::npos ? "" : value.substr(equals + 1)});
  }
  const auto knee = parse_name<Knee>(request.knee);
  for (std::size_t moment = 0; moment < request.pain.size(); ++moment) {
    if (!request.pain[moment]) continue;
    for (const Knee k : {Knee::left, Knee::right}) {
      if (!knee || *knee == k) entry.pain[moment].of(k) = request.pain[moment];
    }
  }
  for (const auto& name : request.symptoms) {
    if (std::find(request.symptoms_gone.begin(), request.symptoms_gone.end(), name) != request.symptoms_gone.end()) {
      throw UsageError(fmt::format("--symptom {} and --symptom-gone {}: give one of the two", name, name));
    }
    entry.symptoms.push_back({name, std::nullopt});
  }
  for (const auto& note : request.notes) {
    if (note.empty()) throw UsageError("--note: expected some text, found nothing");
    entry.notes.push_back(note);
  }
  update.symptoms_gone = request.symptoms_gone;
  return update;
}

void check_update(const JournalUpdate& update, const Catalogue& catalogue, sys_days today_date) {
  const auto problems = check_entry(update.addition, catalogue, today_date);
  if (problems.empty()) return;
  std::vector<std::string> lines;
  for (const auto& problem : problems) lines.push_back(fmt::format("{}: {}", flag_of(problem.field), problem.message));
  throw UsageError(join(lines, "; "));
}

// Asks for each item of the day's planned session, then the pain and a note.
// nullopt when the person stops (end of input or "q").
std::optional<JournalUpdate> ask_session(const Catalogue& catalogue, const Plan& plan, sys_days date,
                                         const std::string& journal) {
  const Day* day = first_session(plan);
  if (!day) throw UsageError("the plan has no session that week; log with --done ID instead");
  write_stderr(fmt::format("Logging {} in {}.\nFor each exercise: Enter if you did the planned dose, or type what you did "
             "(2x10, or left:2x12,right:2x10), s to skip it, q to stop without storing.\n",
             day_text(date), journal));
  JournalUpdate update;
  update.addition.date = date;
  for (const Item& item : day->items) {
    const Exercise* exercise = catalogue.find(item.exercise);
    if (!exercise) continue;
    for (;;) {
      const auto answer = ask(fmt::format("{} (planned {}): ", item.name, planned_dose_text(item)));
      if (!answer || *answer == "q") return std::nullopt;
      if (*answer == "s") {
        const auto reason = ask("  Why did you skip it? (Enter: no reason) ");
        if (!reason) return std::nullopt;
        update.addition.skipped.push_back({item.exercise, *reason});
        break;
      }
      const DoneParse parsed = parse_done(*exercise, *answer, &item);
      if (parsed.problem.empty()) {
        update.addition.done.insert(update.addition.done.end(), parsed.records.begin(), parsed.records.end());
        break;
      }
      write_stderr(fmt::format("  {}\n", parsed.problem));
    }
  }
  const std::array<std::pair<Moment, std::string_view>, 3> moments{
      {{Moment::before, "Knee pain before the session"},
       {Moment::during, "Worst knee pain during it"},
       {Moment::after, "Knee pain after it"}}};
  for (const auto& [moment, question] : moments) {
    for (;;) {
      const auto answer = ask(fmt::format("{}, 0-10 (or left:N,right:N; Enter: not recorded): ", question));
      if (!answer || *answer == "q") return std::nullopt;
      if (answer->empty()) break;
      if (const auto scores = parse_knee_scores(*answer)) {
        update.addition.pain_at(moment) = *scores;
        break;
      }
      write_stderr("  expected a score from 0 to 10, or left:N,right:N\n");
    }
  }
  const auto note = ask("A note (Enter: none): ");
  if (!note) return std::nullopt;
  if (!note->empty()) update.addition.notes.push_back(*note);
  return update;
}

// Red-flag symptoms just logged: the screen's advice for them, on stderr.
void advise_on_symptoms(const GlobalOptions& global, const Profile& profile, const JournalEntry& entry) {
  Profile with_symptoms = profile;
  for (const auto& symptom : entry.symptoms) {
    if (!symptom.gone && !with_symptoms.has_symptom(symptom.name)) with_symptoms.symptoms.push_back(symptom.name);
  }
  if (with_symptoms.symptoms == profile.symptoms) return;
  const SafetyRules rules = load_safety(global);
  std::vector<Finding> findings = screen(rules, with_symptoms);
  std::erase_if(findings, [](const Finding& f) { return f.severity < Severity::refer; });
  if (!findings.empty()) write_stderr(for_locale(render_findings_text(findings, rules, Style{colour_for(stderr)})));
}

int run_log(const GlobalOptions& global, const LogRequest& request) {
  const sys_days now = today();
  const sys_days date = request.date.empty() ? now : *parse_date(request.date);
  const Catalogue catalogue = load_catalogue(global);
  const Profile profile = request.profile.resolve();
  const std::filesystem::path path = journal_path(global);

  const bool ask_for_session = !request.anything_given() && interactive();
  if (!request.anything_given() && !ask_for_session) {
    throw UsageError("nothing to log: give --done, --skipped, a --pain-… score, --symptom or --note "
                     "(run `kneeplan log --help` for examples)");
  }
  if (date < kJournalEpoch || date > now) {
    JournalEntry dated;
    dated.date = date;
    check_update({dated, {}}, catalogue, now);
  }
  const bool needs_plan = ask_for_session || std::any_of(request.done.begin(), request.done.end(), [](const auto& d) {
                            return d.find('=') == std::string::npos;
                          });
  const std::optional<Plan> plan =
      needs_plan ? std::optional<Plan>(week_plan(global, catalogue, request.profile, date)) : std::nullopt;

  JournalUpdate update;
  if (ask_for_session) {
    auto asked = ask_session(catalogue, *plan, date, path.string());
    if (!asked) {
      write_stderr("Stopped: nothing was stored.\n");
      return kBadData;
    }
    update = std::move(*asked);
  } else {
    update = update_from_flags(request, catalogue, plan ? &*plan : nullptr, date);
  }
  check_update(update, catalogue, now);

  if (!update.symptoms_gone.empty()) {
    // Checked before anything is written, so a wrong name stores nothing.
    const auto existing = JournalStore::open_existing(path);
    const auto open = existing ? existing->open_symptoms(date) : std::vector<std::string>{};
    for (const auto& name : update.symptoms_gone) {
      if (std::find(open.begin(), open.end(), name) == open.end()) {
        throw UsageError(fmt::format("--symptom-gone {}: the journal has no {} on or before {} that is still there{}",
                                     name, name, format_date(date),
                                     open.empty() ? "" : fmt::format(" (still there: {})", join(open))));
      }
    }
  }

  JournalStore store = open_journal_for_writing(path);
  const JournalEntry stored = store.record(update);
  if (request.json) {
    write_output("-", render_entry_json(stored));
  } else {
    write_output("-", fmt::format("Stored in {}:\n{}", path.string(),
                                  for_locale(render_entry_text(stored, catalogue, Style{colour_for(stdout)}))));
  }
  advise_on_symptoms(global, profile, stored);
  return kOk;
}

int run_undo(const GlobalOptions& global, const LogRequest& request) {
  const std::filesystem::path path = journal_path(global);
  std::optional<JournalEntry> latest;
  if (auto store = JournalStore::open_existing(path)) latest = store->latest_created();
  if (!latest) throw DataError(path.string(), "", "the journal has no entries; nothing to undo");
  const Catalogue catalogue = load_catalogue(global);
  write_output("-",
               "The latest entry:\n" + for_locale(render_entry_text(*latest, catalogue, Style{colour_for(stdout)})));
  if (!request.yes) {
    if (!interactive()) throw UsageError("not removed: add --yes to remove it without being asked");
    if (!confirm("Remove this entry?", false)) {
      write_stderr("Kept it.\n");
      return kOk;
    }
  }
  JournalStore store = open_journal_for_writing(path);
  if (!store.remove(latest->date)) {
    throw DataError(path.string(), "", "the entry was removed meanwhile; nothing else changed");
  }
  write_output("-", fmt::format("Removed the entry for {}.\n", format_date(latest->date)));
  return kOk;
}

}  // namespace

Command add_log_command(CLI::App& app, const GlobalOptions& global) {
  auto request = std::make_shared<LogRequest>();
  CLI::App* command = app.add_subcommand("log", "Record a session in the journal: what you did and how your knees felt");
  command->fallthrough();
  command->require_subcommand(0, 1);
  request->profile.add_file_to(*command);
  add_date_option(*command, request->date, "The session's date (default: today)");
  command
      ->add_option("--done", request->done,
                   "An exercise done (repeatable): ID as planned, ID=SETSxN (N reps, seconds held or passes), "
                   "ID=left:SETSxN,right:SETSxN")
      ->type_name("ID[=DOSE]")
      ->allow_extra_args(false);
  command->add_option("--skipped", request->skipped, "An exercise skipped, and why (repeatable)")
      ->type_name("ID[=REASON]")
      ->allow_extra_args(false);
  const std::array<std::string_view, 4> pain_help{"Knee pain before the session", "Worst knee pain during it",
                                                  "Knee pain just after it", "Knee pain the next morning"};
  for (std::size_t moment = 0; moment < request->pain.size(); ++moment) {
    std::string flag = "--pain-" + std::string(name_of(static_cast<Moment>(moment)));
    std::replace(flag.begin(), flag.end(), '_', '-');
    command->add_option(flag, request->pain[moment], fmt::format("{}, 0 (none) to 10 (worst)", pain_help[moment]))
        ->transform(whole_number(kPainBounds))
        ->type_name("0-10");
  }
  command->add_option("--knee", request->knee, "The knee the pain scores are for (default: both)")
      ->check(one_of(EnumNames<Knee>::names))
      ->type_name("left|right");
  command->add_option("--symptom", request->symptoms, "A red-flag symptom you have (repeatable)")
      ->check(one_of(kSymptoms))
      ->type_name(fmt::format("{}", fmt::join(kSymptoms, "|")))
      ->allow_extra_args(false);
  command->add_option("--symptom-gone", request->symptoms_gone, "A symptom logged before that has gone (repeatable)")
      ->check(one_of(kSymptoms))
      ->type_name("NAME")
      ->allow_extra_args(false);
  command->add_option("--note", request->notes, "A note on the session (repeatable)")
      ->type_name("TEXT")
      ->allow_extra_args(false);
  command->add_flag("--json", request->json, "Print the stored entry as JSON");
  command->footer(
      "With no options on a terminal, log asks about today's planned session item by item.\n"
      "Examples:\n"
      "  kneeplan log --done side-plank=left:2x12,right:2x10 --done leg-muscles-stretch=150 --pain-after 2\n"
      "  kneeplan log --date 2026-11-20 --pain-next-day 1 --knee left\n"
      "  kneeplan log --done single-leg-bridge --skipped side-step-up=\"no step\" --note \"felt easy\"");

  CLI::App* undo = command->add_subcommand("undo", "Show the entry logged last and remove it");
  undo->fallthrough();
  undo->add_flag("--yes", request->yes, "Remove it without asking");
  undo->footer("Example: kneeplan log undo --yes");
  request->undo = undo;
  return {command, [request, &global] {
            return request->undo->parsed() ? run_undo(global, *request) : run_log(global, *request);
          }};
}

}  // namespace kneeplan::cli
