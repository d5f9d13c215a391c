// offsetctl export --instance ID --group G...: writes a plan that pins the
// groups' current committed offsets: a snapshot before a risky change, or a
// way to copy offsets to another cluster. Planning it against the same
// cluster shows no changes. --format csv writes kafka-consumer-groups'
// --export CSV instead, for its --from-file or offsetctl import.
#include <ostream>
#include <set>

#include "api/client.h"
#include "engine/export.h"
#include "cli/cmd_plan.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/flags_api.h"
#include "plan/offsets_csv.h"
#include "plan/plan_name.h"
#include "util/files.h"

namespace offsetctl::cli {
namespace {

// kafka-consumer-groups' layout: the group column only when several groups were asked for.
std::string export_csv(const planner::Snapshot& snapshot, const std::vector<std::string>& groups) {
  const std::set<std::string> asked(groups.begin(), groups.end());
  return plan::write_offsets_csv(plan::csv_rows({snapshot.plan}), asked.size() == 1
                                                                      ? plan::CsvLayout::TopicPartitionOffset
                                                                      : plan::CsvLayout::GroupTopicPartitionOffset);
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
              std::string format = "yaml";
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
            sub.add_option("--format", o->format,
                           "yaml (default): a plan file; csv: kafka-consumer-groups' --export CSV "
                           "(topic,partition,offset; group,topic,partition,offset for several groups)")
                ->type_name("FORMAT")
                ->check(one_of({"yaml", "csv"}));
            add_api_flags(sub, o->api);
            return [o](Context& ctx) -> Result<int> {
              if (o->format != "yaml" && o->format != "csv") {
                return fail("--format " + o->format + ": use yaml or csv");
              }
              if (!o->name.empty() && !plan::valid_plan_name(o->name)) {
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
              request.snapshot.name = o->name.empty() ? plan::plan_name_from("export-", o->instance) : o->name;
              request.snapshot.now_ms = ctx.clock.now_ms();
              if (config->max_in_flight > 0) request.max_in_flight = static_cast<size_t>(config->max_in_flight);
              auto exported = engine::export_offsets(request);
              if (!exported) return fail(std::move(exported).error());

              const std::string text = o->format == "csv" ? export_csv(exported->snapshot, o->groups) : exported->yaml;
              if (o->out.empty()) {
                ctx.out << text;
              } else if (auto w = util::write_file_atomic(o->out, text); !w) {
                return fail("could not write the " + std::string(o->format == "csv" ? "CSV" : "plan") + ": " +
                            w.error().message);
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
