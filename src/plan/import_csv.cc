#include "plan/import_csv.h"

#include <map>

#include "plan/load.h"
#include "plan/plan_name.h"
#include "plan/text.h"
#include "plan/writer.h"

namespace offsetctl::plan {
namespace {

std::string file_name(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

Diagnostic whole_file(const std::string& path, std::string message) {
  Diagnostic d;
  d.file = path;
  d.message = std::move(message);
  return d;
}

}  // namespace

ImportResult import_offsets_csv(std::string_view text, const ImportRequest& request) {
  ImportResult result;
  CsvRead read = read_offsets_csv(text, request.path);
  if (!read.ok()) {
    result.errors = std::move(read.errors);
    return result;
  }
  const bool group_column = read.layout == CsvLayout::GroupTopicPartitionOffset;
  if (group_column && !request.group.empty()) {
    // Where the group column is: the first row.
    Diagnostic d;
    d.file = request.path;
    d.line = read.rows.front().line;
    d.col = 1;
    d.message = "this file has a group column (group,topic,partition,offset) and --group " + printable(request.group) +
                " was given too: drop --group, the file names its groups";
    LineIndex lines(text);
    set_source_line(d, lines.line(d.line));
    result.errors.push_back(std::move(d));
    return result;
  }
  if (!group_column && request.group.empty()) {
    result.errors.push_back(whole_file(request.path,
                                       "a topic,partition,offset file does not name its group: give it with --group "
                                       "(as kafka-consumer-groups --from-file takes it from --group)"));
    return result;
  }

  Imported out;
  out.layout = read.layout;
  out.offsets = read.rows.size();
  OffsetPlan& p = out.plan;
  p.name = request.name.empty() ? plan_name_from("import-", file_name(request.path)) : request.name;
  p.instance = request.instance;
  p.region = request.region;
  std::map<std::string, size_t> group_at;
  std::map<std::pair<size_t, std::string>, size_t> topic_at;
  for (const auto& row : read.rows) {
    const std::string& group = group_column ? row.group : request.group;
    auto [g, new_group] = group_at.emplace(group, p.groups.size());
    if (new_group) p.groups.push_back(GroupSpec{group, {}, {}});
    GroupSpec& gs = p.groups[g->second];
    auto [t, new_topic] = topic_at.emplace(std::make_pair(g->second, row.topic), gs.topics.size());
    if (new_topic) {
      TopicSpec ts;
      ts.topic = row.topic;
      ts.spec = ExplicitOffsets{};
      gs.topics.push_back(std::move(ts));
    }
    std::get<ExplicitOffsets>(gs.topics[t->second].spec).by_partition[row.partition] = row.offset;
  }
  const std::string shown = printable(request.path, 200);
  p.description = "Imported by offsetctl import from " + shown + " (kafka-consumer-groups' offsets CSV, " +
                  std::to_string(out.offsets) + (out.offsets == 1 ? " offset" : " offsets") + ")";
  WriteOptions write;
  write.schema_path = request.schema_path;
  write.header = {"Imported by offsetctl import from " + shown + ".",
                  "Each partition goes to the offset the CSV gives it; offsetctl plan shows what that changes."};
  out.yaml = write_plan_yaml({p}, write);

  // What validate will say of the file, before anyone writes it: limits the CSV
  // reader does not know (e.g. 10,000 groups per plan) are refused here.
  LoadResult check = load_plan_text(out.yaml, request.path + " (as a plan)");
  if (!check.ok()) {
    for (auto& d : check.errors) {
      result.errors.push_back(whole_file(request.path, "the plan it makes would not be valid: " + d.text()));
    }
    return result;
  }
  result.imported = std::move(out);
  return result;
}

}  // namespace offsetctl::plan
