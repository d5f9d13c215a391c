#!/usr/bin/env bash
# The merge job's offsetctl step: apply the saved plan the pull request's reviewers approved.
# apply re-reads every group first and refuses, changing nothing, when anything moved since the
# plan was made (the drift check), so an old plan can never overwrite newer offsets. The exit code
# is apply's: 0 when every partition is changed and verified, 1 on a refusal or on any failed or
# unverified partition, which fails the job.
#
# Environment: SAVED_PLAN (default: .offsetctl/plan.json), AUDIT_LOG (default:
# audit/offsetctl-audit.jsonl), OFFSETCTL (default: offsetctl), OFFSETCTL_ENDPOINT (optional);
# the TENCENTCLOUD_* credentials.
set -uo pipefail

plan=${SAVED_PLAN:-.offsetctl/plan.json}
audit=${AUDIT_LOG:-audit/offsetctl-audit.jsonl}
bin=${OFFSETCTL:-offsetctl}
endpoint=()
[ -n "${OFFSETCTL_ENDPOINT:-}" ] && endpoint=(--endpoint "$OFFSETCTL_ENDPOINT")

if [ ! -f "$plan" ]; then
  echo "::error title=offsetctl::no saved plan at $plan: was the pull request planned with changes, and did its plan job pass?"
  exit 1
fi
mkdir -p "$(dirname "$audit")"
"$bin" apply "$plan" "${endpoint[@]}" --audit-log "$audit"
code=$?
# The audit log must hold: a broken chain is worth failing for even after a good apply.
"$bin" audit verify "$audit" || exit 1
exit $code
