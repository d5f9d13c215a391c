// offsetctl import FILE.csv --instance ID: turns kafka-consumer-groups' offsets
// CSV (what --reset-offsets --export wrote, what runbooks feed to --from-file)
// into a plan file of explicit offsets, to review, plan and apply like any other.
#include <ostream>

#include "cli/cmd_plan.h"
#include "cli/commands.h"
#include "plan/import_csv.h"
#include "plan/load_report.h"
#include "plan/plan_name.h"
#include "util/files.h"
#include "util/plural.h"

namespace offsetctl::cli {

Command import_command() {
  return {"import", "Turn kafka-consumer-groups' offsets CSV (--export, --from-file) into a plan file",
          [](CLI::App& sub) -> Runner {
            struct Options {
              std::string file;
              std::string instance;
              std::string group;
              std::string region;
              std::string name;
              std::string out;
              std::string schema = "../schemas/plan.schema.json";
            };
            auto o = std::make_shared<Options>();
            sub.add_option("file", o->file,
                           "The CSV: topic,partition,offset (one group, give --group) or group,topic,partition,offset")
                ->required()
                ->type_name("FILE.csv");
            sub.add_option("--instance", o->instance, "The CKafka instance the plan is for, e.g. ckafka-abc123")
                ->required()
                ->type_name("ID");
            sub.add_option("--group", o->group, "The consumer group of a topic,partition,offset file")
                ->type_name("GROUP");
            sub.add_option("--region", o->region, "The plan's region, e.g. ap-guangzhou (default: none in the plan)")
                ->type_name("REGION");
            sub.add_option("--name", o->name, "The plan's name (default: import-<file name>)")->type_name("NAME");
            sub.add_option("--out", o->out, "Write the plan to this file instead of standard output")
                ->type_name("PLAN.yaml");
            sub.add_option("--schema", o->schema, "The path or URL the plan's $schema modeline names, for editors")
                ->type_name("PATH")
                ->capture_default_str();
            return [o](Context& ctx) -> Result<int> {
              if (!o->name.empty() && !plan::valid_plan_name(o->name)) {
                return fail("--name '" + o->name + "': a plan name has lower-case letters, digits and '-' only (at "
                            "most 128)");
              }
              if (!o->group.empty()) {
                if (std::string bad = plan::group_name_problem(o->group); !bad.empty()) return fail("--group: " + bad);
              }
              if (!o->out.empty()) {
                if (auto ok = check_output_folder(o->out, "--out"); !ok) return fail(std::move(ok).error());
              }
              auto text = util::read_file(o->file);
              if (!text) return fail("could not read " + o->file + ": " + text.error().message);

              plan::ImportRequest request;
              request.path = o->file;
              request.instance = o->instance;
              if (!o->region.empty()) request.region = o->region;
              request.group = o->group;
              request.name = o->name;
              request.schema_path = o->schema;
              plan::ImportResult imported = plan::import_offsets_csv(*text, request);
              if (!imported.imported) {
                for (const auto& d : imported.errors) ctx.err << plan::format_diagnostic(d, ctx.color);
                return fail(util::plural(imported.errors.size(), "error", "errors") + " in " + o->file + "; nothing written");
              }
              const plan::Imported& done = *imported.imported;
              if (o->out.empty()) {
                ctx.out << done.yaml;
                return 0;
              }
              if (auto w = util::write_file_atomic(o->out, done.yaml); !w) {
                return fail("could not write the plan: " + w.error().message);
              }
              ctx.err << "Wrote " << o->out << ": " << util::plural(done.offsets, "offset", "offsets") << " in "
                      << util::plural(done.plan.groups.size(), "group", "groups") << "; preview it with: offsetctl plan "
                      << o->out << "\n";
              return 0;
            };
          }};
}

}  // namespace offsetctl::cli
