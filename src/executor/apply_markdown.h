#pragma once
// The apply report as Markdown, for a CI job summary or a comment: the outcome
// first (a refusal and its drift, or the counts), then a section per group that
// had something to do, open when anything in it failed.

#include <string>

#include "executor/apply_result.h"

namespace offsetctl::executor {

std::string render_apply_markdown(const ApplyResult& result);

}  // namespace offsetctl::executor
