// Writes post.schema.json from PostSchema. The schema test fails when the file is stale.
import { writeFileSync } from 'node:fs';
import { postJsonSchema } from '../src/schema/post-json-schema.ts';

writeFileSync(new URL('../post.schema.json', import.meta.url), `${JSON.stringify(postJsonSchema(), null, 2)}\n`);
