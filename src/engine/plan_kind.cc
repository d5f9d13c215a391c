#include "engine/plan_kind.h"

#include "engine/ckafka_kind.h"
#include "engine/dts_kind.h"

namespace offsetctl::engine {

std::vector<std::unique_ptr<PlanKind>> plan_kinds() {
  std::vector<std::unique_ptr<PlanKind>> kinds;
  kinds.push_back(ckafka_kind());
  kinds.push_back(dts_kind());
  return kinds;
}

}  // namespace offsetctl::engine
