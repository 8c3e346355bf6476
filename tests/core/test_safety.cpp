// Screening against the safety rules of clinical-rules.md, at and around every threshold.
#include <catch2/catch.hpp>

#include "kneeplan/io/load.hpp"
#include "diagnostics_of.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "data.hpp"
#include "kneeplan/io/diagnostics.hpp"
#include "kneeplan/core/profile.hpp"
#include "kneeplan/core/safety.hpp"

using kneeplan::test::places;
using namespace kneeplan;

namespace {

const SafetyRules& shipped() { return test::builtin_safety(); }

Profile adult() {
  Profile p;
  p.age = 30;
  return p;
}

Profile child(int age = 10) {
  Profile p;
  p.age = age;
  return p;
}

struct Row {
  std::string name;
  Profile profile;
  std::set<std::string> fires;  // every finding of a rule with conditions, any severity
  Severity highest;
};

template <class Edit>
Profile with(Profile p, Edit edit) {
  edit(p);
  return p;
}

// The conditional findings every profile of a kind gets.
std::set<std::string> plus(std::set<std::string> a, const std::set<std::string>& b) {
  a.insert(b.begin(), b.end());
  return a;
}
const std::set<std::string> kAdult{"breathing-rule", "knee-alignment"};
const std::set<std::string> kAgeUnknown{"age-unknown", "breathing-rule", "knee-alignment"};
const std::set<std::string> kYouth{"under-18", "youth-supervision", "youth-stretching", "knee-alignment"};

std::vector<Row> table() {
  const auto pain = [](int level) { return with(adult(), [=](Profile& p) { p.pain = level; }); };
  const auto done_in_pain = [](int weeks, int level) {
    return with(adult(), [=](Profile& p) {
      p.weeks_done = weeks;
      p.pain = level;
    });
  };
  const auto history = [](const char* item) { return with(adult(), [=](Profile& p) { p.history = {item}; }); };
  std::vector<Row> rows{
      {"plain adult", adult(), kAdult, Severity::info},
      {"age unknown", with(adult(), [](Profile& p) { p.age.reset(); }), kAgeUnknown, Severity::info},
      // Age bands: under 8 | 8-17 | 18 and over.
      {"age 0", child(0), {"under-8"}, Severity::refer},
      {"age 1", child(1), {"under-8"}, Severity::refer},
      {"age 7", child(7), {"under-8"}, Severity::refer},
      {"age 8", child(8), kYouth, Severity::refer},
      {"age 17", child(17), kYouth, Severity::refer},
      {"age 18", child(18), kAdult, Severity::info},
      // Pain: any pain stops the plan at the checkpoint; 4-6 moderate, 7-10 severe.
      {"pain 1", pain(1), plus(kAdult, {"pain-checkpoint"}), Severity::caution},
      {"pain 3", pain(3), plus(kAdult, {"pain-checkpoint"}), Severity::caution},
      {"pain 4", pain(4), plus(kAdult, {"pain-checkpoint", "moderate-pain"}), Severity::caution},
      {"pain 6", pain(6), plus(kAdult, {"pain-checkpoint", "moderate-pain"}), Severity::caution},
      {"pain 7", pain(7), plus(kAdult, {"pain-checkpoint", "severe-pain"}), Severity::refer},
      {"pain 10", pain(10), plus(kAdult, {"pain-checkpoint", "severe-pain"}), Severity::refer},
      {"weeks done 3, pain 0", done_in_pain(3, 0), kAdult, Severity::info},
      {"weeks done 3, pain 2", done_in_pain(3, 2), plus(kAdult, {"pain-checkpoint"}), Severity::caution},
      {"weeks done 4, pain 0", done_in_pain(4, 0), kAdult, Severity::info},
      {"weeks done 4, pain 2", done_in_pain(4, 2), plus(kAdult, {"pain-checkpoint", "pain-after-4-weeks"}),
       Severity::refer},
      {"weeks done 4, pain 1", done_in_pain(4, 1), plus(kAdult, {"pain-checkpoint", "pain-after-4-weeks"}),
       Severity::refer},
      {"weeks done 12, pain 5", done_in_pain(12, 5),
       plus(kAdult, {"pain-checkpoint", "pain-after-4-weeks", "moderate-pain"}), Severity::refer},
      // Height and weight: BMI, or a word on the one that is missing.
      {"BMI 29.9 (200 cm, 119.6 kg)",
       with(adult(),
            [](Profile& p) {
              p.height_cm = 200;
              p.weight_kg = 119.6;
            }),
       plus(kAdult, {"bmi-below-30"}), Severity::info},
      {"BMI 30 (200 cm, 120 kg)",
       with(adult(),
            [](Profile& p) {
              p.height_cm = 200;
              p.weight_kg = 120;
            }),
       plus(kAdult, {"obesity-bmi"}), Severity::caution},
      {"weight 150 kg without height", with(adult(), [](Profile& p) { p.weight_kg = 150; }),
       plus(kAdult, {"bmi-needs-height"}), Severity::info},
      {"height 150 cm without weight", with(adult(), [](Profile& p) { p.height_cm = 150; }),
       plus(kAdult, {"bmi-needs-weight"}), Severity::info},
      // Ankle gap: over 8 cm refers a child and cautions an adult; any gap gets a word.
      {"child, ankle gap 8", with(child(), [](Profile& p) { p.ankle_gap_cm = 8; }), plus(kYouth, {"ankle-gap-recheck"}),
       Severity::refer},
      {"child, ankle gap 8.5", with(child(), [](Profile& p) { p.ankle_gap_cm = 8.5; }),
       plus(kYouth, {"ankle-gap-recheck", "child-ankle-gap"}), Severity::refer},
      {"age 5, ankle gap 9", with(child(5), [](Profile& p) { p.ankle_gap_cm = 9; }),
       {"under-8", "child-ankle-gap", "ankle-gap-recheck"}, Severity::refer},
      {"adult, ankle gap 8", with(adult(), [](Profile& p) { p.ankle_gap_cm = 8; }), plus(kAdult, {"ankle-gap-recheck"}),
       Severity::info},
      {"adult, ankle gap 8.5", with(adult(), [](Profile& p) { p.ankle_gap_cm = 8.5; }),
       plus(kAdult, {"ankle-gap-recheck", "adult-ankle-gap"}), Severity::caution},
      {"age 18, ankle gap 8.5", with(child(18), [](Profile& p) { p.ankle_gap_cm = 8.5; }),
       plus(kAdult, {"ankle-gap-recheck", "adult-ankle-gap"}), Severity::caution},
      {"age 17, ankle gap 8.5", with(child(17), [](Profile& p) { p.ankle_gap_cm = 8.5; }),
       plus(kYouth, {"ankle-gap-recheck", "child-ankle-gap"}), Severity::refer},
      {"age unknown, ankle gap 8.5",
       with(adult(),
            [](Profile& p) {
              p.age.reset();
              p.ankle_gap_cm = 8.5;
            }),
       plus(kAgeUnknown, {"ankle-gap-recheck", "adult-ankle-gap"}), Severity::caution},
      // One knee only.
      {"child, both sides", child(), kYouth, Severity::refer},
      {"child, left side only", with(child(), [](Profile& p) { p.side = Side::left; }), plus(kYouth, {"child-one-side"}),
       Severity::refer},
      {"child, right side only", with(child(), [](Profile& p) { p.side = Side::right; }),
       plus(kYouth, {"child-one-side"}), Severity::refer},
      {"adult, left side only", with(adult(), [](Profile& p) { p.side = Side::left; }), kAdult, Severity::info},
      {"age unknown, left side only (a child-only input)",
       with(adult(),
            [](Profile& p) {
              p.age.reset();
              p.side = Side::left;
            }),
       kAgeUnknown, Severity::info},
      {"night pain", with(adult(), [](Profile& p) { p.symptoms = {"night-pain"}; }),
       plus(kAdult, {"symptom-night-pain"}), Severity::refer},
      // Getting worse: a refer at any age.
      {"child, worsening", with(child(), [](Profile& p) { p.symptoms = {"worsening"}; }),
       plus(kYouth, {"child-worsening"}), Severity::refer},
      {"age 17, worsening", with(child(17), [](Profile& p) { p.symptoms = {"worsening"}; }),
       plus(kYouth, {"child-worsening"}), Severity::refer},
      {"age 18, worsening", with(child(18), [](Profile& p) { p.symptoms = {"worsening"}; }),
       plus(kAdult, {"adult-worsening"}), Severity::refer},
      {"adult, worsening", with(adult(), [](Profile& p) { p.symptoms = {"worsening"}; }),
       plus(kAdult, {"adult-worsening"}), Severity::refer},
      {"age unknown, worsening",
       with(adult(),
            [](Profile& p) {
              p.age.reset();
              p.symptoms = {"worsening"};
            }),
       plus(kAgeUnknown, {"adult-worsening"}), Severity::refer},
      {"age 4, worsening", with(child(4), [](Profile& p) { p.symptoms = {"worsening"}; }),
       {"under-8", "child-worsening"}, Severity::refer},
      {"cause none", with(adult(), [](Profile& p) { p.cause = Cause::none; }), kAdult, Severity::info},
      {"cause injury", with(adult(), [](Profile& p) { p.cause = Cause::injury; }), plus(kAdult, {"cause-injury"}),
       Severity::refer},
      {"cause arthritis", with(adult(), [](Profile& p) { p.cause = Cause::arthritis; }),
       plus(kAdult, {"cause-arthritis"}), Severity::caution},
      {"cause osteomyelitis", with(adult(), [](Profile& p) { p.cause = Cause::osteomyelitis; }),
       plus(kAdult, {"cause-osteomyelitis"}), Severity::refer},
      {"cause other", with(adult(), [](Profile& p) { p.cause = Cause::other; }), kAdult, Severity::info},
      // History.
      {"knee surgery", history("knee-surgery"), plus(kAdult, {"history-knee-surgery"}), Severity::refer},
      {"hip surgery", history("hip-surgery"), plus(kAdult, {"history-hip-surgery"}), Severity::refer},
      {"joint replacement", history("joint-replacement"), plus(kAdult, {"history-joint-replacement"}),
       Severity::refer},
      {"osteoporosis", history("osteoporosis"), plus(kAdult, {"history-osteoporosis"}), Severity::caution},
      {"all of the history",
       with(adult(), [](Profile& p) { p.history = {"osteoporosis", "knee-surgery", "hip-surgery", "joint-replacement"}; }),
       plus(kAdult, {"history-knee-surgery", "history-hip-surgery", "history-joint-replacement", "history-osteoporosis"}),
       Severity::refer},
      {"everything at once",
       with(child(12),
            [](Profile& p) {
              p.side = Side::left;
              p.pain = 8;
              p.cause = Cause::arthritis;
              p.symptoms = {"buckling", "worsening"};
              p.history = {"osteoporosis"};
              p.ankle_gap_cm = 9;
              p.height_cm = 150;
              p.weight_kg = 70;
            }),
       plus(kYouth, {"symptom-buckling", "severe-pain", "pain-checkpoint", "child-ankle-gap", "child-one-side",
                     "child-worsening", "obesity-bmi", "cause-arthritis", "history-osteoporosis", "ankle-gap-recheck"}),
       Severity::urgent},
  };
  // Each symptom that needs medical help at once (clinical rules: [000] and NHS red flags).
  for (const char* symptom : {"progressive-weakness", "sudden-swelling", "sudden-pain", "buckling", "locking",
                              "hot-swollen-joint", "cannot-bear-weight"}) {
    rows.push_back({fmt::format("symptom {}", symptom), with(adult(), [&](Profile& p) { p.symptoms = {symptom}; }),
                    plus(kAdult, {fmt::format("symptom-{}", symptom)}), Severity::urgent});
  }
  return rows;
}

const Rule* rule(const std::string& id) {
  for (const auto& r : shipped().rules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::size_t file_index(const std::string& id) {
  for (std::size_t i = 0; i < shipped().rules.size(); ++i) {
    if (shipped().rules[i].id == id) return i;
  }
  return shipped().rules.size();
}

// The ids of the shipped rules that set a flag.
std::set<std::string> rules_with(bool Rule::*flag) {
  std::set<std::string> ids;
  for (const auto& r : shipped().rules) {
    if (r.*flag) ids.insert(r.id);
  }
  return ids;
}

}  // namespace

TEST_CASE("safety: every rule fires exactly at its threshold (table)", "[safety]") {
  std::set<std::string> covered;
  std::set<std::string> always;
  for (const auto& r : shipped().rules) {
    if (r.when.empty()) always.insert(r.id);
  }
  CHECK(always.contains("not-a-diagnosis"));
  for (const Row& row : table()) {
    INFO("row: " << row.name);
    const std::vector<Finding> findings = screen(shipped(), row.profile);
    REQUIRE_FALSE(findings.empty());

    std::set<std::string> conditional;
    std::set<std::string> unconditional;
    for (const Finding& f : findings) {
      (always.contains(f.id) ? unconditional : conditional).insert(f.id);
      // A finding repeats its rule.
      const Rule* r = rule(f.id);
      REQUIRE(r != nullptr);
      CHECK(f.severity == r->severity);
      CHECK(f.message == r->message);
      CHECK(f.source == r->source);
      CHECK(f.hold_progression == r->hold_progression);
      CHECK(f.no_plan == r->no_plan);
      CHECK(f.youth_plan == r->youth_plan);
      CHECK(f.stop_at_checkpoint == r->stop_at_checkpoint);
      CHECK(f.no_impact == r->no_impact);
    }
    CHECK(conditional == row.fires);
    CHECK(findings.front().severity == row.highest);
    covered.insert(row.fires.begin(), row.fires.end());
    // The unconditional rules always apply.
    CHECK(unconditional == always);
  }
  // The table has a row that fires each conditional rule of data/safety.json.
  for (const auto& r : shipped().rules) {
    if (r.when.empty()) continue;
    INFO("rule " << r.id);
    CHECK(covered.contains(r.id));
  }
}

TEST_CASE("safety: the shipped rules have the severities of the clinical rules", "[safety]") {
  const std::vector<std::pair<std::string, Severity>> expected{
      {"symptom-progressive-weakness", Severity::urgent}, {"symptom-sudden-swelling", Severity::urgent},
      {"symptom-sudden-pain", Severity::urgent},          {"symptom-buckling", Severity::urgent},
      {"symptom-locking", Severity::urgent},              {"symptom-hot-swollen-joint", Severity::urgent},
      {"symptom-cannot-bear-weight", Severity::urgent},   {"under-8", Severity::refer},
      {"under-18", Severity::refer},                      {"severe-pain", Severity::refer},
      {"cause-injury", Severity::refer},                  {"pain-after-4-weeks", Severity::refer},
      {"symptom-night-pain", Severity::refer},            {"child-ankle-gap", Severity::refer},
      {"child-one-side", Severity::refer},                {"child-worsening", Severity::refer},
      {"adult-worsening", Severity::refer},               {"history-knee-surgery", Severity::refer},
      {"history-hip-surgery", Severity::refer},           {"history-joint-replacement", Severity::refer},
      {"pain-checkpoint", Severity::caution},             {"adult-ankle-gap", Severity::caution},
      {"history-osteoporosis", Severity::caution},        {"age-unknown", Severity::info},
      {"not-a-diagnosis", Severity::info},
  };
  for (const auto& [id, severity] : expected) {
    INFO(id);
    const Rule* r = rule(id);
    REQUIRE(r != nullptr);
    CHECK(r->severity == severity);
    CHECK_FALSE(r->source.empty());
    CHECK_FALSE(r->message.empty());
  }
  CHECK_FALSE(shipped().emergency.empty());
  CHECK(shipped().emergency.find("911") != std::string::npos);
  CHECK(shipped().emergency.find("112") != std::string::npos);
  for (const auto& r : shipped().rules) {
    INFO(r.id);
    CHECK_FALSE(r.source.empty());
    // Urgent reads as urgent: every urgent message asks for medical help now.
    if (r.severity == Severity::urgent) CHECK(r.message.find("medical help now") != std::string::npos);
  }
}

TEST_CASE("safety: each plan flag of the shipped rules sits on the rules the clinical rules name", "[safety]") {
  CHECK(rules_with(&Rule::no_plan) == std::set<std::string>{"under-8"});
  CHECK(rules_with(&Rule::youth_plan) == std::set<std::string>{"youth-supervision"});
  // Severe pain holds at least as strictly as moderate pain.
  CHECK(rules_with(&Rule::hold_progression) == std::set<std::string>{"moderate-pain", "severe-pain"});
  CHECK(rules_with(&Rule::stop_at_checkpoint) == std::set<std::string>{"pain-checkpoint"});
  CHECK(rules_with(&Rule::no_impact) == std::set<std::string>{"history-osteoporosis"});
}

TEST_CASE("safety: findings are sorted most severe first, file order within a severity", "[safety]") {
  for (const Row& row : table()) {
    INFO("row: " << row.name);
    const std::vector<Finding> findings = screen(shipped(), row.profile);
    for (std::size_t i = 1; i < findings.size(); ++i) {
      const Finding& a = findings[i - 1];
      const Finding& b = findings[i];
      INFO(a.id << " before " << b.id);
      CHECK(a.severity >= b.severity);
      if (a.severity == b.severity) CHECK(file_index(a.id) < file_index(b.id));
    }
  }
  // A set of rules listed least severe first still comes out most severe first.
  SafetyRules reversed;
  reversed.rules = shipped().rules;
  std::reverse(reversed.rules.begin(), reversed.rules.end());
  const auto rows = table();
  const auto everything =
      std::find_if(rows.begin(), rows.end(), [](const Row& r) { return r.name == "everything at once"; });
  REQUIRE(everything != rows.end());
  const auto findings = screen(reversed, everything->profile);
  REQUIRE(findings.size() > 2);
  CHECK(findings.front().severity == Severity::urgent);
  CHECK(findings.back().severity == Severity::info);
  CHECK(std::is_sorted(findings.begin(), findings.end(),
                       [](const Finding& a, const Finding& b) { return a.severity > b.severity; }));
}

TEST_CASE("safety: many findings of equal severity keep the file order", "[safety]") {
  SafetyRules rules;
  const std::array severities{Severity::info, Severity::urgent, Severity::caution, Severity::refer, Severity::caution};
  for (int i = 0; i < 60; ++i) {
    rules.rules.push_back({fmt::format("r{:02}", i), severities[static_cast<std::size_t>(i) % severities.size()], {},
                           "m", "s"});
  }
  const auto findings = screen(rules, adult());
  REQUIRE(findings.size() == 60);
  for (std::size_t i = 1; i < findings.size(); ++i) {
    const Finding& a = findings[i - 1];
    const Finding& b = findings[i];
    INFO(a.id << " before " << b.id);
    CHECK(a.severity >= b.severity);
    if (a.severity == b.severity) CHECK(a.id < b.id);
  }
}

TEST_CASE("safety: plan_allowed withholds for urgent always, for refer unless cleared", "[safety]") {
  const Finding urgent{"u", Severity::urgent, "m", "s"};
  const Finding refer{"r", Severity::refer, "m", "s"};
  const Finding caution{"c", Severity::caution, "m", "s"};
  const Finding info{"i", Severity::info, "m", "s"};

  CHECK(plan_allowed({}, false));
  CHECK(plan_allowed({}, true));
  CHECK_FALSE(plan_allowed({urgent}, false));
  CHECK_FALSE(plan_allowed({urgent}, true));
  CHECK_FALSE(plan_allowed({refer}, false));
  CHECK(plan_allowed({refer}, true));
  CHECK(plan_allowed({caution}, false));
  CHECK(plan_allowed({caution, info}, false));
  CHECK(plan_allowed({info}, false));
  CHECK_FALSE(plan_allowed({refer, urgent, caution}, true));
  CHECK_FALSE(plan_allowed({caution, info, refer}, false));
  CHECK(plan_allowed({caution, info, refer}, true));

  // Through screen(): a cleared person with an urgent symptom still gets no plan.
  Profile p = adult();
  p.symptoms = {"buckling"};
  p.cleared_by_clinician = true;
  CHECK_FALSE(plan_allowed(screen(shipped(), p), true));
  Profile teen = child(15);
  CHECK_FALSE(plan_allowed(screen(shipped(), teen), false));
  CHECK(plan_allowed(screen(shipped(), teen), true));
  Profile heavy = adult();
  heavy.height_cm = 160;
  heavy.weight_kg = 100;
  heavy.pain = 5;
  CHECK(plan_allowed(screen(shipped(), heavy), false));
}

TEST_CASE("safety: holds() for each kind of condition", "[safety]") {
  const auto pred = [](Condition c, double number, std::string word = {}) { return Predicate{c, number, std::move(word)}; };
  Profile p = adult();

  SECTION("symptom") {
    p.symptoms = {"locking", "night-pain"};
    CHECK(holds(pred(Condition::symptom, 0, "locking"), p));
    CHECK(holds(pred(Condition::symptom, 0, "night-pain"), p));
    CHECK_FALSE(holds(pred(Condition::symptom, 0, "buckling"), p));
  }
  SECTION("age_below and age_at_least, and an unknown age") {
    p.age = 17;
    CHECK(holds(pred(Condition::age_below, 18), p));
    CHECK_FALSE(holds(pred(Condition::age_at_least, 18), p));
    p.age = 18;
    CHECK_FALSE(holds(pred(Condition::age_below, 18), p));
    CHECK(holds(pred(Condition::age_at_least, 18), p));
    p.age.reset();
    CHECK_FALSE(holds(pred(Condition::age_below, 18), p));
    CHECK_FALSE(holds(pred(Condition::age_below, 200), p));
    CHECK_FALSE(holds(pred(Condition::age_at_least, 0), p));
    CHECK_FALSE(holds(pred(Condition::age_at_least, 65), p));
  }
  SECTION("pain_at_least and pain_at_most") {
    p.pain = 4;
    CHECK(holds(pred(Condition::pain_at_least, 4), p));
    CHECK_FALSE(holds(pred(Condition::pain_at_least, 5), p));
    CHECK(holds(pred(Condition::pain_at_most, 4), p));
    CHECK_FALSE(holds(pred(Condition::pain_at_most, 3), p));
  }
  SECTION("cause_is") {
    p.cause = Cause::injury;
    CHECK(holds(pred(Condition::cause_is, 0, "injury"), p));
    CHECK_FALSE(holds(pred(Condition::cause_is, 0, "arthritis"), p));
    p.cause = Cause::none;
    CHECK(holds(pred(Condition::cause_is, 0, "none"), p));
  }
  SECTION("bmi_at_least needs height and weight") {
    CHECK_FALSE(holds(pred(Condition::bmi_at_least, 0), p));
    p.height_cm = 200;
    CHECK_FALSE(holds(pred(Condition::bmi_at_least, 0), p));
    p.weight_kg = 120;  // BMI 30
    CHECK(holds(pred(Condition::bmi_at_least, 30), p));
    CHECK_FALSE(holds(pred(Condition::bmi_at_least, 30.1), p));
    p.height_cm.reset();
    CHECK_FALSE(holds(pred(Condition::bmi_at_least, 0), p));
  }
  SECTION("weeks_done_at_least") {
    p.weeks_done = 4;
    CHECK(holds(pred(Condition::weeks_done_at_least, 4), p));
    CHECK_FALSE(holds(pred(Condition::weeks_done_at_least, 5), p));
  }
  SECTION("ankle_gap_above_cm is strictly above, and false when unknown") {
    CHECK_FALSE(holds(pred(Condition::ankle_gap_above_cm, 0), p));
    p.ankle_gap_cm = 8;
    CHECK_FALSE(holds(pred(Condition::ankle_gap_above_cm, 8), p));
    p.ankle_gap_cm = 8.01;
    CHECK(holds(pred(Condition::ankle_gap_above_cm, 8), p));
  }
  SECTION("one_side_only") {
    p.side = Side::both;
    CHECK_FALSE(holds(pred(Condition::one_side_only, 0), p));
    p.side = Side::left;
    CHECK(holds(pred(Condition::one_side_only, 0), p));
    p.side = Side::right;
    CHECK(holds(pred(Condition::one_side_only, 0), p));
  }
}

TEST_CASE("safety: a rule with no conditions always applies, and all conditions must hold", "[safety]") {
  SafetyRules rules;
  rules.rules.push_back({"always", Severity::info, {}, "m", "s"});
  rules.rules.push_back(
      {"teen-in-pain", Severity::refer, {{Condition::age_below, 18, {}}, {Condition::pain_at_least, 3, {}}}, "m", "s"});
  Profile p = child(15);
  p.pain = 2;
  auto findings = screen(rules, p);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].id == "always");
  p.pain = 3;
  findings = screen(rules, p);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].id == "teen-in-pain");
}

