#pragma once
// `offsetctl plan --format markdown --comment-dir DIR`: the whole PR comment,
// never cut, as DIR/comment-1.md, comment-2.md, ... each starting with the
// hidden marker by which a pipeline finds and edits its own comments.

#include <string>
#include <vector>

#include "util/result.h"

namespace offsetctl::cli {

// Before any call: DIR must not be, or hold, a file the command reads, nor be a
// file; a comment-N.md already in it must be one offsetctl wrote (it starts with
// the marker), or it is left alone and the run refused.
Status<> check_comment_dir(const std::string& dir, const std::vector<std::string>& inputs);

// Writes the parts, removes offsetctl's parts left from an earlier, longer
// comment (they would be posted as if current) and says what it wrote.
Result<std::string> write_comment_parts(const std::string& dir, const std::vector<std::string>& parts);

}  // namespace offsetctl::cli
