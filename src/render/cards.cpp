#include "render/cards.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "kneeplan/core/ladders.hpp"
#include "render/util.hpp"

namespace kneeplan::detail {

namespace {

std::string kind_of(Category category) {
  switch (category) {
    case Category::strength:
      return "Strength";
    case Category::stretch:
      return "Stretch";
    case Category::foam_roll:
      return "Foam rolling";
    case Category::warm_up:
      return "Warm-up";
  }
  return {};
}

CardLink rung_link(const Exercise& rung, int position, int rungs) {
  std::string note = fmt::format("rung {} of {}", position, rungs);
  if (rung.impact) note += ", impact work";
  return {rung.name, note};
}

// The exercises that may take this one's place, with what each needs.
std::vector<CardLink> instead_of(const Exercise& exercise, const Catalogue& catalogue) {
  std::vector<CardLink> out;
  for (const auto& id : exercise.alternatives) {
    const Exercise* alternative = catalogue.find(id);
    if (!alternative) continue;
    std::string needs = needs_text(alternative->equipment);
    needs[0] = static_cast<char>(needs[0] - 'a' + 'A');
    out.push_back({alternative->name, needs});
  }
  return out;
}

// The first appearance of each exercise, and how often it comes, week by week.
struct Usage {
  const Item* first = nullptr;
  std::vector<DosePhase> dose;
  std::vector<int> days_per_week;  // one count per plan week
  std::string rest;                // between sets, once any week has more than one
};

std::string how_often(const std::vector<int>& days_per_week) {
  const auto [low, high] = std::minmax_element(days_per_week.begin(), days_per_week.end());
  const std::string count = *low == *high ? std::to_string(*low) : fmt::format("{}-{}", *low, *high);
  return fmt::format("{} day{} a week", count, *high == 1 ? "" : "s");
}

}  // namespace

CardRungs card_rungs(const Exercise& exercise, const Catalogue& catalogue) {
  const Ladders ladders(catalogue);
  const Ladder ladder = ladders.ladder_of(exercise);
  const int position = ladder.position(exercise.id);
  CardRungs rungs;
  for (int i = position - 1; i >= 1; --i) {
    rungs.easier.push_back(rung_link(*ladder.rungs[static_cast<std::size_t>(i - 1)], i, ladder.size()));
  }
  for (int i = position + 1; i <= ladder.size(); ++i) {
    rungs.harder.push_back(rung_link(*ladder.rungs[static_cast<std::size_t>(i - 1)], i, ladder.size()));
  }
  rungs.instead = instead_of(exercise, catalogue);
  return rungs;
}

std::string phase_weeks(const DosePhase& phase, int plan_weeks) {
  if (phase.first_week == 1 && phase.last_week == plan_weeks) return {};
  if (phase.first_week == phase.last_week) return fmt::format("week {}", phase.first_week);
  return fmt::format("weeks {}-{}", phase.first_week, phase.last_week);
}

std::vector<ExerciseCard> exercise_cards(const Plan& plan, const Catalogue& catalogue) {
  std::vector<std::string> order;
  std::map<std::string, Usage, std::less<>> usage;
  for (std::size_t w = 0; w < plan.weeks.size(); ++w) {
    const Week& week = plan.weeks[w];
    for (const auto& day : week.days) {
      for (const auto& item : day.items) {
        auto [entry, added] = usage.try_emplace(item.exercise);
        Usage& use = entry->second;
        if (added) {
          order.push_back(item.exercise);
          use.first = &item;
        }
        use.days_per_week.resize(plan.weeks.size(), 0);
        ++use.days_per_week[w];
        if (use.rest.empty()) use.rest = rest_text(item);
        const std::string dose = dose_text(item);
        if (!use.dose.empty() && use.dose.back().last_week >= week.number) continue;  // counted this week
        if (!use.dose.empty() && use.dose.back().dose == dose && use.dose.back().last_week == week.number - 1) {
          use.dose.back().last_week = week.number;
        } else {
          use.dose.push_back({week.number, week.number, dose});
        }
      }
    }
  }

  std::vector<ExerciseCard> cards;
  cards.reserve(order.size());
  for (const auto& id : order) {
    const Usage& use = usage.find(id)->second;
    const Item& item = *use.first;
    ExerciseCard card;
    card.id = item.exercise;
    card.name = item.name;
    card.kind = kind_of(item.category);
    card.dose = use.dose;
    card.rest = use.rest;
    card.sides = item.sides_text;
    card.how_often = how_often(use.days_per_week);
    // The plan carries each exercise as this person does it (a youth plan's
    // cues) and only the rungs open to them; the catalogue fills in the rest.
    const PlanExercise* planned = plan.exercise(id);
    const Exercise* exercise = planned ? &planned->exercise : catalogue.find(id);
    if (exercise) {
      card.works = exercise->targets;
      card.equipment = equipment_text(exercise->equipment);
      card.steps = exercise->steps;
      card.cues = exercise->cues;
      card.source = exercise->source;
      card.rungs.instead = instead_of(*exercise, catalogue);
    }
    if (planned && planned->rungs > 0) {
      if (const PlanExercise* easier = plan.exercise(planned->easier)) {
        card.rungs.easier.push_back(rung_link(easier->exercise, planned->rung - 1, planned->rungs));
      }
      if (const PlanExercise* harder = plan.exercise(planned->harder)) {
        CardLink link = rung_link(harder->exercise, planned->rung + 1, planned->rungs);
        // "When you can do ..., move to:" reads "move to it when you can do ...".
        std::string when = plan.move_up;
        if (when.ends_with(", move to:")) when.resize(when.size() - 10);
        if (!when.empty() && when[0] >= 'A' && when[0] <= 'Z') when[0] = static_cast<char>(when[0] - 'A' + 'a');
        if (!when.empty()) link.note += "; move to it " + when;
        card.rungs.harder.push_back(std::move(link));
      }
    }
    cards.push_back(std::move(card));
  }
  return cards;
}

}  // namespace kneeplan::detail