// ---------------------------------------------------------------- parse errors

namespace {

std::string document(const std::string& rules) {
  return R"({"format": "kneeplan.safety/1", "emergency": "Call 112.", "rules": [)" + rules + "]}";
}

std::string rule_text(const std::string& id, const std::string& when) {
  return fmt::format(R"({{"id": "{}", "severity": "refer", "when": [{}], "message": "m", "source": "s"}})", id, when);
}

// The diagnostics of parsing `text`; empty when it parses.
std::vector<Diagnostic> diagnostics_of(const std::string& text) {
  return kneeplan::test::diagnostics_of([&] { return parse_safety_rules(text, "rules.json"); });
}

// Rule 0 is valid; the second predicate of rule 1 is `bad`.
std::string with_bad_predicate(const std::string& bad) {
  return document(rule_text("fine", R"({"age_below": 18})") + ", " + rule_text("broken", R"({"pain_at_least": 3}, )" + bad));
}

}  // namespace

TEST_CASE("safety: a valid rules file gives every condition its value", "[safety][errors]") {
  const std::string when =
      R"({"symptom": "locking"}, {"age_below": 18}, {"age_at_least": 65}, {"pain_at_least": 7}, {"pain_at_most": 6},
         {"cause_is": "injury"}, {"bmi_at_least": 30}, {"weeks_done_at_least": 4}, {"ankle_gap_above_cm": 8.5},
         {"one_side_only": true})";
  const SafetyRules rules = parse_safety_rules(document(rule_text("all", when)), "rules.json");
  REQUIRE(rules.rules.size() == 1);
  const auto& w = rules.rules[0].when;
  REQUIRE(w.size() == 10);
  CHECK(w[0].condition == Condition::symptom);
  CHECK(w[0].word == "locking");
  CHECK(w[1].condition == Condition::age_below);
  CHECK(w[1].number == Approx(18));
  CHECK(w[2].condition == Condition::age_at_least);
  CHECK(w[2].number == Approx(65));
  CHECK(w[3].condition == Condition::pain_at_least);
  CHECK(w[4].condition == Condition::pain_at_most);
  CHECK(w[4].number == Approx(6));
  CHECK(w[5].condition == Condition::cause_is);
  CHECK(w[5].word == "injury");
  CHECK(w[6].condition == Condition::bmi_at_least);
  CHECK(w[7].condition == Condition::weeks_done_at_least);
  CHECK(w[8].condition == Condition::ankle_gap_above_cm);
  CHECK(w[8].number == Approx(8.5));
  CHECK(w[9].condition == Condition::one_side_only);
  CHECK(rules.rules[0].severity == Severity::refer);
  CHECK(rules.emergency == "Call 112.");
  CHECK_FALSE(rules.rules[0].hold_progression);  // absent means false
}

