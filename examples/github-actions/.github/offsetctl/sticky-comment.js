// Posts the plan report as the pull request's sticky comment, for actions/github-script:
//   const post = require('./.github/offsetctl/sticky-comment.js');
//   await post({github, context, dir: '.offsetctl/comment'});
// Each part offsetctl wrote (comment-1.md, comment-2.md, ...) starts with a hidden marker,
// "<!-- offsetctl plan NAME part i/n -->". The comments this workflow posted before are found by
// that marker and edited in place, part i into the comment of part i; parts no longer needed are
// deleted, so a pull request has one current report however often it is pushed to.
const fs = require('fs');
const path = require('path');

const MARKER = /^<!-- offsetctl plan (\S+) part (\d+)\/(\d+) -->/;

function readParts(dir) {
  return fs.readdirSync(dir)
    .map((f) => /^comment-(\d+)\.md$/.exec(f))
    .filter(Boolean)
    .map((m) => ({ index: Number(m[1]), body: fs.readFileSync(path.join(dir, m[0]), 'utf8') }))
    .sort((a, b) => a.index - b.index);
}

module.exports = async function postStickyComment({ github, context, dir }) {
  const parts = readParts(dir);
  if (parts.length === 0) throw new Error(`no comment parts in ${dir}: did offsetctl plan run with --comment-dir?`);
  const { owner, repo } = context.repo;
  const issue_number = context.issue.number;
  const existing = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 });
  const ours = existing
    .map((c) => ({ c, m: MARKER.exec(c.body || '') }))
    .filter(({ c, m }) => m && c.user && c.user.type === 'Bot')
    .sort((a, b) => Number(a.m[2]) - Number(b.m[2]) || a.c.id - b.c.id)
    .map(({ c }) => c);
  for (let i = 0; i < parts.length; i++) {
    if (i < ours.length) {
      await github.rest.issues.updateComment({ owner, repo, comment_id: ours[i].id, body: parts[i].body });
    } else {
      await github.rest.issues.createComment({ owner, repo, issue_number, body: parts[i].body });
    }
  }
  for (const old of ours.slice(parts.length)) {
    await github.rest.issues.deleteComment({ owner, repo, comment_id: old.id });
  }
  return parts.length;
};
