#include "plan/offsets_csv.h"

#include <cstdio>
#include <limits>
#include <map>
#include <optional>
#include <tuple>

#include "plan/text.h"

namespace offsetctl::plan {
namespace {

constexpr size_t kMaxCsvErrors = 200;  // as validate shows per file

bool needs_quotes(const std::string& field) {
  if (field.empty()) return false;
  if (field.front() == ' ' || field.back() == ' ') return true;
  return field.find_first_of(",\"\r\n") != std::string::npos;
}

std::string csv_field(const std::string& field) {
  if (!needs_quotes(field)) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

struct Field {
  std::string text;
  int col = 1;  // 1-based byte column where it starts
  bool quoted = false;
};

// One line's fields; an open quote or text after a closing quote is an error
// (its byte column in *bad_col).
std::optional<std::vector<Field>> split_csv_line(std::string_view line, int* bad_col, std::string* why) {
  std::vector<Field> fields;
  size_t pos = 0;
  while (true) {
    Field f;
    f.col = static_cast<int>(pos) + 1;
    if (pos < line.size() && line[pos] == '"') {
      f.quoted = true;
      ++pos;
      bool closed = false;
      while (pos < line.size()) {
        if (line[pos] == '"') {
          if (pos + 1 < line.size() && line[pos + 1] == '"') {
            f.text += '"';
            pos += 2;
            continue;
          }
          closed = true;
          ++pos;
          break;
        }
        f.text += line[pos++];
      }
      if (!closed) {
        *bad_col = f.col;
        *why = "a quoted field is not closed: end it with '\"' (a quote inside is written twice: \"\")";
        return std::nullopt;
      }
      if (pos < line.size() && line[pos] != ',') {
        *bad_col = static_cast<int>(pos) + 1;
        *why = "text after a quoted field: a field is quoted as a whole";
        return std::nullopt;
      }
    } else {
      size_t end = line.find(',', pos);
      if (end == std::string_view::npos) end = line.size();
      f.text = std::string(line.substr(pos, end - pos));
      pos = end;
    }
    fields.push_back(std::move(f));
    if (pos >= line.size()) break;
    ++pos;  // the comma
  }
  return fields;
}

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

std::string quoted_text(const std::string& s) { return "'" + printable(s) + "'"; }

// A decimal number in [0, max], or why not.
std::optional<int64_t> csv_number(const std::string& raw, const char* what, int64_t max, std::string* why) {
  const std::string s = trim(raw);
  if (s.empty()) {
    *why = std::string("the ") + what + " is empty: give a number";
    return std::nullopt;
  }
  const bool negative = s[0] == '-';
  const size_t digits_from = negative ? 1 : 0;
  bool digits = s.size() > digits_from;
  for (size_t i = digits_from; i < s.size(); ++i) digits = digits && s[i] >= '0' && s[i] <= '9';
  if (!digits) {
    *why = std::string(what) + " " + quoted_text(s) + " is not a number: give a decimal integer";
    return std::nullopt;
  }
  if (negative) {
    *why = std::string(what) + " " + s + " is negative: " + what + "s are 0 to " + std::to_string(max);
    return std::nullopt;
  }
  int64_t v = 0;
  for (char c : s) {
    if (v > (max - (c - '0')) / 10) {
      *why = std::string(what) + " " + s + " is too large: " + what + "s are 0 to " + std::to_string(max);
      return std::nullopt;
    }
    v = v * 10 + (c - '0');
  }
  return v;
}

bool kafka_topic_name(const std::string& s) {
  if (s.empty() || s.size() > 249) return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
              c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::string group_name_problem(const std::string& s) {
  if (s.empty()) return "the group is empty: give the consumer group's name";
  if (s.size() > 1024) return "the group name is longer than 1024 characters";
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = next_code_point(s, pos);
    if (is_invisible(c)) {
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
      return std::string("the group name contains an invisible or control character (") + code +
             "): plan text must be printable";
    }
  }
  return "";
}

namespace {

bool header_word(const std::string& s, const char* word) {
  std::string t = trim(s);
  if (t.size() != std::string_view(word).size()) return false;
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != word[i]) return false;
  }
  return true;
}

}  // namespace

std::string write_offsets_csv(const std::vector<CsvOffset>& rows, CsvLayout layout) {
  std::string out;
  for (const auto& r : rows) {
    if (layout == CsvLayout::GroupTopicPartitionOffset) out += csv_field(r.group) + ",";
    out += csv_field(r.topic) + "," + std::to_string(r.partition) + "," + std::to_string(r.offset) + "\n";
  }
  return out;
}

std::vector<CsvOffset> csv_rows(const std::vector<OffsetPlan>& plans) {
  std::vector<CsvOffset> rows;
  for (const auto& p : plans) {
    for (const auto& g : p.groups) {
      for (const auto& t : g.topics) {
        const auto* offsets = std::get_if<ExplicitOffsets>(&t.spec);
        if (!offsets) continue;
        for (const auto& [partition, offset] : offsets->by_partition) rows.push_back({g.group, t.topic, partition, offset});
      }
    }
  }
  return rows;
}

CsvRead read_offsets_csv(std::string_view text, const std::string& path) {
  CsvRead r;
  std::string owned(text);
  strip_utf8_bom(owned);
  text = owned;
  LineIndex lines(text);
  size_t hidden = 0;
  auto error = [&](int line, int byte_col, std::string message) {
    if (r.errors.size() >= kMaxCsvErrors) {
      ++hidden;
      return;
    }
    Diagnostic d;
    d.file = path;
    d.line = line;
    d.message = std::move(message);
    if (line > 0) {
      d.col = lines.char_col(line, byte_col);
      set_source_line(d, lines.line(line));
    }
    r.errors.push_back(std::move(d));
  };
  for (const auto& issue : check_encoding(text, kMaxCsvErrors)) error(issue.line, issue.col, issue.message);
  if (!r.errors.empty()) return r;

  std::optional<size_t> width;  // the first row's number of fields
  int width_line = 0;
  std::map<std::tuple<std::string, std::string, int32_t>, int> seen;  // -> line
  int line_count = 1;
  for (char c : text) line_count += c == '\n';
  for (int n = 1; n <= line_count; ++n) {
    std::string_view line = lines.line(n);
    if (trim(std::string(line)).empty()) continue;
    int bad_col = 0;
    std::string why;
    auto fields = split_csv_line(line, &bad_col, &why);
    if (!fields) {
      error(n, bad_col, why);
      continue;
    }
    const size_t count = fields->size();
    if (count != 3 && count != 4) {
      error(n, 1,
            "a line has " + std::to_string(count) + (count == 1 ? " field" : " fields") +
                ": kafka-consumer-groups' CSV has topic,partition,offset or group,topic,partition,offset");
      continue;
    }
    if (!width) {
      width = count;
      width_line = n;
    } else if (count != *width) {
      error(n, 1,
            "this line has " + std::to_string(count) + " fields and line " + std::to_string(width_line) + " has " +
                std::to_string(*width) + ": a file holds one layout, topic,partition,offset or "
                "group,topic,partition,offset");
      continue;
    }
    const size_t t = count == 4 ? 1 : 0;  // the topic's field
    const Field& topic = (*fields)[t];
    const Field& partition = (*fields)[t + 1];
    const Field& offset = (*fields)[t + 2];
    if (header_word(partition.text, "partition") || header_word(offset.text, "offset")) {
      error(n, 1, "a header line: kafka-consumer-groups' CSV has none (each line is one partition); remove it");
      continue;
    }
    CsvOffset row;
    row.line = n;
    bool ok = true;
    if (count == 4) {
      row.group = (*fields)[0].text;
      if (std::string bad = group_name_problem(row.group); !bad.empty()) {
        error(n, (*fields)[0].col, bad);
        ok = false;
      }
    }
    row.topic = topic.text;
    if (!kafka_topic_name(row.topic)) {
      error(n, topic.col,
            row.topic.empty() ? std::string("the topic is empty: give the topic's name")
                              : "topic " + quoted_text(row.topic) +
                                    " is not a Kafka topic name (letters, digits, '.', '_' and '-', at most 249)");
      ok = false;
    }
    std::string bad;
    if (auto p = csv_number(partition.text, "partition", std::numeric_limits<int32_t>::max(), &bad)) {
      row.partition = static_cast<int32_t>(*p);
    } else {
      error(n, partition.col, bad);
      ok = false;
    }
    if (auto o = csv_number(offset.text, "offset", std::numeric_limits<int64_t>::max(), &bad)) {
      row.offset = *o;
    } else {
      error(n, offset.col, bad);
      ok = false;
    }
    if (!ok) continue;
    auto [at, fresh] = seen.emplace(std::make_tuple(row.group, row.topic, row.partition), n);
    if (!fresh) {
      error(n, partition.col,
            "partition " + std::to_string(row.partition) + " of topic '" + row.topic + "'" +
                (row.group.empty() ? std::string() : " in group " + quoted_text(row.group)) +
                " is already given at line " + std::to_string(at->second) + ": each partition may have one offset");
      continue;
    }
    r.rows.push_back(std::move(row));
  }
  if (width) {
    r.layout = *width == 4 ? CsvLayout::GroupTopicPartitionOffset : CsvLayout::TopicPartitionOffset;
  } else if (r.errors.empty()) {
    error(0, 0,
          "the file holds no offsets: kafka-consumer-groups' CSV has one line per partition, "
          "topic,partition,offset or group,topic,partition,offset");
  }
  if (hidden > 0) {
    Diagnostic more;
    more.file = path;
    more.message = "and " + std::to_string(hidden) + " more " + (hidden == 1 ? "error" : "errors");
    r.errors.push_back(std::move(more));
  }
  return r;
}

}  // namespace offsetctl::plan