TEST_CASE("safety: hold_progression is read from the rule and carried by its finding", "[safety]") {
  const SafetyRules rules = parse_safety_rules(
      document(R"({"id": "go-easy", "severity": "caution", "when": [{"pain_at_least": 4}], "message": "m",
                   "source": "s", "hold_progression": true})"),
      "rules.json");
  REQUIRE(rules.rules.size() == 1);
  CHECK(rules.rules[0].hold_progression);
  Profile p;
  p.pain = 4;
  const auto findings = screen(rules, p);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].hold_progression);

  const auto diagnostics = diagnostics_of(
      document(R"({"id": "go-easy", "severity": "caution", "when": [], "message": "m", "source": "s",
                   "hold_progression": "yes"})"));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].place == "/rules/0/hold_progression");
}

TEST_CASE("safety: broken rules files are refused at the right JSON pointer", "[safety][errors]") {
  struct Case {
    std::string name;
    std::string text;
    std::string place;
  };
  const std::vector<Case> cases{
      {"a predicate with two keys", with_bad_predicate(R"({"age_below": 18, "pain_at_least": 3})"), "/rules/1/when/1"},
      {"an unknown condition", with_bad_predicate(R"({"age_under": 18})"), "/rules/1/when/1/age_under"},
      {"a symptom not in the list", with_bad_predicate(R"({"symptom": "headache"})"), "/rules/1/when/1/symptom"},
      {"a cause not in the list", with_bad_predicate(R"({"cause_is": "gout"})"), "/rules/1/when/1/cause_is"},
      {"one_side_only false", with_bad_predicate(R"({"one_side_only": false})"), "/rules/1/when/1/one_side_only"},
      {"a threshold that is not a number", with_bad_predicate(R"({"age_below": "18"})"), "/rules/1/when/1/age_below"},
      {"a duplicate rule id",
       document(rule_text("same", R"({"age_below": 18})") + ", " + rule_text("same", R"({"pain_at_least": 7})")),
       "/rules/1/id"},
      {"an unknown severity",
       document(R"({"id": "x", "severity": "severe", "when": [], "message": "m", "source": "s"})"),
       "/rules/0/severity"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const auto diagnostics = diagnostics_of(c.text);
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].place == c.place);
    CHECK(diagnostics[0].file == "rules.json");
    CHECK_FALSE(diagnostics[0].message.empty());
  }
  // The control: the same file with valid predicates parses.
  CHECK(diagnostics_of(with_bad_predicate(R"({"symptom": "night-pain"})")).empty());
}

