#include "planner/partition_rules.h"

#include <limits>
#include <type_traits>

#include "planner/planner.h"
#include "util/time.h"

namespace offsetctl::planner {
namespace {

int64_t saturating_add(int64_t a, int64_t b) {
  int64_t r = 0;
  if (__builtin_add_overflow(a, b, &r)) return b > 0 ? std::numeric_limits<int64_t>::max() : 0;
  return r;
}

int64_t saturating_sub(int64_t a, int64_t b) {
  int64_t r = 0;
  if (__builtin_sub_overflow(a, b, &r)) {
    return a > b ? std::numeric_limits<int64_t>::max() : std::numeric_limits<int64_t>::min();
  }
  return r;
}

std::string n(int64_t v) { return std::to_string(v); }

std::string not_read(const std::string& what) {
  return "the " + what + " of this partition was not read (incomplete live state); plan again";
}

std::string range_text(int64_t begin, int64_t end) { return "[" + n(begin) + ", " + n(end) + "]"; }

}  // namespace

Rule make_rule(const plan::Spec& spec, const plan::Policy& policy, int64_t now_ms) {
  Rule r;
  r.policy = policy;
  r.spec_text = describe_spec(spec);
  r.time_ms = spec_time_ms(spec, now_ms);
  std::visit(
      [&](const auto& s) {
        using T = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<T, plan::ExplicitOffsets>) {
          r.kind = TargetKind::Offset;
        } else if constexpr (std::is_same_v<T, plan::SingleOffset>) {
          r.kind = TargetKind::Offset;
          r.value = s.offset;
        } else if constexpr (std::is_same_v<T, plan::ToAnchor>) {
          bool at_apply = s.resolve_at == plan::ResolveAt::Apply;
          switch (s.anchor) {
            case plan::Anchor::Earliest:
              r.kind = TargetKind::Earliest;
              if (at_apply) r.apply_timestamp = -2;
              break;
            case plan::Anchor::Latest:
              r.kind = TargetKind::Latest;
              if (at_apply) r.apply_timestamp = -1;
              break;
            case plan::Anchor::Current:
              r.kind = TargetKind::Current;
              break;
          }
        } else if constexpr (std::is_same_v<T, plan::Shift>) {
          r.kind = TargetKind::Shift;
          r.value = s.by;
        } else if constexpr (std::is_same_v<T, plan::Datetime>) {
          r.kind = TargetKind::Time;
          if (s.resolve_at == plan::ResolveAt::Apply) r.apply_timestamp = s.epoch_ms;
        } else if constexpr (std::is_same_v<T, plan::Duration>) {
          r.kind = TargetKind::Time;
          r.spec_text += " (since " + util::format_rfc3339_ms(*r.time_ms) + ")";
        } else {
          static_assert(std::is_same_v<T, plan::FromGroup>);
          r.kind = TargetKind::FromGroup;
          r.source = "group '" + s.group + "'" + (s.instance.empty() ? "" : " on instance " + s.instance);
          r.cross_instance = !s.instance.empty();
        }
      },
      spec);
  return r;
}

