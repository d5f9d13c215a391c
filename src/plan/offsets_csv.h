#pragma once
// kafka-consumer-groups' offsets CSV, as `--reset-offsets --export` writes it
// and `--from-file` reads it: one line per partition, no header, either
// "topic,partition,offset" (one group) or "group,topic,partition,offset".

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "plan/diagnostic.h"
#include "plan/model.h"

namespace offsetctl::plan {

enum class CsvLayout {
  TopicPartitionOffset,       // topic,partition,offset: one group, named elsewhere
  GroupTopicPartitionOffset,  // group,topic,partition,offset
};

struct CsvOffset {
  std::string group;  // empty in a topic,partition,offset file
  std::string topic;
  int32_t partition = 0;
  int64_t offset = 0;
  int line = 0;  // where it was read (0: not read from a file)
};

// The rows, one line each ending in "\n", in the order given. A field is
// quoted (RFC 4180) only when it holds a comma, a quote, a line break or
// leading or trailing spaces, as Jackson's CSV writer (Kafka's) does.
std::string write_offsets_csv(const std::vector<CsvOffset>& rows, CsvLayout layout);

// The explicit offsets of plans, in the order kafka-consumer-groups' export
// reads best: groups as the plans list them, then topics, then partitions.
std::vector<CsvOffset> csv_rows(const std::vector<OffsetPlan>& plans);

struct CsvRead {
  std::vector<CsvOffset> rows;  // in file order
  CsvLayout layout = CsvLayout::TopicPartitionOffset;
  std::vector<Diagnostic> errors;  // each at path:line:col with the source line
  bool ok() const { return errors.empty(); }
};

// Reads either layout. Refused, each at its line and column: a line that is
// neither layout or not the first line's, a header line, a partition or offset
// that is not a decimal number or is negative or too large, a topic or group
// name Kafka would not take, a partition given twice. A file with no row at all
// is refused as a whole. Blank lines (Kafka's export ends with one) are skipped.
CsvRead read_offsets_csv(std::string_view text, const std::string& path);

// Why a consumer group's name cannot go into a plan ("the group is empty: ..."), or "".
std::string group_name_problem(const std::string& name);

}  // namespace offsetctl::plan
