#pragma once
// Private to the renderers: one card per exercise of a plan, the content the
// HTML handout and the Markdown plan both print, so the two say the same.
#include <string>
#include <vector>

#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/core/plan.hpp"

namespace kneeplan::detail {

// Another exercise a card points to, with a line on what to know about it.
struct CardLink {
  std::string name;
  std::string note;
};

// Where to go from this exercise: down a rung, up a rung, or across to a stand-in.
struct CardRungs {
  std::vector<CardLink> easier;   // the nearest rung first
  std::vector<CardLink> harder;   // the nearest rung first
  std::vector<CardLink> instead;  // exercises that can take its place
};

// The dose of one run of weeks in which it stays the same.
struct DosePhase {
  int first_week = 1;
  int last_week = 1;
  std::string dose;  // "2 x 8-12 reps"
};

struct ExerciseCard {
  std::string id;
  std::string name;
  std::string kind;                 // "Strength", "Stretch", "Foam rolling"
  std::vector<std::string> works;   // the muscles it works
  std::string equipment;            // "chair, mat", or "none"
  std::vector<std::string> steps;   // in order
  std::vector<std::string> cues;    // form and safety
  std::vector<DosePhase> dose;      // over the plan's weeks, in order
  std::string rest;                 // between sets ("60 s"), or empty
  std::string sides;                // in the exercise's words: "each side", "lie on your left side"
  std::string how_often;            // "3 days a week", "2-3 days a week"
  CardRungs rungs;
  std::string source;
};

// The cards for every exercise in `plan`, in the order they first appear.
// Steps, cues and the neighbouring rungs open to the person come from the
// plan's exercises; `catalogue` names the alternatives that may stand in.
std::vector<ExerciseCard> exercise_cards(const Plan& plan, const Catalogue& catalogue);

// Every rung below and above `exercise` on its ladder (nearest first), and
// its alternatives: what the catalogue holds, whoever the person is.
CardRungs card_rungs(const Exercise& exercise, const Catalogue& catalogue);

// "weeks 1-2", "week 3", or "" when the phase is the whole plan.
std::string phase_weeks(const DosePhase& phase, int plan_weeks);

}  // namespace kneeplan::detail
