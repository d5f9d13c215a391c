#!/usr/bin/env bash
# The merge job's first step: which run of the pull request workflow planned the commit that was
# merged, so that the job applies the saved plan its reviewers saw, not a new one. Writes
# run_id=<id> (and found=true) to $GITHUB_OUTPUT, or found=false when the merge came from no pull
# request or its plan had nothing to change. Needs GH_TOKEN (the job's github.token).
set -euo pipefail

output=${GITHUB_OUTPUT:-/dev/null}
workflow=${PLAN_WORKFLOW:-offsetctl-plan.yml}

head=$(gh api "repos/$GITHUB_REPOSITORY/commits/$GITHUB_SHA/pulls" --jq '.[0].head.sha // empty')
if [ -z "$head" ]; then
  echo "::warning title=offsetctl::$GITHUB_SHA came from no pull request: nothing reviewed to apply"
  echo "found=false" >>"$output"
  exit 0
fi
run_id=$(gh run list --repo "$GITHUB_REPOSITORY" --workflow "$workflow" --commit "$head" --status success \
  --json databaseId --jq '.[0].databaseId // empty')
if [ -z "$run_id" ]; then
  echo "::error title=offsetctl::no successful run of $workflow planned $head, the pull request's last commit: re-run it, then this job"
  exit 1
fi
if ! gh api "repos/$GITHUB_REPOSITORY/actions/runs/$run_id/artifacts" --jq '.artifacts[].name' | grep -qx offsetctl-plan; then
  echo "::notice title=offsetctl::the reviewed plan (run $run_id) changes nothing: nothing to apply"
  echo "found=false" >>"$output"
  exit 0
fi
echo "found=true" >>"$output"
echo "run_id=$run_id" >>"$output"
