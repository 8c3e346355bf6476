#include "coach_flow.hpp"

#include <fmt/format.h>

#include "kneeplan/core/planner.hpp"
#include "kneeplan/core/text.hpp"
#include "kneeplan/io/diagnostics.hpp"
#include "kneeplan/io/journal_store.hpp"
#include "kneeplan/render/render.hpp"
#include "locations.hpp"
#include "output.hpp"

namespace kneeplan::cli {

std::optional<JournalHistory> read_journal(const GlobalOptions& global, std::chrono::sys_days from,
                                           std::chrono::sys_days whole_from, bool may_be_new) {
  std::filesystem::path path;
  if (!global.journal.empty()) {
    path = global.journal;
  } else {
    try {
      path = journal_path(global);
    } catch (const UsageError&) {
      return std::nullopt;  // no home to look in: no default journal
    }
  }
  auto store = JournalStore::open_existing(path);
  if (!store) {
    if (global.journal.empty() || may_be_new) return std::nullopt;
    throw DataError(path.string(), "", "no journal here; `kneeplan log` starts one, or leave out --journal");
  }
  return store->history(std::min(from, whole_from), whole_from);
}

CoachedProfile resolve_coached(const GlobalOptions& global, const ProfileOptions& options, const Guidelines& guidelines,
                               std::chrono::sys_days today, const JournalNeeds& needs) {
  CoachedProfile coached;
  const std::chrono::sys_days coach_from = coach_reads_from(today, guidelines);
  coached.journal = read_journal(global, coach_from, needs.whole_from.value_or(today), needs.may_be_new);
  if (coached.journal) coached.facts = journal_facts(*coached.journal, today, guidelines);
  coached.profile = options.resolve(coached.journal ? &coached.facts : nullptr);
  return coached;
}

std::optional<CoachedPlan> coached_plan(const GlobalOptions& global, const ProfileOptions& profile_options,
                                        const PlanOptions& options, bool maintenance, const JournalNeeds& needs) {
  Catalogue catalogue = load_catalogue(global);
  const Guidelines guidelines = load_guidelines(global);
  const SafetyRules rules = load_safety(global);
  // The plan's first day is the coach's today, so the same --start gives the same plan.
  CoachedProfile coached = resolve_coached(global, profile_options, guidelines, options.start, needs);
  if (maintenance && !coached.journal) {
    throw UsageError("--maintenance: the lighter week follows the journal, and there is none; log sessions first");
  }
  const Profile& profile = coached.profile;

  std::vector<Finding> findings = screen(rules, profile);
  if (!plan_allowed(findings, profile.cleared_by_clinician)) {
    // Reads as `check` does: what the journal said, the findings, then what to do next.
    for (const auto& decision : coached.facts.decisions) {
      write_stderr(for_locale(fmt::format("From your journal: {}\n", printable(decision.text))));
    }
    write_stderr(for_locale(render_findings_text(findings, rules, Style{colour_for(stderr)})));
    print_error(fmt::format("no plan given. {}", verdict_text(verdict(findings, profile.cleared_by_clinician))));
    return std::nullopt;
  }
  Plan plan = build_plan(catalogue, guidelines, profile, options, std::move(findings));
  if (plan.budget && !plan.budget->fits) {
    const std::string given = profile_options.overrides.minutes_per_day
                                  ? fmt::format("--minutes {}", plan.budget->minutes)
                                  : fmt::format("minutes_per_day {} in {}", plan.budget->minutes, profile_options.file);
    throw UsageError(fmt::format("{} is too short for this plan: a training day needs at least {} minutes for the "
                                 "warm-up, strength work at your level's fewest sets and one stretch. Give {} or more "
                                 "minutes.",
                                 given, plan.budget->smallest, plan.budget->smallest));
  }
  if (coached.journal) {
    plan.decisions = coached.facts.decisions;
    apply_coaching(plan, coach(*coached.journal, options.start, plan, catalogue, guidelines, maintenance), catalogue,
                   guidelines);
  }
  return CoachedPlan{std::move(catalogue), std::move(plan), std::move(coached.journal)};
}

Plan plan_without_gate(const GlobalOptions& global, const Catalogue& catalogue, const ProfileOptions& profile_options,
                       const PlanOptions& options) {
  const Guidelines guidelines = load_guidelines(global);
  const CoachedProfile coached = resolve_coached(global, profile_options, guidelines, options.start, {true, {}});
  Plan plan = build_plan(catalogue, guidelines, coached.profile, options, screen(load_safety(global), coached.profile));
  if (coached.journal) {
    apply_coaching(plan, coach(*coached.journal, options.start, plan, catalogue, guidelines, false), catalogue, guidelines);
  }
  return plan;
}

}  // namespace kneeplan::cli