TEST_CASE("safety: every problem in a rules file is reported", "[safety][errors]") {
  const std::string text = document(rule_text("a", R"({"symptom": "headache"})") + ", " +
                                    rule_text("a", R"({"one_side_only": false}, {"age_under": 3})"));
  const auto got = places(diagnostics_of(text));
  const std::vector<std::string> expected{"/rules/0/when/0/symptom", "/rules/1/when/0/one_side_only",
                                          "/rules/1/when/1/age_under", "/rules/1/id"};
  for (const auto& place : expected) {
    INFO(place);
    CHECK(std::find(got.begin(), got.end(), place) != got.end());
  }
  CHECK(got.size() == expected.size());
}

// ---------------------------------------------------------------- v2: bands, pain, history, verdicts

TEST_CASE("safety: holds() for the conditions on what a profile leaves out, BMI below and history", "[safety]") {
  const auto pred = [](Condition c, double number, std::string word = {}) { return Predicate{c, number, std::move(word)}; };
  Profile p = adult();
  SECTION("age_not_below holds for an unknown age, and at or above the threshold") {
    p.age = 17;
    CHECK_FALSE(holds(pred(Condition::age_not_below, 18), p));
    p.age = 18;
    CHECK(holds(pred(Condition::age_not_below, 18), p));
    p.age.reset();
    CHECK(holds(pred(Condition::age_not_below, 18), p));
    CHECK(holds(pred(Condition::age_not_below, 200), p));
  }
  SECTION("given and not_given, for each optional field") {
    for (const auto field : kOptionalFields) {
      INFO(field);
      Profile none;
      CHECK_FALSE(holds(pred(Condition::given, 0, std::string(field)), none));
      CHECK(holds(pred(Condition::not_given, 0, std::string(field)), none));
    }
    Profile all;
    all.age = 40;
    all.height_cm = 170;
    all.weight_kg = 70;
    all.ankle_gap_cm = 0;  // a gap of 0 is given
    for (const auto field : kOptionalFields) {
      INFO(field);
      CHECK(holds(pred(Condition::given, 0, std::string(field)), all));
      CHECK_FALSE(holds(pred(Condition::not_given, 0, std::string(field)), all));
    }
  }
  SECTION("bmi_below needs height and weight, and is strictly below") {
    CHECK_FALSE(holds(pred(Condition::bmi_below, 100), p));
    p.height_cm = 200;
    p.weight_kg = 120;  // BMI 30
    CHECK_FALSE(holds(pred(Condition::bmi_below, 30), p));
    CHECK(holds(pred(Condition::bmi_below, 30.1), p));
  }
  SECTION("history") {
    CHECK_FALSE(holds(pred(Condition::history, 0, "osteoporosis"), p));
    p.history = {"knee-surgery", "osteoporosis"};
    CHECK(holds(pred(Condition::history, 0, "osteoporosis"), p));
    CHECK(holds(pred(Condition::history, 0, "knee-surgery"), p));
    CHECK_FALSE(holds(pred(Condition::history, 0, "hip-surgery"), p));
  }
}

