#pragma once
// The shipped data, loaded once for tests.
#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/core/guidelines.hpp"
#include "kneeplan/core/safety.hpp"

namespace kneeplan::test {

const Catalogue& builtin_catalogue();
const Guidelines& builtin_guidelines();
const SafetyRules& builtin_safety();
// tests/data/hostile-catalogue.json: markup, quotes, ampersands, line breaks
// and 2,000-character names in every text a renderer prints.
const Catalogue& hostile_catalogue();

}  // namespace kneeplan::test
