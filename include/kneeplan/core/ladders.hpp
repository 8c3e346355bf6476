#pragma once
// Ladders: an exercise with its easier and harder versions (rungs), linked in
// the catalogue from easiest to hardest by each rung's "harder" member. One
// routine (or alternative) exercise per ladder names it and is its source rung;
// the other rungs are variants. Pure look-ups, shared by the planner, the
// renderers and anything that moves a person up or down a ladder.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/core/guidelines.hpp"
#include "kneeplan/core/profile.hpp"
#include "kneeplan/core/safety.hpp"

namespace kneeplan {

struct Ladder {
  std::vector<const Exercise*> rungs;  // easiest first; never empty
  std::size_t source = 0;              // index of the routine or alternative exercise

  // The ladder's id: its source rung's.
  const std::string& id() const { return rungs[source]->id; }
  int size() const { return static_cast<int>(rungs.size()); }
  // 1-based position of the exercise `id`, 0 when it is not on this ladder.
  int position(std::string_view id) const;
  bool has_impact() const;
};

// Ladder look-ups over one catalogue, indexed once (O(n log n)); the
// catalogue must outlive it. The catalogue links rungs upward only, so the
// index is what finds the rung below.
class Ladders {
 public:
  explicit Ladders(const Catalogue& catalogue);

  const Exercise* find(std::string_view id) const;
  // The neighbouring rungs; nullptr at either end.
  const Exercise* harder(const Exercise& exercise) const;
  const Exercise* easier(const Exercise& exercise) const;
  // The ladder `exercise` is a rung of: just the exercise when nothing links
  // to it and it links to nothing.
  Ladder ladder_of(const Exercise& exercise) const;

 private:
  std::map<std::string_view, const Exercise*, std::less<>> by_id_;
  std::map<std::string_view, const Exercise*, std::less<>> below_;  // by the id of the rung above
  std::size_t size_ = 0;
};

// One reason to limit rungs, in words, with the rule's source.
struct RungReason {
  std::string text;  // "age 70 (65 or over)"
  std::string source;
};

// What the planner may choose: plain inputs that the profile rules (and any
// other finding that asks for it) feed.
struct RungLimits {
  std::vector<RungReason> supported;  // any: start one rung below the source rung
  std::vector<RungReason> no_impact;  // any: never an impact rung
  std::vector<RungReason> no_harder;  // any: no harder rung at all

  bool start_supported() const { return !supported.empty(); }
  bool impact_allowed() const { return no_impact.empty(); }
  bool harder_allowed() const { return no_harder.empty(); }
};

// The limits the guidelines' rung rules set for this person, and those the
// findings that come with the plan ask for: a finding's no_impact keeps impact
// rungs out; a youth plan starts supported and moves to no harder rung.
RungLimits rung_limits(const Profile& profile, const Guidelines& guidelines, const std::vector<Finding>& findings = {});

// "age 70 (65 or over) and arthritis"
std::string reasons_text(const std::vector<RungReason>& reasons);

// The rung to move to once `current` is mastered: the next harder one, unless
// it is impact work the limits keep out or they allow no harder rung. nullptr
// then, and at the top.
const Exercise* next_rung(const Ladders& ladders, const Exercise& current, const RungLimits& limits);

// Where a ladder starts for a person, and why, in one line.
struct StartingRung {
  const Exercise* exercise = nullptr;  // nullptr: no rung at or below the start fits the equipment
  std::string why;
};

// The source rung, or one below it when the limits ask for a supported start;
// then the nearest rung at or below that which the equipment allows. Never an
// impact rung the limits keep out, and never above the start.
StartingRung starting_rung(const Ladder& ladder, const RungLimits& limits, const Profile& profile);

// "When you can do 2 reps over the range in the last set, two sessions in a row, move to:"
std::string move_up_text(const Guidelines& guidelines);

// Whether the equipment the profile lists covers what `exercise` needs.
bool equipment_fits(const Exercise& exercise, const Profile& profile);
std::vector<std::string> missing_equipment(const Exercise& exercise, const Profile& profile);

}  // namespace kneeplan
