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

// fromGroup, a source partition with nothing committed: the row is invalid
// (the default), or left as it is.
enum class MissingSource { Invalid, Skip };

struct Policy {
  std::optional<int64_t> max_rewind;  // most messages a partition may move back
  std::optional<int64_t> max_skip;    // most messages a partition may move forward
  OutOfRange out_of_range = OutOfRange::Error;
  MissingSource missing_source = MissingSource::Invalid;
};

// The seven ways to say where a topic's offsets go; exactly one per topic entry.
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
struct FromGroup {  // fromGroup: SOURCE, or fromGroup: {group: SOURCE, instance: ID}
  std::string group;
  std::string instance;               // "": the plan's own instance
  bool allow_cross_instance = false;  // allowCrossInstance: true on the entry
};
using Spec = std::variant<ExplicitOffsets, SingleOffset, ToAnchor, Shift, Datetime, Duration, FromGroup>;

struct TopicSpec {
  std::string topic;
  std::optional<std::vector<int32_t>> partitions;  // nullopt: every partition of the topic
  Spec spec;
  SourceLoc loc;       // the entry
  SourceLoc spec_loc;  // the spec key
  // topics: all (the group entry's spec, `topic` empty, every partition): every
  // topic the group has committed offsets on, read at plan time, but these.
  bool all_topics = false;
  std::vector<std::string> except_topics;
};

struct GroupSpec {
  std::string group;
  std::vector<TopicSpec> topics;  // with topics: all, the one entry that stands for them
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
