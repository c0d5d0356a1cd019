// Validates rendered Kubernetes objects against the OpenAPI schemas of their kinds, using the schemas and
// validator that kubernetes-models ships (fetched by fetch-tools.sh).
//
// Usage: node validate-schemas.mjs NPM_DIR OBJECTS_JSON
//   NPM_DIR       folder whose node_modules holds kubernetes-models (target/tools/npm)
//   OBJECTS_JSON  a JSON array of Kubernetes objects
// Prints one JSON line {"object": "Kind/name", "problem": "..."} per problem; exits 0 when it could run.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [npmDir, objectsFile] = process.argv.slice(2);
if (!npmDir || !objectsFile) {
    console.error('usage: node validate-schemas.mjs NPM_DIR OBJECTS_JSON');
    process.exit(2);
}
const require = createRequire(path.join(path.resolve(npmDir), 'package.json'));
const objects = JSON.parse(readFileSync(objectsFile, 'utf8'));

const report = (object, problem) => console.log(JSON.stringify({ object, problem }));

objects.forEach((object, index) => {
    const where = `${object?.kind ?? '?'}/${object?.metadata?.name ?? '#' + index}`;
    const { apiVersion, kind } = object ?? {};
    if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !/^[A-Za-z0-9.\/-]+$/.test(apiVersion + kind)) {
        report(where, 'apiVersion and kind must be plain strings');
        return;
    }
    let Model;
    try {
        Model = require(`kubernetes-models/${apiVersion}/${kind}`)[kind];
    } catch (e) {
        report(where, `no schema for apiVersion ${apiVersion} kind ${kind}`);
        return;
    }
    if (typeof Model !== 'function') {
        report(where, `no schema for apiVersion ${apiVersion} kind ${kind}`);
        return;
    }
    try {
        new Model(object).validate();
    } catch (e) {
        const errors = Array.isArray(e.errors) && e.errors.length > 0 ? e.errors : [{ instancePath: '', message: e.message }];
        for (const error of errors) {
            report(where, `${error.instancePath || '/'} ${error.message}`);
        }
    }
});
