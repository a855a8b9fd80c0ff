// Tests for config/docker-secret-build-arg.
import rule from '../../../server/src/engine/rules/config/docker-secret-build-arg';
import { ruleTester } from '../../helpers/rule-tester';
import { token } from '../../helpers/secrets';

const tok = token(7, 40);

ruleTester(rule, {
  path: 'Dockerfile',
  valid: [
    'FROM node:20\nARG NODE_ENV=production\nENV PORT=3000\n',
    { name: 'a builder stage is not shipped', code: 'FROM node:20 AS build\nARG NPM_TOKEN\nRUN npm ci\n\nFROM node:20-slim\nCOPY --from=build /app /app\n' },
    { name: 'ARG before FROM only feeds FROM', code: 'ARG GITHUB_TOKEN\nFROM alpine\n' },
    'FROM alpine\nARG PASSWORD_FILE=/run/secrets/db\nENV TOKEN_URL=https://auth.example.com/token\n',
    { name: 'literal secret default is secret/generic-secret\'s', code: `FROM alpine\nARG API_TOKEN=${tok}\n` },
    { name: 'ENV literal is left to the secret rules', code: 'FROM alpine\nENV DB_PASSWORD=changeme\n' },
    'FROM alpine\nRUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci\n',
    { name: 'words inside a quoted default are not argument names', code: 'FROM ruby:3.3-alpine\nARG BUILD_NOTE="rotate the password and token before release"\nRUN echo "$BUILD_NOTE"\n' },
  ],
  invalid: [
    { code: 'FROM node:20\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci\n', errors: [{ messageId: 'arg', line: 2, column: 5, endColumn: 14 }] },
    {
      code: 'FROM python:3.12\nARG DB_PASSWORD=dev\nENV DB_PASSWORD=${DB_PASSWORD} APP=1\nENV API_KEY $API_KEY\n',
      errors: [{ messageId: 'arg', line: 2, column: 5 }, { messageId: 'env', line: 3, column: 5, endColumn: 16 }, { messageId: 'env', line: 4, column: 5 }],
    },
    { name: 'final stage built from a stage that takes the ARG', code: 'FROM alpine AS base\nARG GITHUB_TOKEN\n\nFROM base\nCMD ["x"]\n', errors: [{ messageId: 'arg', line: 2 }] },
  ],
});
