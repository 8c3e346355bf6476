#pragma once
// A finished weekly plan: plain data, built by the planner, read by the renderers.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/core/dates.hpp"
#include "kneeplan/core/profile.hpp"
#include "kneeplan/core/safety.hpp"

namespace kneeplan {

struct PlanOptions {
  int weeks = 4;
  std::chrono::sys_days start{};
  Weekday rest_day = Weekday::sunday;
};
inline constexpr int kMaxWeeks = 52;

struct Item {
  std::string exercise;  // catalogue id
  std::string name;
  Category category = Category::strength;
  int sets = 1;
  Range reps;                 // strength
  Range hold_seconds;         // stretch
  std::vector<Pass> passes;   // foam_roll
  std::vector<Side> sides;    // left and/or right, or both for bilateral work
  int rest_seconds = 0;       // between sets
  std::string cue;            // the key cue
};

struct Day {
  std::chrono::sys_days date{};
  bool rest = false;
  std::int64_t minutes = 0;  // 64 bits, like every duration: see item_seconds()
  std::vector<std::string> notes;
  std::vector<Item> items;
};

struct Week {
  int number = 1;
  std::vector<Day> days;
};

struct Omission {
  std::string exercise;
  std::string reason;
};

// The day to ask whether pain is still there after the routine's first
// weeks; its note is also among that day's notes.
struct Checkpoint {
  std::chrono::sys_days date{};
  int routine_week = 0;  // counting the weeks done before the plan
  std::string note;
  std::string source;
};

struct Plan {
  Profile profile;
  PlanOptions options;
  std::vector<Finding> warnings;  // findings shown with the plan
  std::vector<Omission> omitted;
  std::string progression;        // how to move on, in words
  std::vector<Week> weeks;
  std::optional<Checkpoint> checkpoint;  // none when it falls outside the plan
};

}  // namespace kneeplan
