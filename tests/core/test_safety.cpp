// Screening against the safety rules of clinical-rules.md, at and around every threshold.
#include <catch2/catch.hpp>

#include "kneeplan/io/load.hpp"
#include "diagnostics_of.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>
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
  std::set<std::string> fires;  // every finding above info
  Severity highest;
};

template <class Edit>
Profile with(Profile p, Edit edit) {
  edit(p);
  return p;
}

std::vector<Row> table() {
  std::vector<Row> rows{
      {"plain adult", adult(), {}, Severity::info},
      {"age unknown", with(adult(), [](Profile& p) { p.age.reset(); }), {}, Severity::info},
      {"age 17", child(17), {"under-18"}, Severity::refer},
      {"age 18", with(adult(), [](Profile& p) { p.age = 18; }), {}, Severity::info},
      {"age 1", child(1), {"under-18"}, Severity::refer},
      {"pain 3", with(adult(), [](Profile& p) { p.pain = 3; }), {}, Severity::info},
      {"pain 4", with(adult(), [](Profile& p) { p.pain = 4; }), {"moderate-pain"}, Severity::caution},
      {"pain 6", with(adult(), [](Profile& p) { p.pain = 6; }), {"moderate-pain"}, Severity::caution},
      {"pain 7", with(adult(), [](Profile& p) { p.pain = 7; }), {"severe-pain"}, Severity::refer},
      {"pain 10", with(adult(), [](Profile& p) { p.pain = 10; }), {"severe-pain"}, Severity::refer},
      {"weeks done 3, pain 0", with(adult(), [](Profile& p) { p.weeks_done = 3; }), {}, Severity::info},
      {"weeks done 3, pain 2",
       with(adult(),
            [](Profile& p) {
              p.weeks_done = 3;
              p.pain = 2;
            }),
       {},
       Severity::info},
      {"weeks done 4, pain 0", with(adult(), [](Profile& p) { p.weeks_done = 4; }), {}, Severity::info},
      {"weeks done 4, pain 2",
       with(adult(),
            [](Profile& p) {
              p.weeks_done = 4;
              p.pain = 2;
            }),
       {"pain-after-4-weeks"},
       Severity::refer},
      {"weeks done 4, pain 1",
       with(adult(),
            [](Profile& p) {
              p.weeks_done = 4;
              p.pain = 1;
            }),
       {"pain-after-4-weeks"},
       Severity::refer},
      {"weeks done 12, pain 5",
       with(adult(),
            [](Profile& p) {
              p.weeks_done = 12;
              p.pain = 5;
            }),
       {"pain-after-4-weeks", "moderate-pain"},
       Severity::refer},
      {"BMI 29.9 (200 cm, 119.6 kg)",
       with(adult(),
            [](Profile& p) {
              p.height_cm = 200;
              p.weight_kg = 119.6;
            }),
       {},
       Severity::info},
      {"BMI 30 (200 cm, 120 kg)",
       with(adult(),
            [](Profile& p) {
              p.height_cm = 200;
              p.weight_kg = 120;
            }),
       {"obesity-bmi"},
       Severity::caution},
      {"weight 150 kg without height", with(adult(), [](Profile& p) { p.weight_kg = 150; }), {}, Severity::info},
      {"height 150 cm without weight", with(adult(), [](Profile& p) { p.height_cm = 150; }), {}, Severity::info},
      {"child, ankle gap 8", with(child(), [](Profile& p) { p.ankle_gap_cm = 8; }), {"under-18"}, Severity::refer},
      {"child, ankle gap 8.5",
       with(child(), [](Profile& p) { p.ankle_gap_cm = 8.5; }),
       {"under-18", "child-ankle-gap"},
       Severity::refer},
      {"adult, ankle gap 8", with(adult(), [](Profile& p) { p.ankle_gap_cm = 8; }), {}, Severity::info},
      {"adult, ankle gap 8.5", with(adult(), [](Profile& p) { p.ankle_gap_cm = 8.5; }), {}, Severity::info},
      {"child, both sides", child(), {"under-18"}, Severity::refer},
      {"child, left side only",
       with(child(), [](Profile& p) { p.side = Side::left; }),
       {"under-18", "child-one-side"},
       Severity::refer},
      {"child, right side only",
       with(child(), [](Profile& p) { p.side = Side::right; }),
       {"under-18", "child-one-side"},
       Severity::refer},
      {"adult, left side only", with(adult(), [](Profile& p) { p.side = Side::left; }), {}, Severity::info},
      {"night pain",
       with(adult(), [](Profile& p) { p.symptoms = {"night-pain"}; }),
       {"symptom-night-pain"},
       Severity::refer},
      {"child, worsening",
       with(child(), [](Profile& p) { p.symptoms = {"worsening"}; }),
       {"under-18", "child-worsening"},
       Severity::refer},
      {"adult, worsening", with(adult(), [](Profile& p) { p.symptoms = {"worsening"}; }), {}, Severity::info},
      {"cause none", with(adult(), [](Profile& p) { p.cause = Cause::none; }), {}, Severity::info},
      {"cause injury", with(adult(), [](Profile& p) { p.cause = Cause::injury; }), {"cause-injury"}, Severity::refer},
      {"cause arthritis",
       with(adult(), [](Profile& p) { p.cause = Cause::arthritis; }),
       {"cause-arthritis"},
       Severity::caution},
      {"cause osteomyelitis",
       with(adult(), [](Profile& p) { p.cause = Cause::osteomyelitis; }),
       {"cause-osteomyelitis"},
       Severity::refer},
      {"cause other", with(adult(), [](Profile& p) { p.cause = Cause::other; }), {}, Severity::info},
      {"everything at once",
       with(child(12),
            [](Profile& p) {
              p.side = Side::left;
              p.pain = 8;
              p.cause = Cause::arthritis;
              p.symptoms = {"buckling", "worsening"};
              p.ankle_gap_cm = 9;
              p.height_cm = 150;
              p.weight_kg = 70;
            }),
       {"symptom-buckling", "under-18", "severe-pain", "child-ankle-gap", "child-one-side", "child-worsening",
        "obesity-bmi", "cause-arthritis"},
       Severity::urgent},
  };
  // Each symptom that needs medical help at once (clinical rules: [000] and NHS red flags).
  for (const char* symptom : {"progressive-weakness", "sudden-swelling", "sudden-pain", "buckling", "locking",
                              "hot-swollen-joint", "cannot-bear-weight"}) {
    rows.push_back({fmt::format("symptom {}", symptom),
                    with(adult(), [&](Profile& p) { p.symptoms = {symptom}; }),
                    {fmt::format("symptom-{}", symptom)},
                    Severity::urgent});
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

}  // namespace

TEST_CASE("safety: every rule fires exactly at its threshold (table)", "[safety]") {
  std::set<std::string> covered;
  for (const Row& row : table()) {
    INFO("row: " << row.name);
    const std::vector<Finding> findings = screen(shipped(), row.profile);
    REQUIRE_FALSE(findings.empty());

    std::set<std::string> above_info;
    std::set<std::string> info;
    for (const Finding& f : findings) {
      (f.severity == Severity::info ? info : above_info).insert(f.id);
      // A finding repeats its rule.
      const Rule* r = rule(f.id);
      REQUIRE(r != nullptr);
      CHECK(f.severity == r->severity);
      CHECK(f.message == r->message);
      CHECK(f.source == r->source);
      CHECK(f.hold_progression == r->hold_progression);
    }
    CHECK(above_info == row.fires);
    CHECK(findings.front().severity == row.highest);
    covered.insert(row.fires.begin(), row.fires.end());

    // The unconditional rules always apply; among them, "not a diagnosis".
    std::set<std::string> always;
    for (const auto& r : shipped().rules) {
      if (r.when.empty()) always.insert(r.id);
    }
    CHECK(info == always);
    CHECK(info.contains("not-a-diagnosis"));
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
      {"symptom-cannot-bear-weight", Severity::urgent},   {"under-18", Severity::refer},
      {"severe-pain", Severity::refer},                   {"cause-injury", Severity::refer},
      {"pain-after-4-weeks", Severity::refer},            {"symptom-night-pain", Severity::refer},
      {"child-ankle-gap", Severity::refer},               {"child-one-side", Severity::refer},
      {"child-worsening", Severity::refer},               {"not-a-diagnosis", Severity::info},
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
  }
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

TEST_CASE("safety: of the shipped rules, only moderate pain holds progression", "[safety]") {
  for (const auto& r : shipped().rules) {
    INFO(r.id);
    CHECK(r.hold_progression == (r.id == "moderate-pain"));
  }
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
