#pragma once
// The shipped data, loaded once for tests.
#include "kneeplan/catalogue.hpp"
#include "kneeplan/guidelines.hpp"
#include "kneeplan/safety.hpp"

namespace kneeplan::test {

const Catalogue& builtin_catalogue();
const Guidelines& builtin_guidelines();
const SafetyRules& builtin_safety();

}  // namespace kneeplan::test
