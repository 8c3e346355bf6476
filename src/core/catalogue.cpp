#include "kneeplan/core/catalogue.hpp"

#include <algorithm>
#include <numeric>

namespace kneeplan {

const Exercise* Catalogue::find(std::string_view id) const {
  if (by_id_.size() != exercises.size()) {
    const auto found = std::find_if(exercises.begin(), exercises.end(), [&](const Exercise& e) { return e.id == id; });
    return found == exercises.end() ? nullptr : &*found;
  }
  const auto found = std::lower_bound(by_id_.begin(), by_id_.end(), id,
                                      [&](std::size_t i, std::string_view key) { return exercises[i].id < key; });
  if (found == by_id_.end() || exercises[*found].id != id) return nullptr;
  return &exercises[*found];
}

void Catalogue::reindex() {
  by_id_.resize(exercises.size());
  std::iota(by_id_.begin(), by_id_.end(), std::size_t{0});
  // Stable: with a repeated id (a catalogue the loader refused), the first wins, as in a search.
  std::stable_sort(by_id_.begin(), by_id_.end(),
                   [&](std::size_t a, std::size_t b) { return exercises[a].id < exercises[b].id; });
}

std::vector<std::string> Catalogue::ids() const {
  std::vector<std::string> out;
  out.reserve(exercises.size());
  for (const auto& exercise : exercises) out.push_back(exercise.id);
  return out;
}

}  // namespace kneeplan
