// config/compose-privileged: compose services that drop container isolation (privileged, cap_add ALL/SYS_ADMIN, seccomp/apparmor/label off).
import { composeServices, getNode, isComposeFile, isSeq, nodeRange, pairOf, scalarString, type YamlNode } from '../../languages/yaml';
import { defineRule, docsUrl } from '../../rule';

const ID = 'config/compose-privileged';

const CAPS = /^(?:CAP_)?(?:ALL|SYS_ADMIN|SYS_MODULE)$/i;
const SECURITY_OPT = /^(?:seccomp[:=]unconfined|apparmor[:=]unconfined|label[:=]disable)$/i;

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'A compose service runs privileged or with container isolation turned off',
    severity: 'warning',
    cwe: 'CWE-250',
    fix: 'unsafe',
    messages: {
      privileged: 'Service {{service}} runs privileged: it has every capability and all host devices, so root in it is root on the host',
      capability: 'Service {{service}} adds capability {{cap}}, which is enough to escape the container',
      securityOpt: 'Service {{service}} sets {{opt}}, turning off a kernel confinement layer of the container',
    },
    help: `Privileged containers, broad capabilities and disabled seccomp/AppArmor/SELinux make a compromise of the container a compromise of the host. See ${docsUrl(ID)}`,
  },
  appliesTo: ({ path, lang }) => lang === 'yaml' && isComposeFile(path),
  check(ctx) {
    for (const [service, svc] of composeServices(ctx)) {
      const priv = pairOf(svc, 'privileged');
      const pv = priv?.value as YamlNode | undefined;
      const r = pv && nodeRange(pv);
      if (pv && r && /^(?:true|yes|on)$/i.test(scalarString(pv) ?? '')) {
        const kr = nodeRange(priv!.key as YamlNode)!;
        ctx.report({
          start: kr[0], end: r[1], messageId: 'privileged', data: { service },
          fixes: [{ title: 'Set privileged: false', applicability: 'unsafe', changes: [{ path: ctx.path, edits: [ctx.lines.edit(r[0], r[1], 'false')] }] }],
        });
      }
      const caps = getNode(svc, 'cap_add');
      if (isSeq(caps)) {
        for (const item of caps.items) {
          const cap = scalarString(item);
          const ir = nodeRange(item as YamlNode);
          if (cap && ir && CAPS.test(cap)) ctx.report({ start: ir[0], end: ir[1], messageId: 'capability', data: { service, cap } });
        }
      }
      const opts = getNode(svc, 'security_opt');
      if (isSeq(opts)) {
        for (const item of opts.items) {
          const opt = scalarString(item)?.replace(/\s+/g, '');
          const ir = nodeRange(item as YamlNode);
          if (opt && ir && SECURITY_OPT.test(opt)) ctx.report({ start: ir[0], end: ir[1], messageId: 'securityOpt', data: { service, opt } });
        }
      }
    }
  },
});
