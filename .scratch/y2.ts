import { parseAllDocuments } from 'yaml';
const d = parseAllDocuments('a:\nb: ""\nc: null\n') as any;
for (const p of d[0].contents.items) console.log(p.value?.value, JSON.stringify(p.value?.source), p.value?.type, p.value?.range);
