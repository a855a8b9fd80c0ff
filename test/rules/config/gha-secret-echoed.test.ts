// Tests for config/gha-secret-echoed.
import rule from '../../../server/src/engine/rules/config/gha-secret-echoed';
import { ruleTester } from '../../helpers/rule-tester';

const wf = (run: string, extra = ''): string => `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - name: step\n${extra}        run: |\n${run.split('\n').map((l) => `          ${l}`).join('\n')}\n`;

ruleTester(rule, {
  path: '.github/workflows/ci.yml',
  valid: [
    wf('echo "${{ secrets.DOCKER_PASSWORD }}" | docker login -u me --password-stdin'),
    wf('echo "${{ secrets.DEPLOY_KEY }}" > ~/.ssh/id_ed25519'),
    wf('echo "::add-mask::${{ secrets.TOKEN }}"'),
    wf('echo "TOKEN=${{ secrets.TOKEN }}" >> "$GITHUB_ENV"'),
    wf('curl -H "Authorization: Bearer $TOKEN" https://api.example.com', '        env:\n          TOKEN: ${{ secrets.TOKEN }}\n'),
    wf('set -x\nmake build'),
    { name: 'not a workflow', path: 'ci/pipeline.yml', code: 'steps:\n  - run: echo ${{ secrets.X }}\n' },
    wf('# echo ${{ secrets.X }}\necho done'),
  ],
  invalid: [
    {
      code: wf('echo "token is ${{ secrets.API_TOKEN }}"'),
      errors: [{ messageId: 'printed', line: 8, column: 26, endColumn: 50, message: 'echo prints secrets.API_TOKEN to the build log; log masking misses encoded, split or transformed values' }],
    },
    {
      code: 'on: push\njobs:\n  a:\n    steps:\n      - run: printf "%s" ${{secrets.KEY}}; cat <<< "${{ secrets.OTHER }}"\n',
      errors: [{ messageId: 'printed', line: 5, column: 26, endColumn: 42 }, { messageId: 'printed', line: 5, column: 53 }],
    },
    {
      name: 'set -x with secrets in env',
      code: wf('set -ex\n./deploy.sh "$TOKEN"', '        env:\n          TOKEN: ${{ secrets.DEPLOY_TOKEN }}\n'),
      errors: [{ messageId: 'xtrace', line: 10, column: 11, endColumn: 18 }],
    },
  ],
});
