#include "plan/load_file.h"

#include <algorithm>

#include "plan/build_model.h"
#include "plan/issues.h"
#include "plan/limits.h"
#include "plan/schema_messages.h"
#include "plan/to_json.h"
#include "plan/yaml_tree.h"
#include "util/crypto.h"
#include "util/did_you_mean.h"

namespace offsetctl::plan {
namespace {

constexpr const char* kApiVersion = "offsetctl/v1";

YamlLimits yaml_limits() {
  YamlLimits l;
  l.max_depth = limits::kMaxDepth;
  l.max_items = limits::kMaxListItems;
  l.max_nodes = limits::kMaxNodesPerFile;
  l.max_documents = limits::kMaxDocumentsPerFile;
  l.max_key_bytes = limits::kMaxKeyBytes;
  l.max_scalar_bytes = limits::kMaxScalarBytes;
  l.max_text_bytes = limits::kMaxTextBytes;
  l.text_keys = {"description"};
  return l;
}

enum class Kind { Unknown, Offset, Dts };

// apiVersion and kind decide how the rest is read, so they are checked first
// and with the most specific messages.
Kind check_header(const YNode& doc, IssueSink& sink) {
  const YEntry* api = doc.find_entry("apiVersion");
  if (!api) {
    sink.missing(doc, "apiVersion", "missing required key 'apiVersion' (the plan format version: apiVersion: offsetctl/v1)");
  } else if (api->value.is_scalar() && api->value.info.type == ScalarType::String) {
    const std::string& v = api->value.text;
    if (v != kApiVersion) {
      std::string msg = "unsupported apiVersion " + quote(v) + ": this offsetctl reads " + kApiVersion;
      if (v.rfind("offsetctl/v", 0) == 0 && v.size() > 11 && v[11] >= '2' && v[11] <= '9') {
        msg += " (a newer offsetctl may read " + printable(v, 40) + ")";
      } else if (util::closest_match(v, {kApiVersion})) {
        msg += "; did you mean '" + std::string(kApiVersion) + "'?";
      }
      sink.at(api->value, msg, api);
    }
  } else {
    sink.at(api->value, "'apiVersion' must be '" + std::string(kApiVersion) + "', not " + describe_value(api->value), api);
  }
  const YEntry* kind = doc.find_entry("kind");
  if (!kind) {
    sink.missing(doc, "kind", "missing required key 'kind' (OffsetPlan or DtsOffsetPlan)");
    return Kind::Unknown;
  }
  const YNode& k = kind->value;
  if (k.is_scalar() && k.info.type == ScalarType::String) {
    if (k.text == "OffsetPlan") return Kind::Offset;
    if (k.text == "DtsOffsetPlan") return Kind::Dts;
    std::string msg = "unknown kind " + quote(k.text) + ": offsetctl/v1 plans are OffsetPlan or DtsOffsetPlan";
    if (auto m = util::closest_match(k.text, {"OffsetPlan", "DtsOffsetPlan"})) msg += "; did you mean '" + *m + "'?";
    sink.at(k, msg, kind);
    return Kind::Unknown;
  }
  sink.at(k, "'kind' must be OffsetPlan or DtsOffsetPlan, not " + describe_value(k), kind);
  return Kind::Unknown;
}

void load_document(const YNode& doc, SchemaChecker& checker, BuildContext& ctx, PlanFile& out) {
  IssueSink& sink = ctx.sink();
  if (!doc.is_map()) {
    sink.at(doc, "a plan must be a mapping of keys (apiVersion, kind, name, ...), not " + describe_value(doc));
    return;
  }
  Kind kind = check_header(doc, sink);
  if (kind == Kind::Unknown) return;  // the shape depends on the kind
  const bool dts = kind == Kind::Dts;
  report_schema_errors(checker.check(dts ? to_json(doc) : to_schema_json(doc)), doc, plan_schema_json(), dts, sink);
  if (kind == Kind::Offset) {
    OffsetPlan plan;
    build_offset_plan(doc, ctx, plan);
    out.offset_plans.push_back(std::move(plan));
  } else {
    DtsOffsetPlan plan;
    build_dts_plan(doc, ctx, plan);
    out.dts_plans.push_back(std::move(plan));
  }
}

// The whole-file problems: nothing in it, or nothing but comments.
std::string why_no_plan(std::string_view text) {
  if (is_blank(text)) return "the file is empty: a plan file holds one or more plans (apiVersion: offsetctl/v1, kind: OffsetPlan, ...)";
  if (is_only_comments(text)) return "the file holds only comments: a plan file holds one or more plans (apiVersion: offsetctl/v1, kind: OffsetPlan, ...)";
  return "the file holds no plan, only empty YAML documents: a plan file holds one or more plans (apiVersion: offsetctl/v1, kind: OffsetPlan, ...)";
}

}  // namespace

Diagnostic make_diagnostic(const std::string& path, const LineIndex& lines, int line, int byte_col,
                           std::string message) {
  Diagnostic d;
  d.file = path;
  d.line = line;
  d.col = line > 0 ? lines.char_col(line, byte_col) : 0;
  d.message = std::move(message);
  split_hint(d);
  if (line > 0) set_source_line(d, lines.line(line));
  return d;
}

FileLoad load_file_text(std::string_view bytes, const std::string& path, SchemaChecker& checker) {
  FileLoad out;
  out.file.path = path;
  out.file.sha256 = util::sha256_hex(bytes);
  out.text = std::string(bytes);
  strip_utf8_bom(out.text);
  const std::string_view text = out.text;
  const LineIndex lines(text);
  std::vector<TextIssue> issues = check_encoding(text, limits::kMaxErrorsPerFile);
  if (issues.empty()) issues = check_tab_indentation(text, limits::kMaxErrorsPerFile);
  if (issues.empty()) {
    ParsedYaml parsed = parse_yaml(text, yaml_limits());
    IssueSink sink;
    BuildContext ctx(path, lines, sink);
    size_t plans = 0;
    for (size_t i = 0; i < parsed.documents.size() && !parsed.over_limit; ++i) {
      const YNode& doc = parsed.documents[i];
      if (doc.is_scalar() && doc.info.type == ScalarType::Null && !doc.flagged) continue;  // an empty document
      ++plans;
      // An alias left a hole; what else is wrong would be guesswork.
      if (!parsed.document_has_alias[i]) load_document(doc, checker, ctx, out.file);
    }
    issues = std::move(parsed.issues);
    for (auto& i : sink.take()) issues.push_back(std::move(i));
    if (plans == 0 && issues.empty()) issues.push_back({1, 1, why_no_plan(text)});
  }
  std::stable_sort(issues.begin(), issues.end(), [](const TextIssue& a, const TextIssue& b) {
    return a.line != b.line ? a.line < b.line : a.col < b.col;
  });
  const size_t shown = std::min(issues.size(), limits::kMaxErrorsPerFile);
  for (size_t i = 0; i < shown; ++i)
    out.diagnostics.push_back(make_diagnostic(path, lines, issues[i].line, issues[i].col, std::move(issues[i].message)));
  if (issues.size() > shown) {
    out.diagnostics.push_back(make_diagnostic(path, lines, issues[shown].line, issues[shown].col,
                                              std::to_string(issues.size() - shown) +
                                                  " more errors from here on are not shown (fix the ones above first)"));
  }
  return out;
}

}  // namespace offsetctl::plan