TEST_CASE("safety: verdict, most serious first, and plan_allowed follows it", "[safety]") {
  Finding urgent{"u", Severity::urgent, "m", "s"};
  Finding refer{"r", Severity::refer, "m", "s"};
  Finding caution{"c", Severity::caution, "m", "s"};
  Finding never{"n", Severity::refer, "m", "s"};
  never.no_plan = true;
  struct Case {
    std::vector<Finding> findings;
    bool cleared;
    Verdict expected;
  };
  const std::vector<Case> cases{
      {{}, false, Verdict::go},
      {{caution}, false, Verdict::go},
      {{refer}, false, Verdict::see_doctor},
      {{refer}, true, Verdict::cleared},
      {{never}, false, Verdict::no_plan},
      {{never}, true, Verdict::no_plan},
      {{never, refer}, true, Verdict::no_plan},
      {{never, urgent}, true, Verdict::urgent},
      {{caution, urgent}, false, Verdict::urgent},
  };
  for (const Case& c : cases) {
    INFO(c.findings.size() << " findings, cleared " << c.cleared);
    CHECK(verdict(c.findings, c.cleared) == c.expected);
    CHECK(plan_allowed(c.findings, c.cleared) == (c.expected == Verdict::go || c.expected == Verdict::cleared));
  }
  // A no_plan flag stops the plan whatever its rule's severity.
  Finding quiet{"q", Severity::info, "m", "s"};
  quiet.no_plan = true;
  CHECK(verdict({quiet}, true) == Verdict::no_plan);
}

