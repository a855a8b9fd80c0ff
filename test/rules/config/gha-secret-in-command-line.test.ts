// Tests for config/gha-secret-in-command-line.
import rule from '../../../server/src/engine/rules/config/gha-secret-in-command-line';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  path: '.github/workflows/deploy.yml',
  valid: [
    'on: push\njobs:\n  d:\n    steps:\n      - name: notify\n        env:\n          TOKEN: ${{ secrets.TOKEN }}\n        run: curl -H "Authorization: Bearer $TOKEN" https://api.example.com\n',
    'on: push\njobs:\n  d:\n    steps:\n      - uses: some/action@v1\n        with:\n          token: ${{ secrets.TOKEN }}\n',
    'on: push\njobs:\n  d:\n    steps:\n      - run: echo curl is installed; ./deploy.sh\n',
  ],
  invalid: [
    {
      code: 'on: push\njobs:\n  d:\n    steps:\n      - name: notify\n        run: |\n          curl -H "Authorization: Bearer ${{ secrets.API_TOKEN }}" https://api.example.com\n',
      errors: [{
        messageId: 'commandLine', line: 7, column: 42, endColumn: 66, message: /secrets\.API_TOKEN is written into the curl command line.*use "\$API_TOKEN"/,
        fixes: [{ title: 'Pass secrets.API_TOKEN through env: API_TOKEN', applicability: 'unsafe', output: 'on: push\njobs:\n  d:\n    steps:\n      - name: notify\n        env:\n          API_TOKEN: ${{ secrets.API_TOKEN }}\n        run: |\n          curl -H "Authorization: Bearer ${API_TOKEN}" https://api.example.com\n' }],
      }],
    },
    {
      name: 'existing env: block gets the entry; continuation line',
      code: 'on: push\njobs:\n  d:\n    steps:\n      - name: upload\n        env:\n          URL: https://x\n        run: |\n          curl -sf "$URL" \\\n            -u "me:${{ secrets.PASS }}"\n',
      errors: [{ messageId: 'commandLine', line: 10, column: 20, fixes: [{ output: 'on: push\njobs:\n  d:\n    steps:\n      - name: upload\n        env:\n          URL: https://x\n          PASS: ${{ secrets.PASS }}\n        run: |\n          curl -sf "$URL" \\\n            -u "me:${PASS}"\n' }] }],
    },
    {
      name: 'no fix inside single quotes or for - run: first key',
      code: "on: push\njobs:\n  d:\n    steps:\n      - run: wget --header 'X-Key=${{ secrets.KEY }}' https://x\n      - name: b\n        run: curl -u 'u:${{ secrets.K2 }}' https://y\n",
      errors: [{ messageId: 'commandLine', line: 5, fixes: [] }, { messageId: 'commandLine', line: 7, fixes: [] }],
    },
  ],
});
