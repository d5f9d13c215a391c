// offsetctl export --instance ID --group G...: writes a plan that pins the
// groups' current committed offsets: a snapshot before a risky change, or a
// way to copy offsets to another cluster. Planning it against the same
// cluster shows no changes.
#include <ostream>

#include "api/client.h"
#include "engine/export.h"
#include "cli/cmd_plan.h"
#include "cli/commands.h"
#include "cli/flags_api.h"
#include "util/files.h"

namespace offsetctl::cli {
namespace {

constexpr size_t kMaxPlanName = 128;

bool valid_plan_name(const std::string& name) {
  if (name.empty() || name.size() > kMaxPlanName) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
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
                return fail("--name '" + o->name + "': a plan name has lower-case letters, digits and '-' only (at "
                            "most 128)");
              }
              if (!o->out.empty()) {
                if (auto ok = check_output_folder(o->out, "--out"); !ok) return fail(std::move(ok).error());
              }
              auto config = client_config(o->api, api::kCkafkaService, std::nullopt, ctx.clock);
              if (!config) return fail(std::move(config).error());
              engine::ExportRequest request;
              request.ckafka = ckafka_clients(o->api, ctx.clock);
              request.snapshot.instance = o->instance;
              request.snapshot.region = config->region;
              request.snapshot.groups = o->groups;
              request.snapshot.topics = o->topics;
              request.snapshot.name = o->name.empty() ? default_name(o->instance) : o->name;
              request.snapshot.now_ms = ctx.clock.now_ms();
              if (config->max_in_flight > 0) request.max_in_flight = static_cast<size_t>(config->max_in_flight);
              auto exported = engine::export_offsets(request);
              if (!exported) return fail(std::move(exported).error());
              if (o->out.empty()) {
                ctx.out << exported->yaml;
              } else if (auto w = util::write_file_atomic(o->out, exported->yaml); !w) {
                return fail("could not write the plan: " + w.error().message);
              }
              for (const auto& note : exported->snapshot.notes) ctx.err << "offsetctl: note: " << note << "\n";
              if (o->out.empty()) return 0;
              const size_t partitions = exported->partitions;
              const auto& groups = exported->snapshot.plan.groups;
              ctx.err << "Wrote " << o->out << ": the committed offsets of " << partitions
                      << (partitions == 1 ? " partition" : " partitions") << " in " << groups.size()
                      << (groups.size() == 1 ? " group" : " groups") << ".\n";
              return 0;
            };
          }};
}

}  // namespace offsetctl::cli
