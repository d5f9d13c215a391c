#include "executor/verify.h"

#include <utility>

namespace offsetctl::executor {
namespace {

// "committed offset is 1500" / "nothing is committed"
std::string committed_text(const std::optional<int64_t>& o, const char* is = "is") {
  return o ? "committed offset " + std::string(is) + " " + std::to_string(*o)
           : "nothing " + std::string(is) + " committed";
}

// The call failed and the read-back does not show the target: report the call's error.
PartitionOutcome failed(PartitionOutcome o, const CallOutcome& call) {
  o.status = PartitionStatus::Failed;
  o.error_code = call.error_code;
  o.error_message = call.error_message;
  return o;
}

PartitionOutcome not_verified(PartitionOutcome o, std::string code, std::string message) {
  o.status = PartitionStatus::NotVerified;
  o.error_code = std::move(code);
  o.error_message = std::move(message);
  return o;
}

}  // namespace

PartitionOutcome outcome_of(const planner::PartitionChange& c) {
  PartitionOutcome o;
  o.instance = c.instance;
  o.group = c.group;
  o.topic = c.topic;
  o.partition = c.partition;
  o.before = c.current;
  o.target = c.target;
  o.apply_timestamp = c.apply_timestamp;
  return o;
}

PartitionOutcome verify_change(const planner::PartitionChange& c, const CallOutcome& call, const LiveGroup* group) {
  PartitionOutcome o = outcome_of(c);
  o.action = call.action;
  o.request_id = call.request_id;

  if (group == nullptr || group->error) {
    if (!call.ok) return failed(std::move(o), call);
    std::string why = group == nullptr ? std::string("it was not read") : group->error->describe();
    return not_verified(std::move(o), group && !group->error->code.empty() ? group->error->code : "NotVerified",
                        "the call was accepted but the offset could not be read back: " + why);
  }
  const LivePartition* p = nullptr;
  if (auto t = group->topics.find(c.topic); t != group->topics.end()) {
    if (auto q = t->second.find(c.partition); q != t->second.end()) p = &q->second;
  }
  if (p == nullptr) {
    if (!call.ok) return failed(std::move(o), call);
    return not_verified(std::move(o), "NotVerified", "the partition is no longer there");
  }
  o.after = p->committed;

  bool reached = false;
  std::string miss;
  if (c.apply_timestamp) {
    bool valid = p->committed && *p->committed >= 0 && *p->committed <= p->log_end;
    bool moved = p->committed != c.current || c.target == c.current;
    reached = valid && moved;
    if (!valid) {
      miss = committed_text(p->committed) + " after the call, not within [0, " +
             std::to_string(p->log_end) + "]";
    } else if (!moved) {
      miss = committed_text(p->committed, "is still") + " after the call";
    }
  } else {
    reached = p->committed == c.target;
    if (!reached) {
      miss = committed_text(p->committed) + " after the call, the target is " +
             (c.target ? std::to_string(*c.target) : std::string("unknown"));
    }
  }

  if (reached) {
    o.status = PartitionStatus::Verified;
    if (c.apply_timestamp) o.note = "resolved at apply: " + std::to_string(*p->committed);
    if (!call.ok) {
      // Typically a timeout after the service had applied it: the offset is what counts.
      o.note = "the call failed (" + call.error_code + ") but the offset " +
               (c.apply_timestamp ? "moved to " + std::to_string(*p->committed) : std::string("is at its target"));
    }
    return o;
  }
  if (!call.ok) return failed(std::move(o), call);
  return not_verified(std::move(o), "NotVerified", miss);
}

PartitionOutcome unchanged(const planner::PartitionChange& c, std::optional<int64_t> after, util::SharedString note) {
  PartitionOutcome o = outcome_of(c);
  o.after = after;
  o.status = PartitionStatus::Unchanged;
  o.note = std::move(note);
  return o;
}

}  // namespace offsetctl::executor
