#!/usr/bin/env bash
# The pull request job's offsetctl steps: validate the plan files with annotations on their lines,
# plan them against the cluster, and leave for the next steps the comment parts and the saved plan.
# It never fails before the comment is written: the verdict goes to $GITHUB_OUTPUT (status, changes)
# and the workflow's last step fails the job on it, after the reviewers can read why.
#
# Environment: PLANS (default: plans), OUT (default: .offsetctl), OFFSETCTL (default: offsetctl),
# OFFSETCTL_ENDPOINT (optional, e.g. a private endpoint); the TENCENTCLOUD_* credentials and region.
set -uo pipefail

plans=${PLANS:-plans}
out=${OUT:-.offsetctl}
bin=${OFFSETCTL:-offsetctl}
endpoint=()
[ -n "${OFFSETCTL_ENDPOINT:-}" ] && endpoint=(--endpoint "$OFFSETCTL_ENDPOINT")
output=${GITHUB_OUTPUT:-/dev/null}

rm -rf "$out"
mkdir -p "$out/comment"

if ! "$bin" validate "$plans" --format github; then
  echo "status=invalid" >>"$output"
  echo "changes=false" >>"$output"
  exit 0
fi

# The report is the PR comment (offsetctl keeps a Markdown report under GitHub's 65,536-character
# limit), the annotations go to the log, and the job summary gets the report too
# ($GITHUB_STEP_SUMMARY). The hidden marker on the comment's first line lets sticky-comment.js find
# and edit it on the next push.
branch=${GITHUB_HEAD_REF:-pr}
marker="<!-- offsetctl plan ${branch//[^A-Za-z0-9._\/-]/_} part 1/1 -->"  # no '>' can end the comment early
"$bin" plan "$plans" "${endpoint[@]}" --format markdown --diagnostics github \
  --out "$out/plan.json" --detailed-exitcode >"$out/report.md"
code=$?
{ echo "$marker"; cat "$out/report.md"; } >"$out/comment/comment-1.md"
case $code in
  0) status=ok changes=false ;;
  2) status=ok changes=true ;;
  *) status=failed changes=false ;;
esac
# A saved plan is kept only when all of it can be applied: never one with blocked or invalid rows.
[ "$status" = ok ] || rm -f "$out/plan.json"
echo "status=$status" >>"$output"
echo "changes=$changes" >>"$output"
exit 0
