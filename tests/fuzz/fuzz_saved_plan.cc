// report::parse_saved_plan on arbitrary bytes: never a crash or a hang, errors
// that name the file, and a saved plan that parses is written back to the same
// bytes it was read from (the format is deterministic and checksummed).

#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "report/saved_plan.h"

namespace offsetctl::fuzz {

int fuzz_saved_plan(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string path = "fuzz/saved-plan.json";
  Result<report::SavedPlan> parsed = report::parse_saved_plan(text, path);
  if (!parsed) {
    const std::string& message = parsed.error().message;
    FUZZ_CHECK(message.find(path) != std::string::npos, "an error that does not name the file: " + message);
    return 0;
  }
  const std::string written = report::saved_plan_to_json(*parsed);
  Result<report::SavedPlan> again = report::parse_saved_plan(written, path);
  FUZZ_CHECK(again.ok(), "the writer's output does not parse: " + (again ? "" : again.error().message));
  FUZZ_CHECK(report::saved_plan_to_json(*again) == written, "write(parse(write(p))) != write(p)");
  return 0;
}

}  // namespace offsetctl::fuzz

OFFSETCTL_FUZZ_ENTRY(fuzz_saved_plan)
