// Tests for config/docker-root-user.
import rule from '../../../server/src/engine/rules/config/docker-root-user';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  path: 'Dockerfile',
  valid: [
    'FROM node:20\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n',
    { name: 'builder stage is root, final stage has USER', code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nCMD ["go", "test"]\n\nFROM alpine:3.19\nCOPY --from=build /app /app\nUSER 10001:10001\nENTRYPOINT ["/app"]\n' },
    { name: 'USER after CMD still applies', code: 'FROM python:3.12\nCMD ["python", "app.py"]\nUSER app\n' },
    { name: 'no CMD/ENTRYPOINT: the base image decides', code: 'FROM nginx:1.25-alpine\nCOPY dist /usr/share/nginx/html\n' },
    { name: 'distroless nonroot', code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nENTRYPOINT ["/app"]\n' },
    { name: 'bitnami image', code: 'FROM bitnami/node:20\nCMD ["node", "index.js"]\n' },
    { name: 'final stage inherits USER from an earlier stage', code: 'FROM node:20 AS base\nUSER node\n\nFROM base\nCMD ["node", "a.js"]\n' },
    { name: 'USER from a variable', code: 'FROM ubuntu\nARG APP_USER=app\nUSER ${APP_USER}\nCMD ["run"]\n' },
    { name: 'comment mentions USER root', code: 'FROM node:20\n# USER root\nUSER node\nCMD ["node"]\n' },
    {
      name: 'gosu installed for the entrypoint script to step down from root',
      code: 'FROM debian:12-slim\nRUN groupadd -r db && useradd -r -g db db\nRUN curl -fsSLo /usr/local/bin/gosu "$GOSU_URL" && chmod +x /usr/local/bin/gosu && gosu nobody true\nCOPY entry.sh /usr/local/bin/\nENTRYPOINT ["entry.sh"]\nCMD ["dbserver"]\n',
    },
    { name: 'su-exec in the entrypoint itself', code: 'FROM alpine:3.20\nRUN apk add --no-cache su-exec\nENTRYPOINT ["su-exec", "app:app", "/srv/run"]\n' },
    { name: 'setpriv installed in a base stage the final stage builds on', code: 'FROM alpine:3.20 AS base\nRUN apk add --no-cache setpriv\n\nFROM base\nCOPY start.sh /\nENTRYPOINT ["/start.sh"]\n' },
  ],
  invalid: [
    {
      name: 'gosu installed but no entrypoint script to use it: CMD runs as root',
      code: 'FROM debian:12-slim\nRUN apt-get install -y gosu\nCMD ["server"]\n',
      errors: [{ messageId: 'noUser', line: 3, column: 1 }],
    },
    {
      name: 'a word that only contains a tool name is not a step-down',
      code: 'FROM alpine:3.20\nRUN apk add mygosu-tools\nENTRYPOINT ["/run.sh"]\n',
      errors: [{ messageId: 'noUser', line: 3, column: 1 }],
    },
    {
      code: 'FROM node:20\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
      errors: [{
        messageId: 'noUser', line: 4, column: 1, endColumn: 26,
        fixes: [{ title: 'Add USER node before CMD', applicability: 'unsafe', output: 'FROM node:20\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n' }],
      }],
    },
    {
      name: 'explicit USER root last',
      code: 'FROM python:3.12-slim\nRUN useradd app\nUSER app\nRUN pip install x\nUSER root\nCMD ["python", "app.py"]\n',
      errors: [{ messageId: 'explicitRoot', line: 5, column: 1, endColumn: 10, message: /USER root/, fixes: [{ title: 'Run as nobody instead of root', output: 'FROM python:3.12-slim\nRUN useradd app\nUSER app\nRUN pip install x\nUSER nobody\nCMD ["python", "app.py"]\n' }] }],
    },
    {
      name: 'USER 0',
      code: 'FROM alpine\nUSER 0\nENTRYPOINT ["/bin/app"]\n',
      errors: [{ messageId: 'explicitRoot', line: 2, fixes: [{ output: 'FROM alpine\nUSER nobody\nENTRYPOINT ["/bin/app"]\n' }] }],
    },
    {
      name: 'multi-stage: builder has USER but the final stage does not',
      code: 'FROM node:20 AS build\nUSER node\nRUN npm ci\n\nFROM node:20-slim\nCOPY --from=build /app /app\nENTRYPOINT ["node"]\nCMD ["/app/index.js"]\n',
      errors: [{ messageId: 'noUser', line: 8, message: /CMD runs as root/, fixes: [{ output: 'FROM node:20 AS build\nUSER node\nRUN npm ci\n\nFROM node:20-slim\nCOPY --from=build /app /app\nUSER node\nENTRYPOINT ["node"]\nCMD ["/app/index.js"]\n' }] }],
    },
    {
      name: 'final stage built FROM a stage that ends with USER root',
      code: 'FROM debian:12 AS base\nUSER root\nRUN apt-get update\n\nFROM base\nRUN make install\n',
      errors: [{
        messageId: 'explicitRoot', line: 2, column: 1, endColumn: 10,
        fixes: [{ title: 'Add USER nobody to the final stage', output: 'FROM debian:12 AS base\nUSER root\nRUN apt-get update\n\nFROM base\nUSER nobody\nRUN make install\n' }],
      }],
    },
    {
      name: 'scratch gets a numeric user; CRLF kept',
      code: 'FROM scratch\r\nCOPY app /app\r\nENTRYPOINT ["/app"]\r\n',
      errors: [{ messageId: 'noUser', line: 3, fixes: [{ output: 'FROM scratch\r\nCOPY app /app\r\nUSER 65534\r\nENTRYPOINT ["/app"]\r\n' }] }],
    },
    {
      name: 'multi-line CMD reported on its first line',
      code: 'FROM ubuntu:24.04\nCMD ["sh", "-c", \\\n    "run"]\n',
      errors: [{ messageId: 'noUser', line: 2, column: 1, endLine: 2, endColumn: 19 }],
    },
  ],
});
