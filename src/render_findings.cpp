// Screening findings for a terminal, most severe first, ending with what to do.
#include <fmt/format.h>

#include "kneeplan/render.hpp"
#include "render_util.hpp"

namespace kneeplan {

using namespace detail;

std::string render_findings_text(const std::vector<Finding>& findings, const SafetyRules& rules, const Style& style) {
  std::string out;
  bool urgent = false;
  for (const auto& f : findings) {
    urgent = urgent || f.severity == Severity::urgent;
    const std::string label = fmt::format("{:<8}", capitalised(name_of(f.severity)));
    out += paint(label, tone_of(f.severity), style) + " " + wrap(f.message, 80, 9) + "\n";
    out += std::string(9, ' ') + paint(wrap(fmt::format("Source: {} [{}]", f.source, f.id), 80, 9), Tone::dim, style) +
           "\n";
  }
  if (urgent && !rules.emergency.empty()) out += "\n" + paint(wrap(rules.emergency, 80, 0), Tone::alert, style) + "\n";
  return out;
}

}  // namespace kneeplan