TEST_CASE("safety: limits_of gathers the plan flags of all findings", "[safety]") {
  CHECK_FALSE(limits_of({}).youth);
  Finding a{"a", Severity::info, "m", "s"};
  a.youth_plan = true;
  Finding b{"b", Severity::caution, "m", "s"};
  b.hold_progression = true;
  b.no_impact = true;
  Finding c{"c", Severity::caution, "m", "s"};
  c.stop_at_checkpoint = true;
  const PlanLimits limits = limits_of({a, b, c});
  CHECK(limits.youth);
  CHECK(limits.hold_progression);
  CHECK(limits.no_impact);
  CHECK(limits.stop_at_checkpoint);
  const PlanLimits some = limits_of({b});
  CHECK_FALSE(some.youth);
  CHECK_FALSE(some.stop_at_checkpoint);
}

TEST_CASE("safety: every age from 0 to 120 falls in its band, cleared or not", "[safety]") {
  for (int age = 0; age <= 120; ++age) {
    for (const bool cleared : {false, true}) {
      INFO("age " << age << (cleared ? ", cleared" : ""));
      Profile p = child(age);
      p.cleared_by_clinician = cleared;
      const auto findings = screen(shipped(), p);
      const PlanLimits limits = limits_of(findings);
      if (age < 8) {
        CHECK(verdict(findings, cleared) == Verdict::no_plan);
      } else if (age < 18) {
        CHECK(verdict(findings, cleared) == (cleared ? Verdict::cleared : Verdict::see_doctor));
        CHECK(limits.youth);
      } else {
        CHECK(verdict(findings, cleared) == Verdict::go);
        CHECK_FALSE(limits.youth);
      }
      // The child-only checks ran: no finding says the age is missing.
      CHECK(std::none_of(findings.begin(), findings.end(), [](const Finding& f) { return f.id == "age-unknown"; }));
    }
  }
}

