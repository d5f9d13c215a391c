#include "plan/build_model.h"

#include <algorithm>

#include "plan/schema_messages.h"
#include "util/time.h"

namespace offsetctl::plan {
namespace {

constexpr const char* kSpecKeys[] = {"offsets", "offset", "to", "shift", "datetime", "duration", "fromGroup"};
// `offsets` names partitions, which differ from topic to topic: not with topics: all.
constexpr const char* kGroupSpecKeys[] = {"offset", "to", "shift", "datetime", "duration", "fromGroup"};

std::string topic_label(const YNode& entry) {
  const YNode* t = entry.find("topic");
  return is_string(t) ? "topic entry " + quote(t->text) : "this topic entry";
}

std::optional<Spec> read_offsets(const YNode& n, BuildContext& ctx) {
  if (!n.is_map() || ctx.sink().said(n) || n.entries.empty()) return std::nullopt;
  ExplicitOffsets spec;
  bool ok = true;
  for (const YEntry& e : n.entries) {
    // The schema allows up to 10 digits; partitions end at 2^31-1.
    ScalarInfo key = classify_scalar(e.key, true);
    if (key.type != ScalarType::Int || key.int_value < 0) {
      ok = false;  // the schema has said why
      continue;
    }
    if (key.int_value > INT32_MAX) {
      ctx.sink().at_key(e, "partition " + e.key + " is out of range: partitions are 0 to 2147483647");
      ok = false;
      continue;
    }
    // valijson stops at the first bad value of the mapping: check them all here.
    const std::string subject = "the offset of partition " + e.key;
    if (!is_int(&e.value)) {
      ctx.sink().at(e.value, not_an_integer(subject, e.value), &e);
      ok = false;
      continue;
    }
    if (e.value.info.int_value < 0) {
      ctx.sink().at(e.value, outside_range(subject, e.value, "0", "9223372036854775807"), &e);
      ok = false;
      continue;
    }
    spec.by_partition[static_cast<int32_t>(key.int_value)] = e.value.info.int_value;
  }
  if (!ok) return std::nullopt;
  return spec;
}

// fromGroup: SOURCE, or {group: SOURCE, instance: ID}; another instance only
// with allowCrossInstance: true beside it.
std::optional<Spec> read_from_group(const YNode& entry, const YNode& v, const std::string& plan_instance,
                                    BuildContext& ctx) {
  FromGroup from;
  if (v.is_map()) {
    auto group = ctx.name(v, "group");
    if (!group) return std::nullopt;
    from.group = *group;
    if (v.find("instance")) {
      auto instance = ctx.name(v, "instance");
      if (!instance) return std::nullopt;
      if (*instance != plan_instance) from.instance = *instance;
    }
  } else {
    auto group = ctx.name(entry, "fromGroup");
    if (!group) return std::nullopt;
    from.group = *group;
  }
  const YEntry* allow = entry.find_entry("allowCrossInstance");
  from.allow_cross_instance = allow && allow->value.is_scalar() && allow->value.info.type == ScalarType::Bool &&
                              allow->value.info.bool_value;
  const YNode& where = v.is_map() && v.find("instance") ? *v.find("instance") : v;
  if (!from.instance.empty() && !from.allow_cross_instance) {
    ctx.sink().at(where, "'fromGroup' reads group " + quote(from.group) + " on instance " + quote(from.instance) +
                             ", not this plan's instance " + quote(plan_instance) +
                             ": offsets carry across clusters only when the topics were replicated with their offsets "
                             "preserved; if they were, add 'allowCrossInstance: true' to this entry");
    return std::nullopt;
  }
  if (from.instance.empty() && allow && from.allow_cross_instance) {
    ctx.sink().at_key(*allow, "'allowCrossInstance' is for a 'fromGroup' on another instance; this one reads the "
                              "plan's own instance: remove it");
    return std::nullopt;
  }
  return from;
}

std::optional<Spec> read_spec(const YNode& entry, const YEntry& spec_entry, const std::string& plan_instance,
                              BuildContext& ctx) {
  const std::string& key = spec_entry.key;
  const YNode& v = spec_entry.value;
  if (key == "offsets") return read_offsets(v, ctx);
  if (key == "offset") {
    auto o = ctx.integer(entry, "offset");
    if (!o || *o < 0) return std::nullopt;
    return SingleOffset{*o};
  }
  if (key == "to") {
    auto t = ctx.name(entry, "to");
    if (!t) return std::nullopt;
    if (*t == "earliest") return ToAnchor{Anchor::Earliest, ResolveAt::Plan};
    if (*t == "latest") return ToAnchor{Anchor::Latest, ResolveAt::Plan};
    if (*t == "current") return ToAnchor{Anchor::Current, ResolveAt::Plan};
    return std::nullopt;
  }
  if (key == "shift") {
    auto by = ctx.integer(entry, "shift");
    if (!by) return std::nullopt;
    if (*by == 0) {
      ctx.sink().at(v, "'shift' is 0, which moves nothing: give a number of messages to move (negative to replay)");
      return std::nullopt;
    }
    return Shift{*by};
  }
  if (key == "datetime") {
    auto d = ctx.datetime(entry);
    if (!d) return std::nullopt;
    return *d;
  }
  if (key == "fromGroup") return read_from_group(entry, v, plan_instance, ctx);
  auto text = ctx.name(entry, "duration");
  if (!text) return std::nullopt;
  auto ms = util::parse_iso8601_duration_ms(*text);
  if (!ms) {
    ctx.sink().at(v, "'duration' " + ms.error().message);
    return std::nullopt;
  }
  return Duration{*ms, *text};
}

// resolveAt: apply hands the target to the service; it means something only
// for targets the service can resolve itself.
bool apply_resolve_at(const YNode& entry, Spec& spec, BuildContext& ctx) {
  const YEntry* r = entry.find_entry("resolveAt");
  if (!r) return true;
  auto value = ctx.name(entry, "resolveAt");
  if (!value || (*value != "plan" && *value != "apply")) return false;
  const ResolveAt at = *value == "apply" ? ResolveAt::Apply : ResolveAt::Plan;
  if (auto* to = std::get_if<ToAnchor>(&spec); to && to->anchor != Anchor::Current) {
    to->resolve_at = at;
    return true;
  }
  if (auto* d = std::get_if<Datetime>(&spec)) {
    d->resolve_at = at;
    return true;
  }
  if (std::holds_alternative<FromGroup>(spec)) {
    ctx.sink().at_key(*r, "'resolveAt: " + *value + "' cannot be combined with 'fromGroup': the source group's "
                          "offsets are read when planning, so that the reviewer sees them; remove 'resolveAt'");
    return false;
  }
  ctx.sink().at_key(*r, "'resolveAt' applies only to 'to: earliest', 'to: latest' and 'datetime' entries: remove it here");
  return false;
}

// The one spec of a topic entry, or of a group entry with topics: all, into
// t.spec and t.spec_loc. Every check runs, so that one pass reports every
// mistake of the entry.
template <size_t N>
bool read_entry_spec(const YNode& entry, const char* const (&keys)[N], const std::string& label,
                     const std::string& choices, const std::string& plan_instance, BuildContext& ctx, TopicSpec& t) {
  std::vector<const YEntry*> specs;
  for (const char* k : keys)
    if (const YEntry* e = entry.find_entry(k)) specs.push_back(e);
  // Report the second spec in file order, where the reader's eye is.
  std::sort(specs.begin(), specs.end(), [](const YEntry* a, const YEntry* b) {
    return a->key_mark.line != b->key_mark.line ? a->key_mark.line < b->key_mark.line : a->key_mark.col < b->key_mark.col;
  });
  std::optional<Spec> spec;
  for (const YEntry* s : specs) {
    auto read = read_spec(entry, *s, plan_instance, ctx);
    if (s == specs.front()) spec = std::move(read);
  }
  if (specs.empty()) {
    // An unknown key is most likely the misspelt spec: its report says enough.
    if (!ctx.sink().said_about_keys(entry))
      ctx.sink().missing(entry, "spec", label + " says nothing about where its offsets go: give one of " + choices);
    return false;
  }
  if (specs.size() > 1) {
    ctx.sink().at_key(*specs[1], label + " has both '" + specs[0]->key + "' and '" + specs[1]->key +
                                     "': give exactly one of " + choices);
    return false;
  }
  const YEntry* allow = entry.find_entry("allowCrossInstance");
  if (allow && specs[0]->key != "fromGroup") {
    ctx.sink().at_key(*allow, "'allowCrossInstance' applies only to 'fromGroup' entries: remove it here");
    return false;
  }
  if (!spec || !apply_resolve_at(entry, *spec, ctx)) return false;
  t.spec = std::move(*spec);
  t.spec_loc = ctx.loc(specs[0]->key_mark);
  return true;
}

std::optional<TopicSpec> build_topic(const YNode& entry, const std::string& plan_instance, BuildContext& ctx) {
  if (!entry.is_map() || ctx.sink().said(entry)) return std::nullopt;
  TopicSpec t;
  t.loc = ctx.loc(entry.mark);
  auto topic = ctx.name(entry, "topic");
  const YEntry* partitions = entry.find_entry("partitions");
  bool ok = true;
  if (partitions) {
    t.partitions = ctx.partitions(entry);
    ok = t.partitions.has_value();
  }
  ok = read_entry_spec(entry, kSpecKeys, topic_label(entry),
                       "offsets, offset, to, shift, datetime, duration or fromGroup", plan_instance, ctx, t) &&
       ok;
  if (ok && partitions && std::holds_alternative<ExplicitOffsets>(t.spec)) {
    ctx.sink().at_key(*partitions, "'partitions' cannot be combined with 'offsets', which names its partitions itself: "
                                   "remove 'partitions'");
    return std::nullopt;
  }
  if (!ok || !topic) return std::nullopt;
  t.topic = *topic;
  return t;
}

std::string group_label(const YNode& g) {
  const YNode* n = g.find("group");
  return is_string(n) ? "group " + quote(n->text) : "this group entry";
}

// A group entry with topics: all: its spec and exceptTopics, as one entry.
std::optional<TopicSpec> build_all_topics(const YNode& g, const std::string& plan_instance, BuildContext& ctx) {
  TopicSpec t;
  t.all_topics = true;
  t.loc = ctx.loc(g.mark);
  bool ok = read_entry_spec(g, kGroupSpecKeys, group_label(g) + " with topics: all",
                            "offset, to, shift, datetime, duration or fromGroup", plan_instance, ctx, t);
  if (const YNode* except = g.find("exceptTopics"); except && except->is_seq() && !ctx.sink().said(*except)) {
    for (const YNode& item : except->items) {
      if (!is_string(&item) || ctx.sink().said(item)) {
        ok = false;
        continue;
      }
      if (std::find(t.except_topics.begin(), t.except_topics.end(), item.text) != t.except_topics.end()) {
        ctx.sink().at(item, "topic " + quote(item.text) + " is listed twice in 'exceptTopics'");
        ok = false;
        continue;
      }
      t.except_topics.push_back(item.text);
    }
  }
  if (!ok) return std::nullopt;
  return t;
}

// Keys that belong only to a group entry with topics: all.
void refuse_group_level_keys(const YNode& g, BuildContext& ctx) {
  for (const YEntry& e : g.entries) {
    const bool spec = std::find_if(std::begin(kGroupSpecKeys), std::end(kGroupSpecKeys),
                                   [&](const char* k) { return e.key == k; }) != std::end(kGroupSpecKeys);
    if (spec || e.key == "exceptTopics" || e.key == "resolveAt" || e.key == "allowCrossInstance") {
      ctx.sink().at_key(e, "'" + e.key + "' on a group entry goes with 'topics: all' (every topic the group has "
                           "committed offsets on); with a list of topics, put it in each topic entry");
    }
  }
}

}  // namespace

void build_offset_plan(const YNode& doc, BuildContext& ctx, OffsetPlan& out) {
  out.loc = ctx.loc(doc.mark);
  out.name = ctx.name(doc, "name").value_or("");
  out.name_loc = ctx.loc(doc.find("name") ? doc.find("name")->mark : doc.mark);
  out.description = ctx.text(doc, "description").value_or("");
  out.instance = ctx.name(doc, "instance").value_or("");
  out.region = ctx.name(doc, "region");
  if (const YNode* p = doc.find("policy"); p && p->is_map() && !ctx.sink().said(*p)) {
    out.policy.max_rewind = ctx.integer(*p, "maxRewind");
    out.policy.max_skip = ctx.integer(*p, "maxSkip");
    if (auto o = ctx.name(*p, "outOfRange"); o && *o == "clamp") out.policy.out_of_range = OutOfRange::Clamp;
    if (auto m = ctx.name(*p, "missingSource"); m && *m == "skip") out.policy.missing_source = MissingSource::Skip;
  }
  const YNode* groups = doc.find("groups");
  if (!groups || !groups->is_seq() || ctx.sink().said(*groups)) return;
  for (const YNode& g : groups->items) {
    if (!g.is_map() || ctx.sink().said(g)) continue;
    GroupSpec group;
    group.loc = ctx.loc(g.mark);
    auto name = ctx.name(g, "group");
    const YNode* topics = g.find("topics");
    if (topics && topics->is_seq() && !ctx.sink().said(*topics)) {
      refuse_group_level_keys(g, ctx);
      for (const YNode& t : topics->items)
        if (auto topic = build_topic(t, out.instance, ctx)) group.topics.push_back(std::move(*topic));
    } else if (is_string(topics) && topics->text == "all" && !ctx.sink().said(*topics)) {
      if (auto all = build_all_topics(g, out.instance, ctx)) group.topics.push_back(std::move(*all));
    }
    if (!name) continue;
    group.group = *name;
    out.groups.push_back(std::move(group));
  }
}

}  // namespace offsetctl::plan
