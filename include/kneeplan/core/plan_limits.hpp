#pragma once
// What a plan may hold. A catalogue of thousands of routine exercises, or of
// exercises with huge texts, would otherwise make a plan of gigabytes; the
// planner measures the plan it is about to build and refuses it first.
#include <cstddef>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/core/plan.hpp"

namespace kneeplan {

inline constexpr std::size_t kMaxItemsPerDay = 100;
inline constexpr std::size_t kMaxPlanBytes = 32u * 1024u * 1024u;  // in any output format

// A plan past a limit; what() says which limit and what to change.
class PlanTooLarge : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The plan about to be built: the most exercises on one day, and a bound on
// its bytes that holds for every output format (text, Markdown, JSON).
struct PlanSize {
  std::size_t most_items_per_day = 0;
  std::size_t bytes = 0;
};

// The size of a plan of `options.weeks` weeks whose training days follow
// `pattern` (as the planner does), with the `chosen` exercises, the strength
// ones in halves `group` ('A' or 'B', in their order in `chosen`), the
// `described` exercises whose steps, cues and names the plan and its cards
// carry once each, and the warnings, omissions and progression text already
// in `plan`. O(exercises + text), without building the days.
PlanSize estimate_plan_size(const std::vector<const Exercise*>& chosen, const std::vector<char>& group,
                            const std::vector<const Exercise*>& described, std::string_view pattern,
                            const PlanOptions& options, const Plan& plan, std::string_view checkpoint_note);

// Throws PlanTooLarge when `size` is past kMaxItemsPerDay or kMaxPlanBytes.
void check_plan_size(const PlanSize& size);

// At least the bytes `text` takes in any output: escaped (\u001b, &amp;, \")
// and word-wrapped.
std::size_t output_bytes(std::string_view text);

}  // namespace kneeplan
