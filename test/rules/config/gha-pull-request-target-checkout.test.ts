// Tests for config/gha-pull-request-target-checkout.
import rule from '../../../server/src/engine/rules/config/gha-pull-request-target-checkout';
import { ruleTester } from '../../helpers/rule-tester';

const wf = (on: string, ref: string, jobIf = ''): string =>
  `on: ${on}\njobs:\n  test:\n${jobIf}    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: ${ref}\n      - run: npm ci && npm test\n`;

ruleTester(rule, {
  path: '.github/workflows/pr.yml',
  valid: [
    wf('pull_request', '${{ github.event.pull_request.head.sha }}'),
    wf('pull_request_target', '${{ github.sha }}'),
    'on: pull_request_target\njobs:\n  label:\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/labeler@v5\n',
    { name: 'same-repository guard', code: wf('pull_request_target', '${{ github.event.pull_request.head.sha }}', '    if: github.event.pull_request.head.repo.full_name == github.repository\n') },
  ],
  invalid: [
    {
      code: wf('pull_request_target', '${{ github.event.pull_request.head.sha }}'),
      errors: [{ messageId: 'checkout', line: 8, column: 16, endColumn: 57, message: /checks out the pull request head \(github\.event\.pull_request\.head\.sha\)/ }],
    },
    {
      code: 'on:\n  pull_request_target:\n    types: [opened]\n  push:\njobs:\n  t:\n    steps:\n      - uses: actions/checkout@v4\n        with: { ref: "${{ github.head_ref }}" }\n',
      errors: [{ messageId: 'checkout', line: 9, column: 22 }],
    },
    { code: wf('[push, pull_request_target]', 'refs/pull/${{ github.event.number }}/merge'), errors: [{ messageId: 'checkout', line: 8 }] },
  ],
});
