#pragma once
// Before a command writes a file the user named (--out, rollback --out,
// export --out): the folder must exist, the file must not be one the command
// reads, and a file already there must be of the kind the command writes, so
// that a slip of the keyboard never replaces a plan, a log or anything else.

#include <string>
#include <vector>

#include "util/result.h"

namespace offsetctl::cli {

enum class OutputKind {
  SavedPlan,  // JSON written by `offsetctl plan --out`
  PlanFile,   // a YAML plan file (export, rollback)
};

// A saved plan is JSON (`offsetctl plan --out`); plan files are YAML documents,
// which never start with '{'. Only the first bytes are read.
bool looks_like_saved_plan(const std::string& path);

// For a command that reads plan files: refuses a saved plan among `paths`,
// saying what to do with it instead.
Status<> refuse_saved_plans(const std::vector<std::string>& paths);

// `flag` names the option in messages ("--out"); `inputs` are the files (or
// folders) the command reads. Checks nothing on the network.
Status<> check_output_file(const std::string& path, const std::string& flag, OutputKind kind,
                           const std::vector<std::string>& inputs);

// A folder the command writes files into (`flag` names the option): not a file,
// and neither one of the `inputs` nor a folder holding one; `what` says what
// goes into it ("the comment's parts").
Status<> check_output_folder(const std::string& dir, const std::string& flag, const std::string& what,
                             const std::vector<std::string>& inputs);

}  // namespace offsetctl::cli
