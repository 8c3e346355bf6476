#include "data.hpp"

#include "kneeplan/io/load.hpp"
#include "run.hpp"

namespace kneeplan::test {

const Catalogue& builtin_catalogue() {
  static const Catalogue catalogue = [] {
    const Source source = file_or_builtin("", "catalogue.json");
    return parse_catalogue(source.text, source.name);
  }();
  return catalogue;
}

const Guidelines& builtin_guidelines() {
  static const Guidelines guidelines = [] {
    const Source source = file_or_builtin("", "guidelines.json");
    return parse_guidelines(source.text, source.name);
  }();
  return guidelines;
}

const SafetyRules& builtin_safety() {
  static const SafetyRules rules = [] {
    const Source source = file_or_builtin("", "safety.json");
    return parse_safety_rules(source.text, source.name);
  }();
  return rules;
}

const Catalogue& hostile_catalogue() {
  static const Catalogue catalogue = [] {
    const auto path = source_dir() / "tests/data/hostile-catalogue.json";
    return parse_catalogue(read_input_file(path), path.string());
  }();
  return catalogue;
}

}  // namespace kneeplan::test
