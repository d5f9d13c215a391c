#include "plan/build_model.h"
#include "plan/schema_messages.h"

namespace offsetctl::plan {
namespace {

std::optional<DtsGroupSpec> build_group(const YNode& entry, BuildContext& ctx) {
  if (!entry.is_map() || ctx.sink().said(entry)) return std::nullopt;
  DtsGroupSpec g;
  g.loc = ctx.loc(entry.mark);
  auto group = ctx.name(entry, "group");
  auto topic = ctx.name(entry, "topic");
  bool ok = group && topic;
  if (entry.find_entry("partitions")) {
    g.partitions = ctx.partitions(entry);
    ok = ok && g.partitions.has_value();
  }
  const YEntry* to = entry.find_entry("to");
  const YEntry* datetime = entry.find_entry("datetime");
  const std::string label = group ? "group entry " + quote(*group) : "this group entry";
  if (!to && !datetime) {
    if (!ctx.sink().said_about_keys(entry))
      ctx.sink().missing(entry, "spec", label + " says nothing about where its offsets go: give 'to' (earliest or "
                                              "latest) or 'datetime'");
    return std::nullopt;
  }
  if (to && datetime) {
    const YEntry* second = to->key_mark.line > datetime->key_mark.line ? to : datetime;
    ctx.sink().at_key(*second, label + " has both 'to' and 'datetime': give exactly one");
    return std::nullopt;
  }
  if (to) {
    auto value = ctx.name(entry, "to");
    if (value && *value == "earliest") g.mode = DtsResetMode::Earliest;
    else if (value && *value == "latest") g.mode = DtsResetMode::Latest;
    else ok = false;
  } else {
    auto d = ctx.datetime(entry);
    if (d) {
      g.mode = DtsResetMode::Datetime;
      g.datetime_ms = d->epoch_ms;
      g.datetime_text = d->text;
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  g.group = *group;
  g.topic = *topic;
  return g;
}

}  // namespace

void build_dts_plan(const YNode& doc, BuildContext& ctx, DtsOffsetPlan& out) {
  out.loc = ctx.loc(doc.mark);
  out.name = ctx.name(doc, "name").value_or("");
  out.name_loc = ctx.loc(doc.find("name") ? doc.find("name")->mark : doc.mark);
  out.description = ctx.text(doc, "description").value_or("");
  out.subscribe_id = ctx.name(doc, "subscribeId").value_or("");
  out.region = ctx.name(doc, "region");
  const YNode* groups = doc.find("groups");
  if (!groups || !groups->is_seq() || ctx.sink().said(*groups)) return;
  for (const YNode& g : groups->items)
    if (auto group = build_group(g, ctx)) out.groups.push_back(std::move(*group));
}

}  // namespace offsetctl::plan
