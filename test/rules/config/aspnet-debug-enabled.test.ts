// Tests for config/aspnet-debug-enabled.
import rule from '../../../server/src/engine/rules/config/aspnet-debug-enabled';
import { ruleTester } from '../../helpers/rule-tester';

const web = (inner: string): string => `<?xml version="1.0"?>\n<configuration>\n  <system.web>\n${inner}  </system.web>\n</configuration>\n`;

ruleTester(rule, {
  path: 'Site/Web.config',
  valid: [
    web('    <compilation debug="false" targetFramework="4.8" />\n    <customErrors mode="RemoteOnly" />\n'),
    web('    <!-- <compilation debug="true" /> -->\n    <trace enabled="true" localOnly="true" />\n'),
    { name: 'a Debug transform', path: 'Site/Web.Debug.config', code: web('    <compilation debug="true" xdt:Transform="SetAttributes" />\n') },
    {
      name: 'the Release transform removes debug',
      code: web('    <compilation debug="true" targetFramework="4.8" />\n'),
      files: { 'Site/Web.Release.config': '<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">\n  <system.web>\n    <compilation xdt:Transform="RemoveAttributes(debug)" />\n  </system.web>\n</configuration>\n' },
    },
    { name: 'not a Web.config', path: 'Site/app.config', code: web('    <compilation debug="true" />\n') },
  ],
  invalid: [
    {
      name: 'debug compilation',
      code: web('    <compilation debug="true" targetFramework="4.8" />\n'),
      errors: [{
        messageId: 'debugCompilation', line: 4, column: 18, endColumn: 30, severity: 'warning',
        message: '<compilation debug="true"> builds the site in debug mode: slower, no request timeouts, and error pages with source lines',
        fixes: [{ title: 'Set debug="false"', applicability: 'unsafe', output: web('    <compilation debug="false" targetFramework="4.8" />\n') }],
      }],
    },
    {
      name: 'custom errors off, detailed IIS errors, remote trace',
      code: web("    <customErrors mode='Off' />\n    <trace enabled=\"true\" localOnly=\"false\" />\n") + '<system.webServer>\n  <httpErrors errorMode="Detailed" />\n</system.webServer>\n',
      errors: [
        { messageId: 'customErrorsOff', line: 4, column: 19, endColumn: 29, fixes: [{ output: web("    <customErrors mode='RemoteOnly' />\n    <trace enabled=\"true\" localOnly=\"false\" />\n") + '<system.webServer>\n  <httpErrors errorMode="Detailed" />\n</system.webServer>\n' }] },
        { messageId: 'remoteTrace', line: 5, column: 12, endColumn: 26, fixes: [] },
        { messageId: 'detailedErrors', line: 9, column: 15, endColumn: 35 },
      ],
    },
  ],
});
