#pragma once
// kneeplan(1), the manual page, written from the command tree (see introspect.hpp).
#include <string>

#include "introspect.hpp"

namespace kneeplan::cli {

struct ManualInfo {
  std::string version;  // "0.1.0"
  std::string date;     // YYYY-MM-DD, or "" to leave the page undated
};

// The page as roff (man(7) macros), in ASCII: anything else is written as a
// groff escape, so it renders alike under every locale.
std::string manual_page(const CommandSpec& root, const ManualInfo& info);

}  // namespace kneeplan::cli
