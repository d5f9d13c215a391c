#include "plan/writer.h"

#include <cstdio>
#include <sstream>

#include "plan/scalar.h"
#include "plan/text.h"
#include "util/time.h"

namespace offsetctl::plan {
namespace {

// More partitions than this are written one per line, which diffs better.
constexpr size_t kFlowLimit = 8;

bool plain_safe(const std::string& s) {
  if (s.empty()) return false;
  const char first = s[0];
  if (!((first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z') || (first >= '0' && first <= '9') ||
        first == '_'))
    return false;
  for (char c : s) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
              c == '.' || c == '/';
    if (!ok) return false;
  }
  // YAML 1.1 readers take these for booleans: quote them for every reader's sake.
  static const char* const kYaml11Booleans[] = {"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
                                                "on", "On", "ON", "off", "Off", "OFF"};
  for (const char* b : kYaml11Booleans)
    if (s == b) return false;
  // "true", "null", "123", "1e3", "0x1F" would read back as something else.
  return classify_scalar(s, true).type == ScalarType::String;
}

std::string format_duration(const Duration& d) {
  if (!d.text.empty()) return d.text;
  std::string out = "PT" + std::to_string(d.ms / 1000);
  if (d.ms % 1000 != 0) {
    char frac[8];
    std::snprintf(frac, sizeof frac, ".%03d", static_cast<int>(d.ms % 1000));
    out += frac;
  }
  return out + "S";
}

void write_partitions(std::ostream& out, const std::vector<int32_t>& ps) {
  out << "[";
  for (size_t i = 0; i < ps.size(); ++i) out << (i ? ", " : "") << ps[i];
  out << "]";
}

void write_spec(std::ostream& out, const Spec& spec, const std::string& indent) {
  if (const auto* o = std::get_if<ExplicitOffsets>(&spec)) {
    if (o->by_partition.size() <= kFlowLimit) {
      out << indent << "offsets: {";
      bool first = true;
      for (const auto& [p, off] : o->by_partition) {
        out << (first ? "" : ", ") << p << ": " << off;
        first = false;
      }
      out << "}\n";
    } else {
      out << indent << "offsets:\n";
      for (const auto& [p, off] : o->by_partition) out << indent << "  " << p << ": " << off << "\n";
    }
  } else if (const auto* s = std::get_if<SingleOffset>(&spec)) {
    out << indent << "offset: " << s->offset << "\n";
  } else if (const auto* t = std::get_if<ToAnchor>(&spec)) {
    const char* to = t->anchor == Anchor::Earliest ? "earliest" : t->anchor == Anchor::Latest ? "latest" : "current";
    out << indent << "to: " << to << "\n";
    if (t->resolve_at == ResolveAt::Apply) out << indent << "resolveAt: apply\n";
  } else if (const auto* sh = std::get_if<Shift>(&spec)) {
    out << indent << "shift: " << sh->by << "\n";
  } else if (const auto* d = std::get_if<Datetime>(&spec)) {
    out << indent << "datetime: " << yaml_string(d->text.empty() ? util::format_rfc3339_ms(d->epoch_ms) : d->text) << "\n";
    if (d->resolve_at == ResolveAt::Apply) out << indent << "resolveAt: apply\n";
  } else if (const auto* du = std::get_if<Duration>(&spec)) {
    out << indent << "duration: " << yaml_string(format_duration(*du)) << "\n";
  } else if (const auto* f = std::get_if<FromGroup>(&spec)) {
    if (f->instance.empty()) {
      out << indent << "fromGroup: " << yaml_string(f->group) << "\n";
    } else {
      out << indent << "fromGroup: {group: " << yaml_string(f->group) << ", instance: " << yaml_string(f->instance)
          << "}\n";
    }
    if (f->allow_cross_instance) out << indent << "allowCrossInstance: true\n";
  }
}

void write_plan(std::ostream& out, const OffsetPlan& plan) {
  out << "apiVersion: offsetctl/v1\n";
  out << "kind: OffsetPlan\n";
  out << "name: " << yaml_string(plan.name) << "\n";
  if (!plan.description.empty()) out << "description: " << yaml_string(plan.description) << "\n";
  out << "instance: " << yaml_string(plan.instance) << "\n";
  if (plan.region) out << "region: " << yaml_string(*plan.region) << "\n";
  const Policy& p = plan.policy;
  const bool skip = p.missing_source == MissingSource::Skip;
  if (p.max_rewind || p.max_skip || p.out_of_range == OutOfRange::Clamp || skip) {
    out << "policy:\n";
    if (p.max_rewind) out << "  maxRewind: " << *p.max_rewind << "\n";
    if (p.max_skip) out << "  maxSkip: " << *p.max_skip << "\n";
    if (p.out_of_range == OutOfRange::Clamp) out << "  outOfRange: clamp\n";
    if (skip) out << "  missingSource: skip\n";
  }
  out << "groups:\n";
  for (const GroupSpec& g : plan.groups) {
    out << "  - group: " << yaml_string(g.group) << "\n";
    if (g.topics.size() == 1 && g.topics[0].all_topics) {
      const TopicSpec& all = g.topics[0];
      out << "    topics: all\n";
      if (!all.except_topics.empty()) {
        out << "    exceptTopics: [";
        for (size_t i = 0; i < all.except_topics.size(); ++i) out << (i ? ", " : "") << yaml_string(all.except_topics[i]);
        out << "]\n";
      }
      write_spec(out, all.spec, "    ");
      continue;
    }
    out << "    topics:\n";
    for (const TopicSpec& t : g.topics) {
      out << "      - topic: " << yaml_string(t.topic) << "\n";
      if (t.partitions) {
        out << "        partitions: ";
        write_partitions(out, *t.partitions);
        out << "\n";
      }
      write_spec(out, t.spec, "        ");
    }
  }
}

}  // namespace

std::string yaml_string(const std::string& text) {
  if (plain_safe(text)) return text;
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02X", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string write_plan_yaml(const std::vector<OffsetPlan>& plans) { return write_plan_yaml(plans, WriteOptions{}); }

std::string write_plan_yaml(const std::vector<OffsetPlan>& plans, const WriteOptions& options) {
  std::ostringstream out;
  if (!options.schema_path.empty()) out << "# yaml-language-server: $schema=" << options.schema_path << "\n";
  for (const std::string& h : options.header) {
    size_t start = 0;
    for (;;) {
      size_t end = h.find('\n', start);
      std::string line = h.substr(start, end == std::string::npos ? std::string::npos : end - start);
      out << (line.empty() ? "#" : "# " + printable_line(line)) << "\n";
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
  for (size_t i = 0; i < plans.size(); ++i) {
    if (i > 0) out << "---\n";
    write_plan(out, plans[i]);
  }
  return out.str();
}

}  // namespace offsetctl::plan
