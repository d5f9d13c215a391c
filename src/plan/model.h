#pragma once
// The plan model: what plan files declare, as plain typed values. No YAML or
// JSON type leaks past the loader; the planner reads only this.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace offsetctl::plan {

// Where a value was written, for error messages: 1-based line and column.
struct SourceLoc {
  std::string file;
  int line = 0;
  int col = 0;
};

enum class OutOfRange { Error, Clamp };
// When a symbolic target becomes an absolute offset: at plan time (the
// default, so the reviewer sees the number) or by the service at apply time.
enum class ResolveAt { Plan, Apply };

struct Policy {
  std::optional<int64_t> max_rewind;  // most messages a partition may move back
  std::optional<int64_t> max_skip;    // most messages a partition may move forward
  OutOfRange out_of_range = OutOfRange::Error;
};

// The six ways to say where a topic's offsets go; exactly one per topic entry.
struct ExplicitOffsets {  // offsets: {0: 1500, 1: 1720}
  std::map<int32_t, int64_t> by_partition;
};
struct SingleOffset {  // offset: 4200
  int64_t offset = 0;
};
enum class Anchor { Earliest, Latest, Current };
struct ToAnchor {  // to: earliest | latest | current
  Anchor anchor = Anchor::Current;
  ResolveAt resolve_at = ResolveAt::Plan;
};
struct Shift {  // shift: -100
  int64_t by = 0;
};
struct Datetime {  // datetime: "2026-11-20T00:00:00+08:00"
  int64_t epoch_ms = 0;
  std::string text;
  ResolveAt resolve_at = ResolveAt::Plan;
};
struct Duration {  // duration: PT2H, i.e. (plan time - duration)
  int64_t ms = 0;
  std::string text;
};
using Spec = std::variant<ExplicitOffsets, SingleOffset, ToAnchor, Shift, Datetime, Duration>;

struct TopicSpec {
  std::string topic;
  std::optional<std::vector<int32_t>> partitions;  // nullopt: every partition of the topic
  Spec spec;
  SourceLoc loc;       // the entry
  SourceLoc spec_loc;  // the spec key
};

struct GroupSpec {
  std::string group;
  std::vector<TopicSpec> topics;
  SourceLoc loc;
};

// kind: OffsetPlan
struct OffsetPlan {
  std::string name;
  std::string description;
  std::string instance;
  std::optional<std::string> region;
  Policy policy;
  std::vector<GroupSpec> groups;
  SourceLoc loc;
  SourceLoc name_loc;  // the name's value
};

// kind: DtsOffsetPlan
enum class DtsResetMode { Earliest, Latest, Datetime };
struct DtsGroupSpec {
  std::string group;  // the short name; the full one is consumer-grp-<subscribeId>-<group>
  std::string topic;
  std::optional<std::vector<int32_t>> partitions;
  DtsResetMode mode = DtsResetMode::Earliest;
  int64_t datetime_ms = 0;  // when mode is Datetime
  std::string datetime_text;
  SourceLoc loc;
};
struct DtsOffsetPlan {
  std::string name;
  std::string description;
  std::string subscribe_id;
  std::optional<std::string> region;
  std::vector<DtsGroupSpec> groups;
  SourceLoc loc;
  SourceLoc name_loc;  // the name's value
};

struct PlanFile {
  std::string path;
  std::string sha256;  // of the file's bytes, recorded in saved plans
  std::vector<OffsetPlan> offset_plans;
  std::vector<DtsOffsetPlan> dts_plans;
};

struct PlanSet {
  std::vector<PlanFile> files;
};

}  // namespace offsetctl::plan
