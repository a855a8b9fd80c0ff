// Tests for config/gha-script-injection.
import rule from '../../../server/src/engine/rules/config/gha-script-injection';
import { ruleTester } from '../../helpers/rule-tester';

const HEAD = 'on: issues\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    steps:\n';

ruleTester(rule, {
  path: '.github/workflows/triage.yml',
  valid: [
    {
      name: 'payload objects the workflow\'s triggers never carry are empty (issue fields in a pull_request_target run, workflow_run on push)',
      code: 'on: pull_request_target\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n' +
        "      - run: echo '${{ github.event.issue.title }}' '${{ github.event.comment.body }}'\n" +
        '---\non:\n  push:\n    branches: [main]\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.workflow_run.head_branch }}\n',
    },
    HEAD + '      - name: greet\n        env:\n          TITLE: ${{ github.event.issue.title }}\n        run: echo "$TITLE"\n',
    HEAD + '      - run: echo "${{ github.event.issue.number }} ${{ github.sha }} ${{ github.event.pull_request.head.sha }}"\n',
    HEAD + '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.head_ref }}\n',
    HEAD + "      - if: contains(github.event.issue.title, 'bug')\n        run: echo bug\n",
    { name: 'not a workflow', path: 'ci/pipeline.yml', code: 'jobs:\n  a:\n    steps:\n      - run: echo "${{ github.event.issue.title }}"\n' },
  ],
  invalid: [
    {
      name: 'issue title in double quotes: env entry added, variable stays quoted',
      code: HEAD + '      - name: greet\n        run: echo "New issue ${{ github.event.issue.title }}"\n',
      errors: [{
        messageId: 'run', line: 7, column: 30, endColumn: 61, severity: 'error',
        message: /^\$\{\{ github\.event\.issue\.title \}\} is pasted into the shell script before it runs: .*use "\$ISSUE_TITLE"$/,
        fixes: [{
          title: 'Pass github.event.issue.title through env: ISSUE_TITLE', applicability: 'unsafe',
          output: HEAD + '      - name: greet\n        env:\n          ISSUE_TITLE: ${{ github.event.issue.title }}\n        run: echo "New issue ${ISSUE_TITLE}"\n',
        }],
      }],
    },
    {
      name: 'unquoted branch name in a block script with an existing env',
      code: 'on: pull_request\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - name: b\n        env:\n          CI: true\n        run: |\n          git checkout ${{ github.head_ref }}\n',
      errors: [{
        messageId: 'run', line: 10, column: 24, endColumn: 46,
        fixes: [{ output: 'on: pull_request\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - name: b\n        env:\n          CI: true\n          HEAD_REF: ${{ github.head_ref }}\n        run: |\n          git checkout "${HEAD_REF}"\n' }],
      }],
    },
    {
      name: 'no fix: single quotes, expressions, - run: as first key, pwsh',
      code: 'on: [pull_request_target, issue_comment]\njobs:\n  c:\n    runs-on: windows-latest\n    steps:\n' +
        "      - run: echo '${{ github.event.pull_request.title }}'\n" +
        '      - name: x\n        run: echo "${{ github.event.pull_request.body || \'none\' }}"\n' +
        '      - name: y\n        shell: pwsh\n        run: Write-Output "${{ github.event.comment.body }}"\n',
      errors: [
        { messageId: 'run', line: 6, fixes: [] },
        { messageId: 'run', line: 8, fixes: [] },
        { messageId: 'run', line: 11, fixes: [] },
      ],
    },
    {
      name: 'github-script',
      code: HEAD + "      - uses: actions/github-script@v7\n        with:\n          script: |\n            const t = '${{ github.event.issue.body }}'\n",
      errors: [{ messageId: 'script', line: 9, column: 24, endColumn: 54, message: /read process\.env\.ISSUE_BODY$/, fixes: [] }],
    },
    {
      name: 'fork repository description and homepage, committer names, the workflow_run head repository',
      code: 'on: [pull_request_target, workflow_run, push]\njobs:\n  e:\n    runs-on: ubuntu-latest\n    steps:\n' +
        "      - run: echo '${{ github.event.pull_request.head.repo.description }}' '${{ github.event.pull_request.head.repo.homepage }}'\n" +
        "      - run: echo '${{ github.event.head_commit.committer.name }}' '${{ github.event.workflow_run.head_repository.description }}'\n",
      errors: [
        { messageId: 'run', line: 6, column: 20, endColumn: 74 },
        { messageId: 'run', line: 6, column: 77, endColumn: 128 },
        { messageId: 'run', line: 7, column: 20, endColumn: 66 },
        { messageId: 'run', line: 7, column: 69, endColumn: 129 },
      ],
    },
    {
      name: 'commit messages and workflow_run branches',
      code: 'on:\n  push:\n  workflow_run:\n    workflows: [ci]\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - name: log\n        run: echo ${{ github.event.commits[0].message }} ${{ github.event.workflow_run.head_branch }}\n',
      errors: [
        { messageId: 'run', line: 10, column: 19, fixes: [{ title: 'Pass github.event.commits[0].message through env: COMMITS_0_MESSAGE' }] },
        { messageId: 'run', line: 10, column: 58 },
      ],
    },
  ],
});
