#pragma once
// The plan schema (schemas/plan.schema.json, embedded at build time) and the
// valijson check of one document against it. The schema is parsed and
// compiled once per process; a SchemaChecker holds valijson's regex cache and
// is meant to be reused for every document of one load.

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace offsetctl::plan {

// The embedded schema text, byte for byte the file.
std::string_view plan_schema_text();

// The parsed schema document (for messages: descriptions, enums, limits).
const nlohmann::json& plan_schema_json();

// What valijson reports, leaves only: the path (keys and indexes from the
// document root) and valijson's description.
struct SchemaError {
  std::vector<std::string> path;
  std::string description;
};

class SchemaChecker {
 public:
  SchemaChecker();
  ~SchemaChecker();
  SchemaChecker(const SchemaChecker&) = delete;
  SchemaChecker& operator=(const SchemaChecker&) = delete;

  // Empty when the document fits the schema.
  std::vector<SchemaError> check(const nlohmann::json& document);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace offsetctl::plan
