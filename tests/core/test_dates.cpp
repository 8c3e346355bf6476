#include <catch2/catch.hpp>

#include "kneeplan/core/dates.hpp"

using namespace kneeplan;
using namespace std::chrono;

TEST_CASE("parse_date accepts real days only", "[dates]") {
  CHECK(parse_date("2026-11-23") == sys_days{2026y / November / 23});
  CHECK(parse_date("2024-02-29").has_value());  // leap year
  CHECK_FALSE(parse_date("2026-02-29").has_value());
  CHECK_FALSE(parse_date("2026-02-30").has_value());
  CHECK_FALSE(parse_date("2026-13-01").has_value());
  CHECK_FALSE(parse_date("2026-00-10").has_value());
  CHECK_FALSE(parse_date("2026-1-01").has_value());
  CHECK_FALSE(parse_date("2026-11-23x").has_value());
  CHECK_FALSE(parse_date("").has_value());
  CHECK_FALSE(parse_date("20261123").has_value());
}

TEST_CASE("format_date round-trips and weekday_of counts from Monday", "[dates]") {
  const auto day = *parse_date("2026-11-23");
  CHECK(format_date(day) == "2026-11-23");
  CHECK(weekday_of(day) == Weekday::monday);
  CHECK(weekday_of(day + days{6}) == Weekday::sunday);
  CHECK(format_date(sys_days{0001y / January / 5}) == "0001-01-05");
}
