// Every test case must run under ctest by its own name. catch_discover_tests
// passes the name back to Catch as a test spec, in which ";" splits the name
// into two CMake arguments, and a leading "-" reads as an option (so "-o …"
// once ran the whole suite instead of one test, and "a; b" ran nothing).
#include <catch2/catch.hpp>

TEST_CASE("test names: each is a test spec that selects exactly itself", "[suite]") {
  for (const auto& test : Catch::getRegistryHub().getTestCaseRegistry().getAllTests()) {
    const std::string& name = test.getTestCaseInfo().name;
    INFO(name);
    CHECK(name.find(';') == std::string::npos);
    REQUIRE_FALSE(name.empty());
    CHECK(name.front() != '-');
    CHECK(name.front() != ' ');
    CHECK(name.back() != ' ');
    CHECK(name.find('\\') == std::string::npos);
  }
}