void apply_rule(const Rule& r, const PartitionFacts& f, const std::string& blocked, PartitionChange& c) {
  auto invalid = [&](std::string reason) {
    c.action = Action::Invalid;
    c.reason = std::move(reason);
  };
  std::string note;  // how the target came about, when the reader would not guess it
  switch (r.kind) {
    case TargetKind::Offset:
      c.target = f.explicit_offset ? *f.explicit_offset : r.value;
      break;
    case TargetKind::Earliest:
      if (!f.begin) return invalid(not_read("earliest offset"));
      c.target = *f.begin;
      break;
    case TargetKind::Latest:
      c.target = f.end;
      break;
    case TargetKind::Current:
      c.target = f.current;
      c.action = Action::Noop;
      if (!f.current) c.reason = "nothing is committed on this partition; to: current leaves it so";
      return;
    case TargetKind::Shift: {
      if (!f.current) {
        return invalid(
            "nothing is committed on this partition, so there is no offset to shift from; "
            "give it an offset, to: earliest or latest, or a datetime instead");
      }
      if (!f.begin) return invalid(not_read("earliest offset"));
      int64_t raw = 0;
      const bool overflowed = __builtin_add_overflow(*f.current, r.value, &raw);
      if (overflowed) raw = saturating_add(*f.current, r.value);
      // The shift's size as unsigned: negating -2^63 would overflow.
      const uint64_t size = r.value < 0 ? 0 - static_cast<uint64_t>(r.value) : static_cast<uint64_t>(r.value);
      std::string from = n(*f.current) + (r.value < 0 ? " - " : " + ") + std::to_string(size);
      if (!overflowed) from += " = " + n(raw);
      if (raw < *f.begin) {
        c.target = *f.begin;
        note = from + " is before the earliest offset " + n(*f.begin) + ": clamped to it, as Kafka's --shift-by does";
      } else if (raw > f.end) {
        c.target = f.end;
        note = from + " is past the log end offset " + n(f.end) + ": clamped to it, as Kafka's --shift-by does";
      } else {
        c.target = raw;
      }
      break;
    }
    case TargetKind::FromGroup:
      if (!f.source_offset) {
        if (r.policy.missing_source == plan::MissingSource::Skip) {
          c.target = f.current;
          c.action = Action::Noop;
          c.reason = "the source " + r.source + " has nothing committed on this partition; policy missingSource: "
                     "skip leaves it as it is";
          return;
        }
        return invalid("the source " + r.source + " has nothing committed on this partition, so there is no offset "
                       "to copy; give this partition another target, or set the plan's policy missingSource: skip "
                       "to leave such partitions as they are");
      }
      c.target = *f.source_offset;
      if (r.cross_instance) {
        note = "copied from " + r.source + ": offsets carry across clusters only when the topics were replicated "
               "with their offsets preserved";
      }
      break;
    case TargetKind::Time:
      if (!f.time_read) return invalid(not_read("offset at " + util::format_rfc3339_ms(*r.time_ms)));
      c.target = f.offset_at_time ? *f.offset_at_time : f.end;
      if (!f.offset_at_time) {
        note = "no message at or after " + util::format_rfc3339_ms(*r.time_ms) + ": the log end offset";
      }
      break;
  }

  // A partition already at its target needs nothing, so no rule can object to it.
  auto at_target = [&] { return f.current && *c.target == *f.current; };
  if (at_target()) {
    c.action = Action::Noop;
    c.reason = note;
    return;
  }

  if (r.kind == TargetKind::Offset || r.kind == TargetKind::FromGroup) {
    if (!f.begin) return invalid(not_read("earliest offset"));
    const bool clamp = r.policy.out_of_range == plan::OutOfRange::Clamp;
    // The messages are built only for the partitions that need them: most are in range.
    auto fix = [&] {
      return "; choose an offset within " + range_text(*f.begin, f.end) + ", or set the plan's policy outOfRange: clamp";
    };
    if (*c.target > f.end) {
      std::string what = "offset " + n(*c.target) + " is past the log end offset " + n(f.end);
      if (!clamp) return invalid(what + fix());
      c.target = f.end;
      note = what + ": clamped to it (outOfRange: clamp)";
    } else if (*c.target < *f.begin) {
      std::string what = "offset " + n(*c.target) + " is before the earliest offset " + n(*f.begin);
      if (!clamp) return invalid(what + " (older messages are gone)" + fix());
      c.target = *f.begin;
      note = what + ": clamped to it (outOfRange: clamp)";
    }
    if (at_target()) {
      c.action = Action::Noop;
      c.reason = note;
      return;
    }
  }

  if (f.current) {
    int64_t delta = saturating_sub(*c.target, *f.current);
    auto move = [&] { return " (from " + n(*f.current) + " to " + n(*c.target) + ")"; };
    int64_t back = delta == std::numeric_limits<int64_t>::min() ? std::numeric_limits<int64_t>::max() : -delta;
    if (delta < 0 && r.policy.max_rewind && back > *r.policy.max_rewind) {
      return invalid("moves back " + n(back) + " messages" + move() + ", more than the policy's maxRewind of " +
                     n(*r.policy.max_rewind) + "; raise maxRewind or choose a closer target");
    }
    if (delta > 0 && r.policy.max_skip && delta > *r.policy.max_skip) {
      return invalid("skips " + n(delta) + " messages" + move() + ", more than the policy's maxSkip of " +
                     n(*r.policy.max_skip) + "; raise maxSkip or choose a closer target");
    }
  }

  if (!blocked.empty()) {
    c.action = Action::Blocked;
    c.reason = blocked;
    return;
  }
  c.action = Action::Change;
  c.reason = note;
}

}  // namespace offsetctl::planner
