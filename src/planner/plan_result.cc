#include "planner/plan_result.h"

namespace offsetctl::planner {

const char* action_name(Action a) {
  switch (a) {
    case Action::Change:
      return "change";
    case Action::Noop:
      return "noop";
    case Action::Blocked:
      return "blocked";
    case Action::Invalid:
      return "invalid";
  }
  return "invalid";
}

}  // namespace offsetctl::planner