TEST_CASE("safety: every pain level, cleared: severe pain holds at least as strictly as moderate", "[safety]") {
  std::optional<PlanLimits> previous;
  for (int pain = 0; pain <= 10; ++pain) {
    INFO("pain " << pain);
    Profile p = adult();
    p.pain = pain;
    p.cleared_by_clinician = true;
    const auto findings = screen(shipped(), p);
    REQUIRE(plan_allowed(findings, true));
    const PlanLimits limits = limits_of(findings);
    CHECK(limits.stop_at_checkpoint == (pain > 0));
    CHECK(limits.hold_progression == (pain >= 4));
    // More pain never loosens a limit.
    if (previous) {
      CHECK((limits.hold_progression || !previous->hold_progression));
      CHECK((limits.stop_at_checkpoint || !previous->stop_at_checkpoint));
    }
    previous = limits;
    // Without clearance, severe pain stops the plan.
    CHECK(plan_allowed(findings, false) == (pain < 7));
  }
}

TEST_CASE("safety: every symptom, measurement and history item given is mentioned by a finding", "[safety]") {
  struct Input {
    std::string name;
    std::function<void(Profile&)> give;
    std::vector<std::string> words;  // a finding's message mentions one of these
  };
  std::vector<Input> inputs{
      {"symptom progressive-weakness", [](Profile& p) { p.symptoms = {"progressive-weakness"}; }, {"weaker"}},
      {"symptom sudden-swelling", [](Profile& p) { p.symptoms = {"sudden-swelling"}; }, {"swells"}},
      {"symptom sudden-pain", [](Profile& p) { p.symptoms = {"sudden-pain"}; }, {"suddenly"}},
      {"symptom buckling", [](Profile& p) { p.symptoms = {"buckling"}; }, {"gives way"}},
      {"symptom locking", [](Profile& p) { p.symptoms = {"locking"}; }, {"locks"}},
      {"symptom hot-swollen-joint", [](Profile& p) { p.symptoms = {"hot-swollen-joint"}; }, {"swollen joint"}},
      {"symptom cannot-bear-weight", [](Profile& p) { p.symptoms = {"cannot-bear-weight"}; }, {"put weight"}},
      {"symptom night-pain", [](Profile& p) { p.symptoms = {"night-pain"}; }, {"at night"}},
      {"symptom worsening", [](Profile& p) { p.symptoms = {"worsening"}; }, {"getting worse"}},
      {"history knee-surgery", [](Profile& p) { p.history = {"knee-surgery"}; }, {"knee surgery"}},
      {"history hip-surgery", [](Profile& p) { p.history = {"hip-surgery"}; }, {"hip surgery"}},
      {"history joint-replacement", [](Profile& p) { p.history = {"joint-replacement"}; }, {"joint replacement"}},
      {"history osteoporosis", [](Profile& p) { p.history = {"osteoporosis"}; }, {"osteoporosis"}},
      {"height only", [](Profile& p) { p.height_cm = 170; }, {"height"}},
      {"weight only", [](Profile& p) { p.weight_kg = 70; }, {"weight"}},
      {"height and weight, BMI 24", [](Profile& p) {
         p.height_cm = 170;
         p.weight_kg = 70;
       }, {"BMI"}},
      {"height and weight, BMI 35", [](Profile& p) {
         p.height_cm = 170;
         p.weight_kg = 101;
       }, {"BMI"}},
  };
  for (const double gap : {0.0, 3.0, 8.0, 8.5, 20.0, 50.0}) {
    inputs.push_back({fmt::format("ankle gap {}", gap), [=](Profile& p) { p.ankle_gap_cm = gap; }, {"ankle gap"}});
  }
  for (int pain = 1; pain <= 10; ++pain) {
    inputs.push_back({fmt::format("pain {}", pain), [=](Profile& p) { p.pain = pain; }, {"pain"}});
  }
  for (const std::optional<int> age : {std::optional<int>{}, std::optional<int>{3}, std::optional<int>{12},
                                       std::optional<int>{18}, std::optional<int>{45}, std::optional<int>{80}}) {
    for (const Input& input : inputs) {
      INFO((age ? fmt::format("age {}", *age) : std::string("age unknown")) << ", " << input.name);
      Profile p;
      p.age = age;
      input.give(p);
      const auto findings = screen(shipped(), p);
      const bool mentioned = std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
        return std::any_of(input.words.begin(), input.words.end(),
                           [&](const std::string& word) { return f.message.find(word) != std::string::npos; });
      });
      CHECK(mentioned);
    }
  }
  // Without an age, a child-only input is named by the finding that says the child checks could not run.
  Profile one_side;
  one_side.side = Side::left;
  const auto findings = screen(shipped(), one_side);
  const auto unknown =
      std::find_if(findings.begin(), findings.end(), [](const Finding& f) { return f.id == "age-unknown"; });
  REQUIRE(unknown != findings.end());
  CHECK(unknown->severity == Severity::info);
  CHECK(unknown->message.find("one knee only") != std::string::npos);
}

