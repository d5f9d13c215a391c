// offsetctl export --instance ID --group G...: writes a plan that pins the
// groups' current committed offsets: a snapshot before a risky change, or a
// way to copy offsets to another cluster. Planning it against the same
// cluster shows no changes.
#include <ostream>

#include "api/client.h"
#include "cli/cmd_plan.h"
#include "cli/commands.h"
#include "cli/flags_api.h"
#include "cli/output_guard.h"
#include "plan/writer.h"
#include "planner/snapshot.h"
#include "util/files.h"
#include "util/time.h"

namespace offsetctl::cli {
namespace {

constexpr size_t kMaxPlanName = 128;

bool valid_plan_name(const std::string& name) {
  if (name.empty() || name.size() > kMaxPlanName) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

// "export-<instance>" in the letters a plan name may have.
std::string default_name(const std::string& instance) {
  std::string name = "export-";
  for (char c : instance) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    name += ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) ? c : '-';
  }
  return name.substr(0, kMaxPlanName);
}

}  // namespace

Command export_command() {
  return {"export", "Write a plan that pins groups' current committed offsets (a snapshot to restore or copy)",
          [](CLI::App& sub) -> Runner {
            struct Options {
              std::string instance;
              std::vector<std::string> groups;
              std::vector<std::string> topics;
              std::string out;
              std::string name;
              ApiFlags api;
            };
            auto o = std::make_shared<Options>();
            sub.add_option("--instance", o->instance, "The CKafka instance, e.g. ckafka-abc123")
                ->required()
                ->type_name("ID");
            sub.add_option("--group", o->groups, "A consumer group to export (repeat for more)")
                ->required()
                ->type_name("GROUP");
            sub.add_option("--topic", o->topics, "Only these topics (repeat for more; default: every topic "
                                                 "the group has committed offsets on)")
                ->type_name("TOPIC");
            sub.add_option("--out", o->out, "Write the plan to this file instead of standard output")
                ->type_name("FILE");
            sub.add_option("--name", o->name, "The plan's name (default: export-<instance>)")->type_name("NAME");
            add_api_flags(sub, o->api);
            return [o](Context& ctx) -> Result<int> {
              if (!o->name.empty() && !valid_plan_name(o->name)) {
                return fail("--name '" + o->name + "': a plan name has letters, digits and '-' only (at "
                            "most 128)");
              }
              if (!o->out.empty()) {
                if (auto ok = check_output_file(o->out, "--out", OutputKind::PlanFile, {}); !ok) {
                  return fail(std::move(ok).error());
                }
              }
              auto config = client_config(o->api, api::kCkafkaService, std::nullopt, ctx.clock);
              if (!config) return fail(std::move(config).error());
              auto client = api::make_ckafka_client(*config);
              if (!client) return fail(std::move(client).error());

              planner::SnapshotRequest request;
              request.instance = o->instance;
              request.region = config->region;
              request.groups = o->groups;
              request.topics = o->topics;
              request.name = o->name.empty() ? default_name(o->instance) : o->name;
              request.now_ms = ctx.clock.now_ms();
              planner::FetchOptions fetch;
              if (config->max_in_flight > 0) fetch.max_in_flight = static_cast<size_t>(config->max_in_flight);
              auto snapshot = planner::take_snapshot(**client, request, fetch);
              if (!snapshot) return fail(std::move(snapshot).error());

              plan::WriteOptions write;
              std::string from = o->instance + (config->region.empty() ? "" : " (" + config->region + ")");
              write.header = {"Exported by offsetctl export from " + from + " at " +
                                  util::format_rfc3339_ms(request.now_ms) + ".",
                              "Planned against the same cluster it shows no changes; applied later, it restores "
                              "these offsets."};
              for (const auto& note : snapshot->notes) write.header.push_back("Note: " + note + ".");
              std::string text = plan::write_plan_yaml({snapshot->plan}, write);
              if (o->out.empty()) {
                ctx.out << text;
              } else if (auto w = util::write_file_atomic(o->out, text); !w) {
                return fail("could not write the plan: " + w.error().message);
              }
              for (const auto& note : snapshot->notes) ctx.err << "offsetctl: note: " << note << "\n";
              if (o->out.empty()) return 0;
              size_t partitions = 0;
              for (const auto& g : snapshot->plan.groups) {
                for (const auto& t : g.topics) partitions += std::get<plan::ExplicitOffsets>(t.spec).by_partition.size();
              }
              ctx.err << "Wrote " << o->out << ": the committed offsets of " << partitions
                      << (partitions == 1 ? " partition" : " partitions") << " in " << snapshot->plan.groups.size()
                      << (snapshot->plan.groups.size() == 1 ? " group" : " groups") << ".\n";
              return 0;
            };
          }};
}

}  // namespace offsetctl::cli
