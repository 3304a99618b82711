// Validates every Kubernetes object under deploy/kubernetes against the JSON schemas that the
// kubernetes-models packages bundle (Kubernetes' own OpenAPI, and KEDA's CRDs): offline once
// `npm ci` has run. Objects of kinds with no bundled schema (Strimzi, ECK) are listed as not
// validated here; DeploymentChecks in desk-ui checks their structure.
// Usage: node deploy/validate/validate.mjs [folder]   Exit code 1 when any object is invalid.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(process.argv[2] ?? join(here, "..", "kubernetes"));

// apiVersion -> the package that has its models; the group's folder is the apiVersion itself.
const packages = [
  { pattern: /^keda\.sh\//, module: "@kubernetes-models/keda" },
  { pattern: /^(v1|apps\/v1|policy\/v1|autoscaling\/v2|networking\.k8s\.io\/v1|batch\/v1|rbac\.authorization\.k8s\.io\/v1)$/,
    module: "kubernetes-models" },
];

function yamlFiles(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  }).sort();
}

async function modelOf(apiVersion, kind) {
  const found = packages.find((p) => p.pattern.test(apiVersion));
  if (!found) return undefined;
  try {
    const module = await import(`${found.module}/${apiVersion}/${kind}`);
    return module[kind];
  } catch (e) {
    if (e.code === "ERR_PACKAGE_PATH_NOT_EXPORTED" || e.code === "ERR_MODULE_NOT_FOUND") return null;
    throw e;
  }
}

let passed = 0;
let failed = 0;
const notValidated = new Set();
for (const file of yamlFiles(root)) {
  const where = relative(resolve(root, ".."), file);
  const documents = parseAllDocuments(readFileSync(file, "utf8"));
  for (const [index, document] of documents.entries()) {
    if (document.errors.length > 0) {
      console.log(`FAIL ${where} document ${index + 1}: ${document.errors.map((e) => e.message).join("; ")}`);
      failed++;
      continue;
    }
    const object = document.toJS();
    if (object == null || object.kind === "Kustomization") continue;
    const Model = await modelOf(object.apiVersion, object.kind);
    if (Model === undefined) {
      notValidated.add(`${object.apiVersion} ${object.kind}`);
      continue;
    }
    const name = `${where} ${object.kind}/${object.metadata?.name ?? "(no name)"}`;
    if (Model === null) {
      console.log(`FAIL ${name}: Kubernetes has no ${object.kind} in ${object.apiVersion}`);
      failed++;
      continue;
    }
    try {
      new Model(object).validate();
      passed++;
    } catch (e) {
      const details = (e.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message}`
          + (error.params?.additionalProperty ? ` (${error.params.additionalProperty})` : "")).join("; ");
      console.log(`FAIL ${name}: ${details || e.message}`);
      failed++;
    }
  }
}
for (const kind of [...notValidated].sort()) console.log(`not validated here (no bundled schema): ${kind}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
