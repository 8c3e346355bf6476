#pragma once
// The shipped data, loaded once for tests.
#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/core/guidelines.hpp"
#include "kneeplan/core/safety.hpp"

namespace kneeplan::test {

const Catalogue& builtin_catalogue();
const Guidelines& builtin_guidelines();
const SafetyRules& builtin_safety();

}  // namespace kneeplan::test
