#pragma once
// offsetctl import: kafka-consumer-groups' offsets CSV (either layout) as a
// plan file of explicit offsets, which validate accepts and which, planned
// against the cluster the CSV was exported from, shows no changes.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plan/diagnostic.h"
#include "plan/model.h"
#include "plan/offsets_csv.h"

namespace offsetctl::plan {

struct ImportRequest {
  std::string path;  // the CSV's path: in messages and in the plan's description
  std::string instance;
  std::optional<std::string> region;
  std::string group;        // --group: the group of a topic,partition,offset file; "": none given
  std::string name;         // the plan's name; "": import-<file name>
  std::string schema_path;  // written into the $schema modeline
};

struct Imported {
  OffsetPlan plan;
  std::string yaml;  // the plan file's text
  CsvLayout layout = CsvLayout::TopicPartitionOffset;
  size_t offsets = 0;  // rows read
};

struct ImportResult {
  std::optional<Imported> imported;
  std::vector<Diagnostic> errors;  // path:line:col for a row, path alone for the file as a whole
};

// The CSV's rows as one plan: groups and topics in the order they first
// appear, one `offsets` mapping per topic. A group column with --group, or
// none without it, is an error; so is every bad row (plan/offsets_csv.h).
ImportResult import_offsets_csv(std::string_view text, const ImportRequest& request);

}  // namespace offsetctl::plan
