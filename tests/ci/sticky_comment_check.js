// Drives examples/github-actions/.github/offsetctl/sticky-comment.js with a fake GitHub API and
// prints each call, for workflow_lint_test.cc to compare. Usage: node sticky_comment_check.js SCRIPT
const fs = require('fs');
const os = require('os');
const path = require('path');
const post = require(process.argv[2]);

function fakeGithub(comments) {
  const rest = {
    issues: {
      listComments: 'listComments',
      async updateComment({ comment_id, body }) {
        console.log(`update ${comment_id} ${body.split('\n')[0]}`);
        comments.find((c) => c.id === comment_id).body = body;
      },
      async createComment({ issue_number, body }) {
        console.log(`create ${issue_number} ${body.split('\n')[0]}`);
        comments.push({ id: 12, body, user: { type: 'Bot' } });
      },
      async deleteComment({ comment_id }) {
        console.log(`delete ${comment_id}`);
        comments.splice(comments.findIndex((c) => c.id === comment_id), 1);
      },
    },
  };
  return { rest, paginate: async () => comments.slice() };
}

function writeParts(n) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sticky-'));
  for (let i = 1; i <= n; i++) fs.writeFileSync(path.join(dir, `comment-${i}.md`), `<!-- offsetctl plan replay part ${i}/${n} -->\nbody ${i}\n`);
  return dir;
}

(async () => {
  const context = { repo: { owner: 'o', repo: 'r' }, issue: { number: 7 } };
  const comments = [
    { id: 10, body: 'LGTM', user: { type: 'User' } },
    { id: 11, body: '<!-- offsetctl plan replay part 1/1 -->\nold', user: { type: 'Bot' } },
    { id: 9, body: '<!-- offsetctl plan replay part 1/1 -->\nquoted by a person', user: { type: 'User' } },
  ];
  const github = fakeGithub(comments);
  console.log(`parts ${await post({ github, context, dir: writeParts(2) })}`);
  console.log(`parts ${await post({ github, context, dir: writeParts(1) })}`);
})().catch((e) => { console.error(e); process.exit(1); });