TEST_CASE("safety: the new conditions and plan flags are read from a rules file", "[safety][errors]") {
  const std::string when =
      R"({"age_not_below": 18}, {"history": "osteoporosis"}, {"bmi_below": 30}, {"given": "ankle_gap_cm"},
         {"not_given": "age"})";
  const SafetyRules rules = parse_safety_rules(
      document(fmt::format(R"({{"id": "all", "severity": "caution", "when": [{}], "message": "m", "source": "s",
                               "no_plan": true, "youth_plan": true, "stop_at_checkpoint": true, "no_impact": true}})",
                           when)),
      "rules.json");
  REQUIRE(rules.rules.size() == 1);
  const Rule& r = rules.rules[0];
  REQUIRE(r.when.size() == 5);
  CHECK(r.when[0].condition == Condition::age_not_below);
  CHECK(r.when[0].number == Approx(18));
  CHECK(r.when[1].condition == Condition::history);
  CHECK(r.when[1].word == "osteoporosis");
  CHECK(r.when[2].condition == Condition::bmi_below);
  CHECK(r.when[3].condition == Condition::given);
  CHECK(r.when[3].word == "ankle_gap_cm");
  CHECK(r.when[4].condition == Condition::not_given);
  CHECK(r.when[4].word == "age");
  CHECK(r.no_plan);
  CHECK(r.youth_plan);
  CHECK(r.stop_at_checkpoint);
  CHECK(r.no_impact);
  CHECK_FALSE(r.hold_progression);

  const std::vector<std::pair<std::string, std::string>> broken{
      {R"({"history": "gout"})", "/rules/1/when/1/history"},
      {R"({"given": "shoe_size"})", "/rules/1/when/1/given"},
      {R"({"not_given": "Age"})", "/rules/1/when/1/not_given"},
      {R"({"age_not_below": "18"})", "/rules/1/when/1/age_not_below"},
  };
  for (const auto& [predicate, place] : broken) {
    INFO(predicate);
    const auto diagnostics = diagnostics_of(with_bad_predicate(predicate));
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].place == place);
  }
  const auto flag = diagnostics_of(
      document(R"({"id": "x", "severity": "info", "when": [], "message": "m", "source": "s", "no_impact": 1})"));
  REQUIRE(flag.size() == 1);
  CHECK(flag[0].place == "/rules/0/no_impact");
}
