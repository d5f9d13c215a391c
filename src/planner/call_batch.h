#pragma once
// Independent API calls run with a bounded number in flight. Each task writes
// only its own output, so they need no lock; the first failure in task order
// is the one reported, and no task starts once one has failed.

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "util/parallel.h"
#include "util/plural.h"
#include "util/result.h"

namespace offsetctl::planner {

class CallBatch {
 public:
  using Task = std::function<std::optional<Error>()>;  // nullopt: done
  void add(Task task) { tasks_.push_back(std::move(task)); }
  size_t size() const { return tasks_.size(); }

  // Runs every task added since the last run, at most `workers` at once.
  Status<> run(size_t workers) {
    std::vector<std::optional<Error>> errors(tasks_.size());
    std::atomic<bool> failed{false};
    util::parallel_for(tasks_.size(), workers, [&](size_t i) {
      if (failed.load()) return;
      errors[i] = tasks_[i]();
      if (errors[i]) failed.store(true);
    });
    tasks_.clear();
    std::optional<Error> first;
    size_t more = 0;
    for (auto& e : errors) {
      if (!e) continue;
      if (first) {
        ++more;
      } else {
        first = std::move(e);
      }
    }
    if (!first) return Ok{};
    if (more) first->message += " (" + util::plural(more, "other call", "other calls") + " failed too)";
    return fail(std::move(*first));
  }

 private:
  std::vector<Task> tasks_;
};

}  // namespace offsetctl::planner
