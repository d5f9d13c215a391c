#pragma once
// The compact change records (format 2, docs/audit-log.md): one change_intent
// and one change_result per API call, the call's partitions as rows of small
// arrays, instead of a record per partition (format 1). Both formats are read
// back here as the same per-partition view, so readers never see the difference.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "audit/fields.h"

namespace offsetctl::audit {

inline constexpr int kCompactFormat = 2;
// A call whose rows would make a record larger than this is split over several
// records (same call number): a record must stay far below kMaxRecordBytes.
inline constexpr size_t kCompactRecordBudget = 256u << 10;

// The fields of the change_intent records of one call's partitions (normally one record).
// Partitions that differ in instance, group, action, call or apply_timestamp get records of their own.
std::vector<nlohmann::json> compact_intent_fields(const std::vector<ChangeFields>& changes);
// The fields of the change_result records: one per call and outcome of the call (request, error).
std::vector<nlohmann::json> compact_result_fields(
    const std::vector<std::pair<ChangeFields, ChangeOutcome>>& results);

// The format of a record: its "format" field, 1 when absent.
int record_format(const nlohmann::json& record);

// What the schema cannot say about a change record of either format (an offset
// beyond 2^63 - 1; in format 2 a row naming a topic the record does not list, a
// partition listed twice); nullopt when it is sound.
std::optional<std::string> check_change_record(const nlohmann::json& record);

// One partition of a change record of either format, as written: for a change_intent
// `outcome` is empty; for a format-2 change_result, before and target are unknown (the
// intent of the same call has them) and has_before_target is false.
struct RecordedChange {
  ChangeFields change;
  bool has_before_target = true;
  std::optional<ChangeOutcome> outcome;
};
// Calls `visit` with each partition of a change_intent or change_result record that
// passed the schema and check_change_record.
void for_each_change(const nlohmann::json& record, const std::function<void(const RecordedChange&)>& visit);

// The format-1 view of a record: for a change record of either format, one object per
// partition with the fields of a format-1 record (a format-2 change_result has no
// before and target); any other record as it is. For tests and tools that look at
// partitions; it expects a record that passed `audit verify`.
std::vector<nlohmann::json> as_partition_records(const nlohmann::json& record);

}  // namespace offsetctl::audit
