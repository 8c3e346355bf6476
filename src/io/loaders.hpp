#pragma once
// Private to the loaders: each one over a document already parsed, so that
// `validate` parses a file once to learn its format and check it.
#include <string>

#include "kneeplan/io/load.hpp"
#include "io/json_reader.hpp"
#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/core/guidelines.hpp"
#include "kneeplan/core/profile.hpp"
#include "kneeplan/core/safety.hpp"

namespace kneeplan {

// Each throws DataError with every problem found, naming `file`.
Catalogue read_catalogue(const JsonValue& root, const std::string& file);
Profile read_profile(const JsonValue& root, const std::string& file);
Guidelines read_guidelines(const JsonValue& root, const std::string& file);
SafetyRules read_safety_rules(const JsonValue& root, const std::string& file);

}  // namespace kneeplan
