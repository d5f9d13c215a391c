#pragma once
// For executor tests: an audit::AuditSink that records what the pipeline tells the
// audit log, one line per record.

#include <string>
#include <utility>
#include <vector>

#include "audit/sink.h"

namespace offsetctl::executor::testing_sink {

// Records what the executor tells the audit log, one line per record.
class RecordingSink final : public audit::AuditSink {
 public:
  std::vector<std::string> events;
  int fail_intents_after = -1;  // >= 0: that many change_intents calls succeed, then they fail

  Status<> run_started(const audit::RunStartedInfo&) override {
    events.push_back("run_started");
    return Ok{};
  }
  Status<> change_intents(const std::vector<audit::ChangeFields>& changes) override {
    if (fail_intents_after == 0) return fail("disk full");
    if (fail_intents_after > 0) --fail_intents_after;
    for (const auto& c : changes) events.push_back("intent " + describe(c));
    return Ok{};
  }
  Status<> change_results(const std::vector<std::pair<audit::ChangeFields, audit::ChangeOutcome>>& results) override {
    for (const auto& [c, o] : results) {
      events.push_back("result " + describe(c) + " verified=" + (o.verified ? "1" : "0") +
                       " error=" + o.error_code.value_or("-") + " rid=" + o.request_id.value_or("-"));
    }
    return Ok{};
  }
  Status<> run_finished(const audit::RunCounts& c, int exit_code, const std::string& reason) override {
    events.push_back("run_finished changed=" + std::to_string(c.changed) + " failed=" + std::to_string(c.failed) +
                     " unchanged=" + std::to_string(c.unchanged) + " calls=" + std::to_string(c.calls.value_or(-1)) +
                     " exit=" + std::to_string(exit_code) + (reason.empty() ? "" : " reason=" + reason));
    return Ok{};
  }
  size_t count(const std::string& prefix) const {
    size_t n = 0;
    for (const auto& e : events) n += e.rfind(prefix, 0) == 0;
    return n;
  }

 private:
  static std::string describe(const audit::ChangeFields& c) {
    return c.group + "/" + c.topic + "[" + std::to_string(c.partition) + "] " +
           (c.before ? std::to_string(*c.before) : "-") + "->" + (c.target ? std::to_string(*c.target) : "?") +
           " " + c.action + " #" + std::to_string(c.call);
  }
};

}  // namespace offsetctl::executor::testing_sink
