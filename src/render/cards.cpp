#include "render/cards.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

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
  }
  return {};
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
  // Until the catalogue has exercise ladders, a card can only point across:
  // to the exercises that may take this one's place. Ladder rungs fill
  // `easier` and `harder` here.
  CardRungs rungs;
  for (const auto& id : exercise.alternatives) {
    const Exercise* alternative = catalogue.find(id);
    if (!alternative) continue;
    rungs.instead.push_back({alternative->name, alternative->cues.empty() ? "" : alternative->cues.front()});
  }
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
    card.sides = sides_text(item.sides);
    card.how_often = how_often(use.days_per_week);
    if (const Exercise* exercise = catalogue.find(id)) {
      card.works = exercise->targets;
      card.equipment = equipment_text(exercise->equipment);
      card.steps = exercise->steps;
      card.cues = exercise->cues;
      card.rungs = card_rungs(*exercise, catalogue);
      card.source = exercise->source;
    } else if (!item.cue.empty()) {
      card.cues = {item.cue};
    }
    cards.push_back(std::move(card));
  }
  return cards;
}

}  // namespace kneeplan::detail
