#include "engine/export.h"

#include <variant>

#include "plan/writer.h"
#include "util/time.h"

namespace offsetctl::engine {

Result<ExportResult> export_offsets(const ExportRequest& request) {
  const planner::SnapshotRequest& r = request.snapshot;
  auto client = request.ckafka("");  // the default region, where r.region came from
  if (!client) return fail(std::move(client).error());
  planner::FetchOptions fetch;
  fetch.max_in_flight = request.max_in_flight;
  auto snapshot = planner::take_snapshot(**client, r, fetch);
  if (!snapshot) return fail(std::move(snapshot).error());

  ExportResult out;
  plan::WriteOptions write;
  std::string from = r.instance + (r.region.empty() ? "" : " (" + r.region + ")");
  write.header = {"Exported by offsetctl export from " + from + " at " + util::format_rfc3339_ms(r.now_ms) + ".",
                  "Planned against the same cluster it shows no changes; applied later, it restores these offsets."};
  for (const auto& note : snapshot->notes) write.header.push_back("Note: " + note + ".");
  out.yaml = plan::write_plan_yaml({snapshot->plan}, write);
  for (const auto& g : snapshot->plan.groups) {
    for (const auto& t : g.topics) out.partitions += std::get<plan::ExplicitOffsets>(t.spec).by_partition.size();
  }
  out.snapshot = std::move(*snapshot);
  return out;
}

}  // namespace offsetctl::engine
