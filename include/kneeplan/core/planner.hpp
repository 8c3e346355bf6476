#pragma once
#include <cstdint>
#include <vector>

#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/core/guidelines.hpp"
#include "kneeplan/core/ladders.hpp"
#include "kneeplan/core/plan.hpp"
#include "kneeplan/core/profile.hpp"
#include "kneeplan/core/safety.hpp"

namespace kneeplan {

// Builds the weekly plan. Pure: the same arguments give the same plan.
// `warnings` are the screening findings to carry with the plan. Throws
// PlanTooLarge (plan_limits.hpp), before building the days, for a plan past
// the limits.
Plan build_plan(const Catalogue& catalogue, const Guidelines& guidelines, const Profile& profile,
                const PlanOptions& options, std::vector<Finding> warnings = {});

// Estimated seconds for one item, per the README formula.
std::int64_t item_seconds(const Item& item, const Guidelines& guidelines);
// Estimated minutes for a day's items, transitions included, rounded up.
std::int64_t day_minutes(const std::vector<Item>& items, const Guidelines& guidelines);

// The sides an exercise is done on: both together for bilateral work;
// strength work on the affected side(s), stretches and rolling on each leg.
std::vector<Side> sides_for(const Exercise& exercise, Side affected);

// The sides in the exercise's own words: "lie on your left side", "each leg".
std::string sides_text(const Exercise& exercise, const std::vector<Side>& sides);

// How a plan shows `exercise`: its place on its ladder, the rung below and the
// one to move to (as `limits` allow); for a youth plan, stretches and rolling
// carry the gentle cue.
PlanExercise plan_exercise(const Exercise& exercise, const Ladders& ladders, const RungLimits& limits,
                           const Guidelines& guidelines, bool youth, bool planned);

}  // namespace kneeplan
