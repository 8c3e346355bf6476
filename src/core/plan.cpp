#include "kneeplan/core/plan.hpp"

namespace kneeplan {

const PlanExercise* Plan::exercise(std::string_view id) const {
  for (const auto& entry : exercises) {
    if (entry.exercise.id == id) return &entry;
  }
  return nullptr;
}

}  // namespace kneeplan
