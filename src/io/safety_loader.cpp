#include "kneeplan/core/safety.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <span>

#include "io/json_reader.hpp"
#include "io/loaders.hpp"

namespace kneeplan {

namespace {

constexpr Bounds kThresholdBounds{0, 1000};
constexpr std::size_t kMaxRules = 10000;

std::optional<Predicate> read_predicate(Reader& reader, const JsonValue& value, const std::string& at) {
  const auto& names = EnumNames<Condition>::names;
  if (!value.is_object() || value.size() != 1) {
    reader.error(at, fmt::format("expected an object with exactly one condition ({}), found {}", quoted_list(names),
                                 value.is_object() ? fmt::format("{} members", value.size()) : describe(value)));
    return std::nullopt;
  }
  const std::string key(value.members().front().key);
  const auto condition = parse_name<Condition>(key);
  if (!condition) {
    reader.in_vocabulary(key, [&] { return child(at, key); }, {names.data(), names.size()});
    return std::nullopt;
  }
  Predicate predicate{*condition, 0, {}};
  switch (*condition) {
    case Condition::symptom:
    case Condition::history:
    case Condition::given:
    case Condition::not_given: {
      std::span<const std::string_view> words = kOptionalFields;
      if (*condition == Condition::symptom) words = kSymptoms;
      if (*condition == Condition::history) words = kHistory;
      auto word = reader.word(value, at, key, words);
      if (!word) return std::nullopt;
      predicate.word = *word;
      break;
    }
    case Condition::cause_is: {
      const auto& causes = EnumNames<Cause>::names;
      auto word = reader.word(value, at, key, {causes.data(), causes.size()});
      if (!word) return std::nullopt;
      predicate.word = *word;
      break;
    }
    case Condition::one_side_only: {
      const auto flag = reader.boolean(value, at, key);
      if (!flag) return std::nullopt;
      if (!*flag) {
        reader.error(child(at, key), "expected true (leave the condition out instead of false)");
        return std::nullopt;
      }
      break;
    }
    default: {
      const auto number = reader.number(value, at, key, kThresholdBounds);
      if (!number) return std::nullopt;
      predicate.number = *number;
    }
  }
  return predicate;
}

}  // namespace

SafetyRules read_safety_rules(const JsonValue& root, const std::string& file) {
  Reader reader(file);
  SafetyRules rules;
  if (reader.object(root, "", {"format", "emergency", "rules"})) {
    reader.format(root, kSafetyFormat);
    if (auto emergency = reader.string(root, "", "emergency")) rules.emergency = *emergency;
    if (const JsonValue* list = reader.array(root, "", "rules", true, true)) {
      std::set<std::string, std::less<>> ids;
      if (list->size() > kMaxRules) {
        reader.error("/rules", fmt::format("expected at most {} rules, found {}", kMaxRules, list->size()));
        reader.finish();
      }
      for (std::size_t i = 0; i < list->size(); ++i) {
        const JsonValue& item = list->elements()[i];
        const std::string at = child("/rules", i);
        if (!reader.object(item, at,
                           {"id", "severity", "when", "message", "source", "no_plan", "youth_plan", "hold_progression",
                            "stop_at_checkpoint", "no_impact"})) {
          continue;
        }
        Rule rule;
        if (auto id = reader.string(item, at, "id")) rule.id = *id;
        if (auto severity = reader.choice<Severity>(item, at, "severity")) rule.severity = *severity;
        if (const JsonValue* when = reader.array(item, at, "when")) {
          for (std::size_t k = 0; k < when->size(); ++k) {
            if (auto p = read_predicate(reader, when->elements()[k], child(child(at, "when"), k))) rule.when.push_back(*p);
          }
        }
        if (auto message = reader.string(item, at, "message")) rule.message = *message;
        if (auto source = reader.string(item, at, "source")) rule.source = *source;
        const auto flag = [&](std::string_view key, bool& into) {
          if (auto value = reader.boolean(item, at, key, false)) into = *value;
        };
        flag("no_plan", rule.no_plan);
        flag("youth_plan", rule.youth_plan);
        flag("hold_progression", rule.hold_progression);
        flag("stop_at_checkpoint", rule.stop_at_checkpoint);
        flag("no_impact", rule.no_impact);
        if (!rule.id.empty() && !ids.insert(rule.id).second) {
          reader.error(child(at, "id"), fmt::format("duplicate rule id \"{}\"", shortened(rule.id)));
        }
        rules.rules.push_back(std::move(rule));
      }
    }
  }
  reader.finish();
  return rules;
}

SafetyRules parse_safety_rules(std::string_view text, const std::string& file) {
  return read_safety_rules(parse_json(text, file).root(), file);
}

}  // namespace kneeplan
