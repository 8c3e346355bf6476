#include "kneeplan/core/catalogue.hpp"

#include <fmt/format.h>

#include <map>

#include "kneeplan/core/text.hpp"

namespace kneeplan {

const Exercise* Catalogue::find(std::string_view id) const {
  for (const auto& exercise : exercises) {
    if (exercise.id == id) return &exercise;
  }
  return nullptr;
}

std::vector<std::string> Catalogue::ids() const {
  std::vector<std::string> out;
  out.reserve(exercises.size());
  for (const auto& exercise : exercises) out.push_back(exercise.id);
  return out;
}

}  // namespace kneeplan
