// Micro-benchmarks of the core: loading data, building plans and rendering
// them, and reading and coaching a journal. The Arg of each family is its
// size (exercises, weeks or days of journal), so the reported complexity fit
// shows whether the time grows linearly with it.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/core/coach.hpp"
#include "kneeplan/core/journal.hpp"
#include "kneeplan/core/progress.hpp"
#include "kneeplan/io/journal_store.hpp"
#include "kneeplan/render/progress.hpp"
#include "kneeplan/core/dates.hpp"
#include "kneeplan/io/diagnostics.hpp"
#include "kneeplan/io/embedded.hpp"
#include "kneeplan/core/guidelines.hpp"
#include "kneeplan/io/load.hpp"
#include "kneeplan/core/plan_limits.hpp"
#include "kneeplan/core/planner.hpp"
#include "kneeplan/render/render.hpp"
#include "kneeplan/core/safety.hpp"

namespace {

using namespace kneeplan;

std::string builtin_text(std::string_view name) { return std::string(*embedded(name)); }

// A catalogue of `count` exercises made by scripts/make-big-catalogue.py at build time.
std::string generated_catalogue(benchmark::IterationCount count) {
  return read_input_file(std::string(KNEEPLAN_BENCH_DATA_DIR) + "/catalogue-" + std::to_string(count) + ".json");
}

// What `kneeplan plan` builds by default: the built-in data, the default profile
// and its screening findings, for `weeks` weeks from a fixed Monday.
Plan default_plan(int weeks) {
  const Catalogue catalogue = parse_catalogue(builtin_text("catalogue.json"), "catalogue.json");
  const Guidelines guidelines = parse_guidelines(builtin_text("guidelines.json"), "guidelines.json");
  const SafetyRules rules = parse_safety_rules(builtin_text("safety.json"), "safety.json");
  const Profile profile;
  PlanOptions options;
  options.weeks = weeks;
  options.start = *parse_date("2026-11-23");
  return build_plan(catalogue, guidelines, profile, options, screen(rules, profile));
}

void BM_ParseBuiltinCatalogue(benchmark::State& state) {
  const std::string text = builtin_text("catalogue.json");
  for (auto _ : state) benchmark::DoNotOptimize(parse_catalogue(text, "catalogue.json"));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ParseBuiltinCatalogue);

// All the built-in data `plan` loads on every run.
void BM_ParseBuiltinData(benchmark::State& state) {
  const std::string catalogue = builtin_text("catalogue.json");
  const std::string guidelines = builtin_text("guidelines.json");
  const std::string safety = builtin_text("safety.json");
  for (auto _ : state) {
    benchmark::DoNotOptimize(parse_catalogue(catalogue, "catalogue.json"));
    benchmark::DoNotOptimize(parse_guidelines(guidelines, "guidelines.json"));
    benchmark::DoNotOptimize(parse_safety_rules(safety, "safety.json"));
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<std::int64_t>(catalogue.size() + guidelines.size() + safety.size()));
}
BENCHMARK(BM_ParseBuiltinData);

void BM_ParseGeneratedCatalogue(benchmark::State& state) {
  const std::string text = generated_catalogue(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(parse_catalogue(text, "catalogue.json"));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_ParseGeneratedCatalogue)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)->Complexity(benchmark::oN);

// What `kneeplan validate` does with one file.
void BM_ValidateGeneratedCatalogue(benchmark::State& state) {
  const std::string text = generated_catalogue(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(validate_document(text, "catalogue.json"));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_ValidateGeneratedCatalogue)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)->Complexity(benchmark::oN);

void BM_BuildPlan(benchmark::State& state) {
  const Catalogue catalogue = parse_catalogue(builtin_text("catalogue.json"), "catalogue.json");
  const Guidelines guidelines = parse_guidelines(builtin_text("guidelines.json"), "guidelines.json");
  const SafetyRules rules = parse_safety_rules(builtin_text("safety.json"), "safety.json");
  const Profile profile;
  const std::vector<Finding> findings = screen(rules, profile);
  PlanOptions options;
  options.weeks = static_cast<int>(state.range(0));
  options.start = *parse_date("2026-11-23");
  for (auto _ : state) benchmark::DoNotOptimize(build_plan(catalogue, guidelines, profile, options, findings));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_BuildPlan)->Arg(4)->Arg(12)->Arg(52)->Complexity(benchmark::oN);

void BM_RenderJson(benchmark::State& state) {
  const Plan plan = default_plan(static_cast<int>(state.range(0)));
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string out = render_json(plan, "kneeplan bench");
    bytes = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_RenderJson)->Arg(4)->Arg(12)->Arg(52)->Complexity(benchmark::oN);

void BM_RenderText(benchmark::State& state) {
  const Plan plan = default_plan(static_cast<int>(state.range(0)));
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string out = render_text(plan, Style{});
    bytes = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_RenderText)->Arg(4)->Arg(12)->Arg(52)->Complexity(benchmark::oN);

// A journal of `days` daily sessions up to the day before the plan starts:
// each day the default plan's session for its weekday at the planned dose,
// no pain (so the coach's whole path runs), as scripts/make-big-journal.py
// writes it for the whole-process timings.
std::vector<JournalEntry> daily_journal(const Plan& week, int days) {
  const Catalogue catalogue = parse_catalogue(builtin_text("catalogue.json"), "catalogue.json");
  std::vector<JournalEntry> entries;
  const auto start = week.weeks.front().days.front().date;
  for (int number = days; number >= 1; --number) {
    JournalEntry entry;
    entry.date = start - std::chrono::days{number};
    const auto& days_of_week = week.weeks.front().days;
    const Day* day = &days_of_week[static_cast<std::size_t>((entry.date - start).count() % 7 + 7) % 7];
    if (day->rest) day = first_session(week);
    for (const auto& item : day->items) {
      for (auto& record : planned_records(*catalogue.find(item.exercise), item)) entry.done.push_back(record);
    }
    for (const Moment moment : {Moment::before, Moment::during, Moment::after, Moment::next_day}) {
      entry.pain_at(moment) = {0, 0};
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

// Reading every entry of a journal of `days` days from SQLite (in memory:
// the file's page reads are in the whole-process timings).
void BM_ReadJournal(benchmark::State& state) {
  JournalStore store = JournalStore::in_memory();
  store.import(daily_journal(default_plan(1), static_cast<int>(state.range(0))));
  for (auto _ : state) benchmark::DoNotOptimize(store.entries());
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_ReadJournal)->Arg(365)->Arg(730)->Unit(benchmark::kMillisecond)->Complexity(benchmark::oN);

// What today reads of the same journal: the coach's window as its rules read
// it, today's entry whole, the session days and symptoms before the window.
void BM_ReadJournalHistory(benchmark::State& state) {
  const Guidelines guidelines = parse_guidelines(builtin_text("guidelines.json"), "guidelines.json");
  const Plan plan = default_plan(1);
  JournalStore store = JournalStore::in_memory();
  store.import(daily_journal(plan, static_cast<int>(state.range(0))));
  const auto today = plan.weeks.front().days.front().date;
  const auto from = coach_reads_from(today, guidelines);
  for (auto _ : state) benchmark::DoNotOptimize(store.history(from, today));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_ReadJournalHistory)->Arg(365)->Arg(730)->Unit(benchmark::kMillisecond)->Complexity(benchmark::oN);

// The journal's facts and the coach's decisions for a week's plan.
void BM_Coach(benchmark::State& state) {
  const Guidelines guidelines = parse_guidelines(builtin_text("guidelines.json"), "guidelines.json");
  const Catalogue catalogue = parse_catalogue(builtin_text("catalogue.json"), "catalogue.json");
  const Plan plan = default_plan(1);
  const JournalHistory journal(daily_journal(plan, static_cast<int>(state.range(0))));
  const auto today = plan.weeks.front().days.front().date;
  for (auto _ : state) {
    benchmark::DoNotOptimize(journal_facts(journal, today, guidelines));
    benchmark::DoNotOptimize(coach(journal, today, plan, catalogue, guidelines, false));
  }
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_Coach)->Arg(365)->Arg(730)->Complexity(benchmark::oN);

// progress's summary (8 weeks and the streak back to the first session) and its text.
void BM_Progress(benchmark::State& state) {
  const Plan plan = default_plan(1);
  const JournalHistory journal(daily_journal(plan, static_cast<int>(state.range(0))));
  const auto today = plan.weeks.front().days.front().date;
  constexpr TrainingDays six_days{true, true, true, true, true, true, false};
  for (auto _ : state) {
    const Progress progress = summarise_progress(journal, today, 8, six_days);
    ProgressView view;
    view.progress = &progress;
    benchmark::DoNotOptimize(render_progress_text(view, Style{}, true));
  }
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_Progress)->Arg(365)->Arg(730)->Complexity(benchmark::oN);

// Inputs that once took seconds to minutes (scripts/make-hostile-inputs.py).
// scripts/perf holds each to a bound.
std::string hostile(std::string_view name) {
  return read_input_file(std::string(KNEEPLAN_BENCH_DATA_DIR) + "/hostile/" + std::string(name) + ".json");
}

// validate on a file that is refused: the time to every diagnostic.
void validate_refused(benchmark::State& state, std::string_view name) {
  const std::string text = hostile(name);
  for (auto _ : state) {
    try {
      benchmark::DoNotOptimize(validate_document(text, std::string(name)));
      state.SkipWithError("the input was accepted");
    } catch (const DataError& error) {
      benchmark::DoNotOptimize(error.diagnostics().size());
    }
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}

// 1,000 exercises x 1,000 unknown alternatives: "did you mean" searches.
void BM_HostileAlternativesUnknown(benchmark::State& state) { validate_refused(state, "alternatives-unknown"); }
BENCHMARK(BM_HostileAlternativesUnknown)->Unit(benchmark::kMillisecond);

// The same 300 unknown alternatives in 2,000 exercises: one search per distinct id.
void BM_HostileAlternativesRepeated(benchmark::State& state) { validate_refused(state, "alternatives-repeated"); }
BENCHMARK(BM_HostileAlternativesRepeated)->Unit(benchmark::kMillisecond);

// 1,500,000 unknown keys in a profile: nothing is built past the 100-problem cap.
void BM_HostileProfileKeys(benchmark::State& state) { validate_refused(state, "profile-keys"); }
BENCHMARK(BM_HostileProfileKeys)->Unit(benchmark::kMillisecond);

// build_plan on a loaded catalogue, for a novice with `equipment`.
void plan_from(benchmark::State& state, std::string_view name, std::optional<std::vector<std::string>> equipment) {
  const Catalogue catalogue = parse_catalogue(hostile(name), std::string(name));
  const Guidelines guidelines = parse_guidelines(builtin_text("guidelines.json"), "guidelines.json");
  Profile profile;
  profile.equipment = std::move(equipment);
  PlanOptions options;
  options.start = *parse_date("2026-11-23");
  for (auto _ : state) {
    try {
      benchmark::DoNotOptimize(build_plan(catalogue, guidelines, profile, options));
    } catch (const PlanTooLarge& error) {
      benchmark::DoNotOptimize(error.what());
    }
  }
}

// 80,000 strength exercises: the muscle-group split, then the refusal by size.
void BM_HostileStrength80000(benchmark::State& state) { plan_from(state, "strength-80000", std::nullopt); }
BENCHMARK(BM_HostileStrength80000)->Unit(benchmark::kMillisecond);

// 75,000 exercises that need a step, each with the last one as alternative: Catalogue::find.
void BM_HostileAlternativeLast(benchmark::State& state) {
  plan_from(state, "alternative-last", std::vector<std::string>{});
}
BENCHMARK(BM_HostileAlternativeLast)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
