#include "audit/tail.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <deque>

#include "audit/lines.h"
#include "audit/record.h"
#include "audit/schema.h"

namespace offsetctl::audit {
namespace {

// Torn lines only ever come one per crash, each followed by a new run, so the
// last record is among the last few lines unless the file is damaged.
constexpr size_t kTailLines = 8;

struct Line {
  size_t number = 0;
  std::string text;
  bool oversized = false;
};

std::string verify_hint(const std::string& path) {
  return " Run 'offsetctl audit verify " + path +
         "' to see what is wrong; to start a new chain, move the file aside (keep it for the auditors).";
}

}  // namespace

Result<AuditTail> read_audit_tail(int fd, const std::string& path, const AuditSchema& schema) {
  AuditTail tail;
  tail.last_hash = std::string(kZeroHash);
  std::deque<Line> recent;
  LineSplitter splitter(kMaxRecordBytes, [&](const RawLine& line) {
    recent.push_back(Line{line.number, std::string(line.text), line.oversized});
    if (recent.size() > kTailLines) recent.pop_front();
  });
  char buffer[1 << 16];
  off_t offset = 0;
  for (;;) {
    ssize_t n = ::pread(fd, buffer, sizeof buffer, offset);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot read audit log " + path + ": " + std::strerror(errno));
    }
    if (n == 0) break;
    offset += n;
    splitter.feed(std::string_view(buffer, static_cast<size_t>(n)));
  }
  tail.ends_with_newline = splitter.at_line_start();
  tail.lines = splitter.finish();

  for (auto it = recent.rbegin(); it != recent.rend(); ++it) {
    const std::string where = path + ":" + std::to_string(it->number);
    LineParse parsed =
        it->oversized ? LineParse{LineParse::Kind::Garbage, nullptr, "too long"} : parse_line(it->text);
    if (parsed.kind == LineParse::Kind::Torn) {
      if (it == recent.rbegin()) tail.torn_line = it->number;
      continue;
    }
    if (parsed.kind == LineParse::Kind::Garbage) {
      return fail("audit log " + where + ": the last record is not an audit record (" + parsed.why +
                  "), so the hash chain cannot be continued." + verify_hint(path));
    }
    const nlohmann::json& record = parsed.value;
    if (auto why = schema.check(record)) {
      return fail("audit log " + where + ": the last record is not a valid audit record (" + *why +
                  "), so the hash chain cannot be continued." + verify_hint(path));
    }
    const std::string& hash = record["hash"].get_ref<const std::string&>();
    if (record_hash(record["prev_hash"].get<std::string>(), record) != hash) {
      return fail("audit log " + where +
                  ": the last record was changed after it was written (its hash does not match), so the "
                  "hash chain cannot be continued." +
                  verify_hint(path));
    }
    tail.last_seq = record["seq"].get<int64_t>();
    tail.last_hash = hash;
    tail.last_record_line = it->number;
    return tail;
  }
  if (tail.lines > kTailLines) {
    return fail("audit log " + path + ": none of its last " + std::to_string(kTailLines) +
                " lines is a complete record, so the hash chain cannot be continued." + verify_hint(path));
  }
  return tail;  // no complete record yet: the chain starts from 64 zeros
}

}  // namespace offsetctl::audit
